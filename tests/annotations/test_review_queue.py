"""The review queue shows the evidence: flags for contradicted, echo-only and anonymous-only
sentences (issue 13, item 3), and a refusal on the row it came from."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from annotations.models import Attribution, CrossCheck, SourceKind
from annotations.services import workflow
from tests.factories import STANDARDS, claims_of, make_article, submitted_through_services

pytestmark = pytest.mark.django_db

DRAFT = "Kyiv rejected capping its army at 600,000 troops, a senior source told CNN.\n"
WIRE = "Kyiv rejected capping its army at 800,000 troops, a Ukrainian official told Reuters.\n"
ECHO = "Kyiv rejected capping its army at 600,000 troops, CNN reported.\n"


def row_of(page: str, annotation_id: int) -> str:
    match = re.search(rf'<tr data-annotation-id="{annotation_id}".*?</tr>', page, re.S)
    assert match, f"no queue row for annotation {annotation_id}"
    return match.group(0)


def queue(client, reviewer) -> str:
    client.force_login(reviewer)
    return client.get(reverse("desk:review")).content.decode()


def test_a_contradicted_claim_is_flagged_in_the_queue(
    client, editor, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_article("wire", body=WIRE, role="reference")
        draft = make_article("draft", body=DRAFT)
    annotation = submitted_through_services(claims_of(draft)[0], editor)

    row = row_of(queue(client, reviewer), annotation.pk)

    assert 'data-flags="contradicted ' in row
    assert "Contradicted (1) · not acknowledged" in row and "Echo only" not in row


def test_a_contradiction_the_desk_answered_shows_as_acknowledged(
    client, editor, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        make_article("wire", body=WIRE, role="reference")
        draft = make_article("draft", body=DRAFT)
    claim = claims_of(draft)[0]
    annotation = workflow.annotation_for(claim)
    annotation = workflow.update_annotation(
        annotation=annotation, user=editor, version=annotation.version, confidence="disputed"
    )
    annotation = workflow.submit(annotation=annotation, user=editor, version=annotation.version)

    row = row_of(queue(client, reviewer), annotation.pk)

    assert "Contradicted (1) · acknowledged" in row


def test_a_claim_repeated_only_by_echoes_is_flagged_echo_only(client, editor, reviewer):
    draft = make_article("draft", body=DRAFT)
    echo = make_article("echo", body=ECHO, role="reference")
    claim = claims_of(draft)[0]
    CrossCheck.objects.create(
        claim=claim,
        match=echo.sentences.get(),
        relation=CrossCheck.Relation.CORROBORATES,
        score=0.8,
        reason="same numbers: 600,000",
        independent=False,
    )
    annotation = submitted_through_services(claim, editor)

    row = row_of(queue(client, reviewer), annotation.pk)

    assert "Echo only (1)" in row and "Contradicted" not in row


def test_a_sentence_resting_only_on_anonymous_sources_is_flagged(client, editor, reviewer):
    draft = make_article("draft", body=DRAFT)
    claim = claims_of(draft)[0]
    # The editor keeps the anonymous source and removes the other suggestion.
    for attribution in Attribution.objects.filter(sentence=claim).select_related("source"):
        version = workflow.annotation_for(claim).version
        if attribution.source.kind == SourceKind.ANONYMOUS:
            workflow.accept_attribution(
                attribution=attribution, user=editor, version=version, **STANDARDS
            )
        else:
            workflow.remove_attribution(attribution=attribution, user=editor, version=version)
    annotation = submitted_through_services(claim, editor)

    row = row_of(queue(client, reviewer), annotation.pk)

    assert "Anonymous only" in row


def test_a_sentence_with_a_named_source_and_no_matches_has_no_flags(client, editor, reviewer):
    draft = make_article("draft", body="Marco Rubio said talks resume on Monday.\n")
    annotation = submitted_through_services(claims_of(draft)[0], editor)

    row = row_of(queue(client, reviewer), annotation.pk)

    assert 'class="flags"' not in row and 'data-flags=""' in row


def test_the_queue_shows_its_keys_and_reads_the_flags_in_a_fixed_number_of_queries(
    client, editor, reviewer, django_assert_max_num_queries
):
    for number in range(6):
        draft = make_article(f"draft-{number}", body=DRAFT)
        submitted_through_services(claims_of(draft)[0], editor)
    client.force_login(reviewer)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("desk:review")).content.decode()
    assert page.count('class="queue-row') == 6
    assert "<kbd>a</kbd> approve" in page and "<kbd>r</kbd> request changes" in page
