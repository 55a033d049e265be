"""What every desk view shares: the role gate, reading ids, and mapping service errors.

Service exceptions take their HTTP status from the table in :mod:`annotations.http_errors`
(the API's too): :class:`NotAllowed` → 403, :class:`StaleVersion` → 409 with the annotation as
it is now, any other :class:`WorkflowError` → 400 with its message.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from annotations import selectors
from annotations.http_errors import status_for
from annotations.limits import MAX_COMMENT_CHARS, MAX_NOTE_CHARS, MAX_REASON_CHARS
from annotations.models import (
    Annotation,
    AttributionMode,
    Confidence,
    Sentence,
    SourceKind,
)
from annotations.services import workflow
from annotations.services.crosschecks import counts_as_contradiction
from annotations.services.workflow import StaleVersion, WorkflowError

ERR_DESK_NEEDS_ROLE = "The desk is for editors and reviewers; ask an administrator for a role."
ERR_VERSION = "The request did not say which version of the sentence it was based on."

View = Callable[..., HttpResponse]

# The limits of annotations.limits, for the pages' ``maxlength`` attributes.
LIMITS = {"note": MAX_NOTE_CHARS, "comment": MAX_COMMENT_CHARS, "reason": MAX_REASON_CHARS}


def wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def forbidden(request: HttpRequest, message: str) -> HttpResponse:
    if wants_json(request):
        return JsonResponse({"ok": False, "error": message}, status=403)
    return render(request, "desk/forbidden.html", {"message": message}, status=403)


def desk_view(view: View) -> View:
    """Log in first (302 to the login page), then hold a desk role (else 403)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not workflow.has_desk_role(request.user):
            return forbidden(request, ERR_DESK_NEEDS_ROLE)
        return view(request, *args, **kwargs)

    return login_required(wrapper)


def int_or_none(value: str | None) -> int | None:
    return int(value) if value is not None and value.strip().isdigit() else None


def annotation_json(annotation: Annotation) -> dict[str, Any]:
    return {
        "id": annotation.pk,
        "sentence": annotation.sentence_id,
        "confidence": annotation.confidence,
        "confidence_label": annotation.get_confidence_display(),
        "status": annotation.status,
        "status_label": annotation.get_status_display(),
        "note": annotation.note,
        "version": annotation.version,
    }


def sentence_json(sentence: Sentence) -> dict[str, Any]:
    """The sentence's marks on the running text (tint, status, and the kind of the weakest link
    the sentence rests on, as its badge shows)."""
    annotation = selectors.annotation_of(sentence)
    rests = selectors.rests_on(sentence)
    return {
        "id": sentence.pk,
        "confidence": annotation.confidence if annotation else "",
        "status": annotation.status if annotation else "",
        "source_kind": rests.weakest.kind if rests else "",
        "source_suggested": bool(rests and rests.main.is_suggestion),
        "source_title": rests.title if rests else "",
    }


def panel_html(request: HttpRequest, sentence_id: int, conflict: dict[str, Any] | None) -> str:
    """The side panel of a sentence as it is now, rendered (and escaped) on the server."""
    sentence = selectors.desk_sentence(sentence_id)
    detail = selectors.sentence_detail(sentence)
    annotation = detail.annotation
    article, user = sentence.article, request.user

    def may(predicate: Callable[..., bool]) -> bool:
        return annotation is not None and predicate(
            article=article, annotation=annotation, user=user
        )

    context = {
        "detail": detail,
        "article": article,
        "can_annotate": workflow.can_annotate(user),
        "can_review": workflow.can_review(user),
        # What the panel offers, by the rules the services enforce (and enforce again when a
        # button is pressed).
        "editable": may(workflow.can_edit),
        "submittable": may(workflow.can_submit),
        "reviewable": may(workflow.can_approve),
        "reopenable": may(workflow.can_reopen),
        "withdrawable": may(workflow.can_withdraw),
        # Why an editor cannot change the sourcing now (submitted, approved, signed off).
        "refusal": workflow.refusal(
            workflow.check_edit, article=article, annotation=annotation, user=user
        )
        if annotation is not None and workflow.can_annotate(user)
        else "",
        "limits": LIMITS,
        # What this sentence will block at sign-off, said where it is fixed.
        "sign_off_notes": _sign_off_notes(detail),
        "conflict": conflict,
        "modes": AttributionMode.choices,
        "source_kinds": SourceKind.choices,
        "confidences": list(enumerate(Confidence.choices, start=1)),
        "spans_json": json.dumps(marked_spans(sentence)),
        "words": sentence_words(sentence),
    }
    return render_to_string("desk/_panel.html", context, request=request)


