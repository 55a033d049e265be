"""``manage.py report ARTICLE…|--all --format json|table``: sourcing and cross-checks."""

from __future__ import annotations

import json
import textwrap
from collections import defaultdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotations.models import Annotation, Article, CrossCheck
from annotations.selectors import (
    article_crosschecks,
    article_sentences,
    claim_summary,
    find_articles,
)


class Command(BaseCommand):
    help = (
        "Report articles (ids or external ids) with their sentences, attributions, annotation "
        "and cross-checks. JSON: one object per article per line (JSON Lines)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("articles", nargs="*", metavar="ARTICLE")
        parser.add_argument("--all", action="store_true", help="Every article.")
        parser.add_argument("--format", choices=["json", "table"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["all"] == bool(options["articles"]):
            raise CommandError("Name articles by id or external id, or give --all (not both).")
        if options["all"]:
            articles = list(Article.objects.order_by("pk"))
        else:
            articles, missing = find_articles(options["articles"])
            if missing:
                raise CommandError(f"No article with id or external id: {', '.join(missing)}")
        for article in articles:
            record = article_report(article)
            if options["format"] == "json":
                self.stdout.write(json.dumps(record, ensure_ascii=False))
            else:
                self.stdout.write(table(record))


def article_report(article: Article) -> dict[str, Any]:
    """The article's fields and sentences, as ``report --format json`` prints them."""
    checks: dict[int, list[CrossCheck]] = defaultdict(list)
    for crosscheck in article_crosschecks(article):
        checks[crosscheck.claim_id].append(crosscheck)
    sentences = []
    for sentence in article_sentences(article, accepted_first=False):
        annotation: Annotation | None = getattr(sentence, "annotation", None)
        found = checks.get(sentence.pk, [])
        summary = claim_summary(found)
        sentences.append(
            {
                "index": sentence.index,
                "paragraph": sentence.paragraph,
                "start": sentence.start,
                "end": sentence.end,
                "text": sentence.text,
                "kind": sentence.kind,
                "attributions": [a.as_json() for a in sentence.attributions.all()],
                "annotation": (
                    {
                        "confidence": annotation.confidence,
                        "status": annotation.status,
                        "annotator": annotation.annotator.username
                        if annotation.annotator
                        else None,
                        "reviewer": annotation.reviewer.username if annotation.reviewer else None,
                    }
                    if annotation
                    else None
                ),
                "crosschecks": [
                    {
                        "article": c.match.article.external_id,
                        "sentence_index": c.match.index,
                        "text": c.match.text,
                        "relation": c.relation,
                        "independent": c.independent,
                        "score": c.score,
                        "reason": c.reason,
                    }
                    for c in found
                ],
                "crosscheck_summary": {
                    "independent_corroborations": summary.independent_corroborations,
                    "echoes": summary.echoes,
                    "contradictions": summary.contradictions,
                    "suggested_confidence": summary.suggested_confidence,
                },
            }
        )
    return {
        "id": article.pk,
        "external_id": article.external_id,
        "headline": article.headline,
        "outlet": article.outlet,
        "url": article.url,
        "byline": article.byline,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "role": article.role,
        "status": article.workflow_status,  # None for a reference article (not annotated)
        "revision": article.revision,
        "sentences": sentences,
    }


RELATION_MARK = {"corroborates": "+", "contradicts": "!", "related": "~"}


def table(record: dict[str, Any]) -> str:
    """A terminal view: each claim with its confidence, status and cross-checks."""
    lines = [
        f"[{record['external_id']}] {record['headline'][:80]}",
        f"{record['role']}, {record['status'] or 'not annotated'}, revision {record['revision']}",
        "-" * 100,
    ]
    for sentence in record["sentences"]:
        if sentence["kind"] != "claim":
            continue
        annotation = sentence["annotation"] or {}
        state = f"{annotation.get('confidence', '-')}/{annotation.get('status', '-')}"
        lines.extend(
            textwrap.wrap(
                f"{sentence['index']:>3} {sentence['text']}",
                100,
                subsequent_indent="    ",
            )
        )
        summary = sentence["crosscheck_summary"]
        lines.append(
            f"    {state}; {summary['independent_corroborations']} independent, "
            f"{summary['echoes']} echoes, {summary['contradictions']} contradictions"
            + (
                f"; suggests {summary['suggested_confidence']}"
                if summary["suggested_confidence"]
                else ""
            )
        )
        for check in sentence["crosschecks"][:5]:
            echo = "" if check["independent"] else " (echo)"
            lines.append(
                textwrap.shorten(
                    f"    {RELATION_MARK[check['relation']]} {check['article']}#"
                    f"{check['sentence_index']} {check['relation']}{echo} "
                    f"{check['score']:.2f}: {check['reason']}",
                    100,
                )
            )
    return "\n".join(lines) + "\n"
