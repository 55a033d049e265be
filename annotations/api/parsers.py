"""The API's only parser: JSON, size- and depth-limited, with duplicate keys refused."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from itertools import accumulate
from typing import IO, Any

from django.conf import settings
from rest_framework.exceptions import ParseError
from rest_framework.parsers import BaseParser

from annotations.api.errors import ERR_TOO_LARGE, RequestTooLarge
from verify.engine.documents import READ_SLACK, DuplicateKey, no_duplicate_keys

ERR_DUPLICATE_KEY = "JSON parse error - the key {key!r} appears twice in one object."
ERR_CONSTANT = "JSON parse error - {value} is not valid JSON."
ERR_JSON = "JSON parse error - {problem}"
ERR_ENCODING = "JSON parse error - the body is not UTF-8."
ERR_TOO_DEEP = (
    "JSON parse error - arrays and objects are nested more than {limit} levels deep; "
    "no request needs more."
)

# The deepest nesting of arrays and objects a request may have. Every request body the API
# takes is one flat object (1 level); 32 leaves room and keeps the parser (and everything
# after it) far from Python's recursion limit, which 1,000 levels reach.
MAX_JSON_DEPTH = 32

# A JSON string (escapes included). Outside strings, only brackets nest; on UTF-8 bytes
# (a multi-byte character never contains an ASCII byte) the bytes methods are C loops.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_FOLD = bytes.maketrans(b"[{]}", b"(())")  # the depth does not depend on the kind
_STEP = {ord("("): 1, ord(")"): -1}

# An article body may be up to SOURCEDESK_MAX_BODY_BYTES of UTF-8; JSON escapes (``\n``,
# ``\u00e9``) make the request larger than that, so the request may be this many times the
# body limit (the same slack ``ingest`` allows a file) before it is refused unread.


def max_request_bytes() -> int:
    return int(settings.SOURCEDESK_MAX_BODY_BYTES) * READ_SLACK


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    try:
        return no_duplicate_keys(pairs)
    except DuplicateKey as exc:
        raise ParseError(ERR_DUPLICATE_KEY.format(key=exc.key)) from None


def _no_constants(value: str) -> None:
    raise ParseError(ERR_CONSTANT.format(value=value))


def _brackets(raw: bytes) -> bytes:
    """The brackets of the JSON ``raw`` outside strings, as ``(`` and ``)``."""
    return _STRING.sub(b"", raw).translate(_FOLD, _NOT_BRACKETS)


def json_depth(raw: bytes) -> int:
    """How deeply arrays and objects nest in the JSON ``raw`` (``{"a": [1]}`` is 2).

    Exact for valid JSON; for invalid JSON at least the depth ``json.loads`` reaches before
    it finds the error. Iterative, never recursive: safe on any input.
    """
    return max(accumulate(map(_STEP.__getitem__, _brackets(raw))), default=0)


def too_deep(raw: bytes, *, limit: int) -> bool:
    """Whether ``raw`` nests deeper than ``limit`` (see :func:`json_depth`), in linear time.

    Each pass removes the innermost ``()`` pairs: a balanced body of depth ``d`` is empty
    after ``d`` passes, and a pair still there after ``limit`` passes sits deeper than
    ``limit``; ``limit + 1`` openers in a row end it early. Only an unbalanced body (invalid
    JSON) needs the exact count.
    """
    brackets = _brackets(raw)
    run = b"(" * (limit + 1)  # that many openers in a row nest deeper than the limit
    for _ in range(limit):
        if run in brackets:
            return True
        reduced = brackets.replace(b"()", b"")
        if reduced == brackets:
            break
        brackets = reduced
    if not brackets:
        return False
    if b"()" in brackets:
        return True
    return json_depth(raw) > limit


class LimitedJSONParser(BaseParser):
    """Parse a JSON body of at most :func:`max_request_bytes` (413 above it), nested at
    most :data:`MAX_JSON_DEPTH` levels deep (400 beyond, before it is parsed).

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
        if too_deep(raw, limit=MAX_JSON_DEPTH):
            raise ParseError(ERR_TOO_DEEP.format(limit=MAX_JSON_DEPTH))
        try:
            return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
        except RecursionError:  # unreachable after the depth check; never a 500 regardless
            raise ParseError(ERR_TOO_DEEP.format(limit=MAX_JSON_DEPTH)) from None
        except ValueError as exc:
            if isinstance(exc, json.JSONDecodeError):
                raise ParseError(ERR_JSON.format(problem=exc.msg)) from None
            raise ParseError(ERR_JSON.format(problem=str(exc))) from None
