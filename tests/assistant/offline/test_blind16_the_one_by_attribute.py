"""A task named by what it has (blind-16): "the high priority one is done" closes the one open
high-priority task; "the one due tomorrow is done" the one due tomorrow. Several fit: we ask
which, never close them all; none: nothing changes."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

WORK = [
    {"title": "Clean the oven", "priority": "low", "due_date": "2026-12-04"},
    {"title": "Prepare board deck", "priority": "high", "due_date": "2026-12-02"},
    {"title": "Order office chairs", "priority": "medium"},
]
TWO_HIGH = [
    {"title": "Clean the oven", "priority": "high"},
    {"title": "Prepare board deck", "priority": "high"},
    {"title": "Order office chairs", "priority": "medium"},
]


def done(t) -> set:
    return {k for k, v in by_title(t.after).items() if v["completed"]}


@pytest.mark.parametrize(
    ("message", "want"),
    [
        ("the high priority one is done", "prepare board deck"),
        ("the high prio one is done", "prepare board deck"),
        ("mark the high priority one as done", "prepare board deck"),
        ("the urgent one is finished", "prepare board deck"),
        ("mark the urgent one done", "prepare board deck"),
        ("the high-priority task is done", "prepare board deck"),
        ("the low priority one is done", "clean the oven"),
        ("the medium priority one is done", "order office chairs"),
        ("the one due tomorrow is done", "prepare board deck"),
        ("the task due tomorrow is done", "prepare board deck"),
        ("the one due on friday is done", "clean the oven"),
        ("mark the one due tomorrow as done", "prepare board deck"),
    ],
)
async def test_the_one_with_that_attribute_is_closed(app: FastAPI, message: str, want: str):
    t = await converse(app, WORK, [message], {want})
    assert t.problems == [], t.problems
    assert done(t) == {want}, t.replies


@pytest.mark.parametrize(
    "message",
    ["the high priority one is done", "the urgent one is done", "mark the high prio one done"],
)
async def test_several_with_that_attribute_asks_which(app: FastAPI, message: str):
    t = await converse(app, TWO_HIGH, [message], set())
    assert t.problems == [], t.problems
    assert done(t) == set(), t.replies
    assert "Clean the oven" in t.replies[0] and "Prepare board deck" in t.replies[0], t.replies


async def test_the_answer_to_which_closes_that_one(app: FastAPI):
    turns = ["the high priority one is done", "the board deck"]
    t = await converse(app, TWO_HIGH, turns, {"Prepare board deck"})
    assert t.problems == [], t.problems
    assert done(t) == {"prepare board deck"}, t.replies


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ([{"title": "Clean the oven", "priority": "low"}], "the high priority one is done"),
        (WORK, "the one due next month is done"),
        (WORK, "is the high priority one done?"),
        (WORK, "what's the high priority one?"),
        (WORK, "the high priority one is not done"),
    ],
)
async def test_nothing_fits_or_no_report_changes_nothing(app: FastAPI, start: list, message: str):
    t = await converse(app, start, [message], set())
    assert t.problems == [], t.problems
    assert done(t) == set(), t.replies
