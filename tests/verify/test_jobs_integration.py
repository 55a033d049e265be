"""Cross-check jobs with a real Redis broker and real Celery worker processes.

Each test starts its own ``redis-server`` on a free port (so the machine's Redis is never
touched) and workers as separate processes sharing the test database. The workers pause after
each claim (``SOURCEDESK_CROSSCHECK_CLAIM_DELAY``), so a job can be killed mid-way.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import kombu.pools
import pytest
from django.db import connection

from annotations.models import Article, CrossCheck, CrosscheckJob, JobStatus, Sentence
from bench.processes import RedisServer
from config.celery import app as celery_app
from tests.conftest import REPO, skip_or_fail
from tests.factories import make_article
from verify.jobs import crosscheck_sentences

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

REFERENCE = (
    "Kyiv rejected three major points of the plan, a senior Ukrainian official told Reuters.\n"
    "The draft had 28 points before the talks in Geneva, diplomats said.\n"
    "Washington wants the overall package finalised quickly, a US official said.\n"
)


def claims_body(n: int) -> str:
    topics = ["Geneva", "Kyiv", "Moscow", "Brussels", "Warsaw", "Ankara", "Vienna", "Riga"]
    return "".join(
        f"Officials in {topics[i % len(topics)]} said talks on point {i + 1} of the draft plan "
        f"would resume on day {i + 2}, according to diplomats.\n"
        for i in range(n)
    )


def wait_for(condition, *, timeout: float, message: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out after {timeout:.0f} s: {message}")


def database_url() -> str:
    """The URL of the test database, for the worker processes."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host, port = settings.get("HOST") or "127.0.0.1", settings.get("PORT") or 5432
    user = settings.get("USER") or "postgres"
    return f"postgres://{user}@{host}:{port}/{settings['NAME']}"


class Workers:
    """Celery worker processes (with beat) on the private Redis."""

    def __init__(self, redis: RedisServer, tmp: Path) -> None:
        self.redis = redis
        self.tmp = tmp
        self.processes: list[subprocess.Popen[bytes]] = []

    def start(self, *, beat: bool = True) -> subprocess.Popen[bytes]:
        env = {
            **os.environ,
            "DATABASE_URL": database_url(),
            "CELERY_BROKER_URL": self.redis.url,
            "SOURCEDESK_CROSSCHECK_CLAIM_DELAY": "0.4",
            "SOURCEDESK_CROSSCHECK_LEASE_SECONDS": "3",
            "SOURCEDESK_REQUEUE_INTERVAL": "1",
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("PYTEST_VERSION", None)
        command = [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--concurrency=1",
            "--loglevel=INFO",
            f"--hostname=test{len(self.processes)}@%h",
        ]
        if beat:
            command += ["--beat", f"--schedule={self.tmp / f'beat{len(self.processes)}'}"]
        log = (self.tmp / f"worker{len(self.processes)}.log").open("wb")
        process = subprocess.Popen(
            command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        self.processes.append(process)
        return process

    def kill(self, process: subprocess.Popen[bytes]) -> None:
        """SIGKILL the worker and its pool children: no chance to clean up."""
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
                try:
                    process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)

    def logs(self) -> str:
        return "\n".join(p.read_text(errors="replace")[-3000:] for p in self.tmp.glob("*.log"))


@pytest.fixture
def redis(tmp_path: Path) -> Iterator[RedisServer]:
    if not shutil.which("redis-server"):
        skip_or_fail("redis-server is not installed")
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def broker(redis: RedisServer, settings) -> Iterator[RedisServer]:
    """Point this process's Celery app at the private Redis (messages really go through it)."""
    settings.CELERY_BROKER_URL = redis.url
    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url=redis.url, task_always_eager=False)
    reset_connections()
    yield redis
    celery_app.conf.update(previous)
    reset_connections()


