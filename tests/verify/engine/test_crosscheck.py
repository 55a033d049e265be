"""The cross-check engine: index text, query terms, relations, echoes and the summary."""

from __future__ import annotations

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.engine.crosscheck import (
    Match,
    Passage,
    compare,
    index_text,
    is_echo,
    search_terms,
    summarise,
)
from verify.engine.crosscheck.facts import fact_text
from verify.engine.vocabulary import Relation

# The module (the package exports its function ``compare`` under the same name).
compare_module = importlib.import_module("verify.engine.crosscheck.compare")

CLAIM = Passage(
    "Kyiv rejected a proposal to cap the Ukrainian army at 600,000 troops, "
    "a senior Ukrainian official told CNN on Tuesday.",
    outlet="Kyiv Post",
    sources=("CNN",),
)


def _match(claim: str, candidate: str, **kwargs: str | tuple[str, ...]) -> Match | None:
    return compare(Passage(claim), Passage(candidate, **kwargs))  # type: ignore[arg-type]


# --- index_text ------------------------------------------------------------------------------


def test_index_text_canonicalises_numbers_and_amounts():
    text = index_text("The army would be capped at 600,000 troops and get $84.5 million, up 3.5%.")
    assert "600000" in text.split()
    assert "84500000usd" in text.split()
    assert "3p5pct" in text.split()


def test_index_text_canonicalises_dates_in_every_order():
    # Nov. 27 / November 27 / 27 November all become one token plus the month.
    for written in ("Nov. 27", "November 27", "27 November", "November 27th"):
        assert {"nov27", "nov"} <= set(index_text(f"The deadline is {written}.").split())


def test_index_text_keeps_names_and_emits_only_lowercase_alphanumerics():
    text = index_text("Zelenskyy’s envoy met Marco Rubio in Genève — “a good talk,” he said.")
    assert {"zelenskyy", "marco", "rubio", "geneve"} <= set(text.split())
    assert re.fullmatch(r"[a-z0-9 ]*", text)


def test_index_text_does_not_read_the_verb_may_as_a_month():
    assert "may" in index_text("Ukraine may accept the plan.").split()
    assert "may3" in index_text("The talks resumed on May 3.").split()


# --- search_terms ----------------------------------------------------------------------------


def test_search_terms_drop_stopwords_and_reporting_words():
    terms = search_terms(CLAIM.text)
    assert not {"a", "the", "to", "told", "said", "on"} & set(terms)
    assert {"kyiv", "600000", "cnn", "rejected"} <= set(terms)


def test_search_terms_are_tokens_index_text_emits():
    text = "Washington wanted Kyiv to accept the 28-point plan by Nov. 27, Politico reported."
    assert set(search_terms(text)) <= set(index_text(text).split())
    assert search_terms(text)[0] == "nov27"
    assert len(search_terms(text, limit=3)) == 3


# --- contradictions --------------------------------------------------------------------------


def test_different_numbers_for_the_same_quantity_contradict():
    match = _match(
        "Kyiv refused to cap its army at 600,000 troops under the draft plan.",
        "Kyiv refused to cap its army at 800,000 troops under the draft plan.",
    )
    assert match is not None and match.relation == "contradicts"
    assert match.reason == "figures differ: 600,000 vs 800,000 troops"


def test_numbers_of_different_nouns_do_not_contradict():
    match = _match(
        "The original draft peace plan had 28 points and was drawn up in Miami by US envoys.",
        "The original draft peace plan had 28 points and 3 annexes drawn up in Miami by US envoys.",
    )
    assert match is not None and match.relation != "contradicts"


def test_different_amounts_contradict_with_readable_reason():
    match = _match(
        "The European Union pledged $84 million in winter aid for Ukraine's power grid.",
        "The European Union pledged $95 million in winter aid for Ukraine's power grid.",
    )
    assert match is not None and match.relation == "contradicts"
    assert match.reason == "figures differ: $84 million vs $95 million"


def test_different_point_counts_contradict():
    match = _match(
        "After the Geneva meeting the draft peace plan was cut to 22 points.",
        "After the Geneva meeting the draft peace plan was cut to 19 points.",
    )
    assert match is not None and match.relation == "contradicts"
    assert match.reason.startswith("figures differ: 22 vs 19 points")


