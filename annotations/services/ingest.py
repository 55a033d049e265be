"""Ingestion: create or revise an article from a document read off a file or pushed by API."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from django.conf import settings
from django.db import IntegrityError, transaction
from simple_history.utils import bulk_create_with_history

from annotations.models import Article, ArticleRevision, Attribution, Sentence
from annotations.services.crosschecks import queue_crosscheck
from annotations.services.revisions import revise_article
from annotations.services.search_index import record_terms
from annotations.services.suggestions import body_digest, save_suggestions, sentence_row
from annotations.services.workflow import (
    METADATA_FIELDS,
    check_role_change,
    ensure_annotations,
    reopen_for_metadata,
)
from verify.engine.analysis import analyze
from verify.engine.documents import Document, DocumentError, check_body

ERR_ROLE_CONFLICT = "the file says Role: {header} but --role {requested} was given"

IngestAction = Literal["created", "revised", "updated", "unchanged"]


@dataclass(frozen=True, slots=True)
class IngestResult:
    article: Article
    action: IngestAction
    sentences: int
    attributions: int


def ingest_document(*, document: Document, role: str | None = None) -> IngestResult:
    """Create or update the article ``document`` describes, keyed by its ``external_id``.

    Identical content changes nothing. A changed body makes a new revision: sentences whose
    text survives keep their rows (and attributions), removed ones are archived, new ones are
    segmented and get suggested attributions. ``role`` (from ``--role``) must agree with a role
    the file states. Raises :class:`DocumentError` and writes nothing on bad input.

    New metadata (headline, url, outlet, byline, published_at) of a signed-off article sends
    it back to be signed off again; a draft that has been worked on (signed off, or any
    annotation beyond draft) does not become a reference article: :class:`WorkflowError`,
    nothing written.
    """
    if role is not None and document.role is not None and role != document.role:
        raise DocumentError(ERR_ROLE_CONFLICT.format(header=document.role, requested=role))
    check_body(document.body, max_body_bytes=settings.SOURCEDESK_MAX_BODY_BYTES)
    wanted_role = role or document.role
    digest = body_digest(document.body)
    fields = {name: getattr(document, name) for name in METADATA_FIELDS}
    try:
        return _ingest(document=document, fields=fields, wanted_role=wanted_role, digest=digest)
    except IntegrityError:
        # Another process created the same external id between this one's read and insert:
        # the second (and last) try finds that article and updates it instead.
        return _ingest(document=document, fields=fields, wanted_role=wanted_role, digest=digest)


def _ingest(
    *, document: Document, fields: dict[str, Any], wanted_role: str | None, digest: str
) -> IngestResult:
    with transaction.atomic():
        article = (
            Article.objects.select_for_update().filter(external_id=document.external_id).first()
        )
        if article is None:
            return _create_article(document, fields, wanted_role or Article.Role.DRAFT, digest)

        changed = [name for name, value in fields.items() if getattr(article, name) != value]
        metadata = list(changed)
        if wanted_role and article.role != wanted_role:
            check_role_change(article=article, role=wanted_role)
            changed.append("role")
            article.role = wanted_role
        for name in metadata:
            setattr(article, name, fields[name])
        if article.body_sha256 == digest:
            if not changed:
                return IngestResult(article, "unchanged", *_counts(article))
            article.save(update_fields=[*changed, "updated_at"])
            if metadata:
                reopen_for_metadata(article=article, fields=metadata)
            ensure_annotations(article)
            if "role" in changed:
                queue_crosscheck(article=article, trigger="role changed")
            return IngestResult(article, "updated", *_counts(article))
        if changed:
            article.save(update_fields=[*changed, "updated_at"])
        revise_article(article=article, body=document.body)
        if metadata:
            # A revision that changed no claim leaves the article signed off; new metadata
            # still needs signing off again.
            reopen_for_metadata(article=article, fields=metadata)
        queue_crosscheck(article=article, trigger=f"revision {article.revision}")
        return IngestResult(article, "revised", *_counts(article))


def _counts(article: Article) -> tuple[int, int]:
    sentences = Sentence.objects.current().filter(article=article)
    attributions = Attribution.objects.filter(sentence__in=sentences)
    return sentences.count(), attributions.count()


def _create_article(
    document: Document, fields: Mapping[str, object], role: str, digest: str
) -> IngestResult:
    article = Article.objects.create(
        external_id=document.external_id,
        role=role,
        body=document.body,
        body_sha256=digest,
        **fields,
    )
    ArticleRevision.objects.create(article=article, number=1, body=article.body, body_sha256=digest)
    analyzed = analyze(
        article.body, max_sentences=settings.SOURCEDESK_MAX_SENTENCES, outlet=article.outlet
    )
    sentences = bulk_create_with_history(
        [sentence_row(article, item) for item in analyzed], Sentence
    )
    record_terms(sentence.search_text for sentence in sentences)
    attributions = save_suggestions(zip(sentences, analyzed, strict=True))
    ensure_annotations(article)
    queue_crosscheck(article=article, trigger="ingest")
    return IngestResult(article, "created", len(sentences), attributions)
