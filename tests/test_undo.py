"""Change sets and undo: every REST write names its change set, and undoing it puts the tasks
back exactly, skipping what changed since. Runs on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, update
from sqlmodel import select

from backend.db import utcnow
from backend.tasks.changes import ChangeItem, ChangeSet, purge_expired
from tests.chat_helpers import items, new_thread, say, tasks

pytestmark = pytest.mark.asyncio


async def create(c: httpx.AsyncClient, **fields: object) -> tuple[dict[str, Any], int]:
    r = await c.post("/api/tasks", json=fields)
    assert r.status_code == 201, r.text
    return r.json(), int(r.headers["X-Change-Id"])


async def patch(c: httpx.AsyncClient, task_id: int, **fields: object) -> int:
    r = await c.patch(f"/api/tasks/{task_id}", json=fields)
    assert r.status_code == 200, r.text
    return int(r.headers["X-Change-Id"])


async def undo(c: httpx.AsyncClient, change_id: int, status: int = 200) -> dict[str, Any]:
    r = await c.post(f"/api/changes/{change_id}/undo")
    assert r.status_code == status, r.text
    return r.json()


async def all_tasks(c: httpx.AsyncClient) -> list[dict[str, Any]]:
    r = await c.get("/api/tasks?status=all&limit=100")
    return r.json()["items"]


async def test_undo_of_an_add_removes_the_task(alice: httpx.AsyncClient):
    task, change = await create(alice, title="Buy milk")
    assert await undo(alice, change) == {"undone": [task["id"]], "skipped": []}
    assert await all_tasks(alice) == []


async def test_undo_of_a_complete_reopens_it_exactly(alice: httpx.AsyncClient):
    task, _ = await create(alice, title="Buy milk", tags=["shop"])
    change = await patch(alice, task["id"], completed=True)
    assert (await alice.get(f"/api/tasks/{task['id']}")).json()["completed"] is True
    assert (await undo(alice, change))["undone"] == [task["id"]]
    assert (await alice.get(f"/api/tasks/{task['id']}")).json() == task


async def test_undo_of_an_update_restores_every_field(alice: httpx.AsyncClient):
    task, _ = await create(
        alice, title="Buy milk", description="2 l", priority="low", due_date="2030-01-15",
        tags=["shop", "home"],
    )  # fmt: skip
    change = await patch(
        alice, task["id"], title="Buy oat milk", description=None, priority="high",
        due_date=None, tags=["errands"],
    )  # fmt: skip
    await undo(alice, change)
    assert (await alice.get(f"/api/tasks/{task['id']}")).json() == task


async def test_undo_of_a_delete_restores_the_task_with_its_id(alice: httpx.AsyncClient):
    task, _ = await create(alice, title="Pay rent", priority="high", tags=["home"])
    r = await alice.delete(f"/api/tasks/{task['id']}")
    assert r.status_code == 204
    change = int(r.headers["X-Change-Id"])
    assert await all_tasks(alice) == []
    assert await undo(alice, change) == {"undone": [task["id"]], "skipped": []}
    assert await all_tasks(alice) == [task]  # same id, tags, dates: every field


async def test_a_deleted_tasks_id_is_never_given_to_another_task(
    alice: httpx.AsyncClient, bob: httpx.AsyncClient
):
    # SQLite reuses the highest rowid once it is deleted unless the table says AUTOINCREMENT:
    # Bob's new task took Alice's deleted task's id, and her undo then failed with a 500.
    task, _ = await create(alice, title="Pay rent")
    r = await alice.delete(f"/api/tasks/{task['id']}")
    change = int(r.headers["X-Change-Id"])
    bobs, _ = await create(bob, title="Walk the dog")
    mine, _ = await create(alice, title="Buy milk")
    assert task["id"] not in (bobs["id"], mine["id"])
    assert await undo(alice, change) == {"undone": [task["id"]], "skipped": []}
    assert [t["title"] for t in await all_tasks(alice)] == ["Buy milk", "Pay rent"]
    assert [t["title"] for t in await all_tasks(bob)] == ["Walk the dog"]


async def test_undo_of_completing_a_repeating_task_puts_its_date_and_time_back(
    alice: httpx.AsyncClient,
):
    """Completing a repeat moves it on (issue 13); undoing that (issue 15) puts back the very
    occurrence, its time and its last completion: the two features meet in one change set."""
    task, _ = await create(
        alice, title="Water the plants", due_date="2030-01-07", due_time="08:30",
        recurrence="FREQ=WEEKLY;BYDAY=MO",
    )  # fmt: skip
    change = await patch(alice, task["id"], completed=True)
    moved = (await alice.get(f"/api/tasks/{task['id']}")).json()
    assert (moved["completed"], moved["due_date"]) == (False, "2030-01-14")
    assert moved["last_completed_at"] is not None
    await undo(alice, change)
    assert (await alice.get(f"/api/tasks/{task['id']}")).json() == task


async def test_undo_of_a_delete_restores_time_and_repeat(alice: httpx.AsyncClient):
    task, _ = await create(
        alice, title="Pay rent", due_date="2030-02-01", due_time="09:00",
        recurrence="FREQ=MONTHLY;BYMONTHDAY=1",
    )  # fmt: skip
    r = await alice.delete(f"/api/tasks/{task['id']}")
    await undo(alice, int(r.headers["X-Change-Id"]))
    restored = (await alice.get(f"/api/tasks/{task['id']}")).json()
    assert restored == task
    assert restored["recurrence_text"] == task["recurrence_text"] != ""


async def test_a_task_changed_since_is_skipped_with_a_reason(alice: httpx.AsyncClient):
    task, _ = await create(alice, title="Buy milk")
    change = await patch(alice, task["id"], priority="high")
    await patch(alice, task["id"], title="Buy oat milk")  # a later change
    result = await undo(alice, change)
    assert result["undone"] == []
    [skipped] = result["skipped"]
    assert skipped["id"] == task["id"]
    assert "changed since" in skipped["reason"] and "Buy oat milk" in skipped["reason"]
    now = (await alice.get(f"/api/tasks/{task['id']}")).json()
    assert (now["title"], now["priority"]) == ("Buy oat milk", "high")  # left as it is


async def test_a_task_deleted_since_is_skipped(alice: httpx.AsyncClient):
    task, _ = await create(alice, title="Buy milk")
    change = await patch(alice, task["id"], completed=True)
    await alice.delete(f"/api/tasks/{task['id']}")
    result = await undo(alice, change)
    assert result["undone"] == [] and "deleted since" in result["skipped"][0]["reason"]
    assert await all_tasks(alice) == []


async def test_undoing_twice_is_a_conflict_and_an_undo_cannot_be_undone(
    alice: httpx.AsyncClient,
):
    task, _ = await create(alice, title="Buy milk")
    change = await patch(alice, task["id"], completed=True)
    r = await alice.post(f"/api/changes/{change}/undo")
    assert r.status_code == 200
    undo_id = int(r.headers["X-Change-Id"])  # the undo is recorded too
    assert undo_id != change
    again = await undo(alice, change, 409)
    assert "already been undone" in again["detail"]
    assert "cannot be undone" in (await undo(alice, undo_id, 409))["detail"]
    assert (await alice.get(f"/api/tasks/{task['id']}")).json()["completed"] is False


async def test_someone_elses_change_is_not_found(alice: httpx.AsyncClient, bob: httpx.AsyncClient):
    task, change = await create(alice, title="Alice's")
    assert (await undo(bob, change, 404))["detail"] == "No such change of yours"
    assert (await undo(bob, 999_999, 404))["detail"] == "No such change of yours"
    assert (await bob.post("/api/changes/99999999999999/undo")).status_code in (404, 422)
    assert [t["id"] for t in await all_tasks(alice)] == [task["id"]]


async def test_a_mixed_change_set_from_chat_undoes_everything_it_did(
    alice: httpx.AsyncClient,
):
    kept, _ = await create(alice, title="Call mom")
    gone, _ = await create(alice, title="Old task", tags=["x"])
    before = {t["id"]: t for t in await all_tasks(alice)}
    thread_id, _ = await new_thread(alice, "add buy milk and mark call mom done")
    titles = {t["title"]: t for t in await all_tasks(alice)}
    assert titles["Call mom"]["completed"] is True and "Buy milk" in titles
    await say(alice, thread_id, "delete old task")
    await say(alice, thread_id, "yes")
    assert "Old task" not in {t["title"] for t in await all_tasks(alice)}

    # "undo" reverts the latest turn (the delete), then the one before (add + complete).
    await say(alice, thread_id, "undo")
    assert before[gone["id"]] in await all_tasks(alice)
    events = await say(alice, thread_id, "undo that")
    assert {t["id"]: t for t in await all_tasks(alice)} == before
    assert any(e["type"] == "client_effect" for e in events)
    events = await say(alice, thread_id, "undo")
    assert "nothing to undo" in " ".join(
        p["text"] for i in await items(alice, thread_id) if i["type"] == "assistant_message"
        for p in i["content"]
    ).lower()  # fmt: skip
    assert kept["id"] in {t["id"] for t in await tasks(alice)}


async def test_undo_in_chat_is_honest_about_skipped_tasks(alice: httpx.AsyncClient):
    thread_id, _ = await new_thread(alice, "add buy milk")
    [task] = await all_tasks(alice)
    await patch(alice, task["id"], title="Buy oat milk")  # changed on the dashboard since
    events = await say(alice, thread_id, "never mind, put it back")
    reply = " ".join(
        p["text"]
        for e in events
        if e["type"] == "thread.item.done" and e["item"]["type"] == "assistant_message"
        for p in e["item"]["content"]
    )
    assert "changed since" in reply and "left as it is" in reply
    assert [t["title"] for t in await all_tasks(alice)] == ["Buy oat milk"]


async def test_retention_purges_old_change_sets(app: FastAPI, alice: httpx.AsyncClient):
    task, old = await create(alice, title="Old")
    _, recent = await create(alice, title="Recent")
    async with app.state.sessionmaker() as session:
        await session.exec(
            update(ChangeSet)
            .where(ChangeSet.id == old)  # type: ignore[arg-type]
            .values(created_at=utcnow() - timedelta(days=31))
        )
        await session.commit()
        assert await purge_expired(session, 30) == 1
        left = (await session.exec(select(ChangeSet.id))).all()
        assert list(left) == [recent]
        orphans = await session.exec(
            select(func.count()).select_from(ChangeItem).where(ChangeItem.change_set_id == old)
        )
        assert orphans.one() == 0
    assert (await undo(alice, old, 404))["detail"] == "No such change of yours"
    assert [t["id"] for t in await all_tasks(alice) if t["title"] == "Old"] == [task["id"]]


async def test_change_sets_are_exported_and_deleted_with_the_account(
    app: FastAPI, alice: httpx.AsyncClient
):
    _task, change = await create(alice, title="Buy milk")
    await undo(alice, change)
    export = (await alice.get("/api/auth/me/export")).json()
    [added, undone] = export["changes"]
    assert (added["id"], added["source"], added["undone_at"] is not None) == (
        change, "dashboard", True,
    )  # fmt: skip
    assert added["tasks"][0]["before"] is None
    assert added["tasks"][0]["after"]["title"] == "Buy milk"
    assert undone["undoes"] == change and undone["tasks"][0]["after"] is None
    r = await alice.request("DELETE", "/api/auth/me", json={"password": "correct horse battery"})
    assert r.status_code == 204
    async with app.state.sessionmaker() as session:
        for model in (ChangeSet, ChangeItem):
            assert (await session.exec(select(func.count()).select_from(model))).one() == 0
