"""Known cues attached to their real sources in harder constructions (issue 12): pseudo-clefts,
relative clauses, quantified groups. Each row: a sentence and the mentions suggested for it."""

from __future__ import annotations

import pytest

from verify.engine.attribution import suggest
from verify.engine.segmentation import segment


def mentions(body: str) -> list[str]:
    return [
        body[a.source_start : a.source_end] for per in suggest(body, segment(body)) for a in per
    ]


PSEUDO_CLEFTS = [
    (
        "Grassley said the scheme amounted to what the senators said was gerrymandering.",
        ["Grassley", "the senators"],
    ),
    ("That was what the mayor said when she resigned.", ["the mayor"]),
    ("What the inspectors said is that the wall was unsafe.", ["the inspectors"]),
    # naming or a topic is not a report
    ("The senator condemned what he called a reckless gamble.", ["The senator"]),
    ("The senator condemned what he said in the debate.", ["The senator"]),
]


@pytest.mark.parametrize(("body", "expected"), PSEUDO_CLEFTS)
def test_a_verb_of_saying_in_a_pseudo_cleft_reports(body, expected):
    assert mentions(body) == expected


def cues(body: str) -> list[tuple[str, str]]:
    return [
        (body[a.source_start : a.source_end], a.cue)
        for per in suggest(body, segment(body))
        for a in per
    ]


GOING_ON = [
    ("Ham went on to explain how the cuts had tied his hands.", [("Ham", "went on to explain")]),
    ("She has gone on to argue that the cuts were deep.", [("She", "has gone on to argue")]),
    ("“It is over,” he went on.", [("he", "went on")]),
    ("The talks went on for hours.", []),
]


@pytest.mark.parametrize(("body", "expected"), GOING_ON)
def test_going_on_to_say_is_one_cue_of_its_subject(body, expected):
    assert cues(body) == expected


OPENING_PARTICIPLES = [
    (
        "Bemoaning the “rigged system,” Dunmore accused the moderator of bias.",
        [("Dunmore", "accused")],
    ),
    ("Pointing to the data, Smith argued the plan had failed.", [("Smith", "argued")]),
]


@pytest.mark.parametrize(("body", "expected"), OPENING_PARTICIPLES)
def test_a_participle_opening_the_sentence_does_not_swallow_the_main_verb(body, expected):
    assert cues(body) == expected


