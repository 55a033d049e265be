"""The standards fields of each use of an anonymous source reach every output that carries
attributions (issue 13, item 1): the article detail, the CSV and the W3C Web Annotation
export, and the OpenAPI schema says so."""

from __future__ import annotations

import csv
import io

import pytest
from drf_spectacular.generators import SchemaGenerator

from annotations.models import Source
from tests.factories import STANDARDS, ArticleFactory, AttributionFactory, SourceFactory, claims_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    """A draft whose first claim rests on an anonymous source used without ``in a position to
    know``, and whose second on a named official."""
    article = ArticleFactory.create()
    first, second = claims_of(article)[:2]
    diplomats = SourceFactory.create(name="two diplomats", kind=Source.Kind.ANONYMOUS)
    AttributionFactory.create(
        sentence=first, source=diplomats, **{**STANDARDS, "in_position_to_know": None}
    )
    AttributionFactory.create(
        sentence=second, source=SourceFactory.create(name="Marco Rubio", kind="official")
    )
    return article


def test_article_detail_gives_each_attribution_its_standards_fields(as_editor, story):
    sentences = as_editor.get(f"/api/v1/articles/{story.pk}/").json()["sentences"]

    (anonymous,) = sentences[0]["attributions"]
    assert anonymous["anonymity_reason"] == STANDARDS["anonymity_reason"]
    assert (anonymous["in_position_to_know"], anonymous["identity_known_to_editor"]) == (
        None,
        True,
    )
    assert anonymous["missing_standards"] == ["whether the source is in a position to know"]
    (named,) = sentences[1]["attributions"]
    assert named["missing_standards"] == [] and named["anonymity_reason"] == ""


def test_csv_gives_the_standards_fields_of_each_anonymous_use(as_editor, story):
    response = as_editor.get(f"/api/v1/articles/{story.pk}/export/csv/")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))

    assert rows[0]["anonymous_standards"] == (
        f"two diplomats (anonymous): anonymity granted: {STANDARDS['anonymity_reason']}; "
        "in a position to know: not stated; identity known to an editor: yes"
    )
    assert rows[1]["anonymous_standards"] == ""  # a named official


def test_web_annotation_describes_the_standards_and_tags_what_is_missing(as_editor, story):
    items = as_editor.get(f"/api/v1/articles/{story.pk}/export/web-annotation/").json()["first"][
        "items"
    ]
    by_value = [
        {body["value"]: body["purpose"] for body in item["body"]}
        for item in items
        if item["motivation"] == "describing"
    ]

    anonymous, named = by_value
    standards = [v for v in anonymous if v.startswith("anonymity granted: ")]
    assert standards == [
        f"anonymity granted: {STANDARDS['anonymity_reason']}; in a position to know: not "
        "stated; identity known to an editor: yes"
    ]
    assert anonymous["standards-missing"] == "tagging"
    assert not any(v.startswith("anonymity granted") for v in named)
    assert "standards-missing" not in named


def test_the_schema_says_where_the_standards_fields_are():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    attribution = schema["components"]["schemas"]["Attribution"]["properties"]
    paths = schema["paths"]

    assert {"anonymity_reason", "in_position_to_know", "identity_known_to_editor"} <= set(
        attribution
    )
    assert "missing_standards" in attribution
    csv_doc = paths["/api/v1/articles/{article_id}/export/csv/"]["get"]["description"]
    assert "anonymous_standards" in csv_doc and "in a position to know" in csv_doc
    web = paths["/api/v1/articles/{article_id}/export/web-annotation/"]["get"]["description"]
    assert "standards-missing" in web
