"""Exports of an article's sourcing: W3C Web Annotation, schema.org ClaimReview, CSV.

The builders are pure functions over model instances that :func:`load_export` fetched in a
fixed number of queries (four, however many sentences): they never query the database.

W3C Web Annotation (https://www.w3.org/TR/annotation-model/)
    :func:`web_annotation_collection` — an ``AnnotationCollection`` whose single embedded
    ``AnnotationPage`` holds one ``Annotation`` per attribution (motivation ``describing``:
    where the sentence comes from, e.g. "Marco Rubio (official) via Politico — cue 'told'")
    and one per annotated sentence (motivation ``assessing``: the confidence). Each annotation
    carries its own ``@context`` so it stands alone once taken out of the page. The target is
    the sentence: ``source`` is the article's published URL (the API URL when it has none),
    with a ``TextQuoteSelector`` (the exact text, 32 characters of prefix and suffix) and a
    ``TextPositionSelector`` (offsets into the text the desk stored; on a published HTML page
    the quote is the robust anchor). Suggested attributions (not yet accepted by an editor) are
    exported too, created by the ``Software`` agent and tagged ``suggested``; accepted ones
    are created by the sentence's annotator. ``created`` of a confidence annotation is when
    that assessment was last changed.

schema.org ClaimReview (https://schema.org/ClaimReview)
    :func:`claim_reviews` — one ``ClaimReview`` per **approved** claim sentence: a ClaimReview
    is a published verdict, so only what a reviewer approved (four eyes) is exported, whatever
    its confidence (an approved ``unverified`` means "we could not verify it"). The rating
    runs from ``disputed`` (1, worst) to ``confirmed`` (5, best); ``alternateName`` is the
    confidence label. ``author`` is the newsroom (setting ``SOURCEDESK_NEWSROOM_NAME``, else
    the article's outlet); ``itemReviewed`` is a ``Claim`` whose authors are the sentence's
    accepted sources (documents are cited, not authors) and whose appearance is the article.

CSV (:func:`csv_rows`)
    One row per current sentence, for editors' spreadsheets; every text cell that a
    spreadsheet would read as a formula (``= + - @``, tab, carriage return) starts with ``'``.
    ``anonymous_standards`` gives the standards fields of each use of an anonymous source.

Each anonymous attribution's W3C annotation carries its standards fields (a ``describing``
body, tagged ``standards-missing`` while one is missing). ClaimReview, a published verdict,
names an anonymous author only as an unnamed source.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.db.models import Prefetch

from annotations.links import absolute_url, article_api_url, export_url
from annotations.models import (
    Annotation,
    AnnotationStatus,
    Article,
    Attribution,
    Confidence,
    CrossCheck,
    Sentence,
    SourceKind,
)
from annotations.selectors import annotation_of, attributions_prefetch, claim_summary

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
SCHEMA_CONTEXT = "https://schema.org"
QUOTE_CONTEXT_CHARS = 32
SOFTWARE_NAME = "Sourcedesk"

# Best first, as schema.org reads a rating: confirmed 5 … disputed 1.
RATING = {
    Confidence.CONFIRMED: 5,
    Confidence.CORROBORATED: 4,
    Confidence.SINGLE_SOURCE: 3,
    Confidence.UNVERIFIED: 2,
    Confidence.DISPUTED: 1,
}
CONFIDENCE_MEANING = {
    Confidence.CONFIRMED: "on-record primary source or document seen by us",
    Confidence.CORROBORATED: "at least two independent sources agree",
    Confidence.SINGLE_SOURCE: "one credible source",
    Confidence.UNVERIFIED: "not yet checked, or only an unverifiable anonymous source",
    Confidence.DISPUTED: "another credible source contradicts it",
}
SCHEMA_AUTHOR_TYPE: dict[str, str] = {
    SourceKind.OUTLET: "NewsMediaOrganization",
    SourceKind.OFFICIAL: "Person",
    SourceKind.PERSON: "Person",
    SourceKind.ORGANISATION: "Organization",
    SourceKind.ANONYMOUS: "Person",
}

CSV_COLUMNS = (
    "index",
    "paragraph",
    "kind",
    "text",
    "sources",
    "confidence",
    "status",
    "annotator",
    "reviewer",
    "independent_corroborations",
    "contradictions",
    "anonymous_standards",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, slots=True)
class ArticleExport:
    """An article with its current sentences, each with ``annotation`` (or none), its
    ``attributions`` (source and via loaded) and, when asked for, its ``crosschecks``."""

    article: Article
    sentences: Sequence[Sentence]


def load_export(article_id: int, *, crosschecks: bool = False) -> ArticleExport:
    """Everything an export reads, in three queries (four with ``crosschecks``).

    Raises :class:`Article.DoesNotExist` for an unknown id.
    """
    article = Article.objects.get(pk=article_id)
    sentences = (
        Sentence.objects.current()
        .filter(article=article)
        .select_related("annotation__annotator", "annotation__reviewer")
        .prefetch_related(attributions_prefetch(accepted_first=False))
        .order_by("index")
    )
    if crosschecks:
        sentences = sentences.prefetch_related(
            Prefetch(
                "crosschecks",
                queryset=CrossCheck.objects.only(
                    "claim_id", "relation", "score", "reason", "independent"
                ),
            )
        )
    return ArticleExport(article=article, sentences=list(sentences))


# --- helpers ---------------------------------------------------------------------------------


def article_source(article: Article) -> str:
    """Where the article lives: its published URL, or the API's when it has none."""
    return article.url or article_api_url(article.pk)


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _person(user: User | None) -> dict[str, Any] | None:
    if user is None:
        return None
    agent: dict[str, Any] = {"type": "Person", "nickname": user.username}
    full_name = user.get_full_name()
    agent["name"] = full_name or user.username
    return agent


