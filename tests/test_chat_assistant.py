"""The agent and its MCP tools, driven by scripted models: each tool, identity, failures."""

from __future__ import annotations

import json
from typing import Any

import httpx
import mcp
import pytest
from agents.testing import ModelStep, ScriptedModel, assistant_message, function_call
from fastapi import FastAPI
from openai import APIConnectionError
from sqlmodel import select

from backend.assistant.audit import ToolCall
from backend.assistant.results import read_result
from backend.assistant.tools import create_todo_mcp_server
from backend.chat.server import TOOL_FAILED, UNAVAILABLE
from backend.tasks.service import TaskService
from tests.chat_helpers import (
    items,
    new_thread,
    of_type,
    reply_text,
    say,
    stream,
    tasks,
)
from tests.conftest import AppFactory, signed_up

pytestmark = pytest.mark.asyncio

_ids = iter(range(10**6))


def call_step(name: str, **arguments: Any) -> list[Any]:
    n = next(_ids)
    return [function_call(name, arguments, call_id=f"call_{n}", item_id=f"fc_{n}")]


def reply_step(text: str) -> list[Any]:
    return [assistant_message(text, item_id=f"msg_scripted_{next(_ids)}")]


def tool_outputs(model: ScriptedModel) -> list[Any]:
    """The tool results the model was shown in its last call."""
    outputs = []
    for item in model.calls[-1].input:
        if isinstance(item, dict) and item.get("type") == "function_call_output":
            out = item["output"]
            if isinstance(out, list):  # error results come as content parts
                out = "".join(part.get("text", "") for part in out)
            outputs.append(json.loads(out) if out.startswith("{") else out)
    return outputs


async def scripted(app_with_model: AppFactory, *steps: Any) -> tuple[ScriptedModel, FastAPI]:
    model = ScriptedModel(list(steps))
    return model, await app_with_model(model)


async def test_add_task_with_every_field(app_with_model: AppFactory):
    model, app = await scripted(
        app_with_model,
        call_step("add_task", title="Pay rent", description="to Sam", priority="high",
                  due_date="2030-01-01", tags=["Home"]),
        reply_step("Added."),
    )  # fmt: skip
    alice = await signed_up(app, "alice@example.com")
    _, events = await new_thread(alice, "pay rent on new year, important")
    [task] = await tasks(alice)
    fields = ("title", "description", "priority", "due_date", "tags")
    assert [task[f] for f in fields] == ["Pay rent", "to Sam", "high", "2030-01-01", ["home"]]
    assert of_type(events, "client_effect")[0]["data"] == {"task_ids": [task["id"]]}
    [out] = tool_outputs(model)
    assert out["action"] == "added" and out["changed_task_ids"] == [task["id"]]
    model.assert_complete()


async def test_list_update_complete_reopen(app_with_model: AppFactory):
    model, app = await scripted(app_with_model)
    alice = await signed_up(app, "alice@example.com")
    rent = (await alice.post("/api/tasks", json={"title": "Pay rent"})).json()
    await alice.post("/api/tasks", json={"title": "Walk dog", "tags": ["pets"]})

    model.extend([call_step("list_tasks", status="pending", text="RENT"), reply_step("1 task")])
    thread_id, _ = await new_thread(alice, "anything about rent?")
    [listing] = tool_outputs(model)
    assert [t["title"] for t in listing["tasks"]] == ["Pay rent"]

    model.extend([
        call_step("update_task", task_id=rent["id"], title="Pay rent to Sam", priority="low",
                  due_date="2030-02-01", tags=["money"]),
        reply_step("Updated"),
    ])  # fmt: skip
    await say(alice, thread_id, "rename it")
    got = (await alice.get(f"/api/tasks/{rent['id']}")).json()
    assert (got["title"], got["priority"], got["due_date"], got["tags"]) == (
        "Pay rent to Sam", "low", "2030-02-01", ["money"],
    )  # fmt: skip

    model.extend([call_step("complete_task", task_id=rent["id"]), reply_step("Done")])
    await say(alice, thread_id, "done")
    assert (await alice.get(f"/api/tasks/{rent['id']}")).json()["completed"] is True

    model.extend(
        [call_step("complete_task", task_id=rent["id"], completed=False), reply_step("Reopened")]
    )
    events = await say(alice, thread_id, "not done after all")
    assert (await alice.get(f"/api/tasks/{rent['id']}")).json()["completed"] is False
    assert of_type(events, "progress_update")[0]["text"] == "Reopening the task…"
    model.assert_complete()


async def test_tool_errors_reach_the_model_not_the_database(app_with_model: AppFactory):
    model, app = await scripted(
        app_with_model,
        call_step("add_task", title="   "),
        call_step("complete_task", task_id=424242),
        reply_step("Sorry"),
    )
    alice = await signed_up(app, "alice@example.com")
    await new_thread(alice, "add nothing")
    outputs = [read_result(out)[0] for out in tool_outputs(model)]
    assert [(o.ok, o.error and o.error.kind) for o in outputs] == [
        (False, "invalid"),
        (False, "not_found"),
    ]
    assert outputs[0].error and "title must not be empty" in outputs[0].error.message
    assert outputs[1].error and outputs[1].error.message == "Task 424242 not found"
    assert await tasks(alice) == []


