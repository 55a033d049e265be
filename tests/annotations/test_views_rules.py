"""The desk's pages show the standards desk's rules and refusals where the action is taken
(issue 13, items 1, 2, 4 and 7), through the Django test client."""

from __future__ import annotations

import pytest
from django.urls import reverse

from annotations.limits import MAX_COMMENT_CHARS, MAX_NOTE_CHARS
from annotations.models import Annotation, Attribution
from tests.factories import (
    ArticleFactory,
    AttributionFactory,
    SubmittedAnnotationFactory,
    annotation_of,
    anonymous_suggestion,
    claims_of,
    client_for,
    contradiction,
    make_article,
)

pytestmark = pytest.mark.django_db


def panel(user, sentence) -> str:
    return client_for(user).get(reverse("desk:panel", args=[sentence.pk])).text


# --- item 1 ----------------------------------------------------------------------------------


def test_the_panel_asks_for_the_standards_fields_when_accepting_an_anonymous_suggestion(editor):
    suggestion = anonymous_suggestion()
    html = panel(editor, suggestion.sentence)
    assert "Why was anonymity granted?" in html and 'name="identity_known_to_editor"' in html


def test_accepting_from_the_panel_records_the_fields_on_the_attribution(editor):
    suggestion = anonymous_suggestion()
    response = client_for(editor).post(
        reverse("desk:accept_attribution", args=[suggestion.pk]),
        {
            "version": annotation_of(suggestion.sentence).version,
            "anonymity_reason": "Not authorised to speak.",
            "in_position_to_know": "true",
            "identity_known_to_editor": "true",
        },
    )
    suggestion.refresh_from_db()
    assert response.status_code == 200
    assert (suggestion.anonymity_reason, suggestion.identity_known_to_editor) == (
        "Not authorised to speak.",
        True,
    )
    assert "Identity known to an editor: yes" in response.json()["panel"]
    assert response.json()["message"] == "Attribution accepted."


def test_accepting_an_anonymous_source_without_the_fields_says_what_submission_needs(editor):
    suggestion = anonymous_suggestion()
    response = client_for(editor).post(
        reverse("desk:accept_attribution", args=[suggestion.pk]),
        {"version": annotation_of(suggestion.sentence).version, "in_position_to_know": "true"},
    )

    assert response.status_code == 200
    assert response.json()["message"] == (
        "Attribution accepted. Before the sentence is submitted, record why anonymity was "
        "granted and that an editor knows the identity."
    )


def test_the_panel_and_the_queue_show_what_an_anonymous_use_lacks(editor, reviewer, anonymous):
    note = SubmittedAnnotationFactory(annotator=editor)
    AttributionFactory(sentence=note.sentence, source=anonymous, in_position_to_know=True)

    queue = client_for(reviewer).get(reverse("desk:review")).text

    assert "Missing:</strong> why anonymity was granted; that an editor knows" in queue
    assert "In a position to know: yes" in panel(reviewer, note.sentence)


def test_submitting_from_the_panel_without_the_fields_is_400_with_the_message(editor, anonymous):
    sentence = claims_of(ArticleFactory())[0]
    AttributionFactory(sentence=sentence, source=anonymous)
    note = annotation_of(sentence)
    response = client_for(editor).post(
        reverse("desk:submit", args=[note.pk]), {"version": note.version}
    )
    assert response.status_code == 400
    assert response.json()["error"].startswith("Sentence 1 rests on an anonymous source")


# --- item 2 ----------------------------------------------------------------------------------


def test_the_summary_lists_each_blocker_with_a_link_to_its_sentence(reviewer):
    article = ArticleFactory(states="approved")
    claim = claims_of(article)[2]
    contradiction(claim, outlet="Reuters")

    html = client_for(reviewer).get(reverse("desk:summary", args=[article.pk])).text

    link = reverse("desk:article", args=[article.pk]) + f"#s-{claim.pk}"
    assert f'<a href="{link}">Sentence 3</a>: contradicted by the cross-checks (Reuters)' in html
    assert 'id="sign-off"' not in html
    assert "The cross-checks found 1 claim contradicted by an independent report; 0 marked" in html


