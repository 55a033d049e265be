"""Read article files (``.txt`` with an optional header, ``.html``, ``.json``) into documents.

Pure Python (no Django), shared by ``manage.py ingest`` and ``manage.py analyze``. Every problem
with a file raises :class:`DocumentError` with a message a person can act on; nothing here writes.

Offsets produced downstream index into :attr:`Document.body`, which is the text exactly as read:
for a ``.txt`` file with a header, everything after the blank line that ends the header; without
a header, the whole file. Line endings are kept as they are.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".json")
ROLES = ("draft", "reference")
DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024
# A file this much larger than the body limit is refused before it is read into memory.
READ_SLACK = 4

HEADER_KEYS = {
    "headline": "headline",
    "outlet": "outlet",
    "url": "url",
    "published": "published_at",
    "byline": "byline",
    "external-id": "external_id",
    "role": "role",
}
JSON_FIELDS = frozenset(
    {"external_id", "headline", "outlet", "url", "byline", "published_at", "body", "role"}
)
JSON_REQUIRED = ("external_id", "headline", "body")
FIELD_LIMITS = {"external_id": 200, "headline": 500, "outlet": 200, "url": 2000, "byline": 300}

ERR_EMPTY = "the file is empty"
ERR_BINARY = "the file looks binary, not text"
ERR_ENCODING = "the file is not valid UTF-8 (byte {byte:#04x} at offset {offset})"
ERR_TOO_LARGE = "the text is {size:,} bytes, over the limit of {limit:,} bytes"
ERR_TOO_MANY_SENTENCES = "the text has more than {limit:,} sentences, over the limit per article"
ERR_UNSUPPORTED = "unsupported file type '{suffix}' (use .txt, .html or .json)"
ERR_HEADER_LINE = "header line {line} is not 'Key: value': {text!r}"
ERR_HEADER_KEY = "unknown header key '{key}' on line {line} (known: {known})"
ERR_HEADER_REPEATED = "header key '{key}' appears twice (line {line})"
ERR_NO_BODY = "the header is not followed by any article text"
ERR_DATE = (
    "invalid date {value!r} for '{field}' (use ISO 8601, e.g. 2025-11-26 or 2025-11-26T10:30:00Z)"
)
ERR_ROLE = "invalid role {value!r} (use one of: {roles})"
ERR_URL = "invalid URL {value!r} (an http or https address is expected)"
ERR_TOO_LONG = "'{field}' is {length} characters, over the limit of {limit}"
ERR_JSON = "invalid JSON: {problem}"
ERR_JSON_OBJECT = "the JSON must be one object with the article's fields"
ERR_JSON_UNKNOWN = "unknown field(s): {fields} (known: {known})"
ERR_JSON_MISSING = "missing required field(s): {fields}"
ERR_JSON_TYPE = "field '{field}' must be a string"
ERR_JSON_DUPLICATE = "field '{field}' appears twice"
ERR_JSON_DEPTH = "the JSON is nested too deeply"
ERR_NUL = "field '{field}' contains a NUL character"
ERR_SURROGATE = "field '{field}' contains an unpaired surrogate (\\u{code:04x})"
ERR_HTML_EMPTY = "no article text could be extracted from the HTML"
ERR_CONTROL = "the text contains control characters (first at offset {offset})"
ERR_EXTERNAL_ID = "invalid external id {value!r} (use letters, digits and . _ : / -)"

_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z-]{0,30}):[ \t]*(.*?)[ \t]*$")
#: What an external id may look like (the API documents the same pattern).
EXTERNAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:/\-]*$")
# Control characters other than tab, line feed, carriage return and form feed.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class DocumentError(ValueError):
    """A file that cannot be read as an article; the message says why."""


class TooManySentences(DocumentError):
    """A body with more sentences than one article may have (segmentation stops there)."""

    def __init__(self, limit: int) -> None:
        super().__init__(ERR_TOO_MANY_SENTENCES.format(limit=limit))
        self.limit = limit


@dataclass(frozen=True, slots=True)
class Document:
    """An article as read from a file: its fields and its body."""

    body: str
    external_id: str
    headline: str = ""
    outlet: str = ""
    url: str = ""
    byline: str = ""
    published_at: datetime | None = None
    role: str | None = None  # None when the file does not say

    def fields(self) -> dict[str, Any]:
        """The header fields (everything but the body), JSON-ready."""
        data = asdict(self)
        del data["body"]
        data["published_at"] = self.published_at.isoformat() if self.published_at else None
        return data


def iter_article_files(paths: list[Path]) -> Iterator[Path]:
    """Yield the article files named by ``paths``: files as given, folders searched recursively.

    Folders contribute only files with a supported suffix, in sorted order, skipping hidden
    files; a file named directly is yielded whatever its suffix so that it gets an error.
    Raises :class:`FileNotFoundError` for a path that does not exist.
    """
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and child.suffix.lower() in SUPPORTED_SUFFIXES
                    and not any(part.startswith(".") for part in child.relative_to(path).parts)
                ):
                    yield child
        elif path.exists():
            yield path
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")


def read_document(path: Path, *, max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> Document:
    """Read one article file. Raises :class:`DocumentError` (or ``OSError``) on any problem."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise DocumentError(ERR_UNSUPPORTED.format(suffix=suffix or "(none)"))
    size = path.stat().st_size
    if size > max_body_bytes * READ_SLACK:
        raise DocumentError(ERR_TOO_LARGE.format(size=size, limit=max_body_bytes))
    raw = path.read_bytes()
    text = decode_text(raw)
    stem = path.stem
    if suffix == ".txt":
        document = parse_txt(text, default_external_id=stem)
    elif suffix == ".json":
        document = parse_json(text)
    else:
        document = parse_html(text, default_external_id=stem)
    check_body(document.body, max_body_bytes=max_body_bytes)
    return document


