"""The OpenAPI document: valid without warnings, complete, and its docs page served locally."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator

from annotations.limits import MAX_COMMENT_CHARS

pytestmark = pytest.mark.django_db

TAGS = {"articles", "annotations", "transitions", "attributions", "crosscheck jobs", "sources"}


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def api_operations(schema):
    return [
        (method, path, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if set(operation.get("tags", [])) & TAGS
    ]


def test_spectacular_validates_the_schema_with_warnings_as_errors(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))
    assert (tmp_path / "s.yml").read_text().startswith("openapi: 3.")


def test_every_operation_has_an_id_a_tag_and_the_common_errors(schema):
    operations = api_operations(schema)
    ids = [operation["operationId"] for _, _, operation in operations]
    assert len(operations) == 24 and len(set(ids)) == 24  # withdraw came with issue 13
    assert all({"400", "401", "403", "404", "429"} <= set(op["responses"]) for *_, op in operations)


def test_writes_document_413_and_versioned_writes_409(schema):
    writes = [(m, p, op) for m, p, op in api_operations(schema) if m != "get"]
    versioned = {op["operationId"] for _, _, op in writes if "409" in op["responses"]}
    assert all("413" in op["responses"] for _, _, op in writes if "requestBody" in op)
    assert {"annotation_partial_update", "annotation_update", "annotation_submit"} <= versioned
    assert schema["components"]["schemas"]["Conflict"]["properties"]["current"]


def test_errors_share_one_documented_schema_with_examples(schema):
    error = schema["components"]["schemas"]["Error"]
    bad = schema["paths"]["/api/v1/articles/"]["post"]["responses"]["400"]["content"]
    assert set(error["required"]) == {"code", "detail"}
    assert bad["application/json"]["examples"]


def test_patch_still_requires_the_version(schema):
    body = schema["paths"]["/api/v1/sentences/{sentence_id}/annotation/"]["patch"]["requestBody"]
    ref = body["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert schema["components"]["schemas"][ref]["required"] == ["version"]


def test_request_bodies_carry_examples(schema):
    upsert = schema["paths"]["/api/v1/articles/"]["post"]["requestBody"]["content"]
    assert upsert["application/json"]["examples"]


def test_schema_endpoint_serves_openapi_3_to_a_desk_user(as_editor):
    response = as_editor.get("/api/schema/?format=json")
    assert response.status_code == 200
    assert response.json()["openapi"].startswith("3.")
    assert "/api/v1/articles/{article_id}/" in response.json()["paths"]


def test_docs_page_renders_with_local_assets_only(client, editor):
    client.force_login(editor)
    page = client.get("/api/docs/")
    html = page.content.decode()
    assert page.status_code == 200 and "swagger-ui" in html
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html


def test_docs_assets_are_served(client, editor):
    client.force_login(editor)
    script = client.get("/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js")
    assert script.status_code == 200


# --- the schema and the docs need a desk role (issue 10, item 8) ----------------------------


@pytest.mark.parametrize("path", ["/api/schema/", "/api/docs/"])
def test_schema_and_docs_refuse_a_logged_in_user_without_a_desk_role(client, outsider, path):
    client.force_login(outsider)
    response = client.get(path)
    assert response.status_code == 403


def test_schema_refuses_a_token_of_a_user_without_a_desk_role(client_for, outsider):
    assert client_for(outsider).get("/api/schema/?format=json").status_code == 403


@pytest.mark.parametrize("role", ["reviewer", "administrator"])
def test_schema_and_docs_serve_every_desk_role(client, request, role):
    client.force_login(request.getfixturevalue(role))
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/docs/").status_code == 200


# --- strict request schemas ----------------------------------------------------------------


def request_schemas(schema):
    """Every component a request body refers to, by name."""
    names = {
        content["schema"]["$ref"].rsplit("/", 1)[1]
        for item in schema["paths"].values()
        for operation in item.values()
        for content in operation.get("requestBody", {}).get("content", {}).values()
    }
    return {name: schema["components"]["schemas"][name] for name in names}


def test_every_request_body_refuses_unknown_properties(schema):
    bodies = request_schemas(schema)
    assert len(bodies) >= 8
    assert {
        name for name, body in bodies.items() if body.get("additionalProperties") is not False
    } == set()


def test_request_strings_give_the_lengths_the_serializers_enforce(schema):
    article = schema["components"]["schemas"]["ArticleInputRequest"]["properties"]
    changes = schema["components"]["schemas"]["RequestChangesInputRequest"]["properties"]
    assert (article["external_id"]["minLength"], article["external_id"]["maxLength"]) == (1, 200)
    assert article["body"]["minLength"] == 1 and article["headline"]["maxLength"] == 500
    assert (changes["comment"]["minLength"], changes["comment"]["maxLength"]) == (
        1,
        MAX_COMMENT_CHARS,
    )


def test_unknown_field_the_schema_forbids_is_refused_by_the_server(as_publisher):
    response = as_publisher.post(
        "/api/v1/articles/",
        {"external_id": "story-1", "body": "Talks resume.", "headlin": "Typo"},
        format="json",
    )
    assert response.status_code == 400 and "headlin" in response.json()["fields"]


# --- a logged-out visitor of the docs logs in and comes back (issue 13, item 8) -------------


def test_docs_send_a_logged_out_visitor_to_the_login_page_and_back(client, editor):
    response = client.get("/api/docs/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/api/docs/"

    client.get(response["Location"])
    back = client.post(
        "/accounts/login/",
        {"username": "editor", "password": "correct horse battery", "next": "/api/docs/"},
    )
    assert back.status_code == 302 and back["Location"] == "/api/docs/"


def test_the_schema_still_answers_401_to_a_client_without_credentials(client):
    assert client.get("/api/schema/").status_code == 401
