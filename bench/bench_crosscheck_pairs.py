"""Cross-check relations on hand-written newsroom pairs: does compare() say what an editor would?

Data: ``tests/verify/engine/data/crosscheck_pairs.json`` — wire-style claim/candidate pairs over
diplomacy, courts, business results, disasters, elections and health, each side with its
outlet, attributed sources, headline and lead. Gold ``relation`` is ``corroborates``,
``contradicts``, ``related`` or ``none`` (compare should return None: another event), and gold
``independent`` says whether the candidate is an echo of the claim's own origin.

What mimics the product: ``Passage.context`` is the headline, a line break and the lead (as
verify/jobs.py builds it), ``sources`` the attributed source names, ``idf`` the BM25 idf of
index tokens over every sentence of the set (claims, candidates and lead sentences). Figures
with the engine's default weights (no index statistics) are given too.

Against overfitting the pairs are split in two halves by a hash of the pair id: ``dev`` (rules
were changed looking at it) and ``held_out`` (only its totals are ever printed). ``--failures``
lists the dev half's misses.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from verify.engine.crosscheck import Passage, compare, index_text, is_echo
from verify.engine.crosscheck.text import smoothed_idf

REPO_ROOT = Path(__file__).resolve().parent.parent
PAIRS_FILE = REPO_ROOT / "tests" / "verify" / "engine" / "data" / "crosscheck_pairs.json"
LABELS = ("corroborates", "contradicts", "related", "none")
HALVES = ("dev", "held_out")
TIMING_ROUNDS = 20
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")

Idf = Callable[[str], float]


def half(pair_id: str) -> str:
    """``held_out`` for about half of the ids, decided by a hash (stable across runs)."""
    return "held_out" if hashlib.sha256(pair_id.encode()).digest()[0] % 2 else "dev"


def load(path: Path = PAIRS_FILE) -> list[dict[str, Any]]:
    """The pairs as stored (see the module docstring for the fields)."""
    pairs: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["pairs"]
    return pairs


def passage(side: dict[str, Any]) -> Passage:
    """A Passage as verify/jobs.py builds it: context = headline, line break, lead."""
    return Passage(
        side["text"],
        outlet=side["outlet"],
        sources=tuple(side["sources"]),
        context=f"{side['headline']}\n{side['lead']}",
        published_at=(
            datetime.fromisoformat(side["published_at"]) if side.get("published_at") else None
        ),
    )


def corpus_idf(pairs: list[dict[str, Any]]) -> Idf:
    """BM25 idf of index tokens over every sentence of the set, as the index would give."""
    texts: set[str] = set()
    for pair in pairs:
        for side in (pair["claim"], pair["candidate"]):
            texts.add(side["text"])
            texts.add(side["headline"])
            texts.update(_SENTENCE_END.split(side["lead"]))
    return bm25_idf(texts)


def _document_frequencies(texts: Iterable[str]) -> tuple[Counter[str], int]:
    """How many of ``texts`` (each a document) hold each index token, and how many there are."""
    df: Counter[str] = Counter()
    size = 0
    for text in texts:
        df.update(set(index_text(text).split()))
        size += 1
    return df, size


def bm25_idf(texts: Iterable[str]) -> Idf:
    """BM25 idf of index tokens over ``texts`` (each a document)."""
    df, size = _document_frequencies(texts)

    def idf(token: str) -> float:
        count = df.get(token, 0)
        return math.log(1.0 + (size - count + 0.5) / (count + 0.5))

    return idf


def index_idf(texts: Iterable[str]) -> Idf:
    """The index's own idf (:func:`~verify.engine.crosscheck.text.smoothed_idf`, as
    :meth:`verify.search.TermStats.idf`) of index tokens over ``texts``."""
    df, size = _document_frequencies(texts)

    def idf(token: str) -> float:
        return smoothed_idf(df.get(token, 0), size)

    return idf


def predict(pair: dict[str, Any], idf: Idf | None) -> str:
    match = compare(passage(pair["claim"]), passage(pair["candidate"]), idf=idf)
    return "none" if match is None else match.relation


def _figures(pairs: list[dict[str, Any]], predicted: dict[str, str]) -> dict[str, Any]:
    confusion = {gold: dict.fromkeys(LABELS, 0) for gold in LABELS}
    for pair in pairs:
        confusion[pair["relation"]][predicted[pair["id"]]] += 1
    correct = sum(confusion[label][label] for label in LABELS)
    echo_right = sum(
        1
        for p in pairs
        if is_echo(passage(p["claim"]), passage(p["candidate"])) != p["independent"]
    )
    return {
        "pairs": len(pairs),
        "relation_accuracy": round(correct / max(len(pairs), 1), 4),
        "echo_accuracy": round(echo_right / max(len(pairs), 1), 4),
        "confusion": confusion,  # gold -> predicted -> count
    }


def run(path: Path = PAIRS_FILE) -> dict[str, Any]:
    """Relation and echo accuracy per half, with corpus idf and with default weights."""
    pairs = load(path)
    idf = corpus_idf(pairs)
    result: dict[str, Any] = {"benchmark": "crosscheck_pairs", "pairs": len(pairs)}
    for name, weights in (("engine", idf), ("engine_default_idf", None)):
        predicted = {p["id"]: predict(p, weights) for p in pairs}
        result[name] = {
            "all": _figures(pairs, predicted),
            **{h: _figures([p for p in pairs if half(p["id"]) == h], predicted) for h in HALVES},
        }
    started = time.perf_counter()
    for _ in range(TIMING_ROUNDS):
        for pair in pairs:
            predict(pair, idf)
    result["compare_pairs_per_s_warm"] = round(
        TIMING_ROUNDS * len(pairs) / (time.perf_counter() - started)
    )
    return result


def dev_failures(path: Path = PAIRS_FILE) -> list[str]:
    """Readable misses of the dev half only (the held-out half is never listed)."""
    pairs = load(path)
    idf = corpus_idf(pairs)
    lines = []
    for pair in pairs:
        if half(pair["id"]) != "dev":
            continue
        claim, candidate = passage(pair["claim"]), passage(pair["candidate"])
        match = compare(claim, candidate, idf=idf)
        got = "none" if match is None else match.relation
        echo_ok = is_echo(claim, candidate) != pair["independent"]
        if got != pair["relation"] or not echo_ok:
            detail = "" if match is None else f" {match.score:.2f} {match.reason}"
            lines.append(
                f"{pair['id']} [{pair['category']}] gold {pair['relation']} got {got}{detail}"
                f"{'' if echo_ok else ' ECHO WRONG'}\n  A: {claim.text}\n  B: {candidate.text}"
            )
    return lines


def main(argv: list[str]) -> int:
    result = run()
    print(f"Cross-check newsroom pairs: {result['pairs']} pairs")
    header = f"{'system':<20} {'half':<9} {'pairs':>5} {'relation':>9} {'echo':>6}"
    print(header)
    print("-" * len(header))
    for system in ("engine", "engine_default_idf"):
        for part in ("all", *HALVES):
            f = result[system][part]
            print(
                f"{system:<20} {part:<9} {f['pairs']:>5} {f['relation_accuracy']:>9.3f}"
                f" {f['echo_accuracy']:>6.3f}"
            )
    for part in ("all", *HALVES):
        print(f"confusion, engine, {part} (rows gold, columns predicted):")
        print("  " + " " * 13 + "".join(f"{label:>13}" for label in LABELS))
        for gold in LABELS:
            row = result["engine"][part]["confusion"][gold]
            print(f"  {gold:<13}" + "".join(f"{row[label]:>13}" for label in LABELS))
    print(f"compare: {result['compare_pairs_per_s_warm']:,} pairs/s warm")
    if "--failures" in argv:
        print("\n".join(dev_failures()))
    print(json.dumps(result, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
