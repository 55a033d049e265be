"""Absolute links to the desk, for what leaves it (webhook payloads, exports)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse


def absolute_url(name: str = "", *args: Any) -> str:
    """The route ``name`` (the site's root when empty) under ``SOURCEDESK_BASE_URL``."""
    base = str(settings.SOURCEDESK_BASE_URL).rstrip("/")
    return base + (reverse(name, args=args) if name else "/")


def article_api_url(article_id: int) -> str:
    """Where the publishing system fetches the article (the API's detail route)."""
    return absolute_url("api:article", article_id)


def export_url(article_id: int, name: str) -> str:
    """An export of the article: ``web-annotation``, ``claim-review`` or ``csv``."""
    return absolute_url(f"api:article-export-{name}", article_id)
