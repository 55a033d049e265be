"""API tokens: stored hashed, expiring, revoked with the password, managed by administrators."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from annotations.models import ApiToken
from annotations.services.tokens import digest_of, issue_token
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles/"


def api(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client


@pytest.fixture
def administrator(db):
    """An administrator by role, not a superuser."""
    return UserFactory(username="admin-by-role", role="administrator")


def test_only_a_digest_of_the_key_is_stored(editor):
    _, key = issue_token(user=editor)
    with connection.cursor() as cursor:
        cursor.execute("SELECT prefix, digest FROM annotations_apitoken")
        stored = cursor.fetchall()
    # The key appears nowhere in the row; its digest does.
    assert stored == [(key[:12], digest_of(key))]
    assert all(key not in value for row in stored for value in row)
    assert api(key).get(URL).status_code == 200


def test_an_expired_token_is_401(editor):
    token, key = issue_token(user=editor)
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    response = api(key).get(URL)
    assert response.status_code == 401 and response.json()["code"] == "authentication_failed"


def test_a_key_with_the_right_prefix_and_a_wrong_rest_is_401(editor):
    _, key = issue_token(user=editor)
    forged = key[:12] + ("A" if key[12] != "A" else "B") + key[13:]
    assert api(forged).get(URL).status_code == 401


def test_tokens_expire_after_the_configured_days(editor, settings):
    settings.API_TOKEN_TTL_DAYS = 7
    token, _ = issue_token(user=editor)
    assert timedelta(days=6, hours=23) < token.expires_at - timezone.now() <= timedelta(days=7)


def test_a_password_change_revokes_the_users_tokens(editor, reviewer):
    _, editor_key = issue_token(user=editor)
    _, reviewer_key = issue_token(user=reviewer)
    editor.set_password("a new long passphrase")
    editor.save()
    assert api(editor_key).get(URL).status_code == 401
    assert api(reviewer_key).get(URL).status_code == 200


def test_a_password_change_in_the_admin_revokes_tokens(client, administrator, editor):
    _, key = issue_token(user=editor)
    client.force_login(administrator)
    url = reverse("admin:auth_user_password_change", args=[editor.pk])
    password = "another long passphrase 42"
    response = client.post(url, {"password1": password, "password2": password})
    assert response.status_code == 302
    assert api(key).get(URL).status_code == 401


def test_the_command_prints_a_working_key_and_reset_revokes_the_others(publisher, capsys):
    call_command("drf_create_token", publisher.username)
    first = capsys.readouterr().out.split()[2]
    call_command("drf_create_token", publisher.username, "--reset", "--days", "30")
    second = capsys.readouterr().out.split()[2]
    assert api(first).get(URL).status_code == 401
    assert api(second).get(URL).status_code == 200


def test_the_command_refuses_an_unknown_user(db):
    with pytest.raises(CommandError, match="does not exist"):
        call_command("drf_create_token", "nobody")


def test_an_administrator_who_is_not_a_superuser_issues_a_token_in_the_admin(
    client, administrator, publisher
):
    client.force_login(administrator)
    response = client.post(
        reverse("admin:annotations_apitoken_add"),
        {"user": publisher.pk, "name": "CMS", "days": 30},
        follow=True,
    )
    (message,) = [str(m) for m in response.context["messages"] if "copy it now" in str(m)]
    key = re.search(r": (\S+) \(copy it now", message).group(1)
    assert ApiToken.objects.get().name == "CMS"
    assert api(key).get(URL).status_code == 200
    # The key is never shown again.
    token = ApiToken.objects.get()
    page = client.get(reverse("admin:annotations_apitoken_change", args=[token.pk]))
    assert page.status_code == 200 and key not in page.text


def test_an_administrator_revokes_a_token_in_the_admin(client, administrator, publisher):
    token, key = issue_token(user=publisher)
    client.force_login(administrator)
    url = reverse("admin:annotations_apitoken_delete", args=[token.pk])
    assert client.post(url, {"post": "yes"}).status_code == 302
    assert api(key).get(URL).status_code == 401


def test_an_editor_cannot_reach_the_token_admin(client, editor):
    client.force_login(editor)
    assert client.get(reverse("admin:annotations_apitoken_changelist")).status_code == 403
