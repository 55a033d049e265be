"""API tokens: issued with an expiry, stored as a digest, revoked with the password.

The plain key exists only in the return value of :func:`issue_token`: the caller shows it
once (the ``drf_create_token`` command, the admin) and it is never stored.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, User
from django.db import transaction
from django.utils import timezone

from annotations.models import ApiToken

PREFIX_LENGTH = 12
KEY_BYTES = 32


def digest_of(key: str) -> str:
    """The stored form of ``key`` (hex SHA-256)."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def issue_token(
    *, user: User, name: str = "", ttl: timedelta | None = None
) -> tuple[ApiToken, str]:
    """A new token for ``user``, valid for ``ttl`` (``API_TOKEN_TTL_DAYS`` by default).

    Returns the row and the plain key; the key is not kept anywhere else.
    """
    ttl = ttl if ttl is not None else timedelta(days=settings.API_TOKEN_TTL_DAYS)
    while True:
        key = secrets.token_urlsafe(KEY_BYTES)
        if not ApiToken.objects.filter(prefix=key[:PREFIX_LENGTH]).exists():
            break
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        prefix=key[:PREFIX_LENGTH],
        digest=digest_of(key),
        expires_at=timezone.now() + ttl,
    )
    return token, key


def authenticate_key(key: str) -> ApiToken | None:
    """The live token whose key is ``key`` (with its user loaded), or None."""
    if len(key) <= PREFIX_LENGTH or len(key) > 200:
        return None
    token = (
        ApiToken.objects.live().select_related("user").filter(prefix=key[:PREFIX_LENGTH]).first()
    )
    if token is None or not hmac.compare_digest(token.digest, digest_of(key)):
        return None
    return token


def revoke_tokens(*, user: User | AbstractBaseUser) -> int:
    """Delete every token of ``user``; returns how many there were."""
    with transaction.atomic():
        deleted, _ = ApiToken.objects.filter(user_id=user.pk).delete()
    return deleted


class RevokeTokensOnPasswordChange:
    """A password "validator" whose only job is Django's ``password_changed`` hook.

    Django calls ``password_changed`` on every configured validator when a user's new
    password is saved (``AbstractBaseUser.save`` after ``set_password``), from every path: the
    admin, ``changepassword``, the password change views. Tokens issued before then stop
    working.
    """

    def validate(self, password: str, user: AbstractBaseUser | None = None) -> None:
        """Accepts every password: the other validators judge them."""

    def password_changed(self, password: str, user: AbstractBaseUser | None = None) -> None:
        if user is not None and user.pk is not None:
            revoke_tokens(user=user)

    def get_help_text(self) -> str:
        return "Changing the password revokes the user's API tokens."
