"""The desk's pages: article list, annotation page (+ its side panel), review queue, summary."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from itertools import groupby

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from annotations import selectors
from annotations.filters import ReviewQueueFilter
from annotations.http_errors import status_for
from annotations.models import Article, Confidence
from annotations.services import workflow
from annotations.services.crosschecks import queue_crosscheck
from annotations.services.workflow import WorkflowError
from annotations.views._common import LIMITS, desk_view, forbidden, panel_html


@require_GET
@desk_view
def article_list(request: HttpRequest) -> HttpResponse:
    articles = selectors.desk_articles()
    return render(request, "desk/article_list.html", {"articles": articles})


@require_GET
@desk_view
def article_page(request: HttpRequest, article_id: int) -> HttpResponse:
    """The article as running text, one tinted, badged span per sentence."""
    article = selectors.desk_article(article_id)
    sentences = selectors.article_sentences(article)
    paragraphs = [list(group) for _, group in groupby(sentences, key=lambda s: s.paragraph)]
    context = {
        "article": article,
        "paragraphs": paragraphs,
        "claim_count": sum(s.kind == "claim" for s in sentences),
        "can_annotate": workflow.can_annotate(request.user),
        "can_review": workflow.can_review(request.user),
        "xc": selectors.crosscheck_progress(article),
    }
    return render(request, "desk/article_page.html", context)


@require_GET
@desk_view
def article_text(request: HttpRequest, article_id: int) -> HttpResponse:
    """Any article's text, read-only, one anchor per sentence: where a cross-check match links
    (reference articles are read here; they are never annotated)."""
    article = selectors.readable_article(article_id)
    sentences = selectors.article_sentences(article)
    paragraphs = [list(group) for _, group in groupby(sentences, key=lambda s: s.paragraph)]
    return render(request, "desk/article_text.html", {"article": article, "paragraphs": paragraphs})


@require_GET
@desk_view
def sentence_panel(request: HttpRequest, sentence_id: int) -> HttpResponse:
    """The side panel of one sentence, as an HTML fragment the page swaps in."""
    return HttpResponse(panel_html(request, sentence_id, conflict=None))


@require_GET
@desk_view
def review_queue(request: HttpRequest) -> HttpResponse:
    annotations = selectors.review_queue(filters=request.GET)
    context = {
        "annotations": annotations,
        # The rows whose Approve and Request changes the reviewer is offered: the services'
        # own rule (a reviewer, not the annotator, of a submitted sentence).
        "reviewable": {
            annotation.pk
            for annotation in annotations
            if workflow.can_approve(
                article=annotation.sentence.article, annotation=annotation, user=request.user
            )
        },
        "evidence": selectors.queue_evidence(annotations),
        # Contradictions the desk has answered (disputed, or a note says why the claim stands):
        # they no longer block sign-off.
        "acknowledged": {a.pk for a in annotations if workflow.contradiction_acknowledged(a)},
        "filters": ReviewQueueFilter.values(request.GET),
        "choices": selectors.queue_filter_choices(),
        "confidences": Confidence.choices,
        "can_review": workflow.can_review(request.user),
        "limits": LIMITS,
    }
    return render(request, "desk/review_queue.html", context)


def _summary(
    request: HttpRequest, article: Article, *, error: str = "", status: int = 200
) -> HttpResponse:
    contradictions = selectors.contradictions(article)
    mix = selectors.sourcing_mix(
        selectors.article_sentences(article),
        contradicted={crosscheck.claim_id for crosscheck in contradictions},
    )
    blockers = workflow.sign_off_blockers(article)
    context = {
        "article": article,
        "mix": mix,
        "error": error,
        "xc": selectors.crosscheck_progress(article),
        "contradictions": contradictions,
        "can_annotate": workflow.can_annotate(request.user),
        "can_review": workflow.can_review(request.user),
        # What keeps the article from being signed off, by the rule the service enforces.
        "blockers": blockers,
        "limits": LIMITS,
        "may_sign_off": workflow.can_sign_off_article(
            article=article, user=request.user, claims=mix.claims, blockers=blockers
        ),
        "may_reopen": workflow.can_reopen_article(article=article, user=request.user),
    }
    return render(request, "desk/summary.html", context, status=status)


def _article_step(
    request: HttpRequest, article_id: int, step: Callable[[Article], object], *, done: str
) -> HttpResponse:
    """Sign off or reopen the article through ``step`` (one workflow service), then back to
    its summary. A refusal answers with the table's status (:mod:`annotations.http_errors`):
    the forbidden page for a role the user lacks, else the summary with the message."""
    article = selectors.desk_article(article_id)
    try:
        step(article)
    except WorkflowError as exc:
        status = status_for(exc)
        if status == HTTPStatus.FORBIDDEN:
            return forbidden(request, exc.message)
        return _summary(request, article, error=exc.message, status=status)
    messages.success(request, done)
    return redirect("desk:summary", article_id=article.pk)


@require_GET
@desk_view
def article_summary(request: HttpRequest, article_id: int) -> HttpResponse:
    return _summary(request, selectors.desk_article(article_id))


@require_POST
@desk_view
def sign_off(request: HttpRequest, article_id: int) -> HttpResponse:
    return _article_step(
        request,
        article_id,
        lambda article: workflow.sign_off(article=article, user=request.user),
        done="Signed off. The publishing system will be told.",
    )


@require_POST
@desk_view
def reopen_article(request: HttpRequest, article_id: int) -> HttpResponse:
    comment = request.POST.get("comment", "")
    return _article_step(
        request,
        article_id,
        lambda article: workflow.reopen_article(
            article=article, user=request.user, comment=comment
        ),
        done="Reopened: the article is back in annotation.",
    )


@require_GET
@desk_view
def crosscheck_status(request: HttpRequest, article_id: int) -> JsonResponse:
    """The article's cross-check progress (claims checked of its claims, and the last run),
    for the progress bar to poll."""
    progress = selectors.crosscheck_progress(selectors.desk_article(article_id))
    return JsonResponse(
        {"status": progress.status, "percent": progress.percent, "label": progress.label}
    )


@require_POST
@desk_view
def crosscheck_start(request: HttpRequest, article_id: int) -> HttpResponse:
    """Queue a new cross-check of the article (the page then shows its progress)."""
    article = selectors.desk_article(article_id)
    with transaction.atomic():
        queue_crosscheck(article=article, trigger=f"requested by {request.user.get_username()}")
    messages.info(request, "Cross-check queued.")
    return redirect("desk:article", article_id=article.pk)
