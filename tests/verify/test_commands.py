"""``manage.py crosscheck`` and ``manage.py report``, in-process (no broker configured)."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from annotations.models import CrosscheckJob, JobStatus
from tests.factories import make_article

pytestmark = pytest.mark.django_db

DRAFT = (
    "Kyiv rejected capping its army at 600,000 troops, a senior source told CNN.\n"
    "Washington wants the package finalised quickly, the diplomats said.\n"
)
WIRE = "Kyiv rejected capping its army at 800,000 troops, a Ukrainian official told Reuters.\n"


@pytest.fixture
def articles():
    return make_article("wire-9", body=WIRE, role="reference"), make_article("draft-9", body=DRAFT)


def command(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_crosscheck_runs_the_named_articles_in_process_and_reports_progress(articles):
    _, draft = articles
    out = command("crosscheck", "draft-9")
    job = CrosscheckJob.objects.filter(article=draft).latest("pk")
    assert "Running in this process" in out
    assert "2/2 done" in out and job.status == JobStatus.DONE


def test_crosscheck_all_checks_every_draft(articles):
    out = command("crosscheck", "--all")
    assert "[draft-9]" in out and "[wire-9]" not in out


def test_crosscheck_needs_articles_or_all(articles):
    with pytest.raises(CommandError, match="or give --all"):
        command("crosscheck")
    with pytest.raises(CommandError, match="No article with id or external id: nope"):
        command("crosscheck", "nope")


def test_report_json_has_annotation_and_crosschecks_per_sentence(articles):
    command("crosscheck", "draft-9")
    record = json.loads(command("report", "draft-9", "--format", "json"))
    first = record["sentences"][0]
    assert record["external_id"] == "draft-9" and record["status"] == "in_annotation"
    assert first["annotation"] == {
        "confidence": "unverified",
        "status": "draft",
        "annotator": None,
        "reviewer": None,
    }
    (check,) = [c for c in first["crosschecks"] if c["article"] == "wire-9"]
    assert check["relation"] == "contradicts" and check["independent"] is True
    assert set(check) == {
        "article",
        "sentence_index",
        "text",
        "relation",
        "independent",
        "score",
        "reason",
    }


def test_report_all_is_one_json_line_per_article(articles):
    lines = command("report", "--all", "--format", "json").splitlines()
    assert sorted(json.loads(line)["external_id"] for line in lines) == ["draft-9", "wire-9"]


def test_report_table_shows_relations_and_the_suggested_confidence(articles):
    command("crosscheck", "draft-9")
    out = command("report", "draft-9", "--format", "table")
    assert "contradicts" in out and "figures differ" in out
    assert "suggests disputed" in out


def test_report_gives_a_reference_article_no_workflow_status(articles):
    lines = command("report", "draft-9", "wire-9", "--format", "json").splitlines()
    draft, reference = (json.loads(line) for line in lines)
    assert draft["status"] == "in_annotation" and reference["status"] is None
    assert "reference, not annotated" in command("report", "wire-9", "--format", "table")


def test_report_json_gives_each_attribution_its_standards_fields():
    from tests.factories import STANDARDS, ArticleFactory, AttributionFactory, SourceFactory

    article = ArticleFactory.create()
    claim = article.sentences.order_by("index")[0]
    diplomats = SourceFactory.create(name="two diplomats", kind="anonymous")
    AttributionFactory.create(
        sentence=claim, source=diplomats, **{**STANDARDS, "in_position_to_know": None}
    )

    record = json.loads(command("report", article.external_id, "--format", "json"))

    (attribution,) = record["sentences"][0]["attributions"]
    assert attribution["anonymity_reason"] == STANDARDS["anonymity_reason"]
    assert attribution["in_position_to_know"] is None
    assert attribution["identity_known_to_editor"] is True
    assert attribution["missing_standards"] == ["whether the source is in a position to know"]
