"""Every error the API returns, in one JSON shape, and how service exceptions map to HTTP.

``{"code": "...", "detail": "...", "fields": {"name": ["message", ...]}}``: ``code`` is stable
and machine-readable, ``detail`` is for people, ``fields`` (validation errors only) names each
offending field (nested fields as ``attributions.0.cue``; the query string and path
parameters by their names; ``non_field_errors`` for the object as a whole). A stale write
(409) also carries ``current``: the annotation as it is now; a refused sign-off
(``sign_off_blocked``) carries ``blockers``: each sentence and what blocks it.

Service exceptions take their status and ``code`` from the table the pages use too
(:mod:`annotations.http_errors`): :class:`NotAllowed` → 403, :class:`StaleVersion` → 409, any
other :class:`WorkflowError` → 400, a :class:`~verify.engine.documents.DocumentError` (bad
article input) → 400.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from annotations import selectors as desk
from annotations.api.serializers import AnnotationStateSerializer
from annotations.http_errors import answer_for
from annotations.services.workflow import SignOffBlocked, StaleVersion

ERR_TOO_LARGE = "The request is {size:,} bytes, over the limit of {limit:,} bytes."
ERR_INVALID = "Invalid input."


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request is too large."
    default_code = "request_too_large"


class BlockerSerializer(serializers.Serializer):
    sentence_id = serializers.IntegerField()
    index = serializers.IntegerField(help_text="The sentence's index (the desk shows index + 1).")
    reason = serializers.CharField()


class ErrorSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="Stable, machine-readable error code.")
    detail = serializers.CharField(help_text="What went wrong, for people.")
    fields = serializers.DictField(  # type: ignore[assignment]  # popped by the metaclass
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="Validation errors by field (400 only).",
    )
    blockers = BlockerSerializer(
        many=True,
        required=False,
        help_text="What blocks a sign-off, sentence by sentence (`sign_off_blocked` only).",
    )


def _flatten(detail: Any, prefix: str = "") -> dict[str, list[str]]:
    """DRF's nested error detail as ``{"a.0.b": ["message"]}``."""
    if isinstance(detail, dict):
        flat: dict[str, list[str]] = {}
        for key, value in detail.items():
            flat.update(_flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(detail, list):
        if all(not isinstance(item, dict | list) for item in detail):
            return {prefix or "non_field_errors": [str(item) for item in detail]}
        flat = {}
        for position, item in enumerate(detail):
            if item:
                flat.update(_flatten(item, f"{prefix}.{position}" if prefix else str(position)))
        return flat
    return {prefix or "non_field_errors": [str(detail)]}


def error_body(code: str, detail: str, **extra: Any) -> dict[str, Any]:
    return {"code": code, "detail": detail, **extra}


def api_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """Map ``exc`` to the API's error shape; None (a 500) for anything unexpected."""
    answer = answer_for(exc)
    if answer is not None:
        extra: dict[str, Any] = {}
        if isinstance(exc, StaleVersion):
            current = desk.desk_sentence(exc.current.sentence_id, annotated=True)
            extra["current"] = AnnotationStateSerializer(current).data
        if isinstance(exc, SignOffBlocked):
            extra["blockers"] = [
                {"sentence_id": b.sentence_id, "index": b.index, "reason": b.reason}
                for b in exc.blockers
            ]
        return Response(error_body(answer.code, str(exc), **extra), status=answer.status)
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(str(exc) or None)
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.APIException):
        return response
    if isinstance(exc, exceptions.ValidationError):
        response.data = error_body("invalid", ERR_INVALID, fields=_flatten(exc.detail))
    else:
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else exc.default_code
        response.data = error_body(str(code), str(exc.detail))
    return response


# --- documentation ---------------------------------------------------------------------------


class ConflictSerializer(ErrorSerializer):
    """A stale write: the error, and the annotation as it is now."""

    current = AnnotationStateSerializer(
        help_text="The annotation as it is now: re-read it and apply the edit again."
    )


def _response(description: str, code: str, detail: str, **extra: Any) -> OpenApiResponse:
    return OpenApiResponse(
        response=ErrorSerializer,
        description=description,
        examples=[
            OpenApiExample(code, value=error_body(code, detail, **extra), response_only=True)
        ],
    )


BAD_REQUEST = _response(
    "Invalid input: unknown or invalid fields, a broken rule of the desk, bad JSON.",
    "invalid",
    ERR_INVALID,
    fields={"published_at": ["invalid date 'yesterday' for 'published_at' (use ISO 8601)"]},
)
UNAUTHORIZED = _response(
    "No credentials, or an invalid token.",
    "not_authenticated",
    "Authentication credentials were not provided.",
)
FORBIDDEN = _response(
    "The user has no desk role, or their role does not allow this.",
    "permission_denied",
    "Only reviewers can approve or request changes.",
)
NOT_FOUND = _response(
    "No such object (or not one this endpoint serves).", "not_found", "Not found."
)
TOO_LARGE = _response(
    "The request body is over the size limit.",
    "request_too_large",
    ERR_TOO_LARGE.format(size=9_000_000, limit=8_454_144),
)
UNSUPPORTED = _response(
    "The request body is not JSON.",
    "unsupported_media_type",
    'Unsupported media type "text/plain" in request.',
)
THROTTLED = _response(
    "Too many requests; retry after the number of seconds in ``Retry-After``.",
    "throttled",
    "Request was throttled. Expected available in 42 seconds.",
)
ANNOTATION_STATE_EXAMPLE = {
    "sentence_id": 41,
    "article_id": 7,
    "article_status": "in_annotation",
    "index": 2,
    "text": "Kyiv rejected three of them, a senior Ukrainian source told CNN.",
    "confidence": "single_source",
    "note": "Only CNN has it so far.",
    "status": "draft",
    "version": 4,
    "annotator": "editor",
    "reviewer": None,
    "updated_at": "2025-11-26T10:42:00Z",
    "attributions": [
        {
            "id": 88,
            "source": {"id": 12, "name": "a senior Ukrainian source", "kind": "anonymous"},
            "via": {"id": 3, "name": "CNN", "kind": "outlet"},
            "cue": "told",
            "mode": "indirect",
            "source_start": 182,
            "source_end": 207,
            "cue_start": 208,
            "cue_end": 212,
            "suggested": False,
            "anonymity_reason": "Not authorised to speak on the negotiations.",
            "in_position_to_know": True,
            "identity_known_to_editor": True,
            "missing_standards": [],
        }
    ],
}
CONFLICT = OpenApiResponse(
    response=ConflictSerializer,
    description="The edit was based on a stale version; ``current`` is the annotation now.",
    examples=[
        OpenApiExample(
            "stale_version",
            value=error_body(
                "stale_version",
                "Someone else changed this sentence while you were editing it.",
                current=ANNOTATION_STATE_EXAMPLE,
            ),
            response_only=True,
        )
    ],
)

READ_ERRORS: dict[int, OpenApiResponse] = {
    400: BAD_REQUEST,
    401: UNAUTHORIZED,
    403: FORBIDDEN,
    404: NOT_FOUND,
    429: THROTTLED,
}
WRITE_ERRORS: dict[int, OpenApiResponse] = {**READ_ERRORS, 413: TOO_LARGE, 415: UNSUPPORTED}
VERSIONED_WRITE_ERRORS: dict[int, OpenApiResponse] = {**WRITE_ERRORS, 409: CONFLICT}
