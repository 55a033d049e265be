"""The state factories write what the workflow services would have written on the way."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from annotations.models import Annotation, Article, ArticleStatus, Comment, Transition
from annotations.services import workflow
from tests.factories import (
    CHANGES_COMMENT,
    ApprovedAnnotationFactory,
    ArticleFactory,
    ChangesRequestedAnnotationFactory,
    SubmittedAnnotationFactory,
    annotations_of,
)

pytestmark = pytest.mark.django_db


def through_the_services(state: str, editor, reviewer) -> Annotation:
    """A fresh one-claim article's annotation, taken to ``state`` by the services."""
    (annotation,) = annotations_of(ArticleFactory.create(body="Talks resume, the minister said.\n"))
    annotation = workflow.update_annotation(
        annotation=annotation, user=editor, version=annotation.version, confidence="single_source"
    )
    annotation = workflow.submit(annotation=annotation, user=editor, version=annotation.version)
    if state == "approved":
        annotation = workflow.approve(annotation=annotation, reviewer=reviewer)
    elif state == "changes_requested":
        annotation = workflow.request_changes(
            annotation=annotation, reviewer=reviewer, comment=CHANGES_COMMENT
        )
    return annotation


def written(annotation: Annotation) -> dict[str, object]:
    annotation = Annotation.objects.select_related("sentence__article").get(pk=annotation.pk)
    return {
        "row": (
            annotation.status,
            annotation.confidence,
            annotation.annotator_id,
            annotation.reviewer_id,
            annotation.version,
        ),
        "transitions": list(
            Transition.objects.filter(annotation=annotation).values_list(
                "action", "from_status", "to_status", "actor", "comment"
            )
        ),
        "comments": list(
            Comment.objects.filter(sentence=annotation.sentence).values_list("author", "body")
        ),
        "article_status": annotation.sentence.article.status,
    }


@pytest.mark.parametrize(
    ("state", "factory"),
    [
        ("submitted", SubmittedAnnotationFactory),
        ("approved", ApprovedAnnotationFactory),
        ("changes_requested", ChangesRequestedAnnotationFactory),
    ],
)
def test_each_state_factory_writes_the_rows_the_services_write(editor, reviewer, state, factory):
    expected = written(through_the_services(state, editor, reviewer))
    built = factory(annotator=editor, reviewer=reviewer if state != "submitted" else None)
    assert written(built) == expected


def test_database_refuses_an_approved_factory_annotation_reviewed_by_its_annotator(editor):
    with pytest.raises(IntegrityError), transaction.atomic():
        ApprovedAnnotationFactory(annotator=editor, reviewer=editor)


def test_article_factory_segments_the_body_with_exact_offsets_and_follows_its_claims(
    editor, reviewer
):
    article = ArticleFactory(states="approved", annotator=editor, reviewer=reviewer)
    sentences = list(article.sentences.order_by("index"))
    # the story has three claims and a newsletter plug, each at its exact offsets
    assert [s.kind for s in sentences] == ["claim", "claim", "claim", "boilerplate"]
    assert all(article.body[s.start : s.end] == s.text for s in sentences)
    # every claim approved: the article waits for its sign-off, which the service accepts
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.IN_REVIEW
    assert workflow.sign_off(article=article, user=reviewer).status == ArticleStatus.SIGNED_OFF


def test_article_factory_takes_one_state_per_claim_in_reading_order(editor, reviewer):
    article = ArticleFactory(
        states=("draft", "submitted", "changes_requested"), annotator=editor, reviewer=reviewer
    )
    assert [a.status for a in annotations_of(article)] == [
        "draft",
        "submitted",
        "changes_requested",
    ]
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.IN_ANNOTATION
