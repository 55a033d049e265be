from __future__ import annotations

import pytest

from annotations.models import CrosscheckJob
from tests.factories import make_article

pytestmark = pytest.mark.django_db

DRAFT = "Kyiv rejected capping its army at 600,000 troops, a senior source told CNN.\n"
WIRE = "Kyiv rejected capping its army at 800,000 troops, a Ukrainian official told Reuters.\n"


def test_start_answers_202_with_the_queued_job_and_where_to_poll(as_publisher, article):
    response = as_publisher.post(f"/api/v1/articles/{article.pk}/crosscheck-jobs/")
    job = CrosscheckJob.objects.get(pk=response.json()["id"])
    assert response.status_code == 202 and response.json()["status"] == "queued"
    assert response.json()["progress_total"] == 3 and response.json()["attempts"] == 0
    assert response["Location"].endswith(f"/api/v1/crosscheck-jobs/{job.pk}/")
    assert response.json()["article_url"].endswith(f"/api/v1/articles/{article.pk}/")


def test_job_status_shows_progress_once_it_ran(
    as_editor, article, django_capture_on_commit_callbacks
):
    make_article("wire", body=WIRE, role="reference")
    with django_capture_on_commit_callbacks(execute=True):
        started = as_editor.post(f"/api/v1/articles/{article.pk}/crosscheck-jobs/").json()
    status = as_editor.get(started["url"]).json()
    assert status["status"] == "done" and status["progress_percent"] == 100
    assert status["progress_done"] == status["progress_total"] == 3
    assert status["error"] == "" and status["attempts"] == 1


def test_start_refuses_a_body_with_fields(as_editor, article):
    response = as_editor.post(
        f"/api/v1/articles/{article.pk}/crosscheck-jobs/", {"all": True}, format="json"
    )
    assert response.status_code == 400 and "all" in response.json()["fields"]
    assert not CrosscheckJob.objects.filter(trigger__contains="API").exists()


def test_unknown_jobs_and_articles_are_404(as_editor, db):
    assert as_editor.get("/api/v1/crosscheck-jobs/999999/").status_code == 404
    assert as_editor.post("/api/v1/articles/999999/crosscheck-jobs/").status_code == 404
    assert as_editor.get("/api/v1/crosscheck-jobs/x/").status_code == 400
