"""Echo or second source: shared outlets and documents echo, a person both quote does not."""

from __future__ import annotations

import pytest

from verify.engine.crosscheck import Passage, compare
from verify.engine.crosscheck.independence import echo_reason, is_person, shared_origin


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("Dana Whitcombe", True),
        ("County Executive Dana Whitcombe", True),
        ("Detective Inspector Rhian Beddoe of South Wales Police", True),
        ("Okafor", True),
        ("the Harbour Times", False),
        ("Police Scotland", False),
        ("an HSE report", False),
        ("RATP", False),
        ("Bloomberg", False),
        ("Economists at Westbay Capital", False),
        ("several European diplomats", False),
    ],
)
def test_is_person(name, person):
    assert is_person(name) is person


@pytest.mark.parametrize(
    ("claim", "candidate", "expected"),
    [
        # The candidate relays the claim's outlet.
        (("Daily Ledger", ()), ("Coast Wire", ("the Daily Ledger",)), (True, "Daily Ledger", "")),
        # Both cite one outlet's report.
        (
            ("Coast Wire", ("Daily Ledger",)),
            ("Bay Post", ("Daily Ledger",)),
            (True, "Daily Ledger", ""),
        ),
        # Both cite one document.
        (
            ("Coast Wire", ("the audit report",)),
            ("Bay Post", ("the audit report",)),
            (True, "the audit report", ""),
        ),
        # Each outlet quotes the same person: independent, and the speaker is named.
        (
            ("Coast Wire", ("Mayor Ines Ruiz",)),
            ("Bay Post", ("Ines Ruiz",)),
            (False, "", "Ines Ruiz"),
        ),
        # Nothing shared.
        (("Coast Wire", ("Ines Ruiz",)), ("Bay Post", ("Tom Hale",)), (False, "", "")),
    ],
)
def test_shared_origin(claim, candidate, expected):
    assert shared_origin(*claim, *candidate) == expected


def test_echo_reasons_name_the_origin():
    assert echo_reason("Daily Ledger") == "echo: both rest on the Daily Ledger's report"
    assert echo_reason("the audit report") == "echo: both rest on the audit report"


def test_an_echo_match_says_what_it_rests_on():
    match = compare(
        Passage(
            "The Orvik mine will close in May.", outlet="Coast Wire", sources=("Daily Ledger",)
        ),
        Passage(
            "The Orvik mine will close in May.", outlet="Bay Post", sources=("the Daily Ledger",)
        ),
    )
    assert match is not None and match.independent is False
    assert match.reason.startswith("echo: both rest on the Daily Ledger's report; same fact")


def test_two_outlets_quoting_one_person_are_independent_confirmations():
    match = compare(
        Passage("The Orvik mine will close in May.", outlet="Coast Wire", sources=("Ines Ruiz",)),
        Passage(
            "The Orvik mine will close in May.", outlet="Bay Post", sources=("Mayor Ines Ruiz",)
        ),
    )
    assert match is not None and match.independent is True
    assert match.reason.endswith(
        "independent: both quote Ines Ruiz, confirming that Ines Ruiz said it"
    )


@pytest.mark.parametrize(
    ("claim", "candidate", "origin"),
    [
        # The candidate names the claim's outlet as where the words were said.
        (
            ("Bay Post", (), "The mine will close, the mayor said."),
            ("Coast Wire", ("Ines Ruiz",), "The mine will close, Ruiz told the Bay Post."),
            "Bay Post",
        ),
        # The claim names the candidate's outlet as first to report it.
        (
            ("Coast Wire", (), "The mine, first reported by the Bay Post, will close."),
            ("Bay Post", (), "The mine will close."),
            "Bay Post",
        ),
        # Both rest on one document, though only one has it as an attribution.
        (
            ("Coast Wire", ("an internal audit report",), "The audit found gaps."),
            ("Bay Post", (), "An internal audit report shows gaps."),
            "an internal audit report",
        ),
    ],
)
def test_an_origin_named_in_the_other_sentence_is_an_echo(claim, candidate, origin):
    (oa, sa, ta), (ob, sb, tb) = claim, candidate
    assert shared_origin(oa, sa, ob, sb, ta, tb) == (True, origin, "")


