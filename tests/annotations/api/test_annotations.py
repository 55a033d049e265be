from __future__ import annotations

import pytest

from annotations.models import Annotation, Attribution, Source
from tests.factories import (
    STORY_BODY,
    ApprovedAnnotationFactory,
    AttributionFactory,
    annotation_of,
    claims_of,
    make_article,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def sentence(article):
    """The first claim of the ingested story, with its suggested attribution."""
    return claims_of(article)[0]


def url(sentence, suffix=""):
    return f"/api/v1/sentences/{sentence.pk}/annotation/{suffix}"


# --- read and update -----------------------------------------------------------------------


def test_get_shows_the_annotation_with_its_version_and_attributions(as_publisher, sentence):
    response = as_publisher.get(url(sentence))
    assert response.status_code == 200
    assert response.json()["version"] == 1 and response.json()["status"] == "draft"
    assert response.json()["attributions"][0]["source"]["name"] == "the foreign minister"


def test_patch_sets_confidence_and_note_and_bumps_the_version(as_editor, sentence):
    response = as_editor.patch(
        url(sentence), {"version": 1, "confidence": "confirmed", "note": "Seen."}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["version"] == 2 and response.json()["annotator"] == "editor"
    saved = annotation_of(sentence)
    assert saved.confidence == "confirmed" and saved.note == "Seen."


def test_put_replaces_both_fields_and_requires_them(as_editor, sentence):
    partial = as_editor.put(url(sentence), {"version": 1, "note": "x"}, format="json")
    full = as_editor.put(
        url(sentence), {"version": 1, "confidence": "disputed", "note": ""}, format="json"
    )
    assert partial.status_code == 400 and "confidence" in partial.json()["fields"]
    assert full.status_code == 200 and full.json()["confidence"] == "disputed"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"confidence": "confirmed"}, "version"),
        ({"version": "one", "confidence": "confirmed"}, "version"),
        ({"version": 1, "confidence": "certain"}, "confidence"),
        ({"version": 1, "note": 5}, "note"),
        ({"version": 1, "confidence": "confirmed", "status": "approved"}, "status"),
        ({"version": 1}, "non_field_errors"),
    ],
)
def test_patch_refuses_invalid_input_and_changes_nothing(as_editor, sentence, body, field):
    response = as_editor.patch(url(sentence), body, format="json")
    assert response.status_code == 400 and field in response.json()["fields"]
    assert annotation_of(sentence).version == 1


def test_second_editor_with_a_stale_version_gets_409_and_the_current_state(
    client_for, editor, second_editor, sentence
):
    first = client_for(editor).patch(
        url(sentence), {"version": 1, "confidence": "confirmed"}, format="json"
    )
    second = client_for(second_editor).patch(
        url(sentence), {"version": 1, "confidence": "disputed"}, format="json"
    )
    assert first.status_code == 200 and second.status_code == 409
    assert second.json()["code"] == "stale_version"
    assert second.json()["current"]["confidence"] == "confirmed"
    assert second.json()["current"]["version"] == 2 and annotation_of(sentence).version == 2


def test_replaying_a_stale_version_is_refused_every_time(as_editor, sentence):
    change = {"version": 1, "note": "first"}
    assert as_editor.patch(url(sentence), change, format="json").status_code == 200
    assert as_editor.patch(url(sentence), change, format="json").status_code == 409
    assert as_editor.put(url(sentence), {**change, "confidence": "confirmed"}).status_code == 409
    assert annotation_of(sentence).version == 2


def test_boilerplate_reference_and_archived_sentences_have_no_annotation(as_editor, article):
    boilerplate = article.sentences.get(kind="boilerplate")
    wire = claims_of(make_article("wire", role="reference"))[0]
    removed = claims_of(article)[0]
    make_article(body=STORY_BODY.split("\n", 1)[1])
    for sentence in (boilerplate, wire, removed):
        assert as_editor.get(url(sentence)).status_code == 404
    assert as_editor.patch(url(removed), {"version": 1, "note": "x"}).status_code == 404


def test_unknown_and_malformed_sentence_ids(as_editor, db):
    assert as_editor.get("/api/v1/sentences/424242/annotation/").status_code == 404
    assert as_editor.get("/api/v1/sentences/-1/annotation/").status_code == 400
    assert as_editor.get("/api/v1/sentences/1e3/annotation/").status_code == 400


# --- attributions --------------------------------------------------------------------------


@pytest.fixture
def politico(db):
    return Source.objects.create(name="Politico", kind="outlet")


