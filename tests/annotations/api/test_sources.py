from __future__ import annotations

import pytest

from annotations.models import Source, SourceAlias

pytestmark = pytest.mark.django_db

URL = "/api/v1/sources/"


@pytest.fixture
def registry(db):
    politico = Source.objects.create(name="Politico", kind="outlet")
    SourceAlias.objects.create(source=politico, name="POLITICO Europe")
    Source.objects.create(name="CNN", kind="outlet")
    Source.objects.create(name="Marco Rubio", kind="official")
    return politico


def names(response):
    return [item["name"] for item in response.json()["results"]]


def test_list_searches_names_and_aliases(as_editor, registry):
    assert names(as_editor.get(URL)) == ["CNN", "Marco Rubio", "Politico"]
    assert names(as_editor.get(URL, {"q": "rubio"})) == ["Marco Rubio"]
    assert names(as_editor.get(URL, {"q": "europe"})) == ["Politico"]
    assert names(as_editor.get(URL, {"kind": "official"})) == ["Marco Rubio"]


def test_list_refuses_an_unknown_kind(as_editor, registry):
    response = as_editor.get(URL, {"kind": "rumour"})
    assert response.status_code == 400 and "kind" in response.json()["fields"]


def test_detail_shows_aliases(as_reviewer, registry):
    response = as_reviewer.get(f"{URL}{registry.pk}/")
    assert response.status_code == 200
    assert response.json()["aliases"] == ["POLITICO Europe"]
    assert as_reviewer.get(f"{URL}999999/").status_code == 404


def test_editor_creates_a_source(as_editor, db):
    response = as_editor.post(URL, {"name": "  Reuters ", "kind": "outlet"}, format="json")
    assert response.status_code == 201 and response.json()["name"] == "Reuters"
    assert Source.objects.filter(name="Reuters", kind="outlet").exists()


def test_anonymous_sources_need_the_standards_fields(as_editor, db):
    bare = as_editor.post(URL, {"name": "a senior source", "kind": "anonymous"}, format="json")
    complete = as_editor.post(
        URL,
        {
            "name": "a senior source",
            "kind": "anonymous",
            "anonymity_reason": "Not authorised to speak.",
            "in_position_to_know": True,
        },
        format="json",
    )
    assert bare.status_code == 400 and "anonymity_reason" in bare.json()["fields"]
    assert complete.status_code == 201 and complete.json()["in_position_to_know"] is True


def test_a_duplicate_name_for_the_kind_is_400(as_editor, registry):
    response = as_editor.post(URL, {"name": "politico", "kind": "outlet"}, format="json")
    assert response.status_code == 400 and "name" in response.json()["fields"]
    assert Source.objects.filter(name__iexact="politico").count() == 1


def test_create_refuses_unknown_fields_and_bad_kinds(as_editor, db):
    extra = as_editor.post(URL, {"name": "AP", "kind": "outlet", "id": 3}, format="json")
    kind = as_editor.post(URL, {"name": "AP", "kind": "wire"}, format="json")
    assert extra.status_code == 400 and "id" in extra.json()["fields"]
    assert kind.status_code == 400 and "kind" in kind.json()["fields"]
    assert not Source.objects.exists()


def test_reviewer_cannot_add_sources(as_reviewer, db):
    response = as_reviewer.post(URL, {"name": "AP", "kind": "outlet"}, format="json")
    assert response.status_code == 403
    assert not Source.objects.exists()
