"""Webhooks: tell the publishing system when an article is signed off or reopened.

Events
    ``article.signed_off`` (:func:`annotations.services.workflow.sign_off`) and
    ``article.reopened`` (:func:`~annotations.services.workflow.reopen_article`, and a
    revision that changes the text of a signed-off article). The service calls
    :func:`article_event` inside its transaction: one :class:`WebhookDelivery` row per active
    endpoint that wants the event is written with the change itself (nothing is lost if the
    process dies right after the commit), and the rows are sent after the commit
    (``transaction.on_commit``), by the Celery task :func:`annotations.tasks.deliver_webhook`
    (asked for through :data:`annotations.signals.webhook_attempt_due`, so this service does
    not import the tasks that call it).

Request
    ``POST`` to the endpoint's URL with a JSON body::

        {"id": "<event uuid>", "event": "article.signed_off", "created_at": "<ISO 8601>",
         "article": {"id": 7, "external_id": "story-1", "status": "signed_off",
                     "url": "https://desk.example/api/v1/articles/7/"}}

    and the headers ``X-Sourcedesk-Event`` (the event name), ``X-Sourcedesk-Delivery`` (the
    event id: the same on every retry and on every endpoint, so receivers dedupe on it) and
    ``X-Sourcedesk-Signature: t=<unix time>,v1=<hex HMAC-SHA256>``. The payload is a snapshot
    of the article when the transaction committed; fetch ``article.url`` for its current state.

Delivery
    Only to public addresses: the URL's host is resolved and every address checked before
    each attempt, and the connection goes to the checked address
    (:mod:`annotations.webhook_addresses`; ``WEBHOOK_ALLOWED_HOSTS`` lists the exceptions). A
    refused address ("refused: 10.0.0.1 is a private address") fails the delivery at once,
    without retries. A 2xx answer within :data:`TIMEOUT_SECONDS` is a success. Anything else
    (another status, a timeout, a refused connection; redirects are not followed, a 3xx is a
    failure) is retried with exponential backoff (:func:`backoff_seconds`: 10 s, 30 s, 90 s,
    270 s), up to :data:`MAX_ATTEMPTS` attempts, then the delivery is ``failed``. Every
    attempt is recorded on the row (attempts, response status, error, next attempt,
    delivered at); the body of an answer is kept only for a 2xx, so nothing that a failed or
    refused endpoint sends is stored or shown beyond its status. Each message
    names the attempt it is meant to make and claims the row with a conditional update, so a
    redelivered or duplicated message never sends a delivery twice, and never sends a
    succeeded one again. Celery beat (:func:`resend_overdue`) sends the deliveries whose next
    attempt is overdue: never sent because the broker was down, or left by a dead worker.

Verifying a request (receivers)
    1. Read the raw request body as bytes, before any JSON parsing.
    2. Split the ``X-Sourcedesk-Signature`` header on ``,`` into ``key=value`` pairs; take
       ``t`` (an integer) and every ``v1``.
    3. Reject the request when ``t`` is more than 5 minutes away from your clock (replays).
    4. Compute ``hex(HMAC-SHA256(secret, f"{t}." + body))`` with the endpoint's secret (UTF-8).
    5. Accept only if it equals a ``v1`` value, compared in constant time
       (``hmac.compare_digest``), never with ``==``.
    6. Dedupe on ``X-Sourcedesk-Delivery``: a retry carries the same id.

    :func:`verify_signature` does steps 2 to 5::

        from annotations.webhooks import verify_signature

        if not verify_signature(secret, request.headers["X-Sourcedesk-Signature"], request.body):
            return HttpResponse(status=400)
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import certifi
import urllib3
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from annotations import webhook_addresses
from annotations.links import article_api_url
from annotations.models import (
    Article,
    DeliveryStatus,
    WebhookDelivery,
    WebhookEndpoint,
    WebhookEvent,
)
from annotations.signals import webhook_attempt_due

logger = logging.getLogger(__name__)

SIGNATURE_HEADER = "X-Sourcedesk-Signature"
EVENT_HEADER = "X-Sourcedesk-Event"
DELIVERY_HEADER = "X-Sourcedesk-Delivery"
USER_AGENT = "Sourcedesk-Webhooks/1"

MAX_ATTEMPTS = 5
TIMEOUT_SECONDS = 5.0
BACKOFF_BASE_SECONDS = 10
BACKOFF_FACTOR = 3
# Far below Redis's visibility timeout (an hour), so a countdown message is never redelivered
# by the broker before it is due.
BACKOFF_MAX_SECONDS = 900
# While an attempt runs, ``next_attempt_at`` is pushed this far ahead: the beat leaves the row
# alone unless the worker died mid-attempt.
ATTEMPT_LEASE_SECONDS = 60
# A due delivery whose message has not arrived this long after its time is sent again.
OVERDUE_GRACE_SECONDS = 30
SIGNATURE_TOLERANCE_SECONDS = 300
RESPONSE_BODY_LIMIT = 2000
ERROR_LIMIT = 2000

ERR_TIMEOUT = "No answer within {seconds:g} s."
ERR_STATUS = "The endpoint answered HTTP {status}."
ERR_CONNECTION = "Could not reach the endpoint: {error}"
ERR_GAVE_UP = " Gave up after {attempts} attempt(s)."


def payload_for(*, article: Article, event: str, event_id: uuid.UUID) -> dict[str, Any]:
    """The JSON body of ``event`` on ``article`` (a snapshot of its current fields)."""
    return {
        "id": str(event_id),
        "event": event,
        "created_at": timezone.now().isoformat(),
        "article": {
            "id": article.pk,
            "external_id": article.external_id,
            "status": article.status,
            "url": article_api_url(article.pk),
        },
    }


def article_event(*, article: Article, event: str) -> list[WebhookDelivery]:
    """Record ``event`` for every active endpoint that wants it; send after the commit.

    Call it inside the transaction that makes the change (the rows commit, or roll back, with
    it), once the article's status is final: the payload is a snapshot of it.
    """
    if event not in WebhookEvent.values:
        raise ValueError(f"Unknown webhook event {event!r}.")
    endpoints = [e for e in WebhookEndpoint.objects.filter(is_active=True) if e.wants(event)]
    if not endpoints:
        return []
    event_id = uuid.uuid4()
    payload = payload_for(article=article, event=event, event_id=event_id)
    now = timezone.now()
    deliveries = WebhookDelivery.objects.bulk_create(
        [
            WebhookDelivery(
                endpoint=endpoint,
                event=event,
                event_id=event_id,
                payload=payload,
                next_attempt_at=now,
            )
            for endpoint in endpoints
        ]
    )
    transaction.on_commit(lambda: _send_committed(event_id))
    return deliveries


def _send_committed(event_id: uuid.UUID) -> None:
    """After the commit: send each delivery of the event."""
    pending = WebhookDelivery.objects.filter(
        event_id=event_id, status=DeliveryStatus.PENDING, attempts=0
    )
    for pk in pending.values_list("pk", flat=True):
        dispatch(pk, attempt=1)


def dispatch(delivery_id: int, *, attempt: int, countdown: float | None = None) -> bool:
    """Queue attempt number ``attempt`` of a delivery (now, or after ``countdown`` seconds).

    Returns False, leaving the row for :func:`resend_overdue`, when the broker cannot be
    reached. Without a broker (eager mode) the attempt runs at once, countdown ignored.
    """
    try:
        webhook_attempt_due.send(
            sender=WebhookDelivery, delivery_id=delivery_id, attempt=attempt, countdown=countdown
        )
    except Exception as exc:  # the broker's connection errors vary by transport
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise
        # Overdue at once: the next beat sends it, instead of waiting out the grace period.
        overdue = timezone.now() - timedelta(seconds=OVERDUE_GRACE_SECONDS + 1)
        WebhookDelivery.objects.filter(
            pk=delivery_id, status=DeliveryStatus.PENDING, attempts=attempt - 1
        ).update(next_attempt_at=overdue)
        logger.warning("Webhook delivery %s not queued (%s); beat sends it.", delivery_id, exc)
        return False
    return True


def backoff_seconds(attempt: int) -> int:
    """The wait after failed attempt number ``attempt`` (1-based): 10, 30, 90, 270… s."""
    return int(min(BACKOFF_BASE_SECONDS * BACKOFF_FACTOR ** (attempt - 1), BACKOFF_MAX_SECONDS))


# --- signing -----------------------------------------------------------------------------


def sign(secret: str, body: bytes, *, timestamp: int | None = None) -> str:
    """The ``X-Sourcedesk-Signature`` header value for ``body``."""
    t = int(time.time()) if timestamp is None else timestamp
    return f"t={t},v1={_digest(secret, t, body)}"


def _digest(secret: str, timestamp: int | str, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def verify_signature(
    secret: str,
    header: str,
    body: bytes,
    *,
    tolerance: int = SIGNATURE_TOLERANCE_SECONDS,
    now: float | None = None,
) -> bool:
    """Whether ``header`` (``X-Sourcedesk-Signature``) signs the raw ``body`` with ``secret``.

    False for a malformed header, a timestamp more than ``tolerance`` seconds from ``now``
    (default: the current time) or a signature that does not match; the comparison runs in
    constant time.
    """
    timestamp: int | None = None
    candidates: list[str] = []
    for part in (header or "").split(","):
        key, sep, value = part.strip().partition("=")
        if not sep:
            continue
        if key == "t":
            try:
                timestamp = int(value)
            except ValueError:
                return False
        elif key == "v1":
            candidates.append(value)
    if timestamp is None or not candidates:
        return False
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        return False
    expected = _digest(secret, timestamp, body)
    # Check every candidate (no early exit), each in constant time.
    matches = [hmac.compare_digest(expected.encode(), c.encode()) for c in candidates]
    return any(matches)


# --- attempts -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one HTTP attempt gave: a status and body, or an error.

    ``refused``: the URL's address may not be sent to; retrying would not change that.
    """

    status: int | None = None
    body: str = ""
    error: str = ""
    refused: bool = False

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 300


