"""Password hashing (Argon2 via pwdlib) and JWTs (HS256 via python-jose)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import timedelta

from jose import JWTError, jwt
from pwdlib import PasswordHash
from pwdlib.hashers.argon2 import Argon2Hasher

from backend.config import Settings
from backend.db import utcnow

ALGORITHM = "HS256"


class InvalidToken(Exception):
    """The token is missing, malformed, expired or not signed by us."""


@dataclass(frozen=True)
class TokenClaims:
    user_id: int
    token_version: int


class PasswordHasher:
    """Argon2 off the event loop, at most ``password_hash_concurrency`` at once: each hash holds
    a core and ``password_hash_memory_kib`` of memory, so a burst of signups (or of guesses)
    waits its turn here instead of starving every other request of CPU."""

    def __init__(self, settings: Settings) -> None:
        self._hash = PasswordHash(
            (
                Argon2Hasher(
                    time_cost=settings.password_hash_time_cost,
                    memory_cost=settings.password_hash_memory_kib,
                ),
            )
        )
        # Verified against when the email is unknown, so both failures cost the same time.
        self._dummy = self._hash.hash("not-a-real-password")
        self._slots = asyncio.Semaphore(settings.password_hash_concurrency)

    async def hash(self, password: str) -> str:
        async with self._slots:
            return await asyncio.to_thread(self._hash.hash, password)

    async def verify(self, password: str, password_hash: str | None) -> bool:
        async with self._slots:
            if password_hash is None:
                await asyncio.to_thread(self._hash.verify, password, self._dummy)
                return False
            return await asyncio.to_thread(self._hash.verify, password, password_hash)


def parse_bearer(authorization: str) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header, else None. The CSRF check and
    the auth dependency both use this, so they always agree on who is cookie-authenticated."""
    scheme, _, token = authorization.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def create_access_token(settings: Settings, user_id: int, token_version: int) -> str:
    now = utcnow()
    claims = {
        "sub": str(user_id),
        "ver": token_version,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=settings.jwt_expire_minutes)).timestamp()),
    }
    return jwt.encode(claims, settings.jwt_secret, algorithm=ALGORITHM)


def decode_access_token(settings: Settings, token: str) -> TokenClaims:
    try:
        claims = jwt.decode(
            token,
            settings.jwt_secret,
            algorithms=[ALGORITHM],  # never trust the token's own "alg" header
            options={"require_exp": True, "require_sub": True},
        )
        return TokenClaims(user_id=int(claims["sub"]), token_version=int(claims.get("ver", 0)))
    except (JWTError, KeyError, ValueError, TypeError) as exc:
        raise InvalidToken from exc