def test_different_deadlines_contradict():
    match = _match(
        "Washington wants Kyiv to accept the peace framework by Nov. 27.",
        "Washington wants Kyiv to accept the peace framework by Dec. 1.",
    )
    assert match is not None and match.relation == "contradicts"
    assert match.reason == "dates differ: 27 November vs 1 December"


def test_different_months_contradict():
    match = _match(
        "Zelensky is expected to visit Washington in March to discuss security guarantees.",
        "Zelensky is expected to visit Washington in June to discuss security guarantees.",
    )
    assert match is not None and match.relation == "contradicts"
    assert match.reason == "dates differ: March vs June"


def test_denial_of_the_same_event_contradicts():
    match = _match(
        "Rubio told European officials that security guarantees would follow a peace deal.",
        "Rubio did not tell European officials that security guarantees would follow a peace deal.",
    )
    assert match is not None and match.relation == "contradicts"
    assert match.reason == "denies: 'did not'"


def test_rejection_against_acceptance_is_quoted_as_opposite():
    match = _match(
        "Kyiv rejected the clause on handing over the rest of Donbas to Russia.",
        "Kyiv accepted the clause on handing over the rest of Donbas to Russia.",
    )
    assert match is not None and match.relation == "contradicts"
    assert match.reason == "opposite: 'rejected' vs 'accepted'"


def test_negating_an_action_the_other_does_not_report_is_no_denial():
    match = _match(
        "No Harlow libraries will close under the plan, though two Harlow branches will merge.",
        "Two Harlow library branches will merge under the plan.",
    )
    assert match is None or match.relation != "contradicts"


def test_negating_the_action_the_other_reports_is_a_denial():
    match = _match(
        "No Harlow libraries will close under the plan.",
        "Two Harlow libraries will close under the plan.",
    )
    assert match is not None and match.relation == "contradicts"
    assert match.reason.startswith("denies: 'no")


def test_an_instruction_not_to_act_is_no_denial():
    match = _match(
        "Residents of Harlow have been told not to drink tap water after the Harlow leak.",
        "Residents of Harlow should drink bottled water after the Harlow leak.",
    )
    assert match is None or match.relation != "contradicts"


def _denial_signal(claim: str, candidate: str) -> str:
    found = dict(compare_module.conflict_signals(Passage(claim), Passage(candidate)))
    return found.get("denial", "")


@pytest.mark.parametrize(
    ("claim", "candidate", "denial"),
    [
        # A demand or warning says what ought not to be, not that an event did not happen.
        (
            "Harlow students should not pay for the Harlow dispute.",
            "Harlow students will pay for the Harlow dispute.",
            "",
        ),
        # A negated time bound delays the event; it does not deny it.
        (
            "The Harlow pool will not reopen until the Harlow repairs end.",
            "The Harlow pool will reopen when the Harlow repairs end.",
            "",
        ),
        (
            "Harlow would not recoup its stadium outlay for at least 25 years.",
            "Harlow would recoup its stadium outlay within 25 years.",
            "",
        ),
        # An adjective of negated ability denies its base, and agrees with its denial.
        (
            "The Harlow pension scheme had become unaffordable.",
            "The Harlow university could no longer afford the Harlow pension scheme.",
            "",
        ),
        (
            "The Harlow pension scheme is unaffordable.",
            "The Harlow pension scheme is affordable.",
            "denies: 'unaffordable'",
        ),
        # 'failed to' denies its infinitive: against a 'not' it agrees, against the act it denies.
        (
            "The Harlow bank failed to carry out checks on Harlow customers.",
            "Checks on Harlow customers were not carried out by the Harlow bank.",
            "",
        ),
        (
            "The Harlow bank failed to carry out checks on Harlow customers.",
            "The Harlow bank carried out checks on Harlow customers.",
            "denies: 'failed'",
        ),
    ],
)
def test_negations_that_deny_no_event_and_those_that_do(claim, candidate, denial):
    assert _denial_signal(claim, candidate) == denial


def test_other_figures_on_other_dates_are_two_occasions():
    match = _match(
        "The Harlow council voted 9-4 in March 2025 to approve the Harlow schools budget.",
        "The Harlow council voted 11-2 in June 2024 to approve the Harlow schools budget.",
    )
    assert match is None or match.relation != "contradicts"