async def test_delete_cannot_be_confirmed_in_the_same_turn(app_with_model: AppFactory):
    model, app = await scripted(app_with_model)
    alice = await signed_up(app, "alice@example.com")
    task = (await alice.post("/api/tasks", json={"title": "Keep me"})).json()
    model.extend([
        call_step("delete_task", task_ids=[task["id"]]),
        call_step("delete_task", task_ids=[task["id"]], confirm=True),
        reply_step("Deleted!"),
    ])  # fmt: skip
    thread_id, _ = await new_thread(alice, "delete keep me")
    assert [o["status"] for o in tool_outputs(model)] == ["confirmation_required"] * 2
    assert len(await tasks(alice)) == 1

    # The user confirms in the next message: now it goes.
    model.extend(
        [call_step("delete_task", task_ids=[task["id"]], confirm=True), reply_step("Gone")]
    )
    events = await say(alice, thread_id, "yes")
    assert tool_outputs(model)[0]["status"] == "deleted"
    assert await tasks(alice) == []
    assert of_type(events, "client_effect")[0]["data"] == {"task_ids": [task["id"]]}


async def test_confirmation_only_covers_the_tasks_asked_about(app_with_model: AppFactory):
    model, app = await scripted(app_with_model)
    alice = await signed_up(app, "alice@example.com")
    a = (await alice.post("/api/tasks", json={"title": "A"})).json()
    b = (await alice.post("/api/tasks", json={"title": "B"})).json()
    model.extend([call_step("delete_task", task_ids=[a["id"]]), reply_step("Sure?")])
    thread_id, _ = await new_thread(alice, "delete A")
    model.extend(
        [call_step("delete_task", task_ids=[a["id"], b["id"]], confirm=True), reply_step("?")]
    )
    await say(alice, thread_id, "yes")
    assert tool_outputs(model)[0]["status"] == "confirmation_required"
    assert len(await tasks(alice)) == 2


async def test_model_cannot_act_for_another_user(app_with_model: AppFactory):
    model, app = await scripted(app_with_model)
    alice = await signed_up(app, "alice@example.com")
    bob = await signed_up(app, "bob@example.com")
    bob_id = (await bob.get("/api/auth/me")).json()["id"]
    bobs = (await bob.post("/api/tasks", json={"title": "Bob's"})).json()

    model.extend([
        call_step("add_task", title="sneaky", user_id=bob_id),
        call_step("complete_task", task_id=bobs["id"], user_id=bob_id),
        call_step("delete_task", task_ids=[bobs["id"]], confirm=True, user_id=bob_id),
        call_step("list_tasks", status="all", user_id=bob_id),
        reply_step("hm"),
    ])  # fmt: skip
    await new_thread(alice, "act as bob")
    assert [t["title"] for t in await tasks(bob)] == ["Bob's"]
    assert (await bob.get(f"/api/tasks/{bobs['id']}")).json()["completed"] is False
    listing = tool_outputs(model)[3]
    assert all(
        t["title"] != "Bob's"
        for t in (listing.get("tasks", []) if isinstance(listing, dict) else [])
    )


async def test_tools_refuse_calls_without_an_authenticated_user(app: FastAPI):
    server = create_todo_mcp_server(app.state.sessionmaker)
    async with mcp.Client(server) as client:
        tools = (await client.list_tools()).tools
        assert {t.name for t in tools} == {
            "add_task", "list_tasks", "complete_task", "update_task", "delete_task",
            "undo_last_change",
        }  # fmt: skip
        for tool in tools:
            assert "user" not in json.dumps(tool.input_schema)
        r = await client.call_tool("add_task", {"title": "orphan"})
        assert r.is_error
        assert "No authenticated user" in r.content[0].text
        r = await client.call_tool("list_tasks", {}, meta={"user_id": "not-a-number"})
        assert r.is_error
    async with app.state.engine.connect() as conn:
        from sqlalchemy import text

        assert (await conn.execute(text("SELECT count(*) FROM tasks"))).scalar() == 0


async def test_failing_model_gives_in_band_error_and_retry_works(app_with_model: AppFactory):
    model, app = await scripted(
        app_with_model,
        ModelStep.raise_error(APIConnectionError(request=httpx.Request("POST", "http://x"))),
    )
    alice = await signed_up(app, "alice@example.com")
    thread_id, events = await new_thread(alice, "add milk")
    [error] = of_type(events, "error")
    assert error["message"] == UNAVAILABLE and error["allow_retry"] is True
    [user_msg] = await items(alice, thread_id)
    assert user_msg["type"] == "user_message"

    model.extend([call_step("add_task", title="milk"), reply_step("Added milk")])
    events = await stream(
        alice,
        {
            "type": "threads.retry_after_item",
            "params": {"thread_id": thread_id, "item_id": user_msg["id"]},
        },
    )
    assert reply_text(events) == "Added milk"
    assert [t["title"] for t in await tasks(alice)] == ["milk"]


async def test_crashing_tool_gives_in_band_error(
    app_with_model: AppFactory, monkeypatch: pytest.MonkeyPatch
):
    async def broken(self: TaskService, data: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(TaskService, "create", broken)
    _, app = await scripted(app_with_model, call_step("add_task", title="milk"), reply_step("?"))
    alice = await signed_up(app, "alice@example.com")
    thread_id, events = await new_thread(alice, "add milk")
    [error] = of_type(events, "error")
    assert error["message"] == TOOL_FAILED and error["allow_retry"] is True
    assert "disk on fire" not in json.dumps(events)
    assert [i["type"] for i in await items(alice, thread_id)] == ["user_message"]
    async with app.state.sessionmaker() as session:
        [audit] = (await session.exec(select(ToolCall))).all()
    assert (audit.tool, audit.outcome, audit.error) == ("add_task", "error", "internal error")
