"""The story clusters through the product, as a newsroom (or a checker) would run them.

``bench_crosscheck_clusters`` compares every gold pair directly; here each split's articles go
through the commands a user runs, in a fresh database, one process per split:

* every article is written as a ``.txt`` file with a header (``Headline:``, ``Outlet:``,
  ``Published:``, ``Byline:``, ``External-ID:`` as ``<cluster id>-<article key>``) and
  ingested with ``manage.py ingest`` (as drafts);
* ``manage.py crosscheck --all`` (in-process: no broker is configured for the run);
* ``manage.py report --all --format json``, read back.

A gold pair's prediction is the cross-check of the claim's sentence whose article and text are
the candidate's; a pair with none is ``none`` (the index did not retrieve the candidate among
the claim's candidates, or compare dropped it), counted as ``not_found``. Figures as in
``bench_crosscheck_clusters`` (same :func:`~bench.bench_crosscheck_clusters.figures`), per split.

Run: ``.venv/bin/python -m bench.bench_clusters_product [--splits dev,test,holdout]
[--backend sqlite|postgres]``. PostgreSQL uses the database ``sourcedesk_bench_clusters``
(dropped and created; :mod:`bench.benchdb`), skipped with a message when the server does not
answer.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import benchdb
from bench.bench_crosscheck_clusters import SPLITS, figures, load

REPO = Path(__file__).resolve().parent.parent
POSTGRES_NAME = "sourcedesk_bench_clusters"


def _external_id(cluster: dict[str, Any], key: str) -> str:
    return f"{cluster['id']}-{key}"


def write_articles(clusters: list[dict[str, Any]], folder: Path) -> None:
    """Each article as the ``.txt`` file a newsroom would ingest."""
    for cluster in clusters:
        for article in cluster["articles"]:
            header = {
                "Headline": article["headline"],
                "Outlet": article["outlet"],
                "Published": article.get("published_at", ""),
                "Byline": article.get("byline", ""),
                "External-ID": _external_id(cluster, article["key"]),
            }
            lines = [f"{k}: {v}" for k, v in header.items() if v]
            text = "\n".join(lines) + "\n\n" + article["body"].strip() + "\n"
            (folder / f"{_external_id(cluster, article['key'])}.txt").write_text(text, "utf-8")


def _manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def run_product(clusters: list[dict[str, Any]], database_url: str) -> dict[str, dict[str, Any]]:
    """Ingest, cross-check and report ``clusters`` in the database at ``database_url``: the
    report's articles by external id."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": "",
        "REDIS_URL": "",
        "PYTHONWARNINGS": "ignore",
    }
    with tempfile.TemporaryDirectory() as folder:
        write_articles(clusters, Path(folder))
        _manage(env, "migrate", "-v0")
        _manage(env, "ingest", folder)
    _manage(env, "crosscheck", "--all")
    report = _manage(env, "report", "--all", "--format", "json")
    articles = (json.loads(line) for line in report.splitlines() if line.strip())
    return {a["external_id"]: a for a in articles}


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def predictions(
    clusters: list[dict[str, Any]], report: dict[str, dict[str, Any]]
) -> list[dict[str, Any]]:
    rows = []
    for cluster in clusters:
        for pair in cluster["pairs"]:
            claim_article = report[_external_id(cluster, pair["claim"]["article"])]
            candidate_id = _external_id(cluster, pair["candidate"]["article"])
            found = [
                check
                for sentence in claim_article["sentences"]
                if _same(sentence["text"], pair["claim"]["text"])
                for check in sentence.get("crosschecks", [])
                if check["article"] == candidate_id
                and _same(check["text"], pair["candidate"]["text"])
            ]
            match = found[0] if found else None
            rows.append(
                {
                    **pair,
                    "cluster": cluster["id"],
                    "predicted": match["relation"] if match else "none",
                    "predicted_independent": match["independent"] if match else True,
                    "predicted_reason": match["reason"] if match else "",
                }
            )
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", default=",".join(SPLITS))
    parser.add_argument("--backend", choices=("sqlite", "postgres"), default="sqlite")
    args = parser.parse_args(argv)
    clusters, where = load()
    results: dict[str, Any] = {}
    for split in args.splits.split(","):
        chosen = [c for c in clusters if where[c["id"]] == split]
        if not chosen:
            continue
        if args.backend == "postgres":
            problem = benchdb.postgres_reachable()
            if problem:
                print(f"PostgreSQL skipped: {problem}")
                return 0
            benchdb.recreate_postgres(POSTGRES_NAME)
            report = run_product(chosen, benchdb.postgres_url(POSTGRES_NAME))
            benchdb.drop_postgres(POSTGRES_NAME)
        else:
            with tempfile.TemporaryDirectory() as folder:
                report = run_product(chosen, f"sqlite:///{folder}/clusters.sqlite3")
        rows = predictions(chosen, report)
        results[split] = {
            **figures(rows),
            "not_found": sum(r["predicted"] == "none" and r["relation"] != "none" for r in rows),
        }
    first: dict[str, Any] = next(iter(results.values()), {})
    keys = [k for k, v in first.items() if not isinstance(v, dict)]
    print(f"Story clusters through ingest, crosscheck --all and report ({args.backend})")
    print(f"{'':<26}" + "".join(f"{s:>10}" for s in results))
    for key in keys:
        print(f"{key:<26}" + "".join(f"{results[s][key]!s:>10}" for s in results))
    for kind in ("figures", "dates", "polarity", "actor"):
        row = "".join(f"{results[s]['contradiction_by_kind'][kind]:>10}" for s in results)
        print(f"{'  contradicts/' + kind:<26}{row}")
    print(json.dumps({"benchmark": "clusters_product", "backend": args.backend, **results}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