def _sign_off_notes(detail: selectors.SentenceDetail) -> list[str]:
    """The sign-off blockers the panel can tell from what it loaded: suggestions left, and
    contradictions not acknowledged (the service's rules and wording)."""
    outlets: list[str] = []
    for crosscheck in detail.crosschecks:
        if counts_as_contradiction(
            relation=crosscheck.relation,
            independent=crosscheck.independent,
            score=crosscheck.score,
        ):
            name = crosscheck.match.article.outlet or crosscheck.match.article.external_id
            if name not in outlets:
                outlets.append(name)
    return workflow.unanswered(
        detail.annotation, suggestions=len(detail.suggestions), contradicted_by=outlets
    )


def marked_spans(sentence: Sentence) -> list[dict[str, Any]]:
    """The source and cue mentions of the sentence's attributions, as offsets into its text,
    for the page to highlight in the running text (attributions loaded)."""
    spans = []
    for attribution in sentence.attributions.all():
        for kind, start, end in (
            ("source", attribution.source_start, attribution.source_end),
            ("cue", attribution.cue_start, attribution.cue_end),
        ):
            if (
                start is not None
                and end is not None
                and sentence.start <= start < end <= sentence.end
            ):
                spans.append(
                    {
                        "kind": kind,
                        "start": start - sentence.start,
                        "end": end - sentence.start,
                        "suggested": attribution.is_suggestion,
                        "label": attribution.source.name,
                    }
                )
    return spans


_WORD = re.compile(r"[\w’'-]+|[^\w\s]")


def sentence_words(sentence: Sentence) -> list[tuple[str, int, int, bool]]:
    """The sentence's words and punctuation marks with their offsets into the body (and
    whether a space follows), for marking a source or a cue from the keyboard."""
    text = sentence.text
    return [
        (
            match.group(0),
            sentence.start + match.start(),
            sentence.start + match.end(),
            text[match.end() : match.end() + 1].isspace(),
        )
        for match in _WORD.finditer(text)
    ]


def sentence_state(request: HttpRequest, sentence_id: int, **extra: Any) -> dict[str, Any]:
    sentence = selectors.desk_sentence(sentence_id)
    annotation = selectors.annotation_of(sentence)
    return {
        "article_status": sentence.article.status,
        "article_status_label": sentence.article.get_status_display(),
        "sentence": sentence_json(sentence),
        "annotation": annotation_json(annotation) if annotation else None,
        "panel": panel_html(request, sentence_id, extra.pop("conflict", None)),
        **extra,
    }


def run_service(
    request: HttpRequest,
    sentence_id: int,
    call: Callable[[], Any],
    *,
    done: str | Callable[[Any], str],
) -> JsonResponse:
    """Call one service for ``sentence_id`` and answer with the sentence as it is afterwards.

    On success: 200 with the message ``done`` (or ``done(result)``, a message that depends on
    what the service returned). On a stale version: 409 with the current values, who changed
    them, and a panel showing them next to what was not saved.
    """
    try:
        result = call()
    except StaleVersion as exc:
        changed_by = selectors.last_changed_by(exc.current)
        who = changed_by.get_username() if changed_by else "someone else"
        conflict = {
            "who": who,
            "attempt": {k: v for k, v in request.POST.items() if k in ("confidence", "note")},
        }
        payload = sentence_state(request, sentence_id, conflict=conflict)
        payload.update(ok=False, error=f"Changed by {who}: {exc.message}", changed_by=who)
        payload["current"] = annotation_json(exc.current)
        return JsonResponse(payload, status=status_for(exc))
    except WorkflowError as exc:
        return JsonResponse({"ok": False, "error": exc.message}, status=status_for(exc))
    payload = sentence_state(request, sentence_id)
    payload.update(ok=True, message=done if isinstance(done, str) else done(result))
    return JsonResponse(payload)


def bad_request(message: str) -> JsonResponse:
    return JsonResponse({"ok": False, "error": message}, status=400)
