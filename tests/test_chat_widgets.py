"""Widgets in the chat and their actions (``threads.custom_action``), over the real protocol:
list answers are task widgets, replies that changed tasks end with Undo, and every action is
checked (the thread, the item, the action it offered, the task) before anything changes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import httpx
import pytest
from chatkit.types import WidgetItem
from chatkit.widgets import DynamicWidgetRoot
from fastapi import FastAPI

from backend.chat import widgets
from backend.chat.context import ChatContext
from tests.chat_helpers import CHATKIT, items, new_thread, say, stream, tasks

pytestmark = pytest.mark.asyncio


def widget_items(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        e["item"]
        for e in events
        if e["type"] == "thread.item.done" and e["item"]["type"] == "widget"
    ]


def actions(widget: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key.endswith("Action") and isinstance(value, dict):
                    found.append({"type": value["type"], "payload": value["payload"]})
                else:
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(widget)
    return found


def custom_action(thread_id: str, item_id: str | None, action: Any) -> dict[str, Any]:
    return {
        "type": "threads.custom_action",
        "params": {"thread_id": thread_id, "item_id": item_id, "action": action},
    }


def toggle(task_id: Any) -> dict[str, Any]:
    return {"type": "task.toggle", "payload": {"task_id": task_id}}


def undo(change_id: Any) -> dict[str, Any]:
    return {"type": "changes.undo", "payload": {"change_id": change_id}}


async def refused(c: httpx.AsyncClient, body: dict[str, Any], status: int) -> str:
    r = await c.post(CHATKIT, json=body)
    assert r.status_code == status, r.text
    detail: str = r.json()["detail"]
    return detail


async def listed(c: httpx.AsyncClient, *titles: str) -> tuple[str, dict[str, Any]]:
    """A conversation whose last answer is a task list; its widget item."""
    for title in titles:
        r = await c.post("/api/tasks", json={"title": title})
        assert r.status_code == 201
    thread_id, events = await new_thread(c, "show my tasks")
    [item] = widget_items(events)
    return thread_id, item


async def test_a_list_answer_is_a_task_widget_and_keeps_its_text(alice: httpx.AsyncClient):
    await alice.post(
        "/api/tasks",
        json={"title": "Pay rent", "priority": "high", "due_date": "2030-01-15", "tags": ["home"]},
    )
    await alice.post("/api/tasks", json={"title": "Buy milk"})
    thread_id, events = await new_thread(alice, "show my tasks")
    texts = [e for e in events if e["type"] == "thread.item.done"][1:]  # after the question
    assert [i["item"]["type"] for i in texts] == ["assistant_message", "widget"]
    assert "Pay rent" in texts[0]["item"]["content"][0]["text"]  # the text reply stays
    widget = texts[1]["item"]["widget"]
    assert widget["type"] == "ListView"
    by_title = {t["title"]: t["id"] for t in await tasks(alice)}
    assert actions(widget) == [toggle(by_title["Pay rent"]), toggle(by_title["Buy milk"])]
    row = str(widget["children"][0])
    assert all(word in row for word in ("Pay rent", "High", "#home", "15 Jan 2030"))
    assert "Medium" not in str(widget)
    assert [i["type"] for i in await items(alice, thread_id)][-1] == "widget"  # stored


async def test_toggle_then_undo(alice: httpx.AsyncClient):
    thread_id, item = await listed(alice, "Buy milk")
    [task] = await tasks(alice)

    events = await stream(alice, custom_action(thread_id, item["id"], toggle(task["id"])))
    [replaced] = [e for e in events if e["type"] == "thread.item.replaced"]
    assert replaced["item"]["id"] == item["id"]  # redrawn in place
    [effect] = [e for e in events if e["type"] == "client_effect"]
    assert effect == {
        "type": "client_effect", "name": "tasks.changed", "data": {"task_ids": [task["id"]]},
    }  # fmt: skip
    assert (await alice.get(f"/api/tasks/{task['id']}")).json()["completed"] is True
    widget = replaced["item"]["widget"]
    assert widget["children"][0]["children"][0]["defaultChecked"] is True
    assert "Marked 'Buy milk' done." in str(widget)
    [offered_undo] = [a for a in actions(widget) if a["type"] == "changes.undo"]

    events = await stream(alice, custom_action(thread_id, item["id"], offered_undo))
    [replaced] = [e for e in events if e["type"] == "thread.item.replaced"]
    assert (await alice.get(f"/api/tasks/{task['id']}")).json() == task
    assert "Undone" in str(replaced["item"]["widget"])
    assert [a["type"] for a in actions(replaced["item"]["widget"])] == ["task.toggle"]
    assert any(e["type"] == "client_effect" for e in events)

    # Replaying the undo: the widget no longer offers it, and nothing changes.
    detail = await refused(alice, custom_action(thread_id, item["id"], offered_undo), 400)
    assert "does not offer" in detail
    assert (await alice.get(f"/api/tasks/{task['id']}")).json() == task
    # The stored widget is the redrawn one (what a reload shows).
    stored = (await items(alice, thread_id))[-1]
    assert stored["widget"] == replaced["item"]["widget"]


async def test_a_toggle_can_be_undone_by_saying_undo(alice: httpx.AsyncClient):
    thread_id, item = await listed(alice, "Buy milk")
    [task] = await tasks(alice)
    await stream(alice, custom_action(thread_id, item["id"], toggle(task["id"])))
    await say(alice, thread_id, "undo")
    assert (await alice.get(f"/api/tasks/{task['id']}")).json() == task


async def test_a_reply_that_changed_tasks_ends_with_undo(alice: httpx.AsyncClient):
    thread_id, events = await new_thread(alice, "add buy milk and call mom")
    assert len(await tasks(alice)) == 2
    [card] = widget_items(events)
    assert card["widget"]["type"] == "Card" and "Added 2 tasks." in str(card["widget"])
    [offered] = actions(card["widget"])
    assert offered["type"] == "changes.undo"
    events = await stream(alice, custom_action(thread_id, card["id"], offered))
    assert await tasks(alice) == []
    [replaced] = [e for e in events if e["type"] == "thread.item.replaced"]
    assert actions(replaced["item"]["widget"]) == []  # no second Undo
    assert len([e for e in events if e["type"] == "client_effect"]) == 1


async def test_an_undo_made_elsewhere_first_is_a_conflict(alice: httpx.AsyncClient):
    thread_id, events = await new_thread(alice, "add buy milk")
    [card] = widget_items(events)
    [offered] = actions(card["widget"])
    r = await alice.post(f"/api/changes/{offered['payload']['change_id']}/undo")
    assert r.status_code == 200
    assert "already been undone" in await refused(
        alice, custom_action(thread_id, card["id"], offered), 409
    )


async def test_actions_on_what_is_not_yours_change_nothing(
    app: FastAPI, alice: httpx.AsyncClient, bob: httpx.AsyncClient
):
    thread_id, item = await listed(alice, "Alice's task")
    [alices] = await tasks(alice)
    bob_thread, bob_item = await listed(bob, "Bob's task")
    [bobs] = await tasks(bob)

    # A foreign thread, and a foreign item in one's own thread.
    assert await refused(bob, custom_action(thread_id, item["id"], toggle(alices["id"])), 404)
    await refused(bob, custom_action(bob_thread, item["id"], toggle(alices["id"])), 404)
    # A foreign task in the payload of one's own widget: not what the widget offered.
    await refused(alice, custom_action(thread_id, item["id"], toggle(bobs["id"])), 400)
    # A stored widget that names someone else's task (forged): the task is checked too.
    forged = WidgetItem(
        id="msg_forged",
        thread_id=thread_id,
        created_at=datetime.now(),
        widget=DynamicWidgetRoot.model_validate(
            {
                "type": "Card",
                "children": [
                    {
                        "type": "Checkbox",
                        "name": "x",
                        "onChangeAction": widgets.action(widgets.TOGGLE, task_id=bobs["id"]),
                    }
                ],
            }
        ),
    )
    alice_id = (await alice.get("/api/auth/me")).json()["id"]
    await app.state.chat_server.store.add_thread_item(
        thread_id, forged, ChatContext(user_id=alice_id, timezone="UTC")
    )
    assert "not found" in await refused(
        alice, custom_action(thread_id, "msg_forged", toggle(bobs["id"])), 404
    )
    assert [t["completed"] for t in await tasks(bob)] == [False]
    assert [t["completed"] for t in await tasks(alice)] == [False]
    assert bob_item["id"] != item["id"]


async def test_actions_that_are_not_a_widgets_are_refused(alice: httpx.AsyncClient):
    thread_id, item = await listed(alice, "Buy milk")
    [task] = await tasks(alice)
    user_message = (await items(alice, thread_id))[0]
    assert user_message["type"] == "user_message"
    assert "widget" in await refused(
        alice, custom_action(thread_id, user_message["id"], toggle(task["id"])), 400
    )
    await refused(alice, custom_action(thread_id, None, toggle(task["id"])), 400)
    await refused(alice, custom_action(thread_id, item["id"], undo(1)), 400)  # not offered
    await refused(alice, custom_action(thread_id, "msg_nothing", toggle(task["id"])), 404)
    assert [t["completed"] for t in await tasks(alice)] == [False]


@pytest.mark.parametrize(
    "action",
    [
        {"type": "task.toggle"},
        {"type": "task.toggle", "payload": None},
        {"type": "task.toggle", "payload": "1"},
        {"type": "task.toggle", "payload": {"task_id": "1"}},
        {"type": "task.toggle", "payload": {"task_id": None}},
        {"type": "task.toggle", "payload": {"task_id": 2**80}},
        {"type": "nope", "payload": {}},
        {"payload": {"task_id": 1}},
        "task.toggle",
        None,
        [],
    ],
)
async def test_malformed_actions_are_4xx_and_change_nothing(alice: httpx.AsyncClient, action: Any):
    thread_id, item = await listed(alice, "Buy milk")
    r = await alice.post(CHATKIT, json=custom_action(thread_id, item["id"], action))
    assert 400 <= r.status_code < 500, r.text
    assert r.json()["detail"]
    assert [t["completed"] for t in await tasks(alice)] == [False]
    # The conversation still works.
    events = await say(alice, thread_id, "show my tasks")
    assert widget_items(events)


async def test_no_task_list_under_a_delete_question(alice: httpx.AsyncClient):
    await alice.post("/api/tasks", json={"title": "Old emails"})
    thread_id, events = await new_thread(alice, "delete old emails")
    assert widget_items(events) == []  # the question stands alone; nothing changed yet
    events = await say(alice, thread_id, "yes")
    [card] = widget_items(events)
    assert "Deleted 1 task." in str(card["widget"])
