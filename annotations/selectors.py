"""Reads across models for the desk's pages, the API, the exports and the worker's commands,
shaped so that each page costs a fixed number of queries.

Every selector returns plain objects or querysets; none of them changes anything. The desk's
scope (draft articles, current sentences, claims) comes from the QuerySet methods in
:mod:`annotations.models`; lookups by id only ever reach draft articles and current (not
archived) sentences, so a guessed id of a reference article or of a sentence removed by a
revision is simply "not found". List filters go through the FilterSets of
:mod:`annotations.filters`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.contrib.auth.models import User
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from annotations.filters import ReviewQueueFilter
from annotations.models import (
    Annotation,
    AnnotationStatus,
    Article,
    Attribution,
    Comment,
    Confidence,
    CrossCheck,
    CrosscheckJob,
    Sentence,
    SentenceKind,
    Source,
    SourceAlias,
    SourceKind,
    Transition,
)
from annotations.services.crosschecks import counted_contradictions
from verify.engine.crosscheck import Match, Summary, summarise
from verify.engine.vocabulary import Relation, weakness

ERR_NO_ANNOTATION = "This sentence has no annotation (boilerplate is not annotated)."

# Fields of an annotation's history not worth showing as a "change".
_HISTORY_NOISE = {"version", "updated_at"}
_USER_FIELDS = {"annotator", "reviewer"}
# What the oldest record shows (shown name → attribute of the historical record).
_FIRST_RECORD_FIELDS = {
    "confidence": "confidence",
    "note": "note",
    "status": "status",
    "annotator": "annotator_id",
    "reviewer": "reviewer_id",
}


# --- articles --------------------------------------------------------------------------------


def desk_articles() -> QuerySet[Article]:
    """Draft articles with ``claim_count`` and ``approved_count`` annotated, newest first."""
    return Article.objects.drafts().with_progress()


def desk_article(article_id: int) -> Article:
    """The draft article ``article_id``; raises Http404 for unknown ids and reference articles."""
    return get_object_or_404(Article.objects.drafts(), pk=article_id)


def readable_article(article_id: int) -> Article:
    """Any article, draft or reference, to read (not to annotate); Http404 for unknown ids."""
    return get_object_or_404(Article.objects.defer("body"), pk=article_id)


def find_articles(references: Iterable[str]) -> tuple[list[Article], list[str]]:
    """Articles named by id or external id; also the references that matched nothing."""
    found: list[Article] = []
    missing: list[str] = []
    for reference in references:
        query = Q(external_id=reference)
        if reference.isdigit():
            query |= Q(pk=int(reference))
        article = Article.objects.filter(query).order_by("pk").first()
        if article is None:
            missing.append(reference)
        else:
            found.append(article)
    return found, missing


def attributions_prefetch(
    *, accepted_first: bool = True, lookup: str = "attributions"
) -> Prefetch[Any]:
    """A sentence's attributions (at ``lookup``) with source and via: accepted first (unless
    not ``accepted_first``), then in the order they were suggested or added (the engine puts
    the source a sentence rests on first: an anonymous relay before what it relays, else a
    relayed source before its relay)."""
    order = ("is_suggestion", "id") if accepted_first else ("id",)
    return Prefetch(
        lookup,
        queryset=Attribution.objects.select_related("source", "via").order_by(*order),
    )


def article_sentences(article: Article, *, accepted_first: bool = True) -> list[Sentence]:
    """The article's current sentences, each with its annotation and attributions loaded.

    Three queries however long the article: sentences (+ annotation, annotator, reviewer),
    attributions (+ source, via). Attributions come accepted first, then suggestions in the
    engine's order; with ``accepted_first=False`` all in the engine's order (as ``analyze``
    and ``report`` print them).
    """
    return list(
        Sentence.objects.current()
        .filter(article=article)
        .defer("search_text")
        .select_related("annotation", "annotation__annotator", "annotation__reviewer")
        .prefetch_related(attributions_prefetch(accepted_first=accepted_first))
        .order_by("index")
    )


def main_attribution(sentence: Sentence) -> Attribution | None:
    """The attribution the sentence mainly rests on: the first accepted one, else a suggestion.

    Expects the attributions prefetched by :func:`article_sentences` (accepted first).
    """
    attributions = list(sentence.attributions.all())
    return attributions[0] if attributions else None


@dataclass(frozen=True, slots=True)
class RestsOn:
    """What a sentence rests on: the chain of its main attribution (the source, whoever
    relayed it, whoever relayed them) and the chain's weakest link."""

    main: Attribution
    chain: tuple[Source, ...]
    weakest: Source

    @property
    def label(self) -> str:
        """ "Marco Rubio via several European diplomats"."""
        return " via ".join(source.name for source in self.chain)

    @property
    def title(self) -> str:
        """The badge's title: "Marco Rubio via several European diplomats (rests on:
        Anonymous, suggested)"."""
        suggested = ", suggested" if self.main.is_suggestion else ""
        return f"{self.label} (rests on: {self.weakest.get_kind_display()}{suggested})"


