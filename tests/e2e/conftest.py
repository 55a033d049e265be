"""Browser tests: real headless Chromium (Debian's) driven by Playwright against live_server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, skip_or_fail

# Playwright's sync API runs an event loop in the test thread; the ORM calls the tests make
# between browser steps are synchronous and safe there. Set before any browser starts.
ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
os.environ[ASYNC_UNSAFE] = "true"

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="package", autouse=True)
def async_unsafe_only_for_browser_tests() -> Iterator[None]:
    """Leave the variable to these tests: a subprocess started later must not inherit it
    (``check --deploy`` rightly refuses to pass with it set)."""
    os.environ[ASYNC_UNSAFE] = "true"
    yield
    os.environ.pop(ASYNC_UNSAFE, None)


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
