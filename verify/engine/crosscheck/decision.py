"""The calibrated decision: two small logistic models over the comparison's signals.

The hand-written rules of :mod:`.compare` decide first (a strong relation they find stands);
the models add pairs the rules miss. ``same``: whether two facts with no contradiction signal
between them state the same fact (→ ``corroborates``). ``conflict``: whether two facts with a
contradiction signal (figures, dates, denial, opposite outcomes, another actor) are one
statement with that particular changed (→ ``contradicts``), rather than two different
facts. Each is a weighted sum of :data:`FEATURES` through a logistic, compared with its
threshold.

The weights and thresholds are data (``decision.json`` next to this module), fitted on the
dev story clusters only by ``bench/train_crosscheck_decision.py`` (``make crosscheck-model``),
which also chooses each threshold on dev. :func:`fit` is the fitting itself: plain batch
gradient descent with L2, deterministic, no dependency.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WEIGHTS_FILE = Path(__file__).with_name("decision.json")

# The signals a decision weighs, each in 0..1. (Besides these, ``rule`` is 1 when the
# hand-written rule already calls the pair strong.)
FEATURES: tuple[str, ...] = (
    "evidence",  # cosine and containment of the two facts' weighted terms
    "cosine",  # cosine of the two facts
    "coverage",  # share of the claim's content-word weight in the candidate
    "back_coverage",  # the same the other way round
    "names",  # share of the claim's names in the candidate (or its lead)
    "back_names",  # share of the candidate's names in the claim (or its lead)
    "frame",  # cosine without figures, dates and the differing words
    "predicate",  # both name one predicate of the lexicon (or agree through an antonym)
    "other_action",  # both name predicates of the lexicon, none the same
    "figures",  # share of the claim's figures in the candidate (1 when it has none)
    "particulars",  # every figure and date of the claim is in the candidate
    "score",  # the match score (sentence and articles)
    "figures_differ",  # kinds of contradiction signal (conflict model only)
    "dates_differ",
    "denial",
    "opposite",
    "actor",
)


@dataclass(frozen=True, slots=True)
class Model:
    """A logistic model: bias, a weight per feature, and the probability it must reach."""

    bias: float
    weights: Mapping[str, float]
    threshold: float

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(w * features.get(name, 0.0) for name, w in self.weights.items())
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def decides(self, features: Mapping[str, float]) -> bool:
        """The hand-written rule's verdict stands; the model adds the pairs it is sure of."""
        return features.get("rule", 0.0) >= 1.0 or self.probability(features) >= self.threshold


@lru_cache(maxsize=1)
def models() -> dict[str, Model]:
    """The fitted models by name ('same', 'conflict'), read once from :data:`WEIGHTS_FILE`."""
    data = json.loads(WEIGHTS_FILE.read_text("utf-8"))
    return {
        name: Model(float(m["bias"]), dict(m["weights"]), float(m["threshold"]))
        for name, m in data["models"].items()
    }


def fit(
    rows: Sequence[tuple[Mapping[str, float], int]],
    names: Sequence[str] = FEATURES,
    *,
    l2: float = 0.01,
    rate: float = 0.5,
    iterations: int = 3000,
) -> tuple[float, dict[str, float]]:
    """Bias and weights of a logistic model of the 0/1 labels (deterministic)."""
    bias, weights = 0.0, dict.fromkeys(names, 0.0)
    n = max(len(rows), 1)
    for _ in range(iterations):
        grad_bias, grad = 0.0, dict.fromkeys(names, 0.0)
        for features, label in rows:
            z = bias + sum(weights[k] * features.get(k, 0.0) for k in names)
            error = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0))) - label
            grad_bias += error
            for k in names:
                grad[k] += error * features.get(k, 0.0)
        bias -= rate * grad_bias / n
        for k in names:
            weights[k] -= rate * (grad[k] / n + l2 * weights[k])
    return bias, weights
