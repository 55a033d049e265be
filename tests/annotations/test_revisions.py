from __future__ import annotations

import pytest

from annotations.models import Annotation, AnnotationStatus, Article, ArticleStatus, Sentence
from annotations.services import workflow
from annotations.services.ingest import ingest_document
from tests.factories import suggestions_resolved
from verify.engine.documents import Document

pytestmark = pytest.mark.django_db

P1 = "The minister said talks would resume in Geneva on Monday, officials said."
P2 = "The draft has 22 points, according to two diplomats familiar with the plan."
P3 = "Kyiv rejected three of them, a senior Ukrainian source told CNN."
P4 = "Moscow has not commented on the plan, the Kremlin said in a statement."
BODY = "\n\n".join([P1, P2, P3, P4]) + "\n"


def ingest(body: str) -> Article:
    document = Document(body=body, external_id="rev-1", headline="Revisions")
    return ingest_document(document=document).article


def current(article: Article) -> dict[str, Sentence]:
    return {s.text: s for s in Sentence.objects.current().filter(article=article)}


def annotate_all(article: Article, editor, reviewer) -> None:
    for annotation in Annotation.objects.filter(sentence__article=article):
        annotation = workflow.update_annotation(
            annotation=annotation, user=editor, version=annotation.version, note="checked"
        )
        workflow.submit(annotation=annotation, user=editor)
        workflow.approve(annotation=annotation, reviewer=reviewer)


@pytest.fixture
def signed_off(editor, reviewer) -> Article:
    article = ingest(BODY)
    suggestions_resolved(article, editor)  # sign-off needs them resolved
    annotate_all(article, editor, reviewer)
    return workflow.sign_off(article=article, user=reviewer)


def test_inserted_paragraph_keeps_everything_else(signed_off):
    before = current(signed_off)
    inserted = "A new paragraph says that the talks were brought forward by a day."
    article = ingest("\n\n".join([P1, inserted, P2, P3, P4]) + "\n")
    after = current(article)
    # unchanged sentences keep their rows, approvals and exact offsets in the new body
    assert all(after[text].pk == before[text].pk for text in (P1, P2, P3, P4))
    assert all(after[t].annotation.status == AnnotationStatus.APPROVED for t in (P1, P2, P3, P4))
    assert all(article.body[s.start : s.end] == s.text for s in after.values())
    assert after[inserted].annotation.status == AnnotationStatus.DRAFT


def test_signed_off_article_that_changes_returns_to_annotation(signed_off):
    article = ingest(BODY.replace("22 points", "20 points"))
    assert article.status == ArticleStatus.IN_ANNOTATION
    assert article.transitions.filter(action="revise", from_status="signed_off").exists()


def test_reworded_sentence_reopens_and_keeps_its_old_annotation_in_history(signed_off):
    old = current(signed_off)[P2]
    article = ingest(BODY.replace(P2, "The draft now has 20 points, two diplomats said."))
    annotation = Annotation.objects.get(sentence=old)
    assert annotation.sentence.text == "The draft now has 20 points, two diplomats said."
    assert (annotation.status, annotation.note) == (AnnotationStatus.DRAFT, "checked")
    assert annotation.history.filter(status=AnnotationStatus.APPROVED).exists()
    assert old.history.filter(text=P2).exists() and article.revision == 2


def test_typo_fix_reopens_only_that_sentence(signed_off):
    fixed = P3.replace("Kyiv rejected", "Kyiv rejected")  # unchanged control
    article = ingest(BODY.replace("Kremlin said", "Kremlin sayd").replace("sayd", "said,"))
    statuses = {t: s.annotation.status for t, s in current(article).items()}
    assert statuses[fixed] == AnnotationStatus.APPROVED
    assert sum(status == AnnotationStatus.DRAFT for status in statuses.values()) == 1


def test_deleted_sentence_is_archived_never_deleted(signed_off):
    gone = current(signed_off)[P3]
    article = ingest("\n\n".join([P1, P2, P4]) + "\n")
    archived = Sentence.objects.get(pk=gone.pk)
    assert archived.archived_at is not None
    assert archived.annotation.status == AnnotationStatus.APPROVED  # kept as it was
    assert P3 not in current(article)


def test_split_sentence_keeps_the_larger_half_and_adds_the_rest(signed_off):
    old = current(signed_off)[P2]
    halves = (
        "The draft has 22 points, according to two diplomats familiar with the plan "
        "and with the talks. It was shared in November."
    )
    article = ingest(BODY.replace(P2, halves))
    after = current(article)
    first = halves.split(" It was")[0]
    assert after[first].pk == old.pk
    assert after["It was shared in November."].annotation.status == AnnotationStatus.DRAFT
    assert len(after) == 5


def test_reordered_paragraphs_follow_their_text(signed_off):
    before = current(signed_off)
    article = ingest("\n\n".join([P4, P3, P2, P1]) + "\n")
    after = current(article)
    assert {t: s.pk for t, s in after.items()} == {t: s.pk for t, s in before.items()}
    assert [s.text for s in sorted(after.values(), key=lambda s: s.index)] == [P4, P3, P2, P1]
    assert article.status == ArticleStatus.SIGNED_OFF  # nothing was reworded


def test_moved_sentence_attribution_spans_follow_the_text(signed_off):
    article = ingest("\n\n".join([P4, P3, P2, P1]) + "\n")
    for sentence in current(article).values():
        for attribution in sentence.attributions.all():
            assert sentence.start <= attribution.source_start < attribution.source_end
            assert article.body[attribution.cue_start : attribution.cue_end] == attribution.cue
