"""Reads for the desk's pages, shaped so that each page costs a fixed number of queries.

Every selector returns plain objects or querysets; none of them changes anything. Lookups by id
only ever reach draft articles and current (not archived) sentences, so a guessed id of a
reference article or of a sentence removed by a revision is simply "not found".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from annotations.models import (
    Annotation,
    AnnotationStatus,
    Article,
    ArticleRole,
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
from verify.engine.crosscheck import Summary
from verify.selectors import claim_summary

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
    current_claims = Q(sentences__archived_at__isnull=True, sentences__kind=SentenceKind.CLAIM)
    return Article.objects.filter(role=ArticleRole.DRAFT).annotate(
        claim_count=Count("sentences", filter=current_claims, distinct=True),
        approved_count=Count(
            "sentences",
            filter=current_claims & Q(sentences__annotation__status=AnnotationStatus.APPROVED),
            distinct=True,
        ),
    )


def desk_article(article_id: int) -> Article:
    """The draft article ``article_id``; raises Http404 for unknown ids and reference articles."""
    return get_object_or_404(Article, pk=article_id, role=ArticleRole.DRAFT)


def attributions_prefetch() -> Prefetch[Any]:
    """A sentence's attributions with source and via: accepted first, then in text order."""
    return Prefetch(
        "attributions",
        queryset=Attribution.objects.select_related("source", "via").order_by(
            "is_suggestion", "source_start", "id"
        ),
    )


def article_sentences(article: Article) -> list[Sentence]:
    """The article's current sentences, each with its annotation and attributions loaded.

    Three queries however long the article: sentences (+ annotation, annotator), attributions
    (+ source, via). Attributions come accepted first, then suggestions in text order.
    """
    return list(
        Sentence.objects.current()
        .filter(article=article)
        .defer("search_text")
        .select_related("annotation", "annotation__annotator", "annotation__reviewer")
        .prefetch_related(attributions_prefetch())
        .order_by("index")
    )


def main_attribution(sentence: Sentence) -> Attribution | None:
    """The attribution the sentence mainly rests on: the first accepted one, else a suggestion.

    Expects the attributions prefetched by :func:`article_sentences` (accepted first).
    """
    attributions = list(sentence.attributions.all())
    return attributions[0] if attributions else None


def annotation_of(sentence: Sentence) -> Annotation | None:
    try:
        return sentence.annotation
    except Annotation.DoesNotExist:
        return None


# --- one sentence ----------------------------------------------------------------------------


def desk_sentence(sentence_id: int) -> Sentence:
    """A current sentence of a draft article, with article, annotation and attributions."""
    queryset = (
        Sentence.objects.current()
        .filter(article__role=ArticleRole.DRAFT)
        .select_related("article", "annotation", "annotation__annotator", "annotation__reviewer")
        .prefetch_related(attributions_prefetch())
    )
    return get_object_or_404(queryset, pk=sentence_id)


def desk_annotation(annotation_id: int) -> Annotation:
    """The annotation of a current claim sentence of a draft article."""
    queryset = Annotation.objects.filter(
        sentence__archived_at__isnull=True, sentence__article__role=ArticleRole.DRAFT
    ).select_related("sentence", "sentence__article", "annotator", "reviewer")
    return get_object_or_404(queryset, pk=annotation_id)


def desk_attribution(attribution_id: int) -> Attribution:
    queryset = Attribution.objects.filter(
        sentence__archived_at__isnull=True, sentence__article__role=ArticleRole.DRAFT
    ).select_related("sentence", "sentence__article", "source", "via")
    return get_object_or_404(queryset, pk=attribution_id)


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
    """Independent contradictions of the article's current claims, strongest first."""
    return list(
        CrossCheck.objects.filter(
            claim__article=article,
            claim__archived_at__isnull=True,
            relation=CrossCheck.Relation.CONTRADICTS,
            independent=True,
        )
        .select_related("claim", "match__article")
        .order_by("claim__index", "-score")
    )


def latest_crosscheck_job(article: Article) -> CrosscheckJob | None:
    """The article's most recent cross-check job, for the progress bar."""
    return CrosscheckJob.objects.filter(article=article).order_by("-created_at", "-id").first()


# --- review queue ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class QueueFilters:
    article: int | None = None
    annotator: int | None = None
    confidence: str | None = None


