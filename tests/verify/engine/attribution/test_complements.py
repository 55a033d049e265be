"""Only sources: subjects of actions, plans and refusals are not suggested (issue 12, item 1)."""

from __future__ import annotations

from verify.engine.attribution import Attribution, suggest
from verify.engine.segmentation import segment


def attribute(body: str) -> list[Attribution]:
    return [a for per in suggest(body, segment(body)) for a in per]


def mentions(body: str) -> list[str]:
    return [body[a.source_start : a.source_end] for a in attribute(body)]


# --- refusals and negated cues -----------------------------------------------------------------


def test_no_response_and_declining_to_comment_are_not_sources():
    body = (
        "The harbour authority did not respond to several requests for comment. "
        "Its director declined to comment on the closure. "
        "The ministry would not confirm the figure. "
        "Officials refused."
    )
    assert attribute(body) == []


def test_a_negated_cue_that_introduces_content_stays_a_source():
    body = "The mayor did not deny that the contract had been signed in May."
    assert mentions(body) == ["The mayor"]


# --- plans and intentions ------------------------------------------------------------------


def test_modal_plans_are_not_sources():
    body = (
        "The regulator will publish new guidance in the spring. "
        "The union could demand a new vote. "
        "Farmers would complain to the minister."
    )
    assert attribute(body) == []


def test_a_modal_cue_with_reported_content_stays_a_source():
    body = "The governor will say in her speech that the budget is balanced."
    assert mentions(body) == ["The governor"]


def test_verbs_of_intention_before_an_infinitive_are_plans():
    body = (
        "The airline wants to cancel its winter routes. "
        "Two bidders agreed to buy the club. "
        "The council plans to close the library."
    )
    assert attribute(body) == []


def test_commissive_verbs_before_an_infinitive_report_what_the_subject_said_it_would_do():
    body = (
        "The airline has threatened to cancel its winter routes. "
        "The new coach vowed to rebuild the defence. "
        "Both candidates pledged to cut fares. "
        "The mayor promised to repair the roof by spring."
    )
    assert mentions(body) == ["The airline", "The new coach", "Both candidates", "The mayor"]


# --- requests and reactions need reported content -------------------------------------------


def test_requests_and_reactions_without_content_are_actions():
    body = (
        "Prosecutors had asked for a ten-year sentence. "
        "The teachers' union has demanded talks with the ministry. "
        "Commuters have complained for years."
    )
    assert attribute(body) == []


def test_the_same_verbs_with_content_or_as_a_tail_are_sources():
    body = (
        "Residents complained that the water had been brown for a week. "
        "The senator asked the minister whether the report had been read. "
        "“The buses never come on time,” one commuter complained."
    )
    assert sorted(mentions(body)) == sorted(["Residents", "The senator", "one commuter"])


def test_an_anonymity_request_is_not_a_cue():
    body = "An engineer, who asked not to be named, described the repairs as “cosmetic.”"
    assert mentions(body) == ["An engineer"]


def test_whether_to_is_a_decision_not_a_report():
    body = "The board met on Monday before deciding whether to appeal."
    assert attribute(body) == []


# --- what the reported people did ----------------------------------------------------------------


def test_actions_inside_reported_speech_are_not_separate_sources():
    body = (
        "The chair said the council had asked the province for more money. "
        "Records show that the contractor offered to repair the roof."
    )
    assert sorted(mentions(body)) == sorted(["The chair", "Records"])


def test_a_speaker_inside_reported_speech_stays_a_source():
    body = "The inspector said a foreman told him the scaffolding had been moved."
    assert sorted(mentions(body)) == sorted(["The inspector", "a foreman"])


def test_a_tail_after_reported_content_stays_a_source():
    body = (
        "Investors said rates were too high, while exporters argued they were fair, the bank wrote."
    )
    assert sorted(mentions(body)) == sorted(["Investors", "the bank"])


# --- one suggestion per source per sentence -------------------------------------------------------


def test_a_reaction_then_a_participle_gives_one_suggestion():
    body = "The mayor praised the decision, saying it would save the city millions."
    assert mentions(body) == ["The mayor"]


def test_said_then_adding_gives_one_suggestion():
    body = "“We are ready,” the coach said, adding that two players were injured."
    assert len(attribute(body)) == 1


def test_an_action_after_a_second_verb_of_the_subject_is_inside_its_report():
    body = "Inspectors checked the site and found that the builders had ignored the plans."
    assert mentions(body) == ["Inspectors"]


def test_a_named_source_is_suggested_once_per_sentence():
    body = "Trump said the talks had stalled, and he said he would not travel."
    assert mentions(body) == ["Trump"]


def test_calling_an_event_is_an_action_but_calling_something_a_name_reports():
    body = (
        "The union has called a strike for Monday. "
        "The prime minister called an early election. "
        "Critics called the plan a disgrace."
    )
    assert mentions(body) == ["Critics"]


def test_quoted_as_saying_is_the_subjects_report():
    body = "The mayor was quoted as saying the plan was dead."
    assert mentions(body) == ["The mayor"]


def test_saying_nothing_thanking_and_apologising_are_not_reports():
    body = (
        "The teachers said nothing. The airline apologised to passengers. "
        "He thanked the firefighters. The airline apologised for what it called a mistake."
    )
    assert attribute(body) == []


def test_a_relative_and_its_antecedent_are_one_source():
    body = "The mayor, who has said she will not run again, said the city was broke."
    assert [(a.cue, body[a.source_start : a.source_end]) for a in attribute(body)] == [
        ("said", "The mayor")
    ]


def test_a_negated_belief_is_still_the_subjects_view():
    body = "The coach does not think the team can win the league."
    assert mentions(body) == ["The coach"]


def test_a_concessive_clause_is_not_inside_the_earlier_report():
    body = "The senator accused the judge of bias, though records show the judge recused himself."
    assert sorted(mentions(body)) == ["The senator", "records"]


def test_a_request_to_an_addressee_is_the_subjects_statement():
    body = (
        "Her lawyers asked the judge to dismiss the charges. "
        "The police appealed to drivers to avoid the bridge. "
        "The union asked to be heard. "
        "The treaty would cap tariffs and ask the members to report yearly."
    )
    assert mentions(body) == ["Her lawyers", "The police"]


def test_calling_an_event_something_characterises_it():
    body = (
        "The senator called the vote a sham. "
        "The mayor called the inquiry “a waste of money”. "
        "The prime minister called an election for May."
    )
    assert mentions(body) == ["The senator", "The mayor"]


def test_knowing_what_is_so_is_a_stance_but_not_knowing_whether_is_not():
    body = (
        "Investigators know that the fire started in the kitchen. "
        "The mayor knows the city well. "
        "The mayor did not know whether the plant would close. "
        "He does not think so."
    )
    assert mentions(body) == ["Investigators", "He"]
