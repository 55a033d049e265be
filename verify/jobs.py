"""Cross-check jobs, the worker's side: claim them safely, run them claim by claim.

The job row is the source of truth and the Celery message only says "work on job N":

* ``annotations.services.crosschecks.queue_crosscheck`` creates the row and, after the
  transaction commits, sends it here through the seam in ``annotations.signals``
  (:mod:`verify.tasks` receives it). If the broker is down the row stays ``queued`` with no
  ``dispatched_at`` and the beat task sends again what :func:`jobs_to_send` names: nothing is
  lost.
* :func:`run_job` claims the row with a conditional update (``queued``, or ``running`` with an
  expired lease) and a fresh lease token, so a redelivered or duplicated message is harmless.
* Each claim's results are written in one transaction together with the job's progress, under
  the lease token: a job resumed after a crash continues where it stopped, and a worker that
  lost its lease writes nothing. Results carry a unique (claim, match) constraint and replace
  the claim's previous results, so no redelivery ever duplicates a row.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Substr
from django.utils import timezone

from annotations.models import (
    Article,
    Attribution,
    CrossCheck,
    CrosscheckJob,
    JobKind,
    JobStatus,
    Sentence,
)
from annotations.services.crosschecks import queue_crosscheck
from verify.engine.crosscheck import (
    Match,
    Passage,
    compare,
    embedding,
    index_text,
    match_score,
    one_account,
)
from verify.engine.origins import Span, origins
from verify.search import TermStats, find_candidates

logger = logging.getLogger(__name__)

#: The order in which every writer of the desk takes its row locks, so that concurrent
#: cross-check jobs, ingests and revisions wait for each other instead of deadlocking:
#: articles (by id), then their sentences (by id), then annotations, then job rows, then
#: cross-check rows. Ingest and the workflow lock the article first
#: (``annotations.services``); a job's results lock the claims' articles before the claims.
#: Locks are ``FOR NO KEY UPDATE`` where no key changes, so the ``FOR KEY SHARE`` locks that
#: foreign keys of new rows take (a result row points at another draft's sentence) never
#: wait for them.
LOCK_ORDER = ("article", "sentence", "annotation", "crosscheck job", "cross-check")

CONTEXT_CHARS = 1200
BATCH = 10
REFERENCE_CANDIDATES = 20

Progress = Callable[[CrosscheckJob], None]


class LeaseLost(Exception):
    """Another worker took the job over (this one was presumed dead); stop writing."""


# --- sending again ------------------------------------------------------------------------


def jobs_to_send() -> list[int]:
    """The jobs to send again: never sent, whose message was lost, or whose worker died.

    A running job whose lease ran out has lost its worker and goes back to the queue first.
    The beat task (:func:`verify.tasks.requeue_stuck_jobs`) sends the ids returned.
    """
    now = timezone.now()
    grace = timedelta(seconds=settings.CROSSCHECK_DISPATCH_GRACE_SECONDS)
    CrosscheckJob.objects.filter(status=JobStatus.RUNNING, lease_until__lt=now).update(
        status=JobStatus.QUEUED, dispatched_at=None, lease_token=""
    )
    stuck = CrosscheckJob.objects.filter(status=JobStatus.QUEUED).filter(
        Q(dispatched_at__isnull=True, created_at__lt=now - timedelta(seconds=2))
        | Q(dispatched_at__lt=now - grace * 10)
    )
    return list(stuck.values_list("pk", flat=True))


def mark_sent(job_id: int) -> None:
    """Record that job ``job_id``'s message is on its way (before sending it)."""
    CrosscheckJob.objects.filter(pk=job_id).update(dispatched_at=timezone.now())


def mark_unsent(job_id: int) -> None:
    """The message did not leave (broker down): leave the job for :func:`jobs_to_send`."""
    CrosscheckJob.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(dispatched_at=None)


# --- running -----------------------------------------------------------------------------


