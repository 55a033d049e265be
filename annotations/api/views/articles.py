"""Articles: upsert by external id, list with filters, detail (by id or external id)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from annotations.api import selectors
from annotations.api.caching import cached_detail
from annotations.api.errors import READ_ERRORS, WRITE_ERRORS
from annotations.api.fields import EnumField, StrictCharField, StrictInputMixin
from annotations.api.permissions import CanAnnotate, HasDeskRole
from annotations.api.serializers import ArticleDetailSerializer, ArticleSerializer
from annotations.api.views.base import (
    PAGE_PARAMETER,
    ApiView,
    id_parameter,
    paginate,
    paginated,
    parse_id,
    validated,
)
from annotations.models import ArticleRole, ArticleStatus
from annotations.services.ingest import ingest_document
from verify.engine.documents import (
    FIELD_LIMITS,
    DocumentError,
    build_document,
    check_body,
    decode_text,
    has_visible_text,
    parse_datetime,
)

ERR_BODY_BLANK = "The body has no text."
ERR_DATE_RANGE = "{field} {value!r} is out of range once converted to UTC."
TAG = "articles"

# The ingestion rule for external ids, documented so that clients (and the schema-driven
# tests) know it; the check itself stays ``build_document``'s.
EXTERNAL_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:/\-]*$"

# A stand-in body and id, to check one optional field at a time with the ingestion rules.
_PROBE = {"body": "x", "external_id": "x"}


@extend_schema_field(
    {
        "type": "string",
        "minLength": 1,
        "maxLength": FIELD_LIMITS["external_id"],
        "pattern": EXTERNAL_ID_PATTERN,
    }
)
class ExternalIdField(StrictCharField):
    pass


class ArticleInput(StrictInputMixin, serializers.Serializer):
    """The fields of an ingested ``.json`` article file, validated the same way."""

    external_id = ExternalIdField(
        max_length=FIELD_LIMITS["external_id"],
        help_text="The publishing system's id (letters, digits and . _ : / -); the upsert key.",
    )
    headline = StrictCharField(
        max_length=FIELD_LIMITS["headline"],
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text="Defaults to the body's first line.",
    )
    outlet = StrictCharField(
        max_length=FIELD_LIMITS["outlet"], required=False, allow_blank=True, allow_null=True
    )
    url = StrictCharField(
        max_length=FIELD_LIMITS["url"],
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text="An http or https address.",
    )
    byline = StrictCharField(
        max_length=FIELD_LIMITS["byline"], required=False, allow_blank=True, allow_null=True
    )
    published_at = StrictCharField(
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text="ISO 8601 date or date-time (2025-11-26, 2025-11-26T10:30:00Z); naive is UTC.",
    )
    role = EnumField(ArticleRole, required=False, allow_null=True)
    body = StrictCharField(
        trim_whitespace=False,
        help_text="The article text, kept exactly (offsets index into it); at most 2 MiB UTF-8.",
    )

    def validate_body(self, body: str) -> str:
        if not has_visible_text(body):
            raise serializers.ValidationError(ERR_BODY_BLANK)
        try:
            decode_text(body.encode("utf-8"))
            check_body(body, max_body_bytes=settings.SOURCEDESK_MAX_BODY_BYTES)
        except DocumentError as exc:
            raise serializers.ValidationError(str(exc)) from None
        return body

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        fields = {name: value for name, value in attrs.items() if value is not None}
        errors = {}
        for name, value in fields.items():
            if name == "body":
                continue
            try:
                build_document({**_PROBE, name: value}, default_external_id="")
                if name == "published_at" and value.strip():
                    parse_instant(value, field=name)
            except DocumentError as exc:
                errors[name] = [str(exc)]
        if errors:
            raise serializers.ValidationError(errors)
        try:
            document = build_document(fields, default_external_id="")
        except DocumentError as exc:  # pragma: no cover - each field passed on its own
            raise serializers.ValidationError(str(exc)) from None
        return {"document": document}


class IngestOutput(serializers.Serializer):
    action = serializers.ChoiceField(
        choices=["created", "revised", "updated", "unchanged"],
        help_text="created (201); revised: the body changed, a new revision; updated: only "
        "other fields changed; unchanged: nothing to do.",
    )
    sentences = serializers.IntegerField(help_text="Current sentences.")
    attributions = serializers.IntegerField()
    article = ArticleDetailSerializer()


ARTICLE_EXAMPLE = OpenApiExample(
    "A draft pushed by the publishing system",
    value={
        "external_id": "kyivpost-2025-11-26-guarantees",
        "headline": "US offers Ukraine security guarantees",
        "outlet": "Kyiv Post",
        "url": "https://www.kyivpost.com/post/12345",
        "byline": "Staff",
        "published_at": "2025-11-26T10:30:00Z",
        "role": "draft",
        "body": "Talks will resume next week, the foreign minister said on Tuesday.\n",
    },
    request_only=True,
)


def parse_instant(value: str, *, field: str) -> datetime:
    """An ISO 8601 date or date-time as ingestion reads it, refused (DocumentError) when it
    cannot be stored: 0001-01-01T00:00+14:00 is before year 1 in UTC."""
    parsed = parse_datetime(value, field=field)
    try:
        parsed.astimezone(UTC)
    except OverflowError:
        raise DocumentError(ERR_DATE_RANGE.format(field=field, value=value)) from None
    return parsed


class ArticleListFilters(serializers.Serializer):
    status = EnumField(ArticleStatus, required=False)
    role = EnumField(ArticleRole, required=False)
    outlet = serializers.CharField(required=False, max_length=200)
    updated_since = serializers.CharField(required=False)
    external_id = serializers.CharField(required=False, max_length=200)

    def validate_updated_since(self, value: str) -> Any:
        try:
            return parse_instant(value, field="updated_since")
        except DocumentError as exc:
            raise serializers.ValidationError(str(exc)) from None


FILTER_NAMES = ("status", "role", "outlet", "updated_since", "external_id")


class ArticleCollectionView(ApiView):
    """GET lists articles (any desk role); POST creates or updates one (editors)."""

    def get_permissions(self) -> list[Any]:
        if self.request.method == "POST":
            return [IsAuthenticated(), HasDeskRole(), CanAnnotate()]
        return list(super().get_permissions())

    @extend_schema(
        operation_id="articles_list",
        tags=[TAG],
        summary="List articles",
        description="Newest update first, 50 per page, without bodies. Any desk role.",
        parameters=[
            OpenApiParameter("status", {"$ref": "#/components/schemas/ArticleStatus"}),
            OpenApiParameter("role", {"$ref": "#/components/schemas/ArticleRole"}),
            OpenApiParameter("outlet", str, description="Exact outlet name, any case."),
            OpenApiParameter(
                "updated_since",
                str,
                description="ISO 8601 date or date-time; articles updated at or after it.",
                examples=[OpenApiExample("Since", value="2025-11-26T00:00:00Z")],
            ),
            OpenApiParameter("external_id", str, description="The article with this id."),
            PAGE_PARAMETER,
        ],
        responses={200: paginated("PaginatedArticleList", ArticleSerializer), **READ_ERRORS},
    )
    def get(self, request: Request) -> Response:
        filters = validated(ArticleListFilters, request.query_params, only=FILTER_NAMES)
        queryset = selectors.articles(filters=filters)
        return paginate(request, queryset, ArticleSerializer, self)

    @extend_schema(
        operation_id="articles_upsert",
        tags=[TAG],
        summary="Create or update an article (upsert by external id)",
        description=(
            "Validated exactly like an ingested `.json` file. A new `external_id` creates the "
            "article (201); a known one updates it (200): a changed body makes a new revision, "
            "where sentences whose text survives keep their annotations and approvals. Editors "
            "(and the publishing system's API user, who has the editor role)."
        ),
        request=ArticleInput,
        examples=[ARTICLE_EXAMPLE],
        responses={201: IngestOutput, 200: IngestOutput, **WRITE_ERRORS},
    )
    def post(self, request: Request) -> Response:
        # A concurrent create of the same external id is retried once, by ingest_document.
        result = ingest_document(document=validated(ArticleInput, request.data)["document"])
        selectors.attach_detail(result.article)
        output = IngestOutput(
            {
                "action": result.action,
                "sentences": result.sentences,
                "attributions": result.attributions,
                "article": result.article,
            }
        )
        code = status.HTTP_201_CREATED if result.action == "created" else status.HTTP_200_OK
        return Response(output.data, status=code)


NOT_MODIFIED = OpenApiResponse(
    description="The article has not changed since the response whose `ETag` was sent back "
    "in `If-None-Match`."
)


def _detail(request: Request, pk: int) -> HttpResponse:
    """The article detail, from the cache while the article is unchanged."""
    return cached_detail(
        request, pk, lambda: ArticleDetailSerializer(selectors.article_detail(pk)).data
    )


class ArticleDetailView(ApiView):
    @extend_schema(
        operation_id="articles_retrieve",
        tags=[TAG],
        summary="An article with its sentences, sourcing, annotations and cross-checks",
        description=(
            "Draft or reference article. Costs a fixed number of queries whatever its length."
        ),
        parameters=[id_parameter("article_id", "The article's id.")],
        responses={200: ArticleDetailSerializer, 304: NOT_MODIFIED, **READ_ERRORS},
    )
    def get(self, request: Request, article_id: str) -> HttpResponse:
        return _detail(request, parse_id(article_id, "article_id"))


class ExternalIdInput(serializers.Serializer):
    external_id = serializers.CharField(max_length=200)


class ArticleLookupView(ApiView):
    @extend_schema(
        operation_id="articles_lookup",
        tags=[TAG],
        summary="An article by its external id (same answer as the detail)",
        parameters=[
            OpenApiParameter(
                "external_id", str, required=True, description="The publishing system's id."
            )
        ],
        responses={200: ArticleDetailSerializer, 304: NOT_MODIFIED, **READ_ERRORS},
    )
    def get(self, request: Request) -> HttpResponse:
        params = validated(ExternalIdInput, request.query_params, only=["external_id"])
        return _detail(request, selectors.article_id_by_external_id(params["external_id"]))
