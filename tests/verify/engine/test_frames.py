"""Who did what: predicate classes, actors in every voice, polarity and antonyms."""

from __future__ import annotations

import pytest

from verify.engine.crosscheck import Passage, compare
from verify.engine.crosscheck.compare import (
    _apposition,
    _different_actor,
    _features,
    _more_than_told,
    _opposite,
    _specific_actors,
)
from verify.engine.crosscheck.frames import (
    agreeing,
    class_of,
    opposed,
    other_instance,
    predicates,
)
from verify.engine.crosscheck.text import analyse, stem
from verify.engine.vocabulary import Relation


def _predicates(text: str):
    analysis = analyse(text)
    return analysis.raw_words, predicates(analysis.raw_words, None, analysis.hyphenated)


def _actor(text: str, name: str) -> str:
    words, found = _predicates(text)
    (predicate,) = [p for p in found if p.name == name]
    return " ".join(words[predicate.actor[0] : predicate.actor[1]])


@pytest.mark.parametrize(
    ("word", "name"),
    [
        ("shut", "close"),
        ("closure", "close"),
        ("resignation", "resign"),
        ("workforce", "employ"),
        ("injured", "injure"),
        ("hurt", "injure"),
        ("acquittal", "acquit"),
        ("halted", "suspend"),
        ("inspected", "inspect"),
        ("repaired", "repair"),
        ("permission", "allow"),
        ("clearance", "allow"),
        # Derivations and news synonyms told as another part of speech.
        ("derailment", "derail"),
        ("apology", "apologise"),
        ("sorry", "apologise"),
        ("retaliatory", "retaliate"),
        ("reprisals", "retaliate"),
        ("attributed", "blame"),
        ("supplied", "provide"),
        ("sickness", "illness"),
        ("jurors", "jury"),
        ("rebates", "discount"),
        ("dissenting", "oppose"),
        # 'caught fire', 'caught in the slide', 'caught at a caravan park': no infection.
        ("caught", ""),
        ("remained", "stay"),
        ("remaining", ""),
        ("interviewed", "interview"),
        # 'questioned the figures' doubts them: only 'was questioned (by)' is an interview.
        ("questioned", ""),
        ("passengers", ""),
    ],
)
def test_words_read_as_their_predicate_class(word, name):
    assert class_of(word) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The nurse was found not guilty.", "acquit"),
        ("The mayor stepped down.", "resign"),
        ("The match was called off.", "suspend"),
        ("The dam gave way overnight.", "collapse"),
        ("The owner remains in custody.", "detain"),
        ("Two carriages left the rails.", "derail"),
        ("The train came off the tracks.", "derail"),
        ("The tariffs led to job losses.", "layoff"),
        ("Two nurses caught the virus.", "infect"),
        ("The captain is being questioned by investigators.", "interview"),
    ],
)
def test_set_phrases_are_one_predicate(text, name):
    _, found = _predicates(text)
    assert [p.name for p in found if p.lexical] == [name]


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("The senator signed the letter.", "sign", "the senator"),
        ("The letter was signed by the senator.", "sign", "the senator"),
        ("The letter was signed on Friday by her aide.", "sign", "her aide"),
        ("It was her aide who signed the letter.", "sign", "her aide"),
        ("The union has also rejected the offer.", "reject", "the union"),
        ("The letter was signed on Friday.", "sign", ""),
    ],
)
def test_the_actor_in_active_passive_and_cleft_clauses(text, name, actor):
    assert _actor(text, name).removeprefix("by ") == actor


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("The museum will stay open.", "The museum will be closed.", True),
        ("The driver was released.", "The driver remains in custody.", True),
        ("The plan was approved.", "The plan was rejected.", True),
        ("The school will close.", "The school will not close.", True),
        ("The school will close.", "The school was shut.", False),
        ("The plant was inspected.", "The plant was repaired.", False),
        ("Two climbers survived the fall.", "Two climbers died in the fall.", True),
        ("The driver was unhurt.", "The driver was injured.", True),
        ("The court upheld the ban.", "The court overturned the ban.", True),
        ("The bank left rates unchanged.", "The bank raised rates.", True),
        ("The march went ahead.", "The march was called off.", True),
        ("The coach was sacked.", "The coach resigned.", True),
        ("The regulator blocked the sale.", "The regulator approved the sale.", True),
        ("The chapel was left intact.", "The chapel was destroyed.", True),
        ("The chapel was damaged.", "The chapel was destroyed.", False),
        ("The union welcomed the plan.", "The union condemned the plan.", True),
        ("The mayor declined to sign the decree.", "The mayor signed the decree.", True),
        ("The mayor survived the vote.", "The mayor lost the vote.", True),
        ("The talks collapsed.", "The talks continued.", True),
        ("The ban was lifted.", "The ban remains in place.", True),
        ("The regulator has yet to approve the sale.", "The regulator approved the sale.", True),
        ("The mayor was unable to sign the decree.", "The mayor did not sign the decree.", False),
        ("The fire is under control.", "The fire is still burning.", True),
        ("Two miners are still trapped.", "Two miners were rescued.", True),
        ("The captain was among those rescued.", "The captain is still unaccounted for.", True),
        ("The university agreed to mediation.", "The university rejected mediation.", True),
        ("The ferry was given permission to sail.", "The ferry was refused clearance.", True),
        ("Steel will not be covered by the tariff.", "Steel will be subject to the tariff.", True),
        ("The tariff applies to steel.", "Steel is subject to the tariff.", False),
        ("The water is safe to drink.", "Residents were advised not to drink the water.", True),
        ("The water is safe to drink.", "The water is unsafe.", True),
        ("Residents were told not to drink the water.", "The water is dangerous.", False),
    ],
)
def test_opposite_outcomes(a, b, expected):
    pairs = [(pa, pb) for pa in _predicates(a)[1] for pb in _predicates(b)[1]]
    assert any(opposed(pa, pb) for pa, pb in pairs) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bank had failed to carry out proper checks.", [("carry", True)]),
        ("The mayor declined to attend the hearing.", [("attend", True)]),
        ("The mayor refused to sign the decree.", [("sign", True)]),
        ("Shares declined to 4.2 billion.", [("fall", False)]),
        # A phrasal verb of refusal: 'ruled out retaliatory measures' ~ 'would not retaliate'.
        ("Tokyo ruled out retaliatory measures.", [("rul", False), ("retaliate", True)]),
        # A negative subject with a long noun phrase still governs its verb.
        ("None of the workers on site had been hurt.", [("injure", True)]),
    ],
)
def test_a_verb_of_failure_or_refusal_negates_its_infinitive(text, expected):
    assert [(p.name, p.negated) for p in _predicates(text)[1]] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A similar notice in Alnwick in 2022 was lifted.", True),
        ("Another school will close next year.", True),
        ("A previous ban was overturned.", True),
        ("The notice was lifted after a week.", False),
        ("Another pool was closed, and the library will open.", False),
    ],
)
def test_the_outcome_of_another_instance(text, expected):
    words, found = _predicates(text)
    assert other_instance(words, found[-1]) is expected


