"""Updates blind-16 missed (tests written before the fixes): a reason after "stop repeating"
sets no date; a subject ended by a modal ("the mechanic cannot tomorrow, …, change the date");
"I need X ready 2 days earlier"; "X can slip to …"; "set it back to normal priority"; a
message named by what it is ("the landlord email" for "Reply to the landlord")."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import TESTS_DAY, by_title, converse

TODAY = date(2026, 12, 1)  # a Tuesday


def _day(n: int) -> str:
    return str(TESTS_DAY + timedelta(days=n))


# --- a reason after "stop repeating" sets no date ---------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "stop repeating the plants one, I'm moving out next week",  # blind-16
        "stop repeating the plants one, im moving out next week",
        "stop repeating the plants, we're away next month",
        "make the plants one-off, I'll be gone on friday",
        "stop repeating water the plants, we are moving away next week",
        "stop repeating the plants one, I am moving out on the 20th",
    ],
)
def test_a_reason_after_stop_repeating_sets_no_date(message: str) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "update" and intent.details.clear_repeat, intent
    assert intent.details.due is None, intent


def test_stop_repeating_with_a_date_of_its_own_still_moves() -> None:
    intent = understand("stop repeating the gym task, make it due next week", TODAY)
    assert intent.details.clear_repeat and intent.details.due is not None


@pytest.mark.asyncio
async def test_stop_repeating_the_plants_keeps_the_day(app: FastAPI) -> None:
    start = [{"title": "Water the plants", "due_date": _day(0), "recurrence": "FREQ=DAILY"}]
    msg = "stop repeating the plants one, I'm moving out next week"
    t = await converse(app, start, [msg], {"Water the plants"})
    assert t.problems == [], t.problems
    plants = by_title(t.after)["water the plants"]
    assert plants["due_date"] == _day(0) and not plants["recurrence"], t.replies


# --- the task said before a modal: "the mechanic cannot tomorrow, change the date to …" ------


@pytest.mark.parametrize(
    ("message", "days"),
    [
        ("the mechanic cannot tomorrow, please change the date to after tomorrow", 2),  # blind-16
        ("the mechanic can't do tomorrow, change the date to friday", 3),
        ("the mechanic couldn't make it, please move it to friday", 3),
        ("the mechanic won't manage tomorrow, change it to friday", 3),
        ("mechanic cannot come tomorrow, please change the date to friday", 3),
    ],
)
@pytest.mark.asyncio
async def test_the_task_said_before_a_modal_is_it(app: FastAPI, message: str, days: int) -> None:
    start = [
        {"title": "Bring the car to the mechanic", "due_date": _day(1)},
        {"title": "Call the plumber", "due_date": _day(1)},
    ]
    t = await converse(app, start, [message], {"Bring the car to the mechanic"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    friday = TESTS_DAY + timedelta(days=(4 - TESTS_DAY.weekday()) % 7 or 7)
    want = _day(2) if days == 2 else str(friday)
    assert after["bring the car to the mechanic"]["due_date"] == want, t.replies
    assert after["call the plumber"]["due_date"] == _day(1)


# --- "I need X ready 2 days earlier than planned" ---------------------------------------------


@pytest.mark.parametrize(
    ("message", "subject", "shift"),
    [
        ("I need the presentation ready 2 days earlier than planned", "presentation", -2),
        ("i need the presentation done a day earlier than planned", "presentation", -1),
        ("we need the report finished 3 days earlier than we thought", "report", -3),
        ("I want the essay ready two days later than planned", "essay", 2),
        ("i need my slides ready a day earlier", "slides", -1),
        ("we need the quote sent a week later than planned", "quote", 7),
    ],
)
def test_a_thing_wanted_ready_earlier(message: str, subject: str, shift: int) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "update" and intent.items == [subject], intent
    assert intent.details.shift_days == shift


@pytest.mark.asyncio
async def test_presentation_two_days_earlier(app: FastAPI) -> None:
    start = [{"title": "Prepare the presentation", "due_date": _day(5)}, {"title": "Read"}]
    msg = "I need the presentation ready 2 days earlier than planned"
    t = await converse(app, start, [msg], {"Prepare the presentation"})
    assert t.problems == [], t.problems
    assert by_title(t.after)["prepare the presentation"]["due_date"] == _day(3), t.replies


# --- "X can slip to the end of the month" ----------------------------------------------------


@pytest.mark.parametrize(
    ("message", "subject", "due"),
    [
        ("expense claims can slip to the end of the month", "expense claims", date(2026, 12, 31)),
        ("the report can slide to friday", "report", date(2026, 12, 4)),
        ("the gutters could slip till next week", "gutters", date(2026, 12, 7)),
        ("the taxes can slip until the 15th", "taxes", date(2026, 12, 15)),
        ("the report can wait till friday", "report", date(2026, 12, 4)),
    ],
)
def test_a_task_that_can_slip(message: str, subject: str, due: date) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "update" and intent.items == [subject], intent
    assert intent.details.due == due


@pytest.mark.parametrize("message", ["the expense claims can slip", "add expense claims slip"])
def test_slip_without_a_day_moves_nothing(message: str) -> None:
    intent = understand(message, TODAY)
    assert not (intent.kind == "update" and intent.details.due), intent


# --- "set it back to normal priority"; "the landlord email" -----------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "the landlord email isn't urgent anymore, set it back to normal priority",  # blind-16
        "the landlord email is not urgent anymore, set it back to normal",
        "landlord reply isn't urgent anymore, put it back to medium",
        "set the landlord email back to normal priority",
        "the landlord message is not that urgent, set it back to medium priority",
    ],
)
@pytest.mark.asyncio
async def test_set_back_to_normal_priority(app: FastAPI, message: str) -> None:
    start = [
        {"title": "Reply to the landlord", "priority": "high"},
        {"title": "Call the landlord", "priority": "high"},
        {"title": "Pay rent", "priority": "high"},
    ]
    t = await converse(app, start, [message], {"Reply to the landlord"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["reply to the landlord"]["priority"] == "medium", t.replies
    assert after["call the landlord"]["priority"] == "high"


@pytest.mark.asyncio
async def test_a_message_noun_with_two_writing_tasks_asks(app: FastAPI) -> None:
    start = [
        {"title": "Reply to the landlord", "priority": "high"},
        {"title": "Write to the landlord", "priority": "high"},
    ]
    msg = "set the landlord email to low priority"
    t = await converse(app, start, [msg], set())
    assert t.problems == [], t.problems
    assert all(x["priority"] == "high" for x in t.after), t.replies


@pytest.mark.asyncio
async def test_a_message_noun_never_names_a_call(app: FastAPI) -> None:
    start = [{"title": "Call the landlord", "priority": "high"}]
    t = await converse(app, start, ["set the landlord email to low priority"], set())
    assert t.problems == [], t.problems
    assert t.after[0]["priority"] == "high", t.replies
