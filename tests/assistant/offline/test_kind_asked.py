"""A question that names a kind of task by a plural noun ("how many errands do I have left?",
"what chores do I have?") is about the tasks of that kind (tagged so), not every open task.
Before, the count counted every open task, so "ok mark them all done" after it completed a
work task too (found by blind-17's first run)."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import converse

pytestmark = pytest.mark.asyncio

TODAY = date(2026, 12, 1)
START = [
    {"title": "Drop off the dry cleaning", "tags": ["errands"]},
    {"title": "Buy light bulbs", "tags": ["errands"]},
    {"title": "Get the keys cut", "tags": ["errands"], "completed": True},
    {"title": "Review the contract", "tags": ["work"]},
    {"title": "Mop the floor", "tags": ["chores"]},
]
ERRANDS = {"Drop off the dry cleaning", "Buy light bulbs"}


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("how many errands do I have left?", "errands"),
        ("how many errands are left", "errands"),
        ("hw many errands do i have", "errands"),
        ("what errands do I have left?", "errands"),
        ("which errands are still open?", "errands"),
        ("any errands left?", "errands"),
        ("how many chores do I have today", "chores"),
        ("what bills are due this week?", "bills"),
    ],
)
async def test_a_plural_noun_asked_about_is_a_kind_of_task(message: str, kind: str):
    assert understand(message, TODAY).filter.word_tag == kind


@pytest.mark.parametrize(
    "message",
    [
        "how many tasks do I have left?",
        "how many things are left",
        "what todos do I have",
        "which ones are due today?",
        "how many days until friday?",
        "what is due today?",
        "how many have I completed?",
    ],
)
async def test_words_for_any_task_name_no_kind(message: str):
    assert understand(message, TODAY).filter.word_tag is None


async def test_the_count_counts_that_kind(app: FastAPI):
    t = await converse(app, START, ["how many errands do I have left?"], set())
    assert t.problems == [], t.problems
    assert "2" in t.replies[0] or "two" in t.replies[0].lower(), t.replies


@pytest.mark.parametrize(
    "turns",
    [
        ["how many errands do I have left?", "ok mark them all done"],
        ["what errands do I have left?", "mark them all done"],
        ["any errands left?", "done with all of them"],
    ],
)
async def test_them_all_after_the_question_is_that_kind(app: FastAPI, turns: list[str]):
    t = await converse(app, START, turns, ERRANDS)
    assert t.problems == [], t.problems
    done = {x["title"] for x in t.after if x["completed"]}
    assert done == ERRANDS | {"Get the keys cut"}, t.replies


TOMORROW = "2026-12-02"


@pytest.mark.parametrize("count", [2, 7])
async def test_them_all_after_a_count_by_day_is_what_it_counted(app: FastAPI, count: int):
    """The count names what it counted (up to five in the sentence, more as a list), so
    "them" is never every open task, looked up to count the day's."""
    due = [{"title": f"Errand number {i}", "due_date": TOMORROW} for i in range(count)]
    start = [*due, {"title": "Review the contract"}, {"title": "Pay rent", "due_date": None}]
    counted = {t["title"] for t in due}
    t = await converse(
        app, start, ["how many tasks are due tomorrow?", "ok mark them all done"], counted
    )
    assert t.problems == [], t.problems
    assert t.replies[0].startswith(f"You have {count} open tasks due tomorrow:"), t.replies
    assert {x["title"] for x in t.after if x["completed"]} == counted, t.replies
