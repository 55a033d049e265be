"""Why the gold sources of the attribution corpus (half A) go unmatched: categories with counts.

Error analysis for :mod:`bench.bench_attribution`. It reads **half A only** (documents whose
``doc_id`` hashes even, see :func:`bench.bench_attribution.half`); half B stays held out and is
never printed. The data is read in place, as the benchmark reads it.

Each missed gold (a gold source span no prediction matched, with the benchmark's greedy
overlap matching) gets the first category that fits, in this order:

* ``item1_shared_span``: another gold of the same file with the same source span was matched
  (PolNeAR annotates one attribution per cue: "X said … and added …" is X twice; we suggest
  one source per sentence, item 1 of issue 12);
* ``item1_duplicate``: another matched gold of the same sentence names the same source ("he"
  beside a matched person, or a shared last word: "Fowler said … and he noted");
* ``item1_refusal`` / ``item1_negated`` / ``item1_intention``: the gold cue is a refusal
  ("declined to comment", "did not respond"), a negated cue ("has not said when") or a plan
  or wish ("wants", "plans", "will") — not sources by item 1;
* ``other_sentence``: gold source and gold cue lie in different sentences of our segmenter;
* ``source_elsewhere``: we found the cue but put the source on other words (split by whether
  the gold source is a pronoun);
* ``according_to`` and ``nominal`` (a noun cue: "his claim", "the report");
* ``cue_known_unattached``: the cue word is in our cue lexicon but no suggestion came of it;
* ``cue_unknown``: the cue word is not in the lexicon (the commonest words are listed).

Run: ``.venv/bin/python -m bench.attribution_misses [--examples CATEGORY] [--limit N]``.
"""

from __future__ import annotations

import argparse
import bisect
from collections import Counter, defaultdict
from typing import Any

from bench.bench_attribution import _records, data_path, half, segmenter
from verify.engine import lexicon as lx
from verify.engine.attribution import suggest

Span = tuple[int, int]

REFUSAL_WORDS = frozenset(
    {"declined", "decline", "declines", "refused", "refuse", "refuses", "respond", "responded"}
)
INTENTION_WORDS = frozenset(
    form
    for base in ("want", "plan", "intend", "hope", "wish", "aim", "seek", "try", "attempt")
    for form in lx.inflect(base)
) | {"will", "would", "'ll", "going", "sought", "tried"}


def matched_pairs(preds: list[Span], golds: list[Span]) -> dict[int, int]:
    """Gold index -> prediction index, greedily by overlap size as the benchmark matches."""
    pairs = []
    for i, (ps, pe) in enumerate(preds):
        for j, (gs, ge) in enumerate(golds):
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > 0:
                pairs.append((overlap, i, j))
    pairs.sort(key=lambda p: -p[0])
    used_p: set[int] = set()
    out: dict[int, int] = {}
    for _, i, j in pairs:
        if i not in used_p and j not in out:
            used_p.add(i)
            out[j] = i
    return out


