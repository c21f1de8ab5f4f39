"""A test passed closes the task that led to it (blind-16): "car passed its MOT today 🎉" is
'Take the car for its MOT' done, never a new task "Car passed its MOT". A failed test, a test
not passed, or a pass that fits two tasks changes nothing (or asks)."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

CAR = [
    {"title": "Take the car for its MOT", "due_date": "2026-12-01"},
    {"title": "Renew the car tax", "due_date": "2026-12-06"},
]
MOT = "Take the car for its MOT"


def done(t) -> set:
    return {k for k, v in by_title(t.after).items() if v["completed"]}


@pytest.mark.parametrize(
    ("start", "message", "want"),
    [
        (CAR, "car passed its MOT today 🎉", MOT),
        (CAR, "the car passed its MOT", MOT),
        (CAR, "car just passed its MOT!!", MOT),
        (CAR, "yay the car passed the MOT", MOT),
        (CAR, "the car finally passed its mot", MOT),
        (
            [{"title": "Get the boiler inspected"}, {"title": "Buy milk"}],
            "the boiler passed its inspection",
            "Get the boiler inspected",
        ),
        (
            [{"title": "Study for the biology exam"}, {"title": "Buy milk"}],
            "I passed the biology exam 🎉",
            "Study for the biology exam",
        ),
        (
            [{"title": "Take the dog for its vet check"}, {"title": "Buy milk"}],
            "the dog passed its vet check",
            "Take the dog for its vet check",
        ),
    ],
)
async def test_a_test_passed_closes_its_task(app: FastAPI, start: list, message: str, want: str):
    t = await converse(app, start, [message], {want})
    assert t.problems == [], t.problems
    assert done(t) == {want.lower()}, t.replies


@pytest.mark.parametrize(
    ("start", "message"),
    [
        (CAR, "the car failed its MOT"),
        (CAR, "car failed its MOT today"),
        (CAR, "the car didn't pass its MOT"),
        (CAR, "the car did not pass the MOT 😩"),
        (CAR, "did the car pass its MOT?"),
        (CAR, "will the car pass its MOT?"),
        (
            [{"title": "Take the car for its MOT"}, {"title": "Take the van for its MOT"}],
            "passed its MOT",
        ),
        ([{"title": "Take the dog to the vet"}, {"title": "Buy milk"}], "passed Tom's house"),
    ],
)
async def test_no_pass_or_two_tasks_closes_nothing(app: FastAPI, start: list, message: str):
    t = await converse(app, start, [message], {"Passed Tom's house"})
    assert t.problems == [], t.problems
    assert done(t) == set(), t.replies
    assert not any("failed" in x["title"].lower() for x in t.after), t.replies
