"""The search index's write side: term counts recorded in the transaction that indexes text.

``Sentence.search_text`` (filled from ``verify.engine.crosscheck.index_text``) feeds the
full-text index (migration 0004); :class:`~annotations.models.SearchTerm` counts how many
sentences hold each term, for the worker's retrieval (``verify.search``) to pick rare query
terms and weigh them. Ingest and revisions record the counts with the sentences they write.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.db import connection

from annotations.models import SearchTerm

_UPSERT_CHUNK = 500


def record_terms(texts: Iterable[str]) -> None:
    """Count the index terms of newly indexed ``search_text`` values into :class:`SearchTerm`.

    Terms are upserted in sorted order, so concurrent ingests lock rows in the same order and
    cannot deadlock.
    """
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(text.split()))
    items = sorted((term[:100], n) for term, n in counts.items())
    table = SearchTerm._meta.db_table
    with connection.cursor() as cursor:
        for start in range(0, len(items), _UPSERT_CHUNK):
            chunk = items[start : start + _UPSERT_CHUNK]
            values = ", ".join(["(%s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} (term, df) VALUES {values} "  # noqa: S608 (no user input)
                f"ON CONFLICT (term) DO UPDATE SET df = {table}.df + excluded.df",
                [value for pair in chunk for value in pair],
            )