def body_bytes(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, separators=(",", ":"), sort_keys=True).encode()


def post(delivery: WebhookDelivery) -> Outcome:
    """POST the delivery's payload, signed, to its endpoint's checked address.

    The URL's host is resolved and checked once (:func:`webhook_addresses.destination`) and
    the connection goes to that address, with the original name in the ``Host`` header and
    as the TLS server name (SNI, and the name the certificate must carry). A refused address
    is an :class:`Outcome` with ``refused`` set. Redirects are not followed (a 3xx is a failed
    attempt). Only a 2xx answer's body is read, up to :data:`RESPONSE_BODY_LIMIT` characters:
    whatever else answers is never stored or shown beyond its status.
    """
    try:
        target = webhook_addresses.destination(delivery.endpoint.url)
    except webhook_addresses.RefusedAddress as exc:
        return Outcome(error=str(exc)[:ERROR_LIMIT], refused=True)
    except webhook_addresses.HostNotFound as exc:
        return Outcome(error=ERR_CONNECTION.format(error=exc)[:ERROR_LIMIT])
    body = body_bytes(delivery.payload)
    headers = {
        "Host": target.host_header,
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        EVENT_HEADER: delivery.event,
        DELIVERY_HEADER: str(delivery.event_id),
        SIGNATURE_HEADER: sign(delivery.endpoint.secret, body),
    }
    pool = _pool(target)
    try:
        return _send(pool, target, body, headers)
    finally:
        pool.close()


