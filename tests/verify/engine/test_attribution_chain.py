"""Relayed attribution: the source a sentence rests on first, each relayed source with ``via``."""

from __future__ import annotations

from verify.engine.attribution import Attribution, suggest
from verify.engine.segmentation import segment


def attribute(body: str) -> list[Attribution]:
    return [a for per in suggest(body, segment(body)) for a in per]


def chain(body: str) -> list[tuple[str, str | None]]:
    return [(a.source, a.via) for a in attribute(body)]


def test_a_trailing_said_relays_the_earlier_speaker():
    body = (
        "Interior Minister Lena Vasquez told the cabinet the border would stay closed, "
        "two officials who attended the meeting said."
    )
    # Anonymous relays first: the sentence rests on them (PRODUCT.md).
    (relay, first) = attribute(body)
    assert (first.source, first.source_kind) == ("Lena Vasquez", "official")
    assert first.via == relay.source
    assert relay.source.startswith("two officials")
    assert (relay.source_kind, relay.via) == ("anonymous", None)


def test_according_to_at_the_end_relays_the_speaker():
    body = (
        "Mayor Tom Ekdahl promised the contractors more time, according to three people "
        "familiar with the plan."
    )
    (relay, first) = attribute(body)
    assert (first.source, first.via) == ("Tom Ekdahl", relay.source)
    assert relay.source.startswith("three people") and relay.via is None


def test_citing_makes_the_cited_people_relayed_by_the_outlet():
    body = (
        "The Harbour Gazette reported on Friday, citing two people close to the board, that "
        "the chief executive would resign."
    )
    (first, relay) = attribute(body)
    assert first.source.startswith("two people")
    assert (first.source_kind, first.via) == ("anonymous", "Harbour Gazette")
    assert (relay.source, relay.source_kind, relay.via) == ("Harbour Gazette", "outlet", None)


def test_citing_after_a_trailing_report_is_relayed_by_it():
    body = "The strike will end on Monday, the Harbour Gazette reported, citing a union official."
    assert chain(body) == [
        ("a union official", "Harbour Gazette"),
        ("Harbour Gazette", None),
    ]


def test_an_outlet_reporting_that_someone_said_relays_them():
    body = "The Evening Star reported that Senator Ruth Obi said the bill would fail."
    assert chain(body) == [("Ruth Obi", "Evening Star"), ("Evening Star", None)]


def test_telling_an_outlet_makes_it_the_via_and_a_source_after_the_teller():
    body = "Its finance director, Carl Mendes, told the Evening Star that sales had halved."
    (first, relay) = attribute(body)
    assert (first.source, first.source_kind, first.via) == (
        "Carl Mendes",
        "official",
        "Evening Star",
    )
    assert (relay.source, relay.source_kind, relay.via) == ("Evening Star", "outlet", None)


def test_an_outlet_reporting_what_someone_told_it_is_a_relay_and_a_source():
    body = "The Evening Star reported that Carl Mendes told it sales had halved."
    (first, relay) = attribute(body)
    assert (first.source, first.via) == ("Carl Mendes", "Evening Star")
    assert (relay.source, relay.source_kind, relay.mode) == (
        "Evening Star",
        "outlet",
        "reported_by",
    )


def test_a_contrast_keeps_two_sources_independent():
    body = (
        "The Evening Star reported that the deal was close, but the ministry said talks had "
        "stalled."
    )
    assert [a.via for a in attribute(body)] == [None, None]


def test_one_speaker_saying_that_keeps_order_and_no_via_for_a_single_source():
    body = "Councillor Ana Ruiz said that the vote would be held in June."
    assert chain(body) == [("Ana Ruiz", None)]


def test_a_trailing_attribution_relays_a_pronoun_resolved_speaker():
    body = (
        "Transport Minister Ivo Marek said on Tuesday that the bridge was safe. "
        "He said the line would reopen in May, one of the members said."
    )
    per = suggest(body, segment(body))
    assert [(a.source, a.via) for a in per[1]] == [
        ("one of the members", None),
        ("Ivo Marek", "one of the members"),
    ]


def test_a_speaker_does_not_relay_a_document_in_what_they_said():
    body = "Inspector Ana Ruiz said the figures showed that thefts had doubled."
    assert attribute(body)[0].source == "Ana Ruiz"
    assert all(a.via is None for a in attribute(body))


def test_a_document_relays_nobody():
    body = "Court records show that two engineers warned the board in 2021."
    assert attribute(body)[0].source_kind == "document"
    assert all(a.via is None for a in attribute(body))


def test_a_speaker_does_not_relay_anyone_in_what_they_said():
    body = "Minister Yara Quint said anyone who ignored the order would be fined."
    assert attribute(body)[0].source == "Yara Quint"
    assert all(a.via is None for a in attribute(body))


def test_telling_the_newsroom_itself_is_no_relay():
    body = (
        "Its finance director, Carl Mendes, told the Evening Star that sales had halved.\n"
        "Sign up for the Evening Star's business newsletter\n"
    )
    (first,) = suggest(body, segment(body))[0]
    assert (first.source, first.via) == ("Carl Mendes", None)


def test_a_leading_according_to_relays_the_speaker_after_it():
    body = "According to the Harbour Gazette, Mayor Ana Ruiz said the plan was dead."
    (first, relay) = attribute(body)
    assert (first.source, first.via) == ("Ana Ruiz", "Harbour Gazette")
    assert (relay.source_kind, relay.via) == ("outlet", None)


def test_a_reporting_cue_comes_before_a_verb_of_wanting_in_its_sentence():
    body = (
        "The port operator, which wants to build a second terminal, plans to cut 200 jobs, "
        "the union said."
    )
    assert attribute(body)[0].source == "the union"


def test_an_outlet_told_by_its_short_name_is_the_via_of_the_outlet_named_before():
    body = (
        "The Evening Star reported the plan on Monday.\n"
        "The plan was dropped, two of the officials told the Star.\n"
    )
    told, relay = suggest(body, segment(body))[1]
    assert (told.source, told.via) == ("two of the officials", "Evening Star")
    assert (relay.source, relay.source_kind) == ("Evening Star", "outlet")
