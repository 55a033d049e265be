"""What every API view shares: JSON only, size-limited input, a desk role, one error shape."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from annotations.api.errors import api_exception_handler
from annotations.api.fields import StrictInputMixin
from annotations.api.parsers import LimitedJSONParser
from annotations.api.permissions import HasDeskRole

ERR_ID = "A positive integer id is expected."
ERR_PAGE = "No such page."
MAX_ID = 10**18 - 1  # fits every database's 64-bit integer
MAX_PAGE = 10**9
_ID = re.compile(r"^[0-9]{1,18}$")


class ApiView(APIView):
    """Base of every endpoint: authenticated, any desk role, JSON in and out."""

    parser_classes = [LimitedJSONParser]
    permission_classes = [IsAuthenticated, HasDeskRole]

    def get_exception_handler(self) -> Callable[..., Response | None]:
        return api_exception_handler


def version_field(required: bool = True) -> serializers.IntegerField:
    return serializers.IntegerField(
        min_value=1,
        max_value=2**31 - 1,
        required=required,
        help_text="The annotation's version the change was based on (409 if it is stale).",
    )


class NoInput(StrictInputMixin, serializers.Serializer):
    """No fields: send ``{}`` or nothing."""


class VersionInput(StrictInputMixin, serializers.Serializer):
    """The annotation's version the change is based on."""

    version = version_field()


def validated(
    form: type[serializers.Serializer], data: Any, *, only: Collection[str] | None = None
) -> dict[str, Any]:
    """``data`` (only the ``only`` keys, when given) checked by ``form``; a 400 otherwise."""
    if only is not None:
        data = {key: value for key, value in data.items() if key in only}
    checked = form(data=data)
    checked.is_valid(raise_exception=True)
    return dict(checked.validated_data)


def parse_id(value: str, name: str) -> int:
    """A path id as an int; 400 for anything but digits (never a database overflow)."""
    if not _ID.match(value):
        raise ValidationError({name: [ERR_ID]})
    return int(value)


def id_parameter(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(
        name,
        {"type": "integer", "minimum": 0, "maximum": MAX_ID},
        OpenApiParameter.PATH,
        description=description,
    )


PAGE_PARAMETER = OpenApiParameter(
    "page",
    {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
    OpenApiParameter.QUERY,
    description="Page number (50 items per page); 404 past the last page.",
)


class PageInput(serializers.Serializer):
    page = serializers.IntegerField(min_value=1, max_value=MAX_PAGE, required=False)


def paginate(
    request: Request,
    queryset: QuerySet[Any],
    serializer: type[serializers.Serializer],
    view: APIView,
) -> Response:
    """A page of ``queryset`` as ``{count, next, previous, results}``.

    A page that is not a positive integer is a 400 (``page`` field error); a page past the
    end is a 404.
    """
    validated(PageInput, request.query_params, only=["page"])
    paginator = PageNumberPagination()
    try:
        page = paginator.paginate_queryset(queryset, request, view=view)
    except NotFound:  # DRF's answer to an InvalidPage
        raise NotFound(ERR_PAGE) from None
    data = serializer(page, many=True, context={"request": request}).data
    return paginator.get_paginated_response(data)


def paginated(name: str, serializer: type[serializers.Serializer]) -> Any:
    """The documented shape of a page of ``serializer`` objects."""
    return inline_serializer(
        name=name,
        fields={
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializer(many=True),
        },
    )
