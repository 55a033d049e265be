"""Score the page-furniture rules of verify.engine.segmentation on single lines (issue 12).

Run: ``.venv/bin/python -m bench.bench_boilerplate``. Data: ``bench/data/boilerplate/lines.json``,
furniture lines of many kinds of news site and real news sentences that look like furniture,
each split into a ``tune`` and a ``test`` half by a hash of its text before any rule was run on
it, a second tune part, ``tune2``, written later (before the rules were run on it) when the
first tune half was saturated, and a third, ``tune3``, written the same way when ``tune2`` was
(print-edition notes, wire credits, update stamps, reading times, author bios, tip lines, legal
notices and the claims that look like them). Each line is segmented on its own, as the whole
body of an article, and its kind is read from the sentences exactly as the analysis pipeline
reads it (:func:`segment`):

* a furniture line is *caught* when every sentence of it is boilerplate;
* a claim is a *false positive* when any sentence of it is boilerplate.

Prints the misses and false positives of the tune parts only (the test half is reported as
figures), then one JSON line with the figures of every part.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from verify.engine.segmentation import BOILERPLATE, segment

DATA = Path(__file__).resolve().parent / "data" / "boilerplate" / "lines.json"
HALVES = ("tune", "tune2", "tune3", "test")
TUNED = frozenset({"tune", "tune2", "tune3"})


def kinds(text: str) -> list[str]:
    """The kind of every sentence of ``text`` read as a whole body."""
    return [str(s.kind) for s in segment(text)]


def score(
    data: dict,
) -> tuple[dict[str, dict[str, int]], list[tuple[str, str]], list[tuple[str, str]]]:
    """Per-part counts, and the tune parts' missed furniture and false positives."""
    counts = {h: {"furniture": 0, "caught": 0, "claims": 0, "false_positives": 0} for h in HALVES}
    missed, false_positives = [], []
    for entry in data["furniture"]:
        half = counts[entry["half"]]
        half["furniture"] += 1
        caught = all(kind == BOILERPLATE for kind in kinds(entry["text"]))
        half["caught"] += caught
        if not caught and entry["half"] in TUNED:
            missed.append((entry["half"], entry["text"]))
    for entry in data["claims"]:
        half = counts[entry["half"]]
        half["claims"] += 1
        wrong = any(kind == BOILERPLATE for kind in kinds(entry["text"]))
        half["false_positives"] += wrong
        if wrong and entry["half"] in TUNED:
            false_positives.append((entry["half"], entry["text"]))
    return counts, missed, false_positives


def main() -> int:
    counts, missed, false_positives = score(json.loads(DATA.read_text("utf-8")))
    for half, text in missed:
        print(f"missed ({half}): {text}")
    for half, text in false_positives:
        print(f"false positive ({half}): {text}")
    figures = {}
    for half, c in counts.items():
        print(
            f"{half}: furniture caught {c['caught']}/{c['furniture']}, "
            f"claims marked boilerplate {c['false_positives']}/{c['claims']}"
        )
        figures[f"{half}_caught"] = f"{c['caught']}/{c['furniture']}"
        figures[f"{half}_false_positives"] = f"{c['false_positives']}/{c['claims']}"
    print(json.dumps({"bench": "boilerplate", **figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
