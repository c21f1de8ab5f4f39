"""Completing and deleting (blind-17): a delete said last ("the drone beach thing, delete", "🗑️
…"), "forget it, just delete it" after a question, same-titled tasks told apart by the day said,
and a slip in a past verb ("sheduled the vet") that stays a completion."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import TESTS_DAY, by_title, converse

# The days the tests run on (conftest), relative to TESTS_DAY.
_NEXT = TESTS_DAY + timedelta(days=7)
TODAY, NEXT_WEEK = str(TESTS_DAY), str(_NEXT)
_NTH = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(_NEXT.day, "th")
DRONE = [{"title": "Pick up the drone from repair"}, {"title": "Fly the drone at the beach"}]
GYM = [{"title": "Renew the gym membership"}, {"title": "Buy new trainers"}]


@pytest.mark.parametrize(
    ("start", "message", "gone"),
    [
        (DRONE, "🗑️ the drone beach thing, delete", "fly the drone at the beach"),
        (DRONE, "the drone beach thing, delete", "fly the drone at the beach"),
        (DRONE, "drone at the beach - delete it", "fly the drone at the beach"),
        (DRONE, "🗑️ fly the drone at the beach", "fly the drone at the beach"),
        (DRONE, "🗑 the drone repair one", "pick up the drone from repair"),
        (GYM, "gym membership, delete", "renew the gym membership"),
        (GYM, "the trainers thing: remove", "buy new trainers"),
        (GYM, "gym one, just delete it", "renew the gym membership"),
    ],
)
async def test_a_delete_said_last_asks_then_deletes(
    app: FastAPI, start: list, message: str, gone: str
):
    t = await converse(app, start, [message, "yep"], {gone})
    assert t.problems == [], t.problems
    assert "delete" in t.replies[0].lower(), t.replies
    assert gone not in by_title(t.after) and len(t.after) == 1, t.replies


async def test_a_delete_said_last_then_no_keeps_it(app: FastAPI):
    t = await converse(app, DRONE, ["the drone beach thing, delete", "no"], set())
    assert t.problems == [], t.problems
    assert len(t.after) == 2 and not any(x["completed"] for x in t.after), t.replies


@pytest.mark.parametrize(
    ("start", "message"),
    [
        (DRONE, "fly the drone at the beach"),  # a new task, no delete
        (DRONE, "add fly the drone, delete the old photos"),
        (DRONE, "is the drone beach thing done?"),
    ],
)
async def test_a_drone_is_never_done(app: FastAPI, start: list, message: str):
    t = await converse(app, start, [message], {"fly the drone", "delete the old photos"})
    assert t.problems == [], t.problems
    assert not any(x["completed"] for x in t.after), t.replies
    assert {x["title"].lower() for x in t.before} <= set(by_title(t.after)), t.replies


NETFLIX = [{"title": "Cancel Netflix"}, {"title": "Cancel the newspaper"}]


@pytest.mark.parametrize(
    "then",
    ["forget it, just delete it", "forget it, delete it", "oh forget it, just delete it",
     "forget about it - remove it", "forget that, just delete it"],
)  # fmt: skip
async def test_forget_it_then_delete_it_deletes_the_task_asked_about(app: FastAPI, then: str):
    t = await converse(app, NETFLIX, ["did I cancel netflix yet?", then, "yes"], {"cancel netflix"})
    assert t.problems == [], t.problems
    assert set(by_title(t.after)) == {"cancel the newspaper"}, t.replies


async def test_forget_it_alone_changes_nothing(app: FastAPI):
    t = await converse(app, NETFLIX, ["did I cancel netflix yet?", "forget it"], set())
    assert t.problems == [], t.problems
    assert sorted(map(str, t.after)) == sorted(map(str, t.before)), t.replies


async def test_forget_it_then_delete_it_then_no_keeps_it(app: FastAPI):
    turns = ["did I cancel netflix yet?", "forget it, just delete it", "no"]
    t = await converse(app, NETFLIX, turns, set())
    assert t.problems == [], t.problems
    assert len(t.after) == 2, t.replies


def _two(title: str) -> list[dict]:
    return [{"title": title, "due_date": TODAY}, {"title": title, "due_date": NEXT_WEEK}]


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("Take out the bins", "took out the bins today"),
        ("Take out the bins", "took the bins out today"),
        ("Take out the bins", "done the bins today"),
        ("Call the school", "called the school today"),
        ("Water the plants", "watered the plants today"),
    ],
)
async def test_the_day_said_picks_which_is_done(app: FastAPI, title: str, message: str):
    t = await converse(app, _two(title), [message], {title})
    assert t.problems == [], t.problems
    done = [x for x in t.after if x["completed"]]
    assert [x["due_date"] for x in done] == [TODAY], t.replies


@pytest.mark.parametrize(
    ("title", "message"),
    [
        ("Take out the bins", "took out the bins"),  # no day: ask
        ("Take out the bins", "took out the bins on friday"),  # a day neither is due: ask
    ],
)
async def test_no_day_or_another_day_asks(app: FastAPI, title: str, message: str):
    t = await converse(app, _two(title), [message], set())
    assert t.problems == [], t.problems
    assert not any(x["completed"] for x in t.after), t.replies
    assert "which" in t.replies[0].lower(), t.replies


async def test_the_day_never_picks_between_different_titles(app: FastAPI):
    start = [
        {"title": "Call the school", "due_date": TODAY},
        {"title": "Call the school nurse", "due_date": NEXT_WEEK},
    ]
    t = await converse(app, start, ["called the school nurse today"], {"call the school nurse"})
    assert t.problems == [], t.problems
    assert not by_title(t.after)["call the school"]["completed"], t.replies


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("delete the school call that's due today, they already called me", NEXT_WEEK),
        ("delete the school call that is due today", NEXT_WEEK),
        ("delete the school call due today", NEXT_WEEK),
        (f"delete the school call due on the {_NEXT.day}{_NTH}", TODAY),
    ],
)
async def test_a_delete_told_by_its_day(app: FastAPI, message: str, kept: str):
    t = await converse(app, _two("Call the school"), [message, "yes"], {"call the school"})
    assert t.problems == [], t.problems
    assert [x["due_date"] for x in t.after] == [kept], t.replies


async def test_a_delete_by_a_day_neither_is_due_asks(app: FastAPI):
    message = "delete the school call that's due tomorrow"
    t = await converse(app, _two("Call the school"), [message, "yes"], set())
    assert t.problems == [], t.problems
    assert len(t.after) == 2, t.replies


VET = [{"title": "Schedule the vet appointment"}, {"title": "Schedule the plumber"}]


@pytest.mark.parametrize(
    ("message", "done"),
    [
        ("sheduled the vet", "schedule the vet appointment"),
        ("shceduled the plumber", "schedule the plumber"),
        ("scheduled the vet", "schedule the vet appointment"),
    ],
)
async def test_a_slip_in_a_past_verb_completes(app: FastAPI, message: str, done: str):
    t = await converse(app, VET, [message], {done})
    assert t.problems == [], t.problems
    assert len(t.after) == 2, t.replies  # nothing added
    assert [x["title"].lower() for x in t.after if x["completed"]] == [done], t.replies


async def test_a_slipped_command_still_adds(app: FastAPI):
    t = await converse(app, VET, ["shedule the dentist tomorrow"], {"schedule the dentist"})
    assert t.problems == [], t.problems
    assert not any(x["completed"] for x in t.after), t.replies


PLANTS = [
    {"title": "Water the plants", "due_date": TODAY, "recurrence": "FREQ=DAILY"},
    {"title": "Water the lawn", "due_date": "2026-12-02"},
]
TWO_REPEATING = [
    *PLANTS,
    {"title": "Take out the bins", "due_date": TODAY, "recurrence": "FREQ=WEEKLY"},
]


@pytest.mark.parametrize(
    ("start", "message"),
    [
        (PLANTS, "I got an automatic watering system for the plants so delete that recurring task"),
        (PLANTS, "delete the recurring task"),
        (PLANTS, "remove that repeating one"),
        (TWO_REPEATING, "got a watering system for the plants, delete that recurring task"),
    ],
)
async def test_the_repeating_task_named_is_deleted(app: FastAPI, start: list, message: str):
    t = await converse(app, start, [message, "yes"], {"water the plants"})
    assert t.problems == [], t.problems
    assert "water the plants" not in by_title(t.after), t.replies
    assert len(t.after) == len(start) - 1, t.replies


async def test_two_repeating_tasks_and_no_name_asks(app: FastAPI):
    t = await converse(app, TWO_REPEATING, ["delete the recurring task", "yes"], set())
    assert t.problems == [], t.problems
    assert len(t.after) == 3, t.replies


@pytest.mark.parametrize(
    ("message", "title"),
    [
        (
            "I would like to be reminded to phone the pharmacy about my refill on Tuesday",
            "phone the pharmacy about my refill",
        ),  # blind-10: the past-verb rule made it "be remindered to …"
    ],
)
def test_a_right_past_verb_is_never_stretched(message: str, title: str) -> None:
    intent = understand(message, date(2026, 12, 1))
    assert intent.kind == "add" and [i.lower() for i in intent.items] == [title], intent
