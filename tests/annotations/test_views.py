from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from annotations.models import Annotation, AnnotationStatus, Article, Sentence, SentenceKind
from annotations.services import workflow
from tests.factories import (
    ArticleFactory,
    SubmittedAnnotationFactory,
    UserFactory,
    annotations_of,
    client_for,
    make_article,
)

pytestmark = pytest.mark.django_db


def page_urls(article: Article) -> list[str]:
    sentence = Sentence.objects.filter(article=article, kind=SentenceKind.CLAIM).first()
    assert sentence is not None
    return [
        reverse("desk:articles"),
        reverse("desk:article", args=[article.pk]),
        reverse("desk:summary", args=[article.pk]),
        reverse("desk:review"),
        reverse("desk:panel", args=[sentence.pk]),
    ]


# --- who gets in ---------------------------------------------------------------------------


def test_anonymous_visitors_are_sent_to_the_login_page(client, article):
    responses = [client.get(url) for url in page_urls(article)]
    assert {r.status_code for r in responses} == {302}
    assert all(r["Location"].startswith("/accounts/login/") for r in responses)


def test_users_without_a_desk_role_get_403_on_every_page(outsider, article):
    client = client_for(outsider)
    assert {client.get(url).status_code for url in page_urls(article)} == {403}


def test_editors_and_reviewers_see_every_page(editor, reviewer, article):
    for user in (editor, reviewer):
        client = client_for(user)
        assert {client.get(url).status_code for url in page_urls(article)} == {200}


def test_root_redirects_to_the_desk(client):
    assert client.get("/")["Location"] == "/desk/"


