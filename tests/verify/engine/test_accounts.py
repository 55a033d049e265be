"""One report, one account: a claim's matches in one article read together."""

from __future__ import annotations

import pytest

from verify.engine.crosscheck import Match, Passage, compare, one_account
from verify.engine.crosscheck.accounts import AGREES_ELSEWHERE, CLOSER_ELSEWHERE
from verify.engine.vocabulary import Relation

C, X, R = Relation.CORROBORATES, Relation.CONTRADICTS, Relation.RELATED


def _match(relation: Relation, score: float, independent: bool = True) -> Match:
    return Match(relation, score, f"{relation} at {score}", independent)


@pytest.mark.parametrize(
    ("found", "expected"),
    [
        # Another report's contradiction stands when that report does not also agree.
        ([("a1", "A", _match(X, 0.4)), ("b1", "B", _match(C, 0.5))], [X, C]),
        # A report that agrees in one sentence does not contradict in another.
        ([("a1", "A", _match(C, 0.5)), ("a2", "A", _match(X, 0.6))], [C, R]),
        # An echo agrees too.
        ([("a1", "A", _match(C, 0.5, independent=False)), ("a2", "A", _match(X, 0.6))], [C, R]),
        # Of two contradictions from one report, the closer is its account.
        ([("a1", "A", _match(X, 0.3)), ("a2", "A", _match(X, 0.5))], [R, X]),
        # Related matches and other reports are left as they are.
        (
            [("a1", "A", _match(R, 0.3)), ("a2", "A", _match(X, 0.5)), ("b1", "B", _match(X, 0.2))],
            [R, X, X],
        ),
        ([], []),
    ],
)
def test_each_report_gives_one_account_of_the_claim(found, expected):
    articles = {key: article for key, article, _ in found}
    result = one_account([(key, m) for key, _, m in found], articles.__getitem__)
    assert [key for key, _ in result] == [key for key, _, _ in found]
    assert [m.relation for _, m in result] == expected


def test_a_demoted_contradiction_says_why_and_keeps_what_the_pair_showed():
    found = [("a1", _match(C, 0.5)), ("a2", _match(X, 0.6)), ("b1", _match(X, 0.2))]
    found += [("b2", _match(X, 0.4))]
    result = dict(one_account(found, lambda key: key[0]))
    assert result["a2"].reason == f"{AGREES_ELSEWHERE} (contradicts at 0.6)"
    assert result["b1"].reason == f"{CLOSER_ELSEWHERE} (contradicts at 0.2)"
    assert result["b2"] == found[3][1]
    assert result["a2"].score == 0.6 and result["a2"].independent


def test_a_report_agreeing_on_the_toll_does_not_contradict_it_over_another_count():
    claim = Passage("The trial heard evidence over five weeks, the court was told.")
    agreeing = Passage("The trial lasted five weeks.")
    other_matter = Passage("Jurors heard nine days of expert evidence on the trial's first charge.")
    found = [
        (n, match)
        for n, candidate in enumerate((agreeing, other_matter))
        if (match := compare(claim, candidate)) is not None
    ]
    relations = dict((n, m.relation) for n, m in one_account(found, lambda _: "report"))
    assert relations.get(0) is Relation.CORROBORATES
    assert relations.get(1, Relation.RELATED) is Relation.RELATED
