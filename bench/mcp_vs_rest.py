"""MCP over /api/mcp against the same operation over REST, in one run, plus what verifying a
personal access token costs.

    uv run python -m bench.mcp_vs_rest [--calls 200] [--concurrency 20] [--db sqlite|postgresql]

One uvicorn worker (a subprocess, the offline model, SQLite in a scratch directory unless
``--db postgresql``, which uses $BENCH_DATABASE_URL). One user with a read/write token; both arms
send that token, so both pay the same verification. Per operation (``list_tasks`` = ``GET
/api/tasks?status=pending&sort=due&limit=20``, ``add_task`` = ``POST /api/tasks``): one client
sequentially, then ``--concurrency`` clients at once, each with its own MCP session (or HTTP
connection). Latency is measured at the client: the MCP arm includes the MCP SDK client's own
work (JSON-RPC framing, SSE parsing, result validation), as an outside agent would pay it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import httpx2
import mcp
from mcp.client.streamable_http import streamable_http_client

from bench.scenarios import prepare_database
from bench.server import Server
from bench.stats import ratio, summary

PASSWORD = "correct horse battery"  # noqa: S105  (a scratch account)
LIST_ARGS = {"status": "pending", "limit": 20}
LIST_QUERY = "status=pending&sort=due&limit=20"
SEED_TASKS = 50

Call = Callable[[], Awaitable[None]]


async def _rest_client(base: str, secret: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(base_url=base, headers={"Authorization": f"Bearer {secret}"})


def _rest_calls(c: httpx.AsyncClient) -> dict[str, Call]:
    async def list_tasks() -> None:
        r = await c.get(f"/api/tasks?{LIST_QUERY}")
        assert r.status_code == 200, r.text

    async def add_task() -> None:
        r = await c.post("/api/tasks", json={"title": "bench task", "priority": "low"})
        assert r.status_code == 201, r.text

    return {"list_tasks": list_tasks, "add_task": add_task}


def _mcp_calls(c: mcp.Client) -> dict[str, Call]:
    async def list_tasks() -> None:
        r = await c.call_tool("list_tasks", LIST_ARGS)
        assert not r.is_error, r.content

    async def add_task() -> None:
        r = await c.call_tool("add_task", {"title": "bench task", "priority": "low"})
        assert not r.is_error, r.content

    return {"list_tasks": list_tasks, "add_task": add_task}


async def _timed(call: Call, n: int, out: list[float]) -> None:
    for _ in range(n):
        started = time.perf_counter()
        await call()
        out.append(time.perf_counter() - started)


async def _run_arm(
    clients: list[dict[str, Call]], op: str, calls_per_client: int
) -> dict[str, Any]:
    samples: list[float] = []
    started = time.perf_counter()
    await asyncio.gather(*(_timed(c[op], calls_per_client, samples) for c in clients))
    wall = time.perf_counter() - started
    return {**summary(samples), "calls_per_s": round(len(samples) / wall, 1)}


class McpSessions:
    """``n`` MCP SDK clients, each with its own session, held open for the whole run."""

    def __init__(self, url: str, secret: str, n: int) -> None:
        self.url, self.secret, self.n = url, secret, n
        self.clients: list[mcp.Client] = []
        self._stack: Any = None

    async def __aenter__(self) -> list[mcp.Client]:
        from contextlib import AsyncExitStack

        self._stack = AsyncExitStack()
        for _ in range(self.n):
            http = httpx2.AsyncClient(
                headers={"Authorization": f"Bearer {self.secret}"}, timeout=60
            )
            await self._stack.enter_async_context(http)
            client = mcp.Client(streamable_http_client(self.url, http_client=http))
            self.clients.append(await self._stack.enter_async_context(client))
        return self.clients

    async def __aexit__(self, *exc: object) -> None:
        await self._stack.aclose()


async def verification_cost(database_url: str, secret: str, n: int) -> dict[str, Any]:
    """Verifying a personal token (hash + one indexed lookup joined to the user) against
    verifying a session JWT (signature + loading the user), in process, on the same database."""
    from backend.auth.models import User
    from backend.auth.security import create_access_token, decode_access_token
    from backend.auth.tokens import verify_secret
    from backend.config import Settings
    from backend.db import create_engine, create_sessionmaker

    engine = create_engine(database_url)
    sessionmaker = create_sessionmaker(engine)
    settings = Settings(jwt_secret="bench-" + "x" * 40, database_url=database_url)
    jwt = create_access_token(settings, 1, 0)

    async def token() -> None:
        async with sessionmaker() as session:
            assert await verify_secret(session, secret) is not None

    async def session_jwt() -> None:
        claims = decode_access_token(settings, jwt)
        async with sessionmaker() as session:
            assert await session.get(User, claims.user_id) is not None
            await session.commit()

    calls = {"personal_token": token, "session_jwt": session_jwt}
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for call in calls.values():
        await _timed(call, 20, [])  # warm-up
    for _ in range(n):  # interleaved, so both see the same machine load
        for name, call in calls.items():
            await _timed(call, 1, samples[name])
    out: dict[str, Any] = {name: summary(values) for name, values in samples.items()}
    out["token_vs_jwt_p50"] = ratio(out["personal_token"]["p50"], out["session_jwt"]["p50"])
    await engine.dispose()
    return out


async def run(args: argparse.Namespace) -> dict[str, Any]:
    scratch = Path(tempfile.mkdtemp(prefix="bench-mcp-"))
    if args.db == "postgresql":
        url = os.environ["BENCH_DATABASE_URL"]
    else:
        url = f"sqlite+aiosqlite:///{scratch / 'bench.db'}"
    await prepare_database(args.db, url)
    os.environ["MCP_RATE_LIMIT"] = "1000000/minute"  # the bench is one token, on purpose
    server = Server("mcp", url, scratch)
    await server.start()
    try:
        # What the settings page sends (a cookie session from an allowed origin).
        async with httpx.AsyncClient(
            base_url=server.base, headers={"Origin": "http://localhost:3000"}
        ) as browser:
            r = await browser.post(
                "/api/auth/signup", json={"email": "bench@example.com", "password": PASSWORD}
            )
            assert r.status_code == 201, r.text
            r = await browser.post(
                "/api/tokens", json={"name": "bench", "scopes": ["tasks:read", "tasks:write"]}
            )
            secret = r.json()["token"]
            for i in range(SEED_TASKS):
                await browser.post("/api/tasks", json={"title": f"seed {i}", "due_date": None})
        results: dict[str, Any] = {"calls": args.calls, "concurrency": args.concurrency}
        mcp_url = f"{server.base}/api/mcp"
        rests = [await _rest_client(server.base, secret) for _ in range(args.concurrency)]
        try:
            async with McpSessions(mcp_url, secret, args.concurrency) as sessions:
                rest_calls = [_rest_calls(c) for c in rests]
                mcp_calls = [_mcp_calls(c) for c in sessions]
                for arm in (rest_calls[:1], mcp_calls[:1]):  # warm both paths
                    await _run_arm(arm, "list_tasks", 20)
                for op in ("list_tasks", "add_task"):
                    per_client = max(1, args.calls // args.concurrency)
                    rows = {
                        "rest_1": await _run_arm(rest_calls[:1], op, args.calls),
                        "mcp_1": await _run_arm(mcp_calls[:1], op, args.calls),
                        f"rest_{args.concurrency}": await _run_arm(rest_calls, op, per_client),
                        f"mcp_{args.concurrency}": await _run_arm(mcp_calls, op, per_client),
                    }
                    for clients in ("1", str(args.concurrency)):
                        mcp_row, rest_row = rows[f"mcp_{clients}"], rows[f"rest_{clients}"]
                        rows[f"ratio_{clients}"] = {
                            q: ratio(mcp_row[q], rest_row[q]) for q in ("p50", "p99")
                        }
                    results[op] = rows
        finally:
            for c in rests:
                await c.aclose()
        results["verification"] = await verification_cost(url, secret, args.calls)
        return results
    finally:
        await server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    results = asyncio.run(run(args))
    text = json.dumps(results, indent=2)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")


if __name__ == "__main__":
    main()
