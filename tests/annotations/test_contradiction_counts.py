"""Every place that counts contradictions counts the same ones (issue 13, item 2): the panel's
summary line and sign-off notes, the summary chart and its list, the queue's flags, the
sign-off blockers, the API detail and ``report --format json`` all use
``annotations.services.crosschecks.counts_as_contradiction``: independent, scoring at least
``CREDIBLE_CONTRADICTION``."""

from __future__ import annotations

import json
import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from annotations.models import CrossCheck
from annotations.selectors import claim_summary
from annotations.services import workflow
from annotations.services.crosschecks import counted_contradictions, counts_as_contradiction
from tests.factories import ArticleFactory, annotations_of, claims_of, contradiction
from verify.engine.crosscheck import CREDIBLE_CONTRADICTION

pytestmark = pytest.mark.django_db

# Per claim, in reading order: its contradictions (score, independent) and how many count.
CASES = [
    ([(0.9, True), (0.3, True)], 2),
    ([(CREDIBLE_CONTRADICTION, True), (0.9, False)], 1),  # at the threshold; an echo
    ([(CREDIBLE_CONTRADICTION - 0.01, True), (0.05, True)], 0),  # too weak to be one event
]
EXPECTED = [counted for _, counted in CASES]


@pytest.fixture
def story(editor):
    """A submitted article whose three claims have the contradictions of ``CASES``."""
    article = ArticleFactory.create(states="submitted", annotator=editor)
    for claim, (found, _) in zip(claims_of(article), CASES, strict=True):
        for n, (score, independent) in enumerate(found):
            contradiction(claim, outlet=f"Wire {n}", independent=independent, score=score)
    return article


def test_the_rule_the_filter_and_the_engine_summary_agree(story):
    checks = CrossCheck.objects.filter(claim__article=story)
    by_rule = {
        c.pk
        for c in checks
        if counts_as_contradiction(relation=c.relation, independent=c.independent, score=c.score)
    }

    assert set(checks.filter(counted_contradictions()).values_list("pk", flat=True)) == by_rule
    assert [claim_summary(checks.filter(claim=c)).contradictions for c in claims_of(story)] == (
        EXPECTED
    )
    assert len(by_rule) == sum(EXPECTED)


def test_panel_summary_and_sign_off_notes_count_the_same(client, reviewer, story):
    client.force_login(reviewer)
    counts, noted, weak = [], [], []
    for claim in claims_of(story):
        panel = client.get(reverse("desk:panel", args=[claim.pk])).content.decode()
        counts.append(int(re.search(r"(\d+) contradictions?</p>", panel).group(1)))
        noted.append("contradicted by the cross-checks" in panel)
        weak.append(panel.count("weak, not counted"))

    assert counts == EXPECTED
    assert noted == [n > 0 for n in EXPECTED]
    assert weak == [0, 0, 2]  # listed, marked as not counted


def test_summary_chart_list_and_sign_off_blockers_count_the_same(client, reviewer, story):
    client.force_login(reviewer)
    response = client.get(reverse("desk:summary", args=[story.pk]))

    contradicted = [i for i, n in enumerate(EXPECTED) if n]
    assert response.context["mix"].contradicted == len(contradicted)
    assert len(response.context["contradictions"]) == sum(EXPECTED)
    blocked = [
        b.index
        for b in workflow.sign_off_blockers(story)
        if b.reason.startswith("contradicted by the cross-checks")
    ]
    assert blocked == [claims_of(story)[i].index for i in contradicted]


def test_queue_flags_count_the_same(client, reviewer, story):
    client.force_login(reviewer)
    page = client.get(reverse("desk:review")).content.decode()

    flags = []
    for annotation in annotations_of(story):
        row = re.search(rf'<tr data-annotation-id="{annotation.pk}".*?</tr>', page, re.S)
        found = re.search(r"Contradicted \((\d+)\)", row.group(0))
        flags.append(int(found.group(1)) if found else 0)
    assert flags == EXPECTED


def test_api_detail_and_report_count_the_same(client, reviewer, story):
    client.force_login(reviewer)  # the API takes the session as well as a token
    detail = client.get(f"/api/v1/articles/{story.pk}/").json()
    out = StringIO()
    call_command("report", str(story.pk), "--format", "json", stdout=out)
    report = json.loads(out.getvalue())

    claims = [s for s in detail["sentences"] if s["kind"] == "claim"]
    assert [s["crosscheck"]["contradictions"] for s in claims] == EXPECTED
    reported = [s for s in report["sentences"] if s["kind"] == "claim"]
    assert [s["crosscheck_summary"]["contradictions"] for s in reported] == EXPECTED
