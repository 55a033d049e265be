"""A registry change that alters what a source means reopens the sentences resting on it."""

from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from annotations.models import (
    Annotation,
    AnnotationStatus,
    Article,
    ArticleStatus,
    Source,
    Transition,
    TransitionAction,
    WebhookDelivery,
    WebhookEndpoint,
)
from annotations.services import workflow
from annotations.services.registry import merge_sources, update_source
from tests.factories import SourceFactory, UserFactory, no_inline_rows, suggestions_resolved

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(db):
    return UserFactory(username="admin", role="administrator")


@pytest.fixture
def signed_off(article, editor, reviewer) -> Article:
    suggestions_resolved(article, editor)  # sign-off needs them resolved
    for annotation in Annotation.objects.filter(sentence__article=article):
        workflow.submit(annotation=annotation, user=editor)
        workflow.approve(annotation=annotation, reviewer=reviewer)
    return workflow.sign_off(article=article, user=reviewer)


@pytest.fixture
def receiver_endpoint(db) -> WebhookEndpoint:
    return WebhookEndpoint.objects.create(name="CMS", url="http://cms.example/hook", secret="s")


def annotation_resting_on(source_name: str) -> Annotation:
    return Annotation.objects.get(sentence__attributions__source__name=source_name)


def statuses(article: Article) -> set[str]:
    return set(
        Annotation.objects.filter(sentence__article=article).values_list("status", flat=True)
    )


def source_form(source: Source, **values: object) -> dict[str, object]:
    """The source's admin change form as the browser sends it (no aliases)."""
    return {
        "name": source.name,
        "kind": source.kind,
        "description": source.description,
        "anonymity_reason": source.anonymity_reason,
        "in_position_to_know": "unknown",
        **no_inline_rows("aliases"),
        **values,
    }


# --- the service -------------------------------------------------------------------------


def test_renaming_a_source_reopens_the_approved_sentences_resting_on_it(
    administrator, signed_off, receiver_endpoint
):
    kyiv = Source.objects.get(name="Kyiv")
    resting = annotation_resting_on("Kyiv")

    change = update_source(source=kyiv, user=administrator, values={"name": "a spokesperson"})

    # The sentence is back in draft with a transition saying why; the others keep approval.
    resting.refresh_from_db()
    assert (resting.status, resting.reviewer) == (AnnotationStatus.DRAFT, None)
    assert "Kyiv" in Transition.objects.get(annotation=resting, action="reopen").comment
    assert statuses(signed_off) == {AnnotationStatus.DRAFT, AnnotationStatus.APPROVED}
    # The article needs signing off again, and the publishing system hears of it.
    assert change.reopened == [signed_off]
    assert Article.objects.get(pk=signed_off.pk).status == ArticleStatus.IN_ANNOTATION
    assert WebhookDelivery.objects.filter(event="article.reopened").count() == 1


def test_changing_a_source_kind_reopens_its_submitted_sentences(administrator, article, editor):
    kyiv = Source.objects.get(name="Kyiv")
    resting = workflow.submit(annotation=annotation_resting_on("Kyiv"), user=editor)

    update_source(source=kyiv, user=administrator, values={"kind": Source.Kind.ANONYMOUS})

    resting.refresh_from_db()
    assert resting.status == AnnotationStatus.DRAFT
    assert Transition.objects.filter(annotation=resting, to_status="draft").exists()


def test_renaming_a_relaying_source_reopens_the_sentences_heard_through_it(
    administrator, signed_off
):
    cnn = Source.objects.get(name="CNN")

    update_source(source=cnn, user=administrator, values={"name": "a cable channel"})

    assert annotation_resting_on("a senior Ukrainian source").status == AnnotationStatus.DRAFT


def test_changing_case_or_description_of_a_source_reopens_nothing(administrator, signed_off):
    kyiv = Source.objects.get(name="Kyiv")

    change = update_source(
        source=kyiv, user=administrator, values={"name": "KYIV", "description": "The capital."}
    )

    assert change.reopened == []
    assert statuses(signed_off) == {AnnotationStatus.APPROVED}
    assert Article.objects.get(pk=signed_off.pk).status == ArticleStatus.SIGNED_OFF


