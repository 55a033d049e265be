"""The article detail is rendered once per state of the article (see annotations/api/caching)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from annotations.models import Annotation, Article
from annotations.services import workflow
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article("cache-1")


def detail(client, article):
    return client.get(reverse("api:article", args=[article.pk]))


def test_detail_carries_an_etag_and_answers_304_when_nothing_changed(as_editor, article):
    first = detail(as_editor, article)
    again = as_editor.get(
        reverse("api:article", args=[article.pk]), HTTP_IF_NONE_MATCH=first["ETag"]
    )
    assert first.status_code == 200 and first["ETag"]
    assert again.status_code == 304


def test_an_annotation_change_shows_at_once_and_changes_the_etag(as_editor, editor, article):
    before = detail(as_editor, article)
    annotation = Annotation.objects.filter(sentence__article=article).first()
    workflow.update_annotation(annotation=annotation, user=editor, version=1, note="Checked.")
    after = detail(as_editor, article)
    notes = [s["annotation"]["note"] for s in after.json()["sentences"] if s["annotation"]]
    assert after["ETag"] != before["ETag"]
    assert "Checked." in notes


def test_an_annotation_change_moves_the_article_into_updated_since(as_editor, editor, article):
    stamp = Article.objects.get(pk=article.pk).updated_at
    annotation = Annotation.objects.filter(sentence__article=article).first()
    workflow.update_annotation(annotation=annotation, user=editor, version=1, note="x")
    found = as_editor.get(reverse("api:articles"), {"updated_since": stamp.isoformat()})
    assert [a["external_id"] for a in found.json()["results"]] == ["cache-1"]


def test_a_renamed_source_shows_at_once(as_editor, article):
    detail(as_editor, article)
    source = article.sentences.get(index=2).attributions.first().source
    source.name = f"{source.name} (renamed)"
    source.save()
    names = {
        attribution["source"]["name"]
        for sentence in detail(as_editor, article).json()["sentences"]
        for attribution in sentence["attributions"]
    }
    assert source.name in names