def run_job(job_id: int, *, progress: Progress | None = None) -> bool:
    """Claim and run job ``job_id``. Returns False when another worker has it or it is done."""
    token = uuid.uuid4().hex
    now = timezone.now()
    claimed = (
        CrosscheckJob.objects.filter(pk=job_id)
        .filter(Q(status=JobStatus.QUEUED) | Q(status=JobStatus.RUNNING, lease_until__lt=now))
        .update(
            status=JobStatus.RUNNING,
            lease_token=token,
            lease_until=_lease(),
            attempts=F("attempts") + 1,
            started_at=now,
            error="",
        )
    )
    if not claimed:
        return False
    job = CrosscheckJob.objects.select_related("article").get(pk=job_id)
    try:
        if job.kind == JobKind.REFERENCE:
            _plan_for_reference(job, token, progress)
        else:
            _check_claims(job, token, progress)
    except LeaseLost:
        logger.warning("Cross-check job %s was taken over by another worker.", job_id)
        return False
    done = CrosscheckJob.objects.filter(pk=job_id, lease_token=token).update(
        status=JobStatus.DONE, finished_at=timezone.now(), lease_until=None
    )
    return bool(done)


def release(job_id: int, *, error: str) -> None:
    """Give a job back to the queue after a transient error (the task retries it)."""
    CrosscheckJob.objects.filter(pk=job_id, status=JobStatus.RUNNING).update(
        status=JobStatus.QUEUED, lease_until=None, lease_token="", error=error[:2000]
    )


def fail(job_id: int, *, error: str) -> None:
    CrosscheckJob.objects.filter(pk=job_id).exclude(status=JobStatus.DONE).update(
        status=JobStatus.FAILED, lease_until=None, error=error[:2000], finished_at=timezone.now()
    )


def _lease() -> object:
    return timezone.now() + timedelta(seconds=settings.CROSSCHECK_LEASE_SECONDS)


def _renew(job: CrosscheckJob, token: str, **changes: object) -> None:
    """Extend the lease (and apply ``changes``) if this worker still holds it."""
    updated = CrosscheckJob.objects.filter(pk=job.pk, lease_token=token).update(
        lease_until=_lease(), **changes
    )
    if not updated:
        raise LeaseLost


def _job_claims(job: CrosscheckJob) -> list[Sentence]:
    claims = Sentence.objects.current().claims().filter(article=job.article_id)
    if job.sentence_ids is not None:
        claims = claims.filter(pk__in=job.sentence_ids)
    return list(claims.order_by("index"))


def _check_claims(job: CrosscheckJob, token: str, progress: Progress | None) -> None:
    claims = _job_claims(job)
    if job.progress_total != len(claims) or job.progress_done > len(claims):
        # The article changed since the job was queued: start over on its current claims.
        _renew(job, token, progress_total=len(claims), progress_done=0)
        job.progress_total, job.progress_done = len(claims), 0
    corpus = Corpus()
    remaining = claims[job.progress_done :]
    for start in range(0, len(remaining), BATCH):
        batch = remaining[start : start + BATCH]
        _save_results(job, token, batch, crosscheck_sentences(batch, corpus))
        job.progress_done += len(batch)
        if progress:
            progress(job)
        if settings.CROSSCHECK_CLAIM_DELAY:
            time.sleep(settings.CROSSCHECK_CLAIM_DELAY * len(batch))


def _save_results(
    job: CrosscheckJob,
    token: str,
    claims: Sequence[Sentence],
    results: dict[int, list[tuple[int, Match]]],
) -> None:
    """Replace the claims' results and advance the job's progress, in one transaction."""
    ids = sorted(claim.pk for claim in claims)
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # A commit lost in a crash only sends the job back to its previous progress, and
            # the claims are checked again: durability can wait for the next flush.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        # LOCK_ORDER: the article, its claims in id order, then the job row.
        article_ids = sorted({claim.article_id for claim in claims})
        list(
            Article.objects.select_for_update(no_key=True)
            .filter(pk__in=article_ids)
            .order_by("pk")
            .values("pk")
        )
        # One writer per claim at a time, whichever job it comes from.
        list(
            Sentence.objects.select_for_update(no_key=True)
            .filter(pk__in=ids)
            .order_by("pk")
            .values("pk")
        )
        _renew(job, token, progress_done=F("progress_done") + len(ids))
        now = timezone.now()
        Article.objects.filter(pk__in=article_ids).update(updated_at=now)
        # The article's progress counts the claims checked, whichever job checked them.
        Sentence.objects.filter(pk__in=ids).update(crosschecked_at=now)
        CrossCheck.objects.filter(claim_id__in=ids).delete()
        CrossCheck.objects.bulk_create(
            [
                CrossCheck(
                    claim_id=claim_id,
                    match_id=match_id,
                    relation=match.relation,
                    score=round(match.score, 4),
                    reason=match.reason[:500],
                    independent=match.independent,
                    job=job,
                )
                for claim_id in ids
                for match_id, match in results[claim_id]
            ]
        )