def test_a_denied_antonym_agrees():
    (pa,) = _predicates("Neither ship has been recovered.")[1]
    (pb,) = _predicates("Both ships are still missing.")[1]
    assert agreeing(pa, pb) and not opposed(pa, pb)


def _relation(a: str, b: str) -> tuple[Relation | None, str]:
    match = compare(Passage(a), Passage(b))
    return (match.relation, match.reason) if match else (None, "")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The court acquitted the nurse Ann Lowe.", "The nurse Ann Lowe was found not guilty."),
        ("The mayor of Tarnow resigned on Monday.", "The mayor of Tarnow stepped down on Monday."),
        ("Orvik Mining employs 4,000 people.", "Orvik Mining has a workforce of 4,000 people."),
        (
            "Five miners were hurt in the Orvik blast.",
            "Five miners were injured in the Orvik blast.",
        ),
    ],
)
def test_same_fact_in_other_predicates_corroborates_with_quotes(a, b):
    relation, reason = _relation(a, b)
    assert relation is Relation.CORROBORATES
    assert reason.startswith("same fact: '") and " ≈ '" in reason


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        (
            "The Kelso bridge will stay open during the Kelso repairs.",
            "The Kelso bridge will be closed during the Kelso repairs.",
            "opposite: 'will stay open' vs 'will be closed'",
        ),
        (
            "The Mersey ferry operator Tom Reed was released on Friday.",
            "The Mersey ferry operator Tom Reed remains in custody.",
            "opposite: 'was released' vs 'remains in custody'",
        ),
    ],
)
def test_opposite_outcomes_of_one_fact_contradict(a, b, reason):
    assert _relation(a, b) == (Relation.CONTRADICTS, reason)


def test_different_actor_for_the_same_action_in_the_passive_contradicts():
    relation, reason = _relation(
        "Governor Alma Ruiz signed the Lakeside water decree on Friday.",
        "The Lakeside water decree was signed on Friday by her deputy Tomas Vidal.",
    )
    assert relation is Relation.CONTRADICTS
    assert reason == (
        "different actor: Governor Alma Ruiz vs her deputy Tomas Vidal "
        "signed the Lakeside water decree"
    )


