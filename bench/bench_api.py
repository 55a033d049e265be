"""API throughput and latency under gunicorn (2 workers) on PostgreSQL, loaded by wrk.

Run: ``.venv/bin/python -m bench.bench_api [--seconds 20] [--connections 16]``.

Builds a fresh database ``sourcedesk_bench_api`` (dropped and created), ingests a draft article
of 200 sentences plus 60 smaller ones, makes an editor with an API token, starts gunicorn with
production settings on a free local port, and loads two endpoints with ``wrk`` (16 concurrent
connections, 2 threads): the article detail and the article list. Prints requests per second,
p50/p95/p99 latency, errors, and the SQL queries each request costs (counted in-process), the
detail's size and its uncached render time (the first read after a change; the others are
served from the cache), then one JSON line. Targets: article detail at least 200 requests/s
with p95 under 100 ms and at most 12 queries.

Needs PostgreSQL on 127.0.0.1:5432 and Debian's ``wrk`` (``apt-get install wrk``); skips with
a message without them. Traffic goes to 127.0.0.1 only, for a bounded time.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.processes import free_port

REPO = Path(__file__).resolve().parent.parent
DB_NAME = "sourcedesk_bench_api"
PG = "postgres://postgres@127.0.0.1:5432"
TARGET_RPS = 200
TARGET_P95_MS = 100
TARGET_QUERIES = 12

# wrk prints these from its own latency histogram (microseconds).
WRK_REPORT = """
done = function(summary, latency, requests)
  io.write(string.format("REPORT %d %d %d %d %d %d %d\\n",
    summary.requests, summary.duration,
    summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout + summary.errors.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))
end
"""

SENTENCE = (
    "Officials in {place} said on {day} that talks on point {n} of the plan would resume, "
    "according to {who}."
)
PLACES = ["Kyiv", "Geneva", "Brussels", "Warsaw", "Moscow", "Ankara", "Vienna", "Riga"]
WHO = ["two diplomats", "a senior official", "Reuters", "the ministry", "a spokesman"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def body(sentences: int, seed: int) -> str:
    lines = []
    for n in range(sentences):
        lines.append(
            SENTENCE.format(
                place=PLACES[(n + seed) % len(PLACES)],
                day=DAYS[(n * 3 + seed) % len(DAYS)],
                n=n + 1,
                who=WHO[(n * 7 + seed) % len(WHO)],
            )
        )
    # Paragraphs of four sentences.
    return "\n\n".join(" ".join(lines[i : i + 4]) for i in range(0, len(lines), 4)) + "\n"


def postgres_available() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            return True
    except OSError:
        return False


def recreate_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{DB_NAME}"')


def drop_database() -> None:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')


def prepare(env: dict[str, str]) -> dict[str, Any]:
    """Migrate and load the data (in a child process with the bench settings)."""
    code = r"""
import json, django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth.models import Group, User
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from annotations.services.tokens import issue_token
from annotations.services.ingest import ingest_document
from verify.engine.documents import Document
from bench.bench_api import body
big = ingest_document(document=Document(body=body(200, 0), external_id="bench-200",
                                        headline="Bench article"), role="draft").article
for i in range(60):
    ingest_document(document=Document(body=body(20, i + 1), external_id=f"bench-{i}",
                                      headline=f"Bench {i}"), role="reference")
user = User.objects.create_user("bench-client", is_staff=False)
user.groups.add(Group.objects.get(name="editor"))
_, token_key = issue_token(user=user)
client = Client(HTTP_AUTHORIZATION=f"Token {token_key}", HTTP_HOST="127.0.0.1")
queries = {}
for name, url in (("detail", f"/api/v1/articles/{big.pk}/"), ("list", "/api/v1/articles/")):
    client.get(url)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    queries[name] = len(ctx.captured_queries)
# The detail's first read after a change renders it (the others come from the cache).
import statistics, time
from django.core.cache import cache
cold = []
for _ in range(7):
    cache.clear()
    started = time.perf_counter()
    client.get(f"/api/v1/articles/{big.pk}/")
    cold.append((time.perf_counter() - started) * 1000)
print(json.dumps({"token": token_key, "article": big.pk, "queries": queries,
                  "detail_uncached_ms": round(statistics.median(cold), 1),
                  "detail_bytes": len(client.get(f"/api/v1/articles/{big.pk}/").content),
                  "sentences": big.sentences.count()}))
