"""Throughput and memory of the analyze pipeline: segmentation + attribution suggestion.

Runs on one core over the PolNeAR dev texts when they are present (see ``bench_attribution``),
otherwise over a synthetic corpus of news-style paragraphs. Each text is processed
``REPEATS`` times; the figure is claim+boilerplate sentences per second of wall time for
``segment`` followed by ``suggest``. Peak memory is reported twice: the process's maximum
resident set size (``resource.getrusage``, includes the interpreter) and the peak of Python
allocations during the timed loop (``tracemalloc``, run separately so it does not slow the
timing).
"""

from __future__ import annotations

import json
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_attribution import data_path, segmenter
from verify.engine.attribution import suggest

REPEATS = 3

_SYNTHETIC = [
    "Politico first reported that Secretary of State {name} told European officials on a call "
    "{day} that Washington wants a deal in place before committing to any guarantees.",
    "“We will not accept these terms,” {name} said, adding that talks would continue.",
    "Several diplomats familiar with the conversations said the signals were mixed.",
    "He added that the package should be finalised quickly, according to two officials.",
    "Customs data show exports fell by {num} percent in the third quarter.",
    "A senior {adj} source told CNN that Kyiv rejected {num} of the proposed points.",
    "The ministry, in a statement, said the drills were routine and posed no threat.",
    "Follow our coverage of the war on our channel.",
    "Analysts at the bank estimated the cost of reconstruction at ${num} billion.",
    "{name}, who chairs the committee, warned that the vote could slip to {day}.",
]
_NAMES = ["Marco Rubio", "Olena Hartley", "Tomas Reyes", "Ines Moreau", "Dana Whitfield"]
_DAYS = ["Monday", "Tuesday", "Friday", "next week"]
_ADJ = ["Ukrainian", "European", "Polish", "American"]


def synthetic_corpus(n_docs: int = 200, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    docs = []
    for _ in range(n_docs):
        paragraphs = []
        for _ in range(rng.randint(4, 10)):
            template = rng.choice(_SYNTHETIC)
            paragraphs.append(
                template.format(
                    name=rng.choice(_NAMES),
                    day=rng.choice(_DAYS),
                    num=rng.randint(2, 90),
                    adj=rng.choice(_ADJ),
                )
            )
        docs.append("\n\n".join(paragraphs))
    return docs


def corpus() -> tuple[str, list[str]]:
    path = data_path()
    if path is None:
        return "synthetic", synthetic_corpus()
    texts: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            texts.setdefault(record["doc_id"], record["text"])
    return "polnear-dev", list(texts.values())


def _analyze_all(texts: list[str], segment: Any) -> int:
    n = 0
    for text in texts:
        sentences = segment(text)
        suggest(text, sentences)
        n += len(sentences)
    return n


def run() -> dict[str, Any]:
    name, texts = corpus()
    segment = segmenter()
    _analyze_all(texts[:5], segment)  # warm up lazily built state
    start = time.perf_counter()
    sentences = 0
    for _ in range(REPEATS):
        sentences += _analyze_all(texts, segment)
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    _analyze_all(texts, segment)
    _, traced_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if sys.platform == "darwin":  # bytes there, kilobytes on Linux
        maxrss_kb //= 1024
    return {
        "corpus": name,
        "docs": len(texts),
        "sentences": sentences,
        "seconds": round(elapsed, 3),
        "sentences_per_second": round(sentences / elapsed, 1),
        "peak_rss_mb": round(maxrss_kb / 1024, 1),
        "tracemalloc_peak_mb": round(traced_peak / 2**20, 2),
    }


def adversarial_bodies(size: int = 2 * 1024 * 1024) -> dict[str, str]:
    """Hostile bodies of about ``size`` characters (the body limit is 2 MB)."""
    return {
        "repeated short sentences": ("A said B. " * (size // 10 + 1))[:size],
        "repeated attributed sentences": ("The minister said yes. " * (size // 23 + 1))[:size],
        "one 100,000-character sentence": ("word " * 20_000)[:100_000] + ".",
        "one 2 MB sentence": ("word " * (size // 5 + 1))[:size] + ".",
        "50,000 empty paragraphs": "Para.\n\n" * 50_000,
        "quote-heavy text": ('"Yes," he said. \u201cNo,\u201d she said. ' * (size // 32 + 1))[
            :size
        ],
    }


def run_adversarial() -> dict[str, dict[str, Any]]:
    """``analyze`` with the ingest limit on each hostile body: seconds and outcome.

    Also segmentation alone without the limit at a quarter and at the full size, to show it
    is linear (the ratio of the two times should be near 4).
    """
    from verify.engine.analysis import analyze
    from verify.engine.documents import TooManySentences
    from verify.engine.segmentation import segment

    limit = 2000  # settings.SOURCEDESK_MAX_SENTENCES
    out: dict[str, dict[str, Any]] = {}
    for name, body in adversarial_bodies().items():
        start = time.perf_counter()
        try:
            outcome = f"{len(analyze(body, max_sentences=limit))} sentences"
        except TooManySentences:
            outcome = "refused (sentence limit)"
        bounded = time.perf_counter() - start
        quarter = body[: len(body) // 4]
        start = time.perf_counter()
        segment(quarter)
        t_quarter = time.perf_counter() - start
        start = time.perf_counter()
        segment(body)
        t_full = time.perf_counter() - start
        out[name] = {
            "chars": len(body),
            "analyze_seconds": round(bounded, 3),
            "outcome": outcome,
            "segment_full_seconds": round(t_full, 3),
            "segment_growth_x4": round(t_full / t_quarter, 2) if t_quarter > 0.001 else None,
        }
    return out


def main() -> None:
    result = run()
    for key, value in result.items():
        print(f"{key:<22}{value}")
    adversarial = run_adversarial()
    print(
        f"\n{'hostile body':<32}{'analyze s':>10}  {'outcome':<26}{'segment s':>10}{'x4 size':>9}"
    )
    for name, row in adversarial.items():
        print(
            f"{name:<32}{row['analyze_seconds']:>10}  {row['outcome']:<26}"
            f"{row['segment_full_seconds']:>10}{row['segment_growth_x4']!s:>9}"
        )
    print(json.dumps({**result, "adversarial": adversarial}, sort_keys=True))


if __name__ == "__main__":
    main()
