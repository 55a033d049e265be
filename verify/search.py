"""The cross-check worker's retrieval from the full-text index (never a scan): FTS5 on
SQLite, tsvector + GIN on PostgreSQL, both over ``Sentence.search_text`` (migration 0004).

A claim's query is an OR of its most informative terms, chosen rarest first within a budget of
index postings, so the work per query stays bounded as the corpus grows. The index's write
side (the term counts recorded at ingest) is ``annotations.services.search_index``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from django.conf import settings
from django.db import connection

from annotations.models import SearchTerm, Sentence
from verify.engine.crosscheck import search_terms
from verify.engine.crosscheck.text import smoothed_idf

T = TypeVar("T")

_TERM = re.compile(r"[a-z0-9]{1,100}")


class TermStats:
    """Document frequencies of index terms, fetched in bulk, for query terms and idf."""

    def __init__(self) -> None:
        self._df: dict[str, int] = {}
        self._idf: dict[str, float] = {}  # of loaded terms (compare asks for them often)
        self.total = max(_indexed_sentences(), 1)

    def load(self, terms: Iterable[str]) -> None:
        missing = {t for t in terms if t not in self._df}
        if not missing:
            return
        found = dict(SearchTerm.objects.filter(term__any=missing).values_list("term", "df"))
        for term in missing:
            self._df[term] = found.get(term, 0)

    def df(self, term: str) -> int:
        return self._df.get(term, 0)

    def idf(self, term: str) -> float:
        found = self._idf.get(term)
        if found is None:
            found = smoothed_idf(self.df(term), self.total)
            if term in self._df:  # a term not loaded yet is not remembered as unseen
                self._idf[term] = found
        return found

    def ranked_terms(self, text: str) -> list[str]:
        """The claim's informative terms present in the index, rarest first."""
        terms = search_terms(text)
        self.load(terms)
        return sorted((t for t in terms if self.df(t) > 0), key=lambda t: (self.df(t), t))

    def query_terms(self, text: str) -> list[str]:
        """The claim's informative terms that fit the postings budget, rarest first (at least
        two)."""
        return within_budget(self.ranked_terms(text), self.df, keep=2)


def within_budget(
    items: Sequence[T], cost: Callable[[T], int], *, keep: int, share: float = 1.0
) -> list[T]:
    """The leading ``items`` whose costs add up to the postings budget (at least ``keep``);
    ``share`` of the budget only, when given."""
    budget = settings.CROSSCHECK_POSTINGS_BUDGET * share
    chosen: list[T] = []
    spent = 0
    for item in items:
        if spent + cost(item) > budget and len(chosen) >= keep:
            break
        chosen.append(item)
        spent += cost(item)
    return chosen


PAIR_TERMS = 6  # pairs among the claim's six rarest terms: at most 15 pairs


def pair_groups(stats: TermStats, terms: Sequence[str]) -> list[list[str]]:
    """Pairs of the claim's rarest terms whose matches fit the postings budget.

    A pair matches at most as many sentences as its rarer term does, so taking pairs in order
    of their rarer term's frequency until those frequencies add up to the budget bounds the
    rows the index returns (and the database ranks) whatever the corpus size.
    """
    top = list(terms[:PAIR_TERMS])
    pairs = sorted(
        ([a, b] for n, a in enumerate(top) for b in top[n + 1 :]),
        key=lambda pair: (min(stats.df(pair[0]), stats.df(pair[1])), pair),
    )
    return within_budget(pairs, lambda pair: min(stats.df(pair[0]), stats.df(pair[1])), keep=1)


POOL = 3  # rows fetched per candidate wanted, for ordering them by the claim terms they share
FILL_SHARE = 1 / 8  # of the postings budget, for single terms filling up the pairs' matches


