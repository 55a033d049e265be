"""``manage.py demo``: a ready instance — migrated, seeded, with users to log in as."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

DEMO_USERS = (
    # username, is_staff, is_superuser
    ("admin", True, True),
    ("editor", True, False),
    ("reviewer", True, False),
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

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write("Database migrated.")
        call_command("ingest", str(options["seeds"]), stdout=self.stdout, stderr=self.stderr)

        user_model = get_user_model()
        credentials = []
        for username, is_staff, is_superuser in DEMO_USERS:
            password = secrets.token_urlsafe(12)
            user, _ = user_model.objects.get_or_create(username=username)
            user.is_staff = is_staff
            user.is_superuser = is_superuser
            user.set_password(password)
            user.save()
            credentials.append((username, password))

        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS("Sourcedesk demo is ready: http://127.0.0.1:8000/admin/")
        )
        self.stdout.write("Log in as (passwords are new on every run):")
        for username, password in credentials:
            self.stdout.write(f"  {username:<9} {password}")
