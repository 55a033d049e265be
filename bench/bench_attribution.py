"""Score attribution suggestions on the newsroom set and against the PolNeAR 1.0 dev split.

The newsroom set (``bench/data/attribution``, scored by :mod:`bench.newsroom_attribution`)
is printed first, per half; then PolNeAR, a recall measure on real news.

Data: ``../shared/eval/polnear-dev/polnear_dev.jsonl`` relative to the repository root, or the
directory named by ``SOURCEDESK_EVAL_DIR`` (either the ``polnear-dev`` folder itself or its
parent). The data is read in place and never copied.

Matching (all counts are micro-averaged over annotation files: a document annotated by several
annotators is scored once per annotation file, against that annotator's spans):

* golds are the annotated attributions that have a source span (``Attribution``; the
  ``Attribution-no-source`` ones count only for cues); predictions are every suggested
  ``Attribution`` of every claim sentence.
* **overlap**: a predicted span matches a gold span when they share at least one character.
* **exact**: a predicted span matches a gold span when both are identical once leading and
  trailing whitespace and punctuation are stripped from each.
* each gold and each prediction is matched at most once, greedily by decreasing overlap size.
* precision = matched predictions / predictions, recall = matched golds / golds, F1 their
  harmonic mean.
* cue spans are scored the same way with overlap matching; discontinuous gold cues ("has ...
  said") are one span from their first to their last segment.

Two-fold check against overfitting: documents are split into halves A and B by the first byte
of the SHA-256 of their ``doc_id`` (even: A, odd: B), so the split is deterministic and
independent of file order. Every figure is printed overall and per half; a rule change should
help (or at least not hurt) both halves, and error analysis should look at half A only.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import newsroom_attribution
from verify.engine.attribution import suggest

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = "polnear_dev.jsonl"

Span = tuple[int, int]


def data_path() -> Path | None:
    """Where the PolNeAR dev file is, or None when it is not on this machine."""
    candidates: list[Path] = []
    env = os.environ.get("SOURCEDESK_EVAL_DIR")
    if env:
        candidates += [Path(env) / DATA_FILE, Path(env) / "polnear-dev" / DATA_FILE]
    candidates.append(REPO_ROOT.parent / "shared" / "eval" / "polnear-dev" / DATA_FILE)
    for path in candidates:
        if path.is_file():
            return path
    return None


def segmenter() -> Any:
    """The project's segmenter; a plain splitter while ``verify.engine.segmentation`` is missing."""
    try:
        from verify.engine.segmentation import segment
    except ImportError:  # pragma: no cover - only before segmentation lands
        return naive_segment
    return segment


@dataclass(frozen=True, slots=True)
class _Sentence:
    index: int
    paragraph: int
    start: int
    end: int
    text: str
    kind: str


_SENTENCE_RE = re.compile(r"[^\s].*?(?:[.!?][\"'”’)]*(?=\s+[\"“‘(]?[A-Z0-9])|\n|$)", re.S)


def naive_segment(body: str) -> list[_Sentence]:
    """Fallback splitter: ends at . ! ? before a capital, and at every line break."""
    out: list[_Sentence] = []
    for m in _SENTENCE_RE.finditer(body):
        start, end = m.start(), m.end()
        while end > start and body[end - 1].isspace():
            end -= 1
        if end > start:
            out.append(_Sentence(len(out), 0, start, end, body[start:end], "claim"))
    return out


def _strip(text: str, span: Span) -> Span:
    start, end = span
    while start < end and _is_trim(text[start]):
        start += 1
    while end > start and _is_trim(text[end - 1]):
        end -= 1
    return start, end


def _is_trim(char: str) -> bool:
    return char.isspace() or unicodedata.category(char)[0] in "PZ"


