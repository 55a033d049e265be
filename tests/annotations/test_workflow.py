from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from annotations.models import (
    Annotation,
    AnnotationStatus,
    Article,
    ArticleStatus,
    Attribution,
    Comment,
    Sentence,
    Transition,
)
from annotations.services import workflow
from annotations.services.workflow import NotAllowed, StaleVersion, WorkflowError
from tests.factories import (
    ApprovedAnnotationFactory,
    ArticleFactory,
    AttributionFactory,
    ChangesRequestedAnnotationFactory,
    SourceFactory,
    SubmittedAnnotationFactory,
    annotations_of,
    suggestions_resolved,
)

pytestmark = pytest.mark.django_db


def edited_and_submitted(annotation: Annotation, editor) -> Annotation:
    """The service path the factories stand for: set the confidence, then submit."""
    annotation = workflow.update_annotation(
        annotation=annotation, user=editor, version=annotation.version, confidence="single_source"
    )
    return workflow.submit(annotation=annotation, user=editor)


# --- annotations ---------------------------------------------------------------------------


def test_claim_sentences_of_a_draft_get_draft_annotations(article):
    sentences = Sentence.objects.current().filter(article=article)
    assert sentences.claims().count() == len(annotations_of(article)) == 3
    assert all(a.status == AnnotationStatus.DRAFT for a in annotations_of(article))
    assert not Annotation.objects.filter(sentence__kind="boilerplate").exists()


def test_reference_articles_get_no_annotations():
    from tests.factories import make_article

    reference = make_article("ref-1", role="reference")
    assert annotations_of(reference) == []


def test_editor_sets_confidence_and_note_and_version_moves_on(article, editor):
    annotation = annotations_of(article)[0]
    updated = workflow.update_annotation(
        annotation=annotation, user=editor, version=1, confidence="confirmed", note="Seen it."
    )
    assert (updated.confidence, updated.note, updated.version) == ("confirmed", "Seen it.", 2)
    assert updated.annotator == editor


def test_stale_version_is_refused_and_nothing_is_overwritten(article, editor, second_editor):
    annotation = annotations_of(article)[0]
    workflow.update_annotation(annotation=annotation, user=editor, version=1, note="first")
    with pytest.raises(StaleVersion) as caught:
        workflow.update_annotation(annotation=annotation, user=second_editor, version=1, note="x")
    assert caught.value.current.note == "first"
    assert Annotation.objects.get(pk=annotation.pk).note == "first"


def test_unknown_confidence_is_refused(article, editor):
    with pytest.raises(WorkflowError, match="Unknown confidence"):
        workflow.update_annotation(
            annotation=annotations_of(article)[0], user=editor, version=1, confidence="probably"
        )


def test_reviewer_without_editor_role_cannot_annotate(article, reviewer):
    with pytest.raises(NotAllowed):
        workflow.update_annotation(annotation=annotations_of(article)[0], user=reviewer, version=1)


def test_outsider_cannot_annotate_or_comment(article, outsider):
    annotation = annotations_of(article)[0]
    with pytest.raises(NotAllowed):
        workflow.update_annotation(annotation=annotation, user=outsider, version=1, note="x")
    with pytest.raises(NotAllowed):
        workflow.add_comment(sentence=annotation.sentence, user=outsider, body="hi")


def test_inactive_editor_cannot_annotate(article, editor):
    editor.is_active = False
    editor.save()
    with pytest.raises(NotAllowed):
        workflow.update_annotation(annotation=annotations_of(article)[0], user=editor, version=1)


def test_accepting_a_suggestion_makes_it_the_desks_own(article, editor):
    attribution = Attribution.objects.filter(sentence__article=article).first()
    annotation = attribution.sentence.annotation
    workflow.accept_attribution(attribution=attribution, user=editor, version=annotation.version)
    attribution.refresh_from_db()
    annotation.refresh_from_db()
    assert attribution.is_suggestion is False
    assert annotation.version == 2 and annotation.annotator == editor


def test_editor_adds_edits_and_removes_attributions(article, editor):
    annotation = annotations_of(article)[1]
    source = SourceFactory(name="Reuters")
    added = workflow.save_attribution(
        sentence=annotation.sentence, user=editor, version=1, source=source, cue="reported"
    )
    edited = workflow.save_attribution(
        sentence=annotation.sentence,
        user=editor,
        version=2,
        source=source,
        cue="first reported",
        mode="reported_by",
        attribution=added,
    )
    assert (edited.cue, edited.mode, edited.is_suggestion) == (
        "first reported",
        "reported_by",
        False,
    )
    added_id = added.pk
    workflow.remove_attribution(attribution=edited, user=editor, version=3)
    assert not Attribution.objects.filter(pk=added_id).exists()
    assert Attribution.history.filter(id=added_id, history_type="-", history_user=editor).exists()


def test_attribution_of_another_sentence_cannot_be_edited_through_this_one(article, editor):
    first, second = annotations_of(article)[:2]
    foreign = Attribution.objects.filter(sentence=second.sentence).first()
    with pytest.raises(WorkflowError, match="another sentence"):
        workflow.save_attribution(
            sentence=first.sentence,
            user=editor,
            version=1,
            source=foreign.source,
            attribution=foreign,
        )


