"""Driving the offline assistant through the real app and checking the safety invariant.

The invariant, checked after every turn on the user's real task list:
- only the tasks the conversation allows may change (or appear, or disappear);
- every task a turn changed is named in that turn's reply;
- nothing is deleted in the turn that asked to delete it.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import httpx
from fastapi import FastAPI

from tests.chat_helpers import new_thread, reply_text, say, tasks
from tests.conftest import signed_up

FIELDS = ("title", "completed", "priority", "due_date", "tags", "description")
_emails = itertools.count()


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
    client = await signed_up(app, f"safety{next(_emails)}@example.com")
    for task in start:
        body = {k: v for k, v in task.items() if k != "completed"}
        created = (await client.post("/api/tasks", json=body)).json()
        if task.get("completed"):
            await client.patch(f"/api/tasks/{created['id']}", json={"completed": True})
    return client


async def converse(
    app: FastAPI, start: list[dict[str, Any]], turns: list[str], may_change: set[str]
) -> Transcript:
    """Run the turns; record every breach of the invariant (titles compared lower-case;
    ``may_change`` names the tasks the conversation refers to, new titles included)."""
    client = await new_user(app, start)
    out = Transcript(before=await tasks(client))
    allowed = {t.lower() for t in may_change}
    thread_id = None
    try:
        for text in turns:
            before = {t["id"]: t for t in await tasks(client)}
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
        out.after = await tasks(client)
    finally:
        await client.aclose()
    return out


def _confirms(text: str) -> bool:
    return text.lower().strip(" .!").split()[0] in {"yes", "y", "yep", "sure", "ok", "confirm"}
