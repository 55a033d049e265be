"""The source registry: search (name or alias), create, detail."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from annotations import selectors
from annotations.api.errors import READ_ERRORS, WRITE_ERRORS
from annotations.api.fields import EnumField, StrictCharField, StrictInputMixin
from annotations.api.permissions import CanAddSource, HasDeskRole
from annotations.api.serializers import SourceSerializer
from annotations.api.views.base import (
    PAGE_PARAMETER,
    ApiView,
    id_parameter,
    paginate,
    paginated,
    parse_id,
    validated,
)
from annotations.limits import MAX_REASON_CHARS
from annotations.models import SourceKind
from annotations.services.registry import (
    ERR_ANONYMOUS_STANDARDS,
    ERR_DUPLICATE_SOURCE,
    create_source,
)

TAG = "sources"
ERR_NAME_BLANK = "A source needs a name."


class SourceFilters(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=300)
    kind = EnumField(SourceKind, required=False)


class SourceInput(StrictInputMixin, serializers.Serializer):
    """A new registry entry; anonymous sources carry the newsroom's standards fields."""

    name = StrictCharField(max_length=300)
    kind = EnumField(SourceKind)
    anonymity_reason = StrictCharField(
        required=False,
        allow_blank=True,
        max_length=MAX_REASON_CHARS,
        help_text=(
            "Why anonymity was granted (required for anonymous sources); the default for new "
            "uses, each attribution keeps its own."
        ),
    )
    in_position_to_know = serializers.BooleanField(
        required=False, allow_null=True, help_text="Required for anonymous sources."
    )
    identity_known_to_editor = serializers.BooleanField(required=False)

    def validate_name(self, name: str) -> str:
        if not " ".join(name.split()):
            raise serializers.ValidationError(ERR_NAME_BLANK)
        return name


class SourceCollectionView(ApiView):
    def get_permissions(self) -> list[Any]:
        if self.request.method == "POST":
            return [IsAuthenticated(), HasDeskRole(), CanAddSource()]
        return list(super().get_permissions())

    @extend_schema(
        operation_id="sources_list",
        tags=[TAG],
        summary="Search the source registry",
        parameters=[
            OpenApiParameter("q", str, description="Part of a name or an alias, any case."),
            OpenApiParameter("kind", {"$ref": "#/components/schemas/SourceKind"}),
            PAGE_PARAMETER,
        ],
        responses={200: paginated("PaginatedSourceList", SourceSerializer), **READ_ERRORS},
    )
    def get(self, request: Request) -> Response:
        filters = validated(SourceFilters, request.query_params, only=["q", "kind"])
        queryset = selectors.sources(**filters)
        return paginate(request, queryset, SourceSerializer, self)

    @extend_schema(
        operation_id="sources_create",
        tags=[TAG],
        summary="Add a source to the registry",
        description=(
            "Editors and administrators. Anonymous sources need `anonymity_reason` and "
            "`in_position_to_know`; a name already registered for the kind is a 400."
        ),
        request=SourceInput,
        examples=[
            OpenApiExample(
                "An unnamed source",
                value={
                    "name": "a senior Ukrainian source",
                    "kind": "anonymous",
                    "anonymity_reason": "Not authorised to speak on the negotiations.",
                    "in_position_to_know": True,
                    "identity_known_to_editor": True,
                },
                request_only=True,
            )
        ],
        responses={201: SourceSerializer, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        data = validated(SourceInput, request.data)
        try:
            source = create_source(user=request.user, **data)  # type: ignore[arg-type]
        except (ValueError, IntegrityError) as exc:
            raise ValidationError(_source_error(exc, data)) from None
        return Response(
            SourceSerializer(selectors.source(source.pk)).data, status=status.HTTP_201_CREATED
        )


def _source_error(exc: Exception, data: dict[str, Any]) -> dict[str, list[str]]:
    if str(exc) == ERR_ANONYMOUS_STANDARDS:
        return {"anonymity_reason": [ERR_ANONYMOUS_STANDARDS]}
    name = " ".join(data["name"].split())
    return {"name": [ERR_DUPLICATE_SOURCE.format(name=name, kind=data["kind"])]}


class SourceDetailView(ApiView):
    @extend_schema(
        operation_id="sources_retrieve",
        tags=[TAG],
        summary="A registry entry with its aliases",
        parameters=[id_parameter("source_id", "The source's id.")],
        responses={200: SourceSerializer, **READ_ERRORS},
    )
    def get(self, request: Request, source_id: str) -> Response:
        return Response(SourceSerializer(selectors.source(parse_id(source_id, "source_id"))).data)
