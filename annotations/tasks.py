"""Celery tasks of the annotations app: thin wrappers that load by id and call a service.

The webhook service (:mod:`annotations.webhooks`) does not import this module: it asks for an
attempt through :data:`annotations.signals.webhook_attempt_due`, which
:func:`queue_webhook_attempt` receives (connected in ``AnnotationsConfig.ready``).
"""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.db import DatabaseError, InterfaceError, OperationalError

from annotations import webhooks

#: Database errors a task retries (the cross-check worker's tasks too).
TRANSIENT = (OperationalError, InterfaceError, DatabaseError)
MAX_RETRIES = 3


@shared_task(bind=True, max_retries=MAX_RETRIES)
def deliver_webhook(self, delivery_id: int, attempt: int = 1) -> str | None:  # type: ignore[no-untyped-def]
    """Make attempt ``attempt`` of webhook delivery ``delivery_id``.

    HTTP failures are not exceptions here: the service records them and queues the next
    attempt with backoff. Only a transient database error retries the task itself; the claim
    makes a message that already did its attempt a no-op.
    """
    try:
        return webhooks.attempt_delivery(delivery_id, attempt=attempt)
    except TRANSIENT as exc:
        countdown = webhooks.backoff_seconds(self.request.retries + 1)
        raise self.retry(exc=exc, countdown=countdown) from exc


@shared_task
def resend_overdue_webhooks() -> int:
    """Beat: send the deliveries whose next attempt is overdue (never sent, or lost)."""
    return webhooks.resend_overdue()


def queue_webhook_attempt(
    sender: Any, *, delivery_id: int, attempt: int, countdown: float | None, **kwargs: Any
) -> None:
    """Receiver of ``webhook_attempt_due``: queue the attempt (raises if the broker is down)."""
    deliver_webhook.apply_async((delivery_id,), {"attempt": attempt}, countdown=countdown)
