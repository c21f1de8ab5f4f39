"""Several requests after a short greeting or a count of them ("Morning! Two things, if you
don't mind: …"): every request is carried out, not only the last (blind-17)."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

TASKS = [
    {"title": "Reply to Sara's email"},
    {"title": "Call the landlord", "due_date": "2026-12-01"},
    {"title": "Water the plants"},
]
REQUESTS = ("I've replied to Sara's email, so that can be ticked off, and could you move the "
            "landlord call to Thursday afternoon? Thank you!")  # fmt: skip


@pytest.mark.parametrize(
    "opening",
    [
        "Morning! Two things, if you don't mind: ",
        "Morning! ",
        "Two things, if you don't mind: ",
        "Afternoon! Two things: ",
        "Evening!! ",
        "a couple of things please: ",
        "Good morning! Three things for you: ",
        "",
    ],
)
async def test_every_request_after_an_opening_is_done(app: FastAPI, opening: str):
    t = await converse(
        app, TASKS, [opening + REQUESTS], {"Reply to Sara's email", "Call the landlord"}
    )
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["reply to sara's email"]["completed"] is True, t.replies
    assert after["call the landlord"]["due_date"] == "2026-12-03", t.replies
    assert after["call the landlord"]["completed"] is False, t.replies
    assert after["water the plants"]["completed"] is False, t.replies
    assert len(t.after) == 3, t.replies


@pytest.mark.parametrize(
    ("message", "title", "time"),
    [("morning, walk the dog", "walk the dog", None),
     ("add two things: milk and eggs", "milk", None)],
)  # fmt: skip
async def test_opening_controls_stay_tasks(
    app: FastAPI, message: str, title: str, time: str | None
):
    t = await converse(app, [], [message], {title, "eggs", "Walk the dog", "Milk", "Eggs"})
    assert t.problems == [], t.problems
    assert title in by_title(t.after), t.replies
