"""Precision of the same-fact decision: what keeps a pair from corroborating, however much
else the two sentences share (invented sentences)."""

from __future__ import annotations

import importlib
from datetime import datetime

import pytest

from verify.engine.crosscheck import Passage

# The module (the package exports its function ``compare`` under the same name).
compare_module = importlib.import_module("verify.engine.crosscheck.compare")

LEAD_A = "Regulator fines Harlow Bank\nThe Financial Conduct Office fined Harlow Bank on Friday."
LEAD_B = "Harlow Bank fined\nHarlow Bank was fined by the Financial Conduct Office."


def _passages(claim: str, candidate: str) -> tuple[Passage, Passage]:
    return (
        Passage(text=claim, outlet="Coast Wire", context=LEAD_A),
        Passage(text=candidate, outlet="Valley Post", context=LEAD_B),
    )


# A Tuesday.
PUBLISHED = datetime(2026, 11, 10, 9, 0)


@pytest.mark.parametrize(
    ("claim", "candidate", "share"),
    [
        # A date far from the candidate's article days, which the candidate does not give.
        ("The bridge will reopen on 14 June next year.", "The bridge will reopen.", 0.0),
        ("The bridge was last repaired in 2019.", "The bridge has been repaired.", 0.0),
        # A day of the candidate's own week: a report of it need not repeat the day.
        ("The bridge reopened on Sunday.", "The bridge has reopened.", 1.0),
        # The same date given by both.
        ("The bridge reopened on 1 March.", "The bridge reopened on 1 March after repairs.", 1.0),
        # No date to confirm.
        ("The bridge has reopened.", "The bridge reopened on Sunday.", 1.0),
    ],
)
def test_the_date_share_counts_the_claims_dates_the_candidate_can_speak_of(claim, candidate, share):
    fa = compare_module._features(claim, PUBLISHED)
    fb = compare_module._features(candidate, PUBLISHED)
    assert compare_module._date_share(fa, fb, PUBLISHED) == share


@pytest.mark.parametrize(
    ("claim", "candidate", "other"),
    [
        # Both dated, to days neither can share: two occasions.
        (
            "Records show the ferry was last serviced in May.",
            "The ferry sank last week.",
            True,
        ),
        (
            "The port would open a new terminal next month.",
            "The port's last terminal was opened in October 2015.",
            True,
        ),
        # Dates that can be one.
        ("The ferry sank on 3 November.", "The ferry sank last week.", False),
        # Only one side dated: nothing to tell them apart.
        ("The ferry sank last week.", "The ferry sank off the coast.", False),
    ],
)
def test_two_facts_dated_to_days_that_cannot_meet_are_other_occasions(claim, candidate, other):
    fa = compare_module._features(claim, PUBLISHED)
    fb = compare_module._features(candidate, PUBLISHED)
    assert bool(compare_module._other_occasions(fa, fb)) is other


@pytest.mark.parametrize(
    ("claim", "candidate", "one_term"),
    [
        # One word in common, of a claim that says more: a topic, not the fact.
        (
            "It is the first walkout at the port since 2019.",
            "Pickets are expected on the first walkout day.",
            True,
        ),
        (
            "Our staff will be paid in full, the manager said.",
            "The plant employs 300 people.",
            True,
        ),
        # One word and a figure told in other words.
        ("The paintings are valued at about £1.2m.", "They are worth more than £1 million.", False),
        # One word and predicates that agree.
        ("Neither painting has been recovered.", "Both paintings are still missing.", False),
        # Several terms in common.
        ("The port closed the terminal on Monday.", "The terminal was closed by the port.", False),
    ],
)
def test_facts_that_meet_on_one_term_alone_are_not_one_fact(claim, candidate, one_term):
    fa, fb = compare_module._features(claim), compare_module._features(candidate)
    assert bool(compare_module._one_term_shared(fa, fb)) is one_term
