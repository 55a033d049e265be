"""Fit the cross-check decision (``verify/engine/crosscheck/decision.json``) on the dev
story clusters only: ``make crosscheck-model``.

Every dev pair goes through :func:`~verify.engine.crosscheck.compare.assess` exactly as the
cluster benchmark runs :func:`compare` (same passages, sources, contexts and BM25 idf over the
set's sentences; the idf reads no label). Pairs with a contradiction signal train the
``conflict`` model (label: gold ``contradicts``), the others the ``same`` model (label: gold
``corroborates``); pairs the hand-written rule already calls strong are left out, since its
verdict stands. Each threshold is the lowest probability at which the model's strong
relations on dev are still at least :data:`PRECISION` right (for the conflict model, as
scored by models fitted without the pair's cluster: :func:`held_out_scores`); the test
clusters are never read. The fit is deterministic, so the file is rebuilt byte for byte.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_crosscheck_clusters import load, paired
from verify.engine.crosscheck.compare import (
    CONFLICT_SCORE,
    Assessment,
    Passage,
    _features,
    assess,
)
from verify.engine.crosscheck.decision import FEATURES, WEIGHTS_FILE, Model, fit

# Share of a model's strong relations on dev that must be right at its threshold.
PRECISION = 0.9
# A threshold below this is never chosen (a model that is unsure says 'related').
LOWEST_THRESHOLD = 0.5
# Chosen by leave-one-cluster-out log-loss on dev (`--l2-search`; 0.01 best for both models).
L2 = 0.01
LABELS = {"same": "corroborates", "conflict": "contradicts"}


def vetoed(found: Assessment, candidate: Passage) -> bool:
    """Pairs the decision never hands to its models (see compare._relation)."""
    if found.model == "conflict":
        return found.features["score"] < CONFLICT_SCORE
    figures_of_its_own = not found.features["figures"] and bool(
        _features(candidate.text).quantities
    )
    return bool(found.features["other_action"]) or figures_of_its_own


def clustered_rows() -> dict[str, list[tuple[str, dict[str, float], int]]]:
    """(cluster id, signals, label) of every dev pair, per model."""
    clusters, where = load()
    idf, found_pairs = paired(clusters, lambda c: where[c["id"]] == "dev")
    out: dict[str, list[tuple[str, dict[str, float], int]]] = {name: [] for name in LABELS}
    for cluster, pair, claim, candidate in found_pairs:
        found = assess(claim, candidate, idf=idf)
        if found is None or vetoed(found, candidate):
            continue
        label = int(pair["relation"] == LABELS[found.model])
        out[found.model].append((cluster["id"], found.features, label))
    return out


def rows() -> dict[str, list[tuple[dict[str, float], int]]]:
    """(signals, label) of every dev pair, per model."""
    return {
        name: [(f, label) for _, f, label in examples]
        for name, examples in clustered_rows().items()
    }


def l2_search(strengths: tuple[float, ...] = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3)) -> None:
    """Print each model's leave-one-cluster-out log-loss on dev per L2 strength (how
    :data:`L2` was chosen): ``python -m bench.train_crosscheck_decision --l2-search``."""
    for name, examples in clustered_rows().items():
        for l2 in strengths:
            loss = 0.0
            for cluster in sorted({c for c, _, _ in examples}):
                bias, weights = fit(
                    [(f, label) for c, f, label in examples if c != cluster], FEATURES, l2=l2
                )
                model = Model(bias, weights, 0.5)
                for c, f, label in examples:
                    if c == cluster:
                        p = min(max(model.probability(f), 1e-6), 1 - 1e-6)
                        loss -= math.log(p if label else 1 - p)
            print(f"{name}: l2 {l2}: log-loss {loss / max(len(examples), 1):.4f}")


def threshold(scored: list[tuple[float, int]]) -> float:
    """The lowest probability whose strong relations (all at or above it) are right at
    :data:`PRECISION` on dev; 1.0 (never strong) when none is."""
    best = 1.0
    for cut in sorted({p for p, _ in scored if p >= LOWEST_THRESHOLD}, reverse=True):
        above = [label for p, label in scored if p >= cut]
        if sum(above) >= PRECISION * len(above):
            best = cut
    return best


def held_out_scores(examples: list[tuple[str, dict[str, float], int]]) -> list[tuple[float, int]]:
    """(probability, label) of every example from a model fitted without its cluster: how sure
    the model is of a story it has not seen. The conflict model's threshold is chosen on these:
    its dev pairs are nearly all contradictions (few negatives), so scored by the model that saw
    them they look surer than they are, and a threshold chosen on them lets through the
    contradiction signals of other facts on new stories. (For the 'same' model, with a quarter
    of negatives, the held-out threshold cost dev corroborations and gained nothing on test.)"""
    scored = []
    for cluster in sorted({c for c, _, _ in examples}):
        bias, weights = fit([(f, y) for c, f, y in examples if c != cluster], FEATURES, l2=L2)
        model = Model(bias, weights, 0.5)
        scored += [(model.probability(f), y) for c, f, y in examples if c == cluster]
    return scored


def train() -> dict[str, Any]:
    models: dict[str, Any] = {}
    for name, clustered in clustered_rows().items():
        examples = [(f, label) for _, f, label in clustered]
        bias, weights = fit(examples, FEATURES, l2=L2)
        fitted = Model(bias, weights, 0.5)
        if name == "conflict":
            scored = held_out_scores(clustered)
        else:
            scored = [(fitted.probability(f), label) for f, label in examples]
        models[name] = {
            "bias": round(bias, 4),
            "weights": {k: round(w, 4) for k, w in weights.items()},
            "threshold": round(threshold(scored), 4),
            "dev_pairs": len(examples),
            "dev_positive": sum(label for _, label in examples),
        }
    return {
        "about": "Fitted by bench/train_crosscheck_decision.py on the dev story clusters "
        "(bench/data/clusters/split.json); do not edit by hand.",
        "precision": PRECISION,
        "l2": L2,
        "models": models,
    }


def main() -> int:
    if "--l2-search" in sys.argv[1:]:
        l2_search()
        return 0
    result = train()
    WEIGHTS_FILE.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", "utf-8")
    for name, model in result["models"].items():
        print(
            f"{name}: {model['dev_pairs']} dev pairs ({model['dev_positive']} positive), "
            f"threshold {model['threshold']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
