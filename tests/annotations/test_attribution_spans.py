"""Words marked in the text become an attribution's source and cue spans (issue 13, item 6),
through the attribution service and its validation."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse

from annotations.models import Attribution
from annotations.services import workflow
from annotations.services.workflow import WorkflowError
from tests.factories import SourceFactory, annotation_of, claims_of, make_article

pytestmark = pytest.mark.django_db

BODY = (
    "Talks will resume next week, the foreign minister said on Tuesday.\n"
    "Kyiv rejected three of them, a senior Ukrainian source told CNN.\n"
)


@pytest.fixture
def second(db):
    article = make_article("spans", body=BODY)
    return claims_of(article)[1]


def offsets(sentence, words: str) -> tuple[int, int]:
    start = sentence.start + sentence.text.index(words)
    return start, start + len(words)


def add(sentence, user, **kwargs):
    return workflow.save_attribution(
        sentence=sentence,
        user=user,
        version=annotation_of(sentence).version,
        source=kwargs.pop("source", None) or SourceFactory(kind="anonymous"),
        **kwargs,
    )


def test_marked_words_are_stored_as_exact_offsets_into_the_body(editor, second):
    source_span = offsets(second, "a senior Ukrainian source")
    cue_span = offsets(second, "told")

    attribution = add(second, editor, source_span=source_span, cue_span=cue_span)

    body = second.article.body
    assert body[attribution.source_start : attribution.source_end] == "a senior Ukrainian source"
    assert body[attribution.cue_start : attribution.cue_end] == "told"
    # a blank cue takes the marked words
    assert attribution.cue == "told" and not attribution.is_suggestion


def test_a_span_outside_the_sentence_is_refused_and_nothing_is_written(editor, second):
    before = Attribution.objects.count()
    with pytest.raises(WorkflowError, match="not inside this sentence"):
        add(second, editor, source_span=(second.start - 5, second.start + 3))
    with pytest.raises(WorkflowError, match="not inside this sentence"):
        add(second, editor, cue_span=(second.end - 2, second.end + 1))
    assert Attribution.objects.count() == before


def test_a_cue_that_is_not_the_marked_words_is_refused(editor, second):
    with pytest.raises(WorkflowError, match="not the words marked"):
        add(second, editor, cue="said", cue_span=offsets(second, "told"))


def test_overlapping_source_and_cue_are_refused(editor, second):
    with pytest.raises(WorkflowError, match="overlap"):
        add(
            second,
            editor,
            source_span=offsets(second, "source told"),
            cue_span=offsets(second, "told"),
        )


def test_the_page_marks_words_through_the_view(client, editor, second):
    client.force_login(editor)
    source = SourceFactory(name="Ukrainian source", kind="anonymous")
    start, end = offsets(second, "a senior Ukrainian source")
    cue_start, cue_end = offsets(second, "told")
    response = client.post(
        reverse("desk:save_attribution", args=[second.pk]),
        {
            "version": annotation_of(second).version,
            "source": source.pk,
            "mode": "indirect",
            "cue": "",
            "source_start": start,
            "source_end": end,
            "cue_start": cue_start,
            "cue_end": cue_end,
        },
        headers={"accept": "application/json"},
    )
    assert response.status_code == 200
    saved = Attribution.objects.get(sentence=second, source=source)
    assert (saved.source_start, saved.source_end, saved.cue) == (start, end, "told")


def test_half_a_span_is_400_with_the_reason(client, editor, second):
    client.force_login(editor)
    response = client.post(
        reverse("desk:save_attribution", args=[second.pk]),
        {
            "version": annotation_of(second).version,
            "source": SourceFactory().pk,
            "source_start": "3",
        },
        headers={"accept": "application/json"},
    )
    assert response.status_code == 400
    assert "source_start, source_end" in response.json()["error"]


def test_the_panel_carries_the_spans_to_highlight_and_the_words_to_mark(client, editor, second):
    client.force_login(editor)
    panel = client.get(reverse("desk:panel", args=[second.pk])).content.decode()

    spans = json.loads(re.search(r'data-spans="([^"]*)"', panel).group(1).replace("&quot;", '"'))
    # the suggested attributions' mentions, as offsets into the sentence's text
    assert {second.text[x["start"] : x["end"]] for x in spans if x["kind"] == "cue"} >= {"told"}
    assert "data-word-picker" in panel
    start, end = offsets(second, "Ukrainian")
    assert f'data-start="{start}" data-end="{end}">Ukrainian</span>' in panel
