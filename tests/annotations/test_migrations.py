"""Data migrations, run forward from the state before them on a real database."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("latest_schema_afterwards"),
]


BEFORE = [("annotations", "0010_attribution_standards")]
AFTER = [("annotations", "0011_sentence_crosschecked_at")]


def test_claims_take_the_time_of_the_last_finished_job_that_checked_them():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Article = apps.get_model("annotations", "Article")
    Sentence = apps.get_model("annotations", "Sentence")
    Job = apps.get_model("annotations", "CrosscheckJob")
    whole = dt.datetime(2025, 11, 27, 9, tzinfo=dt.UTC)
    partial = whole + dt.timedelta(hours=1)
    article = Article.objects.create(
        external_id="m", headline="M", body="A. B. C.", body_sha256="x"
    )
    a, b, c = (
        Sentence.objects.create(
            article=article, index=i, paragraph=0, start=3 * i, end=3 * i + 2, text=text
        )
        for i, text in enumerate(["A.", "B.", "C."])
    )
    Job.objects.create(article=article, status="done", finished_at=whole, progress_total=2)
    Job.objects.create(
        article=article, status="done", finished_at=partial, sentence_ids=[b.pk], progress_total=1
    )
    Job.objects.create(article=article, status="failed", finished_at=partial, sentence_ids=[c.pk])

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    Sentence = executor.loader.project_state(AFTER).apps.get_model("annotations", "Sentence")

    checked = dict(Sentence.objects.values_list("pk", "crosschecked_at"))
    # the whole-article job covered every claim; the later partial job re-checked b
    assert checked[a.pk] == whole and checked[b.pk] == partial and checked[c.pk] == whole