def test_boilerplate_is_not_annotated(article, editor):
    boilerplate = Sentence.objects.get(article=article, kind="boilerplate")
    with pytest.raises(WorkflowError, match="Boilerplate"):
        workflow.save_attribution(
            sentence=boilerplate, user=editor, version=1, source=SourceFactory()
        )


# --- transitions ---------------------------------------------------------------------------


def test_submit_approve_and_every_transition_is_recorded(article, editor, reviewer):
    annotation = workflow.approve(
        annotation=edited_and_submitted(annotations_of(article)[0], editor), reviewer=reviewer
    )
    assert annotation.status == AnnotationStatus.APPROVED and annotation.reviewer == reviewer
    actions = list(Transition.objects.filter(annotation=annotation).values_list("action", "actor"))
    assert actions == [("submit", editor.pk), ("approve", reviewer.pk)]


def test_reviewer_never_approves_an_annotation_they_made(editor, reviewer):
    from annotations.roles import EDITOR

    reviewer.groups.add(editor.groups.get(name=EDITOR))  # a reviewer who also edits
    reviewer = type(reviewer).objects.get(pk=reviewer.pk)
    annotation = SubmittedAnnotationFactory(annotator=reviewer)
    with pytest.raises(NotAllowed, match="someone else must review"):
        workflow.approve(annotation=annotation, reviewer=reviewer)
    assert Annotation.objects.get(pk=annotation.pk).status == AnnotationStatus.SUBMITTED


def test_database_refuses_an_approval_by_the_annotator(article, editor):
    annotation = annotations_of(article)[0]
    annotation.status, annotation.annotator, annotation.reviewer = "approved", editor, editor
    with pytest.raises(IntegrityError), transaction.atomic():
        annotation.save()


def test_editor_cannot_approve_or_sign_off(editor, second_editor):
    annotation = SubmittedAnnotationFactory(annotator=editor)
    with pytest.raises(NotAllowed):
        workflow.approve(annotation=annotation, reviewer=second_editor)
    with pytest.raises(NotAllowed):
        workflow.sign_off(article=annotation.sentence.article, user=second_editor)


def test_only_submitted_sentences_are_reviewed(article, reviewer):
    with pytest.raises(WorkflowError, match="Only a submitted sentence"):
        workflow.approve(annotation=annotations_of(article)[0], reviewer=reviewer)


def test_request_changes_needs_a_comment(editor, reviewer):
    annotation = SubmittedAnnotationFactory(annotator=editor)
    with pytest.raises(WorkflowError, match="comment is required"):
        workflow.request_changes(annotation=annotation, reviewer=reviewer, comment="  ")
    assert Annotation.objects.get(pk=annotation.pk).status == AnnotationStatus.SUBMITTED


def test_request_changes_posts_the_comment_to_the_thread(editor, reviewer):
    annotation = SubmittedAnnotationFactory(annotator=editor)
    workflow.request_changes(annotation=annotation, reviewer=reviewer, comment="Name the source.")
    assert Annotation.objects.get(pk=annotation.pk).status == "changes_requested"
    assert Comment.objects.get(sentence=annotation.sentence).body == "Name the source."


def test_changes_requested_can_be_fixed_and_resubmitted(editor, reviewer):
    annotation = ChangesRequestedAnnotationFactory(
        annotator=editor, reviewer=reviewer, comment="Why?"
    )
    annotation = workflow.update_annotation(
        annotation=annotation, user=editor, version=annotation.version, note="Fixed."
    )
    annotation = workflow.submit(annotation=annotation, user=editor)
    assert workflow.approve(annotation=annotation, reviewer=reviewer).is_approved


def test_approved_sentence_is_not_edited_without_reopening(editor, reviewer):
    annotation = ApprovedAnnotationFactory(annotator=editor, reviewer=reviewer)
    with pytest.raises(WorkflowError, match="reopen it"):
        workflow.update_annotation(
            annotation=annotation, user=editor, version=annotation.version, note="sneaky"
        )
    annotation = workflow.reopen_annotation(annotation=annotation, user=editor)
    edited = workflow.update_annotation(
        annotation=annotation, user=editor, version=annotation.version, note="now fine"
    )
    assert (edited.status, edited.note) == ("draft", "now fine")


def test_approved_sentences_attributions_are_not_edited_without_reopening(editor, reviewer):
    annotation = ApprovedAnnotationFactory(annotator=editor, reviewer=reviewer)
    attribution = AttributionFactory(sentence=annotation.sentence)
    with pytest.raises(WorkflowError, match="reopen it"):
        workflow.remove_attribution(
            attribution=attribution, user=editor, version=annotation.version
        )
    assert Attribution.objects.filter(pk=attribution.pk).exists()


def test_editing_a_submitted_sentence_is_refused_until_it_is_withdrawn(editor):
    # It used to go back to draft silently, out of the reviewer's queue (issue 13, item 4).
    annotation = SubmittedAnnotationFactory(annotator=editor)
    with pytest.raises(WorkflowError, match="withdraw it from review"):
        workflow.update_annotation(
            annotation=annotation, user=editor, version=annotation.version, note="one more thing"
        )
    assert Annotation.objects.get(pk=annotation.pk).status == AnnotationStatus.SUBMITTED