def test_other_figures_on_one_date_contradict():
    match = _match(
        "The Harlow council voted 9-4 in March 2025 to approve the Harlow schools budget.",
        "The Harlow council voted 11-2 in March 2025 to approve the Harlow schools budget.",
    )
    assert match is not None and match.relation == "contradicts"
    assert match.reason.startswith("figures differ")


def test_different_actor_for_the_same_action_contradicts():
    match = _match(
        "Kyiv rejected the revised 20-point framework during the Geneva talks.",
        "Moscow rejected the revised 20-point framework during the Geneva talks.",
    )
    assert match is not None and match.relation == "contradicts"
    assert match.reason == "different actor: Kyiv vs Moscow rejected the revised 20 point framework"


# --- corroboration ---------------------------------------------------------------------------


def test_same_fact_in_other_words_corroborates():
    match = _match(
        "Rubio told European officials that Washington wants a peace deal signed before any "
        "security guarantees for Kyiv.",
        "Washington wants a peace deal signed before it offers Kyiv security guarantees, "
        "Rubio told European officials on a call.",
    )
    assert match is not None and match.relation == "corroborates"
    # The reason names the fact's terms; 'Rubio told European officials' is its attribution.
    assert match.reason.startswith("same fact: 'Washington wants a peace deal")


def test_same_topic_different_fact_is_not_corroboration():
    match = _match(
        "Rubio told European officials that Washington wants a peace deal signed before any "
        "security guarantees for Kyiv.",
        "European officials said security guarantees for Kyiv remain a central demand in the "
        "talks with Washington.",
    )
    assert match is None or match.relation == "related"


def test_unrelated_sentence_returns_none():
    assert _match(CLAIM.text, "The central bank kept interest rates at 4.5% on Thursday.") is None


def test_context_separates_the_same_kind_of_event():
    claim = Passage(
        "The delegations met for five hours on Sunday.",
        context="Ukrainian and US negotiators met in Geneva to rework the 28-point peace plan.",
    )
    same_event = Passage(
        "The delegations met for five hours on Sunday before issuing a joint statement.",
        context="US and Ukrainian negotiators rewrote the 28-point peace plan in Geneva talks.",
    )
    other_event = Passage(
        "The delegations met for five hours on Sunday before issuing a joint statement.",
        context="Trade ministers from Brazil and Argentina met in Buenos Aires over beef tariffs.",
    )
    same, other = compare(claim, same_event), compare(claim, other_event)
    assert same is not None
    assert other is None or other.score < same.score


def test_near_identical_sentence_matches_despite_differently_written_leads():
    claim = Passage(
        "The original peace plan had 28 points, according to a copy seen by the Post.",
        context="Kyiv weighs a US peace framework\nUkraine's president met his security "
        "council on Monday to weigh a framework drafted by Washington and Moscow.",
    )
    candidate = Passage(
        "The original peace plan had 28 points, diplomats said.",
        context="Europeans scramble to rewrite Trump's plan\nEuropean capitals drafted a "
        "counter-proposal over the weekend, alarmed by concessions to the Kremlin.",
    )
    match = compare(claim, candidate)
    assert match is not None and match.relation == "corroborates"


def test_figure_of_a_clause_in_a_list_sentence_contradicts():
    match = _match(
        "Kyiv rejected three points: ceding Donbas, capping the Ukrainian military at "
        "600,000 troops and giving up on NATO membership.",
        "A negotiator said Kyiv refused to cap the Ukrainian military at 800,000 troops.",
    )
    assert match is not None and match.relation == "contradicts"
    assert match.reason == "figures differ: 600,000 vs 800,000 troops"


def test_same_figure_reported_with_another_attribution_corroborates():
    match = _match(
        "After talks in Geneva the draft peace plan was cut to 19 points.",
        "After talks in Geneva the draft peace plan was reduced to 19 points, a European "
        "official told the Harbour Gazette.",
    )
    assert match is not None and match.relation == "corroborates"


def test_figure_of_another_year_does_not_contradict():
    match = _match(
        "At least 45 people were killed in the earthquake in Arequipa.",
        "It was the deadliest earthquake in Arequipa since 2001, when 74 people were killed.",
    )
    assert match is None or match.relation != "contradicts"


