from __future__ import annotations

import socket

import pytest
from django.urls import reverse

from config.celery import app as celery_app

pytestmark = pytest.mark.django_db


def test_health_reports_the_database_and_an_unconfigured_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response.json()["broker"].startswith("not configured")


def test_health_fails_when_the_broker_does_not_answer(client, settings):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"redis://127.0.0.1:{port}/0"
    settings.CELERY_BROKER_URL = url
    previous = celery_app.conf.broker_url
    celery_app.conf.broker_url = url
    try:
        response = client.get("/healthz")
    finally:
        celery_app.conf.broker_url = previous
    assert response.status_code == 503
    assert response.json()["broker"].startswith("unavailable")


def test_every_response_carries_a_request_id_and_a_content_security_policy(client, editor):
    client.force_login(editor)
    response = client.get(reverse("desk:articles"), HTTP_X_REQUEST_ID="abcdef123456")
    assert response["X-Request-ID"] == "abcdef123456"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_api_docs_and_schema_need_a_login(client, editor):
    assert client.get("/api/schema/").status_code in (401, 403)
    client.force_login(editor)
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/docs/").status_code == 200


@pytest.mark.lockouts
def test_repeated_failed_logins_lock_the_account_out(client, editor, settings):
    settings.AXES_FAILURE_LIMIT = 3
    url = reverse("login")
    for _ in range(3):
        client.post(url, {"username": "editor", "password": "wrong"})
    response = client.post(url, {"username": "editor", "password": "correct horse battery"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
