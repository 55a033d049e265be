"""Sign-off checks what a standards editor checks (issue 13, item 2): no suggestion left
unresolved, every contradiction the cross-checks found acknowledged on its sentence."""

from __future__ import annotations

import pytest

from annotations.models import Annotation, ArticleStatus, Attribution, Confidence
from annotations.services import workflow
from annotations.services.workflow import SignOffBlocked
from tests.factories import (
    ArticleFactory,
    annotation_of,
    approved_through_services,
    claims_of,
    contradiction,
    make_article,
)

pytestmark = pytest.mark.django_db


def blockers_of(article) -> list[tuple[int, str]]:
    return [(b.number, b.reason) for b in workflow.sign_off_blockers(article)]


def test_unresolved_suggestions_block_sign_off(editor, reviewer):
    # Every claim approved, its suggested attributions never accepted nor removed.
    article = approved_through_services(make_article(), editor, reviewer, resolve_suggestions=False)

    with pytest.raises(SignOffBlocked) as refused:
        workflow.sign_off(article=article, user=reviewer)

    assert refused.value.blockers
    assert all("neither accepted nor removed" in b.reason for b in refused.value.blockers)
    article.refresh_from_db()
    assert article.status == ArticleStatus.IN_REVIEW


def test_resolving_every_suggestion_lets_the_article_be_signed_off(editor, reviewer):
    article = make_article()
    for suggestion in Attribution.objects.filter(sentence__article=article, is_suggestion=True):
        note = workflow.annotation_for(suggestion.sentence)
        workflow.remove_attribution(attribution=suggestion, user=editor, version=note.version)
    approved_through_services(article, editor, reviewer)

    signed = workflow.sign_off(article=article, user=reviewer)

    assert signed.status == ArticleStatus.SIGNED_OFF


def test_an_unacknowledged_contradiction_blocks_sign_off(reviewer):
    article = ArticleFactory(states="approved")
    contradiction(claims_of(article)[1], outlet="Reuters")

    with pytest.raises(SignOffBlocked) as refused:
        workflow.sign_off(article=article, user=reviewer)

    assert [(b.number, b.sentence_id) for b in refused.value.blockers] == [
        (2, claims_of(article)[1].pk)
    ]
    assert "contradicted by the cross-checks (Reuters)" in refused.value.message


@pytest.mark.parametrize(
    "acknowledgement",
    [
        {"confidence": Confidence.DISPUTED},
        {"note": "Reuters counts reservists; our figure is the active army."},
    ],
)
def test_a_contradiction_acknowledged_on_its_sentence_no_longer_blocks(reviewer, acknowledgement):
    article = ArticleFactory(states="approved")
    claim = claims_of(article)[0]
    contradiction(claim)
    Annotation.objects.filter(sentence=claim).update(**acknowledgement)

    assert blockers_of(article) == []
    assert workflow.sign_off(article=article, user=reviewer).status == ArticleStatus.SIGNED_OFF


def test_an_echo_contradicting_a_claim_is_not_a_blocker(reviewer):
    # An echo traces to the claim's own origin: it is no independent report.
    article = ArticleFactory(states="approved")
    contradiction(claims_of(article)[0], independent=False)

    assert blockers_of(article) == []


def test_blockers_name_every_sentence_and_reason_in_reading_order(editor):
    article = ArticleFactory(states=["approved", "submitted", "draft"])
    contradiction(claims_of(article)[0], outlet="Reuters")

    assert blockers_of(article) == [
        (
            1,
            "contradicted by the cross-checks (Reuters): set the confidence to disputed, or say "
            "in the note why the claim stands",
        ),
        (2, "not approved yet (submitted)"),
        (3, "not approved yet (draft)"),
    ]
    assert annotation_of(claims_of(article)[0]).confidence == Confidence.SINGLE_SOURCE