def rests_on(sentence: Sentence) -> RestsOn | None:
    """The chain the sentence rests on (see :class:`RestsOn`), or None without attributions.

    The chain starts at :func:`main_attribution` and follows ``via``: a relay that is also one
    of the sentence's sources continues with its own ``via``. A main attribution that relays
    another of the sentence's (an anonymous relay comes first: the sentence rests on it) is
    shown with what it relays ("Marco Rubio via several European diplomats"). Expects the
    attributions prefetched by :func:`article_sentences` or :func:`desk_sentence`.
    """
    attributions = list(sentence.attributions.all())
    if not attributions:
        return None
    main = attributions[0]
    by_source = {a.source_id: a for a in reversed(attributions)}
    relayed = next((a for a in attributions[1:] if a.via_id == main.source_id), None)
    chain = [relayed.source] if relayed is not None else []
    chain.append(main.source)
    link: Attribution | None = main
    while link is not None and link.via is not None and link.via not in chain:
        chain.append(link.via)
        link = by_source.get(link.via_id) if link.via_id is not None else None
    weakest = min(chain, key=lambda source: weakness(source.kind))
    return RestsOn(main=main, chain=tuple(chain), weakest=weakest)


def annotation_of(sentence: Sentence) -> Annotation | None:
    try:
        return sentence.annotation
    except Annotation.DoesNotExist:
        return None


# --- one sentence ----------------------------------------------------------------------------


def desk_sentence(sentence_id: int, *, annotated: bool = False) -> Sentence:
    """A current sentence of a draft article, with article, annotation and attributions
    (fresh from the database).

    With ``annotated`` (the API's annotation endpoints), only a claim sentence with its
    annotation. Raises Http404 for unknown ids, archived sentences and reference articles
    (and, ``annotated``, boilerplate and sentences without an annotation).
    """
    queryset = Sentence.objects.on_desk()
    if annotated:
        queryset = queryset.claims()
    queryset = (
        queryset.defer("search_text", "article__body")
        .select_related("article", "annotation", "annotation__annotator", "annotation__reviewer")
        .prefetch_related(attributions_prefetch())
    )
    sentence = get_object_or_404(queryset, pk=sentence_id)
    if annotated and annotation_of(sentence) is None:
        raise Http404(ERR_NO_ANNOTATION)
    return sentence


def desk_annotation(annotation_id: int) -> Annotation:
    """The annotation of a current sentence of a draft article."""
    queryset = Annotation.objects.on_desk().select_related(
        "sentence", "sentence__article", "annotator", "reviewer"
    )
    return get_object_or_404(queryset, pk=annotation_id)


