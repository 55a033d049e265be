"""Editing an article's metadata in the admin goes through the workflow: a signed-off article
whose headline changes is reopened with a transition, as a push with new metadata would."""

from __future__ import annotations

import pytest
from django.urls import reverse

from annotations.models import ArticleStatus, Transition, TransitionAction
from annotations.services import workflow
from tests.factories import UserFactory, approved_through_services, article_admin_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(db):
    return UserFactory(username="admin", role="administrator")


def test_a_new_headline_in_the_admin_reopens_a_signed_off_article(
    client, administrator, editor, reviewer, article
):
    article = approved_through_services(article, editor, reviewer)
    workflow.sign_off(article=article, user=reviewer)
    client.force_login(administrator)

    response = client.post(
        reverse("admin:annotations_article_change", args=[article.pk]),
        article_admin_form(article, headline="A corrected headline"),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.headline == "A corrected headline"
    assert article.status == ArticleStatus.IN_REVIEW  # every claim still approved
    revise = Transition.objects.filter(article=article, action=TransitionAction.REVISE).get()
    assert revise.actor == administrator
    assert "headline" in revise.comment and "admin" in revise.comment


def test_saving_the_admin_form_unchanged_leaves_a_signed_off_article_signed_off(
    client, administrator, editor, reviewer, article
):
    article = approved_through_services(article, editor, reviewer)
    workflow.sign_off(article=article, user=reviewer)
    client.force_login(administrator)

    client.post(
        reverse("admin:annotations_article_change", args=[article.pk]), article_admin_form(article)
    )

    article.refresh_from_db()
    assert article.status == ArticleStatus.SIGNED_OFF
    assert not Transition.objects.filter(article=article, action=TransitionAction.REVISE).exists()


def test_edit_metadata_refuses_fields_that_are_not_metadata(administrator, article):
    with pytest.raises(workflow.WorkflowError, match="not body"):
        workflow.edit_metadata(article=article, user=administrator, values={"body": "x"})
    article.refresh_from_db()
    assert article.body != "x"


def test_edit_metadata_needs_the_permission_to_change_articles(reviewer, article):
    with pytest.raises(workflow.NotAllowed):
        workflow.edit_metadata(article=article, user=reviewer, values={"headline": "Mine"})
    article.refresh_from_db()
    assert article.headline != "Mine"
