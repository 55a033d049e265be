"""``/healthz``: is the database answering, and the broker (when one is configured)?"""

from __future__ import annotations

import time

from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def _broker() -> str:
    if not settings.CELERY_BROKER_URL:
        return "not configured (jobs run in-process)"
    from config.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)
    return "ok"


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """200 when every configured dependency answers, 503 naming the one that does not.

    Open to anonymous callers (load balancers); it reveals nothing but up or down.
    """
    checks: dict[str, str] = {}
    healthy = True
    for name, check in (("database", _database), ("broker", _broker)):
        started = time.monotonic()
        try:
            checks[name] = check()
        except Exception as exc:  # any failure means "down"; the type says which
            checks[name] = f"unavailable ({type(exc).__name__})"
            healthy = False
        checks[f"{name}_ms"] = f"{(time.monotonic() - started) * 1000:.0f}"
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", **checks}, status=200 if healthy else 503
    )
