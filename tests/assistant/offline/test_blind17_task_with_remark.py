"""blind-17's adds said as a command followed by a remark about the task (tests written before
the fixes): "pay the car insurance, it's due the 15th", "file the tax return by end of month,
it's really important" were read as changes of a task that does not exist; "… and its kind of
important so high" left "and so" in the title; "at 8 this evening" was read as 18:00 ("th" of
"this" taken for an ordinal's ending). A remark that names an open task still changes it."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

BILL = [{"title": "Pay the electricity bill", "due_date": "2026-12-05"}]


async def _added(app: FastAPI, start: list[dict], message: str, title: str) -> dict:
    t = await converse(app, start, [message], {title})
    assert t.problems == [], t.problems
    titles = by_title(t.after)
    assert set(titles) == {title.lower()} | {s["title"].lower() for s in start}, (
        titles.keys(),
        t.replies,
    )
    assert title.lower() in t.replies[0].lower(), t.replies
    return titles[title.lower()]


# --- a command, then "it's due …" ------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "title", "due"),
    [
        ("oh and pay the car insurance, it's due the 15th", "Pay the car insurance",
         "2026-12-15"),  # blind-17
        ("pay the car insurance, it's due the 15th", "Pay the car insurance", "2026-12-15"),
        ("oh and renew the passport, it's due friday", "Renew the passport", "2026-12-04"),
        ("call the plumber, it is due tomorrow", "Call the plumber", "2026-12-02"),
        ("also book the vet, its due on the 20th", "Book the vet", "2026-12-20"),
        ("buy a gift for Anna, it's due saturday", "Buy a gift for Anna", "2026-12-05"),
        ("send the invoice to Acme, it's due monday", "Send the invoice to Acme", "2026-12-07"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("start", [[], BILL], ids=["empty", "other task"])
async def test_a_command_then_its_due_day_adds(
    app: FastAPI, start: list[dict], message: str, title: str, due: str
):
    task = await _added(app, start, message, title)
    assert task["due_date"] == due


# --- a command, then "it's really important" -------------------------------------------------


@pytest.mark.parametrize(
    ("message", "title", "due"),
    [
        ("file the tax return by end of month, it's really important", "File the tax return",
         "2026-12-31"),  # blind-17
        ("file the tax return, it's really important", "File the tax return", None),
        ("renew the car registration by friday, it is very important", "Renew the car registration",
         "2026-12-04"),
        ("call the bank tomorrow, it's urgent", "Call the bank", "2026-12-02"),
        ("pay the nanny on the 10th, it's super important", "Pay the nanny", "2026-12-10"),
    ],
)  # fmt: skip
async def test_a_command_then_its_importance_adds(
    app: FastAPI, message: str, title: str, due: str | None
):
    task = await _added(app, BILL, message, title)
    assert task["priority"] == "high" and task["due_date"] == due


# --- the task named exists: the remark changes it, no new task ----------------------------


@pytest.mark.parametrize(
    ("message", "field", "value"),
    [
        ("pay the electricity bill, it's due the 15th", "due_date", "2026-12-15"),
        ("oh and pay the electricity bill, it's due the 15th", "due_date", "2026-12-15"),
        ("pay the electricity bill, it's really important", "priority", "high"),
        ("the electricity bill, it's due the 15th", "due_date", "2026-12-15"),
        ("electricity bill is urgent", "priority", "high"),
    ],
)
async def test_a_remark_naming_an_open_task_changes_it(
    app: FastAPI, message: str, field: str, value: str
):
    t = await converse(app, BILL, [message], {"Pay the electricity bill"})
    assert t.problems == [], t.problems
    titles = by_title(t.after)
    assert set(titles) == {"pay the electricity bill"}, (titles.keys(), t.replies)
    assert titles["pay the electricity bill"][field] == value, t.replies


@pytest.mark.parametrize(
    "message",
    [
        "the car insurance, it's due the 15th",  # no command: names a task, none is made
        "move the car insurance to the 15th",
        "is the car insurance due the 15th?",
    ],
)
async def test_no_command_adds_nothing(app: FastAPI, message: str):
    t = await converse(app, BILL, [message], set())
    assert t.problems == [], t.problems
    assert set(by_title(t.after)) == {"pay the electricity bill"}, t.replies


# --- "… and its kind of important so high" -------------------------------------------------


@pytest.mark.parametrize(
    ("message", "title", "priority"),
    [
        ("need to remember to buy a birthday card for Tom by saturday and its kind of important "
         "so high", "Buy a birthday card for Tom", "high"),  # blind-17
        ("water the ferns and so low", "Water the ferns", "low"),
        ("add call mom and so high", "Call mom", "high"),
        ("remind me to fix the fence on sunday and its not urgent so low", "Fix the fence", "low"),
        ("add book flights friday and so high", "Book flights", "high"),
    ],
)  # fmt: skip
async def test_words_leading_to_a_priority_go_with_it(
    app: FastAPI, message: str, title: str, priority: str
):
    task = await _added(app, [], message, title)
    assert task["priority"] == priority


# --- "at 8 this evening" --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "title", "due", "time"),
    [
        ("Good morning! When you have a moment, could you please remind me to take my blood "
         "pressure medication at 8 this evening? Much appreciated.",
         "Take my blood pressure medication", "2026-12-01", "20:00"),  # blind-17
        ("remind me to call Dad at 7 this evening", "Call Dad", "2026-12-01", "19:00"),
        ("water the plants at 7 this morning", "Water the plants", "2026-12-01", "07:00"),
        ("add take out the bins at 9 this evening", "Take out the bins", "2026-12-01", "21:00"),
        ("call the vet at 3 this afternoon", "Call the vet", "2026-12-01", "15:00"),
        ("add feed the cat at 8 on thursday evening", "Feed the cat", "2026-12-03", "20:00"),
    ],
)  # fmt: skip
async def test_an_hour_then_this_part_of_the_day(
    app: FastAPI, message: str, title: str, due: str, time: str
):
    task = await _added(app, [], message, title)
    assert task["due_date"] == due and task["due_time"] == time, task


async def test_an_ordinal_after_at_is_still_no_time(app: FastAPI):
    task = await _added(app, [], "add pay rent at the 5th", "Pay rent")
    assert task.get("due_time") is None


async def test_words_that_fit_several_tasks_ask_and_add_nothing(app: FastAPI):
    start = [*BILL, {"title": "Pay the water bill", "due_date": "2026-12-06"}]
    t = await converse(app, start, ["pay the bill, it's due the 15th"], set())
    assert t.problems == [], t.problems
    assert set(by_title(t.after)) == {"pay the electricity bill", "pay the water bill"}, t.replies
    assert "?" in t.replies[0] or "which" in t.replies[0].lower(), t.replies
