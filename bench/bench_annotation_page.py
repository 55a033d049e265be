"""Render time and query count of the annotation page for a 200-sentence article.

Builds a throwaway SQLite database under /tmp (migrate, one editor, one ingested draft of
``SENTENCES`` claim sentences with their suggested attributions, a third of them annotated),
then fetches ``/desk/articles/<id>/`` through Django's test Client ``REQUESTS`` times after
``WARMUP`` untimed requests. Prints median and p95 wall time per request, the SQL queries of
one request, and one JSON line. Target: median under 300 ms and at most 20 queries.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SENTENCES = 200
REQUESTS = 30
WARMUP = 3
TARGET_MS = 300.0
MAX_QUERIES = 20

_TEMPLATES = [
    "Politico first reported that Secretary {name} told European officials on day {n} that "
    "a deal must come first.",
    "Several diplomats familiar with the conversations said the signals on point {n} were mixed.",
    "The draft has {n} points, according to two officials familiar with the plan.",
    "A senior Ukrainian source told CNN that Kyiv rejected {n} of the proposed points.",
    "The ministry said in a statement that drill {n} was routine and posed no threat.",
    "Customs data show exports fell by {n} percent in the third quarter.",
]
_NAMES = ["Rubio", "Witkoff", "Kellogg", "Sybiha", "Umerov"]


def body(sentences: int) -> str:
    lines = []
    for n in range(sentences):
        template = _TEMPLATES[n % len(_TEMPLATES)]
        lines.append(template.format(name=_NAMES[n % len(_NAMES)], n=n + 1))
    # Four sentences to a paragraph, like a news story.
    return "\n\n".join(" ".join(lines[i : i + 4]) for i in range(0, len(lines), 4)) + "\n"


def setup_django(database: Path) -> None:
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build() -> tuple[Any, int]:
    """One editor and one ingested draft; returns (editor, article id)."""
    from django.contrib.auth.models import Group, User

    from annotations.models import Annotation
    from annotations.services import workflow
    from annotations.services.ingest import ingest_document
    from verify.engine.documents import Document

    editor = User.objects.create_user("bench-editor", password=None)
    editor.groups.add(Group.objects.get(name="editor"))
    document = Document(body=body(SENTENCES), external_id="bench-200", headline="Bench story")
    article = ingest_document(document=document, role="draft").article
    # Annotate every third sentence so the page shows a mix of states and tints.
    for annotation in Annotation.objects.filter(sentence__article=article)[::3]:
        workflow.update_annotation(
            annotation=annotation,
            user=editor,
            version=annotation.version,
            confidence="single_source",
            note="Checked against the wire copy.",
        )
    return editor, article.pk


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="sourcedesk-bench-") as tmp:
        setup_django(Path(tmp) / "bench.sqlite3")
        from django.db import connection, reset_queries
        from django.test import Client

        from annotations.models import Sentence

        editor, article_id = build()
        client = Client()
        client.force_login(editor)
        url = f"/desk/articles/{article_id}/"
        for _ in range(WARMUP):
            assert client.get(url).status_code == 200
        # Log one request's SQL (DEBUG is off, so turn the query log on just for it).
        connection.force_debug_cursor = True
        reset_queries()
        response = client.get(url)
        queries = len(connection.queries_log)
        connection.force_debug_cursor = False
        assert response.status_code == 200
        timings = []
        for _ in range(REQUESTS):
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200
        timings.sort()
        result = {
            "bench": "annotation_page",
            "sentences": Sentence.objects.filter(article_id=article_id).count(),
            "requests": REQUESTS,
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[min(len(timings) - 1, int(0.95 * len(timings)))], 1),
            "queries": queries,
            "html_bytes": len(response.content),
            "target_ms": TARGET_MS,
            "max_queries": MAX_QUERIES,
        }
        connection.close()
    return result


def main() -> int:
    result = run()
    print(f"annotation page, {result['sentences']} sentences, {result['requests']} requests")
    print(f"  median {result['median_ms']:.1f} ms   p95 {result['p95_ms']:.1f} ms")
    print(f"  {result['queries']} SQL queries per request   {result['html_bytes']} bytes of HTML")
    print(json.dumps(result))
    ok = result["median_ms"] < TARGET_MS and result["queries"] <= MAX_QUERIES
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
