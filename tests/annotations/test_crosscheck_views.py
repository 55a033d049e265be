from __future__ import annotations

import pytest
from django.urls import reverse

from annotations.models import CrosscheckJob, Sentence
from tests.factories import make_article

pytestmark = pytest.mark.django_db

DRAFT = "Kyiv rejected capping its army at 600,000 troops, a senior source told CNN.\n"
WIRE = "Kyiv rejected capping its army at 800,000 troops, a Ukrainian official told Reuters.\n"


@pytest.fixture
def checked(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_article("wire", body=WIRE, role="reference")
        return make_article("draft", body=DRAFT)


def test_progress_endpoint_reports_the_latest_job(client, editor, checked):
    client.force_login(editor)
    data = client.get(reverse("desk:crosscheck_status", args=[checked.pk])).json()
    assert data == {"status": "done", "percent": 100, "label": "Done: 1 of 1 sentences"}


def test_progress_endpoint_needs_a_desk_role(client, outsider, checked):
    url = reverse("desk:crosscheck_status", args=[checked.pk])
    assert client.get(url).status_code == 302
    client.force_login(outsider)
    assert client.get(url).status_code == 403


def test_article_pages_show_the_progress_bar(client, reviewer, checked):
    client.force_login(reviewer)
    page = client.get(reverse("desk:article", args=[checked.pk])).text
    summary = client.get(reverse("desk:summary", args=[checked.pk])).text
    assert 'id="crosscheck"' in page and "1 of 1 sentences" in page
    assert "Contradicted by other outlets" in summary and "600,000" in summary


def test_panel_lists_crosschecks_and_the_suggested_confidence(client, editor, checked):
    claim = Sentence.objects.get(article=checked, index=0)
    client.force_login(editor)
    panel = client.get(reverse("desk:panel", args=[claim.pk])).text
    assert "Contradicts" in panel and "800,000 troops" in panel
    assert "Cross-checks suggest" in panel


def test_start_queues_a_new_job_and_needs_post(client, editor, checked):
    client.force_login(editor)
    url = reverse("desk:crosscheck_start", args=[checked.pk])
    assert client.get(url).status_code == 405
    before = CrosscheckJob.objects.filter(article=checked).count()
    client.post(url)
    assert CrosscheckJob.objects.filter(article=checked).count() == before + 1
