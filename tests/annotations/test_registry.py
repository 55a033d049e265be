from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied

from annotations.models import Source
from annotations.selectors import search_sources
from annotations.services.registry import create_source
from tests.factories import SourceFactory

pytestmark = pytest.mark.django_db


def test_editor_adds_an_anonymous_source_with_the_standards_fields(editor):
    source = create_source(
        user=editor,
        name="  a senior   Ukrainian source ",
        kind="anonymous",
        anonymity_reason="Not authorised to speak publicly.",
        in_position_to_know=True,
        identity_known_to_editor=True,
    )
    assert source.name == "a senior Ukrainian source"
    assert (source.in_position_to_know, source.identity_known_to_editor) == (True, True)


def test_anonymous_source_without_the_standards_fields_is_refused(editor):
    with pytest.raises(ValueError, match="reason anonymity was granted"):
        create_source(user=editor, name="officials", kind="anonymous", in_position_to_know=True)
    assert not Source.objects.exists()


def test_named_source_drops_anonymity_fields(editor):
    source = create_source(
        user=editor, name="Reuters", kind="outlet", anonymity_reason="x", in_position_to_know=True
    )
    assert (source.anonymity_reason, source.in_position_to_know) == ("", None)


def test_duplicate_source_is_refused_ignoring_case(editor):
    SourceFactory(name="Politico", kind="outlet")
    with pytest.raises(ValueError, match="already has"):
        create_source(user=editor, name="POLITICO", kind="outlet")


def test_reviewer_cannot_add_sources(reviewer):
    with pytest.raises(PermissionDenied):
        create_source(user=reviewer, name="Reuters", kind="outlet")


def test_search_finds_sources_by_alias(editor):
    politico = SourceFactory(name="Politico")
    politico.aliases.create(name="POLITICO Europe")
    assert search_sources("europe") == [politico]
    assert search_sources("  ") == []
