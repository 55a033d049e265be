from __future__ import annotations

import json

import pytest
from django.db import IntegrityError

from annotations.models import Annotation, Article, ArticleRevision, CrossCheck, Sentence
from annotations.services import workflow
from tests.factories import (
    STORY_BODY,
    ArticleFactory,
    annotation_of,
    claims_of,
    make_article,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/articles/"


def payload(**fields):
    return {"external_id": "story-1", "headline": "Talks", "body": STORY_BODY, **fields}


# --- upsert --------------------------------------------------------------------------------


def test_upsert_creates_an_article_with_sentences_and_answers_201(as_publisher):
    response = as_publisher.post(URL, payload(outlet="Kyiv Post"), format="json")
    article = Article.objects.get(external_id="story-1")
    assert response.status_code == 201
    assert response.json()["action"] == "created"
    assert response.json()["article"]["id"] == article.pk and article.outlet == "Kyiv Post"
    assert len(response.json()["article"]["sentences"]) == 4


def test_upsert_of_the_same_content_is_unchanged_and_answers_200(as_publisher):
    as_publisher.post(URL, payload(), format="json")
    response = as_publisher.post(URL, payload(), format="json")
    assert response.status_code == 200
    assert response.json()["action"] == "unchanged"
    assert Article.objects.count() == 1 and ArticleRevision.objects.count() == 1


def test_upsert_with_only_other_fields_changed_is_updated(as_publisher):
    as_publisher.post(URL, payload(), format="json")
    response = as_publisher.post(URL, payload(byline="Staff"), format="json")
    assert response.status_code == 200
    assert response.json()["action"] == "updated"
    assert Article.objects.get().byline == "Staff"


def test_upsert_with_a_changed_body_revises_and_sentences_keep_their_annotations(
    as_publisher, editor
):
    article = ArticleFactory(
        external_id="story-1",
        headline="Talks",
        states=("submitted", "draft", "draft"),
        annotator=editor,
    )
    kept = claims_of(article)[0]
    body = STORY_BODY.replace("three of them", "four of them")
    response = as_publisher.post(URL, payload(body=body), format="json")
    assert response.status_code == 200 and response.json()["action"] == "revised"
    assert response.json()["article"]["revision"] == 2
    assert annotation_of(kept).status == "submitted"
    assert Sentence.objects.filter(article__external_id="story-1").count() == 4


def test_concurrent_creates_of_one_external_id_become_create_then_update(as_publisher, monkeypatch):
    from annotations.services import ingest

    real = ingest._ingest
    calls = []

    def racing(**kwargs):
        calls.append(1)
        if len(calls) == 1:
            real(**kwargs)  # the other request wins the race
            raise IntegrityError("duplicate key value violates unique constraint")
        return real(**kwargs)

    monkeypatch.setattr(ingest, "_ingest", racing)
    response = as_publisher.post(URL, payload(), format="json")
    assert response.status_code == 200 and response.json()["action"] == "unchanged"
    assert Article.objects.count() == 1


# --- bad input writes nothing --------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"id": 7}, "id"),
        ({"external_id": "has spaces"}, "external_id"),
        ({"external_id": 42}, "external_id"),
        ({"published_at": "yesterday"}, "published_at"),
        ({"published_at": "2025-13-45"}, "published_at"),
        ({"published_at": "0001-01-01T00:00:00+14:00"}, "published_at"),
        ({"role": "competitor"}, "role"),
        ({"url": "ftp://example.com/x"}, "url"),
        ({"headline": "x" * 501}, "headline"),
        ({"body": "   \n"}, "body"),
        ({"body": "Text with a \x07 bell."}, "body"),
        ({"body": 12}, "body"),
    ],
)
def test_upsert_rejects_bad_fields_with_a_field_error_and_writes_nothing(
    as_publisher, fields, field
):
    response = as_publisher.post(URL, payload(**fields), format="json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid" and field in response.json()["fields"]
    assert not Article.objects.exists()


def test_upsert_without_required_fields_names_them(as_publisher):
    response = as_publisher.post(URL, {"headline": "Talks"}, format="json")
    assert response.status_code == 400
    assert set(response.json()["fields"]) == {"external_id", "body"}


def test_upsert_refuses_a_json_object_with_a_duplicate_key(as_publisher):
    raw = '{"external_id": "story-1", "external_id": "story-2", "body": "Text."}'
    response = as_publisher.post(URL, raw, content_type="application/json")
    assert response.status_code == 400
    assert "appears twice" in response.json()["detail"]
    assert not Article.objects.exists()


def test_upsert_refuses_malformed_json_and_non_objects(as_publisher):
    broken = as_publisher.post(URL, '{"external_id": ', content_type="application/json")
    listed = as_publisher.post(URL, "[1, 2]", content_type="application/json")
    assert broken.status_code == 400 and broken.json()["code"] == "parse_error"
    assert listed.status_code == 400 and "non_field_errors" in listed.json()["fields"]


def test_upsert_refuses_a_body_over_the_ingestion_limit_and_writes_nothing(as_publisher, settings):
    settings.SOURCEDESK_MAX_BODY_BYTES = 1000
    response = as_publisher.post(URL, payload(body="Word. " * 200), format="json")
    assert response.status_code == 400
    assert "over the limit of 1,000 bytes" in response.json()["fields"]["body"][0]
    assert not Article.objects.exists()


def test_upsert_refuses_a_body_over_the_sentence_limit_quickly_and_writes_nothing(
    as_publisher, settings
):
    settings.SOURCEDESK_MAX_SENTENCES = 100
    response = as_publisher.post(URL, payload(body="A said B. " * 100_000), format="json")
    assert response.status_code == 400
    assert "more than 100 sentences" in str(response.json())
    assert not Article.objects.exists()


def test_upsert_refuses_an_oversized_request_with_413_before_parsing(as_publisher, settings):
    settings.SOURCEDESK_MAX_BODY_BYTES = 1000
    response = as_publisher.post(URL, payload(body="Word. " * 2000), format="json")
    assert response.status_code == 413
    assert response.json()["code"] == "request_too_large"
    assert not Article.objects.exists()


def test_the_default_limit_admits_a_two_megabyte_body_but_not_a_larger_request(as_publisher):
    raw = json.dumps(payload(body="x" * (8 * 1024 * 1024 + 10)))
    response = as_publisher.post(URL, raw, content_type="application/json")
    assert response.status_code == 413
    assert not Article.objects.exists()


def test_upsert_refuses_a_non_json_body_with_415(as_publisher):
    response = as_publisher.post(URL, "external_id=x", content_type="text/plain")
    assert response.status_code == 415
    assert response.json()["code"] == "unsupported_media_type"


# --- list ----------------------------------------------------------------------------------


@pytest.fixture
def three_articles(editor, reviewer):
    wire = make_article("wire-1", role="reference")
    Article.objects.filter(pk=wire.pk).update(outlet="Reuters")
    draft = make_article("story-1")
    signed = ArticleFactory(
        external_id="story-2", states="approved", annotator=editor, reviewer=reviewer
    )
    workflow.sign_off(article=signed, user=reviewer)
    return wire, draft, signed


def ids(response):
    return [item["external_id"] for item in response.json()["results"]]


def test_list_shows_every_article_newest_first_without_bodies(as_editor, three_articles):
    response = as_editor.get(URL)
    assert response.status_code == 200
    assert ids(response) == ["story-2", "story-1", "wire-1"]
    assert "body" not in response.json()["results"][0]


def test_list_filters_on_status_role_and_outlet(as_editor, three_articles):
    assert ids(as_editor.get(URL, {"status": "signed_off"})) == ["story-2"]
    assert ids(as_editor.get(URL, {"role": "reference"})) == ["wire-1"]
    assert ids(as_editor.get(URL, {"outlet": "reuters"})) == ["wire-1"]
    assert ids(as_editor.get(URL, {"external_id": "story-1"})) == ["story-1"]


def test_list_filters_on_updated_since(as_editor, three_articles):
    _wire, draft, _signed = three_articles
    since = Article.objects.get(pk=draft.pk).updated_at.isoformat()
    assert ids(as_editor.get(URL, {"updated_since": since})) == ["story-2", "story-1"]
    assert ids(as_editor.get(URL, {"updated_since": "2999-01-01"})) == []


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"updated_since": "last tuesday"}, "updated_since"),
        ({"updated_since": "0001-01-01T00:00:00+14:00"}, "updated_since"),
        ({"status": "published"}, "status"),
        ({"role": "wire"}, "role"),
        ({"page": "two"}, "page"),
        ({"page": "0"}, "page"),
    ],
)
def test_list_refuses_invalid_filters_with_400(as_editor, params, field):
    response = as_editor.get(URL, params)
    assert response.status_code == 400
    assert field in response.json()["fields"]


