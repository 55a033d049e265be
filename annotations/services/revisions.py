"""Revisions: a changed body keeps every annotation with its sentence.

* an unchanged sentence keeps its row, attributions, annotation and approval, even if it moved;
* a changed sentence (a typo fix, a rewording, the larger half of a split) keeps its row and its
  annotation, whose earlier state stays in the history, and returns to ``draft``;
* a removed sentence is archived, never deleted;
* a new sentence is created with suggested attributions and a draft annotation;
* an article whose claims changed goes back to ``in_annotation`` (from ``signed_off`` too).

Statuses and transitions change only through the workflow services
(:func:`~annotations.services.workflow.reopen_changed_sentence`,
:func:`~annotations.services.workflow.reopen_revised_article`), as everywhere else.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Model
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from annotations.models import Article, ArticleRevision, Attribution, Sentence, SentenceKind
from annotations.services.search_index import record_terms
from annotations.services.suggestions import body_digest, save_suggestions, sentence_row
from annotations.services.workflow import (
    ensure_annotations,
    refresh_article_status,
    reopen_changed_sentence,
    reopen_revised_article,
)
from verify.engine.alignment import align
from verify.engine.analysis import AnalyzedSentence, analyze
from verify.engine.crosscheck import index_text

_SPANS = ("source_start", "source_end", "cue_start", "cue_end")


def update_rows(objs: Sequence[Model], fields: Sequence[str]) -> None:
    """Save ``fields`` of ``objs`` with one parameterised UPDATE per row (``executemany``).

    Django's ``bulk_update`` builds a ``CASE WHEN pk=…`` expression per row and field, which
    for a 2,000-sentence revision costs about 20 s of Python; this costs milliseconds. Rows
    are written in the order given. Like ``bulk_update``, no signals and no history rows.
    """
    if not objs:
        return
    meta = objs[0]._meta
    concrete = {field.name: field for field in meta.concrete_fields}
    columns = [concrete[name] for name in fields]
    assert meta.pk is not None
    quote = connection.ops.quote_name
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in columns)
    sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"  # noqa: S608 (names from the model)
    params = [
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in columns]
        + [obj.pk]
        for obj in objs
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def revise_article(*, article: Article, body: str) -> None:
    """Move ``article`` (locked by the caller, inside ``atomic``) to a new ``body``."""
    assert transaction.get_connection().in_atomic_block
    old_body = article.body
    article.revision += 1
    article.body = body
    article.body_sha256 = body_digest(body)
    article.save(update_fields=["body", "body_sha256", "revision", "updated_at"])
    ArticleRevision.objects.create(
        article=article, number=article.revision, body=body, body_sha256=article.body_sha256
    )

    old = list(
        Sentence.objects.current()
        .filter(article=article)
        .order_by("index")
        .prefetch_related("attributions")
        .select_related("annotation")
    )
    analyzed = analyze(body, max_sentences=settings.SOURCEDESK_MAX_SENTENCES, outlet=article.outlet)
    alignment = align([s.text for s in old], [item.sentence.text for item in analyzed])
    now = timezone.now()

    removed = [old[i] for i in alignment.removed]
    for sentence in removed:
        sentence.archived_at = now
    update_rows(removed, ["archived_at"])

    # Kept and changed rows take their new places in two steps, so that no two current
    # sentences ever share an index mid-update.
    moved = {**alignment.same, **alignment.changed}
    rows = [(old[i], analyzed[j]) for j, i in moved.items()]
    bump = len(old) + len(analyzed)
    for sentence, item in rows:
        sentence.index = item.sentence.index + bump
    update_rows([s for s, _ in rows], ["index"])

    shifted: list[Attribution] = []
    reopened: list[Sentence] = []
    for sentence, item in rows:
        new = item.sentence
        if sentence.text == new.text:
            delta = new.start - sentence.start
            if delta:
                for attribution in sentence.attributions.all():
                    for name in _SPANS:
                        value = getattr(attribution, name)
                        if value is not None:
                            setattr(attribution, name, value + delta)
                    shifted.append(attribution)
        else:
            _rewrite(sentence, old_body, item)
            reopened.append(sentence)
        sentence.index = new.index
        sentence.paragraph = new.paragraph
        sentence.start = new.start
        sentence.end = new.end
        sentence.text = new.text
        sentence.kind = new.kind
    update_rows([s for s, _ in rows], ["index", "paragraph", "start", "end", "text", "kind"])
    update_rows(shifted, list(_SPANS))
    for sentence in reopened:
        # One history row per changed sentence keeps the text it had before.
        sentence.search_text = index_text(sentence.text)
        sentence.crosschecked_at = None  # the new text has not been checked yet
        sentence.save(update_fields=["text", "search_text", "crosschecked_at"])

    fresh = [analyzed[j] for j in alignment.added]
    created = bulk_create_with_history([sentence_row(article, item) for item in fresh], Sentence)
    record_terms(s.search_text for s in (*created, *reopened))
    save_suggestions(zip(created, fresh, strict=True))
    for sentence in reopened:
        reopen_changed_sentence(article=article, sentence=sentence)
    ensure_annotations(article)

    claims_changed = any(s.kind == SentenceKind.CLAIM for s in (*removed, *reopened, *created))
    if claims_changed:
        reopen_revised_article(article=article)
    else:
        refresh_article_status(article)


def _rewrite(sentence: Sentence, old_body: str, item: AnalyzedSentence) -> None:
    """Carry a changed sentence's attributions over to its new text.

    Suggestions are replaced by fresh ones for the new text. Accepted attributions stay; their
    spans follow the mention where the mention's words are still in the sentence, and are
    cleared where they are not.
    """
    new = item.sentence
    sentence.attributions.filter(is_suggestion=True).delete()
    accepted = list(sentence.attributions.all())
    for attribution in accepted:
        for start_name, end_name in (("source_start", "source_end"), ("cue_start", "cue_end")):
            start, end = getattr(attribution, start_name), getattr(attribution, end_name)
            if start is None or end is None:
                continue
            mention = old_body[start:end]
            found = new.text.find(mention) if mention else -1
            if found < 0:
                setattr(attribution, start_name, None)
                setattr(attribution, end_name, None)
            else:
                setattr(attribution, start_name, new.start + found)
                setattr(attribution, end_name, new.start + found + len(mention))
    update_rows(accepted, list(_SPANS))
    save_suggestions([(sentence, item)])
