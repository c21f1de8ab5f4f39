"""The provider path: a real OpenAI client talking to a local OpenAI-compatible server.

The fake server listens on a real loopback socket and speaks Chat Completions (streaming and
not), like Ollama or vLLM would: the first answer calls add_task, the second writes the reply.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from backend.main import create_app
from tests.chat_helpers import items, new_thread, of_type, reply_text, tasks
from tests.conftest import make_settings, signed_up

pytestmark = pytest.mark.asyncio


class FakeProvider:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.fail = False
        self.app = Starlette(
            routes=[Route("/v1/chat/completions", self.complete, methods=["POST"])]
        )

    async def complete(self, request: Request) -> Response:
        body = await request.json()
        self.requests.append(body)
        if self.fail:
            return JSONResponse({"error": {"message": "overloaded"}}, status_code=500)
        if not body.get("tools"):  # the title writer
            return JSONResponse(_completion("Milk run"))
        if any(m["role"] == "tool" for m in body["messages"]):
            chunks = [{"role": "assistant", "content": "Added "}, {"content": "milk."}]
            finish = "stop"
        else:
            args = json.dumps({"title": "milk", "priority": "high"})
            chunks = [{"role": "assistant", "tool_calls": [
                {"index": 0, "id": "call_1", "type": "function",
                 "function": {"name": "add_task", "arguments": args}}]}]  # fmt: skip
            finish = "tool_calls"
        return StreamingResponse(_sse(chunks, finish), media_type="text/event-stream")


def _completion(text: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-1", "object": "chat.completion", "created": 0, "model": "fake-llm",
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": text}}],
        "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2},
    }  # fmt: skip


async def _sse(deltas: list[dict[str, Any]], finish: str) -> AsyncIterator[bytes]:
    def chunk(delta: dict[str, Any], reason: str | None) -> bytes:
        data = {"id": "chatcmpl-1", "object": "chat.completion.chunk", "created": 0,
                "model": "fake-llm",
                "choices": [{"index": 0, "delta": delta, "finish_reason": reason}]}  # fmt: skip
        return f"data: {json.dumps(data)}\n\n".encode()

    for delta in deltas:
        yield chunk(delta, None)
    yield chunk({}, finish)
    yield b"data: [DONE]\n\n"


@pytest.fixture
async def provider() -> AsyncIterator[tuple[FakeProvider, str]]:
    fake = FakeProvider()
    # Listening before uvicorn starts: early connections wait in the backlog, no polling.
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    server = uvicorn.Server(uvicorn.Config(fake.app, log_level="warning"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    yield fake, f"http://127.0.0.1:{sock.getsockname()[1]}/v1"
    server.should_exit = True
    await task


@pytest.fixture
async def provider_app(
    app: FastAPI, database_url: str, provider: tuple[FakeProvider, str]
) -> AsyncIterator[FastAPI]:
    _, base_url = provider
    settings = make_settings(
        database_url, assistant_model="fake-llm", openai_base_url=base_url, openai_api_key="sk-test"
    )
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


async def test_tool_call_round_trip_through_a_compatible_server(
    provider_app: FastAPI, provider: tuple[FakeProvider, str]
):
    fake, _ = provider
    alice = await signed_up(provider_app, "alice@example.com")
    thread_id, events = await new_thread(alice, "remember to buy milk, it's urgent")

    [task] = await tasks(alice)
    assert (task["title"], task["priority"]) == ("milk", "high")
    assert reply_text(events) == "Added milk."
    assert of_type(events, "client_effect")[0]["data"] == {"task_ids": [task["id"]]}
    assert of_type(events, "thread.updated")[-1]["thread"]["title"] == "Milk run"

    agent_calls = [r for r in fake.requests if r.get("tools")]
    assert len(agent_calls) == 2
    tool_names = {t["function"]["name"] for t in agent_calls[0]["tools"]}
    assert tool_names == {
        "add_task", "list_tasks", "complete_task", "update_task", "delete_task", "undo_last_change",
    }  # fmt: skip
    # Strict schemas, except for the one tool without arguments (the SDK cannot make an
    # argument-less MCP schema strict; there is nothing for the model to get wrong there).
    assert all(
        t["function"].get("strict")
        for t in agent_calls[0]["tools"]
        if t["function"]["name"] != "undo_last_change"
    )
    tool_message = next(m for m in agent_calls[1]["messages"] if m["role"] == "tool")
    assert json.loads(tool_message["content"])["task"]["title"] == "milk"
    params = {p for t in agent_calls[0]["tools"] for p in t["function"]["parameters"]["properties"]}
    assert not {p for p in params if "user" in p or "owner" in p}

    # Chat Completions streams give every message one placeholder id; ours are unique.
    stored = await items(alice, thread_id)
    assert len({i["id"] for i in stored}) == len(stored)
    assert all("fake" not in i["id"] for i in stored)


async def test_provider_failure_is_an_in_band_error(
    provider_app: FastAPI, provider: tuple[FakeProvider, str]
):
    fake, _ = provider
    fake.fail = True
    alice = await signed_up(provider_app, "alice@example.com")
    thread_id, events = await new_thread(alice, "add milk")
    [error] = of_type(events, "error")
    assert error["allow_retry"] is True
    assert "unavailable" in error["message"]
    assert [i["type"] for i in await items(alice, thread_id)] == ["user_message"]
