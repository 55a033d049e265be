"""Fixtures of the API tests: token clients for each role, and the publishing system's user.

The publishing system is a user with the editor role and a token (see
``annotations/api/permissions.py``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from rest_framework.test import APIClient

from annotations.services.tokens import issue_token
from tests.annotations.api.receiver import receiver  # noqa: F401 (a fixture for every API test)
from tests.factories import UserFactory


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "fuzz: schemathesis run over the OpenAPI schema (part of the normal suite)"
    )


@pytest.fixture(autouse=True)
def fresh_throttles():
    """Throttle counters live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def administrator(db):
    return UserFactory(username="administrator", role="administrator")


@pytest.fixture
def publisher(db):
    """The publishing system's API user: the editor role, a token, no password login."""
    return UserFactory(username="publishing-system", role="editor")


@pytest.fixture
def client_for(db) -> Callable[[User | None], APIClient]:
    """An APIClient sending ``user``'s token (anonymous for None)."""

    def make(user: User | None) -> APIClient:
        client = APIClient()
        if user is not None:
            client.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(user=user)[1]}")
        return client

    return make


@pytest.fixture
def as_editor(client_for, editor) -> APIClient:
    return client_for(editor)


@pytest.fixture
def as_reviewer(client_for, reviewer) -> APIClient:
    return client_for(reviewer)


@pytest.fixture
def as_publisher(client_for, publisher) -> APIClient:
    return client_for(publisher)
