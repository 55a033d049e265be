"""The admin for API tokens: administrators issue them (the key is shown once) and revoke them.

Tokens are never edited: a token is issued, read (without its key, which is not stored) or
deleted. Issuing goes through :func:`annotations.services.tokens.issue_token`.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Model
from django.forms import ModelForm
from django.http import HttpRequest

from annotations.models import ApiToken
from annotations.services.tokens import issue_token

MSG_KEY_ONCE = "API token for {user}: {key} (copy it now: it is stored hashed and not shown again)."


class ApiTokenIssueForm(forms.ModelForm):
    days = forms.IntegerField(
        min_value=1,
        max_value=3650,
        initial=settings.API_TOKEN_TTL_DAYS,
        help_text="Days until the token expires.",
    )

    class Meta:
        model = ApiToken
        fields = ("user", "name")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "name", "created_at", "expires_at", "is_live")
    list_select_related = ("user",)
    search_fields = ("user__username", "name", "prefix")
    readonly_fields = ("user", "name", "prefix", "created_at", "expires_at")
    add_form = ApiTokenIssueForm

    @admin.display(boolean=True, description="live")
    def is_live(self, obj: ApiToken) -> bool:
        return not obj.is_expired and obj.user.is_active

    def get_form(
        self, request: HttpRequest, obj: Any | None = None, change: bool = False, **kwargs: Any
    ) -> type[ModelForm]:
        if obj is None:
            kwargs["form"] = self.add_form
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request: HttpRequest, obj: Any | None = None) -> Any:
        return ("user", "name", "days") if obj is None else self.readonly_fields

    def get_readonly_fields(self, request: HttpRequest, obj: Any | None = None) -> tuple[str, ...]:
        return () if obj is None else self.readonly_fields

    def has_change_permission(self, request: HttpRequest, obj: Any | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Model, form: ModelForm, change: bool) -> None:
        assert isinstance(obj, ApiToken) and not change
        data = form.cleaned_data
        token, key = issue_token(
            user=data["user"], name=data["name"], ttl=timedelta(days=data["days"])
        )
        # The admin goes on with ``obj`` (its log entry, its message): make it the issued row.
        obj.__dict__.update({f.attname: getattr(token, f.attname) for f in ApiToken._meta.fields})
        obj._state.adding = False
        self.message_user(
            request, MSG_KEY_ONCE.format(user=token.user, key=key), level=messages.WARNING
        )