def reset_connections() -> None:
    """Drop the app's cached broker connections, so the next message uses the new URL.

    kombu also keeps its (closed) pools per broker URL, and a later test may get the same
    free port: those go too.
    """
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
        celery_app._pool = None
    celery_app.amqp._producer_pool = None
    kombu.pools.reset()


@pytest.fixture
def workers(broker: RedisServer, tmp_path: Path) -> Iterator[Workers]:
    group = Workers(broker, tmp_path)
    yield group
    group.stop_all()


def assert_no_duplicates() -> None:
    pairs = list(CrossCheck.objects.values_list("claim_id", "match_id"))
    assert len(pairs) == len(set(pairs))


def test_worker_killed_mid_job_is_finished_by_a_restarted_worker(workers):
    make_article("ref-1", body=REFERENCE, role="reference")
    first = workers.start()
    article = make_article("draft-1", body=claims_body(12))
    job = CrosscheckJob.objects.filter(article=article).latest("pk")

    def midway() -> bool:
        job.refresh_from_db()
        return job.status == JobStatus.RUNNING and 2 <= job.progress_done < job.progress_total

    wait_for(midway, timeout=60, message=f"job never ran\n{workers.logs()}")
    workers.kill(first)
    job.refresh_from_db()
    killed_at = job.progress_done
    assert job.status == JobStatus.RUNNING and killed_at < job.progress_total

    workers.start()
    wait_for(
        lambda: CrosscheckJob.objects.get(pk=job.pk).status == JobStatus.DONE,
        timeout=90,
        message=f"job was not finished after the restart\n{workers.logs()}",
    )
    job.refresh_from_db()
    # the second worker resumed the job and wrote every claim once
    assert job.attempts >= 2 and job.progress_done == job.progress_total == 12
    assert_no_duplicates()
    assert CrossCheck.objects.filter(claim__article=article).exists()


def test_redis_down_during_ingest_keeps_the_article_and_runs_the_job_later(broker, workers):
    make_article("ref-2", body=REFERENCE, role="reference")
    broker.stop()
    started = time.monotonic()
    article = make_article("draft-2", body=claims_body(3))
    job = CrosscheckJob.objects.filter(article=article).latest("pk")
    # the article is saved and its job waits, unsent, without the ingest hanging
    assert Article.objects.filter(pk=article.pk).exists() and time.monotonic() - started < 30
    assert job.status == JobStatus.QUEUED and job.dispatched_at is None

    broker.start()
    workers.start()
    wait_for(
        lambda: CrosscheckJob.objects.get(pk=job.pk).status == JobStatus.DONE,
        timeout=90,
        message=f"the job did not run once Redis was back\n{workers.logs()}",
    )
    assert_no_duplicates()


def test_duplicated_messages_run_a_job_once(workers):
    from verify.tasks import run_crosscheck_job

    make_article("ref-3", body=REFERENCE, role="reference")
    article = make_article("draft-3", body=claims_body(3))
    job = CrosscheckJob.objects.filter(article=article).latest("pk")
    for _ in range(3):  # the same message, delivered again and again
        run_crosscheck_job.delay(job.pk)
    workers.start(beat=False)
    workers.start(beat=False)
    wait_for(
        lambda: CrosscheckJob.objects.get(pk=job.pk).status == JobStatus.DONE,
        timeout=90,
        message=f"job did not finish\n{workers.logs()}",
    )
    time.sleep(2)  # let the extra messages reach the workers
    job.refresh_from_db()
    # Done once: every claim counted once, results exactly those of a single run. (A worker
    # may have retried after a transient "database is locked" on SQLite; that is not a rerun.)
    assert job.status == JobStatus.DONE and job.progress_done == job.progress_total == 3
    assert_no_duplicates()
    expected = crosscheck_sentences(list(Sentence.objects.filter(article=article, kind="claim")))
    assert CrossCheck.objects.filter(claim__article=article).count() == sum(
        len(found) for found in expected.values()
    )
