"""Forms of the desk's pages (input validation only; changes go through services)."""

from __future__ import annotations

from django import forms

from annotations.models import Source, SourceKind

ERR_ANONYMITY_REASON = "Say why anonymity was granted to this source."
ERR_POSITION_TO_KNOW = "Say whether the source is in a position to know."


class SourceForm(forms.ModelForm):
    """A new entry for the source registry; unnamed sources must meet the standards fields."""

    in_position_to_know = forms.NullBooleanField(
        required=False,
        widget=forms.Select(choices=[("", "—"), ("true", "Yes"), ("false", "No")]),
    )

    class Meta:
        model = Source
        fields = [
            "name",
            "kind",
            "anonymity_reason",
            "in_position_to_know",
            "identity_known_to_editor",
        ]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        if data.get("kind") == SourceKind.ANONYMOUS:
            if not str(data.get("anonymity_reason") or "").strip():
                self.add_error("anonymity_reason", ERR_ANONYMITY_REASON)
            if data.get("in_position_to_know") is None:
                self.add_error("in_position_to_know", ERR_POSITION_TO_KNOW)
        else:
            # The standards fields only mean something for unnamed sources.
            data["anonymity_reason"] = ""
            data["in_position_to_know"] = None
            data["identity_known_to_editor"] = False
        return data
