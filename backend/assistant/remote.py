"""``/api/mcp``: the assistant's own MCP server, served to outside agents over Streamable HTTP.

The same server object the in-process assistant uses, so every tool rule holds here too. The
MCP SDK does the protocol work: it checks each request's Bearer token with our
``TokenVerifier`` (401 + ``WWW-Authenticate`` pointing at the RFC 9728 metadata, which it
serves), validates Host and Origin against DNS rebinding, and caps the body size. The verified
token carries the ``Caller`` the tools act for (``tools.current_caller`` reads it from there, and
ignores any ``_meta`` the client sends). Each token is rate limited here.

The routes exist from the start; the HTTP app behind them is built in the app's lifespan, beside
the server (the tools need the database), and lives as long as it.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse
from mcp.server.auth.middleware.bearer_auth import AuthenticatedUser
from mcp.server.auth.provider import AccessToken
from mcp.server.auth.settings import AuthSettings
from mcp.server.mcpserver import MCPServer
from mcp.server.transport_security import TransportSecuritySettings
from pydantic import AnyHttpUrl
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from backend.assistant.tools import CALLER_CLAIM, Caller
from backend.auth.tokens import TASKS_READ, TASKS_WRITE, verify_secret
from backend.config import Settings
from backend.ratelimit import RateLimiter

MCP_PATH = "/api/mcp"
# Tool arguments are a few hundred bytes; nothing legitimate comes near this.
MAX_MCP_BODY_BYTES = 64 * 1024
METADATA_PATH = "/.well-known/oauth-protected-resource" + MCP_PATH
LOCAL_HOSTS = ["localhost:*", "127.0.0.1:*", "[::1]:*"]


def resource_url(settings: Settings) -> str:
    return settings.public_url.rstrip("/") + MCP_PATH


class AccessTokenVerifier:
    """The SDK's ``TokenVerifier``: a personal access token → the ``Caller`` it acts for."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], resource: str) -> None:
        self._sessionmaker = sessionmaker
        self._resource = resource

    async def verify_token(self, token: str) -> AccessToken | None:
        async with self._sessionmaker() as session:
            verified = await verify_secret(session, token)
        if verified is None:
            return None
        caller = Caller(
            user_id=verified.user_id,
            timezone=verified.timezone or "UTC",
            source="mcp",
            token_id=verified.token_id,
            can_write=verified.allows(TASKS_WRITE),
        )
        return AccessToken(
            token=token,
            client_id=f"pat-{verified.token_id}",
            scopes=sorted(verified.scopes),
            expires_at=int(verified.expires_at.timestamp()) if verified.expires_at else None,
            resource=self._resource,
            subject=str(verified.user_id),
            claims={CALLER_CLAIM: caller.model_dump()},
        )


def auth_settings(settings: Settings) -> AuthSettings:
    return AuthSettings(
        # These tokens are issued by this app itself (the settings page), not by OAuth.
        issuer_url=AnyHttpUrl(settings.public_url),
        resource_server_url=AnyHttpUrl(resource_url(settings)),
        required_scopes=[TASKS_READ],
        validate_token_resource=True,
        service_documentation_url=None,
    )


def transport_security(settings: Settings) -> TransportSecuritySettings:
    """DNS-rebinding protection: only our own names as Host, only our own pages as Origin
    (agents outside a browser send no Origin at all)."""
    origins = {settings.public_url.rstrip("/"), *settings.allowed_origins}
    hosts = {origin.split("://", 1)[-1] for origin in origins} | set(settings.mcp_allowed_hosts)
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=sorted(hosts) + LOCAL_HOSTS,
        allowed_origins=sorted(origins) + [f"http://{host}" for host in LOCAL_HOSTS],
    )


class PerTokenRateLimit:
    """Counts every request of a verified token (inside the SDK's auth middleware)."""

    def __init__(self, app: ASGIApp, limiter: RateLimiter) -> None:
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        user = scope.get("user")
        if isinstance(user, AuthenticatedUser):
            try:
                await self.limiter.check_mcp_request(user.access_token.client_id)
            except HTTPException as exc:
                response = JSONResponse(
                    {"detail": exc.detail}, exc.status_code, headers=exc.headers
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def build_http_app(server: MCPServer, settings: Settings, limiter: RateLimiter) -> Starlette:
    """The SDK's Streamable HTTP app for ``server`` (created with ``server_options``), plus the
    per-token rate limit. Run ``server.session_manager.run()`` while it serves."""
    http_app = server.streamable_http_app(
        streamable_http_path=MCP_PATH,
        max_request_body_size=MAX_MCP_BODY_BYTES,
        transport_security=transport_security(settings),
    )
    # Innermost, after the SDK's authentication has put the verified token in the scope.
    http_app.user_middleware.append(Middleware(PerTokenRateLimit, limiter=limiter))
    return http_app


def server_options(
    settings: Settings, sessionmaker: async_sessionmaker[AsyncSession]
) -> dict[str, Any]:
    """What the todo MCP server needs to also serve HTTP: the verifier and auth settings."""
    return {
        "token_verifier": AccessTokenVerifier(sessionmaker, resource_url(settings)),
        "auth": auth_settings(settings),
    }


@asynccontextmanager
async def serving(server: MCPServer) -> AsyncIterator[None]:
    """Run the server's HTTP session manager while the app runs. Its task group lives in a
    task of its own, so the app's lifespan may start and end on different tasks."""
    stop = asyncio.Event()
    started: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    async def hold() -> None:
        try:
            async with server.session_manager.run():
                started.set_result(None)
                await stop.wait()
        except BaseException as exc:
            if not started.done():
                started.set_exception(exc)
            raise

    task = asyncio.create_task(hold(), name="mcp-http-sessions")
    await started
    try:
        yield
    finally:
        stop.set()
        await task


class _LifespanApp:
    """Forwards to the HTTP app the lifespan built (``app.state.mcp_http_app``)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        http_app: Starlette | None = getattr(scope["app"].state, "mcp_http_app", None)
        if http_app is None:
            await JSONResponse({"detail": "Not ready yet"}, 503)(scope, receive, send)
            return
        await http_app(scope, receive, send)


def mount(app: FastAPI) -> None:
    """Route ``/api/mcp`` and its RFC 9728 metadata document (the SDK answers methods)."""
    endpoint = _LifespanApp()
    app.router.routes.append(Route(MCP_PATH, endpoint))
    app.router.routes.append(Route(METADATA_PATH, endpoint))