@dataclass(frozen=True, slots=True)
class _Indexed:
    passage: Passage
    article_id: int


def word_vectors() -> embedding.WordVectors | None:
    """The word vectors the jobs weigh, or None where they are off (``CROSSCHECK_EMBEDDING``)
    or their packages are not installed."""
    return embedding.default_words() if settings.CROSSCHECK_EMBEDDING else None


class Corpus:
    """The passages one job reads, each sentence and each article fetched once; and, where the
    sentence embedding is installed and on (``CROSSCHECK_EMBEDDING``), the cosine of two
    sentences' facts that the decision weighs (:meth:`cosine`) and the table of word vectors
    itself (``words``), which compare() reads predicates and near synonyms with."""

    def __init__(self, stats: TermStats | None = None) -> None:
        self.stats = stats or TermStats()
        self.words = word_vectors()
        self._passages: dict[int, _Indexed] = {}
        self._vectors: dict[int, Any] = {}
        # id -> (outlet, context, published_at)
        self._articles: dict[int, tuple[str, str, datetime | None]] = {}

    def passages(self, sentence_ids: Iterable[int]) -> dict[int, _Indexed]:
        """Passages (text, outlet, origins, article context) of the sentences."""
        wanted = list(dict.fromkeys(sentence_ids))
        missing = [pk for pk in wanted if pk not in self._passages]
        if missing:
            self._load(missing)
        return {pk: self._passages[pk] for pk in wanted if pk in self._passages}

    def _load(self, sentence_ids: list[int]) -> None:
        rows = list(
            Sentence.objects.filter(pk__any=sentence_ids).values_list(
                "pk", "text", "start", "search_text", "article_id"
            )
        )
        new_articles = {row[4] for row in rows} - self._articles.keys()
        terms = {term for row in rows for term in row[3].split()}
        facts = {row[0]: embedding.fact_tokens(row[1]) for row in rows} if self.words else {}
        # The fact's tokens may split otherwise than the sentence's: their frequencies too.
        terms.update(token.norm for tokens in facts.values() for token in tokens)
        if new_articles:
            for pk, outlet, headline, lead, published_at in (
                Article.objects.filter(pk__any=new_articles)
                .annotate(lead=Substr("body", 1, CONTEXT_CHARS))
                .values_list("pk", "outlet", "headline", "lead", "published_at")
            ):
                context = f"{headline}\n{lead}"[:CONTEXT_CHARS]
                self._articles[pk] = (outlet or "", context, published_at)
                terms.update(index_text(context).split())
        spans: dict[int, list[Span]] = defaultdict(list)
        fields = ("source__name", "via__name", "source_start", "source_end", "cue_start", "cue_end")
        for sentence_id, *values in Attribution.objects.filter(
            sentence_id__any=sentence_ids
        ).values_list("sentence_id", *fields):
            spans[sentence_id].append(Span(*values))
        # Document frequencies for idf: of the sentences (their stored index text) and of their
        # articles' contexts, so that every term compare weighs has its frequency (an unloaded
        # term would weigh as the rarest, depending on what the job read before).
        self.stats.load(terms)
        for pk, text, start, _search_text, article_id in rows:
            outlet, context, published_at = self._articles[article_id]
            self._passages[pk] = _Indexed(
                Passage(
                    text=text,
                    outlet=outlet,
                    sources=origins(spans.get(pk, []), text=text, start=start),
                    context=context,
                    published_at=published_at,
                ),
                article_id,
            )
        if self.words is not None:  # every new word of these sentences encoded in one go
            self.words.prepare(token.surface for tokens in facts.values() for token in tokens)

    def cosine(self, a: int, b: int) -> float | None:
        """The cosine of the two loaded sentences' fact vectors, or None without the
        embedding (compare then decides with the models fitted without it)."""
        if self.words is None:
            return None
        return float(self._vector(a) @ self._vector(b))

    def _vector(self, pk: int) -> Any:
        vector = self._vectors.get(pk)
        if vector is None:
            words = embedding.fact_words(self._passages[pk].passage.text, self.stats.idf)
            vector = self._vectors[pk] = self.words.sentence(words)  # type: ignore[union-attr]
        return vector