def decode_text(raw: bytes) -> str:
    """Decode file bytes as UTF-8 (a BOM is dropped), refusing empty and binary content."""
    if not raw.strip():
        raise DocumentError(ERR_EMPTY)
    if b"\x00" in raw[:8192]:
        raise DocumentError(ERR_BINARY)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(ERR_ENCODING.format(byte=raw[exc.start], offset=exc.start)) from None
    control = _CONTROL.search(text)
    if control:
        # A few stray control characters mean a binary or corrupted file, not an article.
        raise DocumentError(ERR_CONTROL.format(offset=control.start()))
    return text


def has_visible_text(text: str) -> bool:
    """Whether ``text`` has a character a reader would see: not whitespace, not a control or
    format character (zero-width spaces and joiners, the BOM, direction marks)."""
    return any(
        not char.isspace() and unicodedata.category(char) not in ("Cc", "Cf") for char in text
    )


def check_body(body: str, *, max_body_bytes: int) -> None:
    """Refuse a body that is empty (nothing visible) or over the size limit."""
    if not has_visible_text(body):
        raise DocumentError(ERR_NO_BODY)
    size = len(body.encode("utf-8"))
    if size > max_body_bytes:
        raise DocumentError(ERR_TOO_LARGE.format(size=size, limit=max_body_bytes))


def parse_txt(text: str, *, default_external_id: str) -> Document:
    """Parse a ``.txt`` article: an optional header of ``Key: value`` lines, then a blank line.

    The file has a header when its first line is ``Key: value`` with a known key. Within a
    header every line must be ``Key: value`` with a known key, each key at most once.
    """
    lines = text.splitlines(keepends=True)
    first = _HEADER_LINE.match(lines[0].rstrip("\r\n")) if lines else None
    if not first or first.group(1).lower() not in HEADER_KEYS:
        return build_document({"body": text}, default_external_id=default_external_id)

    fields: dict[str, str] = {}
    consumed = 0
    for number, line in enumerate(lines, start=1):
        consumed += len(line)
        content = line.rstrip("\r\n")
        if not content.strip():
            break
        match = _HEADER_LINE.match(content)
        if not match:
            raise DocumentError(ERR_HEADER_LINE.format(line=number, text=content[:80]))
        key = match.group(1).lower()
        if key not in HEADER_KEYS:
            known = ", ".join(k.title() for k in HEADER_KEYS)
            raise DocumentError(ERR_HEADER_KEY.format(key=match.group(1), line=number, known=known))
        field = HEADER_KEYS[key]
        if field in fields:
            raise DocumentError(ERR_HEADER_REPEATED.format(key=match.group(1), line=number))
        fields[field] = match.group(2)
    else:
        raise DocumentError(ERR_NO_BODY)
    fields["body"] = text[consumed:]
    return build_document(fields, default_external_id=default_external_id)


