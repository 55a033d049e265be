"""Cross-check jobs per second with one and with two Celery worker processes on PostgreSQL.

Run: ``.venv/bin/python -m bench.bench_workers [--jobs 60] [--claims 10]``. Builds a fresh
database ``sourcedesk_bench_workers`` (migrated, a 10k-sentence synthetic corpus from
:mod:`bench.newsgen`), starts a private ``redis-server`` on a free port (the machine's Redis is
never touched), creates ``--jobs`` draft articles of ``--claims`` claims and queues a job for
each through Redis (``queue_crosscheck(send=True)`` inside a transaction). Then, once with one
and once with two ``celery -A config worker --concurrency=1`` processes started after the
queueing (so their start-up is not measured), it waits for every job to be done and measures
from the first job leaving ``queued`` (its ``started_at``) to the last ``finished_at``. The
second round queues a new job for the same drafts, so both rounds do the same work.

Prints jobs/s and claims/s for each and one JSON line. Workers, Redis and the database are
cleaned up at the end, even on failure. Skips with a message without PostgreSQL or
``redis-server``.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
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
from bench.newsgen import Generator
from bench.processes import RedisServer

REPO = Path(__file__).resolve().parent.parent
DATABASE = "sourcedesk_bench_workers"
CORPUS = 10_000
JOBS = 60
CLAIMS = 10
WORKER_COUNTS = (1, 2)
TIMEOUT_S = 600.0


class Workers:
    """``celery worker --concurrency=1`` processes, each in its own process group."""

    def __init__(self, tmp: Path, environ: dict[str, str]) -> None:
        self.tmp = tmp
        self.environ = environ
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self, count: int) -> None:
        for _ in range(count):
            n = len(self.processes)
            log = (self.tmp / f"worker{n}.log").open("wb")
            command = [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--concurrency=1",
                "--loglevel=WARNING",
                "--without-gossip",
                "--without-mingle",
                f"--hostname=bench{n}@%h",
            ]
            self.processes.append(
                subprocess.Popen(
                    command,
                    cwd=REPO,
                    env=self.environ,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    start_new_session=True,
                )
            )

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        self.processes = []

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-2000:] for p in self.tmp.glob("*.log"))


def queue_round(drafts: Sequence[Any], *, create: Generator | None, claims: int) -> list[int]:
    """Queue one job per draft through Redis (creating the drafts first when ``create``)."""
    from django.db import transaction

    from annotations.services.crosschecks import queue_crosscheck
    from bench.bench_crosscheck import insert_draft

    job_ids = []
    for i, draft in enumerate(drafts):
        with transaction.atomic():
            article = (
                insert_draft(create.draft(claims, story=i % 300, label=f"w{i}"))
                if create
                else draft
            )
            job_ids.append(queue_crosscheck(article=article, trigger="bench", send=True).pk)
    return job_ids


def wait_done(job_ids: list[int], workers: Workers) -> None:
    from django.db.models import Count

    from annotations.models import CrosscheckJob, JobStatus

    deadline = time.monotonic() + TIMEOUT_S
    while True:
        statuses = dict(
            CrosscheckJob.objects.filter(pk__in=job_ids)
            .values_list("status")
            .annotate(n=Count("pk"))
            .order_by()
        )
        if statuses.get(JobStatus.FAILED):
            raise RuntimeError(f"{statuses[JobStatus.FAILED]} jobs failed\n{workers.logs()}")
        if statuses.get(JobStatus.DONE, 0) == len(job_ids):
            return
        if time.monotonic() > deadline:
            raise RuntimeError(f"jobs not done after {TIMEOUT_S:.0f} s: {statuses}")
        time.sleep(0.1)


def measure(job_ids: list[int], workers: int, claims: int) -> dict[str, Any]:
    from django.db.models import Max, Min

    from annotations.models import CrosscheckJob

    jobs = CrosscheckJob.objects.filter(pk__in=job_ids)
    span = jobs.aggregate(first=Min("started_at"), last=Max("finished_at"))
    assert span["first"] is not None and span["last"] is not None
    seconds = (span["last"] - span["first"]).total_seconds()
    durations = [
        (finished - started).total_seconds() * 1000
        for started, finished in jobs.values_list("started_at", "finished_at")
        if started is not None and finished is not None
    ]
    total_claims = sum(jobs.values_list("progress_done", flat=True))
    return {
        "workers": workers,
        "jobs": len(job_ids),
        "claims": total_claims,
        "seconds": round(seconds, 2),
        "jobs_per_s": round(len(job_ids) / seconds, 2),
        "claims_per_s": round(total_claims / seconds, 1),
        "job_ms_median": round(statistics.median(durations), 1),
        "claims_per_job": claims,
    }


def run(jobs: int, claims: int, tmp: Path) -> dict[str, Any]:
    redis = RedisServer(tmp)
    redis.start()
    workers: Workers | None = None
    try:
        benchdb.recreate_postgres(DATABASE)
        url = benchdb.postgres_url(DATABASE)
        environ = {"CELERY_BROKER_URL": redis.url}
        benchdb.setup_django(url, **environ)
        from config.celery import app as celery_app

        # As the integration tests' broker fixture: this process really sends to Redis.
        celery_app.conf.update(broker_url=redis.url, task_always_eager=False)

        from verify.engine.crosscheck import index_text

        started = time.perf_counter()
        corpus = [
            (article, [index_text(s) for s in article.sentences])
            for article in Generator().articles(CORPUS)
        ]
        build = benchdb.load_postgres(DATABASE, corpus)
        build_s = time.perf_counter() - started

        from annotations.models import Article

        worker_env = {
            **os.environ,
            "DATABASE_URL": url,
            "CELERY_BROKER_URL": redis.url,
            "SOURCEDESK_CROSSCHECK_CLAIM_DELAY": "0",
            "PYTHONUNBUFFERED": "1",
        }
        workers = Workers(tmp, worker_env)
        rounds = []
        drafts: list[Any] = []
        for count in WORKER_COUNTS:
            if drafts:
                job_ids = queue_round(drafts, create=None, claims=claims)
            else:
                job_ids = queue_round([None] * jobs, create=Generator(), claims=claims)
                drafts = list(Article.objects.filter(role=Article.Role.DRAFT).order_by("pk"))
            print(f"... {len(job_ids)} jobs queued; {count} worker(s)", file=sys.stderr)
            workers.start(count)
            wait_done(job_ids, workers)
            workers.stop_all()
            rounds.append(measure(job_ids, count, claims))
        return {"build_s": round(build_s, 2), "build_steps_s": build, "rounds": rounds}
    finally:
        if workers is not None:
            workers.stop_all()
        redis.stop()
        from django.db import connections

        connections.close_all()
        benchdb.drop_postgres(DATABASE)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=JOBS)
    parser.add_argument("--claims", type=int, default=CLAIMS)
    args = parser.parse_args(argv)

    reason = benchdb.postgres_reachable()
    if reason is None and not shutil.which("redis-server"):
        reason = "redis-server is not installed"
    if reason:
        print(f"skipped: {reason}")
        print(json.dumps({"benchmark": "workers", "skipped": reason}))
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-workers-") as tmp:
        result = run(args.jobs, args.claims, Path(tmp))

    print(f"\nPostgreSQL, {CORPUS // 1000}k-sentence corpus built in {result['build_s']} s")
    header = (
        f"{'workers':>7} {'jobs':>5} {'claims':>6} {'s':>7} {'jobs/s':>7} {'claims/s':>8} "
        f"{'job ms':>7}"
    )
    print(header)
    print("-" * len(header))
    for r in result["rounds"]:
        print(
            f"{r['workers']:7d} {r['jobs']:5d} {r['claims']:6d} {r['seconds']:7.2f} "
            f"{r['jobs_per_s']:7.2f} {r['claims_per_s']:8.1f} {r['job_ms_median']:7.1f}"
        )
    one, two = result["rounds"][0], result["rounds"][-1]
    scaling = round(two["jobs_per_s"] / one["jobs_per_s"], 2)
    print(f"\nspeed-up with 2 workers: {scaling}x (2 cores; PostgreSQL runs on the same machine)")
    print(
        json.dumps(
            {
                "benchmark": "workers",
                "corpus_sentences": CORPUS,
                "build_s": result["build_s"],
                "rounds": result["rounds"],
                "speedup_2_workers": scaling,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