def crosscheck_sentences(
    claims: Sequence[Sentence], corpus: Corpus | None = None
) -> dict[int, list[tuple[int, Match]]]:
    """Find and classify the matches of each claim among other articles' sentences.

    Returns, per claim id, ``(matching sentence id, Match)`` pairs, best first.
    """
    corpus = corpus or Corpus()
    candidates = {
        claim.pk: find_candidates(corpus.stats, claim.text, exclude_article=claim.article_id)
        for claim in claims
    }
    passages = corpus.passages(
        [claim.pk for claim in claims] + [i for ids in candidates.values() for i in ids]
    )
    results: dict[int, list[tuple[int, Match]]] = {}
    for claim in claims:
        own = passages[claim.pk].passage
        # Every candidate is scored, and only the best CROSSCHECK_MATCHES are classified: the
        # score is cheap and decides the order, classifying is what costs, so a wider pool
        # finds more of the same facts for little more time.
        scored = []
        for candidate_id in candidates[claim.pk]:
            if candidate_id not in passages:  # archived meanwhile
                continue
            score = match_score(own, passages[candidate_id].passage, idf=corpus.stats.idf)
            if score is not None:
                scored.append((score, candidate_id))
        scored.sort(key=lambda pair: (-pair[0], pair[1]))
        found = []
        for score, candidate_id in scored[: settings.CROSSCHECK_MATCHES]:
            match = compare(
                own,
                passages[candidate_id].passage,
                idf=corpus.stats.idf,
                score=score,
                embedding=corpus.cosine(claim.pk, candidate_id),
                words=corpus.words,
            )
            if match is not None:
                found.append((candidate_id, match))
        # Each report's matches read together: one that agrees with the claim does not also
        # contradict it, and of several contradictions its closest is its account.
        found = one_account(found, lambda pk: passages[pk].article_id)
        found.sort(key=lambda pair: (-pair[1].score, pair[0]))
        results[claim.pk] = found
    return results


def _plan_for_reference(job: CrosscheckJob, token: str, progress: Progress | None) -> None:
    """A reference article arrived: re-check only the draft claims it plausibly matches."""
    sentences = _job_claims(job)
    _renew(job, token, progress_total=len(sentences), progress_done=0)
    job.progress_total, job.progress_done = len(sentences), 0
    corpus = Corpus()
    affected: dict[int, set[int]] = defaultdict(set)  # draft article -> claim ids
    for sentence in sentences:
        claim_ids = find_candidates(
            corpus.stats,
            sentence.text,
            exclude_article=sentence.article_id,
            role=Article.Role.DRAFT,
            limit=REFERENCE_CANDIDATES,
        )
        if claim_ids:
            passages = corpus.passages([sentence.pk, *claim_ids])
            reference = passages[sentence.pk].passage
            for claim_id in claim_ids:
                if claim_id not in passages:
                    continue
                match = compare(
                    passages[claim_id].passage,
                    reference,
                    idf=corpus.stats.idf,
                    embedding=corpus.cosine(claim_id, sentence.pk),
                    words=corpus.words,
                )
                if match is not None:
                    affected[passages[claim_id].article_id].add(claim_id)
        job.progress_done += 1
        _renew(job, token, progress_done=job.progress_done)
        if progress:
            progress(job)
    with transaction.atomic():
        _renew(job, token)
        for article in Article.objects.filter(pk__in=affected).order_by("pk"):
            queue_crosscheck(
                article=article,
                sentence_ids=sorted(affected[article.pk]),
                trigger=f"new reference {job.article.external_id}",
            )
