"""The model provider failing: it never answers (the turn times out) or answers 500. Either
way the reply ends with an in-band error, the user's message is kept, and retry works once the
provider is back. (A client that hangs up mid-reply: tests/test_chat_cancel.py.)

The provider is the fake OpenAI-compatible server of tests/test_chat_provider.py, on a real
loopback socket, reached by the real OpenAI client.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from backend.chat.server import TOO_SLOW, UNAVAILABLE
from backend.main import create_app
from tests.chat_helpers import items, new_thread, of_type, reply_text, stream, tasks
from tests.conftest import make_settings, signed_up
from tests.test_chat_provider import FakeProvider

pytestmark = [pytest.mark.asyncio, pytest.mark.faults]

TURN_TIMEOUT = 1.5


class UnreliableProvider(FakeProvider):
    """Can hang (accept the request, never answer) on the agent's calls."""

    def __init__(self) -> None:
        super().__init__()
        self.hang = False
        self.hanging = 0
        self.release = asyncio.Event()  # set at teardown, so the server can stop

    async def complete(self, request: Request) -> Response:
        if self.hang and (await request.json()).get("tools"):
            self.hanging += 1
            await self.release.wait()
            return JSONResponse({"error": {"message": "too late"}}, status_code=500)
        return await super().complete(request)


@pytest.fixture
async def flaky(
    app: FastAPI, database_url: str
) -> AsyncIterator[tuple[UnreliableProvider, FastAPI]]:
    fake = UnreliableProvider()
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    server = uvicorn.Server(uvicorn.Config(fake.app, log_level="warning"))
    serving = asyncio.create_task(server.serve(sockets=[sock]))
    settings = make_settings(
        database_url,
        assistant_model="fake-llm",
        openai_base_url=f"http://127.0.0.1:{sock.getsockname()[1]}/v1",
        openai_api_key="sk-test",
        assistant_turn_timeout_seconds=TURN_TIMEOUT,
    )
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield fake, application
    fake.release.set()
    server.should_exit = True
    await serving


async def _retry(alice: httpx.AsyncClient, thread_id: str, item_id: str) -> list[dict[str, Any]]:
    return await stream(
        alice,
        {
            "type": "threads.retry_after_item",
            "params": {"thread_id": thread_id, "item_id": item_id},
        },
    )


async def test_provider_that_never_answers(flaky: tuple[UnreliableProvider, FastAPI]):
    fake, app = flaky
    fake.hang = True
    alice = await signed_up(app, "alice@example.com")
    thread_id, events = await new_thread(alice, "remember to buy milk")
    [error] = of_type(events, "error")
    assert (error["message"], error["allow_retry"]) == (TOO_SLOW, True)
    assert fake.hanging == 1
    [user_msg] = await items(alice, thread_id)
    assert user_msg["type"] == "user_message"

    fake.hang = False
    events = await _retry(alice, thread_id, user_msg["id"])
    assert reply_text(events) == "Added milk."
    assert [t["title"] for t in await tasks(alice)] == ["milk"]
    assert [i["type"] for i in await items(alice, thread_id)] == [
        "user_message",
        "assistant_message",
        "widget",  # the Undo of the task it added
    ]


async def test_provider_answering_500_then_recovering(flaky: tuple[UnreliableProvider, FastAPI]):
    fake, app = flaky
    fake.fail = True
    alice = await signed_up(app, "alice@example.com")
    thread_id, events = await new_thread(alice, "remember to buy milk")
    [error] = of_type(events, "error")
    assert (error["message"], error["allow_retry"]) == (UNAVAILABLE, True)
    [user_msg] = await items(alice, thread_id)

    fake.fail = False
    events = await _retry(alice, thread_id, user_msg["id"])
    assert reply_text(events) == "Added milk."
    assert [t["title"] for t in await tasks(alice)] == ["milk"]