QUANTIFIED_GROUPS = [
    (
        "A number of tax experts said the plan would raise revenue.",
        [("A number of tax experts", "anonymous")],
    ),
    (
        "A handful of residents told the council the road was unsafe.",
        [("A handful of residents", "anonymous")],
    ),
    ("Dozens of workers said they had not been paid.", [("Dozens of workers", "anonymous")]),
    (
        "Her concerns were echoed by a number of lawmakers.",
        [("a number of lawmakers", "anonymous")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), QUANTIFIED_GROUPS)
def test_a_quantified_group_is_one_mention_of_the_people_counted(body, expected):
    found = [
        (body[a.source_start : a.source_end], a.source_kind)
        for per in suggest(body, segment(body))
        for a in per
    ]
    assert found == expected


SECOND_VERBS = [
    (
        "Once, when my mother mentioned the devil to me, I laughed and said I did not care.",
        [("my mother", "mentioned", None), ("I", "said", None)],
    ),
    (
        "The mayor paused and added that the bridge would reopen.",
        [("The mayor", "added", None)],
    ),
    (
        "The ministry issued a statement and said the plant was safe.",
        [("The ministry", "said", None)],
    ),
    # "and" ends no noun phrase: the second verb is the mayor's again, so one suggestion
    (
        "The mayor said she would order a full review of the bus contracts and warned against "
        "any strike.",
        [("The mayor", "said", None)],
    ),
]


@pytest.mark.parametrize(("body", "expected"), SECOND_VERBS)
def test_a_second_verb_after_and_belongs_to_the_subject_of_the_first(body, expected):
    found = [
        (body[a.source_start : a.source_end], a.cue, a.via)
        for per in suggest(body, segment(body))
        for a in per
    ]
    assert found == expected


RELATIVES = [
    ("They hired an architect who said the design was flawed.", [("who", "said")]),
    ("The architect, who said he was never paid, sued the developer.", [("who", "said")]),
    (
        "Dunmore refused to pay an architect who said he was owed money, saying the work was poor.",
        [("who", "said"), ("Dunmore", "saying")],
    ),
    ("The report — which found that rents rose — was shelved.", [("which", "found")]),
    # inside another source's words a relative only tells who someone is
    (
        "The regulator said it had concerns about users who said they were under 18.",
        [("The regulator", "said")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), RELATIVES)
def test_who_makes_its_antecedent_a_speaker(body, expected):
    assert cues(body) == expected


FRONTED_CLAUSES = [
    (
        "As Clinton talked about unity, Dunmore highlighted his message that order came first.",
        [("Clinton", "talked about", None), ("Dunmore", "highlighted", None)],
    ),
    (
        "When the mayor said the bridge was safe, residents argued it was not.",
        [("the mayor", "said", None), ("residents", "argued", None)],
    ),
    # a trailing frame still relays what comes before it
    (
        "Rubio said the plan was dead, the diplomats said.",
        [("the diplomats", "said", None), ("Rubio", "said", "the diplomats")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), FRONTED_CLAUSES)
def test_a_fronted_clause_neither_reports_nor_is_relayed_by_the_main_clause(body, expected):
    found = [
        (body[a.source_start : a.source_end], a.cue, a.via)
        for per in suggest(body, segment(body))
        for a in per
    ]
    assert found == expected


COMMENT_CLAUSES = [
    (
        "The rule requires a “lawful source of income,” as a Home Office memo put it.",
        [("a Home Office memo", "put it", None)],
    ),
    (
        "Officials said the road was closed, as the mayor noted.",
        [("Officials", "said", None), ("the mayor", "noted", None)],
    ),
]


@pytest.mark.parametrize(("body", "expected"), COMMENT_CLAUSES)
def test_an_as_clause_after_the_content_is_a_source_of_its_own(body, expected):
    found = [
        (body[a.source_start : a.source_end], a.cue, a.via)
        for per in suggest(body, segment(body))
        for a in per
    ]
    assert found == expected


FIGURES = [
    ("The Tax Foundation puts the figure at $498 billion.", [("The Tax Foundation", "puts")]),
    ("Local officials put the death toll at 42.", [("Local officials", "put")]),
    ("The union put the blame on the board.", []),
]


@pytest.mark.parametrize(("body", "expected"), FIGURES)
def test_putting_a_figure_at_an_amount_is_an_estimate(body, expected):
    assert cues(body) == expected


CALLING = [
    ("His surrogates called him “a genius” for his tax strategy.", [("His surrogates", "called")]),
    ("Critics called the plan a disgrace.", [("Critics", "called")]),
    ("The union called a strike for Monday.", []),
]


@pytest.mark.parametrize(("body", "expected"), CALLING)
def test_calling_someone_something_is_saying_it(body, expected):
    assert cues(body) == expected


SPEECH_AND_THOUGHT = [
    (
        "The newspaper has also detailed spending by the foundation.",
        [("The newspaper", "has also detailed")],
    ),
    ("The ad then references a 2006 interview with the senator.", [("The ad", "then references")]),
    (
        "The nominee has repeatedly wondered whether the moderators will be fair.",
        [("The nominee", "has repeatedly wondered")],
    ),
    ("The governor underscored that the budget was balanced.", [("The governor", "underscored")]),
    ("Opposition lawmakers rip the budget as a giveaway.", [("Opposition lawmakers", "rip")]),
    ("Hartley laid out her plan for child care on Monday.", [("Hartley", "laid out")]),
    ("The dog lay on the mat while the minister spoke.", []),
]


@pytest.mark.parametrize(("body", "expected"), SPEECH_AND_THOUGHT)
def test_detailing_referencing_and_wondering_are_cues(body, expected):
    assert cues(body) == expected


NOUN_READINGS = [
    # a cue form that modifies the title or institution after it is part of the name
    (
        "“We are ready,” Harbor County press secretary Lena Voss said at a briefing on Monday.",
        [("Harbor County press secretary Lena Voss", "said")],
    ),
    (
        "The campaign press secretary, Jo Marsh, said the rally would go ahead.",
        [
            ("The campaign press secretary, Jo Marsh", "said"),
        ],
    ),
    ("Her lawyers will urge a Harlow appeals court to overturn the ruling.", []),
    # after a preposition, before an auxiliary or counted, the form is a noun
    ("Acts of protest, the bishop said, are acts of conscience.", [("the bishop", "said")]),
    ("Pay worries have haunted the union for a decade.", []),
    ("The index rose by 0.4 percentage points to 3.1 percent in May.", []),
    # "went on to" a verb that reports nothing is no cue
    ("Moreno went on to win the seat by a wide margin.", []),
    ("Moreno went on to say the count was flawed.", [("Moreno", "went on to say")]),
    # a headline label is no speaker, a role before a colon is
    ("The Roundup: Storms close the coast road.", []),
    ("The Mayor: We will not close the library.", [("The Mayor", ":")]),
]


@pytest.mark.parametrize(("body", "expected"), NOUN_READINGS)
def test_a_cue_form_that_reads_as_a_noun_is_no_cue(body, expected):
    assert cues(body) == expected


PHRASAL_CUES = [
    # "make clear" reports; "show up" and "find ways" report nothing
    (
        "The senator made it clear that she would not back the bill.",
        [("The senator", "made it clear")],
    ),
    ("The senator made clear she would not back the bill.", [("The senator", "made clear")]),
    ("The union made a new offer.", []),
    ("Hartley showed up late to the rally in Elmford.", []),
    ("Many families have found ways to cut their heating bills.", []),
    ("The study found that rents rose.", [("The study", "found")]),
    # charging is alleging
    ("The senator charges that the contract was rigged.", [("The senator", "charges")]),
    # a counted noun is no document verb
    (
        "The index, an average of polls in 11 swing states, shows Marsh ahead.",
        [("The index, an average of polls in 11 swing states", "shows")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), PHRASAL_CUES)
def test_a_particle_or_object_decides_whether_the_verb_reports(body, expected):
    assert cues(body) == expected


APPOSITIVE_NAMES = [
    # a name in apposition makes the phrase before it a source whatever its head, and the
    # people a source told are never the source
    (
        "Quince’s running mate, Tom Kell, told supporters in Akron that the race was close.",
        [("Quince’s running mate, Tom Kell", "told")],
    ),
    (
        "Her longtime confidant, Ada Roe, said the race was close.",
        [("Her longtime confidant, Ada Roe", "said")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), APPOSITIVE_NAMES)
def test_a_name_in_apposition_is_the_speaker(body, expected):
    assert cues(body) == expected


POLLS_AND_TITLES = [
    # a document named by outlets joined with a slash, or released on a day, is one mention
    ("A Gazette/Channel 4 poll shows Marsh ahead.", [("A Gazette/Channel 4 poll", "shows")]),
    (
        "A Gazette poll released Sunday shows Marsh ahead.",
        [("A Gazette poll released Sunday", "shows")],
    ),
    # a title between an institution's name and a person's keeps the three together
    (
        "Clinton spokesman Brian Fell said the emails were released.",
        [("Clinton spokesman Brian Fell", "said")],
    ),
    ("After the Geneva talks Ukraine said it would wait.", [("Ukraine", "said")]),
]


@pytest.mark.parametrize(("body", "expected"), POLLS_AND_TITLES)
def test_names_joined_by_a_slash_or_a_title_are_one_mention(body, expected):
    assert cues(body) == expected


WITH_CLAUSES = [
    # a participle after "with" and a noun phrase is that phrase's
    ("Marsh left early, with aides saying he was tired.", [("aides", "saying")]),
    ("The vote passed, with 40 senators voting yes.", []),
    ("She met with aides saying nothing.", []),
]


@pytest.mark.parametrize(("body", "expected"), WITH_CLAUSES)
def test_a_with_clause_gives_its_participle_a_subject(body, expected):
    assert cues(body) == expected


RULES_AND_ACTS = [
    # a rule a law sets and a contribution are no reports
    ("State law requires a licence for charities that raise more than $25,000.", []),
    ("Most donors who pitch in $200 or less live in the county.", []),
    ("The register lists no gifts.", [("The register", "lists")]),
]


@pytest.mark.parametrize(("body", "expected"), RULES_AND_ACTS)
def test_a_rule_or_a_contribution_is_no_report(body, expected):
    assert cues(body) == expected


WHOLE_MENTIONS = [
    # a capitalised modal is a name ("Theresa May"), particles stay inside a name
    (
        "British Prime Minister Theresa May said the talks would resume.",
        [("British Prime Minister Theresa May", "said")],
    ),
    ("Will Doyle said the talks would resume.", [("Will Doyle", "said")]),
    ("Mayor Bill de Blasio said the talks would resume.", [("Mayor Bill de Blasio", "said")]),
    ("Jan van der Berg said the talks would resume.", [("Jan van der Berg", "said")]),
    # where someone is from is part of their mention, not the source
    (
        "Ana Kell, 59, of Ashton, Md., said the talks would resume.",
        [("Ana Kell, 59, of Ashton, Md.", "said")],
    ),
    (
        "Ana Kell, of Ashton, Md., said the talks would resume.",
        [("Ana Kell, of Ashton, Md.", "said")],
    ),
    # coordinated groups are one mention
    (
        "Federal and state officials said the talks would resume.",
        [("Federal and state officials", "said")],
    ),
    (
        "Companies and individuals complain that taxes are too high.",
        [("Companies and individuals", "complain")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), WHOLE_MENTIONS)
def test_a_mention_spans_the_whole_name_or_group(body, expected):
    assert cues(body) == expected


COUNTED_AND_DESCRIBED = [
    # a counted group keeps its count, whatever modifies the people counted
    (
        "A number of other members of Congress said the talks would resume.",
        [("A number of other members of Congress", "said")],
    ),
    (
        "A chorus of prominent Republicans has said the same thing.",
        [("A chorus of prominent Republicans", "has said")],
    ),
    # a relative clause inside a speaker's mention describes that speaker: one suggestion
    (
        "“It is over,” said Ana Kell, a lawyer who has advised the union for years.",
        [("Ana Kell, a lawyer who has advised the union for years", "said")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), COUNTED_AND_DESCRIBED)
def test_counted_and_described_speakers_are_one_mention(body, expected):
    assert cues(body) == expected


RECORDED_SPEAKERS = [
    # the person a recording shows speaking is the source, not the recording
    (
        "The spot ends with footage of Marsh saying the tax would never rise.",
        [("Marsh", "saying")],
    ),
    ("The ad features a clip of Marsh saying the tax would never rise.", [("Marsh", "saying")]),
    ("They sent a letter to leaders of Congress opposing the bill.", []),
]


@pytest.mark.parametrize(("body", "expected"), RECORDED_SPEAKERS)
def test_the_person_a_recording_shows_speaking_is_the_source(body, expected):
    assert cues(body) == expected


DOCUMENT_HEADS = [
    # a report noun before the verb it is the subject of is no cue of its own
    (
        "A Harlow Audit Office report released last year found that the program lost money.",
        [("A Harlow Audit Office report released last year", "found")],
    ),
    (
        "A Harlow Audit Office report found that the program lost money.",
        [("A Harlow Audit Office report", "found")],
    ),
    ("Stores report increased sales.", [("Stores", "report")]),
    # names joined by a slash after "according to" are one mention
    ("According to a Gazette/Herald poll, Marsh led.", [("a Gazette/Herald poll", "According to")]),
]


@pytest.mark.parametrize(("body", "expected"), DOCUMENT_HEADS)
def test_a_document_noun_heads_its_mention(body, expected):
    assert cues(body) == expected


CONNECTIVES_AND_OBJECTS = [
    # "all told" is a connective; a noun form a preposition governs is no cue
    ("All told, 40 people died.", []),
    ("A judge may not act because of the union's repeated claims, and the case stalls.", []),
    ("Marsh claims the plan is dead.", [("Marsh", "claims")]),
]


@pytest.mark.parametrize(("body", "expected"), CONNECTIVES_AND_OBJECTS)
def test_a_connective_or_a_governed_noun_is_no_cue(body, expected):
    assert cues(body) == expected


MORE_VERBS_OF_SAYING = [
    ("Marsh repeated that the count was rigged.", [("Marsh", "repeated")]),
    ("The inspectors certified that the bridge was safe.", [("The inspectors", "certified")]),
    ("Quince gushed that the rally was the best yet.", [("Quince", "gushed")]),
    ("Marsh fired back that the claims were false.", [("Marsh", "fired back")]),
    ("Aides chimed in that the plan was dead.", [("Aides", "chimed in")]),
    ("The memo spells out how the cuts would work.", [("The memo", "spells out")]),
    # without their particle these verbs report nothing
    ("Marsh hit the ball.", []),
    ("Police shot a man.", []),
    # "maintain" keeps rather than says too often to be a cue
    ("The grant will help Marsh maintain the roads.", []),
]


@pytest.mark.parametrize(("body", "expected"), MORE_VERBS_OF_SAYING)
def test_more_verbs_of_saying(body, expected):
    assert cues(body) == expected


def test_people_close_to_a_named_person_are_not_that_person():
    body = "The plan is dead, sources close to Marsh said."
    found = [
        (body[a.source_start : a.source_end], a.source_kind)
        for per in suggest(body, segment(body))
        for a in per
    ]
    assert found == [("sources close to Marsh", "anonymous")]


SERVING_ROLES = [
    # "an aide to Marsh" is an unnamed aide, not Marsh
    ("An aide to Marsh said the plan was dead.", [("An aide to Marsh", "anonymous")]),
    ("Aides to Marsh said the plan was dead.", [("Aides to Marsh", "anonymous")]),
    ("“It is dead,” said an aide to Marsh.", [("an aide to Marsh", "anonymous")]),
    ("Marsh sent aides to Ohio, officials said.", [("officials", "anonymous")]),
]


@pytest.mark.parametrize(("body", "expected"), SERVING_ROLES)
def test_a_role_serving_a_named_person_is_not_that_person(body, expected):
    found = [
        (body[a.source_start : a.source_end], a.source_kind)
        for per in suggest(body, segment(body))
        for a in per
    ]
    assert found == expected