def test_login_page_logs_an_editor_in_and_lands_on_the_desk(client, editor):
    response = client.post(
        reverse("login"), {"username": "editor", "password": "correct horse battery"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/desk/"


def test_unknown_article_and_sentence_ids_are_404(editor):
    client = client_for(editor)
    assert client.get(reverse("desk:article", args=[999999])).status_code == 404
    assert client.get(reverse("desk:panel", args=[999999])).status_code == 404


def test_reference_articles_and_archived_sentences_are_404(editor, article):
    reference = make_article("ref-1", role="reference")
    sentence = Sentence.objects.filter(article=article).first()
    assert sentence is not None
    Sentence.objects.filter(pk=sentence.pk).update(archived_at=timezone.now())
    client = client_for(editor)
    assert client.get(reverse("desk:article", args=[reference.pk])).status_code == 404
    assert client.get(reverse("desk:panel", args=[sentence.pk])).status_code == 404


def test_changes_are_post_only(editor, article):
    annotation = annotations_of(article)[0]
    response = client_for(editor).get(reverse("desk:submit", args=[annotation.pk]))
    assert response.status_code == 405


# --- saving --------------------------------------------------------------------------------


def test_editor_sets_confidence_and_gets_the_new_version(editor, article):
    annotation = annotations_of(article)[0]
    response = client_for(editor).post(
        reverse("desk:update", args=[annotation.pk]),
        {"version": annotation.version, "confidence": "confirmed"},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert response.json()["annotation"]["version"] == annotation.version + 1
    assert Annotation.objects.get(pk=annotation.pk).confidence == "confirmed"


def test_stale_save_is_409_with_the_other_change_and_overwrites_nothing(
    editor, second_editor, article
):
    annotation = annotations_of(article)[0]
    workflow.update_annotation(
        annotation=annotation, user=second_editor, version=annotation.version, note="theirs"
    )
    response = client_for(editor).post(
        reverse("desk:update", args=[annotation.pk]),
        {"version": annotation.version, "note": "mine"},
    )
    assert response.status_code == 409
    assert response.json()["current"]["note"] == "theirs"
    assert "Changed by editor2" in response.json()["panel"]
    assert Annotation.objects.get(pk=annotation.pk).note == "theirs"


def test_request_changes_without_a_comment_is_400_with_the_message(editor, reviewer):
    annotation = SubmittedAnnotationFactory(annotator=editor)
    response = client_for(reviewer).post(
        reverse("desk:request_changes", args=[annotation.pk]), {"comment": "  "}
    )
    assert response.status_code == 400
    assert response.json()["error"] == workflow.ERR_COMMENT_REQUIRED
    assert Annotation.objects.get(pk=annotation.pk).status == AnnotationStatus.SUBMITTED


def test_reviewer_approving_own_annotation_through_the_view_is_403(db):
    both = UserFactory(username="both", role="editor")
    both.groups.add(*UserFactory(username="rev", role="reviewer").groups.all())
    annotation = SubmittedAnnotationFactory(annotator=both)
    response = client_for(both).post(
        reverse("desk:approve", args=[annotation.pk]), {"version": annotation.version}
    )
    assert response.status_code == 403
    assert Annotation.objects.get(pk=annotation.pk).status == AnnotationStatus.SUBMITTED


def test_approve_selected_reports_the_sentences_it_refused(editor, reviewer):
    article = ArticleFactory(states=("submitted", "draft", "draft"), annotator=editor)
    first, second, _ = annotations_of(article)
    response = client_for(reviewer).post(
        reverse("desk:approve_selected"), {"ids": [first.pk, second.pk]}
    )
    assert response.status_code == 200
    assert len(response.json()["problems"]) == 1
    assert Annotation.objects.get(pk=first.pk).status == AnnotationStatus.APPROVED


def test_post_without_csrf_token_is_refused(editor, article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    annotation = annotations_of(article)[0]
    response = client.post(
        reverse("desk:update", args=[annotation.pk]),
        {"version": annotation.version, "confidence": "confirmed"},
    )
    assert response.status_code == 403
    assert Annotation.objects.get(pk=annotation.pk).confidence == "unverified"


def test_sign_off_from_the_summary_page_when_every_claim_is_approved(editor, reviewer):
    article = ArticleFactory(states="approved", annotator=editor, reviewer=reviewer)
    response = client_for(reviewer).post(reverse("desk:sign_off", args=[article.pk]))
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).status == Article.Status.SIGNED_OFF


def test_sign_off_with_open_items_is_400_with_the_message(reviewer, article):
    response = client_for(reviewer).post(reverse("desk:sign_off", args=[article.pk]))
    assert response.status_code == 400
    assert "3 claim sentence(s) are not approved yet." in response.content.decode()


# --- escaping ------------------------------------------------------------------------------


def test_a_script_in_a_note_renders_as_text(editor, article):
    annotation = annotations_of(article)[0]
    workflow.update_annotation(
        annotation=annotation,
        user=editor,
        version=annotation.version,
        note="<script>alert(1)</script>",
    )
    html = client_for(editor).get(reverse("desk:panel", args=[annotation.sentence_id]))
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html.content.decode()
    assert "<script>alert(1)</script>" not in html.content.decode()


def test_source_search_finds_sources_by_alias(editor, article):
    from annotations.models import Source, SourceAlias

    source = Source.objects.create(name="Politico", kind="outlet")
    SourceAlias.objects.create(source=source, name="POLITICO Europe")
    response = client_for(editor).get(reverse("desk:source_search"), {"q": "europe"})
    assert [r["name"] for r in response.json()["results"]] == ["Politico"]


def test_anonymous_source_needs_the_standards_fields(editor):
    response = client_for(editor).post(
        reverse("desk:source_create"), {"name": "a senior official", "kind": "anonymous"}
    )
    assert response.status_code == 400


# --- performance ---------------------------------------------------------------------------


def long_body(sentences: int) -> str:
    return "".join(
        f"Officials said on day {n} that the talks {n} would go on, Politico reported.\n"
        for n in range(sentences)
    )


def test_annotation_page_of_200_sentences_takes_at_most_20_queries(
    editor, django_assert_max_num_queries
):
    article = make_article("long-1", body=long_body(200))
    assert Sentence.objects.filter(article=article).count() == 200
    client = client_for(editor)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("desk:article", args=[article.pk]))
    assert response.status_code == 200
