"""Several requests in one message blind-16 missed (tests written before the fixes): a comma
list of things said done ("suit bought, haircut done") then an add; "the email to him" after a
clause naming him."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import TESTS_DAY, by_title, converse

TODAY = date(2026, 12, 1)  # a Tuesday

OUTFIT = [{"title": "Buy a suit"}, {"title": "Get a haircut"}, {"title": "Book a taxi"}]


@pytest.mark.parametrize(
    ("message", "done", "added"),
    [
        ("suit bought, haircut done, add iron the shirt for thursday",  # blind-16
         {"buy a suit", "get a haircut"}, "iron the shirt"),
        ("suit bought, haircut done, add iron the shirt", {"buy a suit", "get a haircut"},
         "iron the shirt"),
        ("haircut done, suit bought. add polish the shoes", {"buy a suit", "get a haircut"},
         "polish the shoes"),
        ("suit bought, add iron the shirt for thursday", {"buy a suit"}, "iron the shirt"),
        ("taxi booked, haircut done, add pack the bag", {"book a taxi", "get a haircut"},
         "pack the bag"),
        ("suit purchased, taxi booked, and add iron the shirt",
         {"buy a suit", "book a taxi"}, "iron the shirt"),
    ],
)  # fmt: skip
async def test_things_said_done_then_an_add(
    app: FastAPI, message: str, done: set[str], added: str
) -> None:
    t = await converse(app, OUTFIT, [message], done | {added})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert {k for k, v in after.items() if v["completed"]} == done, t.replies
    assert added in after, t.replies


async def test_the_added_task_keeps_its_day(app: FastAPI) -> None:
    msg = "suit bought, haircut done, add iron the shirt for thursday"
    t = await converse(app, OUTFIT, [msg], {"Buy a suit", "Get a haircut", "Iron the shirt"})
    due = by_title(t.after)["iron the shirt"]["due_date"]
    assert due is not None and date.fromisoformat(due).weekday() == 3, t.replies


@pytest.mark.parametrize(
    "message",
    [
        "buy milk, eggs, add bread",  # a list of things to add, not things done
        "I called, add bread",
        "shoes, socks, add a belt",
    ],
)
def test_lists_of_adds_stay_adds(message: str) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "add" and not intent.then, intent


async def test_a_thing_done_that_names_no_task_changes_nothing(app: FastAPI) -> None:
    t = await converse(app, OUTFIT, ["cake baked, add iron the shirt"], {"Iron the shirt"})
    assert t.problems == [], t.problems
    assert not any(x["completed"] for x in t.after), t.replies


# --- "the email to him": the person said in the clause before -------------------------------

RAVI = [
    {"title": "Call Ravi", "due_date": str(TESTS_DAY)},
    {"title": "Email Ravi", "due_date": str(TESTS_DAY)},
    {"title": "Email Sam", "due_date": str(TESTS_DAY)},
]


@pytest.mark.parametrize(
    "message",
    [
        "called ravi. move the email to him to tmrw",  # blind-16
        "called ravi, move the email to him to tomorrow",
        "called ravi. push the email to him to tomorrow please",
        "called ravi already. move the email to him to tmrw",
    ],
)
async def test_the_email_to_him_is_the_one_to_the_person_named(app: FastAPI, message: str) -> None:
    t = await converse(app, RAVI, [message], {"Call Ravi", "Email Ravi"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["call ravi"]["completed"], t.replies
    assert after["email ravi"]["due_date"] == str(TESTS_DAY + timedelta(days=1)), t.replies
    assert after["email sam"]["due_date"] == str(TESTS_DAY)


async def test_the_email_to_her_with_no_such_person_moves_nothing(app: FastAPI) -> None:
    start = [{"title": "Email Sam", "due_date": str(TESTS_DAY)}, {"title": "Call Mia"}]
    t = await converse(app, start, ["called mia. move the email to her to tmrw"], {"Call Mia"})
    assert t.problems == [], t.problems
    assert by_title(t.after)["email sam"]["due_date"] == str(TESTS_DAY), t.replies


async def test_a_title_with_him_in_it_is_still_found(app: FastAPI) -> None:
    start = [{"title": "Give the keys to him"}, {"title": "Give the keys to Sam"}]
    t = await converse(app, start, ["mark give the keys to him as done"], {"Give the keys to him"})
    assert t.problems == [], t.problems
    assert by_title(t.after)["give the keys to him"]["completed"], t.replies