def _send(
    pool: urllib3.HTTPConnectionPool,
    target: webhook_addresses.Destination,
    body: bytes,
    headers: dict[str, str],
) -> Outcome:
    try:
        response = pool.urlopen(
            "POST",
            target.path,
            body=body,
            headers=headers,
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
    except urllib3.exceptions.NewConnectionError as exc:  # before TimeoutError, its base
        return Outcome(error=ERR_CONNECTION.format(error=_describe(exc)))
    except urllib3.exceptions.TimeoutError:
        return Outcome(error=ERR_TIMEOUT.format(seconds=TIMEOUT_SECONDS))
    except urllib3.exceptions.HTTPError as exc:
        return Outcome(error=ERR_CONNECTION.format(error=_describe(exc)))
    try:
        status = response.status
        if not 200 <= status < 300:
            return Outcome(status=status, error=ERR_STATUS.format(status=status))
        try:
            raw = response.read(RESPONSE_BODY_LIMIT * 4, decode_content=True)
        except urllib3.exceptions.HTTPError:
            raw = b""
        return Outcome(status=status, body=raw.decode("utf-8", "replace")[:RESPONSE_BODY_LIMIT])
    finally:
        response.release_conn()


def _pool(target: webhook_addresses.Destination) -> urllib3.HTTPConnectionPool:
    """A one-connection pool to the checked address, speaking to it as the URL's host."""
    timeout = urllib3.Timeout(connect=TIMEOUT_SECONDS, read=TIMEOUT_SECONDS)
    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            target.address,
            target.port,
            timeout=timeout,
            maxsize=1,
            retries=False,
            cert_reqs="CERT_REQUIRED",
            ca_certs=ca_bundle(),
            server_hostname=target.host,
            assert_hostname=target.host,
        )
    return urllib3.HTTPConnectionPool(
        target.address, target.port, timeout=timeout, maxsize=1, retries=False
    )


