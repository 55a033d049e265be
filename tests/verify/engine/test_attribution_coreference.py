"""Pronouns and short references resolve to the antecedent a reader would pick: the nearest
compatible source by number, gender where the text gives it, and kind."""

from __future__ import annotations

from verify.engine.attribution import Attribution, suggest
from verify.engine.segmentation import segment


def per_sentence(body: str) -> list[list[Attribution]]:
    return suggest(body, segment(body))


def sources(body: str) -> list[list[tuple[str, str]]]:
    return [[(a.source, a.source_kind) for a in per] for per in per_sentence(body)]


def test_he_after_a_relay_is_the_relay_not_the_relayed_official():
    body = (
        "A senior Danish official said Foreign Minister Karl Holm said that the talks would "
        "resume in March.\n"
        "He added that the date was not final.\n"
    )
    (he,) = per_sentence(body)[1]
    assert (he.source, he.source_kind) == ("a senior Danish official", "anonymous")


def test_she_skips_a_man_the_text_has_named_as_one():
    body = (
        "Mayor Ruth Adeyemi said the budget was balanced.\n"
        "Her deputy, Mr Paul Grant, said the figures were provisional.\n"
        "She said the figures were sound.\n"
    )
    (she,) = per_sentence(body)[2]
    assert she.source == "Ruth Adeyemi"


def test_a_gender_learned_from_a_pronoun_holds_for_later_pronouns():
    body = (
        "Inspector Dana Whitlock said the road would stay closed.\n"
        "She said divers were searching the river.\n"
        "Chief Fire Officer Sam Okafor said two crews were on site.\n"
        "He said the crews would stay overnight.\n"
        "She said the search would resume at dawn.\n"
    )
    names = [per[0].source for per in per_sentence(body)]
    assert names[1] == names[4] == "Dana Whitlock"
    assert names[3] == "Sam Okafor"


def test_the_company_is_the_company_named_before():
    body = (
        "Brevik Foods said profits fell by a third.\n"
        "Ukraine said the grain corridor was open.\n"
        "The company said it would cut 300 jobs.\n"
    )
    assert sources(body)[2][0] == ("Brevik Foods", "organisation")


def test_the_agency_is_the_agency_named_before():
    body = (
        "The Northern Water Agency said reservoirs were at 40 percent.\n"
        "The agency said restrictions would start in June.\n"
    )
    assert sources(body)[1][0][0] == "the Northern Water Agency"


def test_the_paper_is_the_outlet_named_before():
    body = (
        "The Harbour Gazette reported that the pier would close.\n"
        "The paper said the closure would last a year.\n"
    )
    assert sources(body)[1][0] == ("Harbour Gazette", "outlet")


def test_the_diplomats_are_the_diplomats_introduced_before():
    body = (
        "The ceasefire could be signed within days, according to two Arab diplomats briefed on "
        "the talks.\n"
        "The envoy told both sides to hurry, the diplomats said.\n"
    )
    first = per_sentence(body)[0][0]
    relay = per_sentence(body)[1][0]  # the anonymous relay comes first: it is what the
    assert relay.via is None  # sentence rests on
    assert relay.source == first.source
    assert relay.source_kind == "anonymous"


def test_a_surname_is_the_full_name_seen_before():
    body = (
        "Judge Maria Santos said the trial would start in May.\n"
        "Santos said the jury would be chosen in April.\n"
    )
    assert sources(body)[1] == [("Maria Santos", "official")]


def test_a_pronoun_in_what_a_speaker_said_is_the_speaker():
    body = (
        "Two residents of the estate said the lifts had failed.\n"
        "Councillor Ravi Mehta said he welcomed the inquiry and had nothing to hide.\n"
    )
    second = per_sentence(body)[1]
    assert {a.source for a in second} == {"Ravi Mehta"}
    assert all(a.via is None for a in second)


def test_the_minister_is_the_minister_named_before():
    body = (
        "Finance Minister Olga Berg said the budget was balanced.\n"
        "Two analysts at Quill Bank said the figures were optimistic.\n"
        "The minister said the deficit would fall.\n"
    )
    assert sources(body)[2] == [("Olga Berg", "official")]
