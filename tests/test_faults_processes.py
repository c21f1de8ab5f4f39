"""Real backend processes (uvicorn, tests/fault_server.py) on the test PostgreSQL database:

- one is killed with SIGKILL in the middle of a reply and started again: the thread is
  consistent (the user's message kept, no half-written item) and retry works;
- two serve one conversation turn by turn: nothing lost or duplicated, and the rate limits they
  keep in the shared Redis hold across both.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from chatkit.types import ThreadItem
from fastapi import FastAPI
from pydantic import TypeAdapter
from sqlalchemy import text

from tests.chat_helpers import CHATKIT, reply_text, sse_events, user_input
from tests.conftest import ALLOWED_ORIGIN, PASSWORD, ROOT, is_postgres, make_settings
from tests.fault_models import HANG, PARTIAL
from tests.test_security_ratelimit import REDIS_URL, redis_answers

pytestmark = [pytest.mark.asyncio, pytest.mark.faults]

CHAT_LIMIT = 6  # per user per minute, counted across both processes
STARTUP_SECONDS = 120  # a cold start imports a lot; the socket is listening meanwhile


class Backend:
    """One backend process serving a socket that this test owns (same port across restarts)."""

    def __init__(self, name: str, env: dict[str, str], data_dir: Path) -> None:
        self.name = name
        self.env = {**env, "DATA_DIR": str(data_dir)}
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self, **env: str) -> None:
        fd = self.sock.fileno()
        self.proc = subprocess.Popen(  # noqa: S603 (our own interpreter and module)
            [sys.executable, "-m", "tests.fault_server", str(fd)],
            pass_fds=[fd],
            env={**self.env, **env},
            cwd=ROOT,
        )

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.kill()
        self.sock.close()

    def client(self, token: str) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=self.url,
            headers={"Authorization": f"Bearer {token}", "Origin": ALLOWED_ORIGIN},
            timeout=STARTUP_SECONDS,
        )


@pytest.fixture(scope="module")
async def backends(
    database_url: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[dict[str, Backend]]:
    if not is_postgres(database_url):
        pytest.skip("several processes on one database: PostgreSQL")
    settings = make_settings(database_url)
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("TEST_", "PYTEST"))},
        "APP_ENV": "test",
        "DATABASE_URL": database_url,
        "JWT_SECRET": settings.jwt_secret,
        "PASSWORD_HASH_TIME_COST": "1",
        "PASSWORD_HASH_MEMORY_KIB": "1024",
        "LOG_LEVEL": "WARNING",
        "ASSISTANT_MODEL": "offline",
        "OPENAI_API_KEY": "",
        "CHAT_RATE_LIMIT": f"{CHAT_LIMIT}/minute",
        "LOGIN_RATE_LIMIT_PER_ACCOUNT": "3/minute",
        "LOGIN_RATE_LIMIT_PER_IP": "1000/minute",
        "REDIS_URL": REDIS_URL if redis_answers() else "",
        "RATE_LIMIT_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
    }
    data = tmp_path_factory.mktemp("backends")
    procs = {name: Backend(name, env, data) for name in ("a", "b")}
    procs["a"].start(FAULT_HANG="1")
    procs["b"].start()
    try:
        yield procs
    finally:
        for p in procs.values():
            p.stop()


async def login(backend: Backend, email: str) -> str:
    async with httpx.AsyncClient(base_url=backend.url, timeout=STARTUP_SECONDS) as c:
        creds = {"email": email, "password": PASSWORD}
        await c.post("/api/auth/signup", json=creds)
        c.cookies.clear()  # a script: Bearer only, no cookie (cookie writes need an Origin)
        r = await c.post("/api/auth/login", json=creds)
        assert r.status_code == 200, r.text
        return str(r.json()["access_token"])


async def turn(c: httpx.AsyncClient, body: dict[str, Any]) -> httpx.Response:
    return await c.post(CHATKIT, json=body)


def add(thread_id: str, words: str) -> dict[str, Any]:
    return {
        "type": "threads.add_user_message",
        "params": {"thread_id": thread_id, "input": user_input(words)},
    }


async def thread_items(c: httpx.AsyncClient, thread_id: str) -> list[dict[str, Any]]:
    r = await c.post(
        CHATKIT,
        json={
            "type": "items.list",
            "params": {"thread_id": thread_id, "limit": 100, "order": "asc"},
        },
    )
    assert r.status_code == 200, r.text
    return list(r.json()["data"])


async def test_sigkill_mid_reply_then_restart(backends: dict[str, Backend], app: FastAPI):
    a = backends["a"]
    token = await login(a, "alice@example.com")
    async with a.client(token) as c:
        r = await turn(
            c, {"type": "threads.create", "params": {"input": user_input("add a task to buy milk")}}
        )
        thread_id = sse_events(r.text)[0]["thread"]["id"]

        # Mid-reply: the first half of the answer has reached us; then the process dies.
        seen = ""
        with contextlib.suppress(httpx.RemoteProtocolError, httpx.ReadError):
            async with c.stream(
                "POST", CHATKIT, json=add(thread_id, f"tell me a story {HANG}")
            ) as s:
                async for chunk in s.aiter_text():
                    seen += chunk
                    if PARTIAL in seen:
                        a.kill()
        assert PARTIAL in seen and a.proc is not None and a.proc.returncode == -signal.SIGKILL

        a.start(FAULT_HANG="0")  # same port; requests wait in the backlog until it is up
        stored = await thread_items(c, thread_id)
        assert [i["type"] for i in stored] == [
            "user_message",
            "assistant_message",
            "widget",
            "user_message",
        ]  # fmt: skip  (the widget: the Undo of the task the first turn added)
        assert HANG in stored[-1]["content"][0]["text"], "the user's message was lost"

        # Nothing half-written anywhere: every stored item is a whole ChatKit item.
        async with app.state.engine.connect() as conn:
            rows = (
                (
                    await conn.execute(
                        text("SELECT data FROM chat_items WHERE thread_id = :t"), {"t": thread_id}
                    )
                )
                .scalars()
                .all()
            )
        adapter: TypeAdapter[ThreadItem] = TypeAdapter(ThreadItem)
        for row in rows:
            item = adapter.validate_python(row if isinstance(row, dict) else json.loads(row))
            assert PARTIAL not in item.model_dump_json(), "a partial reply was stored"

        retry = {
            "type": "threads.retry_after_item",
            "params": {"thread_id": thread_id, "item_id": stored[-1]["id"]},
        }
        r = await turn(c, retry)
        assert r.status_code == 200 and reply_text(sse_events(r.text))
        after = await thread_items(c, thread_id)
        # Every turn once, nothing lost or doubled (widgets: the Undo of the first turn, and
        # whatever the retried answer shows).
        assert [i["type"] for i in after if i["type"] != "widget"] == [
            "user_message", "assistant_message",
        ] * 2  # fmt: skip
        assert [i["id"] for i in after[:4]] == [i["id"] for i in stored]
        r = await turn(c, add(thread_id, "show my tasks"))  # and the conversation goes on
        assert r.status_code == 200 and reply_text(sse_events(r.text))


async def test_two_processes_serve_one_conversation_turn_by_turn(
    backends: dict[str, Backend], app: FastAPI
):
    a, b = backends["a"], backends["b"]
    token = await login(b, "bob@example.com")
    async with a.client(token) as on_a, b.client(token) as on_b:
        chores = ["buy milk", "call mom", "pay rent", "water the plants"]
        r = await turn(
            on_a,
            {
                "type": "threads.create",
                "params": {"input": user_input(f"add a task to {chores[0]}")},
            },
        )
        thread_id = sse_events(r.text)[0]["thread"]["id"]
        for i, chore in enumerate(chores[1:], start=1):
            r = await turn([on_a, on_b][i % 2], add(thread_id, f"add a task to {chore}"))
            assert r.status_code == 200 and reply_text(sse_events(r.text))

        # Both see the same conversation: every turn once, in order, nothing lost or doubled.
        seen_by_a, seen_by_b = (
            await thread_items(on_a, thread_id),
            await thread_items(on_b, thread_id),
        )
        assert seen_by_a == seen_by_b
        # Each turn added a task: its reply ends with an Undo widget.
        assert [i["type"] for i in seen_by_a] == ["user_message", "assistant_message", "widget"] * 4
        users = [i["content"][0]["text"] for i in seen_by_a if i["type"] == "user_message"]
        assert users == [f"add a task to {c}" for c in chores]
        assert len({i["id"] for i in seen_by_a}) == 12
        titles = sorted(t["title"].lower() for t in (await on_b.get("/api/tasks")).json()["items"])
        assert titles == sorted(chores)

        if not redis_answers():
            pytest.skip("shared rate limits need Redis")
        # Turns 5 and 6 are within the limit; from then on both processes refuse, though
        # neither has served more than three turns itself.
        codes = [
            (await turn(c, add(thread_id, "thanks"))).status_code for c in (on_a, on_b, on_a, on_b)
        ]
        assert codes == [200, 200, 429, 429]

    async with httpx.AsyncClient(timeout=30) as anon:
        wrong = {"email": "bob@example.com", "password": "wrong password"}
        codes = [
            (await anon.post(f"{p.url}/api/auth/login", json=wrong)).status_code for p in (b, a, b)
        ]
    assert codes == [401, 401, 429]  # the login above was the first of three per account