def _software() -> dict[str, Any]:
    return {"id": absolute_url(), "type": "Software", "name": SOFTWARE_NAME}


def _source_label(attribution: Attribution) -> str:
    """ "Marco Rubio (official) via Politico"."""
    text = f"{attribution.source.name} ({attribution.source.kind})"
    if attribution.via is not None:
        text += f" via {attribution.via.name}"
    return text


def describe_attribution(attribution: Attribution) -> str:
    """ "Marco Rubio (official) via Politico — cue 'told'"."""
    text = _source_label(attribution)
    if attribution.cue:
        text += f" — cue '{attribution.cue}'"
    return text


def _target(article: Article, sentence: Sentence) -> dict[str, Any]:
    body = article.body
    quote: dict[str, Any] = {"type": "TextQuoteSelector", "exact": sentence.text}
    prefix = body[max(0, sentence.start - QUOTE_CONTEXT_CHARS) : sentence.start]
    suffix = body[sentence.end : sentence.end + QUOTE_CONTEXT_CHARS]
    if prefix:
        quote["prefix"] = prefix
    if suffix:
        quote["suffix"] = suffix
    return {
        "source": article_source(article),
        "selector": [
            quote,
            {"type": "TextPositionSelector", "start": sentence.start, "end": sentence.end},
        ],
    }


def _textual(value: str, purpose: str) -> dict[str, Any]:
    return {"type": "TextualBody", "value": value, "format": "text/plain", "purpose": purpose}


# --- W3C Web Annotation ----------------------------------------------------------------------


def attribution_annotation(
    export: ArticleExport, sentence: Sentence, attribution: Attribution
) -> dict[str, Any]:
    """One attribution of ``sentence`` as a W3C Annotation."""
    annotation = annotation_of(sentence)
    creator = None if attribution.is_suggestion or annotation is None else annotation.annotator
    bodies = [
        _textual(describe_attribution(attribution), "describing"),
        _textual(attribution.source.kind, "tagging"),
        _textual(attribution.mode, "tagging"),
    ]
    if attribution.is_anonymous:
        # The newsroom's standards for this use of an unnamed source.
        bodies.append(_textual(attribution.standards_label, "describing"))
        if attribution.missing_standards:
            bodies.append(_textual("standards-missing", "tagging"))
    if attribution.is_suggestion:
        bodies.append(_textual("suggested", "tagging"))
    url = export_url(export.article.pk, "web-annotation")
    return {
        "@context": ANNO_CONTEXT,
        "id": f"{url}#attribution-{attribution.pk}",
        "type": "Annotation",
        "motivation": "describing",
        "created": _iso(attribution.created_at),
        "creator": _person(creator) or _software(),
        "generator": _software(),
        "body": bodies,
        "target": _target(export.article, sentence),
    }


def confidence_annotation(
    export: ArticleExport, sentence: Sentence, annotation: Annotation
) -> dict[str, Any]:
    """The desk's confidence in ``sentence`` (with its review status) as a W3C Annotation."""
    confidence = Confidence(annotation.confidence)
    bodies = [
        _textual(f"{confidence.label}: {CONFIDENCE_MEANING[confidence]}", "assessing"),
        _textual(confidence.value, "tagging"),
        _textual(f"review:{annotation.status}", "tagging"),
    ]
    if annotation.note:
        bodies.append(_textual(annotation.note, "commenting"))
    url = export_url(export.article.pk, "web-annotation")
    result: dict[str, Any] = {
        "@context": ANNO_CONTEXT,
        "id": f"{url}#confidence-{sentence.pk}",
        "type": "Annotation",
        "motivation": "assessing",
        "created": _iso(annotation.updated_at),
        "creator": _person(annotation.annotator) or _software(),
        "generator": _software(),
        "body": bodies,
        "target": _target(export.article, sentence),
    }
    return result


def web_annotations(export: ArticleExport) -> list[dict[str, Any]]:
    """Per sentence in order: its attributions, then its confidence."""
    items: list[dict[str, Any]] = []
    for sentence in export.sentences:
        for attribution in sentence.attributions.all():
            items.append(attribution_annotation(export, sentence, attribution))
        annotation = annotation_of(sentence)
        if annotation is not None:
            items.append(confidence_annotation(export, sentence, annotation))
    return items


