"""Throwaway databases for the cross-check benchmarks: create, point Django at, bulk-load.

PostgreSQL databases are dropped and created through the ``postgres`` maintenance database
(only the names the benchmarks pass in); Django is pointed at a database by ``DATABASE_URL``
before ``django.setup()``, so a benchmark runs each database in a fresh process.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.newsgen import Article

POSTGRES_SERVER = os.environ.get("BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
GIN_INDEX = "annotations_sentence_search_gin"


def postgres_url(name: str) -> str:
    return f"{POSTGRES_SERVER}/{name}"


def postgres_reachable() -> str | None:
    """None when the PostgreSQL server answers, else why not."""
    try:
        import psycopg

        with psycopg.connect(postgres_url("postgres"), connect_timeout=3) as conn:
            conn.execute("SELECT 1")
    except Exception as exc:  # any failure means: skip PostgreSQL
        return str(exc).strip().splitlines()[0] if str(exc).strip() else repr(exc)
    return None


def recreate_postgres(name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(postgres_url("postgres"), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_postgres(name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(postgres_url("postgres"), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def setup_django(database_url: str, **environ: str) -> float:
    """Configure Django for ``database_url`` and migrate; returns the migrate time in s."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("DATABASE_CONN_MAX_AGE", "0")
    os.environ.update(environ)
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    return time.perf_counter() - started


def database_url(backend: str, pg_database: str, directory: Path) -> str:
    """The URL of a fresh database for ``backend``: ``pg_database`` dropped and created on
    the PostgreSQL server, or a new SQLite file in ``directory``."""
    if backend == "postgres":
        recreate_postgres(pg_database)
        return postgres_url(pg_database)
    return f"sqlite:///{directory / 'bench.sqlite3'}"


