"""PostgreSQL "restarted" under load: requests fail cleanly (503 JSON, or an in-band ChatKit
error mid-reply), and the app recovers by itself once the database is back.

The shared PostgreSQL server is never touched: a small TCP proxy sits between the app and it,
and a "restart" is the proxy cutting every connection and refusing new ones (its port closed),
then listening again on the same port.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.engine import make_url

from backend.errors import DB_UNAVAILABLE
from backend.main import create_app
from tests.chat_helpers import (
    CHATKIT,
    items,
    new_thread,
    of_type,
    reply_text,
    say,
    sse_events,
    user_input,
)
from tests.conftest import ALLOWED_ORIGIN, is_postgres, make_settings, signed_up
from tests.fault_models import PARTIAL, REST, GatedModel

pytestmark = [pytest.mark.asyncio, pytest.mark.faults]


class TcpProxy:
    """app <-> proxy <-> PostgreSQL. ``freeze()`` holds back what the app sends, so requests
    stop in the middle of a query; ``stop()`` is the restart; ``start()`` the server back."""

    def __init__(self, host: str, port: int) -> None:
        self.upstream = (host, port)
        self.port = 0
        self.server: asyncio.Server | None = None
        self.transports: set[asyncio.BaseTransport] = set()
        self.flowing = asyncio.Event()
        self.flowing.set()
        self.stalled = 0
        self.stalled_changed = asyncio.Condition()

    def freeze(self) -> None:
        self.stalled = 0
        self.flowing.clear()

    async def wait_stalled(self, count: int) -> None:
        """Until ``count`` connections each have a query held back."""
        async with self.stalled_changed:
            await self.stalled_changed.wait_for(lambda: self.stalled >= count)

    async def start(self) -> None:
        self.flowing.set()
        self.server = await asyncio.start_server(
            self._accept, "127.0.0.1", self.port, reuse_address=True
        )
        self.port = self.server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        """Like a server going down: every connection cut, the port refusing new ones."""
        assert self.server is not None
        self.server.close()
        for transport in list(self.transports):
            transport.abort()
        await self.server.wait_closed()
        self.server = None

    async def _accept(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        except OSError:
            writer.transport.abort()
            return
        pair = {writer.transport, up_writer.transport}
        self.transports |= pair

        async def pipe(src: asyncio.StreamReader, dst: asyncio.StreamWriter, *, up: bool) -> None:
            with contextlib.suppress(OSError, ConnectionError):
                while data := await src.read(65536):
                    if up and not self.flowing.is_set():
                        async with self.stalled_changed:
                            self.stalled += 1
                            self.stalled_changed.notify_all()
                        await self.flowing.wait()
                    dst.write(data)
                    await dst.drain()
            for t in pair:
                t.abort()

        try:
            await asyncio.gather(
                pipe(reader, up_writer, up=True), pipe(up_reader, writer, up=False)
            )
        finally:
            self.transports -= pair


@pytest.fixture
async def proxy(database_url: str, app: FastAPI) -> AsyncIterator[tuple[TcpProxy, str]]:
    if not is_postgres(database_url):
        pytest.skip("a PostgreSQL fault")
    url = make_url(database_url)
    tcp = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    await tcp.start()
    yield tcp, url.set(host="127.0.0.1", port=tcp.port).render_as_string(hide_password=False)
    if tcp.server is not None:
        await tcp.stop()


async def stream_asgi(
    app: FastAPI, body: str, client: httpx.AsyncClient, on_body: Callable[[str], Awaitable[None]]
) -> tuple[int, str]:
    """POST /api/chatkit straight through ASGI, seeing the stream as it is sent (httpx's ASGI
    transport only returns a response once it is complete)."""
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    sent = False
    status, received = 0, ""

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body.encode(), "more_body": False}
        await asyncio.Event().wait()  # the client stays
        raise AssertionError

    async def send(message: dict[str, Any]) -> None:
        nonlocal status, received
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            received += message.get("body", b"").decode()
            await on_body(received)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": CHATKIT, "raw_path": CHATKIT.encode(), "query_string": b"",
        "root_path": "", "server": ("testserver", 80), "client": ("127.0.0.1", 50000),
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"),
                    (b"origin", ALLOWED_ORIGIN.encode()), (b"cookie", cookie.encode())],
    }  # fmt: skip
    await asyncio.wait_for(app(scope, receive, send), timeout=60)
    return status, received


@contextlib.asynccontextmanager
async def proxied_app(url: str, model: Any = None) -> AsyncIterator[FastAPI]:
    application = create_app(make_settings(url), model=model)
    async with application.router.lifespan_context(application):
        yield application


def is_clean_503(r: httpx.Response) -> bool:
    return (
        r.status_code == 503
        and r.json() == {"detail": DB_UNAVAILABLE}
        and r.headers.get("retry-after") == "5"
    )


async def test_restart_under_load_fails_cleanly_and_recovers(proxy: tuple[TcpProxy, str]):
    tcp, url = proxy
    async with proxied_app(url) as app:
        alice = await signed_up(app, "alice@example.com")
        for i in range(5):
            await alice.post("/api/tasks", json={"title": f"task {i}"})
        thread_id, _ = await new_thread(alice, "add a task to buy milk")
        before = (await alice.get("/api/tasks?limit=100")).json()

        async def one(i: int) -> httpx.Response:
            match i % 4:
                case 0:
                    return await alice.get("/api/tasks")
                case 1:
                    return await alice.post("/api/tasks", json={"title": f"during {i}"})
                case 2:
                    return await alice.get("/api/auth/me")
                case _:
                    return await alice.post(
                        CHATKIT,
                        json={
                            "type": "threads.add_user_message",
                            "params": {"thread_id": thread_id, "input": user_input(f"hi {i}")},
                        },
                    )

        # Eight requests caught in the middle of a query when the database goes away...
        tcp.freeze()
        in_flight = [asyncio.create_task(one(i)) for i in range(8)]
        await tcp.wait_stalled(8)
        await tcp.stop()
        for r in await asyncio.gather(*in_flight):
            assert is_clean_503(r), (r.status_code, r.text[:300])
        # ...and more while it is down.
        for r in await asyncio.gather(*[one(i) for i in range(12)]):
            assert is_clean_503(r), (r.status_code, r.text[:300])
        ready = await alice.get("/api/ready")
        assert ready.status_code == 503
        assert (await alice.get("/api/health")).status_code == 200

        await tcp.start()  # the database is back, on the same address
        assert (await alice.get("/api/ready")).status_code == 200
        after = (await alice.get("/api/tasks?limit=100")).json()["items"]
        assert {t["id"] for t in before["items"]} <= {t["id"] for t in after}
        r = await alice.post("/api/tasks", json={"title": "after the restart"})
        assert r.status_code == 201
        events = await say(alice, thread_id, "show my tasks")
        assert reply_text(events)
        kinds = [i["type"] for i in await items(alice, thread_id) if i["type"] != "widget"]
        assert (
            kinds.count("user_message") == kinds.count("assistant_message")
            or kinds[-1] == "assistant_message"
        )


async def test_outage_in_the_middle_of_a_reply_ends_it_with_an_error_event(
    proxy: tuple[TcpProxy, str],
):
    tcp, url = proxy
    release = asyncio.Event()
    model = GatedModel(release.wait)
    async with proxied_app(url, model=model) as app:
        alice = await signed_up(app, "alice@example.com")

        async def cut_mid_reply(received: str) -> None:
            if PARTIAL in received and not release.is_set():
                await tcp.stop()  # mid-reply: the database goes away
                release.set()

        body = json.dumps({"type": "threads.create", "params": {"input": user_input("hello")}})
        status, text = await stream_asgi(app, body, alice, cut_mid_reply)
        assert status == 200
        assert text.endswith("\n\n"), "the stream was cut instead of ended"
        events = sse_events(text)
        [error] = of_type(events, "error")
        assert error["allow_retry"] is True
        assert "Traceback" not in str(events)

        await tcp.start()
        # The user's message was saved before the outage; retry gives the whole answer.
        threads = (await alice.post(CHATKIT, json={"type": "threads.list", "params": {}})).json()
        [thread] = threads["data"]
        stored = await items(alice, thread["id"])
        assert stored[0]["type"] == "user_message"
        assert all(i["type"] != "assistant_message" or i["content"] for i in stored)
        release.set()
        r = await alice.post(
            CHATKIT,
            json={
                "type": "threads.retry_after_item",
                "params": {"thread_id": thread["id"], "item_id": stored[0]["id"]},
            },
        )
        assert r.status_code == 200
        assert reply_text(sse_events(r.text)) == PARTIAL + REST
        assert [i["type"] for i in await items(alice, thread["id"])] == [
            "user_message",
            "assistant_message",
        ]
