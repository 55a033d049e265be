"""The source registry: finding sources by name or alias, creating the missing ones, editing
and merging entries.

A change to what an entry means (its name, beyond case and spacing, or its kind) reopens the
submitted and approved sentences that rest on it, through the workflow: the standards editor
must look at them again. Aliases and the other fields change nothing of the desk's work.
Locks are taken sources first, then articles, then annotations.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User as AuthUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from annotations.limits import MAX_REASON_CHARS
from annotations.models import Article, Attribution, Source, SourceAlias
from annotations.services.workflow import (
    ERR_TOO_LONG,
    SOURCE_CHANGED,
    User,
    reopen_resting_on_sources,
)


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


ERR_CHANGE_PERMISSION = "Only editors and administrators can change registry entries."
ERR_UNKNOWN_FIELD = "Registry entries have no field {name!r}."
EDITABLE_FIELDS = frozenset(
    {
        "name",
        "kind",
        "description",
        "anonymity_reason",
        "in_position_to_know",
        "identity_known_to_editor",
    }
)


@dataclass(frozen=True, slots=True)
class SourceChange:
    source: Source
    reopened: list[Article]  # the articles whose sentences went back to draft


def _meaning(source: Source) -> tuple[str, str]:
    return " ".join(source.name.split()).casefold(), source.kind


def update_source(*, source: Source, user: User, values: Mapping[str, Any]) -> SourceChange:
    """Set ``values`` (field name → value) on the registry entry ``source``.

    When the name (beyond case and spacing) or the kind changes, every submitted or approved
    sentence resting on the entry goes back to draft and its article back to annotation, with
    a transition saying why (:func:`~annotations.services.workflow.reopen_resting_on_sources`).
    The caller has validated the values (the admin's form does).
    """
    if not user.has_perm("annotations.change_source"):
        raise PermissionDenied(ERR_CHANGE_PERMISSION)
    for name in values:
        if name not in EDITABLE_FIELDS:
            raise ValueError(ERR_UNKNOWN_FIELD.format(name=name))
    with transaction.atomic():
        locked = Source.objects.select_for_update().get(pk=source.pk)
        before = _meaning(locked)
        old_name, old_kind = locked.name, locked.kind
        for name, value in values.items():
            setattr(locked, name, value)
        locked.save()
        what = []
        if _meaning(locked)[0] != before[0]:
            what.append(f"renamed to {locked.name}")
        if locked.kind != old_kind:
            what.append(f"{old_kind} → {locked.kind}")
        reopened: list[Article] = []
        if what:
            reopened = reopen_resting_on_sources(
                source_ids=[locked.pk],
                user=user,
                comment=SOURCE_CHANGED.format(name=old_name, what=", ".join(what)),
            )
            Article.objects.filter(sentences__attributions__source=locked).update(
                updated_at=timezone.now()
            )
    return SourceChange(source=locked, reopened=reopened)


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
        # A duplicate of another kind (an anonymous "spokesperson" merged into an organisation)
        # changes what its sentences rest on; a duplicate of the same kind does not.
        other_kinds = [source for source in others if source.kind != locked.kind]
        for source in other_kinds:
            reopen_resting_on_sources(
                source_ids=[source.pk],
                user=user,
                comment=SOURCE_CHANGED.format(
                    name=source.name, what=f"merged into {locked.name} ({locked.kind})"
                ),
            )
        for attribution in Attribution.objects.filter(source_id__in=ids):
            attribution.source = locked
            attribution._history_user = user  # type: ignore[attr-defined]
            attribution.save(update_fields=["source"])
        for attribution in Attribution.objects.filter(via_id__in=ids):
            attribution.via = locked
            attribution._history_user = user  # type: ignore[attr-defined]
            attribution.save(update_fields=["via"])
        Source.objects.filter(pk__in=ids).delete()
        Article.objects.filter(sentences__attributions__source=locked).update(
            updated_at=timezone.now()
        )
    return locked


ERR_ADD_PERMISSION = "Only editors can add sources to the registry."
ERR_ANONYMOUS_STANDARDS = (
    "An anonymous source needs the reason anonymity was granted and whether the source is in "
    "a position to know."
)
ERR_DUPLICATE_SOURCE = "The registry already has {name!r} as a {kind} source."


def create_source(
    *,
    user: AuthUser,
    name: str,
    kind: str,
    anonymity_reason: str = "",
    in_position_to_know: bool | None = None,
    identity_known_to_editor: bool = False,
) -> Source:
    """Add an entry to the registry. Anonymous sources must meet the newsroom's standards."""
    if not user.has_perm("annotations.add_source"):
        raise PermissionDenied(ERR_ADD_PERMISSION)
    name = " ".join(name.split())
    if kind == Source.Kind.ANONYMOUS:
        if not anonymity_reason.strip() or in_position_to_know is None:
            raise ValueError(ERR_ANONYMOUS_STANDARDS)
        if len(anonymity_reason.strip()) > MAX_REASON_CHARS:
            raise ValueError(
                ERR_TOO_LONG.format(
                    what="reason anonymity was granted",
                    length=len(anonymity_reason.strip()),
                    limit=MAX_REASON_CHARS,
                )
            )
    else:
        anonymity_reason, in_position_to_know, identity_known_to_editor = "", None, False
    with transaction.atomic():
        if Source.objects.filter(name__iexact=name, kind=kind).exists():
            raise ValueError(ERR_DUPLICATE_SOURCE.format(name=name, kind=kind))
        return Source.objects.create(
            name=name,
            kind=kind,
            anonymity_reason=anonymity_reason.strip(),
            in_position_to_know=in_position_to_know,
            identity_known_to_editor=identity_known_to_editor,
        )