def desk_attribution(attribution_id: int, *, claims_only: bool = False) -> Attribution:
    """An attribution of a current sentence (a claim sentence, with ``claims_only``) of a draft
    article; Http404 otherwise."""
    queryset = Attribution.objects.on_desk()
    if claims_only:
        queryset = queryset.filter(sentence__kind=SentenceKind.CLAIM)
    return get_object_or_404(
        queryset.select_related("sentence", "sentence__article", "source", "via"),
        pk=attribution_id,
    )


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One saved version of an annotation: who, when, and which fields changed."""

    date: Any
    user: User | None
    kind: str  # "+" created, "~" changed, "-" deleted
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)


def annotation_history(annotation: Annotation) -> list[HistoryEntry]:
    """The annotation's change history, newest first, with the fields each save changed.

    Two queries: consecutive records are diffed in memory instead of through
    ``prev_record``, and the users named in ``annotator``/``reviewer`` are loaded at once.
    The oldest record lists the values it started from.
    """
    records = list(annotation.history.select_related("history_user").order_by("-history_id"))
    raw: list[list[tuple[str, Any, Any]]] = []
    for position, newer in enumerate(records):
        older = records[position + 1] if position + 1 < len(records) else None
        if older is None:
            raw.append(
                [
                    (name, None, getattr(newer, attribute))
                    for name, attribute in _FIRST_RECORD_FIELDS.items()
                    if getattr(newer, attribute) not in (None, "")
                ]
            )
        else:
            raw.append(
                [
                    (change.field, change.old, change.new)
                    for change in newer.diff_against(older).changes
                    if change.field not in _HISTORY_NOISE
                ]
            )
    user_ids = {
        value
        for changes in raw
        for name, old, new in changes
        if name in _USER_FIELDS
        for value in (old, new)
        if value is not None
    }
    names = dict(User.objects.filter(pk__in=user_ids).values_list("pk", "username"))

    def shown(name: str, value: Any) -> Any:
        return names.get(value, value) if name in _USER_FIELDS else value

    return [
        HistoryEntry(
            date=record.history_date,
            user=record.history_user,
            kind=record.history_type,
            changes=[(name, shown(name, old), shown(name, new)) for name, old, new in changes],
        )
        for record, changes in zip(records, raw, strict=True)
    ]


def last_changed_by(annotation: Annotation) -> User | None:
    """Who saved the annotation last (from its history), for "changed by X" messages."""
    record = annotation.history.select_related("history_user").order_by("-history_id").first()
    return record.history_user if record is not None else None


@dataclass(slots=True)
class SentenceDetail:
    """Everything the side panel shows about one sentence."""

    sentence: Sentence
    annotation: Annotation | None
    suggestions: list[Attribution]
    accepted: list[Attribution]
    comments: list[Comment]
    transitions: list[Transition]
    history: list[HistoryEntry]
    crosschecks: list[CrossCheck]
    crosscheck_summary: Summary | None

    @property
    def suggested_confidence_label(self) -> str:
        suggested = self.crosscheck_summary and self.crosscheck_summary.suggested_confidence
        return Confidence(suggested).label if suggested else ""


def sentence_detail(sentence: Sentence) -> SentenceDetail:
    """The side panel's reads for a sentence loaded by :func:`desk_sentence` (four queries)."""
    annotation = annotation_of(sentence)
    attributions = list(sentence.attributions.all())
    transitions: list[Transition] = []
    history: list[HistoryEntry] = []
    if annotation is not None:
        transitions = list(
            annotation.transitions.select_related("actor").order_by("-created_at", "-id")
        )
        history = annotation_history(annotation)
    crosschecks = list(
        CrossCheck.objects.filter(claim=sentence)
        .select_related("match__article")
        .order_by("-score", "id")
    )
    return SentenceDetail(
        sentence=sentence,
        annotation=annotation,
        suggestions=[a for a in attributions if a.is_suggestion],
        accepted=[a for a in attributions if not a.is_suggestion],
        comments=list(sentence.comments.select_related("author")),
        transitions=transitions,
        history=history,
        crosschecks=crosschecks,
        crosscheck_summary=claim_summary(crosschecks) if crosschecks else None,
    )


def contradictions(article: Article) -> list[CrossCheck]:
    """The contradictions of the article's current claims the desk has to answer
    (:func:`~annotations.services.crosschecks.counts_as_contradiction`), by claim, strongest
    first."""
    return list(
        CrossCheck.objects.of_current_claims()
        .filter(counted_contradictions(), claim__article=article)
        .select_related("claim", "match__article")
        .order_by("claim__index", "-score")
    )


