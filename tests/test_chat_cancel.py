"""A client that hangs up mid-reply: the run stops (no later tool call); the partial reply stays."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import pytest
from agents.testing import ModelCall, ModelStep, ScriptedModel
from openai.types.responses import (
    ResponseContentPartAddedEvent,
    ResponseCreatedEvent,
    ResponseOutputItemAddedEvent,
    ResponseOutputMessage,
    ResponseOutputText,
    ResponseStreamEvent,
    ResponseTextDeltaEvent,
)

from backend.assistant.offline.model import _response
from tests.chat_helpers import items, tasks, user_input
from tests.conftest import ALLOWED_ORIGIN, AppFactory, signed_up
from tests.test_chat_assistant import call_step, reply_step

pytestmark = pytest.mark.asyncio

PARTIAL = "Partial answer"


def partial_then_hang(cancelled: asyncio.Event):
    """A model that writes a few words, then hangs until the run is cancelled."""

    async def events(_: ModelCall) -> AsyncIterator[ResponseStreamEvent]:
        item = ResponseOutputMessage(
            id="msg_partial", type="message", role="assistant", status="in_progress", content=[]
        )
        yield ResponseCreatedEvent(
            type="response.created", response=_response([]), sequence_number=0
        )
        yield ResponseOutputItemAddedEvent(
            type="response.output_item.added", item=item, output_index=0, sequence_number=1
        )
        yield ResponseContentPartAddedEvent(
            type="response.content_part.added", item_id=item.id, output_index=0, content_index=0,
            part=ResponseOutputText(type="output_text", text="", annotations=[]), sequence_number=2,
        )  # fmt: skip
        yield ResponseTextDeltaEvent(
            type="response.output_text.delta", item_id=item.id, output_index=0, content_index=0,
            delta=PARTIAL, logprobs=[], sequence_number=3,
        )  # fmt: skip
        try:
            await asyncio.Event().wait()  # never set: only cancellation ends this
        finally:
            cancelled.set()

    return events


async def test_disconnect_cancels_run_and_keeps_partial_reply(app_with_model: AppFactory):
    cancelled = asyncio.Event()
    model = ScriptedModel(
        [
            call_step("add_task", title="first"),
            ModelStep.stream(partial_then_hang(cancelled)),
            call_step("add_task", title="second, never"),
            reply_step("never"),
        ]
    )
    app = await app_with_model(model)
    alice = await signed_up(app, "alice@example.com")
    cookie = f"todo_session={alice.cookies['todo_session']}".encode()
    body = json.dumps({"type": "threads.create", "params": {"input": user_input("add first")}})

    # Drive the ASGI app directly so the client can hang up mid-stream, like a closed tab.
    request_sent, hang_up = False, asyncio.Event()
    received = bytearray()

    async def receive() -> dict[str, Any]:
        nonlocal request_sent
        if not request_sent:
            request_sent = True
            return {"type": "http.request", "body": body.encode(), "more_body": False}
        await hang_up.wait()
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.body":
            received.extend(message.get("body", b""))
            if PARTIAL.encode() in received:
                hang_up.set()

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
        "scheme": "http", "path": "/api/chatkit", "raw_path": b"/api/chatkit", "query_string": b"",
        "root_path": "", "server": ("testserver", 80), "client": ("127.0.0.1", 50000),
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"),
                    (b"origin", ALLOWED_ORIGIN.encode()), (b"cookie", cookie)],
    }  # fmt: skip
    await asyncio.wait_for(app(scope, receive, send), timeout=30)
    await asyncio.wait_for(cancelled.wait(), timeout=30)  # the model call was cancelled
    await asyncio.wait_for(app.state.chat_streams.wait_idle(), timeout=30)  # cleanup finished

    assert hang_up.is_set()
    assert len(model.calls) == 2, "the model was called again after the client left"
    assert model.remaining_steps == 2
    assert [t["title"] for t in await tasks(alice)] == ["first"]

    threads = (await alice.post("/api/chatkit", json={"type": "threads.list", "params": {}})).json()
    [thread] = threads["data"]
    stored = await items(alice, thread["id"])
    assert [i["type"] for i in stored][:2] == ["user_message", "assistant_message"]
    assert stored[1]["content"][0]["text"] == PARTIAL