def test_list_is_paginated_by_fifty(as_editor):
    Article.objects.bulk_create(
        Article(external_id=f"a{n}", headline="h", body="b", body_sha256="0") for n in range(55)
    )
    first = as_editor.get(URL).json()
    second = as_editor.get(URL, {"page": 2}).json()
    assert first["count"] == 55 and len(first["results"]) == 50
    assert len(second["results"]) == 5 and second["previous"] is not None
    assert as_editor.get(URL, {"page": 3}).status_code == 404


# --- detail --------------------------------------------------------------------------------


def test_detail_shows_sentences_attributions_and_annotations(as_editor, article):
    data = as_editor.get(f"{URL}{article.pk}/").json()
    first = data["sentences"][0]
    assert data["external_id"] == "story-1" and data["body"] == article.body
    assert data["body"][first["start"] : first["end"]] == first["text"]
    assert first["annotation"]["status"] == "draft" and first["annotation"]["version"] == 1
    assert first["attributions"][0]["cue"] == "said"


def test_detail_leaves_boilerplate_without_annotation_or_crosscheck(as_editor, article):
    boilerplate = as_editor.get(f"{URL}{article.pk}/").json()["sentences"][3]
    assert boilerplate["kind"] == "boilerplate"
    assert boilerplate["annotation"] is None and boilerplate["crosscheck"] is None


