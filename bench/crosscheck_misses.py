"""Why the cross-check misses a same-fact pair, or calls one it should not: the dev story
clusters only (the test clusters are never read here).

For every dev pair whose gold relation is an independent ``corroborates`` and that is not
predicted so, the first blocking cause in the order compare decides:

* ``dropped by the match score``: compare returned nothing;
* ``echo not seen`` / ``false echo``: independence disagrees with the gold;
* ``false conflict: <kind>``: a contradiction signal fired (figures, dates, denial, opposite,
  actor) and made it ``contradicts`` or kept it ``related``;
* ``other action`` / ``other things counted``: the predicates or the counted nouns differ;
* ``figures not credited``: a figure of the claim is not found in the candidate;
* ``names check``: fewer than half of the claim's names are in the candidate or its lead;
* ``coverage``: the candidate has less than the required share of the claim's content words
  (usually a lexicon gap: synonym, derivation, nominalisation);
* ``weak evidence``: the two facts' weighted overlap is below the threshold;
* ``model declined``: every rule passed but the calibrated model said no.

And every predicted ``corroborates`` or ``contradicts`` that is wrong, by its gold relation
and kind (echoes counted as independent included).
With the word vectors, as the jobs decide, when they are installed (``--no-embedding``:
without them). Run: ``python -m bench.crosscheck_misses [--pairs] [--no-embedding]``.
"""

from __future__ import annotations

import importlib
import sys
from collections import Counter
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_crosscheck_clusters import Vectors, load, paired, signals, word_vectors
from verify.engine.crosscheck import Passage, embedding
from verify.engine.crosscheck.compare import CORROBORATE_THRESHOLD, PREDICATE_COVERAGE

# The module (the package exports its function ``compare`` under the same name).
engine = importlib.import_module("verify.engine.crosscheck.compare")


def _cause(claim: Passage, candidate: Passage, idf: Any, row: dict, given: dict) -> str:
    if row["predicted"] == "none":
        return "dropped by the match score"
    if not row["predicted_independent"]:
        return "false echo"
    found = engine.assess(claim, candidate, idf=idf, **given)
    if found is None:
        return "dropped by the match score"
    if found.model == "conflict":
        kind = next(
            k
            for k in ("figures_differ", "dates_differ", "denial", "opposite", "actor")
            if found.features.get(k)
        )
        return f"false conflict: {kind}"
    if found.difference.startswith("other things"):
        return "other things counted"
    if found.difference:
        return "other action"
    if not found.features["figures"]:
        return "figures not credited"
    fa, fb = engine._features(claim.text), engine._features(candidate.text)
    leads = (engine._context_names(claim.context), engine._context_keys(candidate.context))
    agreement = engine._agreement(fa, fb, idf, leads)
    if not agreement.names:
        return "names check"
    if agreement.coverage < PREDICATE_COVERAGE and not found.features["particulars"]:
        return "coverage"
    if found.features["evidence"] < CORROBORATE_THRESHOLD:
        return "weak evidence"
    return "model declined"


def _wrong_strong(row: dict) -> bool:
    """A corroboration counted as independent, or a contradiction, that the gold does not
    have (the caller has set aside the gold independent corroborations)."""
    if row["predicted"] == "corroborates":
        return row["predicted_independent"]
    return row["predicted"] == "contradicts" and row["relation"] != "contradicts"


def misses(vectors: Vectors | None = None) -> tuple[list[tuple[str, dict]], list[dict]]:
    """(cause, row) of every missed dev corroboration; every wrong predicted corroboration
    or contradiction (each pair alone, with the word vectors when given)."""
    everything, where = load()
    # The idf over every sentence, as the benchmark's; only dev pairs are read.
    idf, found = paired(everything, lambda c: where[c["id"]] == "dev")
    missed, false = [], []
    for _, pair, claim, candidate in found:
        given = signals(vectors, claim, candidate)
        match = engine.compare(claim, candidate, idf=idf, **given)
        row = {
            **pair,
            "predicted": "none" if match is None else match.relation,
            "predicted_independent": True if match is None else match.independent,
            "reason": "" if match is None else match.reason,
        }
        if pair["relation"] == "corroborates" and pair["independent"]:
            if row["predicted"] != "corroborates" or not row["predicted_independent"]:
                missed.append((_cause(claim, candidate, idf, row, given), row))
        elif _wrong_strong(row):
            false.append(row)
    return missed, false


def main(argv: list[str]) -> int:
    vectors = None
    if "--no-embedding" not in argv and embedding.available():
        vectors = word_vectors(load()[0])
    missed, false = misses(vectors)
    print(f"dev corroborations missed: {len(missed)}")
    for cause, count in Counter(c for c, _ in missed).most_common():
        print(f"  {count:>3}  {cause}")
    print(f"dev false corroborations and contradictions: {len(false)}")
    kinds = Counter(
        f"{r['predicted']} on {r['relation']}/{r['kind']}" + ("" if r["independent"] else " (echo)")
        for r in false
    )
    for kind, count in kinds.most_common():
        print(f"  {count:>3}  {kind}")
    if "--pairs" in argv:
        for cause, row in sorted(missed, key=lambda item: item[0]):
            print(f"\n[{cause}] {row['id']} got {row['predicted']}: {row['reason']}")
            print(f"  A: {row['claim']['text']}\n  B: {row['candidate']['text']}")
        for row in false:
            label = f"{row['predicted']} on {row['relation']}/{row['kind']}"
            print(f"\n[false {label}] {row['id']}: {row['reason']}")
            print(f"  A: {row['claim']['text']}\n  B: {row['candidate']['text']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
