"""Score sourcing suggestions on the newsroom evaluation set (``bench/data/attribution``).

The set: 24 fictional articles on 12 beats, written like wire and newspaper copy before the
engine was run on them, each with a gold file giving every sentence of the body, its kind
(claim or boilerplate) and the sources behind it, main source first, each with its mention,
resolved name, kind and ``via`` (who relays it in this sentence). ``split.json`` fixes two
halves, one article of each beat in each: ``tune`` (rules may be changed looking at it) and
``test`` (reported untouched, never looked into).

The product's path is scored: ``read_document`` (the header, if any, is not body) and
``analyze``, exactly what ``manage.py analyze`` runs.

Matching, per gold sentence: the predictions are the attributions of every predicted sentence
that overlaps it. A prediction matches a gold source when its source span overlaps the gold
mention (found in the sentence at word boundaries); each gold and each prediction is matched at
most once, in order.

* precision = matched predictions / predictions, recall = matched golds / golds;
* kind accuracy: matched pairs whose ``source_kind`` is the gold kind;
* main source first: sentences with gold sources and at least one prediction whose first
  prediction matches the first gold source;
* via accuracy: matched pairs whose ``via`` agrees with the gold one (both empty, or naming the
  same source); via recall: the same over gold sources that have a ``via``; via precision:
  the same over matched predictions that have a ``via`` (a via where the gold has none, or
  naming another source, is wrong). Via accuracy alone is dominated by the many pairs where
  both are empty;
* rests on: sentences with gold sources and at least one prediction whose weakest link (the
  first source and the sources its ``via`` chain names, ranked by
  ``vocabulary.WEAKEST_FIRST``) has the kind of the gold one: what the annotation page's
  badge and the sourcing mix show;
* boilerplate: gold boilerplate sentences all of whose overlapping predicted sentences are
  boilerplate (caught), and gold claims overlapping a predicted boilerplate sentence;
* offsets: every predicted sentence and span indexes into the body exactly.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from verify.engine.analysis import AnalyzedSentence, analyze
from verify.engine.documents import read_document
from verify.engine.vocabulary import weakness

DATA = Path(__file__).resolve().parent / "data" / "attribution"
HALVES = ("tune", "test")

Span = tuple[int, int]


def split() -> dict[str, list[str]]:
    """The two halves' article file names."""
    data: dict[str, list[str]] = json.loads((DATA / "split.json").read_text("utf-8"))
    return {half: data[half] for half in HALVES}


