"""The source registry: finding sources by name or alias, creating the missing ones."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.models import User as AuthUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.db.models.functions import Length, Lower

from annotations.models import Attribution, Source, SourceAlias


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


ERR_MERGE_PERMISSION = "Only administrators can merge sources."
ERR_MERGE_SELF = "Choose at least one other source to merge into the target."


def merge_sources(*, target: Source, others: Sequence[Source], user: AuthUser) -> Source:
    """Merge duplicate registry entries (POLITICO, Politico Europe) into ``target``.

    Every attribution that named one of ``others`` (as source or as ``via``) names ``target``
    instead; the others' names and aliases become aliases of ``target``; the others are
    deleted. Attribution history records the change.
    """
    if not (
        user.has_perm("annotations.change_source") and user.has_perm("annotations.delete_source")
    ):
        raise PermissionDenied(ERR_MERGE_PERMISSION)
    others = [source for source in others if source.pk != target.pk]
    if not others:
        raise ValueError(ERR_MERGE_SELF)
    ids = [source.pk for source in others]
    with transaction.atomic():
        locked = Source.objects.select_for_update().get(pk=target.pk)
        list(Source.objects.select_for_update().filter(pk__in=ids))
        known = {locked.name.lower()} | {
            name.lower() for name in locked.aliases.values_list("name", flat=True)
        }
        names = [
            *Source.objects.filter(pk__in=ids).values_list("name", flat=True),
            *SourceAlias.objects.filter(source_id__in=ids).values_list("name", flat=True),
        ]
        new_aliases = []
        for name in names:
            if name.lower() not in known:
                known.add(name.lower())
                new_aliases.append(SourceAlias(source=locked, name=name))
        SourceAlias.objects.bulk_create(new_aliases)
        for attribution in Attribution.objects.filter(source_id__in=ids):
            attribution.source = locked
            attribution._history_user = user  # type: ignore[attr-defined]
            attribution.save(update_fields=["source"])
        for attribution in Attribution.objects.filter(via_id__in=ids):
            attribution.via = locked
            attribution._history_user = user  # type: ignore[attr-defined]
            attribution.save(update_fields=["via"])
        Source.objects.filter(pk__in=ids).delete()
    return locked


def search_sources(query: str, *, limit: int = 20) -> list[Source]:
    """Registry entries whose name or an alias contains ``query`` (case-insensitively)."""
    query = query.strip()
    if not query:
        return []
    return list(
        Source.objects.filter(Q(name__icontains=query) | Q(aliases__name__icontains=query))
        .distinct()
        .order_by(Length("name"), "name")[:limit]
    )
