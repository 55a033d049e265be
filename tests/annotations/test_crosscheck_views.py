from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import escape

from annotations.models import Article, CrossCheck, CrosscheckJob, Sentence
from annotations.services.crosschecks import queue_crosscheck
from annotations.services.ingest import ingest_document
from tests.factories import make_article
from verify.engine.documents import Document

pytestmark = pytest.mark.django_db

DRAFT = "Kyiv rejected capping its army at 600,000 troops, a senior source told CNN.\n"
WIRE = "Kyiv rejected capping its army at 800,000 troops, a Ukrainian official told Reuters.\n"


@pytest.fixture
def checked(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_article("wire", body=WIRE, role="reference")
        return make_article("draft", body=DRAFT)


def test_progress_endpoint_reports_the_claims_checked_and_the_last_run(client, editor, checked):
    client.force_login(editor)
    data = client.get(reverse("desk:crosscheck_status", args=[checked.pk])).json()
    assert data["status"] == "done" and data["percent"] == 100
    assert data["label"].startswith("1 of 1 claim checked · last run ")
    assert data["label"].endswith(", done: 1 of 1 claims")


def test_progress_counts_the_whole_article_after_a_job_over_a_few_claims(
    client, editor, django_capture_on_commit_callbacks
):
    body = DRAFT + "Talks resume on Monday, the minister said.\n" + WIRE
    with django_capture_on_commit_callbacks(execute=True):
        draft = make_article("draft-3", body=body)
        first = Sentence.objects.get(article=draft, index=0)
        queue_crosscheck(article=draft, sentence_ids=[first.pk], trigger="test")
    client.force_login(editor)

    data = client.get(reverse("desk:crosscheck_status", args=[draft.pk])).json()
    page = client.get(reverse("desk:article", args=[draft.pk])).text

    # the last run checked one claim; the article's three are all checked
    assert data["label"].startswith("3 of 3 claims checked") and "1 of 1 claims" in data["label"]
    assert "3 of 3 claims checked" in page


def test_progress_counts_a_claim_changed_by_a_revision_as_not_checked(client, editor, checked):
    revised = DRAFT.replace("600,000", "650,000")
    run_ingest_document(checked, revised)
    client.force_login(editor)
    data = client.get(reverse("desk:crosscheck_status", args=[checked.pk])).json()
    assert data["label"].startswith("0 of 1 claim checked") and data["status"] == "queued"


def run_ingest_document(article: Article, body: str) -> None:
    """A new revision of ``article`` with ``body`` (its cross-check job left queued)."""
    document = Document(body=body, external_id=article.external_id, headline=article.headline)
    ingest_document(document=document, role="draft")


def test_progress_endpoint_needs_a_desk_role(client, outsider, checked):
    url = reverse("desk:crosscheck_status", args=[checked.pk])
    assert client.get(url).status_code == 302
    client.force_login(outsider)
    assert client.get(url).status_code == 403


def test_article_pages_show_the_progress_bar(client, reviewer, checked):
    client.force_login(reviewer)
    page = client.get(reverse("desk:article", args=[checked.pk])).text
    summary = client.get(reverse("desk:summary", args=[checked.pk])).text
    assert 'id="crosscheck"' in page and "1 of 1 claim checked" in page
    assert "Contradicted by other outlets" in summary and "600,000" in summary


def test_panel_lists_crosschecks_and_the_suggested_confidence(client, editor, checked):
    claim = Sentence.objects.get(article=checked, index=0)
    client.force_login(editor)
    panel = client.get(reverse("desk:panel", args=[claim.pk])).text
    assert "Contradicts" in panel and "800,000 troops" in panel
    assert "Cross-checks suggest" in panel


def test_every_match_links_to_the_other_articles_sentence_with_the_reason(client, editor, checked):
    claim = Sentence.objects.get(article=checked, index=0)
    crosscheck = CrossCheck.objects.get(claim=claim)
    match = crosscheck.match
    client.force_login(editor)
    panel = client.get(reverse("desk:panel", args=[claim.pk])).text
    link = reverse("desk:article_text", args=[match.article_id]) + f"#s-{match.pk}"
    assert f'href="{link}"' in panel
    # The engine's own words (their wording is the engine's to change).
    assert "600,000 vs 800,000" in crosscheck.reason and escape(crosscheck.reason) in panel


def test_a_reference_article_reads_with_an_anchor_per_sentence(client, editor, checked):
    reference = Article.objects.get(external_id="wire")
    sentence = reference.sentences.get()
    client.force_login(editor)
    page = client.get(reverse("desk:article_text", args=[reference.pk])).text
    assert f'id="s-{sentence.pk}"' in page and "800,000 troops" in page
    assert "Reference (not annotated)" in page and "In annotation" not in page


def test_the_reference_text_needs_a_desk_role(client, outsider, checked):
    url = reverse("desk:article_text", args=[Article.objects.get(external_id="wire").pk])
    assert client.get(url).status_code == 302
    client.force_login(outsider)
    assert client.get(url).status_code == 403


def test_start_queues_a_new_job_and_needs_post(client, editor, checked):
    client.force_login(editor)
    url = reverse("desk:crosscheck_start", args=[checked.pk])
    assert client.get(url).status_code == 405
    before = CrosscheckJob.objects.filter(article=checked).count()
    client.post(url)
    assert CrosscheckJob.objects.filter(article=checked).count() == before + 1