def match(preds: Sequence[Span], golds: Sequence[Span], text: str, *, exact: bool) -> int:
    """Number of one-to-one matches, taken greedily by decreasing overlap size."""
    pairs: list[tuple[int, int, int]] = []
    for i, (ps, pe) in enumerate(preds):
        for j, (gs, ge) in enumerate(golds):
            overlap = min(pe, ge) - max(ps, gs)
            if overlap <= 0:
                continue
            if exact and _strip(text, (ps, pe)) != _strip(text, (gs, ge)):
                continue
            pairs.append((overlap, i, j))
    pairs.sort(key=lambda p: -p[0])
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def prf(matched: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = matched / n_pred if n_pred else 0.0
    r = matched / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def _records(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def half(doc_id: str) -> str:
    """The fold a document belongs to: "A" or "B", from a hash of its id (stable across runs)."""
    return "A" if hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "B"


_COUNT_KEYS = (
    "src_pred",
    "src_gold",
    "src_exact",
    "src_overlap",
    "cue_pred",
    "cue_gold",
    "cue_match",
)


def _figures(counts: dict[str, int], docs: set[str], files: int) -> dict[str, Any]:
    return {
        "source_exact": prf(counts["src_exact"], counts["src_pred"], counts["src_gold"]),
        "source_overlap": prf(counts["src_overlap"], counts["src_pred"], counts["src_gold"]),
        "cue_overlap": prf(counts["cue_match"], counts["cue_pred"], counts["cue_gold"]),
        "n_docs": len(docs),
        "n_annotation_files": files,
        "n_gold_attributions": counts["src_gold"],
        "n_gold_cues": counts["cue_gold"],
        "n_predicted": counts["src_pred"],
    }


def score(path: Path, *, only: str | None = None) -> dict[str, Any]:
    """Figures overall plus per half (``halves``); ``only="A"`` scores one half alone."""
    segment = segmenter()
    groups = ("all", "A", "B")
    counts = {g: dict.fromkeys(_COUNT_KEYS, 0) for g in groups}
    docs: dict[str, set[str]] = {g: set() for g in groups}
    files = dict.fromkeys(groups, 0)
    for record in _records(path):
        fold = half(record["doc_id"])
        if only is not None and fold != only:
            continue
        text = record["text"]
        sentences = segment(text)
        suggestions = [a for per in suggest(text, sentences) for a in per]
        pred_src = [(a.source_start, a.source_end) for a in suggestions]
        pred_cue = [(a.cue_start, a.cue_end) for a in suggestions]
        gold_src = [
            (a["source"][0]["start"], a["source"][-1]["end"])
            for a in record["attributions"]
            if a["source"]
        ]
        gold_cue = [
            (a["cue"][0]["start"], a["cue"][-1]["end"]) for a in record["attributions"] if a["cue"]
        ]
        delta = {
            "src_pred": len(pred_src),
            "src_gold": len(gold_src),
            "src_exact": match(pred_src, gold_src, text, exact=True),
            "src_overlap": match(pred_src, gold_src, text, exact=False),
            "cue_pred": len(pred_cue),
            "cue_gold": len(gold_cue),
            "cue_match": match(pred_cue, gold_cue, text, exact=False),
        }
        for g in ("all", fold):
            files[g] += 1
            docs[g].add(record["doc_id"])
            for key, value in delta.items():
                counts[g][key] += value
    result = _figures(counts["all"], docs["all"], files["all"])
    result["halves"] = {g: _figures(counts[g], docs[g], files[g]) for g in ("A", "B")}
    return result


def run() -> dict[str, Any] | None:
    """The figures, or None (after saying why) when the evaluation data is absent."""
    path = data_path()
    if path is None:
        print(
            "SKIP bench_attribution: PolNeAR dev data not found "
            "(looked in $SOURCEDESK_EVAL_DIR and ../shared/eval/polnear-dev)",
            file=sys.stderr,
        )
        return None
    return score(path)


def _print_table(result: dict[str, Any]) -> None:
    print(f"{'metric':<16}{'':>4}{'P':>8}{'R':>8}{'F1':>8}")
    for key in ("source_exact", "source_overlap", "cue_overlap"):
        for label, figures in (
            ("all", result),
            ("A", result["halves"]["A"]),
            ("B", result["halves"]["B"]),
        ):
            m = figures[key]
            name = key if label == "all" else ""
            print(f"{name:<16}{label:>4}{m['p']:>8.3f}{m['r']:>8.3f}{m['f1']:>8.3f}")


def main() -> None:
    newsroom = newsroom_attribution.run()
    newsroom_attribution.print_table(newsroom)
    print(json.dumps({"newsroom": newsroom}, sort_keys=True))
    result = run()
    if result is None:
        return
    _print_table(result)
    for label, figures in (("all", result), *result["halves"].items()):
        print(
            f"{label}: docs {figures['n_docs']}, annotation files {figures['n_annotation_files']}, "
            f"gold attributions with source {figures['n_gold_attributions']}, "
            f"gold cues {figures['n_gold_cues']}, predicted {figures['n_predicted']}"
        )
    print(json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
