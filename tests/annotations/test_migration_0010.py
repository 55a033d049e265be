"""Migration 0010 carries each anonymous registry entry's standards values over to the
attributions that use it, and goes back cleanly."""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("annotations", "0009_keep_approvals")]
AFTER = [("annotations", "0010_attribution_standards")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("latest_schema_afterwards")
def test_registry_values_are_carried_over_to_existing_attributions():
    old = migrate(BEFORE)
    Article = old.get_model("annotations", "Article")
    Sentence = old.get_model("annotations", "Sentence")
    Source = old.get_model("annotations", "Source")
    Attribution = old.get_model("annotations", "Attribution")
    body = "Kyiv rejected it, a senior source said.\nRubio agreed, diplomats said.\n"
    article = Article.objects.create(external_id="m-1", headline="H", body=body, body_sha256="x")
    first = Sentence.objects.create(
        article=article, index=0, paragraph=0, start=0, end=39, text=body[:39]
    )
    second = Sentence.objects.create(
        article=article, index=1, paragraph=1, start=40, end=70, text=body[40:70]
    )
    senior = Source.objects.create(
        name="a senior source",
        kind="anonymous",
        anonymity_reason="Not authorised.",
        in_position_to_know=True,
        identity_known_to_editor=True,
    )
    diplomats = Source.objects.create(name="diplomats", kind="anonymous", in_position_to_know=False)
    rubio = Source.objects.create(name="Marco Rubio", kind="official")
    Attribution.objects.create(sentence=first, source=senior, is_suggestion=False)
    Attribution.objects.create(sentence=second, source=rubio, via=diplomats, is_suggestion=False)

    new = migrate(AFTER)
    rows = {
        a.sentence_id: (a.anonymity_reason, a.in_position_to_know, a.identity_known_to_editor)
        for a in new.get_model("annotations", "Attribution").objects.all()
    }

    assert rows == {first.pk: ("Not authorised.", True, True), second.pk: ("", False, False)}
    migrate(BEFORE)  # reversible
    migrate(AFTER)
