"""Webhooks against a real HTTP receiver on 127.0.0.1 (Celery in eager mode: a retry runs at
once, its countdown ignored)."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from annotations import webhooks
from annotations.models import (
    Article,
    ArticleStatus,
    DeliveryStatus,
    WebhookDelivery,
    WebhookEndpoint,
)
from annotations.services import workflow
from annotations.services.ingest import ingest_document
from annotations.tasks import deliver_webhook
from tests.annotations.api.receiver import Receiver
from tests.conftest import skip_or_fail
from tests.factories import STORY_BODY, ArticleFactory
from verify.engine.documents import Document

pytestmark = pytest.mark.django_db

SECRET = "test-secret-for-signing"


@pytest.fixture
def endpoint(receiver: Receiver) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(name="CMS", url=receiver.url, secret=SECRET)


@pytest.fixture
def ready(editor: User, reviewer: User) -> Article:
    """The story with every claim approved, ready to be signed off."""
    return ArticleFactory.create(
        external_id="story-1", states="approved", annotator=editor, reviewer=reviewer
    )


def sign_off(article: Article, reviewer: User, capture) -> Article:
    with capture(execute=True):
        return workflow.sign_off(article=article, user=reviewer)


# --- events and signatures ------------------------------------------------------------------


def test_sign_off_sends_one_signed_delivery_with_the_article(
    ready, reviewer, endpoint, receiver, django_capture_on_commit_callbacks, settings
):
    settings.SOURCEDESK_BASE_URL = "https://desk.example/"
    sign_off(ready, reviewer, django_capture_on_commit_callbacks)
    [request] = receiver.requests
    # signed with the endpoint's secret, over the raw body
    assert webhooks.verify_signature(
        SECRET, request.headers["X-Sourcedesk-Signature"], request.body
    )
    assert request.json["article"] == {
        "id": ready.pk,
        "external_id": "story-1",
        "status": "signed_off",
        "url": f"https://desk.example/api/v1/articles/{ready.pk}/",
    }
    # the headers name the event and the delivery id receivers dedupe on
    delivery = WebhookDelivery.objects.get()
    assert request.headers["X-Sourcedesk-Event"] == request.json["event"] == "article.signed_off"
    assert request.headers["X-Sourcedesk-Delivery"] == request.json["id"] == str(delivery.event_id)
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("succeeded", 1, 200)


def test_payload_created_at_is_an_iso_timestamp(
    ready, reviewer, endpoint, receiver, django_capture_on_commit_callbacks
):
    sign_off(ready, reviewer, django_capture_on_commit_callbacks)
    created = timezone.datetime.fromisoformat(receiver.requests[0].json["created_at"])
    assert abs(timezone.now() - created) < timedelta(minutes=1)


def test_reopen_sends_article_reopened(
    ready, reviewer, endpoint, receiver, django_capture_on_commit_callbacks
):
    sign_off(ready, reviewer, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        article = workflow.reopen_article(article=ready, user=reviewer)
    events = [r.json["event"] for r in receiver.requests]
    assert events == ["article.signed_off", "article.reopened"]
    # the payload carries the status the article was left in
    assert receiver.requests[1].json["article"]["status"] == article.status != "signed_off"


def test_revision_of_a_signed_off_article_sends_article_reopened(
    ready, reviewer, endpoint, receiver, django_capture_on_commit_callbacks
):
    sign_off(ready, reviewer, django_capture_on_commit_callbacks)
    document = Document(
        body=STORY_BODY.replace("22 points", "20 points"),
        external_id="story-1",
        headline="Headline story-1",
    )
    with django_capture_on_commit_callbacks(execute=True):
        ingest_document(document=document)
    assert [r.json["event"] for r in receiver.requests] == [
        "article.signed_off",
        "article.reopened",
    ]
    assert receiver.requests[1].json["article"]["status"] == ArticleStatus.IN_ANNOTATION


def test_failed_sign_off_sends_nothing(article, reviewer, endpoint, receiver):
    with pytest.raises(workflow.WorkflowError):
        workflow.sign_off(article=article, user=reviewer)
    assert not WebhookDelivery.objects.exists() and receiver.requests == []


def test_tampered_body_fails_verification(
    ready, reviewer, endpoint, receiver, django_capture_on_commit_callbacks
):
    sign_off(ready, reviewer, django_capture_on_commit_callbacks)
    request = receiver.requests[0]
    header = request.headers["X-Sourcedesk-Signature"]
    tampered = request.body.replace(b"signed_off", b"in_review")
    assert webhooks.verify_signature(SECRET, header, request.body)
    assert not webhooks.verify_signature(SECRET, header, tampered)
    assert not webhooks.verify_signature("another-secret", header, request.body)


def test_old_or_future_timestamp_fails_verification():
    body = b'{"event":"article.signed_off"}'
    header = webhooks.sign(SECRET, body, timestamp=1_700_000_000)
    assert webhooks.verify_signature(SECRET, header, body, now=1_700_000_000 + 299)
    assert not webhooks.verify_signature(SECRET, header, body, now=1_700_000_000 + 301)
    assert not webhooks.verify_signature(SECRET, header, body, now=1_700_000_000 - 301)


@pytest.mark.parametrize(
    "header", ["", "t=abc,v1=00", "v1=00", "t=1700000000", "garbage", "t=1700000000,v1="]
)
def test_malformed_signature_header_fails_verification(header):
    assert not webhooks.verify_signature(SECRET, header, b"{}", now=1_700_000_000)


def test_inactive_or_unsubscribed_endpoints_get_nothing(
    ready, reviewer, receiver, django_capture_on_commit_callbacks
):
    WebhookEndpoint.objects.create(name="off", url=receiver.url, is_active=False)
    WebhookEndpoint.objects.create(
        name="reopen only", url=receiver.url, events=["article.reopened"]
    )
    sign_off(ready, reviewer, django_capture_on_commit_callbacks)
    assert receiver.requests == [] and not WebhookDelivery.objects.exists()


def test_each_subscribed_endpoint_gets_the_same_event_id(
    ready, reviewer, receiver, django_capture_on_commit_callbacks
):
    WebhookEndpoint.objects.create(name="a", url=receiver.url, events=["article.signed_off"])
    WebhookEndpoint.objects.create(name="b", url=receiver.url + "/b")
    sign_off(ready, reviewer, django_capture_on_commit_callbacks)
    ids = {r.headers["X-Sourcedesk-Delivery"] for r in receiver.requests}
    assert len(receiver.requests) == 2 and len(ids) == 1


# --- retries --------------------------------------------------------------------------------


def test_receiver_answering_500_then_200_is_retried_and_succeeds(
    ready, reviewer, endpoint, receiver, django_capture_on_commit_callbacks
):
    receiver.script = [500]
    sign_off(ready, reviewer, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("succeeded", 2, 200)
    assert delivery.delivered_at is not None and delivery.error == ""
    # both attempts carried the same delivery id
    assert len({r.headers["X-Sourcedesk-Delivery"] for r in receiver.requests}) == 1


def test_failed_attempt_is_recorded_and_next_is_queued_with_backoff(
    endpoint, receiver, monkeypatch, article
):
    queued: list[tuple[int, int, float | None]] = []
    monkeypatch.setattr(
        webhooks,
        "dispatch",
        lambda pk, *, attempt, countdown=None: queued.append((pk, attempt, countdown)) or True,
    )
    receiver.script = [503]
    [delivery] = webhooks.article_event(article=article, event="article.signed_off")
    before = timezone.now()
    assert deliver_webhook(delivery.pk, attempt=1) == DeliveryStatus.PENDING
    delivery.refresh_from_db()
    # the attempt is on the row, and the next one waits 10 s
    assert (delivery.attempts, delivery.response_status) == (1, 503)
    assert delivery.error == "The endpoint answered HTTP 503." and delivery.response_body == ""
    assert timedelta(seconds=9) < delivery.next_attempt_at - before < timedelta(seconds=11)
    assert queued == [(delivery.pk, 2, 10)]


def test_backoff_grows_and_stays_below_the_visibility_timeout(settings):
    waits = [webhooks.backoff_seconds(n) for n in range(1, webhooks.MAX_ATTEMPTS)]
    assert waits == [10, 30, 90, 270]
    assert webhooks.backoff_seconds(50) <= settings.CELERY_VISIBILITY_TIMEOUT / 4


def test_receiver_that_always_fails_ends_failed_after_the_last_attempt(
    ready, reviewer, endpoint, receiver, django_capture_on_commit_callbacks
):
    receiver.script = [500] * 10
    sign_off(ready, reviewer, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", webhooks.MAX_ATTEMPTS)
    assert len(receiver.requests) == webhooks.MAX_ATTEMPTS
    assert delivery.next_attempt_at is None and "Gave up after 5 attempt(s)" in delivery.error


def test_timeout_is_recorded_as_an_error(
    ready, reviewer, endpoint, receiver, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(webhooks, "TIMEOUT_SECONDS", 0.3)
    monkeypatch.setattr(webhooks, "MAX_ATTEMPTS", 1)
    receiver.script = [("sleep", 1.5)]
    sign_off(ready, reviewer, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == ("failed", 1, None)
    assert delivery.error.startswith("No answer within 0.3 s.")


def test_unreachable_endpoint_is_recorded_as_an_error(article, monkeypatch):
    monkeypatch.setattr(webhooks, "MAX_ATTEMPTS", 1)
    WebhookEndpoint.objects.create(name="gone", url="http://127.0.0.1:9/nothing-listens")
    [delivery] = webhooks.article_event(article=article, event="article.signed_off")
    deliver_webhook(delivery.pk, attempt=1)
    delivery.refresh_from_db()
    assert delivery.status == "failed" and delivery.error.startswith("Could not reach")


def test_redirect_is_not_followed(article, receiver, monkeypatch):
    monkeypatch.setattr(webhooks, "MAX_ATTEMPTS", 1)
    receiver.script = [302]
    endpoint = WebhookEndpoint.objects.create(name="moved", url=receiver.url)
    [delivery] = webhooks.article_event(article=article, event="article.signed_off")
    deliver_webhook(delivery.pk, attempt=1)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.response_status) == ("failed", 302)
    assert len(receiver.requests) == 1 and endpoint.deliveries.count() == 1


# --- redelivery and the beat ----------------------------------------------------------------


def test_redelivered_message_does_not_send_a_succeeded_delivery_again(
    ready, reviewer, endpoint, receiver, django_capture_on_commit_callbacks
):
    sign_off(ready, reviewer, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    # the same message again, and one for a later attempt
    assert deliver_webhook(delivery.pk, attempt=1) is None
    assert deliver_webhook.delay(delivery.pk, attempt=2).get() is None
    delivery.refresh_from_db()
    assert len(receiver.requests) == 1 and (delivery.status, delivery.attempts) == ("succeeded", 1)


def test_beat_sends_deliveries_that_were_never_sent(
    article, endpoint, receiver, django_capture_on_commit_callbacks
):
    # the commit happened but its messages never left (broker down)
    with django_capture_on_commit_callbacks(execute=False):
        webhooks.article_event(article=article, event="article.signed_off")
    assert webhooks.resend_overdue() == 0  # not overdue yet: its message may be on the way
    later = timezone.now() + timedelta(seconds=webhooks.OVERDUE_GRACE_SECONDS + 5)
    assert webhooks.resend_overdue(now=later) == 1
    delivery = WebhookDelivery.objects.get()
    assert len(receiver.requests) == 1 and delivery.status == "succeeded"
    assert webhooks.resend_overdue(now=later + timedelta(hours=1)) == 0


def admin_send_again(client, delivery: WebhookDelivery, capture):
    """An administrator runs the delivery log's "send again" action on ``delivery``."""
    admin = User.objects.create_superuser("root", "root@newsroom.example", "pw-for-tests-only")
    client.force_login(admin)
    with capture(execute=True):
        return client.post(
            "/admin/annotations/webhookdelivery/",
            {"action": "send_again", "_selected_action": [delivery.pk]},
            follow=True,
        )