def test_different_prison_terms_contradict():
    match = _match(
        "Okafor was sentenced to 12 years in prison for defrauding customers.",
        "Okafor was sentenced to 15 years in prison for defrauding customers.",
    )
    assert match is not None and match.relation == "contradicts"
    assert match.reason == "figures differ: 12 years vs 15 years"


# --- independence ----------------------------------------------------------------------------


def test_candidate_from_the_claims_outlet_source_is_an_echo():
    claim = Passage(
        "Rubio told European officials that a peace deal must come before guarantees.",
        sources=("Politico", "Marco Rubio"),
    )
    candidate = Passage(
        "Rubio told European officials that a peace deal must come before guarantees.",
        outlet="Politico Europe",
    )
    match = compare(claim, candidate)
    assert match is not None and match.independent is False


def test_candidate_citing_the_claims_source_is_an_echo():
    candidate = Passage(
        "Kyiv rejected capping the Ukrainian army at 600,000 troops, CNN reported.",
        outlet="Reuters",
        sources=("CNN",),
    )
    assert is_echo(CLAIM, candidate)
    assert not is_echo(CLAIM, Passage(candidate.text, outlet="Reuters", sources=("Reuters",)))


def test_agency_acronym_echoes_its_full_name():
    claim = Passage("x", sources=("AFP",))
    assert is_echo(claim, Passage("y", outlet="Agence France-Presse"))
    assert is_echo(Passage("x", sources=("The Associated Press",)), Passage("y", outlet="AP"))
    assert not is_echo(claim, Passage("y", outlet="Associated Press"))


def test_anonymous_descriptions_only_echo_when_identical():
    claim = Passage("x", sources=("several European diplomats",))
    assert not is_echo(claim, Passage("y", sources=("European officials",)))
    assert is_echo(claim, Passage("y", sources=("several European diplomats",)))


@pytest.mark.parametrize(
    ("source", "text_a", "text_b", "echo"),
    [
        # A body each outlet heard say it: two confirmations that it said it.
        (
            "the coast guard",
            "The ferry was cleared to sail, the coast guard said.",
            "The coast guard said the ferry had permission to leave.",
            False,
        ),
        (
            "Network Rail",
            "Network Rail said the track was inspected on 26 February.",
            "Network Rail confirmed the cutting was examined on 26 February.",
            False,
        ),
        (
            "the civil protection agency",
            "Two men died of heatstroke, the agency said.",
            "Two men have died of heatstroke, the agency said.",
            False,
        ),
        # The same document of the body, an outlet, an acronym alone: one origin.
        (
            "the coast guard",
            "The ferry was cleared to sail, the coast guard said in a statement.",
            "The ferry had permission to leave, according to a coast guard statement.",
            True,
        ),
        (
            "Westbay Capital",
            "Westbay Capital said in a note that rates would fall.",
            "Westbay Capital wrote in a note to clients that rates would fall.",
            True,
        ),
        (
            "the Harbour Times",
            "The minister resigned, the Harbour Times reported.",
            "The minister has resigned, according to the Harbour Times.",
            True,
        ),
        ("RATP", "Six lines will run, RATP said.", "Only six lines will run, RATP said.", True),
    ],
)
def test_a_body_heard_by_two_outlets_is_no_echo_unless_a_document_carries_it(
    source, text_a, text_b, echo
):
    claim = Passage(text_a, outlet="Manila Ledger", sources=(source,))
    candidate = Passage(text_b, outlet="Pacific Wire", sources=(source,))
    assert is_echo(claim, candidate) is echo


# --- summarise -------------------------------------------------------------------------------


def _m(relation: str, independent: bool = True, score: float = 0.8) -> Match:
    return Match(Relation(relation), score, "r", independent)


def test_two_independent_corroborations_suggest_corroborated():
    summary = summarise([_m("corroborates"), _m("corroborates"), _m("related")])
    assert summary.independent_corroborations == 2
    assert summary.suggested_confidence == "corroborated"


def test_echoes_never_count_as_corroboration():
    summary = summarise([_m("corroborates"), _m("corroborates", independent=False)])
    assert summary.echoes == 1
    assert summary.suggested_confidence == "single_source"


