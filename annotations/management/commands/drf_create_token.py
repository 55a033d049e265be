"""``drf_create_token USERNAME``: print a new API token for a user (shown once, stored hashed).

Same name and output as Django REST framework's command, which this project replaces: its
tokens are stored in plain text and never expire.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from annotations.services.tokens import issue_token, revoke_tokens

ERR_NO_USER = "User {username!r} does not exist."
ERR_DAYS = "--days must be between 1 and 3650."


class Command(BaseCommand):
    help = "Print a new API token for USERNAME (stored hashed; shown only now)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument(
            "-r",
            "--reset",
            action="store_true",
            help="Revoke the user's other tokens first.",
        )
        parser.add_argument("--days", type=int, help="Days until it expires (default: setting).")
        parser.add_argument("--name", default="", help="What the token is for.")

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"]
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(ERR_NO_USER.format(username=username))
        days = options["days"]
        if days is not None and not 1 <= days <= 3650:
            raise CommandError(ERR_DAYS)
        if options["reset"]:
            revoke_tokens(user=user)
        token, key = issue_token(
            user=user,
            name=options["name"] or "drf_create_token",
            ttl=timedelta(days=days) if days is not None else None,
        )
        self.stdout.write(
            f"Generated token {key} for user {username} "
            f"(expires {token.expires_at:%Y-%m-%d %H:%M} UTC)"
        )