def test_add_attribution_accepts_it_and_bumps_the_version(as_editor, sentence, politico):
    response = as_editor.post(
        f"/api/v1/sentences/{sentence.pk}/attributions/",
        {"version": 1, "source": politico.pk, "cue": "reported", "mode": "reported_by"},
        format="json",
    )
    added = Attribution.objects.get(sentence=sentence, source=politico)
    assert response.status_code == 201 and response.json()["version"] == 2
    assert added.is_suggestion is False and added.mode == "reported_by"


def test_add_attribution_with_an_unknown_source_or_mode_is_400(as_editor, sentence, politico):
    base = f"/api/v1/sentences/{sentence.pk}/attributions/"
    unknown = as_editor.post(base, {"version": 1, "source": 999999}, format="json")
    bad_via = as_editor.post(
        base, {"version": 1, "source": politico.pk, "via": 999999}, format="json"
    )
    bad_mode = as_editor.post(
        base, {"version": 1, "source": politico.pk, "mode": "rumour"}, format="json"
    )
    assert unknown.status_code == 400 and "source" in unknown.json()["fields"]
    assert bad_via.status_code == 400 and "via" in bad_via.json()["fields"]
    assert bad_mode.status_code == 400 and "mode" in bad_mode.json()["fields"]


def test_edit_attribution_changes_source_and_via(as_editor, sentence, politico):
    attribution = Attribution.objects.filter(sentence=sentence).first()
    response = as_editor.put(
        f"/api/v1/attributions/{attribution.pk}/",
        {"version": 1, "source": attribution.source_id, "via": politico.pk, "cue": "told"},
        format="json",
    )
    attribution.refresh_from_db()
    assert response.status_code == 200
    assert attribution.via == politico and attribution.cue == "told"
    assert attribution.is_suggestion is False


def test_accept_attribution_with_a_stale_version_is_409(as_editor, sentence):
    attribution = Attribution.objects.filter(sentence=sentence).first()
    accept = f"/api/v1/attributions/{attribution.pk}/accept/"
    assert as_editor.post(accept, {"version": 1}, format="json").status_code == 200
    assert as_editor.post(accept, {"version": 1}, format="json").status_code == 409
    attribution.refresh_from_db()
    assert attribution.is_suggestion is False


def test_remove_attribution_takes_the_version_from_the_query_string(as_editor, sentence):
    attribution = Attribution.objects.filter(sentence=sentence).first()
    target = f"/api/v1/attributions/{attribution.pk}/"
    assert as_editor.delete(target).status_code == 400
    assert as_editor.delete(f"{target}?version=1").status_code == 200
    assert not Attribution.objects.filter(pk=attribution.pk).exists()
    assert as_editor.delete(f"{target}?version=2").status_code == 404


def test_attributions_of_an_approved_sentence_are_not_editable(as_editor, second_editor, reviewer):
    note = ApprovedAnnotationFactory(annotator=second_editor, reviewer=reviewer)
    attribution = AttributionFactory(sentence=note.sentence, is_suggestion=True)
    version = Annotation.objects.get(pk=note.pk).version
    response = as_editor.post(
        f"/api/v1/attributions/{attribution.pk}/accept/", {"version": version}, format="json"
    )
    assert response.status_code == 400
    assert "reopen it" in response.json()["detail"]


# --- a real race ---------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_editors_patching_at_once_get_one_200_and_one_409(client_for, editor, second_editor):
    from concurrent.futures import ThreadPoolExecutor

    from django.db import connection, connections

    options = connection.settings_dict.get("OPTIONS", {})
    if connection.vendor == "sqlite" and options.get("transaction_mode") != "IMMEDIATE":
        # Deferred SQLite transactions both read, then deadlock upgrading to a write lock
        # ("database is locked"); BEGIN IMMEDIATE serialises the writers instead.
        pytest.skip("needs PostgreSQL, or SQLite with transaction_mode IMMEDIATE")
    sentence = claims_of(make_article())[0]
    clients = [client_for(editor), client_for(second_editor)]

    def patch(position):
        try:
            change = {"version": 1, "note": f"editor {position}"}
            return clients[position].patch(url(sentence), change, format="json")
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=2) as pool:
        responses = list(pool.map(patch, [0, 1]))
    codes = sorted(r.status_code for r in responses)
    loser = next(r for r in responses if r.status_code == 409)
    assert codes == [200, 409]
    assert loser.json()["current"]["version"] == 2 == annotation_of(sentence).version