def article_crosschecks(article: Article) -> QuerySet[CrossCheck]:
    """The matches of the article's current claims, by claim, strongest first."""
    return (
        CrossCheck.objects.of_current_claims()
        .filter(claim__article=article)
        .select_related("match__article")
        .order_by("claim_id", "-score", "id")
    )


class Judged(Protocol):
    """A stored cross-check, or any read of one: what :func:`summarise` needs."""

    @property
    def relation(self) -> str: ...
    @property
    def score(self) -> float: ...
    @property
    def reason(self) -> str: ...
    @property
    def independent(self) -> bool: ...


def claim_summary(crosschecks: Iterable[Judged]) -> Summary:
    """Independent corroborations, echoes, contradictions and a suggested confidence."""
    return summarise(
        [
            Match(
                relation=Relation(c.relation),
                score=c.score,
                reason=c.reason,
                independent=c.independent,
            )
            for c in crosschecks
        ]
    )


def latest_crosscheck_job(article: Article) -> CrosscheckJob | None:
    """The article's most recent cross-check job, for the progress bar."""
    return CrosscheckJob.objects.filter(article=article).order_by("-created_at", "-id").first()


@dataclass(frozen=True, slots=True)
class CrosscheckProgress:
    """How far the cross-checks of a whole article are: its claims checked of its claims,
    and its last run (the latest job, which may have checked only a few of them)."""

    claims: int
    checked: int
    last_job: CrosscheckJob | None

    @property
    def percent(self) -> int:
        return round(100 * self.checked / self.claims) if self.claims else 100

    @property
    def status(self) -> str:
        """The last run's status (``none`` before any)."""
        return self.last_job.status if self.last_job else "none"

    @property
    def active(self) -> bool:
        return self.status in (CrosscheckJob.Status.QUEUED, CrosscheckJob.Status.RUNNING)

    @property
    def label(self) -> str:
        """ "19 of 19 claims checked · last run 4 Dec 19:20 UTC, done: 3 of 3 claims"."""
        text = f"{self.checked} of {self.claims} claim{'s' if self.claims != 1 else ''} checked"
        job = self.last_job
        if job is None:
            return f"{text} · not run yet"
        when = "" if self.active else f" {(job.finished_at or job.updated_at):%-d %b %H:%M} UTC"
        run = f"{job.progress_done} of {job.progress_total} claims"
        return f"{text} · last run{when}, {job.get_status_display().lower()}: {run}"


def crosscheck_progress(article: Article) -> CrosscheckProgress:
    """The article's cross-check progress (two queries)."""
    counts = (
        Sentence.objects.current()
        .claims()
        .filter(article=article)
        .aggregate(claims=Count("id"), checked=Count("id", filter=Q(crosschecked_at__isnull=False)))
    )
    return CrosscheckProgress(
        claims=counts["claims"], checked=counts["checked"], last_job=latest_crosscheck_job(article)
    )


# --- review queue ----------------------------------------------------------------------------


def review_queue(*, filters: Mapping[str, Any] | None = None) -> list[Annotation]:
    """Submitted annotations of current claim sentences of draft articles, oldest first,
    filtered by :class:`~annotations.filters.ReviewQueueFilter` (article, annotator,
    confidence; values that are not ids or known levels are ignored)."""
    queryset = (
        Annotation.objects.on_desk()
        .submitted()
        .filter(sentence__kind=SentenceKind.CLAIM)
        .select_related("sentence", "sentence__article", "annotator")
        .prefetch_related(attributions_prefetch(lookup="sentence__attributions"))
        .order_by("updated_at", "id")
    )
    return list(ReviewQueueFilter(filters or {}, queryset=queryset).qs[:500])


