"""Serializer fields and the strict-input mixin shared by every API serializer."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import TextChoices
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import ResolvedComponent
from rest_framework import serializers

ERR_UNKNOWN_FIELD = "Unknown field; the accepted fields are: {known}."
ERR_NOT_A_STRING = "Must be a string."


class StrictInputMixin(serializers.Serializer):
    # Refuses a JSON object that carries fields the serializer does not declare. DRF ignores
    # unknown keys by default, which hides typos (``confidance``) from the client; here each
    # unknown key gets its own field error. (A comment, not a docstring: drf-spectacular would
    # use it as the description of every input schema.)

    def validate_unknown_fields(self) -> None:
        if not isinstance(self.initial_data, Mapping):
            return
        known = {name for name, field in self.fields.items() if not field.read_only}
        unknown = sorted(set(self.initial_data) - known)
        if unknown:
            message = ERR_UNKNOWN_FIELD.format(known=", ".join(sorted(known)) or "none")
            raise serializers.ValidationError({name: [message] for name in unknown})

    def to_internal_value(self, data: Any) -> Any:
        self.validate_unknown_fields()
        return super().to_internal_value(data)


class StrictCharField(serializers.CharField):
    """A string field that refuses numbers and booleans (DRF would turn 12 into "12").

    Ingested JSON files must carry strings, and the API validates exactly like ingestion.
    """

    def to_internal_value(self, data: Any) -> str:
        if not isinstance(data, str):
            raise serializers.ValidationError(ERR_NOT_A_STRING, code="invalid")
        return str(super().to_internal_value(data))


class EnumField(serializers.ChoiceField):
    """A choice field over one of the models' ``TextChoices``, documented as a named enum."""

    def __init__(self, enum: type[TextChoices], **kwargs: Any) -> None:
        self.enum = enum
        super().__init__(choices=enum.choices, **kwargs)


def _enum_component(enum: type[TextChoices]) -> ResolvedComponent:
    lines = "\n".join(f"* `{value}` - {label}" for value, label in enum.choices)
    return ResolvedComponent(
        name=enum.__name__,
        type=ResolvedComponent.SCHEMA,
        object=enum.__name__,
        schema={"type": "string", "enum": list(enum.values), "description": lines},
    )


class EnumFieldExtension(OpenApiSerializerFieldExtension):
    """One schema component per choice set (``ArticleStatus``, ``AnnotationStatus``…).

    drf-spectacular would otherwise name enums after the field (``status``), and the
    article's and the annotation's statuses would collide.
    """

    target_class = "annotations.api.fields.EnumField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema: Any, direction: Any) -> dict[str, Any]:
        component = _enum_component(self.target.enum)
        auto_schema.registry.register_on_missing(component)
        if not self.target.allow_null:
            return dict(component.ref)
        null = ResolvedComponent(
            name="NullEnum",
            type=ResolvedComponent.SCHEMA,
            object="NullEnum",
            schema={"enum": [None]},
        )
        auto_schema.registry.register_on_missing(null)
        return {"oneOf": [component.ref, null.ref]}
