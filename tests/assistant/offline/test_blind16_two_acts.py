"""Two past verbs joined by "and" sharing one thing (blind-16): "washed and vacuumed the car"
reports both acts, so "Wash the car" and "Vacuum the car" are both done."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

CAR = [{"title": "Wash the car"}, {"title": "Vacuum the car"}, {"title": "Fill up the tank"}]
BOTH = {"wash the car", "vacuum the car"}


def done(t) -> set:
    return {k for k, v in by_title(t.after).items() if v["completed"]}


@pytest.mark.parametrize(
    ("start", "message", "want"),
    [
        (CAR, "washed and vacuumed the car", BOTH),
        (CAR, "I washed and vacuumed the car", BOTH),
        (CAR, "just washed and hoovered the car", BOTH),
        (CAR, "washed and vacuumed the car!", BOTH),
        (CAR, "we washed and then vacuumed the car", BOTH),
        (CAR, "Washed and Vacuumed the car today", BOTH),
        (
            [
                {"title": "Call the plumber"},
                {"title": "Pay the plumber"},
                {"title": "Fix the sink"},
            ],
            "called and paid the plumber",
            {"call the plumber", "pay the plumber"},
        ),
        (
            [
                {"title": "Clean my shirts"},
                {"title": "Iron my shirts"},
                {"title": "Iron the curtains"},
            ],
            "cleaned and ironed my shirts",
            {"clean my shirts", "iron my shirts"},
        ),
        (
            [
                {"title": "Print the contract"},
                {"title": "Sign the contract"},
                {"title": "Send the contract"},
            ],
            "printed and signed the contract",
            {"print the contract", "sign the contract"},
        ),
        (
            [{"title": "Wash and dry the dishes"}, {"title": "Buy milk"}],
            "washed and dried the dishes",
            {"wash and dry the dishes"},
        ),
    ],
)
async def test_two_acts_of_one_thing_complete_each_task(
    app: FastAPI, start: list, message: str, want: set
):
    t = await converse(
        app, start, [message], {x["title"] for x in start if x["title"].lower() in want}
    )
    assert t.problems == [], t.problems
    assert done(t) == want, t.replies


@pytest.mark.parametrize(
    "message",
    [
        "I haven't washed and vacuumed the car",
        "I need to wash and vacuum the car",
        "did I wash and vacuum the car?",
        "washed and vacuumed the van",
    ],
)
async def test_not_done_or_another_thing_completes_nothing(app: FastAPI, message: str):
    t = await converse(
        app,
        CAR,
        [message],
        {
            "Wash and vacuum the car",
            "Wash and vacuum the van",
            "Wash",
            "Vacuum the car",
            "Washed and vacuumed the van",
        },
    )
    assert t.problems == [], t.problems
    assert done(t) == set(), t.replies


async def test_only_one_of_the_acts_a_task_completes_that_one_and_asks_nothing_wrong(app: FastAPI):
    start = [{"title": "Call the plumber"}, {"title": "Fix the sink"}]
    t = await converse(app, start, ["I called and paid the plumber"], {"Call the plumber"})
    assert t.problems == [], t.problems
    assert done(t) == {"call the plumber"}, t.replies
