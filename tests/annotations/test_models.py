from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from annotations.models import Article, Sentence, Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def article() -> Article:
    return Article.objects.create(
        external_id="a-1", headline="H", body="One. Two.", body_sha256="x"
    )


def test_external_id_is_unique(article):
    with pytest.raises(IntegrityError):
        Article.objects.create(external_id="a-1", headline="H2", body="b", body_sha256="y")


def test_sentence_index_is_unique_per_article(article):
    Sentence.objects.create(article=article, index=0, paragraph=0, start=0, end=4, text="One.")
    with pytest.raises(IntegrityError):
        Sentence.objects.create(article=article, index=0, paragraph=0, start=5, end=9, text="Two.")


def test_archived_sentence_frees_its_index(article):
    Sentence.objects.create(
        article=article,
        index=0,
        paragraph=0,
        start=0,
        end=4,
        text="One.",
        archived_at="2025-01-01T00:00Z",
    )
    Sentence.objects.create(article=article, index=0, paragraph=0, start=5, end=9, text="Two.")
    assert Sentence.objects.current().count() == 1


def test_sentence_offsets_must_match_text_length(article):
    with pytest.raises(IntegrityError):
        Sentence.objects.create(article=article, index=0, paragraph=0, start=0, end=7, text="One.")


def test_invalid_role_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.create(external_id="a-2", headline="H", body="b", role="opinion")


def test_source_name_is_unique_per_kind_ignoring_case():
    Source.objects.create(name="Politico", kind="outlet")
    Source.objects.create(name="POLITICO", kind="document")
    with pytest.raises(IntegrityError):
        Source.objects.create(name="POLITICO", kind="outlet")
