"""Ingest throughput through the product: sentences per second per core, on a real database.

Run: ``.venv/bin/python -m bench.bench_ingest [--backends sqlite,postgres]``. By default SQLite
and PostgreSQL (skipped with a message when the server does not answer).

Each backend runs in its own process (fresh settings) on a fresh database: a temporary SQLite
file, or ``sourcedesk_bench_ingest`` on PostgreSQL (dropped and created; :mod:`bench.benchdb`),
migrated. The texts are the PolNeAR dev articles when ``../shared/eval`` is present (read in
place), otherwise the synthetic news paragraphs of :mod:`bench.bench_analyze`. Every text goes
through :func:`annotations.services.ingest.ingest_document` as a new draft, one at a time in
one process: segmentation, classification, attribution suggestions, the index text of every
sentence, the rows and their history, the full-text index and the term counts, each article in
its own transaction, so everything the product computes per sentence is in the figure. The
cross-check job each ingest queues is left queued (as with a worker to run it later; its cost is
:mod:`bench.bench_crosscheck`'s): the receiver that would run it in-process is disconnected.

The figure is sentences stored per second of wall time in that one process (the database
server's work is inside the wait), plus the ingest process's own CPU time. Target (issue 11):
at least 200 sentences per second per core.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchdb
from bench.bench_analyze import corpus

BACKENDS = ("sqlite", "postgres")
PG_DATABASE = "sourcedesk_bench_ingest"
TARGET = 200.0  # sentences per second per core
WARM_UP = 3  # articles ingested before timing (lazily built state, first queries)


def child(backend: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        if backend == "postgres":
            benchdb.recreate_postgres(PG_DATABASE)
            url = benchdb.postgres_url(PG_DATABASE)
        else:
            url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        try:
            benchdb.setup_django(url)
            return measure(backend)
        finally:
            from django.db import connection

            connection.close()
            if backend == "postgres":
                benchdb.drop_postgres(PG_DATABASE)


def measure(backend: str) -> dict[str, Any]:
    from annotations.models import Sentence
    from annotations.services.ingest import ingest_document
    from annotations.signals import crosscheck_queued
    from verify.engine.documents import Document

    crosscheck_queued.disconnect(dispatch_uid="verify.send_queued_job")
    name, texts = corpus()
    for n, text in enumerate(texts[:WARM_UP]):
        ingest_document(document=Document(body=text, external_id=f"warm-up-{n}"))
    before = Sentence.objects.count()
    started = time.perf_counter()
    cpu_started = time.process_time()
    attributions = 0
    for n, text in enumerate(texts):
        attributions += ingest_document(
            document=Document(body=text, external_id=f"a-{n}")
        ).attributions
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    sentences = Sentence.objects.count() - before
    return {
        "backend": backend,
        "corpus": name,
        "articles": len(texts),
        "sentences": sentences,
        "attributions": attributions,
        "seconds": round(seconds, 2),
        "sentences_per_s": round(sentences / seconds, 1),
        "process_cpu_s": round(cpu_seconds, 2),
        "sentences_per_cpu_s": round(sentences / max(cpu_seconds, 1e-9), 1),
    }


def run_child(backend: str) -> dict[str, Any] | None:
    command = [sys.executable, "-m", "bench.bench_ingest", "--child", backend]
    print(f"... {backend}: ingesting", file=sys.stderr, flush=True)
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(done.stdout[-2000:], done.stderr[-4000:], file=sys.stderr)
        print(f"!!! {backend} failed (exit {done.returncode})", file=sys.stderr)
        return None
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--backends", default=",".join(BACKENDS))
    parser.add_argument("--child", default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child)))
        return 0
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    unknown = set(backends) - set(BACKENDS)
    if unknown:
        parser.error(f"unknown backends: {', '.join(sorted(unknown))}")
    skipped: dict[str, str] = {}
    if "postgres" in backends:
        reason = benchdb.postgres_reachable()
        if reason:
            print(f"PostgreSQL unreachable, skipped: {reason}", file=sys.stderr)
            skipped["postgres"] = reason
            backends.remove("postgres")
    results = [r for b in backends if (r := run_child(b)) is not None]
    header = (
        f"{'backend':9} {'corpus':12} {'articles':>8} {'sentences':>9} {'seconds':>8} "
        f"{'sent/s':>8} {'sent/cpu-s':>10}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        print(
            f"{r['backend']:9} {r['corpus']:12} {r['articles']:8d} {r['sentences']:9d} "
            f"{r['seconds']:8.2f} {r['sentences_per_s']:8.1f} {r['sentences_per_cpu_s']:10.1f}"
        )
    for backend, reason in skipped.items():
        print(f"{backend}: skipped ({reason})")
    print(
        "\nsent/s: sentences stored per second of wall time by one ingest process (one core; "
        "the database's work inside the wait); sent/cpu-s: per second of that process's CPU."
    )
    for r in results:
        verdict = "met" if r["sentences_per_s"] >= TARGET else "MISSED"
        print(
            f"TARGET ingest on {r['backend']}: {r['sentences_per_s']:.0f} sentences/s per core"
            f" (target >= {TARGET:.0f}: {verdict})"
        )
    print(
        json.dumps(
            {"benchmark": "ingest", "target": TARGET, "results": results, "skipped": skipped}
        )
    )
    return 0 if len(results) == len(backends) else 1


if __name__ == "__main__":
    sys.exit(main())
