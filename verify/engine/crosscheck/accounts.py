"""One report, one account: a claim's matches in one other article, read together.

:func:`~verify.engine.crosscheck.compare.compare` judges one pair of sentences. A report
seldom states a fact twice, and never contradicts itself on purpose, so what the other
sentences of the same report say about the claim tells on each one:

* a report that states the claim's fact in one sentence (a corroboration, independent or
  an echo) does not contradict it in another: that other sentence tells another matter
  whose particulars differ ('the trial heard evidence over five weeks' / 'jurors heard nine
  days of expert evidence'), so it is only related;
* of several contradictions from one report, the closest (highest score) is its account of
  the claim; the others are other matters again.

Measured on the dev story clusters (every claim against every sentence of the other
articles, 2026-12-07): of the contradictions this demotes, 9 were marked by the writers and
114 were on pairs no writer marked, most of them false.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from typing import TypeVar

from verify.engine.crosscheck.compare import Match
from verify.engine.vocabulary import Relation

T = TypeVar("T")

AGREES_ELSEWHERE = (
    "not counted as a contradiction: this report agrees with the claim in another sentence"
)
CLOSER_ELSEWHERE = (
    "not counted as a contradiction: another sentence of this report contradicts the claim "
    "more closely"
)


def one_account(
    found: Sequence[tuple[T, Match]], article: Callable[[T], Hashable]
) -> list[tuple[T, Match]]:
    """``found`` (a key, its match) with each report's contradictions read against its other
    matches of the claim (see the module): the same order, demoted contradictions made
    ``related`` with a reason that says why and what the pair itself showed."""
    by_article: dict[Hashable, list[int]] = defaultdict(list)
    for n, (key, _) in enumerate(found):
        by_article[article(key)].append(n)
    out = list(found)
    for positions in by_article.values():
        matches = [found[n][1] for n in positions]
        agrees = any(m.relation is Relation.CORROBORATES for m in matches)
        conflicts = sorted(
            (n for n in positions if found[n][1].relation is Relation.CONTRADICTS),
            key=lambda n: (-found[n][1].score, n),
        )
        for rank, n in enumerate(conflicts):
            if not agrees and rank == 0:
                continue
            key, match = found[n]
            why = AGREES_ELSEWHERE if agrees else CLOSER_ELSEWHERE
            out[n] = (
                key,
                replace(match, relation=Relation.RELATED, reason=f"{why} ({match.reason})"),
            )
    return out
