"""The admin obeys the standards desk's rules and shows a refusal alone (issue 13, items 1, 4
and 7)."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from annotations.limits import MAX_NOTE_CHARS
from annotations.models import Annotation, AnnotationStatus, Attribution, Source
from annotations.services import workflow
from tests.factories import (
    ArticleFactory,
    AttributionFactory,
    SourceFactory,
    SubmittedAnnotationFactory,
    annotation_admin_form,
    claims_of,
)

pytestmark = pytest.mark.django_db


def attribution_form(attribution: Attribution, version: int, **values: object) -> dict:
    return {
        "version": version,
        "cue": attribution.cue,
        "mode": attribution.mode,
        "anonymity_reason": "",
        "in_position_to_know": "unknown",
        "identity_known_to_editor": "unknown",
        **values,
    }


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_a_refused_save_shows_only_the_refusal(client, editor, reviewer):
    article = ArticleFactory(states="approved")
    workflow.sign_off(article=article, user=reviewer)
    annotation = Annotation.objects.get(sentence=claims_of(article)[0])
    client.force_login(editor)
    url = reverse("admin:annotations_annotation_change", args=[annotation.pk])

    response = client.post(
        url, annotation_admin_form(annotation, confidence="confirmed"), follow=True
    )

    assert messages_of(response) == ["This article is signed off; reopen it before changing it."]
    assert "changed successfully" not in response.text
    assert not LogEntry.objects.filter(object_id=str(annotation.pk)).exists()
    assert Annotation.objects.get(pk=annotation.pk).confidence == annotation.confidence


def test_an_admin_edit_of_a_submitted_sentence_is_refused_not_sent_back_to_draft(client, editor):
    annotation = SubmittedAnnotationFactory(annotator=editor)
    client.force_login(editor)
    url = reverse("admin:annotations_annotation_change", args=[annotation.pk])

    response = client.post(
        url, annotation_admin_form(annotation, confidence="confirmed"), follow=True
    )

    assert any("withdraw it from review" in m for m in messages_of(response))
    assert Annotation.objects.get(pk=annotation.pk).status == AnnotationStatus.SUBMITTED


def test_the_withdraw_action_takes_a_submitted_sentence_back_to_draft(client, editor):
    annotation = SubmittedAnnotationFactory(annotator=editor)
    client.force_login(editor)
    client.post(
        reverse("admin:annotations_annotation_changelist"),
        {"action": "withdraw", ACTION_CHECKBOX_NAME: [annotation.pk]},
    )
    assert Annotation.objects.get(pk=annotation.pk).status == AnnotationStatus.DRAFT


def test_a_note_over_the_limit_is_a_form_error_in_the_admin(client, editor):
    annotation = Annotation.objects.get(sentence=claims_of(ArticleFactory())[0])
    client.force_login(editor)
    url = reverse("admin:annotations_annotation_change", args=[annotation.pk])

    data = annotation_admin_form(
        annotation, confidence="unverified", note="x" * (MAX_NOTE_CHARS + 1)
    )
    response = client.post(url, data)

    assert response.status_code == 200
    assert f"at most {MAX_NOTE_CHARS} characters" in response.text
    assert Annotation.objects.get(pk=annotation.pk).note == ""


def test_the_admin_records_the_standards_fields_on_the_attribution(client, editor):
    anonymous = SourceFactory(name="a senior Ukrainian source", kind=Source.Kind.ANONYMOUS)
    sentence = claims_of(ArticleFactory())[0]
    attribution = AttributionFactory(sentence=sentence, source=anonymous)
    version = Annotation.objects.get(sentence=sentence).version
    client.force_login(editor)
    url = reverse("admin:annotations_attribution_change", args=[attribution.pk])

    client.post(
        url,
        attribution_form(
            attribution,
            version,
            anonymity_reason="Fears reprisals.",
            in_position_to_know="true",
            identity_known_to_editor="true",
        ),
    )

    attribution.refresh_from_db()
    assert attribution.anonymity_reason == "Fears reprisals."
    assert attribution.missing_standards == []
    assert Annotation.objects.get(sentence=sentence).version == version + 1


def test_an_admin_edit_of_an_attribution_of_a_submitted_sentence_is_refused(client, editor):
    anonymous = SourceFactory(name="a senior Ukrainian source", kind=Source.Kind.ANONYMOUS)
    annotation = SubmittedAnnotationFactory(annotator=editor)
    attribution = AttributionFactory(sentence=annotation.sentence, source=anonymous)
    client.force_login(editor)
    url = reverse("admin:annotations_attribution_change", args=[attribution.pk])

    response = client.post(
        url,
        attribution_form(attribution, annotation.version, anonymity_reason="Late."),
        follow=True,
    )

    assert any("withdraw it from review" in m for m in messages_of(response))
    attribution.refresh_from_db()
    assert attribution.anonymity_reason == ""