def parse_queue_filters(params: Any) -> QueueFilters:
    """Read the queue's GET parameters, ignoring values that are not ids or known levels."""

    def as_id(name: str) -> int | None:
        value = params.get(name, "")
        return int(value) if value.isdigit() else None

    confidence = params.get("confidence") or None
    return QueueFilters(
        article=as_id("article"),
        annotator=as_id("annotator"),
        confidence=confidence if confidence in Confidence.values else None,
    )


def review_queue(filters: QueueFilters) -> list[Annotation]:
    """Submitted annotations of current claim sentences of draft articles, oldest first."""
    queryset = (
        Annotation.objects.filter(
            status=AnnotationStatus.SUBMITTED,
            sentence__archived_at__isnull=True,
            sentence__kind=SentenceKind.CLAIM,
            sentence__article__role=ArticleRole.DRAFT,
        )
        .select_related("sentence", "sentence__article", "annotator")
        .prefetch_related(
            Prefetch(
                "sentence__attributions",
                queryset=Attribution.objects.select_related("source", "via").order_by(
                    "is_suggestion", "source_start", "id"
                ),
            )
        )
        .order_by("updated_at", "id")
    )
    if filters.article is not None:
        queryset = queryset.filter(sentence__article_id=filters.article)
    if filters.annotator is not None:
        queryset = queryset.filter(annotator_id=filters.annotator)
    if filters.confidence is not None:
        queryset = queryset.filter(confidence=filters.confidence)
    return list(queryset[:500])


def queue_filter_choices() -> dict[str, list[Any]]:
    """The articles and annotators that currently have submitted sentences."""
    submitted = Annotation.objects.filter(
        status=AnnotationStatus.SUBMITTED, sentence__article__role=ArticleRole.DRAFT
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
        Annotation.objects.filter(
            pk__in=ids,
            sentence__archived_at__isnull=True,
            sentence__article__role=ArticleRole.DRAFT,
        )
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
            ("confirmed", "Confirmed", self.confirmed),
            ("unsourced", "No source recorded", self.unsourced),
        ]
        return [(key, label, count, self.share(count)) for key, label, count in rows]

    def confidence_bars(self) -> list[tuple[str, str, int, int]]:
        return [(key, label, n, self.share(n)) for key, label, n in self.by_confidence]

    def source_kind_bars(self) -> list[tuple[str, str, int, int]]:
        return [(key, label, n, self.share(n)) for key, label, n in self.by_source_kind]


def sourcing_mix(sentences: list[Sentence]) -> SourcingMix:
    """Count the sourcing of the claim sentences loaded by :func:`article_sentences`.

    A sentence's sources are its attributions as they stand, suggested ones included, so the
    figures make sense before every suggestion is accepted.
    """
    claims = [s for s in sentences if s.kind == SentenceKind.CLAIM]
    confidence: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    anonymous = single = unsourced = 0
    open_items = []
    for sentence in claims:
        annotation = annotation_of(sentence)
        level = annotation.confidence if annotation else Confidence.UNVERIFIED
        confidence[level] += 1
        sources = {a.source_id: a.source for a in sentence.attributions.all()}
        if any(source.kind == SourceKind.ANONYMOUS for source in sources.values()):
            anonymous += 1
        if len(sources) == 1:
            single += 1
        if not sources:
            unsourced += 1
        for kind in {source.kind for source in sources.values()}:
            kinds[kind] += 1
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
    )


# --- source registry -------------------------------------------------------------------------


def search_sources(query: str, limit: int = 12) -> list[Source]:
    """Registry entries whose name or one of whose aliases contains ``query``, names first."""
    query = " ".join(query.split())
    if not query:
        return []
    alias_hits = SourceAlias.objects.filter(name__icontains=query).values("source_id")
    matches = (
        Source.objects.filter(Q(name__icontains=query) | Q(pk__in=alias_hits))
        .prefetch_related("aliases")
        .order_by("name", "kind")
    )
    found = list(matches[: limit * 2])
    lowered = query.lower()
    # Names that start with what was typed first, then the rest, each alphabetically.
    found.sort(key=lambda s: (not s.name.lower().startswith(lowered), s.name.lower()))
    return found[:limit]
