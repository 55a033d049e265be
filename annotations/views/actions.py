"""The side panel's and the review queue's changes: POST only, JSON answers, one service each.

Each view finds its object (404 outside draft articles and current sentences), reads the
``version`` the person was looking at, and calls one service of
:mod:`annotations.services.workflow`; :func:`run_service` maps the outcome to HTTP.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_POST

from annotations import selectors
from annotations.models import Attribution, Source
from annotations.services import workflow
from annotations.views._common import (
    ERR_VERSION,
    bad_request,
    desk_view,
    forbidden,
    int_or_none,
    run_service,
)

ERR_NO_SOURCE = "Pick a source from the registry (or create one) first."
ERR_NOTHING_SELECTED = "Select at least one sentence to approve."
ERR_NOTHING_TO_SAVE = "Nothing to save: set a confidence or a note."
ERR_SPAN = "The marked {what} needs both ends as character offsets ({what}_start, {what}_end)."
STANDARDS_LEFT = "{done} Before the sentence is submitted, record {fields}."


def _saved(done: str) -> Callable[[Attribution], str]:
    """The message after an attribution is accepted or saved: ``done``, and, for an anonymous
    use still lacking standards fields, which ones submission will ask for (said now, not
    only when submission is refused)."""

    def message(attribution: Attribution) -> str:
        missing = attribution.missing_standards
        if not missing:
            return done
        fields = (
            missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
        )
        return STANDARDS_LEFT.format(done=done, fields=fields)

    return message


def _version(request: HttpRequest) -> int | None:
    return int_or_none(request.POST.get("version"))


class BadSpan(ValueError):
    pass


def _span(request: HttpRequest, what: str) -> tuple[int, int] | None:
    """The marked ``what`` (source or cue) from ``<what>_start``/``<what>_end``: None when
    neither is sent; BadSpan when one is missing or is not a whole number."""
    start, end = (request.POST.get(f"{what}_{end}", "").strip() for end in ("start", "end"))
    if not start and not end:
        return None
    first, last = int_or_none(start), int_or_none(end)
    if first is None or last is None:
        raise BadSpan(ERR_SPAN.format(what=what))
    return first, last


@require_POST
@desk_view
def update_annotation(request: HttpRequest, annotation_id: int) -> JsonResponse:
    """Set the confidence and/or the note (whichever the form sent)."""
    annotation = selectors.desk_annotation(annotation_id)
    version = _version(request)
    if version is None:
        return bad_request(ERR_VERSION)
    changes = {k: request.POST[k] for k in ("confidence", "note") if k in request.POST}
    if not changes:
        return bad_request(ERR_NOTHING_TO_SAVE)
    return run_service(
        request,
        annotation.sentence_id,
        lambda: workflow.update_annotation(
            annotation=annotation, user=request.user, version=version, **changes
        ),
        done="Saved.",
    )


def _move(
    request: HttpRequest, annotation_id: int, service: Callable[..., object], *, done: str
) -> JsonResponse:
    """Submit or withdraw through ``service``, at the version the page saw (required)."""
    annotation = selectors.desk_annotation(annotation_id)
    version = _version(request)
    if version is None:
        return bad_request(ERR_VERSION)
    return run_service(
        request,
        annotation.sentence_id,
        lambda: service(annotation=annotation, user=request.user, version=version),
        done=done,
    )


@require_POST
@desk_view
def submit(request: HttpRequest, annotation_id: int) -> JsonResponse:
    return _move(request, annotation_id, workflow.submit, done="Submitted for review.")


def _review(
    request: HttpRequest, annotation_id: int, service: Callable[..., object], *, done: str
) -> JsonResponse:
    """Approve or request changes through ``service``, with the form's comment and version."""
    annotation = selectors.desk_annotation(annotation_id)
    version = _version(request)
    return run_service(
        request,
        annotation.sentence_id,
        lambda: service(
            annotation=annotation,
            reviewer=request.user,
            version=version,
            comment=request.POST.get("comment", ""),
        ),
        done=done,
    )


@require_POST
@desk_view
def approve(request: HttpRequest, annotation_id: int) -> JsonResponse:
    return _review(request, annotation_id, workflow.approve, done="Approved.")


@require_POST
@desk_view
def request_changes(request: HttpRequest, annotation_id: int) -> JsonResponse:
    return _review(request, annotation_id, workflow.request_changes, done="Changes requested.")


@require_POST
@desk_view
def withdraw(request: HttpRequest, annotation_id: int) -> JsonResponse:
    return _move(
        request,
        annotation_id,
        workflow.withdraw,
        done="Withdrawn from review: the sentence is a draft again, change it and submit it.",
    )


