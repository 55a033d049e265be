"""Benchmark verify.engine.segmentation: boundary accuracy on hand-written hard cases, and speed.

Run: ``.venv/bin/python -m bench.bench_segmentation``. Prints a per-category table, the failing
cases, and one JSON line with the figures. The case format is described at the top of
``bench/data/sentence_boundaries.txt``.
"""

from __future__ import annotations

import json
import random
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from verify.engine.segmentation import segment

DATA = Path(__file__).resolve().parent / "data" / "sentence_boundaries.txt"
SPEED_SENTENCES = 100_000


@dataclass(frozen=True)
class Case:
    category: str
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)

    @property
    def ends(self) -> set[int]:
        ends, position = set(), 0
        for sentence in self.sentences:
            position += len(sentence)
            ends.add(position)
            position += 1
        return ends


def load_cases(path: Path = DATA) -> list[Case]:
    cases: list[Case] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        category, sentences = "uncategorised", []
        for line in block.splitlines():
            if line.startswith("#category:"):
                category = line.split(":", 1)[1].strip()
            elif line.startswith("#") or not line.strip():
                continue
            else:
                sentences.append(line)
        if sentences:
            cases.append(Case(category, tuple(sentences)))
    return cases


def _synthetic_text(cases: list[Case], sentences: int) -> tuple[str, int]:
    """A long body: the hard cases shuffled into paragraphs, repeated to ``sentences``."""
    rng = random.Random(7)
    pool = [(case.text, len(case.sentences)) for case in cases]
    paragraphs, count = [], 0
    while count < sentences:
        chunk = rng.sample(pool, 4)
        paragraphs.append(" ".join(text for text, _ in chunk))
        count += sum(n for _, n in chunk)
    return "\n".join(paragraphs), count


def measure_speed(cases: list[Case], sentences: int = SPEED_SENTENCES) -> float:
    body, _ = _synthetic_text(cases, sentences)
    best = 0.0
    for _ in range(3):
        started = time.perf_counter()
        produced = len(segment(body))
        best = max(best, produced / (time.perf_counter() - started))
    return best


def run() -> dict[str, object]:
    cases = load_cases()
    true_positive = predicted_total = expected_total = exact = 0
    per_category: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    failures: list[tuple[Case, list[str]]] = []
    for case in cases:
        predicted = segment(case.text)
        predicted_ends = {s.end for s in predicted}
        expected_ends = case.ends
        true_positive += len(predicted_ends & expected_ends)
        predicted_total += len(predicted_ends)
        expected_total += len(expected_ends)
        right = predicted_ends == expected_ends
        exact += right
        per_category[case.category][0] += right
        per_category[case.category][1] += 1
        if not right:
            failures.append((case, [s.text for s in predicted]))
    precision = true_positive / predicted_total
    recall = true_positive / expected_total
    return {
        "cases": len(cases),
        "boundary_precision": round(precision, 4),
        "boundary_recall": round(recall, 4),
        "boundary_f1": round(2 * precision * recall / (precision + recall), 4),
        "exact_case_accuracy": round(exact / len(cases), 4),
        "sentences_per_second": round(measure_speed(cases)),
        "per_category": {name: f"{ok}/{total}" for name, (ok, total) in per_category.items()},
        "failures": [
            {"expected": list(case.sentences), "predicted": got} for case, got in failures
        ],
    }


def main() -> None:
    result = run()
    print(f"{'category':<24} {'exact':>7}")
    for name, score in sorted(result["per_category"].items()):  # type: ignore[attr-defined]
        print(f"{name:<24} {score:>7}")
    print()
    for failure in result["failures"]:  # type: ignore[attr-defined]
        print("FAIL expected:", failure["expected"])
        print("     predicted:", failure["predicted"])
    print()
    summary = {k: v for k, v in result.items() if k not in ("per_category", "failures")}
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
