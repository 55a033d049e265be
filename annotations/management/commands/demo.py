"""``manage.py demo``: a ready instance — migrated, seeded, with users to log in as."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from annotations.models import Article
from annotations.roles import ADMINISTRATOR, EDITOR, REVIEWER

DEMO_USERS = (
    # username, role (group), is_superuser
    ("editor", EDITOR, False),
    ("reviewer", REVIEWER, False),
    ("admin", ADMINISTRATOR, True),
)


class Command(BaseCommand):
    help = (
        "Prepare a demo instance: migrate, create the admin, editor and reviewer users (with "
        "fresh passwords, printed), and ingest the seed articles."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--seeds", type=Path, default=Path(settings.BASE_DIR) / "seeds", help="Seed folder."
        )
        parser.add_argument(
            "--serve",
            metavar="HOST:PORT",
            help="Then serve the site there (with a Celery worker when a broker is configured).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["serve"] and not os.environ.get("SOURCEDESK_BASE_URL"):
            # Links in the banner, the webhooks and the exports name the address served
            # (the worker started below inherits it).
            host, _, port = options["serve"].rpartition(":")
            if host in ("", "0.0.0.0"):  # noqa: S104 (a wildcard bind is reached on the loopback)
                host = "127.0.0.1"
            site = f"http://{host}:{port}"
            os.environ["SOURCEDESK_BASE_URL"] = settings.SOURCEDESK_BASE_URL = site
        site = str(settings.SOURCEDESK_BASE_URL).rstrip("/")
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database migrated.")
        worker = None
        if settings.CELERY_TASK_ALWAYS_EAGER:
            self.stdout.write("Jobs: no broker configured, so cross-checks run in-process.")
        else:
            self.stdout.write(f"Jobs: Celery worker and beat on {settings.CELERY_BROKER_URL}.")
            if options["serve"]:
                worker = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
                    [
                        sys.executable,
                        "-m",
                        "celery",
                        "-A",
                        "config",
                        "worker",
                        "--beat",
                        "--loglevel=WARNING",
                        f"--schedule={settings.BASE_DIR / 'var' / 'beat'}",
                    ],
                    cwd=settings.BASE_DIR,
                )
        call_command("ingest", str(options["seeds"]), stdout=self.stdout, stderr=self.stderr)

        user_model = get_user_model()
        credentials = []
        for username, role, is_superuser in DEMO_USERS:
            password = secrets.token_urlsafe(12)
            user, _ = user_model.objects.get_or_create(username=username)
            user.is_staff = True
            user.is_superuser = is_superuser
            user.set_password(password)
            user.save()
            user.groups.set([Group.objects.get(name=role)])
            credentials.append((username, role, password))

        draft = Article.objects.drafts().order_by("created_at").first()
        start = f"{site}/desk/articles/{draft.pk}/" if draft else f"{site}/desk/"
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Sourcedesk demo is ready: {start}"))
        self.stdout.write(f"Admin: {site}/admin/   Review queue: {site}/desk/review/")
        self.stdout.write("Log in as (passwords are new on every run of make demo):")
        for username, role, password in credentials:
            self.stdout.write(f"  {username:<9} {password}   ({role})")

        if options["serve"]:
            try:
                call_command("runserver", options["serve"], use_reloader=False)
            finally:
                if worker is not None:
                    worker.terminate()
                    worker.wait(timeout=30)
