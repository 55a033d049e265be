"""Celery tasks of the cross-check worker: thin wrappers that load by id and call
:mod:`verify.jobs`, and the sending of jobs to them.

Jobs arrive through the seam in :mod:`annotations.signals`: :func:`send_queued_job` receives
``crosscheck_queued`` (connected in :meth:`verify.apps.VerifyConfig.ready`) and
:func:`dispatch` sends the job.
"""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task
from celery.signals import worker_process_init
from django.conf import settings

from annotations.tasks import TRANSIENT
from verify import jobs
from verify.engine.crosscheck import embedding

logger = logging.getLogger(__name__)

MAX_RETRIES = 5


@worker_process_init.connect
def load_word_vectors(**_kwargs: Any) -> None:
    """Each worker process loads the cross-check's word vectors as it starts (about 2 s), so
    that its first job does not wait for the model. Where they cannot load, the process
    still starts and says why; its jobs then fail with the same reason."""
    words = jobs.word_vectors()
    if words is None:
        return
    try:
        words.load()
    except embedding.EmbeddingUnavailable:
        logger.exception("the cross-check's word vectors could not load")


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
    return requeue_stuck_jobs()


def dispatch(job_id: int) -> bool:
    """Send job ``job_id`` to the workers (or run it now, without a broker).

    Returns False, leaving the row queued for :func:`requeue_stuck_jobs`, when the broker
    cannot be reached.
    """
    jobs.mark_sent(job_id)
    try:
        run_crosscheck_job.delay(job_id)
    except Exception as exc:  # the broker's connection errors vary by transport
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise
        jobs.mark_unsent(job_id)
        logger.warning("Cross-check job %s not sent (%s); it will be sent again.", job_id, exc)
        return False
    return True


def requeue_stuck_jobs() -> int:
    """Send again the jobs that were never sent, whose message was lost, or whose worker died.

    Run by Celery beat. Returns how many jobs were sent.
    """
    return sum(dispatch(job_id) for job_id in jobs.jobs_to_send())


def send_queued_job(sender: Any, *, job_id: int, **kwargs: Any) -> bool:
    """Receiver of ``annotations.signals.crosscheck_queued``: send the committed job."""
    return dispatch(job_id)
