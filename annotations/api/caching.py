"""The article detail, rendered once per state of the article.

Every service that changes what the detail shows (annotations, attributions, transitions,
revisions, cross-check results, merged sources) moves ``Article.updated_at`` on, in the same
transaction. The rendered JSON is cached under the article's id, that timestamp and the source
registry's latest change, so a cached answer is never stale, and the publishing system's
repeated reads cost two small queries. The same key is the response's ``ETag``: a client that
sends it back in ``If-None-Match`` gets ``304 Not Modified``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.db.models import Subquery
from django.http import Http404, HttpResponse
from django.views.decorators.http import etag
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request

from annotations.models import Article, Source

TIMEOUT = 600
# The registry's latest change, as a subquery (one step down the ``updated_at`` index).
_LATEST_SOURCE_CHANGE = Source.objects.order_by("-updated_at").values("updated_at")[:1]


def detail_key(article_id: int) -> str:
    """The cache key of the article's current state; 404 for an unknown article.

    One query: it runs on every read, cached or not.
    """
    row = (
        Article.objects.filter(pk=article_id)
        .annotate(registry=Subquery(_LATEST_SOURCE_CHANGE))
        .values_list("updated_at", "registry")
        .first()
    )
    if row is None:
        raise Http404
    updated, registry = row
    stamp = f"{article_id}:{updated.isoformat()}:{registry.isoformat() if registry else '-'}"
    return "api:article-detail:" + hashlib.sha256(stamp.encode()).hexdigest()[:32]


def cached_detail(request: Request, article_id: int, build: Callable[[], object]) -> HttpResponse:
    """The article detail as JSON, from the cache when the article has not changed.

    Django's conditional-request handling answers ``If-None-Match`` (a 304 with the ``ETag``)
    and puts the ``ETag`` on the full answer.
    """
    key = detail_key(article_id)

    @etag(lambda _request: key.rsplit(":", 1)[1])
    def respond(_request: Request) -> HttpResponse:
        body = cache.get(key)
        if body is None:
            body = JSONRenderer().render(build())
            cache.set(key, body, TIMEOUT)
        return HttpResponse(body, content_type="application/json")

    return respond(request)
