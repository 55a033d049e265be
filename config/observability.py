"""Structured request and task logs: one JSON line per request and per task run.

Each request gets an id (the incoming ``X-Request-ID`` when it is a plausible one, else a new
one), echoed in the response header and in its log line.
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from celery.signals import task_failure, task_postrun, task_prerun, task_retry
from django.http import HttpRequest, HttpResponse

request_log = logging.getLogger("sourcedesk.request")
task_log = logging.getLogger("sourcedesk.task")

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
_task_started: dict[str, float] = {}


class RequestLogMiddleware:
    """Logs method, path, status, duration and user of every request as structured fields."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex
        started = time.perf_counter()
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        user = getattr(request, "user", None)
        request_log.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "request_id": request_id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "user_id": user.pk if user is not None and user.is_authenticated else None,
            },
        )
        return response


@task_prerun.connect
def _task_started_at(task_id: str | None = None, **kwargs: Any) -> None:
    if task_id:
        _task_started[task_id] = time.perf_counter()


@task_postrun.connect
def _task_finished(
    task_id: str | None = None, task: Any = None, state: str | None = None, **kwargs: Any
) -> None:
    started = _task_started.pop(task_id or "", None)
    task_log.info(
        "task %s %s",
        getattr(task, "name", "?"),
        state,
        extra={
            "task_id": task_id,
            "task": getattr(task, "name", None),
            "state": state,
            # Not "args": LogRecord has an attribute of that name (the message's arguments), and
            # logging refuses an ``extra`` that would overwrite it (KeyError, no line written).
            "task_args": list(kwargs.get("args") or ()),
            "duration_ms": round((time.perf_counter() - started) * 1000, 1) if started else None,
        },
    )


@task_retry.connect
def _task_retried(request: Any = None, reason: Any = None, **kwargs: Any) -> None:
    task_log.warning(
        "task retry: %s",
        reason,
        extra={"task_id": getattr(request, "id", None), "reason": str(reason)},
    )


@task_failure.connect
def _task_failed(task_id: str | None = None, exception: Any = None, **kwargs: Any) -> None:
    task_log.error(
        "task failed: %r",
        exception,
        extra={"task_id": task_id, "error": repr(exception)},
    )
