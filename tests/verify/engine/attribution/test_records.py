"""Documents, data and reports as sources, and who relays them (issue 12, item 3)."""

from __future__ import annotations

from verify.engine.attribution import Attribution, suggest
from verify.engine.segmentation import segment


def attribute(body: str) -> list[Attribution]:
    return [a for per in suggest(body, segment(body)) for a in per]


def spans(body: str) -> list[tuple[str, str]]:
    return [(body[a.source_start : a.source_end], a.source_kind) for a in attribute(body)]


def test_according_to_a_filing_is_a_document():
    body = "Revenue fell by a tenth, according to the group's annual filing."
    assert spans(body) == [("the group's annual filing", "document")]


def test_records_and_court_filings_show_are_documents():
    body = "Court filings show that the lender was warned twice. Records show the loan was repaid."
    assert spans(body) == [("Court filings", "document"), ("Records", "document")]


def test_a_document_obtained_by_an_outlet_rests_on_the_document_via_the_outlet():
    body = "According to emails obtained by the Valley Herald, the mayor knew of the leak in May."
    result = attribute(body)
    assert [(body[a.source_start : a.source_end], a.source_kind) for a in result] == [
        ("emails obtained by the Valley Herald", "document"),
        ("the Valley Herald", "outlet"),
    ]
    assert result[0].via == "Valley Herald"


def test_a_document_seen_by_an_outlet_in_a_clause_gives_both():
    body = "A copy of the contract was seen by the Valley Herald."
    assert sorted(m for m, _ in spans(body)) == sorted(
        ["A copy of the contract", "the Valley Herald"]
    )


def test_a_relative_clause_with_the_access_gives_the_document_then_the_agent():
    body = "The memo, which has been seen by the Valley Herald, says the plant will close."
    assert sorted(m for m, _ in spans(body)) == sorted(["The memo", "the Valley Herald"])


def test_who_published_a_document_is_part_of_its_description():
    body = "Figures released by the statistics office on Monday show that prices rose."
    assert spans(body) == [("Figures released by the statistics office on Monday", "document")]


def test_a_report_by_an_outlet_that_names_the_outlet():
    body = "The inquiry follows a report by the Valley Herald that the contract was never signed."
    result = attribute(body)
    assert [body[a.source_start : a.source_end] for a in result] == [
        "a report by the Valley Herald"
    ]
    assert (result[0].source, result[0].source_kind) == ("Valley Herald", "outlet")


def test_according_to_two_sources_joined_by_and_gives_both():
    body = "The vote was delayed, according to diplomats and a draft statement."
    assert sorted(m for m, _ in spans(body)) == sorted(["diplomats", "a draft statement"])


def test_a_source_who_told_another_outlet_gives_the_outlet_too():
    body = "The talks collapsed, two officials told the Valley Herald."
    result = attribute(body)
    assert [body[a.source_start : a.source_end] for a in result] == [
        "two officials",
        "the Valley Herald",
    ]
    assert result[0].via == "Valley Herald"


def test_a_correspondent_who_saw_it_is_the_newsrooms_own_reporting():
    body = "Our correspondent in Lyon saw police clear the square shortly after noon."
    assert [m for m, _ in spans(body)] == ["Our correspondent in Lyon"]


def test_an_outlet_that_verified_something_is_a_source_but_not_when_it_has_not():
    body = "The Valley Herald verified the invoices. The Valley Herald has not seen the contract."
    assert [m for m, _ in spans(body)] == ["The Valley Herald"]


def test_seeing_is_not_a_cue_for_other_subjects():
    body = "Residents saw smoke over the hills."
    assert attribute(body) == []


# --- the newsroom's own outlet -------------------------------------------------------------


def own(body: str, outlet: str | None = None) -> list[tuple[str, str, str | None]]:
    return [
        (body[a.source_start : a.source_end], a.source_kind, a.via)
        for per in suggest(body, segment(body), outlet=outlet)
        for a in per
    ]


def test_the_articles_own_outlet_is_own_reporting():
    body = "A copy of the contract was seen by the Herald. The Herald understands the deal is off."
    assert own(body, outlet="The Valley Herald") == [
        ("A copy of the contract", "document", None),
        ("the Herald", "own_reporting", None),
        ("The Herald", "own_reporting", None),
    ]


