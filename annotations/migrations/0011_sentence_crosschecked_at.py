"""Each sentence records when a cross-check last compared it, so that the desk's progress
counts the claims checked of the article's claims (not the last job's own count).

Existing claims take the time of the latest finished job that covered them: a job over the
whole article (no ``sentence_ids``) covers its current claims, a partial job its ids.
"""

from typing import Any

from django.db import migrations, models


def backfill(apps: Any, schema_editor: Any) -> None:
    Sentence = apps.get_model("annotations", "Sentence")
    CrosscheckJob = apps.get_model("annotations", "CrosscheckJob")
    done = CrosscheckJob.objects.filter(status="done", kind="claims", finished_at__isnull=False)
    for job in done.order_by("finished_at", "id").iterator():
        claims = Sentence.objects.filter(
            article_id=job.article_id, archived_at__isnull=True, kind="claim"
        )
        if job.sentence_ids is not None:
            claims = claims.filter(pk__in=job.sentence_ids)
        claims.update(crosschecked_at=job.finished_at)


class Migration(migrations.Migration):
    dependencies = [
        ("annotations", "0010_attribution_standards"),
    ]

    operations = [
        migrations.AddField(
            model_name="sentence",
            name="crosschecked_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When a cross-check job last compared this text with the other articles.",
                null=True,
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