def test_merging_a_source_of_another_kind_reopens_its_sentences(administrator, signed_off):
    kyiv = Source.objects.get(name="Kyiv")
    resting = annotation_resting_on("Kyiv")
    officials = Source.objects.get(name="two officials familiar with the plan")

    merge_sources(target=officials, others=[kyiv], user=administrator)

    # The Kyiv sentence now rests on an anonymous source: it is reviewed again, not the rest.
    resting.refresh_from_db()
    assert resting.status == AnnotationStatus.DRAFT
    assert statuses(signed_off) == {AnnotationStatus.DRAFT, AnnotationStatus.APPROVED}
    assert Article.objects.get(pk=signed_off.pk).status == ArticleStatus.IN_ANNOTATION


def test_merging_a_duplicate_of_the_same_kind_reopens_nothing(administrator, signed_off):
    kyiv = Source.objects.get(name="Kyiv")
    duplicate = SourceFactory(name="Kyiv authorities", kind=Source.Kind.ORGANISATION)

    merge_sources(target=duplicate, others=[kyiv], user=administrator)

    assert statuses(signed_off) == {AnnotationStatus.APPROVED}
    assert Article.objects.get(pk=signed_off.pk).status == ArticleStatus.SIGNED_OFF


# --- through the admin -------------------------------------------------------------------


def test_admin_rename_of_a_source_reopens_and_names_the_articles(client, administrator, signed_off):
    kyiv = Source.objects.get(name="Kyiv")
    client.force_login(administrator)
    url = reverse("admin:annotations_source_change", args=[kyiv.pk])

    response = client.post(url, source_form(kyiv, name="a spokesperson"), follow=True)

    assert signed_off.headline in response.text
    assert Source.objects.get(pk=kyiv.pk).name == "a spokesperson"
    assert annotation_resting_on("a spokesperson").status == AnnotationStatus.DRAFT
    assert Article.objects.get(pk=signed_off.pk).status == ArticleStatus.IN_ANNOTATION


def test_admin_rekinding_a_source_as_an_editor_reopens_its_sentences(client, editor, signed_off):
    kyiv = Source.objects.get(name="Kyiv")
    client.force_login(editor)
    url = reverse("admin:annotations_source_change", args=[kyiv.pk])

    client.post(
        url,
        source_form(
            kyiv,
            kind="anonymous",
            anonymity_reason="Asked not to be named.",
            in_position_to_know="true",
        ),
    )

    assert Source.objects.get(pk=kyiv.pk).kind == Source.Kind.ANONYMOUS
    assert annotation_resting_on("Kyiv").status == AnnotationStatus.DRAFT
    assert Transition.objects.filter(action=TransitionAction.REOPEN, actor=editor).count() == 2


def test_admin_alias_edit_of_a_source_reopens_nothing(client, administrator, signed_off):
    kyiv = Source.objects.get(name="Kyiv")
    client.force_login(administrator)
    url = reverse("admin:annotations_source_change", args=[kyiv.pk])
    form = source_form(kyiv, **{"aliases-TOTAL_FORMS": "1", "aliases-0-name": "Kiev"})

    client.post(url, form)

    assert list(kyiv.aliases.values_list("name", flat=True)) == ["Kiev"]
    assert Article.objects.get(pk=signed_off.pk).status == ArticleStatus.SIGNED_OFF


def test_admin_merge_of_another_kind_reopens_through_the_action(client, administrator, signed_off):
    kyiv = Source.objects.get(name="Kyiv")
    officials = Source.objects.get(name="two officials familiar with the plan")
    client.force_login(administrator)

    client.post(
        reverse("admin:annotations_source_changelist"),
        {
            "action": "merge",
            "apply": "1",
            "target": officials.pk,
            ACTION_CHECKBOX_NAME: [kyiv.pk, officials.pk],
        },
    )

    assert not Source.objects.filter(pk=kyiv.pk).exists()
    assert Article.objects.get(pk=signed_off.pk).status == ArticleStatus.IN_ANNOTATION
