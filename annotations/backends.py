"""Django's model permissions, loaded in one query instead of two.

``ModelBackend`` reads a user's own permissions and their groups' permissions with a query
each, the first time a request asks ``has_perm``. Every API request and desk page asks, so
this backend reads both in a single ``UNION`` query; the answers, and the per-request cache on
the user object, are the same as ``ModelBackend``'s.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission


class ModelPermissionsBackend(ModelBackend):
    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            if user_obj.is_superuser:
                rows = Permission.objects.values_list("content_type__app_label", "codename")
            else:
                own = Permission.objects.filter(user=user_obj).order_by()
                via_groups = Permission.objects.filter(group__user=user_obj).order_by()
                rows = own.values_list("content_type__app_label", "codename").union(
                    via_groups.values_list("content_type__app_label", "codename")
                )
            user_obj._perm_cache = {f"{app_label}.{codename}" for app_label, codename in rows}
        return user_obj._perm_cache