def test_admin_send_again_sends_the_same_event_once_more(
    ready, reviewer, endpoint, receiver, django_capture_on_commit_callbacks, client
):
    sign_off(ready, reviewer, django_capture_on_commit_callbacks)
    delivery = WebhookDelivery.objects.get()
    response = admin_send_again(client, delivery, django_capture_on_commit_callbacks)
    assert response.redirect_chain[0][1] == 302
    delivery.refresh_from_db()
    assert [r.headers["X-Sourcedesk-Delivery"] for r in receiver.requests] == [
        str(delivery.event_id)
    ] * 2
    assert (delivery.status, delivery.attempts) == ("succeeded", 2)


def test_send_again_leaves_an_attempt_in_flight_alone(
    endpoint, receiver, article, django_capture_on_commit_callbacks
):
    [delivery] = webhooks.article_event(article=article, event="article.signed_off")
    assert webhooks.claim(delivery.pk, attempt=1)  # a worker is sending attempt 1 right now
    delivery.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        assert webhooks.send_again(delivery) is False
    assert receiver.requests == []
    # The worker died mid-attempt: once its lease has run out, sending again is allowed.
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        attempt_started_at=timezone.now() - timedelta(seconds=webhooks.ATTEMPT_LEASE_SECONDS + 1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert webhooks.send_again(delivery) is True
    delivery.refresh_from_db()
    assert len(receiver.requests) == 1
    assert (delivery.status, delivery.attempts) == ("succeeded", 2)
    assert delivery.attempt_started_at is None


def test_admin_says_which_deliveries_it_left_alone(
    endpoint, receiver, article, client, django_capture_on_commit_callbacks
):
    [delivery] = webhooks.article_event(article=article, event="article.signed_off")
    webhooks.claim(delivery.pk, attempt=1)
    response = admin_send_again(client, delivery, django_capture_on_commit_callbacks)
    assert "1 delivery(ies) left alone: being sent right now" in response.content.decode()
    assert receiver.requests == []


def test_delivery_log_is_read_only_in_the_admin(ready, reviewer, endpoint, client, outsider):
    admin = User.objects.create_superuser("root", "root@newsroom.example", "pw-for-tests-only")
    client.force_login(admin)
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint, event="article.signed_off", event_id="0" * 32, payload={}
    )
    listing = client.get("/admin/annotations/webhookdelivery/?status__exact=pending")
    page = client.get(f"/admin/annotations/webhookdelivery/{delivery.pk}/change/")
    assert listing.status_code == page.status_code == 200
    assert client.get("/admin/annotations/webhookdelivery/add/").status_code == 403