def test_credible_contradiction_suggests_disputed():
    summary = summarise([_m("corroborates"), _m("corroborates"), _m("contradicts")])
    assert summary.contradictions == 1
    assert summary.suggested_confidence == "disputed"
    assert summarise([_m("contradicts", score=0.1)]).suggested_confidence is None
    assert summarise([_m("contradicts", independent=False)]).suggested_confidence is None


def test_no_evidence_suggests_nothing():
    assert summarise([]).suggested_confidence is None
    assert summarise([_m("related"), _m("corroborates", independent=False)]).echoes == 1
    assert summarise([_m("corroborates", independent=False)]).suggested_confidence is None


# --- robustness ------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(), st.text(), st.text())
def test_index_text_and_compare_never_crash_on_arbitrary_text(a, b, context):
    assert re.fullmatch(r"[a-z0-9 ]*", index_text(a))
    match = compare(Passage(a, context=context), Passage(b, context=context))
    assert match is None or 0.0 <= match.score <= 1.0
    assert set(search_terms(a)) <= set(index_text(a).split())


def test_conflict_signals_list_every_contradiction_signal_fired():
    from verify.engine.crosscheck.compare import conflict_signals

    found = conflict_signals(
        Passage("The Harlow council voted 9-4 in March 2025 to close the Harlow pool."),
        Passage("The Harlow council voted 11-2 in March 2025 not to close the Harlow pool."),
    )
    assert [kind for kind, _ in found] == ["figures", "denial", "opposite"]
    assert found[0][1] == "figures differ: 9-4 vs 11-2"


@pytest.mark.parametrize(
    ("claim", "candidate", "credited"),
    [
        # An age in apposition describes the person; the report need not repeat it.
        ("Mara Voss, 52, resigned on Friday.", "Mara Voss has resigned.", True),
        # A conversion in brackets is the money before it, told again.
        (
            "The council set aside 80 million rand (about $4.3m) for repairs.",
            "The council has set aside 80,000,000 rand for repairs.",
            True,
        ),
        # A vote as a score and as its two counts.
        (
            "The board voted 6-3 to approve the plan.",
            "The plan was approved, with six members in favour and three against.",
            True,
        ),
        ("The board voted 6-3 to approve the plan.", "Six members backed the plan.", False),
        # 'men' counts people: 'about 600 men' may be the 'some 620 inmates'.
        ("The jail holds about 600 men.", "The jail holds some 620 inmates.", True),
        ("The jail holds about 600 men.", "The jail holds about 600 women.", False),
        # A figure left out is not confirmed.
        ("The bridge carries 40,000 cars a day.", "The bridge is busy.", False),
        # Counts told as their total: the people aboard.
        ("The ferry had 30 passengers and five crew.", "The ferry had 35 people aboard.", True),
        ("The ferry had 30 passengers and five crew.", "The ferry had 36 people aboard.", False),
    ],
)
def test_figures_of_the_claim_in_the_candidate(claim, candidate, credited):
    assert (
        compare_module._has_figures(
            compare_module._features(claim), compare_module._features(candidate)
        )
        is credited
    )


@pytest.mark.parametrize(
    ("a", "b", "other"),
    [
        # Kindred classes tell one event: never 'another action'.
        (
            "He was detained by officers at a flat in Dunmore on Friday.",
            "Officers arrested him at a flat in Dunmore on Friday.",
            False,
        ),
        (
            "The owners sold the Harlow club to a Texan fund.",
            "A Texan fund bought the Harlow club from its owners.",
            False,
        ),
        # An order to halt is a ban; admitting failings accepts them; a road cut is blocked.
        (
            "The ministry ordered a halt to outdoor work in Attica.",
            "Outdoor work is banned in Attica.",
            False,
        ),
        (
            "The Harlow bank admitted the Keld failings in full.",
            "The Harlow bank accepted the Keld failings in full.",
            False,
        ),
        ("Landslides cut the road to Keld.", "The road to Keld was blocked by landslides.", False),
        # Two actions on one thing stay apart.
        ("The Keld bridge was inspected in 2022.", "The Keld bridge was repaired in 2022.", True),
    ],
)
def test_kindred_predicates_are_no_other_action(a, b, other):
    fa, fb = compare_module._features(a), compare_module._features(b)
    assert bool(compare_module._other_action(fa, fb, None)) is other


