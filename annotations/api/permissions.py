"""Who may call what: every endpoint needs a desk role; writes need the role's permission.

The roles are the groups of :mod:`annotations.roles`. Editors annotate (and push articles and
add sources), reviewers review and sign off, administrators hold every permission. A user with
no desk role gets 403 everywhere. The publishing system's API user is given the editor role:
it pushes drafts and reads the sourcing, and can never approve or sign off.

The services check the same permissions again, so these classes only make the refusal come
before any input is read (and document it).
"""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from annotations.services import workflow

ERR_API_NEEDS_ROLE = "This API is for editors and reviewers; ask an administrator for a role."


class HasDeskRole(BasePermission):
    """Any desk role (editor, reviewer, administrator)."""

    message = ERR_API_NEEDS_ROLE

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(request.user and workflow.has_desk_role(request.user))


class CanAnnotate(BasePermission):
    message = workflow.ERR_NOT_EDITOR

    def has_permission(self, request: Request, view: Any) -> bool:
        return workflow.can_annotate(request.user)


class CanReview(BasePermission):
    message = workflow.ERR_NOT_REVIEWER

    def has_permission(self, request: Request, view: Any) -> bool:
        return workflow.can_review(request.user)


class CanSignOff(BasePermission):
    message = workflow.ERR_NOT_SIGNER

    def has_permission(self, request: Request, view: Any) -> bool:
        return workflow.can_sign_off(request.user)


class CanAnnotateOrReview(BasePermission):
    """Reopening an approved sentence: editors and reviewers both may."""

    message = workflow.ERR_NOT_EDITOR

    def has_permission(self, request: Request, view: Any) -> bool:
        return workflow.can_annotate(request.user) or workflow.can_review(request.user)


class CanAddSource(BasePermission):
    message = "Only editors can add sources to the registry."

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(request.user.has_perm("annotations.add_source"))
