from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_5481d560128ff9b4.txt"


def seed_body() -> str:
    """The seed article's body: the file after its header (as ``ingest`` reads it)."""
    return SEED.read_text(encoding="utf-8").split("\n\n", 1)[1]


# No per-example deadline: a busy CI machine must not turn slowness into failures.
hypothesis_settings.register_profile("default", deadline=None)
hypothesis_settings.register_profile("ci", deadline=None, max_examples=300)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def require_services() -> bool:
    """True in CI: a test that needs a real service fails instead of skipping."""
    return os.environ.get("REQUIRE_SERVICES") == "1"


def skip_or_fail(reason: str) -> None:
    if require_services():
        pytest.fail(f"{reason} (REQUIRE_SERVICES=1, so this is a failure)")
    pytest.skip(reason)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Hashing passwords slowly is a production concern; tests log in a lot."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def no_lockouts(request, settings):
    """Tests log in with the test client, which django-axes cannot see a request for; the
    brute-force tests (marked ``lockouts``) keep it on."""
    if "lockouts" not in request.keywords:
        settings.AXES_ENABLED = False


@pytest.fixture
def seed_path() -> Path:
    return SEED


@pytest.fixture
def write_file(tmp_path: Path):
    """Write ``content`` (str or bytes) to ``tmp_path/name`` and return the path."""

    def write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
        return path

    return write


@pytest.fixture
def editor(db):
    from tests.factories import UserFactory

    return UserFactory(username="editor", role="editor")


@pytest.fixture
def second_editor(db):
    from tests.factories import UserFactory

    return UserFactory(username="editor2", role="editor")


@pytest.fixture
def reviewer(db):
    from tests.factories import UserFactory

    return UserFactory(username="reviewer", role="reviewer")


@pytest.fixture
def second_reviewer(db):
    from tests.factories import UserFactory

    return UserFactory(username="reviewer2", role="reviewer")


@pytest.fixture
def outsider(db):
    """A logged-in staff user with no desk role."""
    from tests.factories import UserFactory

    return UserFactory(username="outsider")


@pytest.fixture
def article(db):
    from tests.factories import make_article

    return make_article()


def pytest_sessionstart(session: pytest.Session) -> None:
    """Remove what a worker killed in an earlier run may have left of this run's SQLite test
    database (a hot journal would be replayed into the new database)."""
    for leftover in (REPO / "var").glob(f"test_sourcedesk_{os.getpid()}.sqlite3*"):
        leftover.unlink(missing_ok=True)