DRAFT = "Kyiv rejected capping its army at 600,000 troops, a senior source told CNN.\n"
WIRE = "Kyiv rejected capping its army at 800,000 troops, a Ukrainian official told Reuters.\n"


def test_detail_summarises_the_crosschecks_of_each_claim(
    as_editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_article("wire", body=WIRE, role="reference")
        draft = make_article("draft", body=DRAFT)
    crosscheck = as_editor.get(f"{URL}{draft.pk}/").json()["sentences"][0]["crosscheck"]
    assert crosscheck["contradictions"] == 1 and crosscheck["suggested_confidence"] == "disputed"
    match = crosscheck["matches"][0]
    assert match["article"] == "wire" and match["sentence_index"] == 0
    assert match["relation"] == "contradicts" and match["independent"] is True
    assert "600,000" in match["reason"] and match["score"] > 0


def test_detail_shows_who_signed_off_and_when(as_reviewer, editor, reviewer):
    article = ArticleFactory(
        external_id="story-2", states="approved", annotator=editor, reviewer=reviewer
    )
    workflow.sign_off(article=article, user=reviewer)
    sign_off = as_reviewer.get(f"{URL}{article.pk}/").json()["sign_off"]
    assert sign_off["status"] == "signed_off"
    assert sign_off["signed_off_by"] == "reviewer" and sign_off["signed_off_at"]


def test_detail_by_external_id_is_the_same_answer(as_editor, article):
    by_id = as_editor.get(f"{URL}{article.pk}/").json()
    by_external_id = as_editor.get(f"{URL}lookup/", {"external_id": "story-1"})
    assert by_external_id.status_code == 200 and by_external_id.json() == by_id
    assert as_editor.get(f"{URL}lookup/", {"external_id": "nope"}).status_code == 404
    assert as_editor.get(f"{URL}lookup/").status_code == 400


@pytest.mark.parametrize(("raw", "expected"), [("999999", 404), ("abc", 400), ("9" * 30, 400)])
def test_detail_of_unknown_or_malformed_ids(as_editor, db, raw, expected):
    response = as_editor.get(f"{URL}{raw}/")
    assert response.status_code == expected
    assert response["Content-Type"] == "application/json"


def test_detail_of_a_reference_article_is_served(as_editor):
    wire = make_article("wire-1", role="reference")
    data = as_editor.get(f"{URL}{wire.pk}/").json()
    assert data["role"] == "reference"
    assert all(s["annotation"] is None for s in data["sentences"])


def many_matches(claim) -> None:
    """Eight matches of ``claim``: six echoes, an independent corroboration, a contradiction."""
    matches = [s for n in range(3) for s in claims_of(make_article(f"wire-{n}", role="reference"))]
    kinds = [("corroborates", False)] * 6 + [("corroborates", True), ("contradicts", True)]
    for n, ((relation, independent), match) in enumerate(zip(kinds, matches, strict=False)):
        CrossCheck.objects.create(
            claim=claim,
            match=match,
            relation=relation,
            independent=independent,
            score=0.9 - n / 100,
            reason=f"match {n}",
        )


def test_detail_shows_the_most_telling_matches_and_counts_them_all(as_editor, article):
    many_matches(claims_of(article)[0])
    crosscheck = as_editor.get(f"{URL}{article.pk}/").json()["sentences"][0]["crosscheck"]
    assert crosscheck["matches_total"] == 8 and len(crosscheck["matches"]) == 5
    assert (crosscheck["echoes"], crosscheck["contradictions"]) == (6, 1)
    assert [m["reason"] for m in crosscheck["matches"]] == [
        "match 7",  # the contradiction, then the independent corroboration
        "match 6",
        "match 0",  # then the strongest echoes
        "match 1",
        "match 2",
    ]


def test_the_sentence_crosschecks_list_every_match_strongest_first(as_editor, article):
    claim = claims_of(article)[0]
    many_matches(claim)
    response = as_editor.get(f"/api/v1/sentences/{claim.pk}/crosschecks/")
    assert response.status_code == 200
    data = response.json()
    assert data["matches_total"] == 8 and data["echoes"] == 6
    assert [m["reason"] for m in data["matches"]] == [f"match {n}" for n in range(8)]
    assert data["suggested_confidence"] == "disputed"


def test_the_sentence_crosschecks_of_boilerplate_or_unknown_sentences_are_404(as_editor, article):
    boilerplate = article.sentences.get(kind="boilerplate")
    assert as_editor.get(f"/api/v1/sentences/{boilerplate.pk}/crosschecks/").status_code == 404
    assert as_editor.get("/api/v1/sentences/987654/crosschecks/").status_code == 404
    assert as_editor.get("/api/v1/sentences/x/crosschecks/").status_code == 400


def test_crosschecks_of_archived_sentences_are_not_shown(as_editor, article):
    removed = claims_of(article)[0]
    wire = make_article("wire-1", role="reference")
    CrossCheck.objects.create(
        claim=removed,
        match=claims_of(wire)[0],
        relation="corroborates",
        score=0.9,
        reason="same",
        independent=True,
    )
    make_article(body=STORY_BODY.split("\n", 1)[1])
    data = as_editor.get(f"{URL}{article.pk}/").json()
    assert removed.pk not in [s["id"] for s in data["sentences"]]
    assert Annotation.objects.filter(sentence=removed).exists()


def test_the_documented_external_id_pattern_is_the_ingestion_rule():
    from annotations.api.views.articles import EXTERNAL_ID_PATTERN
    from verify.engine import documents

    assert documents.EXTERNAL_ID.pattern == EXTERNAL_ID_PATTERN


def test_upsert_refuses_a_body_of_only_zero_width_characters(as_publisher):
    response = as_publisher.post(URL, payload(body="\u200b\u2060 \ufeff"), format="json")
    assert response.status_code == 400 and "body" in response.json()["fields"]
    assert not Article.objects.exists()


# --- a reference article has no workflow status (issue 13, item 8) -------------------------


def test_a_reference_article_has_no_status_and_no_status_filter_lists_it(as_editor, three_articles):
    listed = {a["external_id"]: a for a in as_editor.get(URL).json()["results"]}
    reference = Article.objects.get(external_id="wire-1")
    detail = as_editor.get(f"{URL}{reference.pk}/").json()

    assert listed["wire-1"]["status"] is None and detail["status"] is None
    assert listed["story-1"]["status"] == "in_annotation"
    assert "wire-1" not in ids(as_editor.get(URL, {"status": "in_annotation"}))