@require_POST
@desk_view
def reopen_annotation(request: HttpRequest, annotation_id: int) -> JsonResponse:
    annotation = selectors.desk_annotation(annotation_id)
    return run_service(
        request,
        annotation.sentence_id,
        lambda: workflow.reopen_annotation(annotation=annotation, user=request.user),
        done="Reopened: the sentence is a draft again.",
    )


def _change_attribution(
    request: HttpRequest,
    attribution_id: int,
    service: Callable[..., object],
    *,
    done: str | Callable[[Any], str],
    **extra: object,
) -> JsonResponse:
    """Accept or remove one attribution through ``service``, at the version the page saw."""
    attribution = selectors.desk_attribution(attribution_id)
    version = _version(request)
    if version is None:
        return bad_request(ERR_VERSION)
    return run_service(
        request,
        attribution.sentence_id,
        lambda: service(attribution=attribution, user=request.user, version=version, **extra),
        done=done,
    )


def _standards(request: HttpRequest) -> dict[str, object]:
    """The standards fields the form filled in (an anonymous source's). A field left empty is
    not sent on: the service keeps the attribution's value, or takes the registry entry's
    default (the form shows both)."""
    values: dict[str, object] = {}
    reason = request.POST.get("anonymity_reason", "")
    if reason.strip():
        values["anonymity_reason"] = reason
    for name in ("in_position_to_know", "identity_known_to_editor"):
        answer = {"true": True, "false": False}.get(request.POST.get(name, ""))
        if answer is not None:
            values[name] = answer
    return values


@require_POST
@desk_view
def accept_attribution(request: HttpRequest, attribution_id: int) -> JsonResponse:
    return _change_attribution(
        request,
        attribution_id,
        workflow.accept_attribution,
        done=_saved("Attribution accepted."),
        **_standards(request),
    )


@require_POST
@desk_view
def remove_attribution(request: HttpRequest, attribution_id: int) -> JsonResponse:
    return _change_attribution(
        request, attribution_id, workflow.remove_attribution, done="Attribution removed."
    )


@require_POST
@desk_view
def save_attribution(request: HttpRequest, sentence_id: int) -> JsonResponse:
    """Add an attribution to the sentence, or edit one of its attributions (``attribution``),
    with the words marked in the text as its source and cue spans (body offsets), if any."""
    sentence = selectors.desk_sentence(sentence_id)
    version = _version(request)
    if version is None:
        return bad_request(ERR_VERSION)
    source = Source.objects.filter(pk=int_or_none(request.POST.get("source")) or 0).first()
    if source is None:
        return bad_request(ERR_NO_SOURCE)
    via_id = int_or_none(request.POST.get("via"))
    via = Source.objects.filter(pk=via_id).first() if via_id else None
    attribution_id = int_or_none(request.POST.get("attribution"))
    attribution = selectors.desk_attribution(attribution_id) if attribution_id else None
    try:
        source_span, cue_span = _span(request, "source"), _span(request, "cue")
    except BadSpan as exc:
        return bad_request(str(exc))
    return run_service(
        request,
        sentence.pk,
        lambda: workflow.save_attribution(
            sentence=sentence,
            user=request.user,
            version=version,
            source=source,
            cue=request.POST.get("cue", ""),
            mode=request.POST.get("mode", "indirect"),
            via=via,
            attribution=attribution,
            **_standards(request),  # type: ignore[arg-type]
            source_span=source_span,
            cue_span=cue_span,
        ),
        done=_saved("Attribution saved."),
    )


@require_POST
@desk_view
def add_comment(request: HttpRequest, sentence_id: int) -> JsonResponse:
    sentence = selectors.desk_sentence(sentence_id)
    return run_service(
        request,
        sentence.pk,
        lambda: workflow.add_comment(
            sentence=sentence, user=request.user, body=request.POST.get("body", "")
        ),
        done="Comment added.",
    )


@require_POST
@desk_view
def approve_selected(request: HttpRequest) -> HttpResponse:
    """Approve the ticked sentences of the review queue; report each one that was refused."""
    if not workflow.can_review(request.user):
        return forbidden(request, workflow.ERR_NOT_REVIEWER)
    ids = [pk for pk in map(int_or_none, request.POST.getlist("ids")) if pk is not None]
    if not ids:
        return bad_request(ERR_NOTHING_SELECTED)
    annotations = selectors.annotations_by_ids(ids)
    problems = workflow.approve_many(annotations=annotations, reviewer=request.user)
    after = selectors.annotations_by_ids(ids)
    return JsonResponse(
        {
            "ok": not problems,
            "problems": problems,
            "annotations": [
                {
                    "id": a.pk,
                    "status": a.status,
                    "status_label": a.get_status_display(),
                    "version": a.version,
                }
                for a in after
            ],
            "message": f"Approved {sum(a.is_approved for a in after)} of {len(after)}.",
        },
        status=200,
    )