def web_annotation_collection(export: ArticleExport) -> dict[str, Any]:
    """The article's annotations as one ``AnnotationCollection`` with an embedded page."""
    url = export_url(export.article.pk, "web-annotation")
    items = web_annotations(export)
    page = {"id": f"{url}#page-0", "type": "AnnotationPage", "startIndex": 0, "items": items}
    return {
        "@context": ANNO_CONTEXT,
        "id": url,
        "type": "AnnotationCollection",
        "label": f"Sourcing of “{export.article.headline}”",
        "total": len(items),
        "generator": _software(),
        "first": page,
        "last": page["id"],
    }


# --- schema.org ClaimReview ------------------------------------------------------------------


def newsroom(article: Article) -> dict[str, Any]:
    """The organisation that publishes the verdicts."""
    name = getattr(settings, "SOURCEDESK_NEWSROOM_NAME", "") or article.outlet or SOFTWARE_NAME
    return {"@type": "Organization", "name": name, "url": absolute_url()}


def _claim_authors(sentence: Sentence, article: Article) -> tuple[list[dict[str, Any]], list]:
    authors: list[dict[str, Any]] = []
    citations: list[dict[str, Any]] = []
    for attribution in sentence.attributions.all():
        if attribution.is_suggestion:
            continue
        source = attribution.source
        if source.kind == SourceKind.DOCUMENT:
            citations.append({"@type": "CreativeWork", "name": source.name})
        elif source.kind == SourceKind.OWN_REPORTING:
            authors.append(newsroom(article))
        else:
            author: dict[str, Any] = {"@type": SCHEMA_AUTHOR_TYPE[source.kind], "name": source.name}
            if source.kind == SourceKind.ANONYMOUS:
                author["description"] = "unnamed source"
            authors.append(author)
    unique = {repr(sorted(a.items())): a for a in authors}
    return list(unique.values()), citations


def claim_review(export: ArticleExport, sentence: Sentence, annotation: Annotation) -> dict:
    """One approved claim sentence as a schema.org ClaimReview."""
    article = export.article
    confidence = Confidence(annotation.confidence)
    authors, citations = _claim_authors(sentence, article)
    appearance: dict[str, Any] = {
        "@type": "NewsArticle",
        "url": article_source(article),
        "headline": article.headline,
    }
    if article.published_at:
        appearance["datePublished"] = _iso(article.published_at)
    claim: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if authors:
        claim["author"] = authors
    if citations:
        claim["citation"] = citations
    return {
        "@context": SCHEMA_CONTEXT,
        "@type": "ClaimReview",
        "url": f"{article_source(article)}#sentence-{sentence.index}",
        "claimReviewed": sentence.text,
        "datePublished": annotation.updated_at.date().isoformat(),
        "author": newsroom(article),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING[confidence],
            "bestRating": max(RATING.values()),
            "worstRating": min(RATING.values()),
            "alternateName": str(confidence.label),
            "ratingExplanation": CONFIDENCE_MEANING[confidence],
        },
        "itemReviewed": claim,
    }


def claim_reviews(export: ArticleExport) -> list[dict[str, Any]]:
    """ClaimReviews of the article's approved claim sentences, in text order."""
    reviews = []
    for sentence in export.sentences:
        annotation = annotation_of(sentence)
        if annotation is not None and annotation.status == AnnotationStatus.APPROVED:
            reviews.append(claim_review(export, sentence, annotation))
    return reviews


# --- CSV -------------------------------------------------------------------------------------


def safe_cell(value: object) -> object:
    """A cell a spreadsheet shows as text: formulas are defused with a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _sources(sentence: Sentence) -> str:
    parts = []
    for attribution in sentence.attributions.all():
        text = _source_label(attribution)
        if attribution.is_suggestion:
            text += " [suggested]"
        parts.append(text)
    return "; ".join(parts)


def _anonymous_standards(sentence: Sentence) -> str:
    """ "a senior Ukrainian source: anonymity granted: ...; in a position to know: yes; ..."
    for each anonymous use, in the order of the sources column, joined by " | "."""
    return " | ".join(
        f"{_source_label(a)}: {a.standards_label}"
        for a in sentence.attributions.all()
        if a.is_anonymous
    )


def csv_rows(export: ArticleExport) -> Iterable[list[object]]:
    """The header, then one row per current sentence (needs ``crosschecks`` loaded)."""
    yield list(CSV_COLUMNS)
    for sentence in export.sentences:
        annotation = annotation_of(sentence)
        summary = claim_summary(sentence.crosschecks.all())
        annotator = annotation.annotator if annotation else None
        reviewer = annotation.reviewer if annotation else None
        row: list[object] = [
            sentence.index,
            sentence.paragraph,
            sentence.kind,
            sentence.text,
            _sources(sentence),
            annotation.confidence if annotation else "",
            annotation.status if annotation else "",
            annotator.username if annotator else "",
            reviewer.username if reviewer else "",
            summary.independent_corroborations,
            summary.contradictions,
            _anonymous_standards(sentence),
        ]
        yield [safe_cell(value) for value in row]


def csv_text(export: ArticleExport) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerows(csv_rows(export))
    return buffer.getvalue()