def parse_json(text: str) -> Document:
    """Parse a ``.json`` article: one object with the API's article fields, nothing else."""
    try:
        data = json.loads(text, object_pairs_hook=no_duplicate_keys)
    except json.JSONDecodeError as exc:
        raise DocumentError(ERR_JSON.format(problem=f"{exc.msg} (line {exc.lineno})")) from None
    except RecursionError:
        raise DocumentError(ERR_JSON_DEPTH) from None
    if not isinstance(data, dict):
        raise DocumentError(ERR_JSON_OBJECT)
    unknown = sorted(set(data) - JSON_FIELDS)
    if unknown:
        known = ", ".join(sorted(JSON_FIELDS))
        raise DocumentError(ERR_JSON_UNKNOWN.format(fields=", ".join(unknown), known=known))
    for name, value in data.items():
        if value is not None and not isinstance(value, str):
            raise DocumentError(ERR_JSON_TYPE.format(field=name))
        if isinstance(value, str):
            _check_string(name, value)
    missing = [name for name in JSON_REQUIRED if not data.get(name)]
    if missing:
        raise DocumentError(ERR_JSON_MISSING.format(fields=", ".join(missing)))
    fields = {name: value for name, value in data.items() if value is not None}
    return build_document(fields, default_external_id="")


class DuplicateKey(DocumentError):
    """A JSON object names one key twice."""

    def __init__(self, key: str) -> None:
        super().__init__(ERR_JSON_DUPLICATE.format(field=key))
        self.key = key


def no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """``object_pairs_hook`` for ``json.loads``: a key twice raises :class:`DuplicateKey`
    rather than silently keeping the last value (the file reader and the API agree)."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise DuplicateKey(key)
        result[key] = value
    return result


def _check_string(field: str, value: str) -> None:
    """Refuse what the database cannot store and the API refuses: NUL, lone surrogates."""
    if "\x00" in value:
        raise DocumentError(ERR_NUL.format(field=field))
    surrogate = _SURROGATE.search(value)
    if surrogate:
        raise DocumentError(ERR_SURROGATE.format(field=field, code=ord(surrogate.group())))


def parse_html(text: str, *, default_external_id: str) -> Document:
    """Extract the main text and metadata of an HTML page with trafilatura."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    body = trafilatura.extract(
        text, include_comments=False, include_tables=False, favor_precision=True
    )
    if not body or not body.strip():
        raise DocumentError(ERR_HTML_EMPTY)
    meta = trafilatura.extract_metadata(text)
    fields: dict[str, str] = {"body": body}
    if meta is not None:
        for field, value in (
            ("headline", meta.title),
            ("outlet", meta.sitename),
            ("url", meta.url),
            ("byline", meta.author),
            ("published_at", meta.date),
        ):
            if value:
                fields[field] = value
    return build_document(fields, default_external_id=default_external_id)


def build_document(fields: dict[str, str], *, default_external_id: str) -> Document:
    """Validate raw string fields and build a :class:`Document`."""
    body = fields["body"]
    external_id = fields.get("external_id", "").strip() or default_external_id
    if not EXTERNAL_ID.match(external_id):
        raise DocumentError(ERR_EXTERNAL_ID.format(value=external_id))
    role = fields.get("role", "").strip().lower() or None
    if role is not None and role not in ROLES:
        raise DocumentError(ERR_ROLE.format(value=fields["role"], roles=", ".join(ROLES)))
    url = fields.get("url", "").strip()
    if url and not is_http_url(url):
        raise DocumentError(ERR_URL.format(value=url))
    published = fields.get("published_at", "").strip()
    headline = fields.get("headline", "").strip() or first_line(body)
    values = {
        "external_id": external_id,
        "headline": headline,
        "outlet": fields.get("outlet", "").strip(),
        "url": url,
        "byline": fields.get("byline", "").strip(),
    }
    for field, limit in FIELD_LIMITS.items():
        if len(values[field]) > limit:
            if field == "headline" and "headline" not in fields:
                values[field] = values[field][: limit - 1].rstrip() + "…"
                continue
            raise DocumentError(
                ERR_TOO_LONG.format(field=field, length=len(values[field]), limit=limit)
            )
    return Document(
        body=body,
        published_at=parse_datetime(published, field="published_at") if published else None,
        role=role,
        **values,
    )


def parse_datetime(value: str, *, field: str) -> datetime:
    """Parse an ISO 8601 date or date-time; naive values are taken as UTC."""
    text = value.strip()
    try:
        if len(text) == 10:
            parsed = datetime.combine(date.fromisoformat(text), time(0, 0))
        else:
            parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise DocumentError(ERR_DATE.format(value=value, field=field)) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        # A date at the edge of the calendar with an offset cannot be stored as UTC.
        return parsed.astimezone(UTC)
    except (OverflowError, ValueError):
        raise DocumentError(ERR_DATE.format(value=value, field=field)) from None


def is_http_url(value: str) -> bool:
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme in {"http", "https"} and bool(parts.netloc) and " " not in value


def first_line(body: str) -> str:
    for line in body.splitlines():
        if line.strip():
            return line.strip()
    return ""
