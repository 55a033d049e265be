"""The task log line: written by a real Celery worker on the real Redis, and read back."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import kombu.pools
import pytest
import redis
from django.db import connection

from annotations.models import CrosscheckJob
from config.celery import app as celery_app
from config.observability import _task_finished
from tests.conftest import REPO, skip_or_fail
from tests.factories import make_article

# The machine's Redis, on a database number the demo and the other tests leave alone; each
# run sends to a queue of its own, so nothing else ever takes its messages.
REDIS_URL = "redis://127.0.0.1:6379/15"


def test_the_task_log_line_keeps_the_task_arguments(caplog):
    caplog.set_level(logging.INFO, logger="sourcedesk.task")
    task = type("Task", (), {"name": "verify.tasks.run_crosscheck_job"})()

    _task_finished(task_id="t-1", task=task, state="SUCCESS", args=(7,))

    (record,) = [r for r in caplog.records if r.name == "sourcedesk.task"]
    assert record.getMessage() == "task verify.tasks.run_crosscheck_job SUCCESS"
    assert record.task_args == [7]


def _database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    host, port = settings.get("HOST") or "127.0.0.1", settings.get("PORT") or 5432
    return f"postgres://{settings.get('USER') or 'postgres'}@{host}:{port}/{settings['NAME']}"


def _redis_answers() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


@pytest.mark.services
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_writes_the_task_log_line_for_every_task(tmp_path: Path, settings):
    if not _redis_answers():
        skip_or_fail("Redis does not answer at 127.0.0.1:6379")
    article = make_article("log-line", body="Talks resume on Monday, the minister said.\n")
    job = CrosscheckJob.objects.filter(article=article).latest("pk")
    queue = f"test-observability-{uuid.uuid4().hex[:12]}"
    log_path = tmp_path / "worker.log"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "CELERY_BROKER_URL": REDIS_URL,
        "LOG_FORMAT": "json",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("PYTEST_VERSION", None)
    with log_path.open("wb") as log:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--pool=solo",
             "--loglevel=INFO", f"--queues={queue}", f"--hostname={queue}@%h"],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    previous = {key: celery_app.conf[key] for key in ("broker_url", "task_always_eager")}
    celery_app.conf.update(broker_url=REDIS_URL, task_always_eager=False)
    _drop_connections()
    try:
        celery_app.send_task("verify.tasks.run_crosscheck_job", args=[job.pk], queue=queue)
        celery_app.send_task("verify.tasks.run_crosscheck_job", args=[job.pk], queue=queue)
        lines: list[dict[str, object]] = []
        deadline = time.monotonic() + 60
        while len(lines) < 2 and time.monotonic() < deadline:
            time.sleep(0.3)
            lines = [
                record
                for record in map(_json_or_none, log_path.read_text(errors="replace").splitlines())
                if record and record.get("logger") == "sourcedesk.task"
            ]
    finally:
        celery_app.conf.update(previous)
        _drop_connections()
        os.killpg(worker.pid, 15)
        worker.wait(timeout=20)
        redis.Redis.from_url(REDIS_URL).delete(queue)
    output = log_path.read_text(errors="replace")

    # one line per task run (the second finds the job done), with its arguments; no KeyError
    assert [(line["task"], line["task_args"], line["state"]) for line in lines] == [
        ("verify.tasks.run_crosscheck_job", [job.pk], "SUCCESS")
    ] * 2, output[-3000:]
    assert "Attempt to overwrite" not in output


def _drop_connections() -> None:
    """Forget the app's broker connections, so the next message uses the URL set now."""
    if celery_app._pool is not None:
        celery_app._pool.force_close_all()
        celery_app._pool = None
    celery_app.amqp._producer_pool = None
    kombu.pools.reset()


def _json_or_none(line: str) -> dict[str, object] | None:
    try:
        value = json.loads(line)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