@contextmanager
def fresh_django(backend: str, pg_database: str, prefix: str) -> Iterator[None]:
    """Django set up and migrated on a fresh ``backend`` database for the block; afterwards
    the connection is closed and the PostgreSQL database dropped."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        url = database_url(backend, pg_database, Path(tmp))
        try:
            setup_django(url)
            yield
        finally:
            from django.db import connection

            connection.close()
            if backend == "postgres":
                drop_postgres(pg_database)


def skip_unreachable_postgres(backends: Iterable[str], skipped: dict[str, str]) -> bool:
    """True when ``backends`` asks for PostgreSQL and the server does not answer; the reason
    is printed and recorded in ``skipped``."""
    if "postgres" not in backends:
        return False
    reason = postgres_reachable()
    if not reason:
        return False
    print(f"PostgreSQL unreachable, skipped: {reason}", file=sys.stderr)
    skipped["postgres"] = reason
    return True


def run_child(command: Sequence[str], what: str) -> dict[str, Any] | None:
    """Run one benchmark child process; the JSON object on its last line of output, or None
    (its output and exit code reported on stderr) when it fails."""
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(done.stdout[-2000:], done.stderr[-4000:], file=sys.stderr)
        print(f"!!! {what} failed (exit {done.returncode})", file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _rows(
    articles: Iterable[tuple[Article, Sequence[str]]], now: datetime
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]], Counter[str]]:
    article_rows: list[tuple[Any, ...]] = []
    sentence_rows: list[tuple[Any, ...]] = []
    df: Counter[str] = Counter()
    sentence_id = 0
    for article_id, (article, search_texts) in enumerate(articles, start=1):
        body, spans = article.layout()
        digest = hashlib.sha256(body.encode()).hexdigest()
        article_rows.append(
            (
                article_id,
                article.external_id,
                "reference",
                "in_annotation",
                article.headline,
                article.outlet,
                "",
                "",
                now,
                body,
                digest,
                1,
                now,
                now,
            )
        )
        for index, (text, search_text, (paragraph, start, end)) in enumerate(
            zip(article.sentences, search_texts, spans, strict=True)
        ):
            sentence_id += 1
            sentence_rows.append(
                (
                    sentence_id,
                    article_id,
                    index,
                    paragraph,
                    start,
                    end,
                    text,
                    "claim",
                    search_text,
                )
            )
            df.update(set(search_text.split()))
    return article_rows, sentence_rows, df


_ARTICLE_COLUMNS = (
    "id, external_id, role, status, headline, outlet, url, byline, published_at, body, "
    "body_sha256, revision, created_at, updated_at"
)
_SENTENCE_COLUMNS = 'id, article_id, "index", paragraph, start, "end", text, kind, search_text'


def load_postgres(name: str, articles: Iterable[tuple[Article, Sequence[str]]]) -> dict[str, float]:
    """COPY the corpus into the migrated database ``name``; the GIN index is built afterwards.

    Returns the seconds spent per step.
    """
    import psycopg

    timings: dict[str, float] = {}
    started = time.perf_counter()
    article_rows, sentence_rows, df = _rows(articles, datetime.now(UTC))
    timings["rows"] = time.perf_counter() - started
    with psycopg.connect(postgres_url(name)) as conn, conn.cursor() as cur:
        step = time.perf_counter()
        cur.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")
        with cur.copy(f"COPY annotations_article ({_ARTICLE_COLUMNS}) FROM STDIN") as copy:
            for row in article_rows:
                copy.write_row(row)
        with cur.copy(f"COPY annotations_sentence ({_SENTENCE_COLUMNS}) FROM STDIN") as copy:
            for row in sentence_rows:
                copy.write_row(row)
        with cur.copy("COPY annotations_searchterm (term, df) FROM STDIN") as copy:
            for term, count in sorted(df.items()):
                copy.write_row((term[:100], count))
        for table in ("annotations_article", "annotations_sentence"):
            cur.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608
                f"(SELECT max(id) FROM {table}))"
            )
        conn.commit()
        timings["copy"] = time.perf_counter() - step
        step = time.perf_counter()
        cur.execute("SET maintenance_work_mem = '1GB'")
        cur.execute(f"CREATE INDEX {GIN_INDEX} ON annotations_sentence USING GIN (search_vector)")
        conn.commit()
        timings["gin"] = time.perf_counter() - step
        step = time.perf_counter()
        conn.autocommit = True
        cur.execute("VACUUM ANALYZE annotations_article")
        cur.execute("VACUUM ANALYZE annotations_sentence")
        cur.execute("ANALYZE annotations_searchterm")
        # Flush the load now: a checkpoint running during the measurements slows every commit.
        cur.execute("CHECKPOINT")
        timings["analyze"] = time.perf_counter() - step
    timings["total"] = time.perf_counter() - started
    return timings


def load_sqlite(articles: Iterable[tuple[Article, Sequence[str]]]) -> dict[str, float]:
    """Insert the corpus into the migrated SQLite database Django points at, then fill the FTS5
    table in one ``rebuild`` (the per-row trigger is dropped meanwhile) and count the terms
    with :func:`annotations.services.search_index.record_terms`."""
    import importlib

    from django.db import connection, transaction

    from annotations.services.search_index import record_terms

    fts = importlib.import_module("annotations.migrations.0004_fulltext_index")
    timings: dict[str, float] = {}
    started = time.perf_counter()
    article_rows, sentence_rows, _ = _rows(articles, datetime.now(UTC))
    timings["rows"] = time.perf_counter() - started
    step = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cur:
        cur.execute("DROP TRIGGER annotations_sentence_fts_insert")
        cur.executemany(
            f"INSERT INTO annotations_article ({_ARTICLE_COLUMNS}) "  # noqa: S608
            f"VALUES ({', '.join(['%s'] * 14)})",
            article_rows,
        )
        cur.executemany(
            f"INSERT INTO annotations_sentence ({_SENTENCE_COLUMNS}) "  # noqa: S608
            f"VALUES ({', '.join(['%s'] * 9)})",
            sentence_rows,
        )
        cur.execute(
            "INSERT INTO annotations_sentence_fts(annotations_sentence_fts) VALUES ('rebuild')"
        )
        cur.execute(fts.SQLITE_TRIGGERS[0])
        record_terms(row[8] for row in sentence_rows)
    timings["copy"] = time.perf_counter() - step
    step = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute("ANALYZE")
    timings["analyze"] = time.perf_counter() - step
    timings["total"] = time.perf_counter() - started
    return timings
