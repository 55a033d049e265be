"""Cross-check jobs, the write side ``annotations`` owns: creating the job row.

It also holds the one definition of a contradiction the desk has to answer
(:func:`counts_as_contradiction`, :func:`counted_contradictions`).

Running a job belongs to the cross-check worker (``verify.jobs``); ingest, the desk and the API
only need the row (the API answers 202 with it). The row is sent to the worker through the
seam in :mod:`annotations.signals`, once the transaction that created it commits.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Q

from annotations.models import Article, CrosscheckJob, CrosscheckRelation, JobKind, Sentence
from annotations.signals import crosscheck_queued
from verify.engine.crosscheck import CREDIBLE_CONTRADICTION


def counts_as_contradiction(*, relation: str, independent: bool, score: float) -> bool:
    """A match the desk has to answer as a contradiction: it contradicts the claim, comes
    from an independent origin (not an echo) and scores at least
    :data:`~verify.engine.crosscheck.CREDIBLE_CONTRADICTION` (the articles are about the same
    event), exactly what :func:`verify.engine.crosscheck.summarise` counts and what makes it
    suggest ``disputed``.

    Everything that counts contradictions uses this rule, or :func:`counted_contradictions`
    in a query: the panel, the summary chart, the queue's flags, sign-off and the API.
    """
    return (
        relation == CrosscheckRelation.CONTRADICTS
        and independent
        and score >= CREDIBLE_CONTRADICTION
    )


def counted_contradictions(prefix: str = "") -> Q:
    """:func:`counts_as_contradiction` as a filter on cross-checks (``prefix`` reaches them
    from another model, e.g. ``"crosschecks__"``)."""
    return Q(
        **{
            f"{prefix}relation": CrosscheckRelation.CONTRADICTS,
            f"{prefix}independent": True,
            f"{prefix}score__gte": CREDIBLE_CONTRADICTION,
        }
    )


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
