from __future__ import annotations

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group
from django.urls import reverse

from annotations.models import Annotation, AnnotationStatus, Attribution, Source, SourceAlias
from annotations.roles import REVIEWER
from annotations.services import workflow
from tests.factories import (
    ApprovedAnnotationFactory,
    SourceFactory,
    UserFactory,
    annotation_admin_form,
    make_article,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(db):
    return UserFactory(username="admin", role="administrator")


def first_annotation(article) -> Annotation:
    return Annotation.objects.filter(sentence__article=article).order_by("sentence__index")[0]


def test_article_changelist_filters_by_anonymous_sources_and_confidence(client, editor, article):
    client.force_login(editor)
    url = reverse("admin:annotations_article_changelist")
    assert article.headline in client.get(url, {"anonymous": "yes"}).text
    assert article.headline not in client.get(url, {"anonymous": "no"}).text
    assert article.headline in client.get(url, {"confidence": "unverified"}).text
    assert article.headline not in client.get(url, {"confidence": "confirmed"}).text


def test_article_page_shows_sentences_with_sourcing_and_status(client, editor, article):
    client.force_login(editor)
    page = client.get(reverse("admin:annotations_article_change", args=[article.pk])).text
    assert "a senior Ukrainian source" in page
    assert "suggested" in page and "Draft" in page


def test_admin_without_desk_role_is_forbidden(client, outsider, article):
    client.force_login(outsider)
    response = client.get(reverse("admin:annotations_article_change", args=[article.pk]))
    assert response.status_code == 403


def test_admin_edit_of_an_approved_annotation_is_refused(client, editor, reviewer):
    annotation = ApprovedAnnotationFactory(annotator=editor, reviewer=reviewer)
    client.force_login(editor)
    url = reverse("admin:annotations_annotation_change", args=[annotation.pk])
    data = annotation_admin_form(annotation, confidence="confirmed", note="sneaky")
    response = client.post(url, data, follow=True)
    assert "reopen it before changing it" in response.text
    assert Annotation.objects.get(pk=annotation.pk).note == ""


def test_admin_edit_goes_through_the_service(client, editor, article):
    annotation = first_annotation(article)
    client.force_login(editor)
    url = reverse("admin:annotations_annotation_change", args=[annotation.pk])
    client.post(
        url, annotation_admin_form(annotation, confidence="single_source", note="One source.")
    )
    annotation.refresh_from_db()
    assert (annotation.confidence, annotation.annotator, annotation.version) == (
        "single_source",
        editor,
        2,
    )


def test_admin_stale_save_is_refused(client, editor, second_editor, article):
    annotation = first_annotation(article)
    stale = annotation_admin_form(annotation, confidence="confirmed", note="mine")
    workflow.update_annotation(annotation=annotation, user=second_editor, version=1, note="theirs")
    client.force_login(editor)
    url = reverse("admin:annotations_annotation_change", args=[annotation.pk])
    response = client.post(url, stale, follow=True)
    assert "changed this sentence while you were editing" in response.text
    assert Annotation.objects.get(pk=annotation.pk).note == "theirs"


def test_admin_approve_action_keeps_four_eyes(client, editor, article):
    editor.groups.add(Group.objects.get(name=REVIEWER))  # an editor who also reviews
    annotation = first_annotation(article)
    workflow.submit(annotation=annotation, user=editor)
    client.force_login(editor)
    response = client.post(
        reverse("admin:annotations_annotation_changelist"),
        {"action": "approve", ACTION_CHECKBOX_NAME: [annotation.pk]},
        follow=True,
    )
    assert "someone else must review it" in response.text
    assert Annotation.objects.get(pk=annotation.pk).status == AnnotationStatus.SUBMITTED


def test_merging_sources_moves_attributions_and_keeps_names_as_aliases(
    client, administrator, article
):
    cnn = Source.objects.get(name="CNN")
    duplicate = SourceFactory(name="CNN International")
    SourceAlias.objects.create(source=duplicate, name="CNNi")
    moved = (
        Attribution.objects.filter(via=cnn).count() + Attribution.objects.filter(source=cnn).count()
    )
    Attribution.objects.filter(via=cnn).update(via=duplicate)
    client.force_login(administrator)
    client.post(
        reverse("admin:annotations_source_changelist"),
        {
            "action": "merge",
            "apply": "1",
            "target": cnn.pk,
            ACTION_CHECKBOX_NAME: [cnn.pk, duplicate.pk],
        },
    )
    assert not Source.objects.filter(pk=duplicate.pk).exists()
    assert set(cnn.aliases.values_list("name", flat=True)) == {"CNN International", "CNNi"}
    assert (
        Attribution.objects.filter(via=cnn).count() + Attribution.objects.filter(source=cnn).count()
        == moved
        > 0
    )


def test_editor_cannot_merge_sources(client, editor):
    first, second = SourceFactory(name="Politico"), SourceFactory(name="POLITICO Europe")
    client.force_login(editor)
    client.post(
        reverse("admin:annotations_source_changelist"),
        {
            "action": "merge",
            "apply": "1",
            "target": first.pk,
            ACTION_CHECKBOX_NAME: [first.pk, second.pk],
        },
    )
    assert Source.objects.filter(pk=second.pk).exists()


# --- reference articles are not "in annotation" (issue 13, item 8) ---------------------------


def test_admin_shows_a_reference_article_as_a_reference_not_in_annotation(client, administrator):
    reference = make_article("ref-admin", body="Talks resume, a minister said.\n", role="reference")
    client.force_login(administrator)

    listing = client.get("/admin/annotations/article/").content.decode()
    detail = client.get(f"/admin/annotations/article/{reference.pk}/change/").content.decode()

    row = listing[listing.index("ref-admin") :].split("</tr>", 1)[0]
    assert "Reference (not annotated)" in row and "In annotation" not in row
    assert "Reference (not annotated)" in detail and "In annotation" not in detail


def test_admin_status_filter_lists_drafts_only(client, administrator, article):
    make_article("ref-filter", body="Talks resume, a minister said.\n", role="reference")
    client.force_login(administrator)
    page = client.get("/admin/annotations/article/?status=in_annotation").content.decode()
    assert "ref-filter" not in page and article.external_id in page
