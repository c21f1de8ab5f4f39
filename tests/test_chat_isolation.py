"""User B, holding user A's thread and item ids, gets 404 or nothing on every ChatKit operation,
and A's conversation is unchanged. The operation list comes from the SDK's own request union,
so a new operation fails this test until it is classified here."""

from __future__ import annotations

import typing
from typing import Any

import httpx
import pytest
from chatkit.types import ChatKitReq

from tests.chat_helpers import CHATKIT, call, items, new_thread, say, user_input

pytestmark = pytest.mark.asyncio


def all_operations() -> set[str]:
    union = typing.get_args(ChatKitReq)[0]
    members = [sub for part in typing.get_args(union) for sub in (typing.get_args(part) or [part])]
    return {m.model_fields["type"].default for m in members}


def attack_bodies(thread_id: str, item_id: str) -> dict[str, dict[str, Any]]:
    """Each operation, aimed at A's thread and items."""
    t, i = thread_id, item_id
    action = {"type": "noop", "payload": {}}
    return {
        "threads.create": {"input": user_input("hello")},  # creates B's own thread only
        "threads.add_user_message": {"thread_id": t, "input": user_input("hi from B")},
        "threads.add_client_tool_output": {"thread_id": t, "result": {"x": 1}},
        "threads.add_structured_input": {"thread_id": t, "item_id": i, "input": {}},
        "threads.retry_after_item": {"thread_id": t, "item_id": i},
        "threads.custom_action": {"thread_id": t, "item_id": i, "action": action},
        "threads.get_by_id": {"thread_id": t},
        "threads.list": {"limit": 50},
        "items.list": {"thread_id": t, "limit": 50},
        "items.feedback": {"thread_id": t, "item_ids": [i], "kind": "negative"},
        "attachments.create": {"name": "a.txt", "size": 1, "mime_type": "text/plain"},
        "attachments.delete": {"attachment_id": "atc_" + i},
        "threads.update": {"thread_id": t, "title": "owned by B"},
        "threads.delete": {"thread_id": t},
        "input.transcribe": {"audio_base64": "AAAA", "mime_type": "audio/wav"},
        "threads.sync_custom_action": {"thread_id": t, "item_id": i, "action": action},
    }


async def snapshot(client: httpx.AsyncClient, thread_id: str) -> tuple[Any, Any]:
    thread = await call(client, {"type": "threads.get_by_id", "params": {"thread_id": thread_id}})
    return thread, await items(client, thread_id)


async def test_every_operation_with_another_users_ids(
    alice: httpx.AsyncClient, bob: httpx.AsyncClient
):
    thread_id, _ = await new_thread(alice, "add a task to water the ferns")
    await say(alice, thread_id, "mark it done")
    item_id = (await items(alice, thread_id))[0]["id"]
    before = await snapshot(alice, thread_id)
    bodies = attack_bodies(thread_id, item_id)
    assert set(bodies) == all_operations(), "classify the new ChatKit operation here"

    for op, params in bodies.items():
        r = await bob.post(CHATKIT, json={"type": op, "params": params})
        if op == "threads.create":
            assert r.status_code == 200
        elif op == "threads.list":
            assert thread_id not in r.text
        elif "thread_id" in params:
            assert r.status_code == 404, (op, r.status_code, r.text)
            assert r.json() == {"detail": "Conversation not found"}
        else:  # attachments and voice: nothing behind them for anyone
            assert r.status_code == 400, (op, r.text)
        assert "ferns" not in r.text, op

    assert await snapshot(alice, thread_id) == before
    assert len((await alice.get("/api/tasks")).json()["items"]) == 1
