"""Reads for the API, each response loaded in a fixed number of queries.

The article detail costs five queries however many sentences the article has: the article,
its current sentences (with annotation, annotator and reviewer), their attributions (with
source and via), the cross-check matches of its claims (of which it shows the most telling
five per claim), and its latest sign-off or reopening.
Objects come back with ``api_*`` attributes the output serializers read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from annotations.filters import ArticleFilter
from annotations.models import (
    Article,
    ArticleStatus,
    CrossCheck,
    CrosscheckJob,
    CrosscheckRelation,
    Sentence,
    Transition,
    TransitionAction,
)
from annotations.selectors import annotation_of, article_sentences, claim_summary


def articles(*, filters: Mapping[str, Any] | None = None) -> QuerySet[Article]:
    """Articles matching ``filters`` (:class:`~annotations.filters.ArticleFilter`), most
    recently updated first, without their bodies."""
    queryset = Article.objects.defer("body", "body_sha256").order_by("-updated_at", "-id")
    return ArticleFilter(filters or {}, queryset=queryset).qs


@dataclass(frozen=True, slots=True)
class MatchView:
    article: str
    sentence_index: int
    text: str
    relation: str
    independent: bool
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class CrosscheckView:
    independent_corroborations: int
    echoes: int
    contradictions: int
    suggested_confidence: str | None
    matches: list[MatchView] = field(default_factory=list)
    matches_total: int = 0


# The article detail shows each claim's most telling matches, not all of them: a long article
# checked against a large corpus would otherwise answer with megabytes of matched sentences.
# The sentence's cross-check endpoint lists every match.
DETAIL_MATCHES = 5


def _telling(match: MatchView) -> tuple[int, float]:
    """Contradictions first, then independent corroborations, echoes, related; strongest first."""
    if match.relation == CrosscheckRelation.CONTRADICTS:
        rank = 0
    elif match.relation == CrosscheckRelation.CORROBORATES:
        rank = 1 if match.independent else 2
    else:
        rank = 3
    return rank, -match.score


@dataclass(frozen=True, slots=True)
class SignOffView:
    status: str
    signed_off_by: str | None = None
    signed_off_at: datetime | None = None
    reopened_by: str | None = None
    reopened_at: datetime | None = None
    reopen_comment: str = ""


def _summary(matches: list[MatchView], *, shown: int | None) -> CrosscheckView:
    """The counts over every match, with the ``shown`` most telling (all when None)."""
    summary = claim_summary(matches)
    return CrosscheckView(
        summary.independent_corroborations,
        summary.echoes,
        summary.contradictions,
        summary.suggested_confidence,
        matches if shown is None else sorted(matches, key=_telling)[:shown],
        len(matches),
    )


def _match_rows(crosschecks: QuerySet[CrossCheck]) -> dict[int, list[MatchView]]:
    """The matches of each claim, strongest first (one query)."""
    rows = crosschecks.order_by("claim_id", "-score", "id").values_list(
        "claim_id",
        "match__article__external_id",
        "match__index",
        "match__text",
        "relation",
        "independent",
        "score",
        "reason",
    )
    by_claim: dict[int, list[MatchView]] = defaultdict(list)
    for claim_id, external_id, index, text, relation, independent, score, reason in rows:
        by_claim[claim_id].append(
            MatchView(external_id, index, text, relation, independent, score, reason)
        )
    return by_claim


def _crosschecks(article: Article) -> dict[int, CrosscheckView]:
    """Each current claim's summary with its most telling matches (one query)."""
    rows = _match_rows(CrossCheck.objects.of_current_claims().filter(claim__article=article))
    return {claim: _summary(matches, shown=DETAIL_MATCHES) for claim, matches in rows.items()}


def sentence_crosschecks(sentence_id: int) -> CrosscheckView:
    """Every match of a current claim sentence (any article), with the counts; 404 otherwise."""
    exists = Sentence.objects.current().claims().filter(pk=sentence_id).exists()
    if not exists:
        raise Http404
    matches = _match_rows(CrossCheck.objects.filter(claim_id=sentence_id)).get(sentence_id, [])
    return _summary(matches, shown=None)


_NO_EVIDENCE = CrosscheckView(0, 0, 0, None, [], 0)


def sign_off_state(article: Article) -> SignOffView:
    """The sign-off state from the article's latest sign-off or reopening (one query)."""
    last = (
        Transition.objects.filter(
            article=article,
            annotation__isnull=True,
            action__in=[TransitionAction.SIGN_OFF, TransitionAction.REOPEN],
        )
        .select_related("actor")
        .order_by("-created_at", "-id")
        .first()
    )
    view = SignOffView(status=article.status)
    if last is None:
        return view
    actor = last.actor.get_username() if last.actor is not None else None
    if article.status == ArticleStatus.SIGNED_OFF and last.action == TransitionAction.SIGN_OFF:
        return SignOffView(
            status=article.status, signed_off_by=actor, signed_off_at=last.created_at
        )
    if article.status != ArticleStatus.SIGNED_OFF and last.action == TransitionAction.REOPEN:
        return SignOffView(
            status=article.status,
            reopened_by=actor,
            reopened_at=last.created_at,
            reopen_comment=last.comment,
        )
    return view


def attach_detail(article: Article) -> Article:
    """Load what the article detail shows onto ``article`` (four queries)."""
    sentences = article_sentences(article)
    crosschecks = _crosschecks(article)
    for sentence in sentences:
        sentence.api_annotation = annotation_of(sentence)  # type: ignore[attr-defined]
        sentence.api_crosscheck = (  # type: ignore[attr-defined]
            crosschecks.get(sentence.pk, _NO_EVIDENCE)
            if sentence.kind == Sentence.Kind.CLAIM
            else None
        )
    article.api_sentences = sentences  # type: ignore[attr-defined]
    article.api_sign_off = sign_off_state(article)  # type: ignore[attr-defined]
    return article


def article_detail(article_id: int) -> Article:
    """The article (draft or reference) with everything the detail shows; 404 if unknown."""
    return attach_detail(get_object_or_404(Article, pk=article_id))


def article_id_by_external_id(external_id: str) -> int:
    """The id of the article with that external id; 404 if unknown."""
    found = Article.objects.filter(external_id=external_id).values_list("pk", flat=True).first()
    if found is None:
        raise Http404
    return found


def any_article(article_id: int) -> Article:
    return get_object_or_404(Article.objects.defer("body"), pk=article_id)


def crosscheck_job(job_id: int) -> CrosscheckJob:
    return get_object_or_404(CrosscheckJob, pk=job_id)
