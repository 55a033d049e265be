"""Services that change several rows at once. Every entry point (commands, admin, later the
pages and the API) goes through these, so the rules hold everywhere.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from django.conf import settings
from django.db import transaction
from django.db.models.functions import Lower
from django.utils import timezone

from annotations.models import (
    Article,
    ArticleRevision,
    Attribution,
    Sentence,
    Source,
    SourceAlias,
)
from verify.analysis import AnalyzedSentence, analyze
from verify.documents import Document, DocumentError, check_body

ERR_ROLE_CONFLICT = "the file says Role: {header} but --role {requested} was given"

IngestAction = Literal["created", "revised", "updated", "unchanged"]


@dataclass(frozen=True, slots=True)
class IngestResult:
    article: Article
    action: IngestAction
    sentences: int
    attributions: int


def body_digest(body: str) -> str:
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def ingest_document(*, document: Document, role: str | None = None) -> IngestResult:
    """Create or update the article ``document`` describes, keyed by its ``external_id``.

    Identical content changes nothing. A changed body makes a new revision: sentences whose
    text survives keep their rows (and attributions), removed ones are archived, new ones are
    segmented and get suggested attributions. ``role`` (from ``--role``) must agree with a role
    the file states. Raises :class:`DocumentError` and writes nothing on bad input.
    """
    if role is not None and document.role is not None and role != document.role:
        raise DocumentError(ERR_ROLE_CONFLICT.format(header=document.role, requested=role))
    check_body(document.body, max_body_bytes=settings.SOURCEDESK_MAX_BODY_BYTES)
    wanted_role = role or document.role
    digest = body_digest(document.body)
    fields = {
        "headline": document.headline,
        "outlet": document.outlet,
        "url": document.url,
        "byline": document.byline,
        "published_at": document.published_at,
    }
    with transaction.atomic():
        article = (
            Article.objects.select_for_update().filter(external_id=document.external_id).first()
        )
        if article is None:
            return _create_article(document, fields, wanted_role or Article.Role.DRAFT, digest)

        changed = [name for name, value in fields.items() if getattr(article, name) != value]
        if wanted_role and article.role != wanted_role:
            changed.append("role")
            article.role = wanted_role
        for name in changed:
            if name != "role":
                setattr(article, name, fields[name])
        if article.body_sha256 == digest:
            if not changed:
                return IngestResult(article, "unchanged", *_counts(article))
            article.save(update_fields=[*changed, "updated_at"])
            return IngestResult(article, "updated", *_counts(article))
        _revise_article(article, document.body, digest)
        article.save(update_fields=[*changed, "body", "body_sha256", "revision", "updated_at"])
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
    analyzed = analyze(article.body)
    sentences = Sentence.objects.bulk_create([_sentence_row(article, item) for item in analyzed])
    attributions = _save_suggestions(zip(sentences, analyzed, strict=True))
    return IngestResult(article, "created", len(sentences), attributions)


def _sentence_row(article: Article, item: AnalyzedSentence) -> Sentence:
    s = item.sentence
    return Sentence(
        article=article,
        index=s.index,
        paragraph=s.paragraph,
        start=s.start,
        end=s.end,
        text=s.text,
        kind=s.kind,
    )


def _revise_article(article: Article, body: str, digest: str) -> None:
    """Move ``article`` to a new body, keeping every sentence whose text survives.

    Old sentences are matched to new ones by identical text, in order, so a moved sentence
    follows its text. Unmatched old sentences are archived, never deleted.
    """
    article.revision += 1
    article.body = body
    article.body_sha256 = digest
    ArticleRevision.objects.create(
        article=article, number=article.revision, body=body, body_sha256=digest
    )
    old = list(Sentence.objects.current().filter(article=article).order_by("index"))
    by_text: dict[str, list[Sentence]] = defaultdict(list)
    for sentence in old:
        by_text[sentence.text].append(sentence)

    analyzed = analyze(body)
    kept: list[tuple[Sentence, AnalyzedSentence]] = []
    fresh: list[AnalyzedSentence] = []
    for item in analyzed:
        candidates = by_text.get(item.sentence.text)
        if candidates:
            kept.append((candidates.pop(0), item))
        else:
            fresh.append(item)

    now = timezone.now()
    kept_ids = {sentence.pk for sentence, _ in kept}
    Sentence.objects.filter(article=article, archived_at__isnull=True).exclude(
        pk__in=kept_ids
    ).update(archived_at=now)

    # Two steps, so that no two current sentences ever share an index mid-update.
    bump = len(old) + len(analyzed)
    for sentence, item in kept:
        sentence.index = item.sentence.index + bump
    Sentence.objects.bulk_update([s for s, _ in kept], ["index"])
    shifted: list[Attribution] = []
    for sentence, item in kept:
        delta = item.sentence.start - sentence.start
        sentence.index = item.sentence.index
        sentence.paragraph = item.sentence.paragraph
        sentence.start = item.sentence.start
        sentence.end = item.sentence.end
        sentence.kind = item.sentence.kind
        if delta:
            for attribution in sentence.attributions.all():
                _shift(attribution, delta)
                shifted.append(attribution)
    Sentence.objects.bulk_update(
        [s for s, _ in kept], ["index", "paragraph", "start", "end", "kind"]
    )
    Attribution.objects.bulk_update(shifted, ["source_start", "source_end", "cue_start", "cue_end"])

    created = Sentence.objects.bulk_create([_sentence_row(article, item) for item in fresh])
    _save_suggestions(zip(created, fresh, strict=True))


def _shift(attribution: Attribution, delta: int) -> None:
    for name in ("source_start", "source_end", "cue_start", "cue_end"):
        value = getattr(attribution, name)
        if value is not None:
            setattr(attribution, name, value + delta)


def _save_suggestions(pairs: Iterable[tuple[Sentence, AnalyzedSentence]]) -> int:
    """Save the suggested attributions of freshly created sentences; returns how many."""
    registry = SourceRegistry()
    rows: list[Attribution] = []
    for sentence, item in pairs:
        for suggestion in item.attributions:
            rows.append(
                Attribution(
                    sentence=sentence,
                    source=registry.resolve(suggestion.source, suggestion.source_kind),
                    via=(
                        registry.resolve(suggestion.via, Source.Kind.OUTLET)
                        if suggestion.via
                        else None
                    ),
                    cue=suggestion.cue[:100],
                    mode=suggestion.mode,
                    source_start=suggestion.source_start,
                    source_end=suggestion.source_end,
                    cue_start=suggestion.cue_start,
                    cue_end=suggestion.cue_end,
                    is_suggestion=True,
                )
            )
    Attribution.objects.bulk_create(rows)
    return len(rows)


class SourceRegistry:
    """Finds registry entries by name or alias (case-insensitively), creating missing ones.

    One instance serves one transaction; it caches what it has looked up.
    """

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str], Source] = {}

    def resolve(self, name: str, kind: str) -> Source:
        name = " ".join(name.split())[:300]
        key = (name.lower(), kind)
        if key in self._cache:
            return self._cache[key]
        source = find_source(name, kind)
        if source is None:
            source, _ = Source.objects.get_or_create(
                name__iexact=name, kind=kind, defaults={"name": name}
            )
        self._cache[key] = source
        return source


def find_source(name: str, kind: str | None = None) -> Source | None:
    """The registry entry called ``name`` or known by that alias, preferring ``kind``."""
    lowered = name.lower()
    by_name = Source.objects.annotate(lname=Lower("name")).filter(lname=lowered)
    by_alias = Source.objects.filter(
        pk__in=SourceAlias.objects.annotate(lname=Lower("name"))
        .filter(lname=lowered)
        .values("source_id")
    )
    for queryset in (by_name, by_alias):
        matches: Sequence[Source] = list(queryset)
        if not matches:
            continue
        for source in matches:
            if kind is None or source.kind == kind:
                return source
        if kind not in (Source.Kind.ANONYMOUS, Source.Kind.DOCUMENT):
            return matches[0]
    return None
