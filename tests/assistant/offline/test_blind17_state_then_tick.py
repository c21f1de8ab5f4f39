"""How a thing is now, then "tick it off" (blind-17): "bathroom's sparkling, tick it off" closes
the bathroom's task (a repeating one moves to its next date); "it" is never another task."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

CLEANING = [
    {"title": "Clean the bathroom", "due_date": "2026-12-01", "recurrence": "FREQ=WEEKLY"},
    {"title": "Clean the kitchen", "due_date": "2026-12-03"},
]


@pytest.mark.parametrize(
    "message",
    [
        "bathroom's sparkling, tick it off",
        "bathroom's spotless, mark it done",
        "the bathroom's gleaming, tick it off",
        "bathroom is sparkling, tick it off",
        "bathroom's sparkling now, tick it off",
    ],
)
async def test_the_repeating_task_moves_on(app: FastAPI, message: str):
    t = await converse(app, CLEANING, [message], {"clean the bathroom"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["clean the bathroom"]["due_date"] == "2026-12-08", t.replies
    assert after["clean the kitchen"] == by_title(t.before)["clean the kitchen"], t.replies


@pytest.mark.parametrize(
    "message",
    [
        "kitchen's sparkling, tick it off",
        "the kitchen's clean, mark it done",
    ],
)
async def test_the_other_one(app: FastAPI, message: str):
    t = await converse(app, CLEANING, [message], {"clean the kitchen"})
    assert t.problems == [], t.problems
    assert by_title(t.after)["clean the kitchen"]["completed"] is True, t.replies
    assert by_title(t.after)["clean the bathroom"]["due_date"] == "2026-12-01", t.replies


@pytest.mark.parametrize(
    "message",
    [
        "garage's sparkling, tick it off",  # no garage task: nothing closed
        "bathroom's sparkling",  # no request
        "is the bathroom sparkling?",
    ],
)
async def test_nothing_changes(app: FastAPI, message: str):
    t = await converse(app, CLEANING, [message], set())
    assert t.problems == [], t.problems
    assert sorted(map(str, t.after)) == sorted(map(str, t.before)), t.replies
