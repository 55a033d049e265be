"""Who may call what: every endpoint and method × anonymous, outsider, editor, reviewer, the
publishing system's token (editor role) and administrator, with the status each one gets.

Each row acts on an object in the state where the allowed roles succeed, so that a refusal
can only come from the role: a draft sentence to edit or submit, a submitted one (by another
editor) to review, an approved one to reopen, an article with every claim approved to sign off,
a signed-off one to reopen. Ids that do not exist, and sentences archived by a revision, are
404 for every desk role that may call the endpoint (and 401/403 before that for the others).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from django.db import transaction

from annotations.models import Annotation, Source
from annotations.services import workflow
from annotations.services.crosschecks import queue_crosscheck
from tests.factories import (
    STORY_BODY,
    ArticleFactory,
    AttributionFactory,
    annotation_of,
    claims_of,
    make_article,
)

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "outsider", "editor", "reviewer", "publisher", "administrator")
MISSING = 987654


@dataclass
class World:
    article: Any
    draft: Any  # a claim sentence in draft, version 1
    submitted: Any  # submitted by another editor
    approved: Any  # approved (another editor, another reviewer)
    ready: Any  # an article whose claims are all approved
    signed: Any  # a signed-off article
    archived: Any  # a sentence removed by a revision
    attribution: Any  # a suggestion on ``draft``
    job: Any
    source: Any

    def version(self, sentence) -> int:
        return annotation_of(sentence).version


@pytest.fixture
def world(second_editor, second_reviewer) -> World:
    people = {"annotator": second_editor, "reviewer": second_reviewer}
    article = ArticleFactory.create(
        external_id="story-1", states=("draft", "submitted", "approved"), **people
    )
    draft, to_submit, to_approve = claims_of(article)
    short = "The draft has 22 points, according to two officials familiar with the plan.\n"
    ready = ArticleFactory.create(external_id="ready", body=short, states="approved", **people)
    signed = ArticleFactory.create(external_id="signed", body=short, states="approved", **people)
    workflow.sign_off(article=signed, user=second_reviewer)
    revised = make_article("revised", body=STORY_BODY)
    archived = claims_of(revised)[0]
    make_article("revised", body=STORY_BODY.split("\n", 1)[1])
    return World(
        article=article,
        draft=draft,
        submitted=to_submit,
        approved=to_approve,
        ready=ready,
        signed=signed,
        archived=archived,
        attribution=AttributionFactory(sentence=draft, is_suggestion=True),
        job=queue_crosscheck(article=article, send=False),
        source=Source.objects.create(name="Politico", kind="outlet"),
    )


def request(w: World, name: str) -> tuple[str, str, dict[str, Any] | None]:
    """(method, path, JSON body) of each row of the matrix."""
    a, s = f"/api/v1/articles/{w.article.pk}/", f"/api/v1/sentences/{w.draft.pk}/"
    sub, appr = f"/api/v1/sentences/{w.submitted.pk}/", f"/api/v1/sentences/{w.approved.pk}/"
    arch = f"/api/v1/sentences/{w.archived.pk}/"
    attr = f"/api/v1/attributions/{w.attribution.pk}/"
    edit = {"version": 1, "note": "checked"}
    attribution = {"version": 1, "source": w.source.pk, "cue": "reported"}
    rows: dict[str, tuple[str, str, dict[str, Any] | None]] = {
        "articles list": ("get", "/api/v1/articles/", None),
        "articles upsert": ("post", "/api/v1/articles/", {"external_id": "new", "body": "Hi."}),
        "article detail": ("get", a, None),
        "article detail missing": ("get", f"/api/v1/articles/{MISSING}/", None),
        "article lookup": ("get", "/api/v1/articles/lookup/?external_id=story-1", None),
        "annotation get": ("get", f"{s}annotation/", None),
        "annotation get archived": ("get", f"{arch}annotation/", None),
        "annotation get missing": ("get", f"/api/v1/sentences/{MISSING}/annotation/", None),
        "annotation patch": ("patch", f"{s}annotation/", edit),
        "annotation patch archived": ("patch", f"{arch}annotation/", edit),
        "annotation put": ("put", f"{s}annotation/", {**edit, "confidence": "confirmed"}),
        "submit": ("post", f"{s}annotation/submit/", {"version": 1}),
        "approve": ("post", f"{sub}annotation/approve/", {}),
        "approve missing": ("post", f"/api/v1/sentences/{MISSING}/annotation/approve/", {}),
        "request changes": ("post", f"{sub}annotation/request-changes/", {"comment": "Why?"}),
        "reopen sentence": ("post", f"{appr}annotation/reopen/", {}),
        "withdraw": (
            "post",
            f"{sub}annotation/withdraw/",
            {"version": Annotation.objects.get(sentence=w.submitted).version},
        ),
        "attribution add": ("post", f"{s}attributions/", attribution),
        "attribution add archived": ("post", f"{arch}attributions/", attribution),
        "attribution edit": ("put", attr, attribution),
        "attribution remove": ("delete", f"{attr}?version=1", None),
        "attribution remove missing": (
            "delete",
            f"/api/v1/attributions/{MISSING}/?version=1",
            None,
        ),
        "attribution accept": ("post", f"{attr}accept/", {"version": 1}),
        "sign off": ("post", f"/api/v1/articles/{w.ready.pk}/sign-off/", {}),
        "sign off missing": ("post", f"/api/v1/articles/{MISSING}/sign-off/", {}),
        "reopen article": ("post", f"/api/v1/articles/{w.signed.pk}/reopen/", {}),
        "crosscheck start": ("post", f"{a}crosscheck-jobs/", {}),
        "crosscheck start missing": ("post", f"/api/v1/articles/{MISSING}/crosscheck-jobs/", {}),
        "crosscheck job": ("get", f"/api/v1/crosscheck-jobs/{w.job.pk}/", None),
        "crosscheck job missing": ("get", f"/api/v1/crosscheck-jobs/{MISSING}/", None),
        "sentence crosschecks": ("get", f"{s}crosschecks/", None),
        "sentence crosschecks archived": ("get", f"{arch}crosschecks/", None),
        "sources list": ("get", "/api/v1/sources/?q=pol", None),
        "sources create": ("post", "/api/v1/sources/", {"name": "AP", "kind": "outlet"}),
        "source detail": ("get", f"/api/v1/sources/{w.source.pk}/", None),
        "source detail missing": ("get", f"/api/v1/sources/{MISSING}/", None),
    }
    return rows[name]


# Expected status per role, in the order of ROLES:
#         anonymous, outsider, editor, reviewer, publisher, administrator
READ = (401, 403, 200, 200, 200, 200)
GONE = (401, 403, 404, 404, 404, 404)
EDIT = (401, 403, 200, 403, 200, 200)
EDIT_GONE = (401, 403, 404, 403, 404, 404)
REVIEW = (401, 403, 403, 200, 403, 200)
REVIEW_GONE = (401, 403, 403, 404, 403, 404)
MATRIX: dict[str, tuple[int, ...]] = {
    "articles list": READ,
    "articles upsert": (401, 403, 201, 403, 201, 201),
    "article detail": READ,
    "article detail missing": GONE,
    "article lookup": READ,
    "annotation get": READ,
    "annotation get archived": GONE,
    "annotation get missing": GONE,
    "annotation patch": EDIT,
    "annotation patch archived": EDIT_GONE,
    "annotation put": EDIT,
    "submit": EDIT,
    "approve": REVIEW,
    "approve missing": REVIEW_GONE,
    "request changes": REVIEW,
    "reopen sentence": READ,  # editors and reviewers alike
    "withdraw": EDIT,
    "attribution add": (401, 403, 201, 403, 201, 201),
    "attribution add archived": EDIT_GONE,
    "attribution edit": EDIT,
    "attribution remove": EDIT,
    "attribution remove missing": EDIT_GONE,
    "attribution accept": EDIT,
    "sign off": REVIEW,
    "sign off missing": REVIEW_GONE,
    "reopen article": REVIEW,
    "crosscheck start": (401, 403, 202, 202, 202, 202),
    "crosscheck start missing": GONE,
    "crosscheck job": READ,
    "crosscheck job missing": GONE,
    "sentence crosschecks": READ,
    "sentence crosschecks archived": GONE,
    "sources list": READ,
    "sources create": (401, 403, 201, 403, 201, 201),
    "source detail": READ,
    "source detail missing": GONE,
}


@pytest.fixture
def users(editor, reviewer, outsider, publisher, administrator):
    return {
        "anonymous": None,
        "outsider": outsider,
        "editor": editor,
        "reviewer": reviewer,
        "publisher": publisher,
        "administrator": administrator,
    }


def call_as_each_role(client_for, users, method, path, body) -> dict[str, int]:
    """The status each role gets, every call rolled back so all of them meet the same state."""
    kwargs = {"format": "json"} if body is not None else {}
    codes = {}
    for role in ROLES:
        client = client_for(users[role])
        with transaction.atomic():
            savepoint = transaction.savepoint()
            response = getattr(client, method)(path, body, **kwargs)
            transaction.savepoint_rollback(savepoint)
        assert response["Content-Type"] == "application/json", (role, response.content[:200])
        codes[role] = response.status_code
    return codes


@pytest.mark.parametrize(("name", "expected"), MATRIX.items(), ids=list(MATRIX))
def test_authorization_matrix(client_for, users, world, name, expected):
    method, path, body = request(world, name)
    codes = call_as_each_role(client_for, users, method, path, body)
    assert codes == dict(zip(ROLES, expected, strict=True))


def test_the_matrix_covers_every_operation_of_the_schema():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    operations = {
        (method, path)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if set(operation["tags"]) & TAGS
    }
    covered = {(m, p) for m, p in ROW_OPERATIONS.values()}
    assert operations == covered


TAGS = {"articles", "annotations", "transitions", "attributions", "crosscheck jobs", "sources"}
# Which schema operation each row exercises (checked against the schema above).
ROW_OPERATIONS = {
    "articles list": ("get", "/api/v1/articles/"),
    "articles upsert": ("post", "/api/v1/articles/"),
    "article detail": ("get", "/api/v1/articles/{article_id}/"),
    "article lookup": ("get", "/api/v1/articles/lookup/"),
    "annotation get": ("get", "/api/v1/sentences/{sentence_id}/annotation/"),
    "annotation patch": ("patch", "/api/v1/sentences/{sentence_id}/annotation/"),
    "annotation put": ("put", "/api/v1/sentences/{sentence_id}/annotation/"),
    "submit": ("post", "/api/v1/sentences/{sentence_id}/annotation/submit/"),
    "approve": ("post", "/api/v1/sentences/{sentence_id}/annotation/approve/"),
    "request changes": ("post", "/api/v1/sentences/{sentence_id}/annotation/request-changes/"),
    "reopen sentence": ("post", "/api/v1/sentences/{sentence_id}/annotation/reopen/"),
    "withdraw": ("post", "/api/v1/sentences/{sentence_id}/annotation/withdraw/"),
    "attribution add": ("post", "/api/v1/sentences/{sentence_id}/attributions/"),
    "attribution edit": ("put", "/api/v1/attributions/{attribution_id}/"),
    "attribution remove": ("delete", "/api/v1/attributions/{attribution_id}/"),
    "attribution accept": ("post", "/api/v1/attributions/{attribution_id}/accept/"),
    "sign off": ("post", "/api/v1/articles/{article_id}/sign-off/"),
    "reopen article": ("post", "/api/v1/articles/{article_id}/reopen/"),
    "crosscheck start": ("post", "/api/v1/articles/{article_id}/crosscheck-jobs/"),
    "crosscheck job": ("get", "/api/v1/crosscheck-jobs/{job_id}/"),
    "sentence crosschecks": ("get", "/api/v1/sentences/{sentence_id}/crosschecks/"),
    "sources list": ("get", "/api/v1/sources/"),
    "sources create": ("post", "/api/v1/sources/"),
    "source detail": ("get", "/api/v1/sources/{source_id}/"),
}