# --- real Redis and a real worker -----------------------------------------------------------


@pytest.fixture
def worker(tmp_path, settings, receiver):
    """A private redis-server, this process's Celery pointed at it, and one worker with beat."""
    import shutil

    from bench.processes import RedisServer
    from config.celery import app as celery_app
    from tests.verify.test_jobs_integration import Workers, reset_connections

    if not shutil.which("redis-server"):
        skip_or_fail("redis-server is not installed")
    redis = RedisServer(tmp_path)
    redis.start()
    # Read before the settings change: the app's configuration reads through to them.
    previous = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    settings.CELERY_BROKER_URL = redis.url
    settings.CELERY_TASK_ALWAYS_EAGER = False
    celery_app.conf.update(broker_url=redis.url, task_always_eager=False)
    reset_connections()
    group = Workers(redis, tmp_path)
    group.start()
    yield group
    group.stop_all()
    celery_app.conf.update(previous)
    reset_connections()
    redis.stop()


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_worker_retries_after_the_backoff_and_ignores_duplicate_messages(
    ready, reviewer, endpoint, receiver, worker
):
    from tests.verify.test_jobs_integration import wait_for

    receiver.script = [500]
    arrivals: list[float] = []
    original = receiver.answer

    def timed_answer():
        arrivals.append(time.monotonic())
        return original()

    receiver.answer = timed_answer
    workflow.sign_off(article=ready, user=reviewer)
    delivery = WebhookDelivery.objects.get()
    for _ in range(3):  # the first message, duplicated
        deliver_webhook.delay(delivery.pk, attempt=1)
    wait_for(
        lambda: WebhookDelivery.objects.get(pk=delivery.pk).status == DeliveryStatus.SUCCEEDED,
        timeout=90,
        message=f"the delivery did not succeed\n{worker.logs()}",
    )
    time.sleep(2)  # let any duplicate reach the worker
    delivery.refresh_from_db()
    # one failed attempt, one retry after the 10 s backoff, nothing more
    assert (delivery.attempts, len(receiver.requests)) == (2, 2)
    assert webhooks.backoff_seconds(1) - 1 <= arrivals[1] - arrivals[0] < 30
    assert webhooks.verify_signature(
        SECRET, receiver.requests[1].headers["X-Sourcedesk-Signature"], receiver.requests[1].body
    )


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_delivery_queued_while_redis_is_down_is_sent_by_beat_once_it_is_back(
    ready, reviewer, endpoint, receiver, worker
):
    from tests.verify.test_jobs_integration import wait_for

    worker.redis.stop()
    started = time.monotonic()
    workflow.sign_off(article=ready, user=reviewer)
    delivery = WebhookDelivery.objects.get()
    # the sign-off stands, without hanging, and its delivery waits unsent
    assert Article.objects.get(pk=ready.pk).status == ArticleStatus.SIGNED_OFF
    assert time.monotonic() - started < 30
    assert (delivery.status, delivery.attempts, receiver.requests) == ("pending", 0, [])

    worker.redis.start()
    wait_for(
        lambda: WebhookDelivery.objects.get(pk=delivery.pk).status == DeliveryStatus.SUCCEEDED,
        timeout=90,
        message=f"beat did not send the delivery once Redis was back\n{worker.logs()}",
    )
    assert len(receiver.requests) == 1