def test_same_actor_in_the_passive_is_no_contradiction():
    relation, _ = _relation(
        "Governor Alma Ruiz signed the Lakeside water decree on Friday.",
        "The Lakeside water decree was signed by Governor Alma Ruiz on Friday.",
    )
    assert relation is Relation.CORROBORATES


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The Avon bridge was inspected in 2022.", "The Avon bridge was repaired in 2022."),
        ("Mayor Lena Ortiz opened the Avon library.", "Mayor Lena Ortiz closed the Avon pool."),
        ("The Avon museum opened a new wing.", "The Avon museum closed its cafe."),
    ],
)
def test_hard_negatives_are_not_strong(a, b):
    relation, _ = _relation(a, b)
    assert relation not in (Relation.CORROBORATES, Relation.CONTRADICTS)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The rate was lowered by a quarter of a point.", "cut"),
        ("Output was cut by 5% in May.", "cut"),
        ("The plan is subject to approval by the regulator.", "approve"),
    ],
)
def test_measures_and_nouns_have_no_active_actor(text, name):
    actor = _actor(text, name)
    assert actor in ("", "the regulator")
    assert "quarter" not in actor and "subject" not in actor


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        # 'by' and a time is a deadline, not an agent.
        ("Rescuers had plucked 146 survivors from the water by mid-morning.", "survive", ""),
        ("The bridge was closed by Monday.", "close", ""),
        ("The decree was signed by the end of the week.", "sign", ""),
        ("The bridge was closed by midnight.", "close", ""),
        # 'by' and a noun phrase is the agent.
        ("The bridge was closed by the county.", "close", "the county"),
        ("The decree was signed by her deputy.", "sign", "her deputy"),
    ],
)
def test_by_and_a_time_is_a_deadline_not_an_actor(text, name, actor):
    assert _actor(text, name).removeprefix("by ") == actor


def test_actors_sharing_only_a_title_are_two_people():
    relation, reason = _relation(
        "The Harwick dock amendment was proposed by Councilor Ana Ruiz.",
        "The Harwick dock amendment was put forward by Councilor Tom Hale.",
    )
    assert relation is Relation.CONTRADICTS
    assert reason.startswith("different actor: Councilor Ana Ruiz vs Councilor Tom Hale")


def test_a_refusal_is_quoted_with_its_verb():
    relation, reason = _relation(
        "The Harlow mayor declined to sign the Harlow parking decree.",
        "The Harlow mayor signed the Harlow parking decree.",
    )
    assert (relation, reason) == (
        Relation.CONTRADICTS,
        "opposite: 'declined to sign' vs 'signed'",
    )


def test_two_named_actors_sharing_a_common_noun_are_two():
    relation, reason = _relation(
        "The Harlow rail strike was called by the RMT union.",
        "The Unite union called the Harlow rail strike.",
    )
    assert relation is Relation.CONTRADICTS
    assert reason.startswith("different actor: the RMT union vs the Unite union called")


def test_irregular_participles_are_passives_of_their_verb():
    relation, reason = _relation(
        "The Harlow parking bylaw was written by the finance committee.",
        "The town clerk wrote the Harlow parking bylaw.",
    )
    assert relation is Relation.CONTRADICTS
    assert reason.startswith("different actor: the finance committee vs the town clerk")


def test_opposite_actions_of_two_parties_are_no_contradiction():
    relation, _ = _relation(
        "The Unite union welcomed the Harlow pay plan.",
        "The CBI condemned the Harlow pay plan.",
    )
    assert relation is not Relation.CONTRADICTS


def test_another_named_recipient_of_the_same_award_contradicts():
    relation, reason = _relation(
        "The Harlow bypass contract was awarded to Brightwater.",
        "The Harlow council awarded the Harlow bypass contract to Kestrel Builders.",
    )
    assert relation is Relation.CONTRADICTS
    assert reason == "different recipient: Brightwater vs Kestrel Builders (awarded)"


def test_the_same_recipient_told_two_ways_corroborates():
    relation, _ = _relation(
        "The Harlow bypass contract was awarded to Brightwater.",
        "The Harlow council awarded the Harlow bypass contract to Brightwater.",
    )
    assert relation is Relation.CORROBORATES


def test_a_deputy_is_another_actor_than_the_office_holder():
    relation, reason = _relation(
        "The mayor approved the Harlow schools budget on Monday.",
        "It was the deputy mayor who approved the Harlow schools budget on Monday.",
    )
    assert relation is Relation.CONTRADICTS
    assert reason.startswith("different actor: the mayor vs the deputy mayor approved")


def test_a_shared_name_is_one_actor_whatever_the_rank():
    relation, _ = _relation(
        "Former governor Alma Ruiz signed the Lakeside water decree.",
        "The Lakeside water decree was signed by Alma Ruiz.",
    )
    assert relation is Relation.CORROBORATES


