"""The API's JSON parser: deeply nested bodies are a 400 on every JSON endpoint, never a
``RecursionError`` 500 (issue 10, item 5)."""

from __future__ import annotations

import json

import pytest

from annotations.api.parsers import MAX_JSON_DEPTH
from annotations.models import Annotation, Article, Source
from annotations.services import workflow
from tests.factories import annotation_of, claims_of

pytestmark = pytest.mark.django_db

DEEP = "[" * 1000 + "]" * 1000  # 1,000 levels, 2 KB


def nested(levels: int) -> str:
    return "[" * levels + "]" * levels


def assert_too_deep(response) -> None:
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "parse_error"
    assert f"more than {MAX_JSON_DEPTH} levels deep" in response.json()["detail"]


@pytest.mark.parametrize(
    "body",
    [DEEP, '{"external_id": ' + DEEP + "}", '{"a": ' * 1000 + "1" + "}" * 1000],
    ids=["array", "inside an object", "objects"],
)
def test_article_upsert_refuses_a_body_nested_1000_levels_deep(as_publisher, body):
    response = as_publisher.post("/api/v1/articles/", body, content_type="application/json")
    assert_too_deep(response)
    assert not Article.objects.exists()


def test_annotation_edit_refuses_a_body_nested_1000_levels_deep(as_editor, article):
    sentence = claims_of(article)[0]
    url = f"/api/v1/sentences/{sentence.pk}/annotation/"
    patched = as_editor.patch(url, '{"version": ' + DEEP + "}", content_type="application/json")
    put = as_editor.put(url, DEEP, content_type="application/json")
    assert_too_deep(patched)
    assert_too_deep(put)
    assert Annotation.objects.get(sentence=sentence).version == 1


def test_transitions_refuse_a_body_nested_1000_levels_deep(as_editor, as_reviewer, article, editor):
    first, second = claims_of(article)[:2]
    note = annotation_of(second)
    note = workflow.update_annotation(
        annotation=note, user=editor, version=note.version, confidence="single_source"
    )
    workflow.submit(annotation=note, user=editor, version=note.version)
    submit = as_editor.post(
        f"/api/v1/sentences/{first.pk}/annotation/submit/", DEEP, content_type="application/json"
    )
    approve = as_reviewer.post(
        f"/api/v1/sentences/{second.pk}/annotation/approve/", DEEP, content_type="application/json"
    )
    sign_off = as_reviewer.post(
        f"/api/v1/articles/{article.pk}/sign-off/", DEEP, content_type="application/json"
    )
    for response in (submit, approve, sign_off):
        assert_too_deep(response)


def test_source_registry_refuses_a_body_nested_1000_levels_deep(as_editor):
    before = Source.objects.count()
    response = as_editor.post("/api/v1/sources/", DEEP, content_type="application/json")
    assert_too_deep(response)
    assert Source.objects.count() == before


def test_depth_up_to_the_limit_is_parsed_and_judged_by_the_serializer(as_publisher):
    at_limit = '{"external_id": ' + nested(MAX_JSON_DEPTH - 1) + ', "body": "Text."}'
    response = as_publisher.post("/api/v1/articles/", at_limit, content_type="application/json")
    # parsed: the field is refused for its type, not the body for its depth
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    assert "external_id" in response.json()["fields"]


def test_one_level_past_the_limit_is_refused(as_publisher):
    past = '{"external_id": ' + nested(MAX_JSON_DEPTH) + ', "body": "Text."}'
    response = as_publisher.post("/api/v1/articles/", past, content_type="application/json")
    assert_too_deep(response)


def test_brackets_inside_strings_do_not_count_as_nesting(as_publisher):
    body = "Talks resume [" * 50 + ", the minister said " + '"quoted \\" {' * 50 + "."
    raw = json.dumps({"external_id": "story-1", "headline": "[[[{{{", "body": body})
    response = as_publisher.post("/api/v1/articles/", raw, content_type="application/json")
    assert response.status_code == 201
    assert Article.objects.get().body == body


def test_truncated_deep_json_is_a_400_not_a_500(as_publisher):
    response = as_publisher.post("/api/v1/articles/", "[" * 5000, content_type="application/json")
    assert_too_deep(response)
