"""Attribution on kept-aside articles written for this test in the style of the seed article.

The articles in ``data/articles/`` are fictional news reports (diplomacy, a court case, company
results, a disaster, an election, a health study) written before the engine was run on them;
``expected.json`` gives, per sentence, its segmentation kind and the source a reader should see
behind it. The rules are not tuned to these texts, so the score here estimates how the engine
does on news it has not seen.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from verify.engine.attribution import Attribution, suggest
from verify.engine.segmentation import Sentence, segment

ARTICLES = Path(__file__).parent / "data" / "articles"
EXPECTED: dict[str, list[dict[str, Any]]] = {
    name: entries
    for name, entries in json.loads((ARTICLES / "expected.json").read_text("utf-8")).items()
    if name.endswith(".txt")
}
# Share of sentences with an expected source whose source (last word of the name) and kind
# the engine gets right, over all articles.
MIN_SOURCE_ACCURACY = 0.8


def _analyzed(name: str) -> list[tuple[dict[str, Any], Sentence, list[Attribution]]]:
    """Each expected entry with the one segmented sentence it names and its suggestions."""
    body = (ARTICLES / name).read_text("utf-8")
    sentences = segment(body)
    suggestions = suggest(body, sentences)
    out = []
    for entry in EXPECTED[name]:
        hits = [i for i, s in enumerate(sentences) if s.text.startswith(entry["starts"])]
        assert len(hits) == 1, f"{name}: {entry['starts']!r} names {len(hits)} sentences"
        out.append((entry, sentences[hits[0]], suggestions[hits[0]]))
    return out


def source_matches(entry: dict[str, Any], attributions: list[Attribution]) -> bool:
    """Right source: the expected name's last word is in a suggested source of the right kind."""
    last_word = entry["source"].split()[-1].lower().replace("’", "'")
    return any(
        last_word in a.source.lower().replace("’", "'") and a.source_kind == entry["source_kind"]
        for a in attributions
    )


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_article_furniture_is_boilerplate_and_prose_is_claim(name):
    wrong = [
        (entry["starts"], sentence.kind)
        for entry, sentence, _ in _analyzed(name)
        if sentence.kind != entry["kind"]
    ]
    assert wrong == []


def test_attributed_sentences_mostly_get_the_right_source_and_kind():
    scored = [
        (name, entry, attributions)
        for name in sorted(EXPECTED)
        for entry, _, attributions in _analyzed(name)
        if entry.get("source")
    ]
    misses = [
        f"{name} {entry['starts']!r}: want {entry['source']} ({entry['source_kind']}), got "
        + (", ".join(f"{a.source} ({a.source_kind})" for a in attributions) or "nothing")
        for name, entry, attributions in scored
        if not source_matches(entry, attributions)
    ]
    accuracy = 1 - len(misses) / len(scored)
    assert accuracy >= MIN_SOURCE_ACCURACY, (
        f"right source and kind for {accuracy:.3f} of {len(scored)} attributed sentences; "
        "misses:\n" + "\n".join(misses)
    )
