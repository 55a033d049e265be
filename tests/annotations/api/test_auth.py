"""Authentication, throttling and the error shape shared by every endpoint."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient
from rest_framework.throttling import UserRateThrottle

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles/"


def test_anonymous_requests_get_401_with_the_token_challenge(db):
    response = APIClient().get(URL)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["code"] == "not_authenticated"


def test_an_invalid_token_is_401(db):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")
    response = client.get(URL)
    assert response.status_code == 401 and response.json()["code"] == "authentication_failed"


def test_a_token_made_by_the_management_command_works(publisher, capsys):
    call_command("drf_create_token", publisher.username)
    key = capsys.readouterr().out.split()[2]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert client.get(URL).status_code == 200


def test_session_login_works_too(editor):
    client = APIClient()
    client.force_login(editor)
    assert client.get(URL).status_code == 200


def test_session_writes_need_the_csrf_token(editor, article):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post(f"/api/v1/articles/{article.pk}/crosscheck-jobs/")
    assert response.status_code == 403


def test_a_user_without_a_desk_role_gets_403(client_for, outsider):
    response = client_for(outsider).get(URL)
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"


def test_an_inactive_users_token_stops_working(client_for, editor):
    client = client_for(editor)
    editor.is_active = False
    editor.save(update_fields=["is_active"])
    assert client.get(URL).status_code == 401


def test_too_many_requests_get_429_with_retry_after(as_editor, monkeypatch):
    monkeypatch.setattr(UserRateThrottle, "THROTTLE_RATES", {"user": "2/minute", "anon": None})
    codes = [as_editor.get(URL).status_code for _ in range(3)]
    throttled = as_editor.get(URL)
    assert codes == [200, 200, 429]
    assert throttled.json()["code"] == "throttled" and int(throttled["Retry-After"]) > 0


def test_unknown_methods_are_405_in_the_error_shape(as_editor):
    response = as_editor.delete(URL)
    assert response.status_code == 405
    assert response.json()["code"] == "method_not_allowed"