@pytest.mark.parametrize(
    ("word", "cls"),
    [
        ("worth", "value"),
        ("valued", "value"),
        ("struck", "hit"),
        ("tremors", "quake"),
        ("shuttered", "close"),
        ("sacked", "dismiss"),
        ("contracted", "infect"),
        ("contract", ""),
    ],
)
def test_news_verb_classes(word, cls):
    assert compare_module.class_of(word) == cls


@pytest.mark.parametrize(
    ("claim", "candidate", "share"),
    [
        # A report of one clause of a claim that says more has part of its figures.
        (
            "The alarm sounded 20 seconds before the lorry hit the wall about 3 kilometres "
            "from the depot.",
            "The lorry hit the wall roughly 3,000 metres from the depot.",
            0.5,
        ),
        ("The lorry carried 12 tonnes of salt.", "The lorry carried 12 tonnes of salt.", 1.0),
        ("The lorry carried 12 tonnes of salt.", "The lorry carried salt.", 0.0),
        ("The lorry hit the wall.", "The lorry carried 12 tonnes of salt.", 1.0),
    ],
)
def test_share_of_the_claims_figures_in_the_candidate(claim, candidate, share):
    fa, fb = compare_module._features(claim), compare_module._features(candidate)
    assert compare_module._figure_share(fa, fb) == share


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        (
            "OSLO, June 2 (Fjord Wire) - The ferry operator cut 40 sailings.",
            "The ferry operator cut 40 sailings.",
        ),
        ("LIMA (Andes Desk) — Rains closed the coast road.", "Rains closed the coast road."),
        ("LIMA, Jan 3 - Rains closed the coast road.", "Rains closed the coast road."),
        # A capitalised name set off by dashes is no dateline.
        ("NATO - the alliance - met in Riga.", "NATO - the alliance - met in Riga."),
    ],
)
def test_a_wire_dateline_is_no_part_of_the_fact(text, fact):
    assert fact_text(text) == fact


@pytest.mark.parametrize(
    ("text", "fact"),
    [
        # A leading speaker and verb of saying: the fact is what was said.
        (
            "Superintendent Alana Whitfield said the plan would keep classes below 22.",
            "The plan would keep classes below 22.",
        ),
        (
            "Declan Furey, chief economist at Harbourline Bank, said monthly estimates were "
            "volatile.",
            "Monthly estimates were volatile.",
        ),
        ("Police said on Monday that two men were arrested.", "Two men were arrested."),
        # The speaker is the fact's own subject: kept.
        (
            "Transport Secretary Owen Pryce said he would visit the scene.",
            "Transport Secretary Owen Pryce said he would visit the scene.",
        ),
        # More than a speaker before 'said': a clause of its own.
        (
            "The bridge closed and officials said it would reopen.",
            "The bridge closed and officials said it would reopen.",
        ),
        # A trailing 'said' with a clause after it is what was said, not who said it.
        (
            "Graham Pettifer, the company's boss, said he was deeply sorry for the delays.",
            "Graham Pettifer, the company's boss, said he was deeply sorry for the delays.",
        ),
    ],
)
def test_a_leading_speaker_is_no_part_of_the_fact(text, fact):
    assert fact_text(text) == fact


def test_two_denials_of_one_action_are_no_denial():
    fa = compare_module._features("Japan said it would not retaliate against Canberra.")
    fb = compare_module._features("Tokyo ruled out retaliatory measures against Canberra.")
    assert compare_module._denial(fa, fb) == ""


def test_names_check_reads_whole_names():
    # 'Harlow Freight Ltd' is one name, told by 'Harlow'; 'Judge Ana Ruiz' one, by 'Ruiz'.
    fa = compare_module._features("Judge Ana Ruiz fined Harlow Freight Ltd £40,000.")
    keys = compare_module._key_terms(fa, None)
    entities = compare_module._entities(fa, keys)
    assert len(entities) == 2
    fb = compare_module._features("Harlow was fined £40,000 by Ruiz.")
    assert compare_module._agreement(fa, fb, None).names
    # 'Bank of England' is not told by 'Bank' alone.
    fc = compare_module._features("The Bank of England raised rates.")
    fd = compare_module._features("The bank raised rates.")
    assert not compare_module._agreement(fc, fd, None).names


