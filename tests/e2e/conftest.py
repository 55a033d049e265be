"""Browser tests: real headless Chromium (Debian's) driven by Playwright against live_server."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import REPO, skip_or_fail

# Playwright's sync API runs an event loop in the test thread, and it stays there until the
# session ends (the playwright fixture is session-scoped); the ORM calls made by these tests
# and by every later test are synchronous and safe there. Subprocesses that must not inherit
# the variable (``check --deploy``) drop it themselves (tests/config/test_settings.py).
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
os.environ[ASYNC_UNSAFE] = "true"

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="session")
def browser_type_launch_args() -> dict[str, object]:
    if not CHROMIUM.exists():
        skip_or_fail(f"{CHROMIUM} is missing: install Debian's chromium to run the browser tests")
    return {
        "executable_path": str(CHROMIUM),
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    }


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
