# The wider `via` (any relaying source, not only outlets) and attributions in suggestion order.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("annotations", "0011_sentence_crosschecked_at"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="attribution",
            options={"ordering": ["sentence", "id"]},
        ),
        migrations.AlterField(
            model_name="attribution",
            name="via",
            field=models.ForeignKey(
                blank=True,
                help_text="Whoever relayed it, outlet or not (Rubio via Politico; Rubio via the diplomats).",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="relayed_attributions",
                to="annotations.source",
            ),
        ),
        migrations.AlterField(
            model_name="historicalattribution",
            name="via",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="Whoever relayed it, outlet or not (Rubio via Politico; Rubio via the diplomats).",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="annotations.source",
            ),
        ),
    ]