@dataclass(frozen=True, slots=True)
class QueueEvidence:
    """What the review queue flags on one sentence, from its cross-checks and its sources."""

    contradictions: int  # to answer, as sign-off counts them (counts_as_contradiction)
    independent_corroborations: int
    echoes: int  # corroborations that trace to the claim's own origin
    anonymous_only: bool  # every source it rests on is anonymous, or heard only through one

    @property
    def contradicted(self) -> bool:
        return self.contradictions > 0

    @property
    def echo_only(self) -> bool:
        """Repeated elsewhere, but only by reports of the same origin: no second source."""
        return self.echoes > 0 and self.independent_corroborations == 0

    @property
    def flagged(self) -> bool:
        return self.contradicted or self.echo_only or self.anonymous_only


def rests_on_anonymous_only(sentence: Sentence) -> bool:
    """Every attribution the sentence rests on (the accepted ones, else the suggestions) is an
    anonymous source or reaches the desk only through one (its weakest link is anonymous).

    Expects the attributions prefetched with their source and via.
    """
    attributions = list(sentence.attributions.all())
    resting = [a for a in attributions if not a.is_suggestion] or attributions
    return bool(resting) and all(a.is_anonymous for a in resting)


def queue_evidence(annotations: Iterable[Annotation]) -> dict[int, QueueEvidence]:
    """The flags of each queued annotation (by annotation id), in one query for all of them.

    Expects the annotations of :func:`review_queue` (sentences with attributions loaded).
    """
    annotations = list(annotations)
    by_claim: dict[int, list[CrossCheck]] = {}
    for check in CrossCheck.objects.filter(claim_id__in=[a.sentence_id for a in annotations]).only(
        "claim_id", "relation", "score", "reason", "independent"
    ):
        by_claim.setdefault(check.claim_id, []).append(check)
    evidence = {}
    for annotation in annotations:
        checks = by_claim.get(annotation.sentence_id, [])
        summary = claim_summary(checks)
        evidence[annotation.pk] = QueueEvidence(
            contradictions=summary.contradictions,
            independent_corroborations=summary.independent_corroborations,
            echoes=summary.echoes,
            anonymous_only=rests_on_anonymous_only(annotation.sentence),
        )
    return evidence


def queue_filter_choices() -> dict[str, list[Any]]:
    """The articles and annotators that currently have submitted sentences."""
    submitted = Annotation.objects.submitted().filter(
        sentence__article__in=Article.objects.drafts()
    )
    articles = Article.objects.filter(pk__in=submitted.values("sentence__article_id")).only(
        "id", "headline"
    )
    annotators = User.objects.filter(pk__in=submitted.values("annotator_id")).only(
        "id", "username", "first_name", "last_name"
    )
    return {"articles": list(articles), "annotators": list(annotators)}


def annotations_by_ids(ids: list[int]) -> list[Annotation]:
    """Annotations of current claim sentences of draft articles among ``ids``."""
    return list(
        Annotation.objects.on_desk()
        .filter(pk__in=ids)
        .select_related("sentence")
        .order_by("sentence__article_id", "sentence__index")
    )


# --- summary ---------------------------------------------------------------------------------


@dataclass(slots=True)
class SourcingMix:
    """How the article's claim sentences are sourced, for the summary page."""

    claims: int
    anonymous: int
    single_source: int
    disputed: int
    confirmed: int
    unsourced: int
    by_confidence: list[tuple[str, str, int]]
    by_source_kind: list[tuple[str, str, int]]
    open_items: list[Sentence]
    # Claims the cross-checks found contradicted by an independent report, and how many of
    # them the desk marked disputed: the confidence chart read next to the cross-checks.
    contradicted: int = 0
    contradicted_disputed: int = 0

    @property
    def approved(self) -> int:
        return self.claims - len(self.open_items)

    @property
    def all_approved(self) -> bool:
        return self.claims > 0 and not self.open_items

    def share(self, count: int) -> int:
        return round(100 * count / self.claims) if self.claims else 0

    def bars(self) -> list[tuple[str, str, int, int]]:
        """(key, label, count, percent) for the headline figures."""
        rows = [
            ("anonymous", "Rest on an anonymous source", self.anonymous),
            ("single", "Rest on a single source", self.single_source),
            ("disputed", "Disputed", self.disputed),
            ("contradicted", "Contradicted by the cross-checks", self.contradicted),
            ("confirmed", "Confirmed", self.confirmed),
            ("unsourced", "No source recorded", self.unsourced),
        ]
        return [(key, label, count, self.share(count)) for key, label, count in rows]

    def confidence_bars(self) -> list[tuple[str, str, int, int]]:
        return [(key, label, n, self.share(n)) for key, label, n in self.by_confidence]

    def source_kind_bars(self) -> list[tuple[str, str, int, int]]:
        return [(key, label, n, self.share(n)) for key, label, n in self.by_source_kind]


