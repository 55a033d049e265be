"""The calibrated decision: two small logistic models over the comparison's signals.

The hand-written rules of :mod:`.compare` give their verdict as one signal among the others;
the models weigh them all. ``same``: whether two facts with no contradiction signal
between them state the same fact (→ ``corroborates``). ``conflict``: whether two facts with a
contradiction signal (figures, dates, denial, opposite outcomes, another actor) are one
statement with that particular changed (→ ``contradicts``), rather than two different
facts. Each is a weighted sum of :data:`FEATURES` through a logistic, compared with its
threshold.

The weights and thresholds are data (``decision.json`` next to this module), fitted on the
dev story clusters only by ``bench/train_crosscheck_decision.py`` (``make crosscheck-model``),
which also chooses each threshold on dev. :func:`fit` is the fitting itself: L2-penalised
Newton's method, deterministic, no dependency.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

WEIGHTS_FILE = Path(__file__).with_name("decision.json")
# The same two models fitted with :data:`EMBEDDING` too, used when the caller has the word
# vectors (:mod:`.embedding`; the jobs where its packages are installed); else WEIGHTS_FILE.
EMBEDDING_WEIGHTS_FILE = Path(__file__).with_name("decision_embedding.json")
# The cosine of the two facts' word vectors (0..1; negative cosines count as 0).
EMBEDDING = "embedding"
# With the word vectors, the 'same' model also weighs the claim's content-word weight the
# candidate tells, a word it lacks counting by its nearest word's cosine when that is as close
# as synonyms ('detained' / 'arrested'; compare's _near_coverage).
NEAR = "near_coverage"

# The signals a decision weighs, each in 0..1.
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
    "clause",  # the clauses of differing figures or dates say the same of them
    "shared_figure",  # both give one specific figure of the same thing ('€18.9 million')
    "action",  # share of the claim's actions the candidate tells too
    "back_action",  # the same the other way round
    "dates",  # share of the claim's dates the candidate gives or its article's days meet
    "back_dates",  # the same the other way round
    "figures_differ",  # kinds of contradiction signal (conflict model only)
    "dates_differ",
    "denial",
    "opposite",
    "actor",
    # another actor, both someone in particular, of one thing acted upon (conflict model)
    "actor_specific",
    "rule",  # the hand-written rule calls the pair strong (see compare._assess)
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
        """Strong when the model is sure enough (the hand-written rule's verdict is one of
        the signals it weighs, as reliable as it proved on clusters it was not written on)."""
        return self.probability(features) >= self.threshold


@lru_cache(maxsize=2)
def models(embedded: bool = False) -> dict[str, Model]:
    """The fitted models by name ('same', 'conflict'), read once from :data:`WEIGHTS_FILE`,
    or with ``embedded`` from :data:`EMBEDDING_WEIGHTS_FILE` (the models that also weigh
    :data:`EMBEDDING`)."""
    path = EMBEDDING_WEIGHTS_FILE if embedded else WEIGHTS_FILE
    data = json.loads(path.read_text("utf-8"))
    return {
        name: Model(float(m["bias"]), dict(m["weights"]), float(m["threshold"]))
        for name, m in data["models"].items()
    }


def fit(
    rows: Sequence[tuple[Mapping[str, float], int]],
    names: Sequence[str] = FEATURES,
    *,
    l2: float = 0.01,
    iterations: int = 50,
    weights: Sequence[float] | None = None,
) -> tuple[float, dict[str, float]]:
    """Bias and weights of a logistic model of the 0/1 labels: L2-penalised maximum
    likelihood by Newton's method (deterministic; the bias is not penalised). ``weights``
    gives each row its weight (1 each by default)."""
    table = [([1.0] + [features.get(k, 0.0) for k in names], label) for features, label in rows]
    counts = list(weights) if weights is not None else [1.0] * len(table)
    size = len(names) + 1
    beta = [0.0] * size
    n = max(sum(counts), 1e-9)
    for _ in range(iterations):
        gradient = [l2 * b if i else 0.0 for i, b in enumerate(beta)]
        hessian = [[(l2 if i == j and i else 0.0) for j in range(size)] for i in range(size)]
        for (x, label), weight in zip(table, counts, strict=True):
            z = sum(b * v for b, v in zip(beta, x, strict=True))
            p = 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))
            error, curvature = weight * (p - label) / n, weight * p * (1.0 - p) / n
            for i, xi in enumerate(x):
                if xi:
                    gradient[i] += error * xi
                    row = hessian[i]
                    for j, xj in enumerate(x):
                        if xj:
                            row[j] += curvature * xi * xj
        step = _solve(hessian, gradient)
        beta = [b - d for b, d in zip(beta, step, strict=True)]
        if max(abs(d) for d in step) < 1e-9:
            break
    return beta[0], dict(zip(names, beta[1:], strict=True))


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """x with matrix @ x = vector (Gaussian elimination with partial pivoting; a feature that
    never occurs leaves a zero row, solved as 0)."""
    size = len(vector)
    a = [[*row, vector[i]] for i, row in enumerate(matrix)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(a[r][col]))
        if abs(a[pivot][col]) < 1e-12:
            continue
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(size):
            if r != col and a[r][col]:
                factor = a[r][col] / a[col][col]
                a[r] = [x - factor * y for x, y in zip(a[r], a[col], strict=True)]
    return [a[i][size] / a[i][i] if abs(a[i][i]) >= 1e-12 else 0.0 for i in range(size)]
