"""The API's only parser: JSON, size-limited, with duplicate keys refused."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import IO, Any

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser

from annotations.api.errors import ERR_TOO_LARGE, RequestTooLarge
from verify.engine.documents import READ_SLACK

ERR_DUPLICATE_KEY = "JSON parse error - the key {key!r} appears twice in one object."
ERR_CONSTANT = "JSON parse error - {value} is not valid JSON."
ERR_JSON = "JSON parse error - {problem}"
ERR_ENCODING = "JSON parse error - the body is not UTF-8."

# An article body may be up to SOURCEDESK_MAX_BODY_BYTES of UTF-8; JSON escapes (``\n``,
# ``\u00e9``) make the request larger than that, so the request may be this many times the
# body limit (the same slack ``ingest`` allows a file) before it is refused unread.


def max_request_bytes() -> int:
    return int(settings.SOURCEDESK_MAX_BODY_BYTES) * READ_SLACK


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ParseError(ERR_DUPLICATE_KEY.format(key=key))
        result[key] = value
    return result


def _no_constants(value: str) -> None:
    raise ParseError(ERR_CONSTANT.format(value=value))


class LimitedJSONParser(BaseParser):
    """Parse a JSON body of at most :func:`max_request_bytes` (413 above it).

    Not a subclass of DRF's ``JSONParser``, which DRF feeds ``request.body`` (read whole, then
    refused by Django with an HTML 400 over ``DATA_UPLOAD_MAX_MEMORY_SIZE``): this one gets
    the stream and reads no more than the limit.

    A stated ``Content-Length`` over the limit is refused before anything is read; a body
    without one is read up to one byte past the limit. ``{"a": 1, "a": 2}`` is an error
    rather than silently keeping the last value, and so are ``NaN`` and ``Infinity``.
    """

    media_type = "application/json"

    def parse(
        self,
        stream: IO[Any],
        media_type: str | None = None,
        parser_context: Mapping[str, Any] | None = None,
    ) -> Any:
        limit = max_request_bytes()
        request = (parser_context or {}).get("request")
        if request is not None:
            try:
                stated = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                stated = 0
            if stated > limit:
                raise RequestTooLarge(ERR_TOO_LARGE.format(size=stated, limit=limit))
        raw = stream.read(limit + 1)
        if len(raw) > limit:
            raise RequestTooLarge(ERR_TOO_LARGE.format(size=len(raw), limit=limit))
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise ParseError(ERR_ENCODING) from None
        try:
            return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
        except ValueError as exc:
            if isinstance(exc, json.JSONDecodeError):
                raise ParseError(ERR_JSON.format(problem=exc.msg)) from None
            raise ParseError(ERR_JSON.format(problem=str(exc))) from None
