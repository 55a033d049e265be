"""``Authorization: Token <key>`` against the desk's hashed, expiring tokens."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from rest_framework import authentication, exceptions

from annotations.models import ApiToken
from annotations.services.tokens import authenticate_key

ERR_INVALID_TOKEN = "Invalid token, expired token, or inactive user."  # noqa: S105 (a message)


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's token scheme (same header, challenge and errors) over :class:`ApiToken`.

    Only the lookup changes: the key's digest is compared with the stored one, and a wrong,
    expired or revoked key, or one of an inactive user, is a 401. One query per request: the
    token row joined to its user.
    """

    def authenticate_credentials(self, key: str) -> tuple[AbstractBaseUser, ApiToken]:
        token = authenticate_key(key)
        if token is None:
            raise exceptions.AuthenticationFailed(ERR_INVALID_TOKEN)
        return token.user, token
