"""The analysis pipeline: segment a body and suggest the sources behind each sentence.

Pure Python (no Django). ``manage.py analyze`` prints its result; ingestion saves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from verify.engine.attribution import Attribution, suggest
from verify.engine.segmentation import Sentence, segment


@dataclass(frozen=True, slots=True)
class AnalyzedSentence:
    sentence: Sentence
    attributions: list[Attribution]

    def as_json(self) -> dict[str, Any]:
        """The sentence as ``analyze --format json`` prints it."""
        s = self.sentence
        return {
            "index": s.index,
            "paragraph": s.paragraph,
            "start": s.start,
            "end": s.end,
            "text": s.text,
            "kind": s.kind,
            "attributions": [attribution_json(a) for a in self.attributions],
        }


def attribution_json(attribution: Attribution) -> dict[str, Any]:
    return {
        "source": attribution.source,
        "source_kind": attribution.source_kind,
        "cue": attribution.cue,
        "mode": attribution.mode,
        "via": attribution.via,
        "source_start": attribution.source_start,
        "source_end": attribution.source_end,
        "cue_start": attribution.cue_start,
        "cue_end": attribution.cue_end,
    }


def analyze(
    body: str, *, max_sentences: int | None = None, outlet: str | None = None
) -> list[AnalyzedSentence]:
    """Split ``body`` into sentences and suggest each sentence's attributions.

    ``outlet`` is the article's own outlet (its ``Outlet:`` field), whose mentions are the
    newsroom's own reporting; without it the engine reads it from the page furniture.

    Every offset returned indexes into ``body`` exactly as given. A body with more than
    ``max_sentences`` sentences raises :class:`~verify.engine.documents.TooManySentences`
    before any attribution work.
    """
    sentences = segment(body, limit=max_sentences)
    suggestions = suggest(body, sentences, outlet=outlet or None)
    return [
        AnalyzedSentence(sentence, attributions)
        for sentence, attributions in zip(sentences, suggestions, strict=True)
    ]