def sourcing_mix(sentences: list[Sentence], *, contradicted: Iterable[int] = ()) -> SourcingMix:
    """Count the sourcing of the claim sentences loaded by :func:`article_sentences`;
    ``contradicted`` are the ids of claims the cross-checks found contradicted (the claims of
    :func:`contradictions`).

    A sentence's sources are its attributions as they stand, suggested ones included, so the
    figures make sense before every suggestion is accepted. A sentence counts under the kind
    of the weakest link it rests on (:func:`rests_on`): "rest on an anonymous source" and the
    kinds of source count Rubio heard only through anonymous diplomats as anonymous.
    """
    contradicted_ids = set(contradicted)
    n_contradicted = n_contradicted_disputed = 0
    claims = [s for s in sentences if s.kind == SentenceKind.CLAIM]
    confidence: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    anonymous = single = unsourced = 0
    open_items = []
    for sentence in claims:
        annotation = annotation_of(sentence)
        level = annotation.confidence if annotation else Confidence.UNVERIFIED
        confidence[level] += 1
        if sentence.pk in contradicted_ids:
            n_contradicted += 1
            n_contradicted_disputed += level == Confidence.DISPUTED
        sources = {a.source_id: a.source for a in sentence.attributions.all()}
        rests = rests_on(sentence)
        if rests is not None and rests.weakest.kind == SourceKind.ANONYMOUS:
            anonymous += 1
        if len(sources) == 1:
            single += 1
        if rests is None:
            unsourced += 1
        else:
            kinds[rests.weakest.kind] += 1
        if annotation is None or annotation.status != AnnotationStatus.APPROVED:
            open_items.append(sentence)
    return SourcingMix(
        claims=len(claims),
        anonymous=anonymous,
        single_source=single,
        disputed=confidence[Confidence.DISPUTED],
        confirmed=confidence[Confidence.CONFIRMED],
        unsourced=unsourced,
        by_confidence=[(c.value, str(c.label), confidence[c.value]) for c in Confidence],
        by_source_kind=[(k.value, str(k.label), kinds[k.value]) for k in SourceKind],
        open_items=open_items,
        contradicted=n_contradicted,
        contradicted_disputed=n_contradicted_disputed,
    )


# --- source registry -------------------------------------------------------------------------


def sources(q: str = "", kind: str | None = None) -> QuerySet[Source]:
    """Registry entries (with aliases) whose name or an alias contains ``q`` (all for an empty
    one), of ``kind`` if given, by name."""
    queryset = Source.objects.prefetch_related("aliases").order_by("name", "kind", "id")
    query = " ".join(q.split())
    if query:
        alias_hits = SourceAlias.objects.filter(name__icontains=query).values("source_id")
        queryset = queryset.filter(Q(name__icontains=query) | Q(pk__in=alias_hits))
    if kind:
        queryset = queryset.filter(kind=kind)
    return queryset


def source(source_id: int) -> Source:
    return get_object_or_404(Source.objects.prefetch_related("aliases"), pk=source_id)


def search_sources(query: str, limit: int = 12) -> list[Source]:
    """The desk's suggestions for what was typed: :func:`sources` matching ``query`` (none for
    a blank one), names that start with it first."""
    query = " ".join(query.split())
    if not query:
        return []
    found = list(sources(query)[: limit * 2])
    lowered = query.lower()
    # Names that start with what was typed first, then the rest, each alphabetically.
    found.sort(key=lambda s: (not s.name.lower().startswith(lowered), s.name.lower()))
    return found[:limit]
