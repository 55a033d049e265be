"""Saving the analysis engine's sentences and suggested attributions."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from annotations.models import CUE_MAX_LENGTH, Article, Attribution, Sentence, Source
from annotations.services.registry import SourceRegistry
from verify.engine.analysis import AnalyzedSentence
from verify.engine.crosscheck import index_text


def body_digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def sentence_row(article: Article, item: AnalyzedSentence) -> Sentence:
    s = item.sentence
    return Sentence(
        article=article,
        index=s.index,
        paragraph=s.paragraph,
        start=s.start,
        end=s.end,
        text=s.text,
        kind=s.kind,
        search_text=index_text(s.text),
    )


def save_suggestions(pairs: Iterable[tuple[Sentence, AnalyzedSentence]]) -> int:
    """Save the suggested attributions of freshly created sentences; returns how many."""
    registry = SourceRegistry()
    rows: list[Attribution] = []
    for sentence, item in pairs:
        # a relay is one of the sentence's own sources ("…, the diplomats said"): its kind
        kinds = {suggestion.source: suggestion.source_kind for suggestion in item.attributions}
        for suggestion in item.attributions:
            rows.append(
                Attribution(
                    sentence=sentence,
                    source=registry.resolve(suggestion.source, suggestion.source_kind),
                    via=(
                        registry.resolve(
                            suggestion.via, kinds.get(suggestion.via, Source.Kind.OUTLET)
                        )
                        if suggestion.via
                        else None
                    ),
                    cue=suggestion.cue[:CUE_MAX_LENGTH],
                    mode=suggestion.mode,
                    source_start=suggestion.source_start,
                    source_end=suggestion.source_end,
                    cue_start=suggestion.cue_start,
                    cue_end=suggestion.cue_end,
                    is_suggestion=True,
                )
            )
    Attribution.objects.bulk_create(rows)
    return len(rows)
