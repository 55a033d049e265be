"""Cross-check jobs, the write side ``annotations`` owns: creating the job row.

Running a job belongs to the cross-check worker (``verify.jobs``); ingest, the desk and the API
only need the row (the API answers 202 with it). The row is sent to the worker through the
seam in :mod:`annotations.signals`, once the transaction that created it commits.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction

from annotations.models import Article, CrosscheckJob, JobKind, Sentence
from annotations.signals import crosscheck_queued


def queue_crosscheck(
    *,
    article: Article,
    sentence_ids: Sequence[int] | None = None,
    trigger: str = "",
    send: bool = True,
) -> CrosscheckJob:
    """Queue a job for ``article``: check its claims (a draft), or, for a reference article,
    find the draft claims it plausibly matches and queue checks for those.

    With ``send`` the job goes to the worker after the current transaction commits
    (:data:`~annotations.signals.crosscheck_queued`); with ``send=False`` the caller runs it
    itself (``verify.jobs.run_job``).
    """
    kind = JobKind.CLAIMS if article.role == Article.Role.DRAFT else JobKind.REFERENCE
    claims = Sentence.objects.current().claims().filter(article=article)
    if sentence_ids is not None:
        claims = claims.filter(pk__in=sentence_ids)
    job = CrosscheckJob.objects.create(
        article=article,
        kind=kind,
        sentence_ids=sorted(sentence_ids) if sentence_ids is not None else None,
        trigger=trigger[:200],
        progress_total=claims.count(),
    )
    if send:
        transaction.on_commit(lambda: crosscheck_queued.send(sender=CrosscheckJob, job_id=job.pk))
    return job