def test_a_source_who_told_the_own_outlet_is_on_the_record_without_a_relay():
    body = "The deal is off, the club's owner told the Herald."
    assert own(body, outlet="Valley Herald") == [("the club's owner", "anonymous", None)]


def test_the_own_outlet_is_read_from_the_page_furniture_without_a_header():
    body = (
        "LYON (Valley Herald) – The strike spread to three depots, the Herald understands.\n"
        "Sign up for the Valley Herald's morning newsletter"
    )
    assert own(body) == [("the Herald", "own_reporting", None)]


def test_another_outlet_with_the_same_last_word_is_not_the_own_outlet():
    body = "The New York Herald reported that the depot had closed."
    assert own(body, outlet="Valley Herald")[0][1] == "outlet"


def test_a_document_that_lists_or_puts_a_figure_is_a_source():
    body = (
        "The register lists no gifts from the developer. "
        "A study by the institute last year put the cost at 2 million euros. "
        "The minister put the file on the table."
    )
    assert sorted(m for m, _ in spans(body)) == sorted(["The register", "A study by the institute"])


def test_a_document_that_has_or_includes_something_is_the_source():
    body = "The original draft had 28 points. The bill includes a tax on sugar."
    assert sorted(m for m, _ in spans(body)) == sorted(["The original draft", "The bill"])


def test_have_as_an_auxiliary_or_inside_reported_speech_is_not_a_document_cue():
    body = "The plan has been shelved. He said the inquiry had no deadline."
    assert [m for m, _ in spans(body)] == ["He"]


def test_an_indictment_that_charges_is_the_source():
    body = "The indictment, unsealed on Thursday, charges four men with fraud."
    assert spans(body) == [("The indictment", "document")]


def test_the_own_outlet_is_read_from_a_newsletter_plug_or_a_photo_credit():
    for furniture in (
        "Sign up to Morning Call, the Herald's daily briefing",
        "Photo: Jo Brandt/Valley Herald",
    ):
        body = f"{furniture}\nThe strike spread to three depots, the Herald understands."
        assert own(body) == [("the Herald", "own_reporting", None)]


def test_who_published_the_data_does_not_become_the_cue_or_the_source():
    body = "Data published by the statistics office on Friday showed that unemployment fell."
    result = attribute(body)
    assert [(a.cue, body[a.source_start : a.source_end]) for a in result] == [
        ("showed", "Data published by the statistics office on Friday")
    ]


def test_a_report_by_an_author_in_an_adjunct_names_the_author():
    body = "The warning came in a report by the International Energy Agency."
    assert spans(body) == [("a report by the International Energy Agency", "organisation")]


def test_a_report_seen_by_an_outlet_after_the_cue_gives_the_outlet():
    body = "A panel of experts said in a report seen by the Valley Herald that sanctions failed."
    assert sorted(m for m, _ in spans(body)) == ["A panel of experts", "the Valley Herald"]


def test_plural_estimates_described_by_their_publisher_are_the_source():
    body = "Cost estimates published by the council show that the line will cost twice as much."
    assert spans(body) == [("Cost estimates published by the council", "document")]


def test_a_participle_aside_with_a_particle_is_skipped_to_the_document():
    body = "The survey, carried out by the teachers' union, found that one in five planned to quit."
    assert spans(body) == [("The survey", "document")]


def test_putting_a_figure_at_an_amount_is_an_estimate_by_its_subject():
    body = "Local officials put the death toll at 42. He put the phone down."
    assert spans(body) == [("Local officials", "anonymous")]


def test_a_dated_letter_is_the_source_past_its_date():
    body = "A letter from the ministry, dated March 4, says the funding will end."
    assert spans(body) == [("A letter from the ministry", "document")]


def test_according_to_its_accounts_is_a_document_and_his_lawyer_a_source():
    body = (
        "The group lost 4 million euros, according to its accounts. "
        "The deal was off, according to his lawyer."
    )
    assert [m for m, _ in spans(body)] == ["its accounts", "his lawyer"]
