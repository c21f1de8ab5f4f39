"""Rate limits: chat turns per user, login attempts per account and per client address, sign-ups
per client address.

Counted with the ``limits`` library (moving windows): in this process's memory by default, in
Redis when ``REDIS_URL`` is set, so that every instance behind a load balancer shares one count.
A limit that is used up answers 429 with ``Retry-After`` (whole seconds until a slot frees).

If Redis stops answering, counting falls back to this process's memory (and says so in the log)
rather than failing every login and chat turn: the limits then hold per instance until Redis
is back.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import time

from fastapi import HTTPException, Request, status
from limits import RateLimitItem, parse_many
from limits.aio.storage import MemoryStorage, RedisStorage
from limits.aio.strategies import MovingWindowRateLimiter
from limits.errors import StorageError

from backend.config import Settings

log = logging.getLogger(__name__)

REDIS_TIMEOUT_SECONDS = 0.5  # a slow Redis must not hold up logins and chat turns

TOO_MANY_CHAT_TURNS = "You are sending messages too quickly. Please wait a moment and try again."
TOO_MANY_LOGINS = "Too many login attempts. Please wait a moment and try again."
TOO_MANY_MCP_REQUESTS = "Too many requests with this access token. Please wait a moment."
TOO_MANY_SIGNUPS = "Too many sign-ups from your address. Try again later."


class RateLimiter:
    """One per app (``app.state.rate_limiter``)."""

    def __init__(self, settings: Settings) -> None:
        self.chat_turn = parse_many(settings.chat_rate_limit)
        self.login_per_account = parse_many(settings.login_rate_limit_per_account)
        self.login_per_ip = parse_many(settings.login_rate_limit_per_ip)
        self.mcp_request = parse_many(settings.mcp_rate_limit)
        self.signup_per_ip = parse_many(settings.signup_rate_limit_per_ip)
        self.prefix = settings.rate_limit_key_prefix
        self._memory = MovingWindowRateLimiter(MemoryStorage())
        self._shared: MovingWindowRateLimiter | None = None
        if settings.redis_url:
            storage = RedisStorage(
                "async+" + settings.redis_url,
                key_prefix=f"{self.prefix}-ratelimit",
                wrap_exceptions=True,
                connect_timeout=REDIS_TIMEOUT_SECONDS,
                stream_timeout=REDIS_TIMEOUT_SECONDS,
            )
            self._shared = MovingWindowRateLimiter(storage)
        self._warned = False

    @property
    def shared(self) -> bool:
        return self._shared is not None

    async def check_chat_turn(self, user_id: int) -> None:
        """Counts one assistant turn (a streaming ChatKit request) for this user."""
        await self._hit(self.chat_turn, ("chat", str(user_id)), TOO_MANY_CHAT_TURNS)

    async def check_mcp_request(self, token_key: str) -> None:
        """Counts one request to /api/mcp made with this personal access token."""
        await self._hit(self.mcp_request, ("mcp", token_key), TOO_MANY_MCP_REQUESTS)

    async def check_login(self, email: str, address: str) -> None:
        """Counts one login attempt, right or wrong, before the password is checked (so a
        burst of parallel guesses cannot slip past the count)."""
        await self._hit(self.login_per_ip, ("login-ip", address), TOO_MANY_LOGINS)
        # Hashed: no email addresses in Redis keys, and keys of bounded length.
        account = hashlib.sha256(email.encode("utf-8", "replace")).hexdigest()
        await self._hit(self.login_per_account, ("login-account", account), TOO_MANY_LOGINS)

    async def check_signup(self, address: str) -> None:
        """Counts one sign-up, before anything is hashed or stored: each costs an Argon2 hash,
        and each new account brings a fresh chat allowance."""
        await self._hit(self.signup_per_ip, ("signup-ip", address), TOO_MANY_SIGNUPS)

    async def _hit(self, items: list[RateLimitItem], key: tuple[str, ...], detail: str) -> None:
        for item in items:
            if not await self._hit_one(item, key):
                raise HTTPException(
                    status.HTTP_429_TOO_MANY_REQUESTS,
                    detail,
                    headers={"Retry-After": str(await self._retry_after(item, key))},
                )

    async def _hit_one(self, item: RateLimitItem, key: tuple[str, ...]) -> bool:
        if self._shared is not None:
            try:
                async with asyncio.timeout(REDIS_TIMEOUT_SECONDS * 2):
                    allowed = await self._shared.hit(item, *key)
                self._warned = False
                return allowed
            except (StorageError, TimeoutError) as exc:
                if not self._warned:  # once per outage, not once per request
                    log.warning("rate limits: Redis unavailable (%s), counting in memory", exc)
                    self._warned = True
        return await self._memory.hit(item, *key)

    async def _retry_after(self, item: RateLimitItem, key: tuple[str, ...]) -> int:
        try:
            limiter = self._shared if self._shared is not None and not self._warned else None
            async with asyncio.timeout(REDIS_TIMEOUT_SECONDS * 2):
                stats = await (limiter or self._memory).get_window_stats(item, *key)
            seconds = stats.reset_time - time.time()
        except (StorageError, TimeoutError):
            seconds = item.get_expiry()
        return max(1, math.ceil(seconds))


def client_address(request: Request) -> str:
    """The caller's address: the connection's, or the one a trusted proxy forwarded
    (``FORWARDED_ALLOW_IPS``, applied by the app itself; see backend/main.py)."""
    return request.client.host if request.client else "unknown"
