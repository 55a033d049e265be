"""Reads across models for the cross-check commands and pages."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from django.db.models import Q, QuerySet

from annotations.models import Article, CrossCheck, Sentence
from verify.engine.crosscheck import Match, Summary, summarise
from verify.engine.vocabulary import Relation


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


def crosschecks_for(article: Article) -> QuerySet[CrossCheck]:
    return (
        CrossCheck.objects.filter(claim__article=article, claim__archived_at__isnull=True)
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


def current_sentences(article: Article) -> QuerySet[Sentence]:
    return (
        Sentence.objects.current()
        .filter(article=article)
        .select_related("annotation__annotator", "annotation__reviewer")
        .prefetch_related("attributions__source", "attributions__via")
        .order_by("index")
    )