def find_candidates(
    stats: TermStats,
    text: str,
    *,
    exclude_article: int,
    role: str | None = None,
    limit: int | None = None,
) -> list[int]:
    """Candidate sentences for a claim, best first, from the index.

    First the sentences sharing at least two of the claim's rarest terms (an AND per pair,
    which the index answers by intersecting postings; see :func:`pair_groups`); when that
    finds fewer than ``limit``, the sentences sharing any one term within the postings budget
    after them (see :data:`FILL_SHARE`). Each step fetches :data:`POOL` times the rows it
    needs, in the index's order, and keeps those sharing the heaviest claim terms (summed idf),
    so the order is the same on every database (PostgreSQL's ``ts_rank`` knows no idf).
    """
    limit = limit or settings.CROSSCHECK_CANDIDATES
    ranked = stats.ranked_terms(text)
    weights = {term: stats.idf(term) for term in ranked}

    def best(groups: Sequence[Sequence[str]], wanted: int, seen: set[int]) -> list[int]:
        rows = [
            (pk, search_text)
            for pk, search_text in search_rows(
                groups, exclude_article=exclude_article, role=role, limit=wanted * POOL
            )
            if pk not in seen
        ]
        order = {pk: n for n, (pk, _) in enumerate(rows)}
        shared = {
            pk: sum(weights.get(term, 0.0) for term in dict.fromkeys(search_text.split()))
            for pk, search_text in rows
        }
        return sorted(shared, key=lambda pk: (-shared[pk], order[pk]))[:wanted]

    found: list[int] = []
    if len(ranked) >= 2:
        found = best(pair_groups(stats, ranked), limit, set())
    if len(found) < limit:
        # Few pair matches: the rarest single terms within the budget. Merely fewer than the
        # limit: only terms rare enough to fit a small share of it, so filling up stays cheap
        # on a large index (where the pairs nearly always find enough).
        sparse = len(found) < max(limit // 3, 1)
        terms = within_budget(
            ranked, stats.df, keep=2 if sparse else 0, share=1.0 if sparse else FILL_SHARE
        )
        found += best([[term] for term in terms], limit - len(found), set(found))
    return found


def _indexed_sentences() -> int:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # The planner's estimate: exact enough for idf, and constant-time at any size.
            cursor.execute(
                "SELECT reltuples::bigint FROM pg_class WHERE relname = %s",
                [Sentence._meta.db_table],
            )
            row = cursor.fetchone()
            estimate = int(row[0]) if row else 0
            if estimate > 0:
                return estimate
    return Sentence.objects.count()


# ts_rank knows no idf and, by default, no length: long sentences that repeat a pair's common
# terms filled the rows fetched. Normalisation 1 (the rank over 1 + log of the sentence's
# length) brings the rows it fetches nearer to those SQLite's BM25 fetches (on ECB+ topics 1-10
# the index's candidates held a gold match for more queries; bench_retrieval).
_POSTGRES_SEARCH = """
SELECT s.id, s.search_text FROM annotations_sentence s
JOIN annotations_article a ON a.id = s.article_id
WHERE s.search_vector @@ to_tsquery('simple', %s)
  AND s.article_id <> %s AND s.archived_at IS NULL AND s.kind = 'claim'
  AND (%s = '' OR a.role = %s)
ORDER BY ts_rank(s.search_vector, to_tsquery('simple', %s), 1) DESC, s.id
LIMIT %s
"""
_SQLITE_SEARCH = """
SELECT s.id, s.search_text FROM annotations_sentence_fts f
JOIN annotations_sentence s ON s.id = f.rowid
JOIN annotations_article a ON a.id = s.article_id
WHERE annotations_sentence_fts MATCH %s
  AND s.article_id <> %s AND s.archived_at IS NULL AND s.kind = 'claim'
  AND (%s = '' OR a.role = %s)
ORDER BY bm25(annotations_sentence_fts), s.id
LIMIT %s
"""


def postgres_query(groups: Sequence[Sequence[str]]) -> str:
    return " | ".join("(" + " & ".join(group) + ")" for group in groups)


def search(
    terms: Sequence[str],
    *,
    exclude_article: int,
    role: str | None = None,
    limit: int | None = None,
) -> list[int]:
    """Ids of current claim sentences matching any of ``terms``, best first. Sentences of
    ``exclude_article`` are left out; ``role`` restricts the articles searched.
    """
    return search_groups(
        [[term] for term in terms], exclude_article=exclude_article, role=role, limit=limit
    )


def search_groups(
    groups: Sequence[Sequence[str]],
    *,
    exclude_article: int,
    role: str | None = None,
    limit: int | None = None,
) -> list[int]:
    """Ids of current claim sentences matching every term of any group, best first."""
    rows = search_rows(groups, exclude_article=exclude_article, role=role, limit=limit)
    return [pk for pk, _ in rows]


def search_rows(
    groups: Sequence[Sequence[str]],
    *,
    exclude_article: int,
    role: str | None = None,
    limit: int | None = None,
) -> list[tuple[int, str]]:
    """``(id, search_text)`` of current claim sentences matching every term of any group,
    in the index's order (BM25 on SQLite, ``ts_rank`` on PostgreSQL)."""
    # Terms come from index_text, so they are plain [a-z0-9] words; anything else is dropped
    # rather than let into a full-text query language.
    groups = [list(g) for g in groups if g and all(_TERM.fullmatch(term) for term in g)]
    if not groups:
        return []
    limit = limit or settings.CROSSCHECK_CANDIDATES
    role = role or ""
    params: list[str | int]
    if connection.vendor == "postgresql":
        query = postgres_query(groups)
        sql, params = _POSTGRES_SEARCH, [query, exclude_article, role, role, query, limit]
    elif connection.vendor == "sqlite":
        query = " OR ".join(
            "(" + " AND ".join(f'"{term}"' for term in group) + ")" for group in groups
        )
        sql, params = _SQLITE_SEARCH, [query, exclude_article, role, role, limit]
    else:  # pragma: no cover - migrations refuse other databases
        raise RuntimeError(f"No full-text search for {connection.vendor}.")
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(row[0], row[1]) for row in cursor.fetchall()]