def overlaps(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def same_source(text: str, a: Span, b: Span) -> bool:
    """Whether two source spans plausibly name one source: a personal pronoun, or a shared
    capitalised last word ("Fowler" and "Don Fowler")."""
    wa, wb = text[a[0] : a[1]].split(), text[b[0] : b[1]].split()
    if not wa or not wb:
        return False
    if wa[-1].lower() in ("he", "she", "his", "her") or wb[-1].lower() in ("he", "she"):
        return True
    return wa[-1][:1].isupper() and wa[-1].strip(",") in {w.strip(",") for w in wb}


def category(
    text: str,
    gold: dict[str, Any],
    matched: list[dict[str, Any]],
    preds: list[Any],
    starts: list[int],
) -> str:
    """The first category of the module docstring that fits a missed gold."""
    src = (gold["source"][0]["start"], gold["source"][-1]["end"])
    cue = (gold["cue"][0]["start"], gold["cue"][-1]["end"]) if gold["cue"] else None
    cue_words = text[cue[0] : cue[1]].lower().replace("’", "'").split() if cue else []
    sentence = bisect.bisect_right(starts, src[0])
    if any(_span(g) == src for g in matched if g is not gold):
        return "item1_shared_span"
    if any(
        bisect.bisect_right(starts, _span(g)[0]) == sentence and same_source(text, src, _span(g))
        for g in matched
    ):
        return "item1_duplicate"
    if any(w in REFUSAL_WORDS for w in cue_words) or "comment" in cue_words[-1:]:
        return "item1_refusal"
    if any(w in lx.NEGATIONS or w.endswith("n't") for w in cue_words):
        return "item1_negated"
    if any(w in INTENTION_WORDS for w in cue_words):
        return "item1_intention"
    if cue is None:
        return "no_cue"
    if bisect.bisect_right(starts, src[0]) != bisect.bisect_right(starts, cue[0]):
        return "other_sentence"
    if any(overlaps((p.cue_start, p.cue_end), cue) for p in preds):
        word = text[src[0] : src[1]].strip().lower()
        return "source_elsewhere_pronoun" if word in lx.PRONOUNS else "source_elsewhere"
    if cue_words[:1] == ["according"]:
        return "according_to"
    last = cue_words[-1].strip(".,\"'“”") if cue_words else ""
    if any(w in lx.CUE_FORMS for w in cue_words):
        return "cue_known_unattached"
    if last in lx.NOMINAL_CUES or last in lx.REPORT_NOUNS or last in lx.DOCUMENT_NOUNS:
        return "nominal"
    return "cue_unknown"


def _span(gold: dict[str, Any]) -> Span:
    return gold["source"][0]["start"], gold["source"][-1]["end"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", help="print half-A examples of this category")
    parser.add_argument("--limit", type=int, default=30)
    args = parser.parse_args()
    path = data_path()
    if path is None:
        raise SystemExit("PolNeAR dev data not found (see bench.bench_attribution)")
    segment = segmenter()
    counts: Counter[str] = Counter()
    cue_words: dict[str, Counter[str]] = defaultdict(Counter)
    n_gold = 0
    n_shared = 0  # golds whose source span another gold of the file has too
    shown = 0
    for record in _records(path):
        if half(record["doc_id"]) != "A":
            continue  # half B is held out: never inspected
        text = record["text"]
        sentences = segment(text)
        starts = [s.start for s in sentences]
        preds = [a for per in suggest(text, sentences) for a in per]
        golds = [a for a in record["attributions"] if a["source"]]
        n_gold += len(golds)
        spans = Counter(_span(g) for g in golds)
        n_shared += sum(n for n in spans.values() if n > 1)
        found = matched_pairs(
            [(p.source_start, p.source_end) for p in preds], [_span(g) for g in golds]
        )
        for j, gold in enumerate(golds):
            if j in found:
                continue
            cat = category(text, gold, [golds[k] for k in found], preds, starts)
            counts[cat] += 1
            cue = " ".join(c["text"] for c in gold["cue"]).lower() if gold["cue"] else "-"
            cue_words[cat][cue] += 1
            if args.examples == cat and shown < args.limit:
                shown += 1
                s = bisect.bisect_right(starts, gold["source"][0]["start"]) - 1
                sent = sentences[max(s, 0)]
                print(f"--- source={gold['source'][0]['text']!r} cue={cue!r}")
                print("   ", text[sent.start : sent.end].replace("\n", " ")[:400])
                near = [p for p in preds if sent.start <= p.cue_start < sent.end]
                for p in near:
                    print(f"    pred: {text[p.source_start : p.source_end]!r} / {p.cue!r}")
    missed = sum(counts.values())
    item1 = sum(n for cat, n in counts.items() if cat.startswith("item1_"))
    print(f"half A: {n_gold} gold sources, {missed} missed, {item1} of them item-1 non-sources")
    print(f"golds sharing their source span with another gold: {n_shared}")
    for cat, n in counts.most_common():
        top = ", ".join(f"{w} {k}" for w, k in cue_words[cat].most_common(8))
        print(f"{cat:<26}{n:>5}  {top}")


if __name__ == "__main__":
    main()