def ca_bundle() -> str:
    """The certificate authorities an https endpoint's certificate must chain to (certifi's,
    as ``requests`` uses)."""
    return certifi.where()


def _describe(exc: Exception) -> str:
    """What went wrong on the way, in our words: an exception's message may quote what the
    other side sent (``BadStatusLine('-ERR unknown command…')`` from Redis), and nothing it
    sent is shown, so only the kinds of the errors are named."""
    kinds: list[str] = []
    current: BaseException | None = exc
    while current is not None and len(kinds) < 4:
        kinds.append(type(current).__name__)
        current = getattr(current, "reason", None) or current.__cause__ or current.__context__
        if isinstance(current, str):
            break
    if isinstance(exc, urllib3.exceptions.SSLError):
        return "the TLS handshake failed (" + ", ".join(kinds) + ")."
    if isinstance(exc, urllib3.exceptions.ProtocolError):
        return "the endpoint did not answer HTTP (" + ", ".join(kinds) + ")."
    return "the connection failed (" + ", ".join(kinds) + ")."


def claim(delivery_id: int, *, attempt: int) -> bool:
    """Take attempt number ``attempt`` of a pending delivery; False when it is not ours.

    The conditional update lets exactly one message make each attempt: a duplicate, a
    redelivered message or one for an attempt already made changes nothing.
    """
    now = timezone.now()
    lease = now + timedelta(seconds=ATTEMPT_LEASE_SECONDS)
    return bool(
        WebhookDelivery.objects.filter(
            pk=delivery_id, status=DeliveryStatus.PENDING, attempts=attempt - 1
        ).update(attempts=attempt, next_attempt_at=lease, attempt_started_at=now)
    )


