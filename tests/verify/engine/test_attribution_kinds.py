"""Source kinds by role: offices make officials, personal roles persons, institutions
organisations, unnamed groups anonymous (the role lexicon in ``attribution.roles``)."""

from __future__ import annotations

import pytest

from verify.engine.attribution import Attribution, suggest
from verify.engine.attribution.roles import FEMININE, MASCULINE, OFFICES, PERSONAL_ROLES, role_kind
from verify.engine.segmentation import segment


def attribute(body: str) -> list[Attribution]:
    return [a for per in suggest(body, segment(body)) for a in per]


def kinds(body: str) -> list[tuple[str, str]]:
    return [(a.source, a.source_kind) for a in attribute(body)]


@pytest.mark.parametrize(
    ("body", "source", "kind"),
    [
        ("Deputy Mayor Ines Kovac said the tram would run by June.", "Ines Kovac", "official"),
        (
            "Its chief financial officer, Marta Lind, said costs had doubled.",
            "Marta Lind",
            "official",
        ),
        (
            "A spokeswoman for the agency, Clara Budd, said the report was accurate.",
            "Clara Budd",
            "official",
        ),
        ("One resident, Omar Haddad, said the water was brown.", "Omar Haddad", "person"),
        ("Her brother, Luka Brandt, said the family was shocked.", "Luka Brandt", "person"),
        ("Headteacher Ruth Kane said pupils were safe.", "Ruth Kane", "official"),
        ("The head teacher, Ruth Kane, said pupils were safe.", "Ruth Kane", "official"),
        ("Patient Tom Wells said the treatment worked.", "Tom Wells", "person"),
        ("Brightwater chief economist Greta Lind said rates would rise.", "Greta Lind", "person"),
        (
            "Jana Holt, who chairs the tenants' trust, said rents were too high.",
            "Jana Holt",
            "official",
        ),
        (
            "Jana Holt, who runs a bakery on the square, said rents were too high.",
            "Jana Holt",
            "person",
        ),
        (
            "Tessa Morrow, a lecturer in economics at Vale University, said the cut was small.",
            "Tessa Morrow",
            "person",
        ),
    ],
)
def test_a_named_persons_role_gives_the_kind(body, source, kind):
    (a,) = attribute(body)
    assert (a.source, a.source_kind) == (source, kind)


def test_a_surname_keeps_the_personal_role_seen_with_the_full_name():
    body = (
        "One resident, Omar Haddad, said the water was brown.\n"
        "“Nobody came to test it,” Haddad said.\n"
    )
    assert kinds(body) == [("Omar Haddad", "person"), ("Omar Haddad", "person")]


def test_an_unnamed_spokesperson_makes_the_institution_speak():
    (a,) = attribute("A spokesperson for the port authority said the cranes were safe.")
    assert a.source_kind == "organisation"


def test_a_company_speaking_in_a_statement_is_an_organisation():
    body = (
        "Brevik Foods said profits fell by a third.\n"
        "Brevik said in a statement that it would close two plants.\n"
        "Stenhaug said in a statement that the case was closed.\n"
    )
    assert [k for _, k in kinds(body)] == ["organisation", "organisation", "organisation"]


def test_an_unnamed_group_at_the_start_of_a_sentence_is_anonymous():
    body = "Dealers at a Zurich bank said the selling was orderly.\n"
    (a,) = attribute(body)
    assert a.source_kind == "anonymous"


def test_role_kind_lets_an_office_win_over_a_personal_role():
    assert role_kind(["lawyer", "and", "councillor"]) == "official"
    assert role_kind(["retired", "teacher"]) == "person"
    assert role_kind(["tall"]) is None


OWN_BODY = (
    "Councillor Ada Frey said the depot would close.\n"
    "The Courier has confirmed that the land was sold in March.\n"
    "Courier reporters who visited the site found the gates locked.\n"
    "Our correspondent said the lorries had gone.\n"
    "The Evening Star reported that the sale was worth 2 million.\n"
    "The Star said the buyer was a property fund.\n"
    "Sign up for the Courier's morning newsletter\n"
)


def test_the_newsroom_named_in_its_own_plug_is_own_reporting():
    found = [
        [(a.source_kind, a.source) for a in per] for per in suggest(OWN_BODY, segment(OWN_BODY))
    ]
    assert found[1][0][0] == "own_reporting"
    assert found[2][0][0] == "own_reporting"
    assert found[3][0][0] == "own_reporting"


def test_another_outlet_stays_an_outlet_and_its_short_name_too():
    found = [
        [(a.source_kind, a.source) for a in per] for per in suggest(OWN_BODY, segment(OWN_BODY))
    ]
    assert found[4][0] == ("outlet", "Evening Star")
    assert found[5][0][0] == "outlet"


def test_without_a_plug_an_outlet_is_an_outlet():
    body = "The Courier has confirmed that the land was sold in March.\n"
    assert [a.source_kind for a in attribute(body)] == ["outlet"]


def test_a_title_before_a_name_with_a_particle_makes_the_surname_an_official():
    body = "Prosecutor Jan de Boer told the court the fraud was planned.\n"
    assert [a.source_kind for a in attribute(body)] == ["official"]


def test_an_institution_noun_before_a_name_makes_it_an_organisation():
    body = "The charity Riverside Relief said aid had stopped.\n"
    assert [a.source_kind for a in attribute(body)] == ["organisation"]


def test_the_role_lexicon_gives_each_word_one_kind():
    assert not OFFICES & PERSONAL_ROLES
    assert not FEMININE & MASCULINE


def test_an_institution_name_with_a_comma_is_one_organisation():
    body = "The Ministry of Housing, Communities and Local Government said the rules would stay."
    (a,) = attribute(body)
    assert (a.source, a.source_kind) == (
        "the Ministry of Housing, Communities and Local Government",
        "organisation",
    )
    assert body[a.source_start : a.source_end].startswith("The Ministry of Housing")


def test_a_name_after_a_comma_joins_only_an_institution_opened_by_the():
    body = "Ministers met Harbour Workers Union, Nora Vance said on Friday."
    assert kinds(body) == [("Nora Vance", "person")]


def test_an_outlet_noun_before_a_name_makes_it_an_outlet():
    body = "The Belgian broadcaster Radio Vlaams reported that the port had closed."
    assert kinds(body) == [("Radio Vlaams", "outlet")]


def test_an_office_before_a_name_makes_an_official_after_an_institution_name():
    body = (
        "Harlow Commission spokesman Lars Berg said the case was closed. "
        "He added that fines were likely."
    )
    assert [a.source_kind for a in attribute(body)] == ["official", "official"]
