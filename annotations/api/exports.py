"""Export endpoints: W3C Web Annotation JSON-LD, schema.org ClaimReview JSON-LD, CSV.

Each view loads the article with :func:`annotations.exports.load_export` (a fixed number of
queries) and hands it to a pure builder. Like every endpoint (:class:`ApiView`), any desk role
(editor, reviewer, administrator) may export; anyone else gets 403, an unknown article 404,
a malformed id 400, all with the API's error shape. They take no query parameters: any
(DRF's ``?format=`` override included) is a 400; JSON-LD or JSON is chosen with ``Accept``.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import ValidationError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from annotations import exports
from annotations.api.errors import READ_ERRORS
from annotations.api.views.base import ApiView, id_parameter, parse_id
from annotations.models import Article

ERR_NOT_FOUND = "No such article."
ERR_QUERY_PARAMETER = (
    "Unknown query parameter: the exports take none (choose JSON-LD or JSON with the "
    "Accept header)."
)

TAGS = ["exports"]
ARTICLE_ID = id_parameter("article_id", "The article's id.")
# DRF's ``?format=`` override, which drf-spectacular would document: the exports take none.
NO_FORMAT = OpenApiParameter("format", exclude=True)


class _AcceptHeaderOnly(DefaultContentNegotiation):
    """Content negotiation by the ``Accept`` header alone (no ``?format=`` override)."""

    class settings:  # stands in for ``api_settings``: only the override is read
        URL_FORMAT_OVERRIDE = None


class ExportView(ApiView):
    """An export: no query parameters (400 for any, once the caller may export at all)."""

    content_negotiation_class = _AcceptHeaderOnly

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        if request.query_params:
            raise ValidationError({name: [ERR_QUERY_PARAMETER] for name in request.query_params})


class JSONLDRenderer(JSONRenderer):
    media_type = "application/ld+json"
    format = "jsonld"


def _load(article_id: str, *, crosschecks: bool = False) -> exports.ArticleExport:
    try:
        return exports.load_export(parse_id(article_id, "article_id"), crosschecks=crosschecks)
    except Article.DoesNotExist:
        raise Http404(ERR_NOT_FOUND) from None


_GENERATOR = {"id": "https://desk.example/", "type": "Software", "name": "Sourcedesk"}
_ANNOTATION_EXAMPLE = {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    "id": "https://desk.example/api/v1/articles/7/export/web-annotation/",
    "type": "AnnotationCollection",
    "label": "Sourcing of “US weighs security guarantees for Ukraine”",
    "total": 2,
    "generator": _GENERATOR,
    "first": {
        "id": "https://desk.example/api/v1/articles/7/export/web-annotation/#page-0",
        "type": "AnnotationPage",
        "startIndex": 0,
        "items": [
            {
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "id": "https://desk.example/api/v1/articles/7/export/web-annotation/"
                "#attribution-31",
                "type": "Annotation",
                "motivation": "describing",
                "created": "2026-11-20T09:12:03Z",
                "creator": {"type": "Person", "name": "Ana Editor", "nickname": "editor"},
                "generator": {
                    "id": "https://desk.example/",
                    "type": "Software",
                    "name": "Sourcedesk",
                },
                "body": [
                    {
                        "type": "TextualBody",
                        "value": "Marco Rubio (official) via Politico — cue 'told'",
                        "format": "text/plain",
                        "purpose": "describing",
                    },
                    {
                        "type": "TextualBody",
                        "value": "official",
                        "format": "text/plain",
                        "purpose": "tagging",
                    },
                ],
                "target": {
                    "source": "https://www.kyivpost.com/post/12345",
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": "Rubio told European diplomats that the plan was a draft.",
                            "prefix": "said on Tuesday. ",
                            "suffix": " Kyiv rejected",
                        },
                        {"type": "TextPositionSelector", "start": 412, "end": 468},
                    ],
                },
            },
            {
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "id": "https://desk.example/api/v1/articles/7/export/web-annotation/#confidence-88",
                "type": "Annotation",
                "motivation": "assessing",
                "created": "2026-11-20T10:02:44Z",
                "creator": {"type": "Person", "name": "Ana Editor", "nickname": "editor"},
                "body": [
                    {
                        "type": "TextualBody",
                        "value": "Corroborated: at least two independent sources agree",
                        "format": "text/plain",
                        "purpose": "assessing",
                    },
                    {
                        "type": "TextualBody",
                        "value": "corroborated",
                        "format": "text/plain",
                        "purpose": "tagging",
                    },
                ],
                "target": {
                    "source": "https://www.kyivpost.com/post/12345",
                    "selector": [
                        {
                            "type": "TextQuoteSelector",
                            "exact": "Rubio told European diplomats that the plan was a draft.",
                        },
                        {"type": "TextPositionSelector", "start": 412, "end": 468},
                    ],
                },
            },
        ],
    },
    "last": "https://desk.example/api/v1/articles/7/export/web-annotation/#page-0",
}

_CLAIM_REVIEW_EXAMPLE = [
    {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://www.kyivpost.com/post/12345#sentence-4",
        "claimReviewed": "The original document had 28 points, Politico reported.",
        "datePublished": "2026-11-20",
        "author": {"@type": "Organization", "name": "Kyiv Post", "url": "https://desk.example/"},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": 4,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": "Corroborated",
            "ratingExplanation": "at least two independent sources agree",
        },
        "itemReviewed": {
            "@type": "Claim",
            "appearance": {
                "@type": "NewsArticle",
                "url": "https://www.kyivpost.com/post/12345",
                "headline": "US weighs security guarantees for Ukraine",
            },
            "author": [{"@type": "NewsMediaOrganization", "name": "Politico"}],
        },
    }
]

_CSV_EXAMPLE = (
    "index,paragraph,kind,text,sources,confidence,status,annotator,reviewer,"
    "independent_corroborations,contradictions,anonymous_standards\r\n"
    '0,0,claim,"Talks will resume next week, the foreign minister said.",'
    "foreign minister (official),single_source,approved,editor,reviewer,1,0,\r\n"
    '2,1,claim,"Kyiv rejected three of them, a senior Ukrainian source told CNN.",'
    "a senior Ukrainian source (anonymous),single_source,approved,editor,reviewer,0,0,"
    '"a senior Ukrainian source (anonymous): anonymity granted: Not authorised to speak on '
    'the negotiations.; in a position to know: yes; identity known to an editor: yes"\r\n'
    "3,3,boilerplate,Follow our coverage on @example_news.,,,,,,0,0,\r\n"
)


class WebAnnotationExportView(ExportView):
    renderer_classes = [JSONLDRenderer, JSONRenderer]

    @extend_schema(
        operation_id="articles_export_web_annotation",
        summary="Export the sourcing as W3C Web Annotations",
        description=(
            "An `AnnotationCollection` (JSON-LD, `http://www.w3.org/ns/anno.jsonld`) with one "
            "`Annotation` per attribution (motivation `describing`) and one per annotated "
            "sentence's confidence (motivation `assessing`). Targets select the sentence "
            "with a `TextQuoteSelector` and a `TextPositionSelector` (offsets into the "
            "stored body). An anonymous source's attribution adds a `describing` body with "
            "the standards fields of that use (why anonymity was granted, whether the source "
            "is in a position to know, whether an editor knows the identity), tagged "
            "`standards-missing` while one is missing."
        ),
        tags=TAGS,
        parameters=[ARTICLE_ID, NO_FORMAT],
        responses={
            200: OpenApiResponse(
                response=OpenApiTypes.OBJECT,
                description="The annotation collection.",
                examples=[OpenApiExample("Collection", value=_ANNOTATION_EXAMPLE)],
            ),
            **READ_ERRORS,
        },
    )
    def get(self, request: Request, article_id: str) -> Response:
        export = _load(article_id)
        return Response(exports.web_annotation_collection(export))


class ClaimReviewExportView(ExportView):
    renderer_classes = [JSONLDRenderer, JSONRenderer]

    @extend_schema(
        operation_id="articles_export_claim_review",
        summary="Export approved claims as schema.org ClaimReview",
        description=(
            "A JSON-LD list with one schema.org `ClaimReview` per claim sentence whose "
            "annotation a reviewer approved. The rating runs from 1 (disputed) to 5 "
            "(confirmed); `alternateName` is the confidence label."
        ),
        tags=TAGS,
        parameters=[ARTICLE_ID, NO_FORMAT],
        responses={
            200: OpenApiResponse(
                response={"type": "array", "items": {"type": "object"}},
                description="The ClaimReviews, in text order (empty when nothing is approved).",
                examples=[OpenApiExample("ClaimReviews", value=_CLAIM_REVIEW_EXAMPLE)],
            ),
            **READ_ERRORS,
        },
    )
    def get(self, request: Request, article_id: str) -> Response:
        export = _load(article_id)
        return Response(exports.claim_reviews(export))


class CSVExportView(ExportView):
    """The file itself is always CSV (a plain response, past the renderers); errors are JSON
    like the rest of the API, even for a client that asked for ``text/csv`` only."""

    renderer_classes = [JSONRenderer]

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        # Never 406: a spreadsheet or browser asking for text/csv gets the file or the error.
        return super().perform_content_negotiation(request, force=True)

    @extend_schema(
        operation_id="articles_export_csv",
        summary="Export the sourcing as CSV for editors",
        description=(
            "One row per current sentence: " + ", ".join(exports.CSV_COLUMNS) + ". "
            "`anonymous_standards` gives, for each use of an anonymous source, why anonymity "
            "was granted, whether the source is in a position to know and whether an editor "
            "knows the identity ('not stated' when missing), joined by ` | `. Cells a "
            "spreadsheet would read as a formula start with `'`."
        ),
        tags=TAGS,
        parameters=[ARTICLE_ID, NO_FORMAT],
        responses={
            (200, "text/csv"): OpenApiResponse(
                response=OpenApiTypes.STR,
                description="The CSV file (an attachment).",
                examples=[OpenApiExample("CSV", value=_CSV_EXAMPLE)],
            ),
            **READ_ERRORS,
        },
    )
    def get(self, request: Request, article_id: str) -> HttpResponse:
        export = _load(article_id, crosschecks=True)
        filename = f"sourcing-{export.article.pk}.csv"
        return HttpResponse(
            exports.csv_text(export),
            content_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