def test_at_large_against_arrested_is_opposite():
    pa = [p for p in _predicates("The inmate Joe Pike was arrested in Leeds.")[1] if p.lexical]
    pb = [p for p in _predicates("The inmate Joe Pike remains on the run.")[1] if p.lexical]
    assert any(opposed(a, b) for a in pa for b in pb)


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("The mayor had personally signed the order.", "sign", "the mayor"),
        ("The order was drafted and signed on Friday by the mayor.", "sign", "the mayor"),
    ],
)
def test_adverbs_and_coordinated_passives_keep_the_actor(text, name, actor):
    assert _actor(text, name) == actor


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("No serious injuries were reported.", "A boy was seriously burned."),
        ("The budget funds 40 new nursing posts.", "The budget will cut 40 nursing posts."),
    ],
)
def test_more_opposites(a, b):
    pairs = [(pa, pb) for pa in _predicates(a)[1] for pb in _predicates(b)[1]]
    assert any(opposed(pa, pb) for pa, pb in pairs)


_LEAD = "Ferry Marlow runs aground off Skerry Point; all aboard safe"


@pytest.mark.parametrize("context", ["", _LEAD])
@pytest.mark.parametrize(
    ("a", "b", "difference"),
    [
        (
            "The Marlow ferry carried 60 passengers when it ran aground.",
            "The Marlow ferry had 60 crew aboard when it ran aground.",
            "other things counted: 60 passengers vs 60 crew",
        ),
        (
            "The Skerry pier was inspected in 2019.",
            "The Skerry pier was repaired in 2019.",
            "other action: 'was inspected' vs 'was repaired'",
        ),
    ],
)
def test_hard_negatives_stay_related_with_or_without_the_articles(a, b, difference, context):
    match = compare(Passage(a, context=context), Passage(b, context=context))
    assert match is not None and match.relation is Relation.RELATED
    assert match.reason.endswith(f"({difference})")


def test_a_generic_count_is_no_other_thing():
    relation, _ = _relation(
        "The Marlow ferry carried 60 people when it ran aground.",
        "The Marlow ferry carried 60 passengers when it ran aground.",
    )
    assert relation is Relation.CORROBORATES


def test_a_set_phrase_is_quoted_whole():
    _, reason = _relation(
        "The court acquitted the nurse Ann Lowe.", "The nurse Ann Lowe was found not guilty."
    )
    assert reason.endswith("'The nurse Ann Lowe was found not guilty'")


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("Ana Ruiz, the fund's co-founder, will take over the club.", "replace", "ana ruiz"),
        ("The copilot was flying the plane.", "pilot", "the copilot"),
        (
            "The plan, proposed by Councilor Ana Ruiz, failed by one vote.",
            "propose",
            "councilor ana ruiz",
        ),
        ("The bridge was closed that morning by the county.", "close", "the county"),
    ],
)
def test_appositions_reduced_relatives_and_progressives(text, name, actor):
    words = analyse(text).raw_words
    apposition = _apposition(text)
    (predicate,) = [p for p in predicates(words, apposition) if p.name == name]
    assert " ".join(words[predicate.actor[0] : predicate.actor[1]]) == actor


@pytest.mark.parametrize("context", ["", "Governor Ann Lowe visits Skerry"])
@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Governor Ann Lowe signed the Skerry water decree on Friday.",
            "Governor Ann Lowe opened the new Skerry bridge on Friday.",
        ),
        (
            "Governor Ann Lowe met Skerry fishermen on Friday.",
            "Governor Ann Lowe toured the Skerry harbour on Friday.",
        ),
    ],
)
def test_a_shared_actor_alone_is_not_the_same_fact(a, b, context):
    match = compare(Passage(a, context=context), Passage(b, context=context))
    assert match is not None and match.relation is Relation.RELATED
    assert "(other action: '" in match.reason


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The union accepted the offer.", "The union rejected the offer."),
        ("All the crew survived.", "The crew were killed."),
        ("The city lifted the curfew.", "The city imposed the curfew."),
        ("Profits beat forecasts.", "Profits missed forecasts."),
        ("The firm made a profit.", "The firm made a loss."),
        ("The works were delayed.", "The works are on schedule."),
        ("He pleaded guilty.", "He pleaded not guilty."),
        ("The bank raised rates.", "The bank cut rates."),
    ],
)
def test_opposites_of_news_outcomes(a, b):
    pairs = [(pa, pb) for pa in _predicates(a)[1] for pb in _predicates(b)[1]]
    assert any(opposed(pa, pb) for pa, pb in pairs)


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        (
            "The raids were carried out by the gendarmerie's research section.",
            "carry",
            "the gendarmerie's research section",
        ),
        (
            "Kestrel Pharma's chief executive signed the deal.",
            "sign",
            "kestrel pharma's chief executive",
        ),
        (
            "The arrests were carried out by officers of the Lyon judicial police.",
            "carry",
            "officers of the lyon judicial police",
        ),
        (
            "The Central Bank of Ireland has fined the lender.",
            "fine",
            "the central bank of ireland",
        ),
        ("Cleveland Police, which ordered the evacuation, said.", "order", "cleveland police"),
        ("The boy who survived the avalanche was airlifted.", "survive", "the boy"),
    ],
)
def test_an_actor_keeps_its_possessor_its_of_phrase_and_its_relative(text, name, actor):
    assert _actor(text, name) == actor


