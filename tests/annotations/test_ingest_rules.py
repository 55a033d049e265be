"""``ingest`` follows the workflow as the API's upsert does (see tests/api/test_upsert_rules)."""

from __future__ import annotations

import pytest

from annotations.models import Article, ArticleStatus, Transition
from annotations.services import workflow
from tests.factories import (
    STORY_BODY,
    approved_through_services,
    claims_of,
    make_article,
    run_ingest,
    submitted_through_services,
)

pytestmark = pytest.mark.django_db


ingest = run_ingest


def story_file(write_file, **header: str):
    lines = "".join(f"{key}: {value}\n" for key, value in header.items())
    return write_file("story-1.txt", f"External-ID: story-1\n{lines}\n{STORY_BODY}")


@pytest.fixture
def signed_off(editor, reviewer) -> Article:
    article = approved_through_services(make_article(), editor, reviewer)
    return workflow.sign_off(article=article, user=reviewer)


def test_ingest_of_a_new_headline_for_a_signed_off_article_needs_a_new_sign_off(
    write_file, signed_off
):
    code, out, _ = ingest(str(story_file(write_file, Headline="Talks collapse")))

    assert code == 0 and out.startswith("updated")
    article = Article.objects.get(pk=signed_off.pk)
    assert (article.headline, article.status != ArticleStatus.SIGNED_OFF) == (
        "Talks collapse",
        True,
    )
    assert Transition.objects.filter(article=article, from_status="signed_off").exists()


def test_ingest_turning_a_signed_off_draft_into_a_reference_gets_one_line(write_file, signed_off):
    path = story_file(write_file, Headline="Headline story-1", Role="reference")

    code, _, err = ingest(str(path))

    assert code == 1
    assert err.count("\n") == 1 and "cannot become a reference article" in err
    assert Article.objects.get(pk=signed_off.pk).role == "draft"


def test_ingest_with_role_flag_turning_a_submitted_draft_into_a_reference_is_refused(
    write_file, editor
):
    article = make_article()
    submitted_through_services(claims_of(article)[0], editor)
    path = story_file(write_file, Headline="Headline story-1")

    code, _, err = ingest(str(path), "--role", "reference")

    assert code == 1 and "submitted or reviewed" in err
    assert Article.objects.get(pk=article.pk).role == "draft"
