from __future__ import annotations

import pytest

from annotations.models import Article, Transition
from annotations.services import workflow
from tests.factories import (
    ApprovedAnnotationFactory,
    ArticleFactory,
    SubmittedAnnotationFactory,
    annotation_of,
    claims_of,
    make_article,
)

pytestmark = pytest.mark.django_db


def url(sentence, action):
    return f"/api/v1/sentences/{sentence.pk}/annotation/{action}/"


@pytest.fixture
def sentence(db):
    """A draft claim of a three-claim draft article."""
    return claims_of(ArticleFactory())[0]


# --- sentences -----------------------------------------------------------------------------


def test_editor_submits_a_draft_with_its_version(as_editor, sentence):
    response = as_editor.post(url(sentence, "submit"), {"version": 1}, format="json")
    assert response.status_code == 200 and response.json()["status"] == "submitted"
    assert as_editor.post(url(sentence, "submit"), {}, format="json").status_code == 400


def test_submitting_twice_is_a_workflow_error(as_editor, sentence):
    as_editor.post(url(sentence, "submit"), {"version": 1}, format="json")
    response = as_editor.post(url(sentence, "submit"), {"version": 2}, format="json")
    assert response.status_code == 400 and response.json()["code"] == "workflow_error"


def test_reviewer_approves_a_submitted_sentence(as_reviewer, editor):
    note = SubmittedAnnotationFactory(annotator=editor)
    sentence = note.sentence
    response = as_reviewer.post(url(sentence, "approve"), {"version": note.version})
    assert response.status_code == 200
    assert response.json()["status"] == "approved" and response.json()["reviewer"] == "reviewer"


def test_approving_with_a_stale_version_is_409(as_reviewer, editor):
    note = SubmittedAnnotationFactory(annotator=editor)
    sentence = note.sentence
    response = as_reviewer.post(url(sentence, "approve"), {"version": note.version - 1})
    assert response.status_code == 409 and response.json()["current"]["status"] == "submitted"
    assert annotation_of(sentence).status == "submitted"


def test_nobody_approves_their_own_annotation(client_for, administrator):
    note = SubmittedAnnotationFactory(annotator=administrator)
    sentence = note.sentence
    response = client_for(administrator).post(url(sentence, "approve"), {"version": note.version})
    assert response.status_code == 403
    assert annotation_of(sentence).status == "submitted"


def test_request_changes_needs_a_comment(as_reviewer, editor):
    sentence = SubmittedAnnotationFactory(annotator=editor).sentence
    missing = as_reviewer.post(url(sentence, "request-changes"), {}, format="json")
    blank = as_reviewer.post(url(sentence, "request-changes"), {"comment": "  "}, format="json")
    assert missing.status_code == 400 and "comment" in missing.json()["fields"]
    assert blank.status_code == 400
    assert annotation_of(sentence).status == "submitted"


def test_request_changes_with_a_comment_sends_it_back(as_reviewer, editor):
    sentence = SubmittedAnnotationFactory(annotator=editor).sentence
    response = as_reviewer.post(
        url(sentence, "request-changes"), {"comment": "Name the source."}, format="json"
    )
    assert response.status_code == 200 and response.json()["status"] == "changes_requested"
    assert sentence.comments.get().body == "Name the source."


def test_an_approved_sentence_is_not_editable_until_reopened(as_editor, editor, reviewer):
    note = ApprovedAnnotationFactory(annotator=editor, reviewer=reviewer)
    sentence = note.sentence
    change = {"version": note.version, "note": "edit"}
    refused = as_editor.patch(f"/api/v1/sentences/{sentence.pk}/annotation/", change)
    reopened = as_editor.post(url(sentence, "reopen"), {}, format="json")
    change["version"] = reopened.json()["version"]
    accepted = as_editor.patch(f"/api/v1/sentences/{sentence.pk}/annotation/", change)
    assert refused.status_code == 400 and "reopen it" in refused.json()["detail"]
    assert reopened.status_code == 200 and accepted.status_code == 200


def test_reopening_a_sentence_that_is_not_approved_is_400(as_editor, sentence):
    response = as_editor.post(url(sentence, "reopen"))
    assert response.status_code == 400 and "Only an approved" in response.json()["detail"]


def test_transition_bodies_refuse_unknown_fields(as_editor, sentence):
    response = as_editor.post(url(sentence, "reopen"), {"force": True}, format="json")
    assert response.status_code == 400 and "force" in response.json()["fields"]


# --- articles ------------------------------------------------------------------------------


def sign_off_url(article):
    return f"/api/v1/articles/{article.pk}/sign-off/"


def test_reviewer_signs_off_an_article_whose_claims_are_all_approved(
    as_reviewer, editor, second_reviewer
):
    article = ArticleFactory(states="approved", annotator=editor, reviewer=second_reviewer)
    response = as_reviewer.post(sign_off_url(article))
    assert response.status_code == 200
    assert response.json()["sign_off"]["signed_off_by"] == "reviewer"
    assert Article.objects.get(pk=article.pk).status == "signed_off"


def test_sign_off_needs_every_claim_approved(as_reviewer, editor, reviewer):
    article = ArticleFactory(
        states=("approved", "draft", "draft"), annotator=editor, reviewer=reviewer
    )
    response = as_reviewer.post(sign_off_url(article))
    assert response.status_code == 400 and "2 claim sentence(s)" in response.json()["detail"]
    assert Article.objects.get(pk=article.pk).status == "in_annotation"


def test_editor_cannot_sign_off(as_editor, second_editor, reviewer):
    article = ArticleFactory(states="approved", annotator=second_editor, reviewer=reviewer)
    assert as_editor.post(sign_off_url(article)).status_code == 403
    assert Article.objects.get(pk=article.pk).status == "in_review"


def test_reference_articles_cannot_be_signed_off(as_reviewer):
    wire = make_article("wire", role="reference")
    assert as_reviewer.post(sign_off_url(wire)).status_code == 404


def test_reviewer_reopens_a_signed_off_article_with_a_comment(as_reviewer, editor, reviewer):
    article = ArticleFactory(states="approved", annotator=editor, reviewer=reviewer)
    workflow.sign_off(article=article, user=reviewer)
    response = as_reviewer.post(
        f"/api/v1/articles/{article.pk}/reopen/", {"comment": "Correction."}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["sign_off"]["reopened_by"] == "reviewer"
    assert response.json()["sign_off"]["reopen_comment"] == "Correction."
    assert Transition.objects.filter(article=article, action="reopen").count() == 1


def test_reopening_an_article_that_is_not_signed_off_is_400(as_reviewer, article):
    response = as_reviewer.post(f"/api/v1/articles/{article.pk}/reopen/")
    assert response.status_code == 400
    assert response.json()["detail"] == workflow.ERR_NOT_SIGNED


def test_a_signed_off_article_refuses_edits_and_reviews(as_editor, as_reviewer, editor, reviewer):
    article = ArticleFactory(states="approved", annotator=editor, reviewer=reviewer)
    workflow.sign_off(article=article, user=reviewer)
    sentence = claims_of(article)[0]
    version = annotation_of(sentence).version
    change = {"version": version, "note": "late edit"}
    edit = as_editor.patch(f"/api/v1/sentences/{sentence.pk}/annotation/", change)
    reopen = as_reviewer.post(url(sentence, "reopen"))
    assert edit.status_code == 400 and edit.json()["detail"] == workflow.ERR_SIGNED_OFF
    assert reopen.status_code == 400 and reopen.json()["detail"] == workflow.ERR_SIGNED_OFF