def test_a_title_under_a_possessor_may_be_the_named_holder():
    _, reason = _relation(
        "Housing Minister Callum Reddaway resigned on Tuesday over the Harlow land deal.",
        "New Zealand's housing minister resigned on Tuesday over the Harlow land deal.",
    )
    assert not reason.startswith("different actor")


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        (
            "The university court voted in February to close the scheme.",
            "close",
            "the university court",
        ),
        ("The council has agreed to close the Avon pool.", "close", "the council"),
        (
            "The decision to close the scheme was taken by its board of trustees.",
            "close",
            "its board of trustees",
        ),
        ("The board's decision to close the Avon pool surprised staff.", "close", "the board's"),
        ("Treasury expects the charges to raise A$1.8bn.", "rise", "the charges"),
        # Any past verb right before the 'to' controls it, and is never its actor.
        ("The firm planned to open a plant in Leeds.", "open", "the firm"),
        ("The council was forced to close the bridge.", "close", "the council"),
        ("The developer said it hoped to begin construction in 2028.", "begin", ""),
    ],
)
def test_a_to_clause_takes_the_actor_of_the_verb_or_noun_that_controls_it(text, name, actor):
    assert _actor(text, name) == actor


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("The recall was announced on Thursday by the safety regulator.", "recall", ""),
        (
            "The investigation was launched on Monday by Police Scotland.",
            "investigate",
            "police scotland",
        ),
        ("About 38,000 units sold in Canada are also covered.", "sell", ""),
        ("Some 400 homes destroyed by the fire were insured.", "destroy", "the fire"),
    ],
)
def test_a_noun_takes_an_agent_only_through_a_light_verb_and_counted_things_are_acted_upon(
    text, name, actor
):
    assert _actor(text, name) == actor


@pytest.mark.parametrize(
    ("a", "b", "different"),
    [
        (
            "The company recalled the Tidy S9 vacuums.",
            "Ardent Robotics recalled the Tidy S9 vacuums.",
            False,
        ),
        (
            "The minister signed the Harlow decree.",
            "Housing Minister Callum Reddaway signed the Harlow decree.",
            False,
        ),
        (
            "The main drivers' union called the Paris strike.",
            "The Paris strike was called by the SUT.",
            False,
        ),
        (
            "The city signed the Harlow stadium lease.",
            "Ashby Sports Group signed the Harlow stadium lease.",
            True,
        ),
        (
            "The fire brigade ordered the evacuation.",
            "Cleveland Police ordered the evacuation.",
            True,
        ),
        (
            "The boil-water notice was issued by the company.",
            "The boil-water notice was issued by Northumberland County Council.",
            True,
        ),
        (
            "The governor signed the Harlow decree.",
            "Police Chief Ana Ruiz signed the Harlow decree.",
            True,
        ),
    ],
)
def test_a_description_may_be_a_named_actor_of_its_kind(a, b, different):
    fa, fb = _features(a), _features(b)
    assert bool(_different_actor(fa, fb)[0]) is different


@pytest.mark.parametrize(
    ("word", "stemmed"),
    [("tariffs", "tariff"), ("tariff", "tariff"), ("stopped", "stop"), ("planning", "plan")],
)
def test_a_plural_keeps_its_double_consonant(word, stemmed):
    assert stem(word) == stemmed


@pytest.mark.parametrize(
    ("a", "b", "different"),
    [
        (
            "Treasury says the duties will raise A$1.8bn a year.",
            "The levies will raise A$1.8bn a year.",
            False,
        ),
        ("Prices rose 4% in May.", "Rents rose 4% in May.", False),
        ("The guard raised the alarm.", "The alarm was raised by a passenger.", True),
        (
            "The central bank raised rates on Tuesday.",
            "The government raised rates on Tuesday.",
            True,
        ),
    ],
)
def test_a_measure_with_nothing_acted_upon_has_no_actor_to_contradict(a, b, different):
    fa, fb = _features(a), _features(b)
    assert bool(_different_actor(fa, fb)[0]) is different


@pytest.mark.parametrize(
    ("a", "b", "different"),
    [
        (
            "The Central Bank of Ireland has fined Liffey Mercantile Bank.",
            "The fine was imposed by the European Central Bank.",
            True,
        ),
        (
            "Councilor Jane Hale signed the Harlow lease.",
            "Councilor Tom Hale signed the Harlow lease.",
            True,
        ),
        ("Kestrel Builders signed the Harlow lease.", "Kestrel signed the Harlow lease.", False),
    ],
)
def test_two_names_sharing_words_are_two_unless_one_is_within_the_other(a, b, different):
    fa, fb = _features(a), _features(b)
    assert bool(_different_actor(fa, fb)[0]) is different


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        (
            "Ashby Sports Group will also be responsible for any overruns.",
            "liable",
            "ashby sports group",
        ),
        ("The city is liable for any cost overruns.", "liable", "the city"),
        ("The operator was not accountable for the delays.", "liable", "the operator"),
    ],
)
def test_an_adjective_after_be_is_a_state_of_its_subject_not_a_passive(text, name, actor):
    assert _actor(text, name) == actor


