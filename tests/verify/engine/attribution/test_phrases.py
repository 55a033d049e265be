"""Source mentions are the whole noun phrase, post-modifiers included (issue 12, item 1)."""

from __future__ import annotations

from verify.engine.attribution import suggest
from verify.engine.segmentation import segment


def mentions(body: str) -> list[str]:
    return [
        body[a.source_start : a.source_end] for per in suggest(body, segment(body)) for a in per
    ]


def test_a_participle_post_modifier_stays_in_the_mention():
    body = "A negotiator involved in the talks said the deal was close."
    assert mentions(body) == ["A negotiator involved in the talks"]


def test_a_post_modifier_before_an_aside_stays_in_the_mention():
    body = (
        "An engineer briefed on the inspection, speaking on condition of anonymity, said it failed."
    )
    assert mentions(body) == ["An engineer briefed on the inspection"]


def test_people_on_the_scene_keep_their_place():
    body = "Paramedics on the scene said two people were hurt."
    assert mentions(body) == ["Paramedics on the scene"]


def test_a_number_of_them_is_the_source_not_them():
    body = "Three of them said the ferry had left early."
    assert mentions(body) == ["Three of them"]


def test_an_appositive_from_a_firm_belongs_to_the_mention():
    body = "The family's lawyers, from the firm Hale & Moss, said they would appeal the ruling."
    assert mentions(body) == ["The family's lawyers, from the firm Hale & Moss"]


def test_a_document_with_its_publication_aside_is_the_source():
    body = "A study by the institute, published in March, found that rents rose by a fifth."
    assert mentions(body) == ["A study by the institute"]


def test_a_document_described_by_its_author_is_one_mention():
    body = "An editorial in the journal, written by three surgeons, warned that waits were growing."
    assert mentions(body) == ["An editorial in the journal"]


def test_a_group_named_before_its_members_is_the_source():
    body = (
        "The bloc's three newest members, Estonia, Latvia and Lithuania, said the vote was unfair."
    )
    assert mentions(body) == ["The bloc's three newest members, Estonia, Latvia and Lithuania"]


def test_a_single_appositive_name_is_not_a_list():
    body = "Its neighbour, Estonia, said the vote was unfair."
    assert mentions(body) == ["Its neighbour, Estonia"]


def test_a_title_of_several_words_stays_whole_before_a_name():
    body = "Chief financial officer Tom Hale said margins would recover."
    assert mentions(body) == ["Chief financial officer Tom Hale"]


def test_people_with_knowledge_of_something_are_one_mention():
    body = "A person with knowledge of the plans said the sale could close in June."
    assert mentions(body) == ["A person with knowledge of the plans"]


def test_a_document_keeps_its_author_and_its_topic_in_the_mention():
    body = (
        "A report by the Federal Roads Institute last year put the number at 5,000. "
        "Draft rules on rented housing, published in May, say that deposits must be capped."
    )
    assert mentions(body) == [
        "A report by the Federal Roads Institute",
        "Draft rules on rented housing",
    ]


def test_on_with_a_day_after_a_document_is_a_time_not_a_topic():
    body = "The report on Monday said prices rose."
    assert mentions(body) == ["The report"]


def test_plural_institutions_are_sources():
    body = "Aid agencies warned of a cholera outbreak."
    assert mentions(body) == ["Aid agencies"]


def test_a_rescue_service_is_a_source():
    body = "The coast guard said three fishermen were rescued."
    assert mentions(body) == ["The coast guard"]