def test_a_one_word_outlet_named_in_passing_is_no_echo():
    assert shared_origin("Post", (), "Wire", (), "x", "The Post office closed.")[0] is False


def test_the_same_quote_from_two_people_contradicts():
    match = compare(
        Passage(
            '"We see no risk to the Harwick public at all," Ruiz said.',
            outlet="Coast Wire",
            sources=("Ines Ruiz",),
            context="Harwick chemical leak: no risk to the public, says council",
        ),
        Passage(
            'Harwick mayor Tom Hale said: "We see no risk to the Harwick public at all."',
            outlet="Bay Post",
            sources=("Tom Hale",),
            context="Harwick council says chemical leak poses no risk to the public",
        ),
    )
    assert match is not None and match.relation == "contradicts"
    assert match.reason == "different speaker: the same words from Ines Ruiz vs Tom Hale"


def test_the_same_quote_from_one_person_is_no_contradiction():
    match = compare(
        Passage(
            '"We see no risk to the public at all," Ruiz said.',
            outlet="Coast Wire",
            sources=("Ines Ruiz",),
        ),
        Passage(
            'Mayor Ines Ruiz said: "We see no risk to the public at all."',
            outlet="Bay Post",
            sources=("Mayor Ines Ruiz",),
        ),
    )
    assert match is not None and match.relation == "corroborates" and match.independent


@pytest.mark.parametrize(
    ("a", "b", "echo"),
    [
        (
            "The approval letter sets a deadline of May.",
            "The approval letter, posted online, sets May.",
            True,
        ),
        (
            "An internal audit report found gaps.",
            "Gaps were found, the internal audit report says.",
            True,
        ),
        (
            "The council issued a statement on Monday.",
            "A statement was issued by the council.",
            False,
        ),
        ("The approval letter sets a deadline.", "The inspection report sets a deadline.", False),
        # The document is what both report on, not what either rests on.
        (
            "The authority expects to publish its final report next spring.",
            "A final report is expected in the spring.",
            False,
        ),
        (
            "The boil-water notice was issued by the company.",
            "The boil-water notice was put out by the council's health team.",
            False,
        ),
        # Cited by one of them: one origin.
        (
            "Two fires were reported, according to the recall notice.",
            "The recall notice lists two fires.",
            True,
        ),
    ],
)
def test_a_document_both_sentences_name_is_one_origin(a, b, echo):
    assert shared_origin("Coast Wire", (), "Bay Post", (), a, b)[0] is echo


def test_a_document_of_a_body_rests_on_the_body():
    # 'an HSE report' is the Health and Safety Executive's: one origin.
    claim = ("Coast Wire", ("a Health and Safety Executive",))
    assert shared_origin(*claim, "Bay Post", ("an HSE report",))[0] is True
    other = ("Bay Post", ("the survey",))
    assert shared_origin("Coast Wire", ("the audit report",), *other)[0] is False


@pytest.mark.parametrize(
    ("a", "b", "echo"),
    [
        # Each outlet heard the department say it: independent confirmations.
        ("The department said the plant will close.", "The plant will close, it said.", False),
        # Relayed from its report: one origin.
        ("The plant will close, the department's report says.", "The plant will close.", True),
    ],
)
def test_two_outlets_quoting_one_organisation(a, b, echo):
    body = "the Harwick Health Department"
    found = shared_origin("Coast Wire", (body,), "Bay Post", (body,), a, b)
    assert found[0] is echo
    assert found[2] == ("" if echo else body)


@pytest.mark.parametrize(
    ("claim_source", "candidate_source"),
    [
        (
            "the Motor Retailers Federation",
            "Motor Retailers Federation chief executive Sandra Kowalczyk",
        ),
        ("Survivors", "survivors"),
    ],
)
def test_a_body_and_its_spokesperson_are_independent_confirmations(claim_source, candidate_source):
    found = shared_origin("Coast Wire", (claim_source,), "Bay Post", (candidate_source,))
    assert found[0] is False and found[2]