def test_another_party_liable_for_the_same_costs_contradicts():
    fa = _features("Under the deal, Ashby Sports Group will be responsible for any overruns.")
    fb = _features("Under the deal, the city is liable for any overruns.")
    assert _different_actor(fa, fb)[0].startswith("different actor: Ashby Sports Group vs the city")


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("The boy was dug out by two off-duty guides.", "dig", "two off duty guides"),
        (
            "The fire was put out by a well-known local crew.",
            "contained",
            "a well known local crew",
        ),
        (
            "The survey was carried out by the state-owned operator.",
            "carry",
            "the state owned operator",
        ),
        ("The boy was located and dug out by patrollers.", "dig", "patrollers"),
        ("The law was passed by three votes.", "pass", ""),
    ],
)
def test_a_hyphenated_compound_and_a_phrasal_participle_keep_the_agent(text, name, actor):
    assert _actor(text, name) == actor


@pytest.mark.parametrize(
    ("a", "b", "different"),
    [
        (
            "Associate Housing Minister Teresa Ngata will take over the portfolio.",
            "The housing portfolio has been handed to Finance Minister Dominic Hale.",
            True,
        ),
        (
            "The housing portfolio has been handed to Finance Minister Dominic Hale.",
            "Dominic Hale will take over the housing portfolio.",
            False,
        ),
        (
            "The Harlow contract was awarded to Brightwater Homes.",
            "Kestrel Builders won the Harlow contract.",
            True,
        ),
        (
            "The Harlow contract was awarded to Brightwater Homes.",
            "Brightwater won the Harlow contract.",
            False,
        ),
        (
            "Ardent sold the Leeds plant to Harbour Capital.",
            "Pemberton Partners bought the Leeds plant.",
            True,
        ),
        (
            "Ardent sold the Leeds plant to Harbour Capital.",
            "Pemberton Partners bought the Hull depot.",
            False,
        ),
    ],
)
def test_the_recipient_of_a_transfer_is_the_actor_of_its_converse(a, b, different):
    fa, fb = _features(a), _features(b)
    assert bool(_different_actor(fa, fb)[0]) is different
    assert bool(_different_actor(fb, fa)[0]) is different


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("Border Force officers stopped him at the airport.", "detain", "border force officers"),
        ("The referee stopped the match.", "suspend", "the referee"),
        ("The notice was put out by the council.", "issue", "the council"),
        ("The council issued the notice.", "issue", "the council"),
        ("The fire was put out by volunteers.", "contained", "volunteers"),
        (
            "He was detained by officers from Police Scotland's crime division.",
            "detain",
            "officers from police scotland's crime division",
        ),
    ],
)
def test_a_verb_is_read_by_what_it_acts_upon_and_an_agent_keeps_its_from(text, name, actor):
    assert _actor(text, name) == actor


@pytest.mark.parametrize(
    ("a", "b", "different"),
    [
        (
            "He was detained by officers from Police Scotland at an address in Leith.",
            "Border Force officers stopped him at Edinburgh Airport.",
            True,
        ),
        (
            "He was detained by officers from Police Scotland.",
            "Police Scotland officers stopped him.",
            False,
        ),
        (
            "The boil-water notice was issued by the company.",
            "The boil-water notice was put out by Northumberland County Council.",
            True,
        ),
        (
            "The boil-water notice was issued by Northumbrian Water.",
            "The water company put out a boil-water notice.",
            False,
        ),
    ],
)
def test_one_act_told_by_near_synonyms_compares_its_actors(a, b, different):
    fa, fb = _features(a), _features(b)
    assert bool(_different_actor(fa, fb)[0]) is different


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("The blast at the site on Haverton Road happened at 3am.", "", ""),
        ("The mine, with more than 4,000 staff, closed in May.", "close", ""),
        ("The boy was located by a dog and carried out by patrollers.", "carry", "patrollers"),
    ],
)
def test_prepositional_objects_are_no_subject_and_phrasal_participles_keep_the_agent(
    text, name, actor
):
    words, found = _predicates(text)
    if not name:  # a verb outside the lexicon
        (predicate,) = [p for p in found if not p.lexical]
        assert " ".join(words[predicate.actor[0] : predicate.actor[1]]) == actor
    else:
        assert _actor(text, name) == actor