def test_withdrawing_a_submitted_sentence_makes_it_a_draft_to_edit(editor, second_editor):
    annotation = SubmittedAnnotationFactory(annotator=editor)
    withdrawn = workflow.withdraw(
        annotation=annotation, user=second_editor, version=annotation.version
    )
    edited = workflow.update_annotation(
        annotation=withdrawn, user=second_editor, version=withdrawn.version, note="one more"
    )
    assert (edited.status, edited.note, edited.annotator) == ("draft", "one more", second_editor)
    assert Transition.objects.filter(annotation=annotation, action="withdraw").count() == 1
    assert Article.objects.get(pk=annotation.sentence.article_id).status == "in_annotation"


def test_only_a_submitted_sentence_is_withdrawn_and_only_by_an_editor(editor, reviewer):
    draft = ArticleFactory(states="draft").sentences.first().annotation
    submitted = SubmittedAnnotationFactory(annotator=editor)
    with pytest.raises(WorkflowError, match="Only a submitted sentence"):
        workflow.withdraw(annotation=draft, user=editor)
    with pytest.raises(NotAllowed):
        workflow.withdraw(annotation=submitted, user=reviewer)
    assert Annotation.objects.get(pk=submitted.pk).status == AnnotationStatus.SUBMITTED


def test_sign_off_needs_every_claim_approved(editor, reviewer):
    article = ArticleFactory(
        states=("approved", "draft", "draft"), annotator=editor, reviewer=reviewer
    )
    with pytest.raises(WorkflowError, match="2 claim sentence"):
        workflow.sign_off(article=article, user=reviewer)
    assert Article.objects.get(pk=article.pk).status != ArticleStatus.SIGNED_OFF


def test_article_moves_to_review_then_signs_off(article, editor, reviewer):
    # Sign-off needs every suggestion resolved (issue 13, item 2).
    suggestions_resolved(article, editor)
    for annotation in annotations_of(article):
        edited_and_submitted(annotation, editor)
    assert Article.objects.get(pk=article.pk).status == ArticleStatus.IN_REVIEW
    for annotation in annotations_of(article):
        workflow.approve(annotation=annotation, reviewer=reviewer)
    signed = workflow.sign_off(article=article, user=reviewer)
    assert signed.status == ArticleStatus.SIGNED_OFF
    assert Transition.objects.filter(article=article, action="sign_off", actor=reviewer).exists()


def test_signed_off_article_is_frozen_until_reopened(editor, reviewer):
    article = ArticleFactory(states="approved", annotator=editor, reviewer=reviewer)
    workflow.sign_off(article=article, user=reviewer)
    annotation = annotations_of(article)[0]
    with pytest.raises(WorkflowError, match="signed off"):
        workflow.reopen_annotation(annotation=annotation, user=editor)
    with pytest.raises(NotAllowed):
        workflow.reopen_article(article=article, user=editor)
    reopened = workflow.reopen_article(article=article, user=reviewer)
    assert reopened.status == ArticleStatus.IN_REVIEW  # every claim is still approved


def test_sign_off_twice_is_refused(editor, reviewer):
    article = ArticleFactory(states="approved", annotator=editor, reviewer=reviewer)
    workflow.sign_off(article=article, user=reviewer)
    with pytest.raises(WorkflowError, match="already signed off"):
        workflow.sign_off(article=article, user=reviewer)


def test_approve_many_reports_what_it_could_not_approve(editor, reviewer):
    article = ArticleFactory(states=("submitted", "submitted", "draft"), annotator=editor)
    annotations = annotations_of(article)
    ready = annotations[:2]
    problems = workflow.approve_many(annotations=[*ready, annotations[2]], reviewer=reviewer)
    assert len(problems) == 1 and "Only a submitted sentence" in problems[0]
    assert sum(a.is_approved for a in annotations_of(article)) == 2


# --- audit history and discussion ----------------------------------------------------------


def test_history_records_who_changed_what(article, editor, reviewer):
    annotation = edited_and_submitted(annotations_of(article)[0], editor)
    workflow.approve(annotation=annotation, reviewer=reviewer)
    history = list(annotation.history.order_by("history_date"))
    assert [h.history_user for h in history[-2:]] == [editor, reviewer]
    delta = history[-1].diff_against(history[-2])
    assert "status" in delta.changed_fields


def test_comment_thread_is_shared_by_editors_and_reviewers(article, editor, reviewer):
    sentence = annotations_of(article)[0].sentence
    workflow.add_comment(sentence=sentence, user=editor, body="Is CNN's source the same one?")
    workflow.add_comment(sentence=sentence, user=reviewer, body="No, a different one.")
    with pytest.raises(WorkflowError, match="cannot be empty"):
        workflow.add_comment(sentence=sentence, user=editor, body=" ")
    assert [c.author for c in sentence.comments.all()] == [editor, reviewer]
