"""``manage.py crosscheck [ARTICLE…|--all]``: run the cross-check jobs, with a progress bar."""

from __future__ import annotations

import sys
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from annotations.models import Article, CrosscheckJob, JobStatus
from annotations.selectors import find_articles
from annotations.services.crosschecks import queue_crosscheck
from verify import jobs

POLL_SECONDS = 0.5


class Command(BaseCommand):
    help = (
        "Cross-check the claims of articles (ids or external ids) against every other article, "
        "through Celery when a broker is configured, in-process otherwise. A reference "
        "article re-checks the draft claims it plausibly matches."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("articles", nargs="*", metavar="ARTICLE")
        parser.add_argument("--all", action="store_true", help="Every draft article.")
        parser.add_argument(
            "--timeout", type=float, default=3600, help="Seconds to wait for the workers."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["all"] == bool(options["articles"]):
            raise CommandError("Name articles by id or external id, or give --all (not both).")
        if options["all"]:
            articles = list(Article.objects.drafts().order_by("pk"))
        else:
            articles, missing = find_articles(options["articles"])
            if missing:
                raise CommandError(f"No article with id or external id: {', '.join(missing)}")
        if not articles:
            self.stdout.write("No draft articles to cross-check.")
            return

        eager = settings.CELERY_TASK_ALWAYS_EAGER
        self.stdout.write(
            "Running in this process (no broker configured)."
            if eager
            else f"Sending jobs to the Celery workers at {settings.CELERY_BROKER_URL}."
        )
        failed = 0
        for article in articles:
            label = f"[{article.external_id}] {article.headline[:50]}"
            if eager:
                job = self._run_here(article, label)
            else:
                job = self._run_on_workers(article, label, options["timeout"])
            failed += job.status != JobStatus.DONE
        if failed:
            raise CommandError(f"{failed} job(s) did not finish.")

    def _run_here(self, article: Article, label: str) -> CrosscheckJob:
        job = queue_crosscheck(article=article, trigger="manage.py crosscheck", send=False)
        jobs.run_job(job.pk, progress=lambda j: self._bar(label, j))
        job.refresh_from_db()
        self._bar(label, job, final=True)
        return job

    def _run_on_workers(self, article: Article, label: str, timeout: float) -> CrosscheckJob:
        with transaction.atomic():
            job = queue_crosscheck(article=article, trigger="manage.py crosscheck")
        deadline = time.monotonic() + timeout
        while True:
            job.refresh_from_db()
            self._bar(label, job)
            if job.status in (JobStatus.DONE, JobStatus.FAILED) or time.monotonic() > deadline:
                break
            time.sleep(POLL_SECONDS)
        self._bar(label, job, final=True)
        return job

    def _bar(self, label: str, job: CrosscheckJob, *, final: bool = False) -> None:
        width = 30
        filled = round(width * job.progress_percent / 100)
        line = (
            f"{label:<64} [{'#' * filled}{'.' * (width - filled)}] "
            f"{job.progress_done}/{job.progress_total} {job.get_status_display().lower()}"
        )
        if final:
            if job.status == JobStatus.FAILED:
                line += f": {job.error}"
            self.stdout.write(("\r" if sys.stdout.isatty() else "") + line)
        elif sys.stdout.isatty():
            self.stdout.write("\r" + line, ending="")
            self.stdout.flush()
