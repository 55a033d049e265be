"""``manage.py analyze PATH… --format json|table``: segment and suggest, without saving."""

from __future__ import annotations

import json
import shutil
import textwrap
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from verify.engine.analysis import AnalyzedSentence, analyze
from verify.engine.documents import Document, DocumentError, iter_article_files, read_document


class Command(BaseCommand):
    help = (
        "Split article files into sentences and suggest who stands behind each one, without "
        "saving anything. JSON: one object per file per line (JSON Lines)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument("--format", choices=["json", "table"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            files = list(iter_article_files(options["paths"]))
        except FileNotFoundError as exc:
            raise CommandError(str(exc)) from None
        failed = 0
        for path in files:
            try:
                document = read_document(path, max_body_bytes=settings.SOURCEDESK_MAX_BODY_BYTES)
                analyzed = analyze(
                    document.body,
                    max_sentences=settings.SOURCEDESK_MAX_SENTENCES,
                    outlet=document.outlet,
                )
            except (DocumentError, OSError) as exc:
                failed += 1
                self.stderr.write(f"error      {path}: {exc}")
                continue
            if options["format"] == "json":
                self.stdout.write(json_line(path, document, analyzed))
            else:
                self.stdout.write(table(path, document, analyzed))
        if failed:
            raise SystemExit(1)


def json_line(path: Path, document: Document, analyzed: list[AnalyzedSentence]) -> str:
    record: dict[str, Any] = {"path": str(path), **document.fields()}
    record["sentences"] = [item.as_json() for item in analyzed]
    return json.dumps(record, ensure_ascii=False)


KIND_SHORT = {
    "outlet": "outlet",
    "official": "official",
    "person": "person",
    "organisation": "org",
    "anonymous": "anon",
    "document": "doc",
    "own_reporting": "own",
}


def table(path: Path, document: Document, analyzed: list[AnalyzedSentence]) -> str:
    """One row per sentence: number, kind, the sentence wrapped, and its sources beside it."""
    width = max(80, min(shutil.get_terminal_size((100, 24)).columns, 160))
    source_width = 30
    text_width = width - source_width - 13
    lines = [
        f"{path}  [{document.external_id}]",
        f"{document.headline[: width - 2]}",
        f"{'#':>3}  {'kind':<4}  {'sentence':<{text_width}}  sources",
        "-" * width,
    ]
    for item in analyzed:
        s = item.sentence
        kind = "claim" if s.kind == "claim" else "boil"
        wrapped = textwrap.wrap(s.text, text_width) or [""]
        sources: list[str] = []
        for a in item.attributions:
            label = f" ({KIND_SHORT.get(a.source_kind, a.source_kind)})"
            sources.append(_fit(a.source, source_width - len(label)) + label)
            if a.via:
                sources.append(_fit(f"  via {a.via}", source_width))
        for row in range(max(len(wrapped), len(sources))):
            number = f"{s.index:>3}  {kind:<5}" if row == 0 else " " * 10
            text = wrapped[row] if row < len(wrapped) else ""
            source = sources[row] if row < len(sources) else ("—" if row == 0 else "")
            lines.append(f"{number} {text:<{text_width}}  {source}".rstrip())
    claims = sum(1 for item in analyzed if item.sentence.kind == "claim")
    attributed = sum(1 for item in analyzed if item.attributions)
    lines.append("-" * width)
    lines.append(
        f"{len(analyzed)} sentences: {claims} claims, "
        f"{len(analyzed) - claims} boilerplate, {attributed} attributed"
    )
    return "\n".join(lines) + "\n"


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
