"""A correction of a day naming a task by a word of its title (blind-16, test written before the
fix): "wait, Lucy lands on the 4th of March 2027, not tomorrow" moves "Pick up Lucy from the
airport" (due tomorrow), never adds "Lucy lands". Only the one open task due on the day
replaced with a word said; otherwise the add stands as before."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import TESTS_DAY, by_title, converse

pytestmark = pytest.mark.asyncio


def _day(n: int) -> str:
    return str(TESTS_DAY + timedelta(days=n))


LUCY = [
    {"title": "Pick up Lucy from the airport", "due_date": _day(1)},
    {"title": "Call the bank", "due_date": _day(1)},
    {"title": "Book the restaurant", "due_date": _day(2)},
]


@pytest.mark.parametrize(
    ("message", "title", "want"),
    [
        ("wait, Lucy lands on the 4th of March 2027, not tomorrow",  # blind-16
         "pick up lucy from the airport", "2027-03-04"),
        ("wait, Lucy lands on 4 March 2027, not tomorrow", "pick up lucy from the airport",
         "2027-03-04"),
        ("oh wait, lucy arrives on the 4th of march 2027 not tomorrow",
         "pick up lucy from the airport", "2027-03-04"),
        ("sorry, Lucy's flight lands on March 4 2027, not tomorrow",
         "pick up lucy from the airport", "2027-03-04"),
        ("the bank opens on the 4th of March 2027, not tomorrow", "call the bank", "2027-03-04"),
        ("wait, the restaurant has a table on the 20th of March 2027, not the day after tomorrow",
         "book the restaurant", "2027-03-20"),
    ],
)  # fmt: skip
async def test_a_day_corrected_moves_the_task_due_then(
    app: FastAPI, message: str, title: str, want: str
) -> None:
    t = await converse(app, LUCY, [message], {title})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert set(after) == {x["title"].lower() for x in LUCY}, t.replies  # nothing added
    assert after[title]["due_date"] == want, t.replies


async def test_a_word_of_a_task_due_another_day_adds(app: FastAPI) -> None:
    msg = "wait, Lucy lands on the 4th of March 2027, not friday"
    t = await converse(app, LUCY, [msg], {"Lucy lands"})
    assert t.problems == [], t.problems
    assert by_title(t.after)["pick up lucy from the airport"]["due_date"] == _day(1), t.replies


async def test_two_tasks_due_then_with_the_word_change_neither(app: FastAPI) -> None:
    start = [*LUCY, {"title": "Buy flowers for Lucy", "due_date": _day(1)}]
    msg = "wait, Lucy lands on the 4th of March 2027, not tomorrow"
    t = await converse(app, start, [msg], {"Lucy lands"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["pick up lucy from the airport"]["due_date"] == _day(1), t.replies
    assert after["buy flowers for lucy"]["due_date"] == _day(1), t.replies


async def test_an_explicit_add_with_not_tomorrow_adds(app: FastAPI) -> None:
    msg = "add lucy lands on the 4th of March 2027, not tomorrow"
    t = await converse(app, LUCY, [msg], {"Lucy lands"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert "lucy lands" in after, t.replies
    assert after["pick up lucy from the airport"]["due_date"] == _day(1), t.replies


# --- "I have until the 15th to pay the parking fine, so change it to that" -------------------

FINES = [
    {"title": "Pay the parking fine", "due_date": _day(1)},
    {"title": "Pay the gas bill", "due_date": _day(1)},
]


def _fifteenth() -> str:
    today = TESTS_DAY
    day = today.replace(day=15)
    if day < today:
        day = (day.replace(day=1) + timedelta(days=32)).replace(day=15)
    return str(day)


@pytest.mark.parametrize(
    "message",
    [
        "just got a letter, turns out I have until the 15th to pay the parking fine, so change "
        "it to that",  # blind-16
        "turns out I have until the 15th to pay the parking fine, so change it to that",
        "turns out I have until the 15th to pay the parking fine, change it to that pls",
        "the parking fine can be paid until the 15th, so move it to that",
        "apparently the parking fine is due on the 15th, so set the date to that",
        "I have until the 15th for the parking fine. change the deadline to that",
    ],
)
async def test_the_day_a_story_says_then_change_it_to_that(app: FastAPI, message: str) -> None:
    t = await converse(app, FINES, [message], {"Pay the parking fine"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["pay the parking fine"]["due_date"] == _fifteenth(), t.replies
    assert after["pay the gas bill"]["due_date"] == _day(1)


@pytest.mark.parametrize(
    "message",
    [
        "just got a letter, turns out I have until the 15th, so change it to that",  # no task
        "just got a letter about the parking fine, so change it to that",  # no day
        "turns out I have until the 15th to pay the rent, so change it to that",  # no such task
    ],
)
async def test_change_it_to_that_without_one_task_and_a_day_changes_nothing(
    app: FastAPI, message: str
) -> None:
    t = await converse(app, FINES, [message], set())
    assert t.problems == [], t.problems
    assert all(x["due_date"] == _day(1) for x in t.after), t.replies
    assert len(t.after) == 2, t.replies