def test_a_participle_after_an_opening_name_and_apposition_is_the_name_s():
    text = "Amara Osei, the fund's co-founder, will become chairman, replacing Peter Harcourt."
    words = analyse(text).raw_words
    (replace,) = [p for p in predicates(words, _apposition(text)) if p.name == "replace"]
    assert " ".join(words[replace.actor[0] : replace.actor[1]]) == "amara osei"


def test_an_apposition_may_hold_a_figure_with_a_thousands_comma():
    text = "The captain, a pilot with more than 11,000 flight hours, was at the controls."
    assert _apposition(text) == (2, 10)


def test_a_bare_title_named_elsewhere_in_another_part_is_no_shared_actor():
    fa = _features("The first officer was flying the approach, with the captain monitoring.")
    fb = _features("The captain, a pilot with more than 11,000 flight hours, was at the controls.")
    assert _different_actor(fa, fb)[0].startswith("different actor: officer vs the captain")


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        ("The labour ministry ordered a halt to outdoor work.", "suspend", "the labour ministry"),
        ("The council has imposed a temporary ban on fireworks.", "ban", "the council"),
        ("The halt to outdoor work ended on Friday.", "suspend", ""),
    ],
)
def test_a_noun_imposed_by_a_verb_takes_the_verb_s_subject(text, name, actor):
    assert _actor(text, name) == actor


@pytest.mark.parametrize(
    ("a", "b", "different"),
    [
        (
            "The labour ministry ordered a halt to outdoor manual work.",
            "The civil protection agency banned outdoor manual work.",
            True,
        ),
        (
            "The labour ministry ordered a halt to outdoor manual work.",
            "The ministry banned outdoor manual work.",
            False,
        ),
        (
            "He was arrested by officers from Police Scotland.",
            "He was detained by Border Force officers.",
            True,
        ),
        (
            "The regional governor declared a 60-day state of emergency.",
            "The government declared three days of national mourning.",
            False,
        ),
        (
            "The regional governor declared a state of emergency.",
            "The government declared a state of emergency.",
            True,
        ),
    ],
)
def test_one_act_by_another_actor_and_another_act_by_another_actor(a, b, different):
    fa, fb = _features(a), _features(b)
    assert bool(_different_actor(fa, fb)[0]) is different


MORE_DENIED = [
    # Denying more of a thing is another fact than the one reported.
    (
        "The central bank cut its cash rate by a quarter of a point on Tuesday.",
        "The governor said there would be no further cuts this year.",
        "",
    ),
    (
        "The union held a 24-hour strike on Monday.",
        "The union said no more strikes were planned.",
        "",
    ),
    # Both of more: one is the other's opposite.
    (
        "The governor said further cuts would be made this year.",
        "The governor said there would be no further cuts this year.",
        "opposite",
    ),
    # A plain denial of the thing itself is still its opposite.
    (
        "The union held a 24-hour strike on Monday.",
        "The union held no strike on Monday.",
        "opposite",
    ),
]


@pytest.mark.parametrize(("a", "b", "kind"), MORE_DENIED)
def test_denying_more_of_a_thing_opposes_only_more_of_it(a, b, kind):
    fa, fb = _features(a), _features(b)
    assert _opposite(fa, fb)[0].split(":")[0] == kind
    assert bool(_more_than_told(fa, fb)) == (kind == "")


@pytest.mark.parametrize(
    ("text", "first_is_name"),
    [
        # The attribution before it left out, the fact's first word starts no sentence.
        ("The prosecutor told the court that Pellow had signed off the scaffold.", True),
        ("According to police, Marsh was arrested at the airport.", True),
        # A sentence's or a dateline's first word, or a function word: no name by its capital.
        ("Pellow signed off the scaffold, the court heard.", False),
        ("SYDNEY, May 5 (PMW) - Australia's central bank cut its rate.", False),
        ("The court heard that The scaffold was safe.", False),
    ],
)
def test_a_capital_after_a_left_out_attribution_marks_a_name(text, first_is_name):
    assert _features(text).capitalised[0] is first_is_name


def test_named_actors_after_a_reporting_clause_are_told_apart():
    a = "The prosecutor told the court that Pellow had personally signed off the scaffold."
    b = "The scaffold had been inspected and approved that morning by site foreman Dean Marsh."
    assert _different_actor(_features(a), _features(b))[0].startswith("different actor: Pellow")


