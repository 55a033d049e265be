"""Concurrent cross-check jobs and revisions on PostgreSQL take their locks in one order.

The order is documented in ``verify/jobs.py`` (``LOCK_ORDER``). PostgreSQL counts every
deadlock it breaks in ``pg_stat_database.deadlocks``; this test reads that counter around a
burst of concurrent jobs (and revisions of the same drafts) and requires it not to move, and
every job to finish on its first attempt.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import connection, connections

from annotations.models import Article, CrosscheckJob, JobStatus
from annotations.services.crosschecks import queue_crosscheck
from annotations.services.ingest import ingest_document
from tests.factories import make_article
from verify import jobs
from verify.engine.documents import Document

pytestmark = pytest.mark.django_db(transaction=True)

DRAFTS = 6
CLAIMS = 24
ROUNDS = 3


def body(draft: int, variant: int = 0) -> str:
    """Claims that match the other drafts' claims (same names and figures, other words)."""
    lines = []
    for n in range(CLAIMS):
        lines.append(
            f"The Brimford council approved a budget of {n + 10} million pounds for the "
            f"{['harbour', 'library', 'tram', 'school'][n % 4]} project on Tuesday, "
            f"councillor {['Ames', 'Boyle', 'Chen'][(n + draft) % 3]} said in draft {draft}"
            f"{'.' if variant == 0 else ', officials added.'}"
        )
    return "\n".join(lines) + "\n"


def deadlocks() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_stat_force_next_flush()")
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()")
        return int(cursor.fetchone()[0])


def in_thread(work, errors: list[BaseException]) -> threading.Thread:
    def run() -> None:
        try:
            work()
        except BaseException as exc:  # recorded for the assertion below
            errors.append(exc)
        finally:
            connections.close_all()

    return threading.Thread(target=run)


def test_concurrent_jobs_and_revisions_never_deadlock():
    if connection.vendor != "postgresql":
        pytest.skip("deadlocks are a PostgreSQL matter: CI's PostgreSQL run runs this test")
    drafts = [make_article(f"lock-{d}", body(d)) for d in range(DRAFTS)]
    before = deadlocks()
    errors: list[BaseException] = []
    for round_ in range(ROUNDS):
        queued = [queue_crosscheck(article=a, trigger="lock test", send=False) for a in drafts]
        threads = [in_thread(lambda pk=job.pk: jobs.run_job(pk), errors) for job in queued]
        # Two revisions of drafts whose claims the jobs are writing results for.
        for d in (0, DRAFTS - 1):

            def revise(d: int = d, variant: int = round_ % 2 + 1) -> None:
                ingest_document(
                    document=Document(
                        body=body(d, variant), external_id=f"lock-{d}", headline=f"Lock {d}"
                    )
                )

            threads.append(in_thread(revise, errors))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
    time.sleep(0.2)
    assert errors == []
    assert deadlocks() == before
    assert not CrosscheckJob.objects.filter(trigger="lock test", status=JobStatus.FAILED).exists()
    assert Article.objects.filter(external_id__startswith="lock-").count() == DRAFTS