def _norm(name: str | None) -> str:
    if not name:
        return ""
    text = unicodedata.normalize("NFKC", name).replace("’", "'").lower()
    text = re.sub(r"^(the|a|an)\s+", "", text.strip())
    return re.sub(r"[^\w' ]+", "", text).strip()


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two source names name the same source (one contains the other's last word)."""
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return not na and not nb
    return na == nb or na.split()[-1] in nb.split() or nb.split()[-1] in na.split()


def weakest_kind(chain: list[tuple[str, str, str | None]]) -> str:
    """The kind of the weakest link a sentence rests on: its first source, then whoever its
    ``via`` names among the sentence's sources (name, kind, via), and so on."""
    name, kind, via = chain[0]
    kinds = [kind]
    seen = {_norm(name)}
    while via and _norm(via) not in seen:
        seen.add(_norm(via))
        relay = next((c for c in chain if same_name(c[0], via)), None)
        if relay is None:
            break
        kinds.append(relay[1])
        via = relay[2]
    return min(kinds, key=weakness)


def _mention_span(sentence: str, mention: str, start: int) -> Span:
    found = re.search(rf"(?<!\w){re.escape(mention)}(?!\w)", sentence)
    offset = found.start() if found else sentence.find(mention)
    if offset < 0:
        raise ValueError(f"mention {mention!r} not in {sentence!r}")
    return start + offset, start + offset + len(mention)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _check_offsets(body: str, analyzed: list[AnalyzedSentence]) -> int:
    """How many predicted sentences or spans do not index into the body exactly."""
    bad = 0
    for item in analyzed:
        s = item.sentence
        bad += body[s.start : s.end] != s.text
        for a in item.attributions:
            bad += not (s.start <= a.source_start <= a.source_end <= s.end)
            bad += not (s.start <= a.cue_start <= a.cue_end <= s.end)
    return bad


def score_article(path: Path) -> Counter[str]:
    """The counts of one article (see the module docstring)."""
    gold = json.loads(path.with_suffix(".gold.json").read_text("utf-8"))
    document = read_document(path)
    body = document.body
    analyzed = analyze(body, outlet=document.outlet)
    counts: Counter[str] = Counter(articles=1, bad_offsets=_check_offsets(body, analyzed))
    cursor = 0
    for entry in gold["sentences"]:
        start = body.index(entry["text"], cursor)
        end = cursor = start + len(entry["text"])
        covering = [
            a for a in analyzed if _overlaps((a.sentence.start, a.sentence.end), (start, end))
        ]
        counts["sentences"] += 1
        if entry["kind"] == "boilerplate":
            counts["gold_boilerplate"] += 1
            counts["boilerplate_caught"] += all(a.sentence.kind == "boilerplate" for a in covering)
        else:
            counts["gold_claims"] += 1
            counts["claims_marked_boilerplate"] += any(
                a.sentence.kind == "boilerplate" for a in covering
            )
        preds = [p for a in covering for p in a.attributions]
        golds = [(g, _mention_span(entry["text"], g["mention"], start)) for g in entry["sources"]]
        counts["pred"] += len(preds)
        counts["gold"] += len(golds)
        counts["gold_via"] += sum(bool(g["via"]) for g, _ in golds)
        used: set[int] = set()
        first_pred_match: int | None = None
        for gi, (g, span) in enumerate(golds):
            for pi, p in enumerate(preds):
                if pi in used or not _overlaps((p.source_start, p.source_end), span):
                    continue
                used.add(pi)
                if pi == 0:
                    first_pred_match = gi
                counts["matched"] += 1
                counts["kind_right"] += p.source_kind == g["kind"]
                via_right = same_name(p.via, g["via"])
                counts["via_right"] += via_right
                if g["via"]:
                    counts["via_recalled"] += via_right
                if p.via:
                    counts["pred_via"] += 1
                    counts["via_precise"] += via_right
                break
        if golds and preds:
            counts["main_first_total"] += 1
            counts["main_first_right"] += first_pred_match == 0
            gold_chain = [(g["name"], g["kind"], g["via"]) for g, _ in golds]
            pred_chain = [(p.source, str(p.source_kind), p.via) for p in preds]
            counts["rests_on_right"] += weakest_kind(gold_chain) == weakest_kind(pred_chain)
    return counts


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 0.0


def figures(counts: Counter[str]) -> dict[str, Any]:
    p = _ratio(counts["matched"], counts["pred"])
    r = _ratio(counts["matched"], counts["gold"])
    return {
        "articles": counts["articles"],
        "sentences": counts["sentences"],
        "gold_sources": counts["gold"],
        "predicted": counts["pred"],
        "precision": p,
        "recall": r,
        "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
        "kind_accuracy": _ratio(counts["kind_right"], counts["matched"]),
        "main_source_first": _ratio(counts["main_first_right"], counts["main_first_total"]),
        "via_accuracy": _ratio(counts["via_right"], counts["matched"]),
        "via_recall": _ratio(counts["via_recalled"], counts["gold_via"]),
        "via_precision": _ratio(counts["via_precise"], counts["pred_via"]),
        "rests_on_kind": _ratio(counts["rests_on_right"], counts["main_first_total"]),
        "boilerplate_caught": f"{counts['boilerplate_caught']}/{counts['gold_boilerplate']}",
        "claims_marked_boilerplate": counts["claims_marked_boilerplate"],
        "bad_offsets": counts["bad_offsets"],
    }


def score(names: Iterable[str]) -> dict[str, Any]:
    total: Counter[str] = Counter()
    for name in names:
        total.update(score_article(DATA / name))
    return figures(total)


def run() -> dict[str, dict[str, Any]]:
    """Figures per half (``tune``, ``test``)."""
    return {half: score(names) for half, names in split().items()}


def print_table(result: dict[str, dict[str, Any]]) -> None:
    keys = [k for k in result["tune"] if k not in ("articles",)]
    print(f"{'newsroom set':<26}{'tune':>10}{'test':>10}")
    for key in keys:
        print(f"{key:<26}{result['tune'][key]!s:>10}{result['test'][key]!s:>10}")