"""
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"preparing the database failed:\n{result.stderr[-3000:]}")
    return dict(json.loads(result.stdout.strip().splitlines()[-1]))


def wait_until_up(url: str, token: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    request = urllib.request.Request(  # noqa: S310 (our own server on 127.0.0.1)
        url, headers={"Authorization": f"Token {token}"}
    )
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer {url}")


def load(url: str, token: str, *, seconds: int, connections: int, script: Path) -> dict[str, Any]:
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{seconds}s",
        "--timeout",
        "5s",
        "-s",
        str(script),
        "-H",
        f"Authorization: Token {token}",
        url,
    ]
    output = subprocess.run(
        command, capture_output=True, text=True, timeout=seconds + 60, check=True
    ).stdout
    match = re.search(r"^REPORT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)$", output, re.M)
    if not match:
        raise RuntimeError(f"unexpected wrk output:\n{output}")
    requests, duration_us, errors, p50, p95, p99, worst = (int(g) for g in match.groups())
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "requests": requests,
        "rps": round(requests / (duration_us / 1e6), 1),
        "p50_ms": round(p50 / 1000, 1),
        "p95_ms": round(p95 / 1000, 1),
        "p99_ms": round(p99 / 1000, 1),
        "max_ms": round(worst / 1000, 1),
        "errors": errors,
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
    }


def run(seconds: int = 20, connections: int = 16) -> dict[str, Any] | None:
    if not shutil.which("wrk"):
        print("bench_api: skipped (wrk is not installed: apt-get install wrk)")
        return None
    if not postgres_available():
        print("bench_api: skipped (PostgreSQL does not answer on 127.0.0.1:5432)")
        return None
    recreate_database()
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "DATABASE_URL": f"{PG}/{DB_NAME}",
        "SOURCEDESK_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_CONN_MAX_AGE": "600",
        # One client sends every request here: let it past the per-user throttle.
        "API_THROTTLE_USER": "5000/second",
        "PYTHONPATH": str(REPO),
    }
    env.pop("CELERY_BROKER_URL", None)
    env.pop("REDIS_URL", None)
    server = None
    log_path = Path(tempfile.gettempdir()) / f"bench-api-{port}.log"
    try:
        prepared = prepare(env)
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{port}",
            ],
            cwd=REPO,
            env=env,
            stdout=log_path.open("wb"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        base = f"http://127.0.0.1:{port}/api/v1"
        detail_url = f"{base}/articles/{prepared['article']}/"
        wait_until_up(detail_url, prepared["token"])
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_REPORT)
        endpoints = {"detail": detail_url, "list": f"{base}/articles/"}
        results: dict[str, Any] = {}
        for name, url in endpoints.items():
            load(
                url, prepared["token"], seconds=3, connections=connections, script=Path(script.name)
            )
            results[name] = load(
                url,
                prepared["token"],
                seconds=seconds,
                connections=connections,
                script=Path(script.name),
            )
            results[name]["queries"] = prepared["queries"][name]
        os.unlink(script.name)
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        drop_database()
    detail = results["detail"]
    figures = {
        "sentences": prepared["sentences"],
        "detail_bytes": prepared["detail_bytes"],
        "detail_uncached_ms": prepared["detail_uncached_ms"],
        "gunicorn_workers": 2,
        "connections": connections,
        "seconds": seconds,
        **{f"{name}_{key}": value for name, row in results.items() for key, value in row.items()},
        "detail_meets_target": (
            detail["rps"] >= TARGET_RPS
            and detail["p95_ms"] < TARGET_P95_MS
            and detail["queries"] <= TARGET_QUERIES
            and detail["errors"] == 0
            and detail["non_2xx"] == 0
        ),
    }
    print(
        f"{'endpoint':<8} {'req/s':>8} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} "
        f"{'errors':>6} {'non2xx':>6} {'queries':>7}"
    )
    for name, row in results.items():
        print(
            f"{name:<8} {row['rps']:8.1f} {row['p50_ms']:7.1f} {row['p95_ms']:7.1f} "
            f"{row['p99_ms']:7.1f} {row['errors']:6d} {row['non_2xx']:6d} {row['queries']:7d}"
        )
    print(
        f"article detail: {prepared['detail_bytes'] // 1024} KiB; uncached render (the first "
        f"read after a change) {prepared['detail_uncached_ms']} ms median, in-process"
    )
    print(
        f"article detail: {prepared['sentences']} sentences; gunicorn 2 workers; wrk "
        f"{connections} connections for {seconds} s; targets ≥ {TARGET_RPS} req/s, "
        f"p95 < {TARGET_P95_MS} ms, ≤ {TARGET_QUERIES} queries"
    )
    print(json.dumps(figures, sort_keys=True))
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--connections", type=int, default=16)
    args = parser.parse_args()
    run(seconds=args.seconds, connections=args.connections)


if __name__ == "__main__":
    main()
