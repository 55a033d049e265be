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

The figure per core is sentences stored per CPU-second of the work: the ingest process's CPU
time plus, on PostgreSQL, that of the server process serving its connection (read from
``/proc``; the server's shared background writers are left out). CPU time does not grow when
other programs share the cores, wall time does; both are printed. Where ``/proc`` cannot say,
the wall-time figure stands in. Target (issue 11): at least 200 sentences per second per core.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
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
    with benchdb.fresh_django(backend, PG_DATABASE, prefix="bench-ingest-"):
        return measure(backend)


def server_cpu() -> tuple[int, float] | None:
    """(pid, CPU seconds) of the PostgreSQL server process on this connection, or None where
    ``/proc`` cannot say."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = int(cursor.fetchone()[0])
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, IndexError, ValueError):
        return None
    return pid, ticks / os.sysconf("SC_CLK_TCK")


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
    server_before = server_cpu() if backend == "postgres" else None
    started = time.perf_counter()
    cpu_started = time.process_time()
    attributions = 0
    for n, text in enumerate(texts):
        document = Document(body=text, external_id=f"a-{n}")
        attributions += ingest_document(document=document).attributions
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    server_seconds: float | None = 0.0  # SQLite works inside the ingest process
    if backend == "postgres":
        server_after = server_cpu()
        server_seconds = None
        if server_before and server_after and server_before[0] == server_after[0]:
            server_seconds = server_after[1] - server_before[1]
    sentences = Sentence.objects.count() - before
    per_core = None
    if server_seconds is not None:
        per_core = round(sentences / max(cpu_seconds + server_seconds, 1e-9), 1)
    return {
        "backend": backend,
        "corpus": name,
        "articles": len(texts),
        "sentences": sentences,
        "attributions": attributions,
        "seconds": round(seconds, 2),
        "sentences_per_s": round(sentences / seconds, 1),
        "process_cpu_s": round(cpu_seconds, 2),
        "server_cpu_s": None if server_seconds is None else round(server_seconds, 2),
        "sentences_per_core_s": per_core,
    }


def run_child(backend: str) -> dict[str, Any] | None:
    command = [sys.executable, "-m", "bench.bench_ingest", "--child", backend]
    print(f"... {backend}: ingesting", file=sys.stderr, flush=True)
    return benchdb.run_child(command, backend)


def report(results: list[dict[str, Any]], skipped: dict[str, str]) -> None:
    header = (
        f"{'backend':9} {'corpus':12} {'articles':>8} {'sentences':>9} {'wall s':>7} "
        f"{'sent/s':>7} {'cpu s':>6} {'db cpu s':>8} {'sent/core-s':>11}"
    )
    print(header)
    print("-" * len(header))
    for r in results:
        server = "n/a" if r["server_cpu_s"] is None else f"{r['server_cpu_s']:.2f}"
        core = "n/a" if r["sentences_per_core_s"] is None else f"{r['sentences_per_core_s']:.1f}"
        print(
            f"{r['backend']:9} {r['corpus']:12} {r['articles']:8d} {r['sentences']:9d} "
            f"{r['seconds']:7.2f} {r['sentences_per_s']:7.1f} {r['process_cpu_s']:6.2f} "
            f"{server:>8} {core:>11}"
        )
    for backend, reason in skipped.items():
        print(f"{backend}: skipped ({reason})")
    print(
        "\nsent/s: sentences stored per second of wall time by the one ingest process; cpu s: "
        "its CPU time; db cpu s: the PostgreSQL server process's on its connection; "
        "sent/core-s: sentences per CPU-second of both, one core's worth of work."
    )
    for r in results:
        figure, unit = r["sentences_per_core_s"], "per core"
        if figure is None:
            figure, unit = r["sentences_per_s"], "of wall time"
        verdict = "met" if figure >= TARGET else "MISSED"
        print(
            f"TARGET ingest on {r['backend']}: {figure:.0f} sentences/s {unit}"
            f" (target >= {TARGET:.0f} per core: {verdict})"
        )
    summary = {"benchmark": "ingest", "target": TARGET, "results": results, "skipped": skipped}
    print(json.dumps(summary))


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
    if benchdb.skip_unreachable_postgres(backends, skipped):
        backends.remove("postgres")
    results = [r for b in backends if (r := run_child(b)) is not None]
    report(results, skipped)
    return 0 if len(results) == len(backends) else 1


if __name__ == "__main__":
    sys.exit(main())
