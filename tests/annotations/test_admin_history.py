"""The admin's history pages are read-only: a past version is shown, never reverted."""

from __future__ import annotations

import pytest
from django.urls import reverse

from annotations.models import (
    Annotation,
    AnnotationStatus,
    Article,
    ArticleStatus,
    Sentence,
    Transition,
)
from annotations.services import workflow
from tests.factories import (
    UserFactory,
    annotation_admin_form,
    article_admin_form,
    suggestions_resolved,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(db):
    return UserFactory(username="admin", role="administrator")


def sign_off_then_reopen_one_sentence(article: Article, editor, reviewer) -> Annotation:
    """The attack's set-up: every claim approved, the article signed off, reopened, and one
    sentence reopened. Returns the reopened sentence's annotation."""
    suggestions_resolved(article, editor)  # sign-off needs them resolved
    annotations = list(
        Annotation.objects.filter(sentence__article=article).order_by("sentence__index")
    )
    for annotation in annotations:
        workflow.submit(annotation=annotation, user=editor)
        workflow.approve(annotation=annotation, reviewer=reviewer)
    workflow.sign_off(article=article, user=reviewer)
    workflow.reopen_article(article=article, user=reviewer)
    return workflow.reopen_annotation(annotation=annotations[0], user=reviewer)


def test_reverting_an_article_to_its_signed_off_record_is_refused(
    client, administrator, editor, reviewer, article
):
    reopened = sign_off_then_reopen_one_sentence(article, editor, reviewer)
    signed_off = article.history.filter(status=ArticleStatus.SIGNED_OFF).latest("history_date")
    transitions = Transition.objects.count()
    client.force_login(administrator)
    url = reverse(
        "admin:annotations_article_simple_history", args=[article.pk, signed_off.history_id]
    )

    response = client.post(url, article_admin_form(article))

    # Refused, and nothing written: the article stays in annotation with its draft claim.
    assert response.status_code == 403
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.IN_ANNOTATION
    assert Annotation.objects.get(pk=reopened.pk).status == AnnotationStatus.DRAFT
    assert Transition.objects.count() == transitions


def test_reverting_an_annotation_to_its_approved_record_is_refused(
    client, administrator, editor, reviewer, article
):
    reopened = sign_off_then_reopen_one_sentence(article, editor, reviewer)
    approved = reopened.history.filter(status=AnnotationStatus.APPROVED).latest("history_date")
    client.force_login(administrator)
    url = reverse(
        "admin:annotations_annotation_simple_history", args=[reopened.pk, approved.history_id]
    )

    response = client.post(
        url, annotation_admin_form(reopened, confidence=approved.confidence, note=approved.note)
    )

    assert response.status_code == 403
    assert Annotation.objects.get(pk=reopened.pk).status == AnnotationStatus.DRAFT


def test_reverting_a_sentence_to_a_past_record_is_refused(client, administrator, article):
    sentence = Sentence.objects.filter(article=article).order_by("index")[0]
    record = sentence.history.latest("history_date")
    client.force_login(administrator)
    url = reverse(
        "admin:annotations_sentence_simple_history", args=[sentence.pk, record.history_id]
    )

    response = client.post(url, {})

    assert response.status_code == 403
    assert sentence.history.count() == 1


def test_history_list_and_records_stay_viewable_without_a_revert_button(
    client, administrator, editor, reviewer, article
):
    sign_off_then_reopen_one_sentence(article, editor, reviewer)
    signed_off = article.history.filter(status=ArticleStatus.SIGNED_OFF).latest("history_date")
    client.force_login(administrator)

    listing = client.get(reverse("admin:annotations_article_history", args=[article.pk]))
    record = client.get(
        reverse(
            "admin:annotations_article_simple_history", args=[article.pk, signed_off.history_id]
        )
    )

    assert listing.status_code == 200 and record.status_code == 200
    assert "Revert" not in record.text
