"""The API obeys the standards desk's rules (issue 13, items 1, 2, 4 and 7): the standards
fields of anonymous uses, sign-off blockers, no silent change of a submitted sentence, and
length limits (which the schema states as ``maxLength``)."""

from __future__ import annotations

import pytest
from drf_spectacular.generators import SchemaGenerator

from annotations.limits import MAX_COMMENT_CHARS, MAX_NOTE_CHARS, MAX_REASON_CHARS
from annotations.models import Annotation
from tests.factories import (
    STANDARDS,
    ArticleFactory,
    AttributionFactory,
    SubmittedAnnotationFactory,
    annotation_of,
    anonymous_suggestion,
    claims_of,
    contradiction,
)

pytestmark = pytest.mark.django_db


def url(sentence, action=""):
    return f"/api/v1/sentences/{sentence.pk}/annotation/{action + '/' if action else ''}"


# --- item 1: the standards fields, per use -------------------------------------------------


def test_attribution_create_takes_and_returns_the_standards_fields(as_editor, anonymous):
    sentence = claims_of(ArticleFactory())[0]
    response = as_editor.post(
        f"/api/v1/sentences/{sentence.pk}/attributions/",
        {"version": 1, "source": anonymous.pk, **STANDARDS},
        format="json",
    )
    attribution = response.json()["attributions"][0]
    assert response.status_code == 201
    assert attribution["anonymity_reason"] == STANDARDS["anonymity_reason"]
    assert (attribution["identity_known_to_editor"], attribution["missing_standards"]) == (True, [])


def test_submitting_without_the_standards_fields_is_400_naming_sentence_and_field(
    as_editor, anonymous
):
    sentence = claims_of(ArticleFactory())[0]
    AttributionFactory(sentence=sentence, source=anonymous, **{**STANDARDS, "anonymity_reason": ""})

    response = as_editor.post(url(sentence, "submit"), {"version": 1}, format="json")

    assert response.status_code == 400
    assert response.json()["code"] == "anonymous_source_standards"
    assert response.json()["detail"].startswith("Sentence 1 rests on an anonymous source")
    assert "why anonymity was granted" in response.json()["detail"]
    assert annotation_of(sentence).status == "draft"


def test_accept_takes_the_standards_fields(as_editor):
    suggestion = anonymous_suggestion()
    version = annotation_of(suggestion.sentence).version
    response = as_editor.post(
        f"/api/v1/attributions/{suggestion.pk}/accept/", {"version": version, **STANDARDS}
    )
    assert response.status_code == 200
    suggestion.refresh_from_db()
    assert (suggestion.is_suggestion, suggestion.missing_standards) == (False, [])


def test_approving_a_sentence_missing_the_fields_is_400(as_reviewer, editor, anonymous):
    note = SubmittedAnnotationFactory(annotator=editor)
    AttributionFactory(sentence=note.sentence, source=anonymous)
    response = as_reviewer.post(url(note.sentence, "approve"), {"version": note.version})
    assert response.status_code == 400
    assert response.json()["code"] == "anonymous_source_standards"


# --- item 2: sign-off blockers -------------------------------------------------------------


def test_a_blocked_sign_off_lists_each_sentence_and_reason(as_reviewer):
    article = ArticleFactory(states="approved")
    claim = claims_of(article)[1]
    contradiction(claim, outlet="Reuters")

    response = as_reviewer.post(f"/api/v1/articles/{article.pk}/sign-off/", {}, format="json")

    assert response.status_code == 400 and response.json()["code"] == "sign_off_blocked"
    [blocker] = response.json()["blockers"]
    assert (blocker["sentence_id"], blocker["index"]) == (claim.pk, 1)
    assert blocker["reason"].startswith("contradicted by the cross-checks (Reuters)")


# --- item 4: no silent change of a submitted sentence --------------------------------------


def test_patching_a_submitted_sentence_is_refused_and_withdraw_opens_it(as_editor, editor):
    note = SubmittedAnnotationFactory(annotator=editor)
    sentence = note.sentence

    refused = as_editor.patch(url(sentence), {"version": note.version, "confidence": "confirmed"})
    withdrawn = as_editor.post(url(sentence, "withdraw"), {"version": note.version})
    edited = as_editor.patch(
        url(sentence), {"version": withdrawn.json()["version"], "confidence": "confirmed"}
    )

    assert refused.status_code == 400 and "withdraw it from review" in refused.json()["detail"]
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "draft"
    assert edited.status_code == 200 and edited.json()["confidence"] == "confirmed"


# --- item 7: limits ------------------------------------------------------------------------


def test_a_note_over_the_limit_is_400_and_nothing_is_written(as_editor):
    sentence = claims_of(ArticleFactory())[0]
    response = as_editor.patch(
        url(sentence), {"version": 1, "note": "x" * (MAX_NOTE_CHARS + 1)}, format="json"
    )
    assert response.status_code == 400 and "note" in response.json()["fields"]
    assert Annotation.objects.get(sentence=sentence).note == ""


def test_a_comment_over_the_limit_is_400(as_reviewer, editor):
    note = SubmittedAnnotationFactory(annotator=editor)
    response = as_reviewer.post(
        url(note.sentence, "request-changes"), {"comment": "x" * (MAX_COMMENT_CHARS + 1)}
    )
    assert response.status_code == 400 and "comment" in response.json()["fields"]
    assert annotation_of(note.sentence).status == "submitted"


def test_the_schema_states_the_limits():
    schemas = SchemaGenerator().get_schema(request=None, public=True)["components"]["schemas"]
    assert (
        schemas["AnnotationPatchInputRequest"]["properties"]["note"]["maxLength"] == MAX_NOTE_CHARS
    )
    assert schemas["RequestChangesInputRequest"]["properties"]["comment"]["maxLength"] == (
        MAX_COMMENT_CHARS
    )
    assert schemas["AttributionInputRequest"]["properties"]["anonymity_reason"]["maxLength"] == (
        MAX_REASON_CHARS
    )
    assert schemas["ReopenArticleInputRequest"]["properties"]["comment"]["maxLength"] == (
        MAX_REASON_CHARS
    )