def attempt_delivery(delivery_id: int, *, attempt: int) -> str | None:
    """Make attempt ``attempt`` of a delivery and record it; queue the next one if it failed.

    Returns the delivery's status after the attempt, or None when the message had nothing to
    do (the attempt was already made, or the delivery is no longer pending).
    """
    if not claim(delivery_id, attempt=attempt):
        return None
    delivery = WebhookDelivery.objects.select_related("endpoint").get(pk=delivery_id)
    outcome = post(delivery)
    now = timezone.now()
    changes: dict[str, Any] = {
        "attempt_started_at": None,
        "response_status": outcome.status,
        "response_body": outcome.body,
        "error": outcome.error,
    }
    if outcome.ok:
        changes.update(status=DeliveryStatus.SUCCEEDED, delivered_at=now, next_attempt_at=None)
    elif outcome.refused:
        # The address does not change by waiting: failed now, not retried. An administrator
        # fixes the URL (or WEBHOOK_ALLOWED_HOSTS) and sends the delivery again.
        changes.update(status=DeliveryStatus.FAILED, next_attempt_at=None)
    elif attempt >= MAX_ATTEMPTS:
        changes.update(
            status=DeliveryStatus.FAILED,
            next_attempt_at=None,
            error=(outcome.error + ERR_GAVE_UP.format(attempts=attempt))[:ERROR_LIMIT],
        )
    else:
        wait = backoff_seconds(attempt)
        changes.update(next_attempt_at=now + timedelta(seconds=wait))
    # Only the holder of this attempt records it (a "send again" may have reset the row).
    WebhookDelivery.objects.filter(
        pk=delivery_id, status=DeliveryStatus.PENDING, attempts=attempt
    ).update(**changes)
    if not outcome.ok and not outcome.refused and attempt < MAX_ATTEMPTS:
        logger.info("Webhook delivery %s attempt %s failed: %s", delivery_id, attempt, outcome)
        dispatch(delivery_id, attempt=attempt + 1, countdown=backoff_seconds(attempt))
    return str(changes.get("status", DeliveryStatus.PENDING))


def resend_overdue(*, now: datetime | None = None) -> int:
    """Queue the pending deliveries whose next attempt is overdue (beat).

    Those are deliveries never sent (broker down at the commit), whose countdown message was
    lost, or whose worker died mid-attempt (its lease ran out). Returns how many were queued.
    """
    now = now or timezone.now()
    overdue = WebhookDelivery.objects.filter(
        Q(next_attempt_at__lt=now - timedelta(seconds=OVERDUE_GRACE_SECONDS))
        | Q(next_attempt_at__isnull=True),
        status=DeliveryStatus.PENDING,
    )
    sent = 0
    for delivery_id, attempts in overdue.values_list("pk", "attempts"):
        # Not overdue again for a grace period, so a busy worker does not get a copy per beat.
        if not WebhookDelivery.objects.filter(
            pk=delivery_id, status=DeliveryStatus.PENDING, attempts=attempts
        ).update(next_attempt_at=now):
            continue
        # A worker that died mid-attempt used that attempt up; the next one may exceed
        # MAX_ATTEMPTS by one, and it is the last either way.
        sent += dispatch(delivery_id, attempt=attempts + 1)
    return sent


def send_again(delivery: WebhookDelivery) -> bool:
    """Send a delivery once more now (the admin's action), with the same event id.

    A succeeded or failed delivery becomes pending for one more attempt; a pending one skips
    the rest of its backoff. Retries follow only while attempts remain (a delivery that
    failed after :data:`MAX_ATTEMPTS` gets exactly one more attempt). A delivery whose
    attempt is being sent right now is left alone (False), so the receiver never gets it
    twice at once; once the attempt's lease has run out (its worker died) it may be sent.
    """
    now = timezone.now()
    idle = Q(attempt_started_at__isnull=True) | Q(
        attempt_started_at__lt=now - timedelta(seconds=ATTEMPT_LEASE_SECONDS)
    )
    updated = WebhookDelivery.objects.filter(idle, pk=delivery.pk, attempts=delivery.attempts)
    if not updated.update(status=DeliveryStatus.PENDING, next_attempt_at=now):
        return False
    attempt = delivery.attempts + 1
    transaction.on_commit(lambda: dispatch(delivery.pk, attempt=attempt))
    return True
