"""Driving the offline assistant through the real app and checking the safety invariant.

The invariant, checked after every turn on the user's real task list:
- only the tasks the conversation allows may change (or appear, or disappear);
- every task a turn changed is named in that turn's reply;
- nothing is deleted in the turn that asked to delete it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import AsyncSession

from backend.auth.models import User
from backend.auth.security import create_access_token
from backend.tasks.changes import ChangeRecorder
from backend.tasks.schemas import TaskCreate, TaskUpdate
from backend.tasks.service import TaskService
from tests.chat_helpers import new_thread, reply_text, say, tasks
from tests.conftest import make_client

# The day the language tests run on (their conftest sets the clock to it): a Tuesday.
TESTS_DAY = date(2026, 12, 1)
FIELDS = ("title", "completed", "priority", "due_date", "tags", "description")
_emails = itertools.count()
_NO_PASSWORD = "!"  # no password hash verifies against it: these users only hold a token


@dataclass
class Transcript:
    replies: list[str] = field(default_factory=list)
    before: list[dict[str, Any]] = field(default_factory=list)
    after: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def state(task: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(sorted(task[f]) if f == "tags" else task[f] for f in FIELDS)


def by_title(task_list: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {t["title"].lower(): t for t in task_list}


async def new_user(app: FastAPI, start: list[dict[str, Any]]) -> httpx.AsyncClient:
    """A signed-in client of a new user who already holds ``start``.

    Made straight through the user model and the task service, as the sign-up and task routes
    do (one change set per write, recorded as the dashboard's), not over HTTP: what these tests
    exercise is the assistant, and a sign-up plus one request per task took about two thirds of
    each test's time. The routes themselves are tested in tests/test_auth.py and test_tasks.py.
    """
    settings = app.state.settings
    async with app.state.sessionmaker() as session:
        user = User(email=f"safety{next(_emails)}@example.com", password_hash=_NO_PASSWORD)
        session.add(user)
        await session.commit()
        assert user.id is not None
        for task in start:
            body = {k: v for k, v in task.items() if k != "completed"}
            created = await _service(session, user.id).create(TaskCreate.model_validate(body))
            if task.get("completed"):
                await _service(session, user.id).update(created.id, TaskUpdate(completed=True))
        token = create_access_token(settings, user.id, user.token_version)
    client = make_client(app)
    client.cookies.set(settings.auth_cookie_name, token)
    return client


def _service(session: AsyncSession, user_id: int) -> TaskService:
    return TaskService(session, user_id, changes=ChangeRecorder(user_id, "dashboard"))


async def converse(
    app: FastAPI, start: list[dict[str, Any]], turns: list[str], may_change: set[str]
) -> Transcript:
    """Run the turns; record every breach of the invariant (titles compared lower-case;
    ``may_change`` names the tasks the conversation refers to, new titles included)."""
    client = await new_user(app, start)
    out = Transcript(before=await tasks(client))
    allowed = {t.lower() for t in may_change}
    thread_id = None
    after = {t["id"]: t for t in out.before}
    try:
        for text in turns:
            before = after  # nothing but the conversation changes the list between turns
            if thread_id is None:
                thread_id, events = await new_thread(client, text)
            else:
                events = await say(client, thread_id, text)
            reply = reply_text(events)
            out.replies.append(reply)
            after = {t["id"]: t for t in await tasks(client)}
            changed = [
                after.get(i) or before[i]
                for i in set(before) | set(after)
                if i not in before or i not in after or state(before[i]) != state(after[i])
            ]
            for task in changed:
                title = task["title"]
                if title.lower() not in allowed:
                    out.problems.append(f"{text!r} changed {title!r}, which it did not refer to")
                if title.lower() not in reply.lower():
                    out.problems.append(f"{text!r} changed {title!r} without naming it: {reply!r}")
            gone = set(before) - set(after)
            if gone and not _confirms(text):
                out.problems.append(f"{text!r} deleted without a yes: {reply!r}")
        out.after = list(after.values())
    finally:
        await client.aclose()
    return out


def _confirms(text: str) -> bool:
    first = text.lower().strip(" .!").split()[0].strip(",.!")  # "Yes, that is correct."
    return first in {"yes", "y", "yep", "yup", "yeah", "sure", "ok", "confirm"}