@pytest.mark.parametrize(
    ("a", "b", "differ"),
    [
        (
            "Governor Lena Park is expected to sign the water bill.",
            "Park signed the water bill.",
            True,
        ),
        ("The Aldgate depot will be closed.", "The Aldgate depot was closed on Monday.", True),
        ("The Aldgate depot was closed.", "The Aldgate depot closed on Monday.", False),
        # 'set' puts an action ahead only as 'set to'.
        ("The firm set a price and closed the depot.", "The firm closed the depot.", False),
        # 'said it would' is the reported 'will': planned, as 'will' is.
        ("The resort said it would stay closed on Monday.", "The resort will remain shut.", False),
        ("The council said it would close the library.", "The council closed the library.", True),
        # 'would' is the future of reported speech: both ahead.
        (
            "The resort said it would stay closed on Monday.",
            "The resort will remain closed until Wednesday.",
            False,
        ),
        ("The resort said it would reopen the lifts.", "The resort reopened the lifts.", True),
    ],
)
def test_planned_and_done_are_two_moments(a, b, differ):
    fa, fb = compare_module._features(a), compare_module._features(b)
    assert bool(compare_module._other_time(fa, fb)) is differ


@pytest.mark.parametrize(
    ("claim", "candidate", "shared"),
    [
        ("The bank was fined €18.9 million.", "The fine was set at €18,900,000.", True),
        ("Solvane set a price of $148,000 a year.", "It will charge USD 148,000 a year.", True),
        ("It reported a turnover of £12.4m.", "Its turnover of 12.4 million pounds grew.", True),
        ("Some 148,600 people were out of work.", "148,600 people were unemployed.", True),
        # Small counts are shared by chance; other nouns count other things.
        ("Two men died of heatstroke.", "Two roads were closed.", False),
        ("The ferry carried 140 passengers.", "The ferry had 140 crew aboard.", False),
        ("Prices rose 6% in May.", "Prices rose 8% in May.", False),
    ],
)
def test_a_specific_figure_shared_is_a_signal_of_the_same_fact(claim, candidate, shared):
    fa = compare_module._features(claim)
    fb = compare_module._features(candidate)
    assert compare_module._shares_specific_figure(fa, fb) is shared


@pytest.mark.parametrize(
    ("claim", "candidate", "coverage"),
    [
        # A report of one clause of the claim, whole, covers that clause.
        (
            "Landslides blocked the mountain road in three places, forcing rescue crews to "
            "continue on foot with heavy equipment.",
            "The mountain road was blocked by landslides in three places.",
            1.0,
        ),
        (
            "The council approved the budget, and the mayor signed the new parking rules.",
            "The mayor signed the new parking rules.",
            1.0,
        ),
        # A subordinate clause of time or cause parts from the main clause.
        (
            "Thieves cut through the bars of a Keld window before breaking open a display case.",
            "The bars of a Keld window were cut through.",
            1.0,
        ),
        (
            "The Harlow ferry capsized in heavy seas as rescuers searched the coast for survivors.",
            "The Harlow ferry capsized in heavy seas.",
            1.0,
        ),
        (
            "Harlow prices rose sharply because demand outstripped supply at the port.",
            "Harlow prices rose sharply.",
            1.0,
        ),
        # A clause of fewer than three content words is no fact of its own.
        ("Seven passengers and two crew members were killed.", "Seven passengers remain.", 0.33),
    ],
)
def test_one_clause_of_a_claim_reported_whole_is_covered(claim, candidate, coverage):
    fa, fb = compare_module._features(claim), compare_module._features(candidate)
    assert round(compare_module._coverage(fa, fb, None, frozenset()), 2) == coverage


@pytest.mark.parametrize(
    ("claim", "candidate"),
    [
        ("The central bank cut rates on Tuesday.", "Pham said there would be no further cuts."),
        ("The union held a strike on Monday.", "The union said there would be no more strikes."),
        ("The council approved funding for the school.", "It will give no additional funding."),
    ],
)
def test_denying_more_of_a_thing_is_no_denial_of_the_one_reported(claim, candidate):
    fa, fb = compare_module._features(claim), compare_module._features(candidate)
    assert compare_module._denial(fa, fb) == ""
