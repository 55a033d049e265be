"""``manage.py ingest PATH… [--role draft|reference]``: load article files into the desk."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotations.models import Article
from annotations.services.ingest import ingest_document
from annotations.services.workflow import WorkflowError
from verify.engine.documents import DocumentError, iter_article_files, read_document

ERR_DUPLICATE_ID = "external id '{external_id}' was already ingested from {other} in this run"


class Command(BaseCommand):
    help = (
        "Ingest article files (.txt with an optional header, .html, .json) or folders of them. "
        "Each file is saved whole or not at all; the exit code is 1 if any file failed."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
        parser.add_argument(
            "--role",
            choices=Article.Role.values,
            help="Role of the articles (a file's own Role: header must agree with it).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            files = list(iter_article_files(options["paths"]))
        except FileNotFoundError as exc:
            raise CommandError(str(exc)) from None
        if not files:
            raise CommandError("no .txt, .html or .json files found")

        failed = 0
        seen: dict[str, Path] = {}
        for path in files:
            try:
                document = read_document(path, max_body_bytes=settings.SOURCEDESK_MAX_BODY_BYTES)
                if document.external_id in seen:
                    raise DocumentError(
                        ERR_DUPLICATE_ID.format(
                            external_id=document.external_id, other=seen[document.external_id]
                        )
                    )
                result = ingest_document(document=document, role=options["role"])
            except (DocumentError, OSError) as exc:
                failed += 1
                self.stderr.write(f"error      {path}: {exc}")
                continue
            except WorkflowError as exc:
                # A rule of the desk (a worked-on draft cannot become a reference article).
                failed += 1
                self.stderr.write(f"error      {path}: {exc.message}")
                continue
            seen[document.external_id] = path
            article = result.article
            line = (
                f"{result.action:<10} {path} -> article {article.pk} "
                f"[{article.external_id}] {article.role}, revision {article.revision}, "
                f"{result.sentences} sentences, {result.attributions} attributions"
            )
            style = self.style.SUCCESS if result.action != "unchanged" else str
            self.stdout.write(style(line))

        ok = len(files) - failed
        self.stdout.write(f"{ok} of {len(files)} file(s) ingested, {failed} failed")
        if failed:
            raise SystemExit(1)
