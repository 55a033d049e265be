"""``__any``: the jobs' bulk reads by a long list of keys or terms, on either database."""

from __future__ import annotations

import pytest
from django.db import connection

from annotations.models import Attribution, SearchTerm, Sentence
from tests.factories import claims_of, make_article

pytestmark = pytest.mark.django_db


def test_any_finds_what_in_finds_by_key_by_foreign_key_and_by_text():
    article = make_article("any-1")
    sentences = claims_of(article)
    ids = [s.pk for s in sentences]
    some = [*ids[::2], max(ids) + 1000]  # one key that exists nowhere
    assert set(Sentence.objects.filter(pk__any=some).values_list("pk", flat=True)) == set(
        Sentence.objects.filter(pk__in=some).values_list("pk", flat=True)
    )
    by_sentence = Attribution.objects.filter(sentence_id__any=ids)
    assert by_sentence.count() == Attribution.objects.filter(sentence_id__in=ids).count() > 0
    terms = [*SearchTerm.objects.values_list("term", flat=True)[:50], "zzznotaterm"]
    assert sorted(SearchTerm.objects.filter(term__any=terms).values_list("term", flat=True)) == (
        sorted(terms[:-1])
    )


def test_any_binds_the_list_as_one_parameter_on_postgresql():
    sql, params = Sentence.objects.filter(pk__any=[3, 1, 2]).query.sql_with_params()
    if connection.vendor == "postgresql":
        assert "= ANY(%s)" in sql and [3, 1, 2] in params
    else:
        assert "IN (%s, %s, %s)" in sql and tuple(params[-3:]) == (3, 1, 2)


def test_any_of_nothing_matches_nothing():
    make_article("any-2")
    assert not Sentence.objects.filter(pk__any=[]).exists()
    assert not list(SearchTerm.objects.filter(term__any=set()))


def test_any_refuses_a_single_value():
    with pytest.raises(TypeError, match="list of values"):
        Sentence.objects.filter(pk__any=3)
    with pytest.raises(TypeError, match="list of values"):
        SearchTerm.objects.filter(term__any="harbour")
