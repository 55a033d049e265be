"""Celery tasks of the annotations app: thin wrappers that load by id and call a service."""

from __future__ import annotations

from celery import shared_task

from annotations import webhooks
from verify.tasks import TRANSIENT

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
