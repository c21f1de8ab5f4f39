"""Speaking the ChatKit protocol in tests."""

from __future__ import annotations

import json
from typing import Any

import httpx

CHATKIT = "/api/chatkit"


def user_input(text: str) -> dict[str, Any]:
    return {
        "content": [{"type": "input_text", "text": text}],
        "attachments": [],
        "inference_options": {},
    }


def sse_events(body: str) -> list[dict[str, Any]]:
    return [json.loads(line[6:]) for line in body.splitlines() if line.startswith("data: ")]


async def stream(client: httpx.AsyncClient, body: dict[str, Any]) -> list[dict[str, Any]]:
    r = await client.post(CHATKIT, json=body)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/event-stream")
    return sse_events(r.text)


async def call(client: httpx.AsyncClient, body: dict[str, Any]) -> Any:
    r = await client.post(CHATKIT, json=body)
    assert r.status_code == 200, r.text
    return r.json()


async def new_thread(client: httpx.AsyncClient, text: str) -> tuple[str, list[dict[str, Any]]]:
    events = await stream(client, {"type": "threads.create", "params": {"input": user_input(text)}})
    assert events[0]["type"] == "thread.created"
    return events[0]["thread"]["id"], events


async def say(client: httpx.AsyncClient, thread_id: str, text: str) -> list[dict[str, Any]]:
    return await stream(
        client,
        {
            "type": "threads.add_user_message",
            "params": {"thread_id": thread_id, "input": user_input(text)},
        },
    )


def reply_text(events: list[dict[str, Any]]) -> str:
    done = [
        e["item"]
        for e in events
        if e["type"] == "thread.item.done" and e["item"]["type"] == "assistant_message"
    ]
    return " ".join(part["text"] for item in done for part in item["content"])


def of_type(events: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [e for e in events if e["type"] == kind]


async def items(
    client: httpx.AsyncClient, thread_id: str, limit: int = 100
) -> list[dict[str, Any]]:
    page = await call(
        client,
        {"type": "items.list", "params": {"thread_id": thread_id, "limit": limit, "order": "asc"}},
    )
    return page["data"]


async def tasks(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    return (await client.get("/api/tasks?limit=100")).json()["items"]
