"""Questions blind-16 missed (tests written before the fixes): "whether I have anything
scheduled for the day after tomorrow" lists that day (never tomorrow, never "is it done?");
"why did I need to call the landlord again?" answers with the task's notes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import TESTS_DAY, converse

TODAY = date(2026, 12, 1)  # a Tuesday


@pytest.mark.parametrize(
    "message",
    [
        "Good evening, could you kindly tell me whether I have anything scheduled for the day "
        "after tomorrow?",  # blind-16
        "could you tell me if I have anything scheduled for the day after tomorrow",
        "do I have anything for the day after tomorrow?",
        "whats on the day after tomorrow",
        "anything due day after tmrw?",
        "tell me whether I've got anything on the day after tomorrow",
        "what do I have the day after tomorrow?",
    ],
)
def test_the_day_after_tomorrow_is_the_day_asked(message: str) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "list", intent
    f = intent.filter
    assert f.due_on == TODAY + timedelta(days=2) and f.due is None and f.asks is None, f
    assert f.text is None, f


@pytest.mark.parametrize(
    ("message", "due", "due_on"),
    [
        ("could you tell me whether I have anything scheduled for tomorrow?", "tomorrow", None),
        ("tell me if I have anything due on friday", None, date(2026, 12, 4)),
        ("do I have anything tomorrow?", "tomorrow", None),
    ],
)
def test_other_days_asked_indirectly(message: str, due: str | None, due_on: date | None) -> None:
    f = understand(message, TODAY).filter
    assert (f.due, f.due_on, f.asks) == (due, due_on, None), f


def test_whether_i_have_paid_still_asks_if_done() -> None:
    intent = understand("could you tell me whether I have paid the gas bill?", TODAY)
    assert intent.kind == "list" and intent.filter.asks == "done", intent


async def test_the_day_after_tomorrow_lists_that_days_task(app: FastAPI) -> None:
    start = [
        {"title": "Collect the glasses", "due_date": str(TESTS_DAY + timedelta(days=2))},
        {"title": "Call the tailor", "due_date": str(TESTS_DAY + timedelta(days=1))},
    ]
    msg = (
        "Good evening, could you kindly tell me whether I have anything scheduled for the day "
        "after tomorrow?"
    )
    t = await converse(app, start, [msg], set())
    assert t.problems == [], t.problems
    assert "glasses" in t.replies[0].lower() and "tailor" not in t.replies[0].lower(), t.replies


# --- "why did I need to X again?": the notes ----------------------------------------------------


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("why did I need to call the landlord again?", "call the landlord"),  # blind-16
        ("why do I have to renew the passport?", "renew the passport"),
        ("why was I supposed to email Sam again", "email Sam"),
        ("why did i have to call the landlord", "call the landlord"),
        ("why am I meant to book the garage", "book the garage"),
        ("why is call the vet on my list?", "call the vet"),
        ("why do we need to fix the fence again?", "fix the fence"),
    ],
)
def test_why_asks_the_notes(message: str, topic: str) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "list" and intent.filter.asks == "note", intent
    assert intent.filter.text == topic


@pytest.mark.parametrize("message", ["why do I need to do this", "why did I call the landlord?"])
def test_why_about_no_task_asks_no_notes(message: str) -> None:
    intent = understand(message, TODAY)
    assert intent.filter.asks != "note", intent


async def test_why_call_the_landlord_gives_the_notes(app: FastAPI) -> None:
    start = [
        {"title": "Call the landlord", "description": "about the broken heater"},
        {"title": "Call the vet"},
    ]
    t = await converse(app, start, ["why did I need to call the landlord again?"], set())
    assert t.problems == [], t.problems
    assert "heater" in t.replies[0], t.replies


async def test_why_with_no_notes_says_so_and_changes_nothing(app: FastAPI) -> None:
    start = [{"title": "Call the vet"}]
    t = await converse(app, start, ["why do I have to call the vet?"], set())
    assert t.problems == [], t.problems
    assert "no notes" in t.replies[0].lower(), t.replies