@pytest.mark.parametrize(
    ("text", "name", "actor"),
    [
        # The subject before a relative clause that ends in no subject of its own.
        ("A lifeguard who was watching from the pier began CPR.", "begin", "a lifeguard"),
        ("The council, which owns the bridge, closed the road.", "close", "the council"),
        ("Police, who had stopped the van, closed the road.", "close", "police"),
        # A subject right before the verb is still its actor.
        ("The council closed the road.", "close", "the council"),
        # Present-progressive passive and active of one class.
        ("The inquiry is being led by the harbour authority.", "lead", "the harbour authority"),
        ("The harbour authority is leading the inquiry.", "lead", "the harbour authority"),
        # A noun act's 'by' is not read past another noun act ('subject to approval by').
        ("The takeover is subject to approval by the league.", "buy", ""),
        ("The takeover is subject to approval by the league.", "approve", "the league"),
        # A light adjective inside a name ('Safety New Zealand' reads whole).
        ("The inquiry was led by Safety New Zealand.", "lead", "safety new zealand"),
        # 'the then' office holder.
        (
            "The loan was approved by the then finance director.",
            "approve",
            "the then finance director",
        ),
    ],
)
def test_actors_past_relative_clauses_progressives_and_former_offices(text, name, actor):
    assert _actor(text, name) == actor


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # Another actor of one act, the verb told in two voices or two tenses.
        (
            "The Harbour Safety Authority is leading the inquiry into the collapse.",
            "The inquiry into the collapse is being led by the Marine Accident Bureau.",
            "different actor",
        ),
        (
            "A lifeguard who was watching from the pier began CPR on the swimmer.",
            "CPR was started on the swimmer by a paramedic.",
            "different actor",
        ),
        # A verb that describes its object with a quotation is no doing of the act.
        (
            'Mayor Ana Ruiz called the strike "unjustified" on Monday.',
            "The strike was called by the Unite union.",
            "",
        ),
        (
            "The Unite union called the strike.",
            "The strike was called by the GMB union.",
            "different actor",
        ),
        # One verb with its object and without: the subject without one is what it befell.
        ("A lifeguard began CPR on the pier.", "The festival began at noon.", ""),
        ("The council closed the road.", "The road closed at noon.", ""),
        ("The council closed the road.", "Police closed the road.", "different actor"),
        # Neither with its object: both subjects are what befell ('died' is 'killed').
        ("The trials are due to begin in May.", "A strike will start in May.", ""),
        (
            "Two miners who died in the blast.",
            "The blast collapsed the shaft, killing two miners.",
            "",
        ),
        # Stances and shared acts are taken by many parties at once.
        ("The mayor voted for the plan.", "Six councillors voted for the plan.", ""),
        ("The union welcomed the deal.", "The employers welcomed the deal.", ""),
        # A phrase opened by 'a' describes, whatever its capitals: it may be the named one.
        ("Kestrel Foods recalled the tins.", "A Scottish food maker recalled the tins.", ""),
        (
            "Kestrel Foods recalled the tins.",
            "Harlow Dairies recalled the tins.",
            "different actor",
        ),
        # A hyphenated prefix is the verb's, not an actor.
        ("One clerk counted the ballots.", "The ballots have been re-counted.", ""),
        (
            "One clerk counted the ballots.",
            "The ballots were re-counted by the board.",
            "different actor",
        ),
    ],
)
def test_different_actor_of_one_act(a, b, kind):
    reason, _ = _different_actor(_features(a), _features(b))
    assert reason.split(":")[0] == kind


@pytest.mark.parametrize(
    ("a", "b", "specific"),
    [
        # Both named or offices, the same thing acted upon.
        (
            "The fire brigade ordered the evacuation of the estate.",
            "Harbour Police, which ordered the evacuation, said 200 people left.",
            True,
        ),
        # A noun act is what the verb acts upon ('the fine was imposed by' ~ 'fined').
        (
            "The Harbour Authority fined the ferry operator.",
            "The fine was imposed by the Maritime Regulator.",
            True,
        ),
        (
            "The search was called off by Chief Inspector Ann Lowe.",
            "Coastguard commander Tom Reid called off the search.",
            True,
        ),
        # Anyone, not someone in particular.
        ("The alarm was raised by a passenger.", "The guard raised the alarm.", False),
        # Two things acted upon.
        (
            "The fire brigade ordered the evacuation of the estate.",
            "Harbour Police ordered an inquiry into the fire.",
            False,
        ),
    ],
)
def test_specific_actors_of_one_thing(a, b, specific):
    assert _specific_actors(_features(a), _features(b)) is specific


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # A surname opening the sentence may be the office the other names.
        (
            "Okonjo blamed the delay on the weather.",
            "The minister blamed the delay on the weather.",
            "",
        ),
        # A plural opening the sentence is a group, not a surname.
        ("Prosecutors charged the driver.", "The minister charged the driver.", "different actor"),
        # What a feeling was caused by is no actor.
        ("Tenants were shocked by the ruling.", "Tenants were shocked by the decision.", ""),
        (
            "The plan was rejected by the council.",
            "The plan was rejected by the board.",
            "different actor",
        ),
    ],
)
def test_surnames_that_open_a_sentence_and_causes_of_feelings(a, b, kind):
    reason, _ = _different_actor(_features(a), _features(b))
    assert reason.split(":")[0] == kind
