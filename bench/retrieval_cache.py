"""A cache of the ECB+ cross-check's inputs, to try ranking variants in seconds.

``bench.bench_retrieval`` ingests ECB+ into a fresh database and cross-checks every query
(about 45 s). Scoring variants only need what compare sees: each claim's passage, its index
candidates' passages (best first, as :func:`verify.search.find_candidates` returns them) and
the index's document frequencies. :func:`dump` runs the product's ingest once (SQLite) and
pickles those; :func:`evaluate` ranks them with any score function and returns recall@5 and
precision as ``bench_retrieval`` computes them, per part (tune on ``topics_1_10`` only).

Run: ``.venv/bin/python -m bench.retrieval_cache [PATH]`` writes the cache (default
``sourcedesk-retrieval-cache.pickle`` in the temporary directory) and prints the engine's
figures from it.
"""

from __future__ import annotations

import bisect
import pickle
import sys
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchdb
from bench.bench_retrieval import (
    PG_DATABASE,
    TOP_K,
    SentenceId,
    Tally,
    _half,
    body_of,
    data_dir,
    load,
)
from verify.engine.crosscheck import Passage
from verify.engine.crosscheck.text import smoothed_idf

DEFAULT_PATH = Path(tempfile.gettempdir()) / "sourcedesk-retrieval-cache.pickle"
# Candidates kept per claim: more than the product's, to see what a larger pool would hold.
CACHED_CANDIDATES = 60


@dataclass(frozen=True, slots=True)
class Claim:
    passage: Passage
    candidates: tuple[tuple[SentenceId, Passage], ...]  # in the index's order


@dataclass(eq=False)  # hashed by identity: its idf is a cache key of compare
class Cache:
    claims: dict[SentenceId, list[Claim]]  # per query, its product claims
    clusters: dict[SentenceId, set[str]]
    subevents: dict[str, tuple[int, str]]  # doc id → (topic, subtopic)
    df: dict[str, int]
    total: int

    def idf(self, term: str) -> float:
        """As :meth:`verify.search.TermStats.idf`."""
        return smoothed_idf(self.df.get(term, 0), self.total)


def dump(path: Path = DEFAULT_PATH) -> Cache:
    directory = data_dir()
    if directory is None:
        raise SystemExit("ECB+ data not found")
    with benchdb.fresh_django("sqlite", PG_DATABASE, prefix="retrieval-cache-"):
        cache = _collect(directory)
    with path.open("wb") as handle:
        pickle.dump(cache, handle)
    return cache


def _collect(directory: Path) -> Cache:
    from annotations.models import Article, Sentence
    from annotations.services.ingest import ingest_document
    from annotations.signals import crosscheck_queued
    from verify.engine.documents import Document as IngestDocument
    from verify.jobs import Corpus
    from verify.search import find_candidates

    crosscheck_queued.disconnect(dispatch_uid="verify.send_queued_job")
    docs, clusters = load(directory)
    starts: dict[str, list[int]] = {}
    for doc in docs.values():
        body, starts[doc.doc_id] = body_of(doc)
        ingest_document(
            document=IngestDocument(body=body, external_id=doc.doc_id, url=doc.url),
            role=Article.Role.REFERENCE,
        )
    ecb_of: dict[int, SentenceId] = {}
    claims_of: dict[SentenceId, list[Any]] = defaultdict(list)
    for sentence in Sentence.objects.select_related("article").order_by("pk"):
        doc_id = sentence.article.external_id
        sid = (doc_id, bisect.bisect_right(starts[doc_id], sentence.start) - 1)
        ecb_of[sentence.pk] = sid
        if sentence.kind == Sentence.Kind.CLAIM:
            claims_of[sid].append(sentence)
    corpus = Corpus()
    claims: dict[SentenceId, list[Claim]] = {}
    for query in sorted(clusters):
        claims[query] = []
        for claim in claims_of.get(query, []):
            ids = find_candidates(
                corpus.stats,
                claim.text,
                exclude_article=claim.article_id,
                limit=CACHED_CANDIDATES,
            )
            passages = corpus.passages([claim.pk, *ids])
            claims[query].append(
                Claim(
                    passages[claim.pk].passage,
                    tuple((ecb_of[i], passages[i].passage) for i in ids if i in passages),
                )
            )
    subevents = {doc.doc_id: doc.subevent for doc in docs.values()}
    return Cache(claims, clusters, subevents, dict(corpus.stats._df), corpus.stats.total)


def read(path: Path = DEFAULT_PATH) -> Cache:
    """The cache :func:`dump` wrote (a local file of this benchmark, never foreign data)."""
    with path.open("rb") as handle:
        return pickle.load(handle)  # noqa: S301


Score = Callable[[Passage, Passage], float | None]  # None: not a match


def evaluate(
    cache: Cache, score: Score, *, candidates: int = 40, parts: tuple[str, ...] = ("topics_1_10",)
) -> dict[str, dict[str, float | int]]:
    """recall@5 and precision of ranking each claim's first ``candidates`` by ``score`` (the
    product's ``CROSSCHECK_CANDIDATES``; its top 5 are among the matches it classifies)."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for query, claims in cache.claims.items():
        topic = cache.subevents[query[0]][0]
        if _half(topic) not in parts:
            continue
        merged: list[tuple[float, SentenceId]] = []
        for claim in claims:
            for sid, passage in claim.candidates[:candidates]:
                value = score(claim.passage, passage)
                if value is not None:
                    merged.append((round(min(value, 1.0), 4), sid))
        merged.sort(key=lambda item: -item[0])
        top: list[SentenceId] = []
        for _, sid in merged:
            if sid not in top:
                top.append(sid)
        top = top[:TOP_K]
        gold = cache.clusters[query]
        hit = any(sid[0] != query[0] and cache.clusters.get(sid, set()) & gold for sid in top)
        own = cache.subevents[query[0]]
        correct = sum(1 for sid in top if cache.subevents[sid[0]] == own)
        for name in ("all", _half(topic)):
            tallies[name].add(hit, len(top), correct)
    return {name: tally.figures() for name, tally in sorted(tallies.items())}


def main(argv: list[str]) -> int:
    # This module's classes by their importable name (not __main__'s), so the pickle loads.
    from bench.retrieval_cache import dump as dump_named
    from verify.engine.crosscheck import match_score

    path = Path(argv[0]) if argv else DEFAULT_PATH
    cache = dump_named(path)
    figures = evaluate(cache, lambda a, b: match_score(a, b, idf=cache.idf))
    print(f"cache written to {path}; topics 1-10 from it: {figures['topics_1_10']}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
