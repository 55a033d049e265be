from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import REPO


def manage(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    ignored = {"DATABASE_URL", "SECRET_KEY", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SOURCEDESK_ENV="production",
        SECRET_KEY="x7Qp2vLr9sT4wYb8nKe3mHd6gJc1fAz5uVo0iPq_RtSyWxNbLaMkEjCh",
        ALLOWED_HOSTS="desk.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", SOURCEDESK_ENV="production", ALLOWED_HOSTS="desk.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_with_debug_on():
    result = manage(
        "check",
        SOURCEDESK_ENV="production",
        SECRET_KEY="x7Qp2vLr9sT4wYb8nKe3mHd6gJc1fAz5uVo0iPq_RtSyWxNbLaMkEjCh",
        ALLOWED_HOSTS="desk.example.org",
        DEBUG="1",
    )
    assert result.returncode != 0
    assert (
        "ImproperlyConfigured: DEBUG must be off when SOURCEDESK_ENV=production." in result.stderr
    )


def test_development_still_accepts_debug_on():
    result = manage("check", SOURCEDESK_ENV="development", DEBUG="1")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"HOST": "127.0.0.1", "PORT": "8101"}, "http://127.0.0.1:8101"),
        ({"HOST": "0.0.0.0", "PORT": "9000"}, "http://127.0.0.1:9000"),  # noqa: S104
        ({}, "http://127.0.0.1:8000"),
        ({"PORT": "8101", "SOURCEDESK_BASE_URL": "https://desk.example"}, "https://desk.example"),
    ],
)
def test_base_url_defaults_to_the_address_host_and_port_serve(environment, expected):
    env = {k: v for k, v in os.environ.items() if k not in ("HOST", "PORT", "SOURCEDESK_BASE_URL")}
    result = subprocess.run(
        [sys.executable, "-c", "from config import settings; print(settings.SOURCEDESK_BASE_URL)"],
        cwd=REPO, env={**env, **environment}, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert result.stdout.strip() == expected
