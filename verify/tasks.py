"""Celery tasks: thin wrappers that load by id and call :mod:`verify.jobs`."""

from __future__ import annotations

from celery import shared_task

from annotations.tasks import TRANSIENT
from verify import jobs

MAX_RETRIES = 5


def retry_countdown(retries: int) -> int:
    """Exponential backoff, capped far below the broker's visibility timeout."""
    return min(5 * 2**retries, 300)


@shared_task(bind=True, max_retries=MAX_RETRIES)
def run_crosscheck_job(self, job_id: int) -> bool:  # type: ignore[no-untyped-def]
    """Run cross-check job ``job_id``; transient database errors retry with backoff."""
    try:
        return jobs.run_job(job_id)
    except TRANSIENT as exc:
        if self.request.retries >= MAX_RETRIES:
            jobs.fail(job_id, error=f"gave up after {MAX_RETRIES} retries: {exc}")
            raise
        jobs.release(job_id, error=f"retrying: {exc}")
        raise self.retry(exc=exc, countdown=retry_countdown(self.request.retries)) from exc
    except Exception as exc:
        jobs.fail(job_id, error=repr(exc))
        raise


@shared_task
def requeue_crosscheck_jobs() -> int:
    """Beat: send again jobs never sent, lost with the broker, or left by a dead worker."""
    return jobs.requeue_stuck_jobs()
