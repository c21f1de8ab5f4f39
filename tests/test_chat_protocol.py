"""The ChatKit protocol through the app, with the built-in offline model."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI
from sqlmodel import select

from backend.assistant.audit import ToolCall
from tests.chat_helpers import (
    CHATKIT,
    call,
    items,
    new_thread,
    of_type,
    reply_text,
    say,
    stream,
    tasks,
    user_input,
)

pytestmark = pytest.mark.asyncio


async def test_first_message_creates_task_and_streams_reply(alice: httpx.AsyncClient):
    r = await alice.post(
        CHATKIT,
        json={"type": "threads.create", "params": {"input": user_input("add a task to buy milk")}},
    )
    assert r.status_code == 200
    assert r.headers["cache-control"] == "no-cache, no-transform"
    assert r.headers["x-accel-buffering"] == "no"
    from tests.chat_helpers import sse_events

    events = sse_events(r.text)
    kinds = [e["type"] for e in events if e["type"] != "thread.item.updated"]
    assert kinds[:4] == ["thread.created", "thread.item.done", "stream_options", "progress_update"]
    assert events[1]["item"]["type"] == "user_message"
    assert of_type(events, "progress_update")[0]["text"] == "Adding 'Buy milk'…"

    [task] = await tasks(alice)
    assert task["title"] == "Buy milk"
    [effect] = of_type(events, "client_effect")
    assert effect["name"] == "tasks.changed"
    assert effect["data"] == {"task_ids": [task["id"]]}
    # The effect comes while the tool runs, before the reply is written.
    assert kinds.index("client_effect") < kinds.index("thread.item.added")

    deltas = of_type(events, "thread.item.updated")
    assert len(deltas) >= 2, "the reply should stream in pieces"
    assert reply_text(events) == "Added 'Buy milk'."
    [updated] = of_type(events, "thread.updated")
    assert updated["thread"]["title"] == "Add a task to buy milk"


async def test_mark_it_done_in_the_same_thread(alice: httpx.AsyncClient):
    thread_id, _ = await new_thread(alice, "add a task to buy milk")
    events = await say(alice, thread_id, "mark it done")
    [task] = await tasks(alice)
    assert task["completed"] is True
    assert reply_text(events) == "Marked 'Buy milk' as done."
    assert of_type(events, "client_effect")[0]["data"] == {"task_ids": [task["id"]]}


async def test_delete_waits_for_yes(alice: httpx.AsyncClient):
    thread_id, _ = await new_thread(alice, "add a task to buy milk")
    events = await say(alice, thread_id, "delete buy milk")
    assert "yes" in reply_text(events).lower()
    assert of_type(events, "client_effect") == []
    assert len(await tasks(alice)) == 1  # nothing deleted yet

    events = await say(alice, thread_id, "yes")
    assert reply_text(events) == "Deleted 'Buy milk'."
    assert await tasks(alice) == []
    assert of_type(events, "client_effect")


async def test_declining_drops_the_request(alice: httpx.AsyncClient):
    thread_id, _ = await new_thread(alice, "add a task to buy milk")
    await say(alice, thread_id, "delete buy milk")
    events = await say(alice, thread_id, "no")
    assert "won't delete" in reply_text(events)
    # A later "yes" no longer refers to anything.
    await say(alice, thread_id, "yes")
    assert len(await tasks(alice)) == 1


async def test_confirmation_expires_after_one_turn(alice: httpx.AsyncClient):
    thread_id, _ = await new_thread(alice, "add a task to buy milk")
    await say(alice, thread_id, "delete buy milk")
    await say(alice, thread_id, "show my tasks")  # the user moved on
    await say(alice, thread_id, "yes")
    assert len(await tasks(alice)) == 1


async def test_thread_operations(alice: httpx.AsyncClient):
    first, _ = await new_thread(alice, "add a task to call mom")
    second, _ = await new_thread(alice, "add a task to pay rent")

    listed = await call(alice, {"type": "threads.list", "params": {"limit": 10, "order": "desc"}})
    assert [t["id"] for t in listed["data"]] == [second, first]
    assert listed["data"][0]["title"] == "Add a task to pay rent"

    got = await call(alice, {"type": "threads.get_by_id", "params": {"thread_id": first}})
    assert got["id"] == first
    kinds = [i["type"] for i in got["items"]["data"]]
    # hidden tool records are not sent; the reply that added a task ends with its Undo widget
    assert kinds == ["user_message", "assistant_message", "widget"]

    renamed = await call(
        alice, {"type": "threads.update", "params": {"thread_id": first, "title": "Family"}}
    )
    assert renamed["title"] == "Family"
    got = await call(alice, {"type": "threads.get_by_id", "params": {"thread_id": first}})
    assert got["title"] == "Family"

    await call(alice, {"type": "threads.delete", "params": {"thread_id": first}})
    r = await alice.post(
        CHATKIT, json={"type": "threads.get_by_id", "params": {"thread_id": first}}
    )
    assert r.status_code == 404
    listed = await call(alice, {"type": "threads.list", "params": {"limit": 10}})
    assert [t["id"] for t in listed["data"]] == [second]


async def test_items_paging(alice: httpx.AsyncClient):
    thread_id, _ = await new_thread(alice, "hello")
    for text in ("what can you do?", "thanks", "hi"):
        await say(alice, thread_id, text)
    all_items = await items(alice, thread_id)
    assert len(all_items) == 8  # 4 questions, 4 answers
    seen, after = [], None
    while True:
        params = {"thread_id": thread_id, "limit": 3, "order": "asc"}
        if after:
            params["after"] = after
        page = await call(alice, {"type": "items.list", "params": params})
        seen += [i["id"] for i in page["data"]]
        if not page["has_more"]:
            break
        after = page["after"]
    assert seen == [i["id"] for i in all_items]


async def test_retry_replaces_the_answer(alice: httpx.AsyncClient):
    thread_id, _ = await new_thread(alice, "hello")
    before = await items(alice, thread_id)
    user_msg = before[0]
    events = await stream(
        alice,
        {
            "type": "threads.retry_after_item",
            "params": {"thread_id": thread_id, "item_id": user_msg["id"]},
        },
    )
    assert reply_text(events)
    after = await items(alice, thread_id)
    assert [i["type"] for i in after] == ["user_message", "assistant_message"]
    assert after[0]["id"] == user_msg["id"]
    assert after[1]["id"] != before[1]["id"]


async def test_every_tool_call_is_audited(app: FastAPI, alice: httpx.AsyncClient):
    thread_id, _ = await new_thread(alice, "add a task to buy milk")
    await say(alice, thread_id, "complete buy milk")
    async with app.state.sessionmaker() as session:
        rows = (await session.exec(select(ToolCall).order_by(ToolCall.id))).all()
    assert [(r.tool, r.outcome, r.thread_id) for r in rows] == [
        ("add_task", "ok", thread_id),
        ("list_tasks", "ok", thread_id),
        ("complete_task", "ok", thread_id),
    ]
    # What was done to which task, not what the task said (tests/test_data_rights.py).
    assert rows[0].arguments["title"] == "[not kept]"
    assert rows[0].result["task"]["id"] == rows[2].arguments["task_id"]
    assert rows[2].result["action"] == "completed"
    assert all(r.duration_ms >= 0 for r in rows)
    me = (await alice.get("/api/auth/me")).json()
    assert {r.user_id for r in rows} == {me["id"]}


class TestBadRequests:
    @pytest.mark.parametrize(
        ("content", "fragment"),
        [
            (b"", "empty"),
            (b"not json", "not valid JSON"),
            (b"[1, 2]", "'type'"),
            (b'{"params": {}}', "'type'"),
            (b'{"type": "threads.explode", "params": {}}', "Unknown ChatKit request type"),
            (b'{"type": "threads.create", "params": {}}', "params.input"),
            (b'{"type": "threads.get_by_id", "params": {}}', "thread_id"),
        ],
    )
    async def test_malformed_body_is_400(
        self, alice: httpx.AsyncClient, content: bytes, fragment: str
    ):
        r = await alice.post(CHATKIT, content=content, headers={"content-type": "application/json"})
        assert r.status_code == 400, r.text
        assert fragment in r.json()["detail"]

    @pytest.mark.parametrize(
        "body",
        [
            {"type": "threads.get_by_id", "params": {"thread_id": "thr_missing"}},
            {"type": "items.list", "params": {"thread_id": "thr_missing"}},
            {"type": "threads.delete", "params": {"thread_id": "thr_missing"}},
            {"type": "threads.update", "params": {"thread_id": "thr_missing", "title": "x"}},
            {
                "type": "threads.add_user_message",
                "params": {"thread_id": "thr_missing", "input": user_input("hi")},
            },
            {
                "type": "threads.retry_after_item",
                "params": {"thread_id": "thr_missing", "item_id": "msg_x"},
            },
        ],
    )
    async def test_unknown_thread_is_404_before_any_stream(
        self, alice: httpx.AsyncClient, body: dict
    ):
        r = await alice.post(CHATKIT, json=body)
        assert r.status_code == 404
        assert r.json() == {"detail": "Conversation not found"}

    async def test_unknown_paging_cursor_is_404(self, alice: httpx.AsyncClient):
        thread_id, _ = await new_thread(alice, "hi")
        for params in (
            {"thread_id": thread_id, "after": "msg_bogus"},
            {"after": "thr_bogus"},
        ):
            op = "items.list" if "thread_id" in params else "threads.list"
            r = await alice.post(CHATKIT, json={"type": op, "params": params})
            assert r.status_code == 404, (op, r.text)

    async def test_unknown_item_is_404(self, alice: httpx.AsyncClient):
        thread_id, _ = await new_thread(alice, "hi")
        r = await alice.post(
            CHATKIT,
            json={
                "type": "threads.retry_after_item",
                "params": {"thread_id": thread_id, "item_id": "msg_missing"},
            },
        )
        assert r.status_code == 404

    async def test_oversize_message_is_refused_and_not_stored(self, alice: httpx.AsyncClient):
        thread_id, _ = await new_thread(alice, "hi")
        r = await alice.post(
            CHATKIT,
            json={
                "type": "threads.add_user_message",
                "params": {"thread_id": thread_id, "input": user_input("x" * 10_001)},
            },
        )
        assert r.status_code == 422
        assert "10,001 characters" in r.json()["detail"]
        assert len(await items(alice, thread_id)) == 2
        ok = await say(alice, thread_id, "y" * 10_000)  # the limit itself is fine
        assert reply_text(ok)

    async def test_empty_message_is_422(self, alice: httpx.AsyncClient):
        r = await alice.post(
            CHATKIT, json={"type": "threads.create", "params": {"input": user_input("   ")}}
        )
        assert r.status_code == 422

    async def test_oversize_body_is_413(self, alice: httpx.AsyncClient):
        big = {"type": "threads.create", "params": {"input": user_input("x" * 300_000)}}
        r = await alice.post(CHATKIT, json=big)
        assert r.status_code == 413

    async def test_requires_auth_and_same_origin(
        self, client: httpx.AsyncClient, alice: httpx.AsyncClient
    ):
        body = {"type": "threads.list", "params": {}}
        assert (await client.post(CHATKIT, json=body)).status_code == 401
        r = await alice.post(CHATKIT, json=body, headers={"Origin": "https://evil.test"})
        assert r.status_code == 403
