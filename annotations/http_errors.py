"""How the services' refusals answer over HTTP: one table for the desk's pages and the API.

The pages answer with the status (and the message); the API with the status and its error
shape, whose ``code`` is the table's. A class not in the table answers as its nearest base
class does, so a new kind of :class:`WorkflowError` is a 400 until it is given a row.
"""

from __future__ import annotations

from dataclasses import dataclass
from http import HTTPStatus

from annotations.services.workflow import (
    AnnotatorDeleted,
    MissingStandards,
    NotAllowed,
    SignOffBlocked,
    StaleVersion,
    TooLong,
    WorkflowError,
)
from verify.engine.documents import DocumentError


@dataclass(frozen=True, slots=True)
class ErrorAnswer:
    status: int
    code: str  # the API's stable, machine-readable ``code``


SERVICE_ERRORS: dict[type[Exception], ErrorAnswer] = {
    # The edit was based on an older version: the answer carries the annotation as it is now.
    StaleVersion: ErrorAnswer(HTTPStatus.CONFLICT.value, "stale_version"),
    # The user's role does not allow it.
    NotAllowed: ErrorAnswer(HTTPStatus.FORBIDDEN.value, "permission_denied"),
    # The annotator's account was deleted: four eyes cannot be shown until an editor takes
    # the sentence over.
    AnnotatorDeleted: ErrorAnswer(HTTPStatus.BAD_REQUEST.value, "annotator_deleted"),
    # A sentence resting on an anonymous source lacks a standards field on that attribution.
    MissingStandards: ErrorAnswer(HTTPStatus.BAD_REQUEST.value, "anonymous_source_standards"),
    # Something blocks the sign-off; the API's answer lists the blockers.
    SignOffBlocked: ErrorAnswer(HTTPStatus.BAD_REQUEST.value, "sign_off_blocked"),
    # A note, comment or reason over its limit (annotations.limits).
    TooLong: ErrorAnswer(HTTPStatus.BAD_REQUEST.value, "too_long"),
    # Any other rule of the desk.
    WorkflowError: ErrorAnswer(HTTPStatus.BAD_REQUEST.value, "workflow_error"),
    # Bad article input (the API's upsert).
    DocumentError: ErrorAnswer(HTTPStatus.BAD_REQUEST.value, "invalid"),
}


def answer_for(exc: BaseException) -> ErrorAnswer | None:
    """The table's answer for ``exc`` (or its nearest base class); None for other errors."""
    for cls in type(exc).__mro__:
        answer = SERVICE_ERRORS.get(cls)
        if answer is not None:
            return answer
    return None


def status_for(exc: WorkflowError) -> int:
    """The HTTP status of a refusal of the services."""
    answer = answer_for(exc)
    assert answer is not None  # every WorkflowError has a row through its base class
    return answer.status
