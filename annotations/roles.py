"""The desk's roles as Django groups with permissions, kept in step after every migrate."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITOR = "editor"
REVIEWER = "reviewer"
ADMINISTRATOR = "administrator"

_READ = [
    "annotations.view_article",
    "annotations.view_articlerevision",
    "annotations.view_sentence",
    "annotations.view_attribution",
    "annotations.view_annotation",
    "annotations.view_source",
    "annotations.view_sourcealias",
    "annotations.view_comment",
    "annotations.view_transition",
    "annotations.add_comment",
]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    EDITOR: [
        *_READ,
        "annotations.annotate_sentence",
        "annotations.add_source",
        "annotations.change_source",
        "annotations.add_sourcealias",
    ],
    REVIEWER: [
        *_READ,
        "annotations.review_annotation",
        "annotations.sign_off_article",
    ],
}


def _permissions(names: list[str]) -> list[Permission]:
    query = Q()
    for name in names:
        app_label, codename = name.split(".", 1)
        query |= Q(content_type__app_label=app_label, codename=codename)
    return list(Permission.objects.filter(query))


def ensure_roles(**kwargs: Any) -> None:
    """Create the editor, reviewer and administrator groups with their permissions.

    Connected to ``post_migrate``; idempotent. Administrators get every permission of the
    desk and of user management.
    """
    for role, names in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(_permissions(names))
    admin, _ = Group.objects.get_or_create(name=ADMINISTRATOR)
    admin.permissions.set(
        Permission.objects.filter(content_type__app_label__in=["annotations", "auth"])
    )
