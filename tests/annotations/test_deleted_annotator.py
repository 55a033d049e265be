"""A submitted sentence whose annotator's account was deleted is refused review, not a 500:
nobody can show it is another person's work, so four eyes still holds."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.db.models import ProtectedError
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from annotations.models import Annotation, AnnotationStatus
from annotations.services import workflow
from tests.factories import ApprovedAnnotationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def orphaned(article) -> Annotation:
    """A submitted annotation whose annotator's account was then deleted."""
    UserFactory(username="leaver", role="editor")
    leaver = User.objects.get(username="leaver")
    annotation = Annotation.objects.filter(sentence__article=article).order_by("pk")[0]
    workflow.submit(annotation=annotation, user=leaver)
    leaver.delete()
    annotation.refresh_from_db()
    assert annotation.annotator is None
    return annotation


def test_approving_a_sentence_whose_annotator_was_deleted_is_refused(orphaned, reviewer):
    with pytest.raises(workflow.AnnotatorDeleted, match="account was deleted"):
        workflow.approve(annotation=orphaned, reviewer=reviewer)
    orphaned.refresh_from_db()
    assert (orphaned.status, orphaned.reviewer) == (AnnotationStatus.SUBMITTED, None)


def test_requesting_changes_on_a_sentence_whose_annotator_was_deleted_is_refused(
    orphaned, reviewer
):
    with pytest.raises(workflow.AnnotatorDeleted):
        workflow.request_changes(annotation=orphaned, reviewer=reviewer, comment="Redo it.")
    assert not workflow.can_approve(
        article=orphaned.sentence.article, annotation=orphaned, user=reviewer
    )


def test_an_editor_taking_the_sentence_over_lets_it_be_reviewed(orphaned, editor, reviewer):
    # A submitted sentence is withdrawn from review before it is changed (issue 13, item 4).
    taken = workflow.withdraw(annotation=orphaned, user=editor, version=orphaned.version)
    taken = workflow.update_annotation(
        annotation=taken, user=editor, version=taken.version, note="Checked again."
    )
    taken = workflow.submit(annotation=taken, user=editor)

    approved = workflow.approve(annotation=taken, reviewer=reviewer)

    assert (approved.status, approved.annotator, approved.reviewer) == (
        AnnotationStatus.APPROVED,
        editor,
        reviewer,
    )


def test_api_approval_of_a_sentence_whose_annotator_was_deleted_is_a_400(orphaned, reviewer):
    client = APIClient()
    client.force_authenticate(reviewer)
    url = f"/api/v1/sentences/{orphaned.sentence_id}/annotation/approve/"

    response = client.post(url, {"version": orphaned.version}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "annotator_deleted"
    assert "account was deleted" in response.json()["detail"]
    assert Annotation.objects.get(pk=orphaned.pk).status == AnnotationStatus.SUBMITTED


def test_desk_approval_of_a_sentence_whose_annotator_was_deleted_shows_why(orphaned, reviewer):
    client = Client()
    client.force_login(reviewer)

    response = client.post(reverse("desk:approve", args=[orphaned.pk]))

    assert response.status_code == 400
    assert "account was deleted" in response.text
    assert Annotation.objects.get(pk=orphaned.pk).status == AnnotationStatus.SUBMITTED


@pytest.mark.parametrize("who", ["annotator", "reviewer"])
def test_an_account_named_on_an_approved_sentence_cannot_be_deleted(who, editor, reviewer):
    approved = ApprovedAnnotationFactory(annotator=editor, reviewer=reviewer)
    person = editor if who == "annotator" else reviewer

    with pytest.raises(ProtectedError, match=f"Annotation.{who}"):
        person.delete()

    approved.refresh_from_db()
    assert (approved.status, approved.annotator, approved.reviewer) == (
        AnnotationStatus.APPROVED,
        editor,
        reviewer,
    )
    assert User.objects.filter(pk=person.pk).exists()


def test_the_admin_lists_the_approved_sentences_that_keep_an_account(client, editor, reviewer):
    ApprovedAnnotationFactory(annotator=editor, reviewer=reviewer)
    admin_user = UserFactory(username="root", is_superuser=True, is_staff=True)
    client.force_login(admin_user)

    url = reverse("admin:auth_user_delete", args=[editor.pk])
    page = client.get(url).text
    client.post(url, {"post": "yes"})

    assert "Cannot delete user" in page
    assert User.objects.filter(pk=editor.pk).exists()
