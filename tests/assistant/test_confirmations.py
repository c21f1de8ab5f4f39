"""Pending confirmations expire in the database, by turn and by time: no crash revives one."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI
from sqlalchemy import update
from sqlmodel import select

from backend.assistant.confirmations import ChatPendingAction
from backend.db import utcnow
from tests.chat_helpers import new_thread, reply_text, say, tasks
from tests.conftest import signed_up

pytestmark = pytest.mark.asyncio


async def asked_to_delete(app: FastAPI):
    client = await signed_up(app, "carol@example.com")
    await client.post("/api/tasks", json={"title": "Pay rent"})
    thread_id, _ = await new_thread(client, "delete pay rent")
    async with app.state.sessionmaker() as session:
        [action] = (await session.exec(select(ChatPendingAction))).all()
    assert action.answer_turn_id is None and action.expires_at > utcnow()
    return client, thread_id


async def set_pending(app: FastAPI, **values: object) -> None:
    async with app.state.sessionmaker() as session:
        await session.exec(update(ChatPendingAction).values(**values))  # type: ignore[call-overload]
        await session.commit()


async def test_a_yes_in_the_next_turn_deletes(app: FastAPI):
    client, thread_id = await asked_to_delete(app)
    events = await say(client, thread_id, "yes")
    assert reply_text(events) == "Deleted 'Pay rent'."
    assert await tasks(client) == []


async def test_a_turn_that_crashed_cannot_leave_the_request_alive(app: FastAPI):
    """A turn that began (and so could answer) but never reached its end, as when the server
    is killed mid-turn: its ``finally`` never ran. The next turn's yes must not delete."""
    client, thread_id = await asked_to_delete(app)
    await set_pending(app, answer_turn_id="msg_of_the_turn_that_crashed")
    events = await say(client, thread_id, "yes")
    assert [t["title"] for t in await tasks(client)] == ["Pay rent"]
    assert "deleted 'pay rent'" not in reply_text(events).lower()


async def test_a_late_yes_confirms_nothing(app: FastAPI):
    client, thread_id = await asked_to_delete(app)
    await set_pending(app, expires_at=utcnow() - timedelta(seconds=1))
    events = await say(client, thread_id, "yes")
    assert [t["title"] for t in await tasks(client)] == ["Pay rent"]
    assert "Nothing was deleted" in reply_text(events)


async def test_a_yes_after_a_no_confirms_nothing(app: FastAPI):
    client, thread_id = await asked_to_delete(app)
    await say(client, thread_id, "no")
    events = await say(client, thread_id, "yes")
    assert [t["title"] for t in await tasks(client)] == ["Pay rent"]
    assert "deleted" not in reply_text(events).lower()
