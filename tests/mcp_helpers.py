"""Personal access tokens in tests; a real uvicorn server for the app, and the MCP SDK's own
Streamable HTTP client for it."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import httpx2
import mcp
import uvicorn
from fastapi import FastAPI
from mcp.client.streamable_http import streamable_http_client
from sqlalchemy import update
from sqlmodel import col

from backend.auth.tokens import PersonalAccessToken

READ = ["tasks:read"]
READ_WRITE = ["tasks:read", "tasks:write"]


@asynccontextmanager
async def serve(app: FastAPI) -> AsyncIterator[str]:
    """``app`` (its lifespan already running) on a free port; yields the /api/mcp URL."""
    # Listening before uvicorn starts: early connections wait in the backlog, no polling.
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    config = uvicorn.Config(
        app, log_level="warning", lifespan="off", access_log=False, timeout_graceful_shutdown=2
    )
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/api/mcp"
    finally:
        server.should_exit = True
        await task


async def new_token(c: httpx.AsyncClient, scopes: list[str] = READ_WRITE, **extra: Any) -> dict:
    r = await c.post("/api/tokens", json={"name": "agent", "scopes": scopes, **extra})
    assert r.status_code == 201, r.text
    token: dict = r.json()
    return token


async def set_token(app: FastAPI, token_id: int, **values: Any) -> None:
    """Moves a token's timestamps (expires_at, last_used_at) straight in the database."""
    async with app.state.sessionmaker() as session:
        await session.exec(
            update(PersonalAccessToken)
            .where(col(PersonalAccessToken.id) == token_id)
            .values(**values)
        )
        await session.commit()


@asynccontextmanager
async def mcp_client(
    url: str, secret: str, statuses: list[int] | None = None, **client_options: Any
) -> AsyncIterator[mcp.Client]:
    """The SDK's client; ``statuses`` collects the HTTP status of every response."""

    async def record(response: httpx2.Response) -> None:
        if statuses is not None:
            statuses.append(response.status_code)

    http = httpx2.AsyncClient(
        headers={"Authorization": f"Bearer {secret}"},
        timeout=30,
        event_hooks={"response": [record]},
    )
    async with (
        http,
        mcp.Client(streamable_http_client(url, http_client=http), **client_options) as c,
    ):
        yield c


def structured(result: Any) -> dict:
    assert not result.is_error, result.content
    data: dict = result.structured_content
    return data


def error_text(result: Any) -> str:
    assert result.is_error, result.structured_content
    return " ".join(getattr(block, "text", "") for block in result.content)


INITIALIZE = {
    "jsonrpc": "2.0",
    "id": 1,
    "method": "initialize",
    "params": {
        "protocolVersion": "2025-06-18",
        "capabilities": {},
        "clientInfo": {"name": "raw", "version": "1"},
    },
}
MCP_HEADERS = {"Accept": "application/json, text/event-stream", "Content-Type": "application/json"}
