"""An upsert follows the workflow: new metadata of a signed-off article needs a new sign-off,
and a worked-on draft does not become a reference article."""

from __future__ import annotations

import pytest

from annotations.models import (
    Annotation,
    Article,
    ArticleStatus,
    Transition,
    WebhookDelivery,
    WebhookEndpoint,
)
from annotations.services import workflow
from tests.factories import (
    STORY_BODY,
    approved_through_services,
    claims_of,
    make_article,
    submitted_through_services,
)

pytestmark = pytest.mark.django_db


URL = "/api/v1/articles/"


def payload(**fields):
    return {"external_id": "story-1", "headline": "Headline story-1", "body": STORY_BODY, **fields}


@pytest.fixture
def signed_off(editor, reviewer) -> Article:
    WebhookEndpoint.objects.create(name="CMS", url="http://cms.example/hook", secret="s")
    article = approved_through_services(make_article(), editor, reviewer)
    return workflow.sign_off(article=article, user=reviewer)


@pytest.mark.parametrize(
    "change",
    [
        {"headline": "Talks collapse"},
        {"url": "https://news.example/other"},
        {"outlet": "Another Post"},
        {"byline": "Someone Else"},
        {"published_at": "2025-11-27T10:00:00Z"},
    ],
)
def test_upsert_with_new_metadata_of_a_signed_off_article_needs_a_new_sign_off(
    as_publisher, signed_off, change
):
    response = as_publisher.post(URL, payload(**change), format="json")

    # Saved, and no longer signed off: the sentences keep their approvals.
    assert response.status_code == 200 and response.json()["action"] == "updated"
    article = Article.objects.get(pk=signed_off.pk)
    assert article.status != ArticleStatus.SIGNED_OFF
    assert set(
        Annotation.objects.filter(sentence__article=article).values_list("status", flat=True)
    ) == {"approved"}
    # Through the workflow: a transition from signed_off, and the reopened webhook.
    assert Transition.objects.filter(
        article=article, annotation=None, from_status="signed_off", action="revise"
    ).exists()
    assert WebhookDelivery.objects.filter(event="article.reopened").count() == 1


def test_upsert_with_the_same_metadata_keeps_a_signed_off_article_signed_off(
    as_publisher, signed_off
):
    response = as_publisher.post(URL, payload(), format="json")

    assert response.json()["action"] == "unchanged"
    assert Article.objects.get(pk=signed_off.pk).status == ArticleStatus.SIGNED_OFF


def test_upsert_turning_a_signed_off_draft_into_a_reference_is_refused(as_publisher, signed_off):
    response = as_publisher.post(URL, payload(role="reference"), format="json")

    assert response.status_code == 400
    assert "signed off" in response.json()["detail"]
    article = Article.objects.get(pk=signed_off.pk)
    assert (article.role, article.status) == ("draft", ArticleStatus.SIGNED_OFF)


def test_upsert_turning_a_submitted_draft_into_a_reference_is_refused_and_writes_nothing(
    as_publisher, editor
):
    article = make_article()
    submitted_through_services(claims_of(article)[0], editor)

    response = as_publisher.post(
        URL, payload(role="reference", headline="Other headline"), format="json"
    )

    assert response.status_code == 400
    assert "submitted or reviewed" in response.json()["detail"]
    article.refresh_from_db()
    assert (article.role, article.headline) == ("draft", "Headline story-1")


def test_upsert_turning_an_untouched_draft_into_a_reference_is_allowed(as_publisher):
    article = make_article()

    response = as_publisher.post(URL, payload(role="reference"), format="json")

    assert response.status_code == 200
    assert Article.objects.get(pk=article.pk).role == "reference"


def test_upsert_with_new_metadata_and_a_boilerplate_edit_needs_a_new_sign_off(
    as_publisher, signed_off
):
    body = STORY_BODY.replace("Follow our coverage", "Follow all our coverage")

    response = as_publisher.post(URL, payload(body=body, headline="New"), format="json")

    assert response.json()["action"] == "revised"
    assert Article.objects.get(pk=signed_off.pk).status != ArticleStatus.SIGNED_OFF