def test_a_refused_sign_off_shows_the_blockers_on_the_summary(reviewer):
    article = ArticleFactory(states="approved")
    contradiction(claims_of(article)[0])
    response = client_for(reviewer).post(reverse("desk:sign_off", args=[article.pk]))
    assert response.status_code == 400
    assert "Sign-off is blocked: sentence 1: contradicted" in response.text


# --- item 4 ----------------------------------------------------------------------------------


def test_changing_a_submitted_sentence_from_the_panel_is_refused_with_the_way_out(editor):
    note = SubmittedAnnotationFactory(annotator=editor)
    response = client_for(editor).post(
        reverse("desk:update", args=[note.pk]), {"version": note.version, "confidence": "confirmed"}
    )
    assert response.status_code == 400 and "withdraw it from review" in response.json()["error"]
    assert Annotation.objects.get(pk=note.pk).status == "submitted"
    # The panel says why its buttons are disabled and offers the withdrawal.
    html = panel(editor, note.sentence)
    assert "data-refusal" in html and "Withdraw from review" in html


def test_withdrawing_from_the_panel_answers_with_the_draft(editor):
    note = SubmittedAnnotationFactory(annotator=editor)
    response = client_for(editor).post(
        reverse("desk:withdraw", args=[note.pk]), {"version": note.version}
    )
    assert response.status_code == 200 and response.json()["annotation"]["status"] == "draft"
    assert "Withdrawn from review" in response.json()["message"]


def test_request_changes_from_the_queue_without_a_comment_is_400_with_the_message(editor, reviewer):
    note = SubmittedAnnotationFactory(annotator=editor)
    response = client_for(reviewer).post(
        reverse("desk:request_changes", args=[note.pk]),
        {"version": note.version, "comment": "  "},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 400 and "a comment is required" in response.json()["error"]
    # The queue row has the box the message is shown in.
    queue = client_for(reviewer).get(reverse("desk:review")).text
    assert 'data-messages role="status"' in queue.split(f'data-annotation-id="{note.pk}"')[1]


# --- item 7 ----------------------------------------------------------------------------------


def test_a_note_over_the_limit_is_400_and_the_page_says_the_limit(editor):
    note = annotation_of(claims_of(ArticleFactory())[0])
    response = client_for(editor).post(
        reverse("desk:update", args=[note.pk]),
        {"version": note.version, "note": "x" * 69_000},
    )
    assert response.status_code == 400 and "69,000 characters long" in response.json()["error"]
    assert Annotation.objects.get(pk=note.pk).note == ""
    assert f'maxlength="{MAX_NOTE_CHARS}"' in panel(editor, note.sentence)


def test_a_comment_over_the_limit_is_400(editor):
    sentence = claims_of(ArticleFactory())[0]
    response = client_for(editor).post(
        reverse("desk:add_comment", args=[sentence.pk]), {"body": "x" * (MAX_COMMENT_CHARS + 1)}
    )
    assert response.status_code == 400 and "limit is 2,000" in response.json()["error"]
    assert not sentence.comments.exists()


def test_the_queue_shortens_a_long_note(editor, reviewer):
    note = SubmittedAnnotationFactory(annotator=editor)
    Annotation.objects.filter(pk=note.pk).update(note="y" * 5_000)  # saved before the limit
    queue = client_for(reviewer).get(reverse("desk:review")).text
    assert "y" * 399 + "…" in queue and "y" * 401 not in queue


def test_the_panel_says_what_the_sentence_will_block_at_sign_off(editor):
    article = ArticleFactory()
    claim = claims_of(article)[0]
    contradiction(claim, outlet="Reuters")
    html = panel(editor, claim)
    assert "Blocks sign-off: contradicted by the cross-checks (Reuters)" in html
    Annotation.objects.filter(sentence=claim).update(confidence="disputed")
    assert "Blocks sign-off" not in panel(editor, claim)


def test_the_panel_counts_the_suggestions_left_for_sign_off(editor):
    article = make_article()
    sentence = Attribution.objects.filter(sentence__article=article).first().sentence
    assert "Blocks sign-off: 1 suggested attribution(s) neither accepted" in panel(editor, sentence)
