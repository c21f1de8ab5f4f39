"""blind-17's adds whose day was said before the request, or whose verb also lists (tests written
before the fixes): "day after tomorrow: submit expense report, tag work" read "work day after"
as a tag; "so tomorrow evening after work remind me to go to the gym ok" changed a task "remind
me"; "give the cat her flea treatment, on the 3rd of every month" listed the tasks due on the
3rd ("give" lists only as "give me …")."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio


async def _added(app: FastAPI, message: str, title: str) -> dict:
    t = await converse(app, [], [message], {title})
    assert t.problems == [], t.problems
    titles = by_title(t.after)
    assert set(titles) == {title.lower()}, (titles.keys(), t.replies)
    assert title.lower() in t.replies[0].lower(), t.replies
    return titles[title.lower()]


# --- a day first, then the task and its attributes ------------------------------------------


@pytest.mark.parametrize(
    ("message", "title", "due", "tags", "priority"),
    [
        ("day after tomorrow: submit expense report, tag work", "Submit expense report",
         "2026-12-03", ["work"], "medium"),  # blind-17
        ("the day after tomorrow: submit expense report, tag work", "Submit expense report",
         "2026-12-03", ["work"], "medium"),
        ("tomorrow: call the bank, tag money", "Call the bank", "2026-12-02", ["money"], "medium"),
        ("friday - book the vet, high priority, tag pets", "Book the vet", "2026-12-04", ["pets"],
         "high"),
        ("day after tomorrow: renew passport, urgent", "Renew passport", "2026-12-03", [], "high"),
        ("next monday: send the report, tagged work", "Send the report", "2026-12-07", ["work"],
         "medium"),
    ],
)  # fmt: skip
async def test_a_day_said_first_keeps_the_attributes_after_the_title(
    app: FastAPI, message: str, title: str, due: str, tags: list[str], priority: str
):
    task = await _added(app, message, title)
    assert task["due_date"] == due and task["tags"] == tags and task["priority"] == priority, task


async def test_a_day_said_first_before_a_list_gives_it_to_each(app: FastAPI):
    t = await converse(app, [], ["tomorrow: buy milk, eggs"], {"Buy milk", "Buy eggs"})
    assert t.problems == [], t.problems
    titles = by_title(t.after)
    assert set(titles) == {"buy milk", "buy eggs"}, t.replies
    assert all(task["due_date"] == "2026-12-02" for task in titles.values()), t.replies


# --- a day first, then "remind me to …" -----------------------------------------------------


@pytest.mark.parametrize(
    ("message", "title", "due", "time"),
    [
        ("so tomorrow evening after work remind me to go to the gym ok", "Go to the gym",
         "2026-12-02", "18:00"),  # blind-17
        ("tomorrow evening remind me to go to the gym", "Go to the gym", "2026-12-02", "18:00"),
        ("so friday morning remind me to call the bank", "Call the bank", "2026-12-04", "09:00"),
        ("tmrw remind me to buy stamps ok", "Buy stamps", "2026-12-02", None),
        ("on monday don't forget to pay rent", "Pay rent", "2026-12-07", None),
        ("thursday at 6pm remind me to pick up the kids", "Pick up the kids", "2026-12-03",
         "18:00"),
    ],
)  # fmt: skip
async def test_a_day_said_before_remind_me(
    app: FastAPI, message: str, title: str, due: str, time: str | None
):
    task = await _added(app, message, title)
    assert task["due_date"] == due and task.get("due_time") == time, task


async def test_remind_me_about_an_open_task_adds_no_task_named_remind_me(app: FastAPI):
    start = [{"title": "Go to the gym", "due_date": "2026-12-05"}]
    turns = ["tomorrow evening remind me to go to the gym"]
    t = await converse(app, start, turns, {"Go to the gym"})  # said as the same as its add
    assert t.problems == [], t.problems
    assert len(t.after) == 1 and "remind me" not in by_title(t.after), t.replies


# --- "give …": a task, unless "give me …" -----------------------------------------------------


@pytest.mark.parametrize(
    ("message", "title", "due", "repeat"),
    [
        ("oh and give the cat her flea treatment, on the 3rd of every month",
         "Give the cat her flea treatment", "2026-12-03", "FREQ=MONTHLY;BYMONTHDAY=3"),  # blind-17
        ("give the cat her flea treatment on the 3rd of every month",
         "Give the cat her flea treatment", "2026-12-03", "FREQ=MONTHLY;BYMONTHDAY=3"),
        ("give the dog a bath saturday", "Give the dog a bath", "2026-12-05", None),
        ("give Sam his birthday present on the 10th", "Give Sam his birthday present",
         "2026-12-10", None),
        ("give the plants some fertiliser every sunday", "Give the plants some fertiliser",
         "2026-12-06", "FREQ=WEEKLY;BYDAY=SU"),
    ],
)  # fmt: skip
async def test_give_starts_a_task(
    app: FastAPI, message: str, title: str, due: str, repeat: str | None
):
    task = await _added(app, message, title)
    assert task["due_date"] == due and task.get("recurrence") == repeat, task


@pytest.mark.parametrize(
    "message",
    ["give me my tasks", "give me everything due today", "give me the list", "give us a summary"],
)
async def test_give_me_still_lists(app: FastAPI, message: str):
    start = [{"title": "Pay rent", "due_date": "2026-12-01"}]
    t = await converse(app, start, [message], set())
    assert t.problems == [], t.problems
    assert set(by_title(t.after)) == {"pay rent"}, t.replies
    assert "pay rent" in t.replies[0].lower(), t.replies


@pytest.mark.parametrize(
    "message",
    ["give the attic until the end of the month", "give the attic till friday",
     "give the attic more time"],
)  # fmt: skip
async def test_give_a_task_time_adds_nothing(app: FastAPI, message: str):
    start = [{"title": "Clear out the attic", "due_date": "2026-12-02"}]
    t = await converse(app, start, [message], {"Clear out the attic"})
    assert t.problems == [], t.problems
    assert set(by_title(t.after)) == {"clear out the attic"}, t.replies
