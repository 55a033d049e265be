"""The source registry: finding sources by name or alias, creating the missing ones."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models.functions import Lower

from annotations.models import Source, SourceAlias


class SourceRegistry:
    """Finds registry entries by name or alias (case-insensitively), creating missing ones.

    One instance serves one transaction; it caches what it has looked up.
    """

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], Source] = {}

    def resolve(self, name: str, kind: str) -> Source:
        name = " ".join(name.split())[:300]
        key = (name.lower(), kind)
        if key in self._cache:
            return self._cache[key]
        source = find_source(name, kind)
        if source is None:
            source, _ = Source.objects.get_or_create(
                name__iexact=name, kind=kind, defaults={"name": name}
            )
        self._cache[key] = source
        return source


def find_source(name: str, kind: str | None = None) -> Source | None:
    """The registry entry called ``name`` or known by that alias, preferring ``kind``."""
    lowered = name.lower()
    by_name = Source.objects.annotate(lname=Lower("name")).filter(lname=lowered)
    by_alias = Source.objects.filter(
        pk__in=SourceAlias.objects.annotate(lname=Lower("name"))
        .filter(lname=lowered)
        .values("source_id")
    )
    for queryset in (by_name, by_alias):
        matches: Sequence[Source] = list(queryset)
        if not matches:
            continue
        for source in matches:
            if kind is None or source.kind == kind:
                return source
        if kind not in (Source.Kind.ANONYMOUS, Source.Kind.DOCUMENT):
            return matches[0]
    return None
