"""Cross-check latency of a 30-claim draft against 10k to 1M sentences, and how it grows.

Run: ``.venv/bin/python -m bench.bench_crosscheck [--backends sqlite,postgres]
[--sizes 10k,100k,1M] [--reps 7]``. By default SQLite at 10k and 100k sentences and
PostgreSQL at 10k, 100k and 1M (skipped with a message when the server does not answer).

The synthetic corpus (:mod:`bench.newsgen`) is generated and indexed once (two processes for
``index_text``) into a temporary file; each backend and size then runs in its own process
(fresh settings): a fresh database (a temp file for SQLite; ``sourcedesk_bench`` on
PostgreSQL, dropped and created), ``migrate``, a bulk load (COPY and the GIN index built after
it on PostgreSQL; an FTS5 ``rebuild`` on SQLite), term frequencies and ``ANALYZE``. Then one
draft of 30 claims is inserted and :func:`verify.jobs.run_job` is timed on it ``--reps`` times
after one untimed warm-up run (retrieval, comparison and writing the results), plus
:func:`verify.search.search` alone per claim.

Targets: a 30-claim article in under 1 s against 1M sentences on PostgreSQL, and at most 3x
the cost from 100k to 1M. Prints a table, the growth ratios, the plan of the costliest search
query on the largest PostgreSQL corpus, and one JSON line.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import pickle
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchdb
from bench.newsgen import Article, Generator

BACKENDS = ("sqlite", "postgres")
DEFAULT_SIZES = {"sqlite": (10_000, 100_000), "postgres": (10_000, 100_000, 1_000_000)}
PG_DATABASE = "sourcedesk_bench"
CLAIMS = 30
REPS = 7
TARGET_MS = 1000.0
TARGET_GROWTH = 3.0
CHUNK = 500  # articles per pickled chunk of the corpus file


def parse_size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


def label(size: int) -> str:
    if size >= 1_000_000 and size % 1_000_000 == 0:
        return f"{size // 1_000_000}M"
    return f"{size // 1000}k" if size % 1000 == 0 else str(size)


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# --- the corpus file -------------------------------------------------------------------------


def _index(sentences: tuple[str, ...]) -> list[str]:
    from verify.engine.crosscheck import index_text

    return [index_text(text) for text in sentences]


def write_corpus(path: Path, sentences: int) -> float:
    """Generate and index ``sentences`` sentences into ``path``; returns the seconds taken."""
    started = time.perf_counter()
    articles = list(Generator().articles(sentences))
    with (
        multiprocessing.get_context("fork").Pool(min(2, os.cpu_count() or 1)) as pool,
        path.open("wb") as out,
    ):
        indexed = pool.imap(_index, (a.sentences for a in articles), chunksize=100)
        for start in range(0, len(articles), CHUNK):
            chunk = articles[start : start + CHUNK]
            pickle.dump([(a, next(indexed)) for a in chunk], out, protocol=5)
    return time.perf_counter() - started


def read_corpus(path: Path, sentences: int) -> Iterator[tuple[Article, list[str]]]:
    """The first ``sentences`` sentences of the corpus file (the last article cut short)."""
    left = sentences
    with path.open("rb") as source:
        while left > 0:
            try:
                chunk = pickle.load(source)  # noqa: S301 (our own temporary file)
            except EOFError:
                raise SystemExit(f"corpus file holds fewer than {sentences} sentences") from None
            for article, texts in chunk:
                if left <= 0:
                    return
                if len(texts) > left:
                    article = Article(
                        article.external_id,
                        article.headline,
                        article.outlet,
                        article.sentences[:left],
                    )
                    texts = texts[:left]
                left -= len(texts)
                yield article, texts


# --- one backend and size (child process) -----------------------------------------------------


def child(backend: str, size: int, corpus: Path, reps: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-crosscheck-") as tmp:
        return _child(backend, size, corpus, reps, Path(tmp))


def _child(backend: str, size: int, corpus: Path, reps: int, tmp: Path) -> dict[str, Any]:
    migrate_s = benchdb.setup_django(benchdb.database_url(backend, PG_DATABASE, tmp))
    articles = read_corpus(corpus, size)
    if backend == "postgres":
        build = benchdb.load_postgres(PG_DATABASE, articles)
    else:
        build = benchdb.load_sqlite(articles)
    result: dict[str, Any] = {
        "backend": backend,
        "sentences": size,
        "migrate_s": round(migrate_s, 2),
        "build_s": round(build["total"], 2),
        "build_steps_s": {k: round(v, 2) for k, v in build.items()},
    }
    result.update(measure(reps, backend))
    return result


def insert_draft(article: Article) -> Any:
    from django.db import transaction

    from annotations.models import Article as ArticleRow
    from annotations.models import Sentence
    from annotations.services.search_index import record_terms
    from verify.engine.crosscheck import index_text

    body, spans = article.layout()
    with transaction.atomic():
        row = ArticleRow.objects.create(
            external_id=article.external_id,
            role=ArticleRow.Role.DRAFT,
            headline=article.headline,
            outlet=article.outlet,
            body=body,
            body_sha256=hashlib.sha256(body.encode()).hexdigest(),
        )
        sentences = Sentence.objects.bulk_create(
            Sentence(
                article=row,
                index=index,
                paragraph=paragraph,
                start=start,
                end=end,
                text=text,
                kind=Sentence.Kind.CLAIM,
                search_text=index_text(text),
            )
            for index, (text, (paragraph, start, end)) in enumerate(
                zip(article.sentences, spans, strict=True)
            )
        )
        record_terms(s.search_text for s in sentences)
    return row


def measure(reps: int, backend: str) -> dict[str, Any]:
    from django.db import connection

    from annotations.models import CrossCheck, CrosscheckJob, JobStatus, Sentence
    from annotations.services.crosschecks import queue_crosscheck
    from verify.jobs import BATCH, crosscheck_sentences, run_job, word_vectors
    from verify.search import PAIR_TERMS, TermStats, find_candidates, pair_groups

    draft = insert_draft(Generator().draft(CLAIMS))
    claims = list(Sentence.objects.filter(article=draft).order_by("index"))

    # The whole job: retrieval, comparison and writing results, claim by claim.
    article_ms: list[float] = []
    first_ms = 0.0
    for rep in range(reps + 1):
        job = queue_crosscheck(article=draft, send=False)
        started = time.perf_counter()
        assert run_job(job.pk)
        elapsed = (time.perf_counter() - started) * 1000
        if rep:  # the first run warms the caches
            article_ms.append(elapsed)
        else:  # a fresh worker's first job: the word vectors' model loads, every word is new
            first_ms = elapsed
        assert CrosscheckJob.objects.get(pk=job.pk).status == JobStatus.DONE
    matches = CrossCheck.objects.filter(claim__article=draft).count()

    # Retrieval and comparison without the writes.
    check_ms = []
    for _ in range(3):
        started = time.perf_counter()
        for start in range(0, len(claims), BATCH):
            crosscheck_sentences(claims[start : start + BATCH])
        check_ms.append((time.perf_counter() - started) * 1000)

    # Retrieval alone, per claim.
    stats = TermStats()
    retrieval_ms: list[float] = []
    candidates: list[int] = []
    terms_per_claim: list[int] = []
    postings: list[int] = []
    queries: list[list[list[str]]] = []
    for claim in claims:
        # What find_candidates asks first: pairs among these terms, then single terms.
        terms = stats.ranked_terms(claim.text)[:PAIR_TERMS]
        times = []
        found: list[int] = []
        for _ in range(3):
            started = time.perf_counter()
            found = find_candidates(stats, claim.text, exclude_article=draft.pk)
            times.append((time.perf_counter() - started) * 1000)
        retrieval_ms.append(statistics.median(times))
        candidates.append(len(found))
        terms_per_claim.append(len(terms))
        postings.append(sum(stats.df(t) for t in terms))
        queries.append(pair_groups(stats, terms))
    words = word_vectors()
    result: dict[str, Any] = {
        "embedding": words is not None,
        "embedding_words_known": words.known if words is not None else 0,
        "first_article_ms": round(first_ms, 1),
        "article_ms_median": round(statistics.median(article_ms), 1),
        "article_ms_p95": round(percentile(article_ms, 0.95), 1),
        "per_claim_ms": round(statistics.median(article_ms) / len(claims), 2),
        "check_no_writes_ms": round(statistics.median(check_ms), 1),
        "retrieval_ms_per_claim_median": round(statistics.median(retrieval_ms), 2),
        "retrieval_ms_per_claim_p95": round(percentile(retrieval_ms, 0.95), 2),
        "retrieval_ms_per_article": round(sum(retrieval_ms), 1),
        "candidates_per_claim": round(statistics.mean(candidates), 1),
        "terms_per_claim": round(statistics.mean(terms_per_claim), 1),
        "postings_per_claim_median": int(statistics.median(postings)),
        "postings_per_claim_max": max(postings),
        "matches_written": matches,
        "claims": len(claims),
        "reps": reps,
    }
    if backend == "postgres":
        result.update(postgres_analysis(queries, draft.pk, retrieval_ms))
    connection.close()
    return result


def postgres_analysis(
    queries: list[list[list[str]]], exclude: int, retrieval_ms: list[float]
) -> dict[str, Any]:
    """Rows each query matches (ts_rank is computed on all of them), the plan of the costliest
    query, and what the same query costs ordered by id instead of ts_rank."""
    from django.conf import settings
    from django.db import connection

    from verify.search import _POSTGRES_SEARCH, postgres_query

    limit = settings.CROSSCHECK_CANDIDATES
    matched = []
    with connection.cursor() as cur:
        for groups in queries:
            cur.execute(
                "SELECT count(*) FROM annotations_sentence "
                "WHERE search_vector @@ to_tsquery('simple', %s)",
                [postgres_query(groups)],
            )
            matched.append(cur.fetchone()[0])
        worst = max(range(len(queries)), key=lambda i: retrieval_ms[i])
        query = postgres_query(queries[worst])
        params: list[str | int] = [query, exclude, "", "", query, limit]
        cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + _POSTGRES_SEARCH, params)
        plan = "\n".join(row[0] for row in cur.fetchall())
        unranked = _POSTGRES_SEARCH.replace(
            "ts_rank(s.search_vector, to_tsquery('simple', %s), 1) DESC, s.id", "s.id"
        )
        times = []
        for _ in range(3):
            started = time.perf_counter()
            cur.execute(unranked, [query, exclude, "", "", limit])
            cur.fetchall()
            times.append((time.perf_counter() - started) * 1000)
    return {
        "matched_rows_per_claim_median": int(statistics.median(matched)),
        "matched_rows_per_claim_max": max(matched),
        "worst_query_terms": queries[worst],
        "worst_query_ms": round(retrieval_ms[worst], 2),
        "worst_query_without_rank_ms": round(statistics.median(times), 2),
        "worst_query_plan": plan,
    }


# --- the driver -------------------------------------------------------------------------------


def run_child(backend: str, size: int, corpus: Path, reps: int) -> dict[str, Any] | None:
    command = [
        sys.executable,
        "-m",
        "bench.bench_crosscheck",
        "--child",
        f"{backend}:{size}",
        "--corpus",
        str(corpus),
        "--reps",
        str(reps),
    ]
    print(f"... {backend} {label(size)} sentences", file=sys.stderr, flush=True)
    started = time.perf_counter()
    result = benchdb.run_child(command, f"{backend} {label(size)}")
    if result is None:
        return None
    result["wall_s"] = round(time.perf_counter() - started, 1)
    print(f"    done in {result['wall_s']} s", file=sys.stderr, flush=True)
    return result


def growth(results: list[dict[str, Any]], backend: str, small: int, large: int) -> float | None:
    by_size = {r["sentences"]: r for r in results if r["backend"] == backend}
    if small in by_size and large in by_size:
        return round(by_size[large]["article_ms_median"] / by_size[small]["article_ms_median"], 2)
    return None


def report(results: list[dict[str, Any]], skipped: dict[str, str], corpus_s: float) -> None:
    print(f"\nCorpus generated and indexed in {corpus_s:.1f} s (2 processes).")
    header = (
        f"{'backend':9} {'sentences':>9} {'build s':>8} {'article ms':>10} {'p95 ms':>8} "
        f"{'claim ms':>8} {'retr. ms':>8} {'cands':>6} {'terms':>5} {'postings':>8}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r['backend']:9} {label(r['sentences']):>9} {r['build_s']:8.1f} "
            f"{r['article_ms_median']:10.1f} {r['article_ms_p95']:8.1f} {r['per_claim_ms']:8.2f} "
            f"{r['retrieval_ms_per_claim_median']:8.2f} {r['candidates_per_claim']:6.1f} "
            f"{r['terms_per_claim']:5.1f} {r['postings_per_claim_median']:8d}"
        )
    for backend, reason in skipped.items():
        print(f"{backend}: skipped ({reason})")
    print(
        "\narticle ms: run_job for the 30-claim draft (median of the reps after a warm-up); "
        "retr. ms: find_candidates() per claim (median over claims); postings: summed df of "
        "the terms paired in the query (median)."
    )
    for r in results:
        steps = ", ".join(f"{k} {v}" for k, v in r["build_steps_s"].items())
        print(
            f"{r['backend']} {label(r['sentences'])}: build ({steps}) s; retrieval "
            f"{r['retrieval_ms_per_article']} ms of the article; retrieval+compare without "
            f"writes {r['check_no_writes_ms']} ms; first job of the process (cold: "
            + (
                f"the word vectors' model loads, {r['embedding_words_known']} words encoded) "
                if r["embedding"]
                else "embedding off or not installed) "
            )
            + f"{r['first_article_ms']} ms"
            + (
                f"; rows matched per query median {r['matched_rows_per_claim_median']}, "
                f"max {r['matched_rows_per_claim_max']}; worst query {r['worst_query_ms']} ms, "
                f"{r['worst_query_without_rank_ms']} ms ordered by id instead of ts_rank"
                if "matched_rows_per_claim_median" in r
                else ""
            )
        )
    pg_growth = growth(results, "postgres", 100_000, 1_000_000)
    sqlite_growth = growth(results, "sqlite", 10_000, 100_000)
    pg_large = [r for r in results if r["backend"] == "postgres" and r["sentences"] >= 1_000_000]
    print()
    if pg_growth is not None:
        verdict = "met" if pg_growth <= TARGET_GROWTH else "MISSED"
        print(f"growth PostgreSQL 100k -> 1M: {pg_growth}x (target <= {TARGET_GROWTH}x: {verdict})")
    if sqlite_growth is not None:
        print(f"growth SQLite 10k -> 100k: {sqlite_growth}x")
    target = f"TARGET cross-check of a {CLAIMS}-claim article against 1M sentences on PostgreSQL"
    if pg_large:
        ms = pg_large[0]["article_ms_median"]
        verdict = "met" if ms < TARGET_MS else "MISSED"
        print(f"{target}, warm: {ms:.0f} ms (target < {TARGET_MS:.0f} ms: {verdict})")
    else:
        print(f"{target}: not measured (no PostgreSQL 1M run)")
    if pg_large:
        print("\nPlan of the slowest claim query on PostgreSQL 1M:")
        print(pg_large[0]["worst_query_plan"])
    summary = {
        "benchmark": "crosscheck",
        "claims": CLAIMS,
        "corpus_s": round(corpus_s, 1),
        "results": [{k: v for k, v in r.items() if k != "worst_query_plan"} for r in results],
        "growth_postgres_100k_1m": pg_growth,
        "growth_sqlite_10k_100k": sqlite_growth,
        "target_ms": TARGET_MS,
        "target_met_ms": bool(pg_large) and pg_large[0]["article_ms_median"] < TARGET_MS,
        "target_growth": TARGET_GROWTH,
        "target_met_growth": pg_growth is not None and pg_growth <= TARGET_GROWTH,
        "skipped": skipped,
    }
    print(json.dumps(summary))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--sizes", default="", help="e.g. 10k,100k,1M (default: per backend)")
    parser.add_argument("--reps", type=int, default=REPS)
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        backend, size = args.child.split(":")
        try:
            print(json.dumps(child(backend, int(size), Path(args.corpus), args.reps)))
        finally:
            if backend == "postgres":
                benchdb.drop_postgres(PG_DATABASE)
        return 0

    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = set(backends) - set(BACKENDS)
    if unknown:
        parser.error(f"unknown backends: {', '.join(sorted(unknown))}")
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    plan = [(b, n) for b in backends for n in (sizes or DEFAULT_SIZES[b])]
    skipped: dict[str, str] = {}
    if benchdb.skip_unreachable_postgres(backends, skipped):
        plan = [(b, n) for b, n in plan if b != "postgres"]
    if not plan:
        print(json.dumps({"benchmark": "crosscheck", "results": [], "skipped": skipped}))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-crosscheck-") as tmp:
        corpus = Path(tmp) / "corpus.pickle"
        largest = max(n for _, n in plan)
        print(f"... generating {label(largest)} sentences", file=sys.stderr, flush=True)
        corpus_s = write_corpus(corpus, largest)
        results = [r for b, n in plan if (r := run_child(b, n, corpus, args.reps)) is not None]
    report(results, skipped, corpus_s)
    return 0 if len(results) == len(plan) else 1


if __name__ == "__main__":
    sys.exit(main())
