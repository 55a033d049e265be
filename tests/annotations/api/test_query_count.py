"""The article detail costs the same few queries however long the article is."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from annotations.models import Attribution, CrossCheck, Source
from tests.factories import claims_of, make_article

pytestmark = pytest.mark.django_db

MAX_QUERIES = 12


def long_article(external_id: str, sentences: int):
    """A draft of ``sentences`` claims, each with a suggestion, an accepted attribution with a
    ``via``, and a cross-check match in a reference article."""
    body = "".join(
        f"Officials said {n} convoys reached the city, a senior source told CNN.\n"
        for n in range(sentences)
    )
    article = make_article(external_id, body=body)
    wire = make_article(f"{external_id}-wire", body=body, role="reference")
    reuters = Source.objects.create(name=f"Reuters {external_id}", kind="outlet")
    rows = claims_of(article)
    matches = claims_of(wire)
    Attribution.objects.bulk_create(
        Attribution(sentence=s, source=reuters, via=reuters, is_suggestion=False) for s in rows
    )
    CrossCheck.objects.bulk_create(
        CrossCheck(
            claim=claim,
            match=match,
            relation="corroborates",
            score=0.9,
            reason="same figures",
            independent=True,
        )
        for claim, match in zip(rows, matches, strict=True)
    )
    return article


def detail_queries(client, article) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/api/v1/articles/{article.pk}/")
    assert response.status_code == 200
    return len(captured)


def test_detail_query_count_is_the_same_for_10_and_500_sentences(
    as_editor, django_assert_max_num_queries
):
    short = long_article("short", 10)
    long = long_article("long", 500)
    as_editor.get("/api/v1/articles/")  # warm the token's user and permission caches alike
    short_count = detail_queries(as_editor, short)
    long_count = detail_queries(as_editor, long)
    print(f"detail queries: 10 sentences {short_count}, 500 sentences {long_count}")
    assert short_count == long_count
    with django_assert_max_num_queries(MAX_QUERIES):
        response = as_editor.get(f"/api/v1/articles/{long.pk}/")
    assert len(response.json()["sentences"]) == 500
    assert response.json()["sentences"][499]["crosscheck"]["independent_corroborations"] == 1


def test_list_query_count_does_not_grow_with_the_page(as_editor, django_assert_max_num_queries):
    for n in range(30):
        make_article(f"a{n}", body=f"Officials said {n} convoys arrived, a source told CNN.\n")
    with django_assert_max_num_queries(6):
        response = as_editor.get("/api/v1/articles/")
    assert response.json()["count"] == 30
