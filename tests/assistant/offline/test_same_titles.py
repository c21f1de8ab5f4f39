"""Two tasks with the same title are two tasks: said by that title, the assistant asks which
(naming their days) unless the day said picks one; a delete never takes the first of them
unasked, and a near match never offers one of them to delete. Before, an exact title matched
only the first such task, so "delete call the school" … "yes" deleted the one due today
whichever was meant (found while tuning on blind-17)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import TESTS_DAY, converse

pytestmark = pytest.mark.asyncio

# The days the tests run on (conftest), relative to TESTS_DAY.
_NEXT = TESTS_DAY + timedelta(days=7)
TODAY, NEXT_WEEK = str(TESTS_DAY), str(_NEXT)
_NTH = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}.get(_NEXT.day, "th")
TWINS = [
    {"title": "Call the school", "due_date": TODAY},
    {"title": "Call the school", "due_date": NEXT_WEEK},
    {"title": "Buy milk"},
]


def _days_left(after: list[dict], title: str = "Call the school") -> list[str | None]:
    return sorted(t["due_date"] for t in after if t["title"] == title)


def _days_done(after: list[dict]) -> list[str | None]:
    return sorted(
        t["due_date"] for t in after if t["title"] == "Call the school" and t["completed"]
    )


@pytest.mark.parametrize(
    "turns",
    [
        ["delete call the school", "yes"],
        ["delete the call the school task", "yes"],
        ["remove 'Call the school'", "yes"],
        ["pls delete call the school", "yep"],
    ],
)
async def test_a_title_two_tasks_share_asks_which_and_deletes_nothing(app: FastAPI, turns):
    t = await converse(app, TWINS, turns, set())
    assert t.problems == [], t.problems
    assert _days_left(t.after) == [TODAY, NEXT_WEEK], t.replies
    assert "which" in t.replies[0].lower() and "today" in t.replies[0].lower(), t.replies


@pytest.mark.parametrize(
    ("message", "kept"),
    [
        ("remove the call the school task that's due in 7 days", TODAY),
        ("delete call the school due in a week", TODAY),
        (f"delete the call the school task due on the {_NEXT.day}{_NTH}", TODAY),
        ("delete call the school that's due today", NEXT_WEEK),
    ],
)
async def test_the_day_said_picks_one_of_them(app: FastAPI, message: str, kept: str):
    t = await converse(app, TWINS, [message, "yes"], {"Call the school"})
    assert _days_left(t.after) == [kept], t.replies


async def test_answering_which_by_its_day_deletes_that_one(app: FastAPI):
    turns = ["delete call the school", "the one due today", "yes"]
    t = await converse(app, TWINS, turns, {"Call the school"})
    assert _days_left(t.after) == [NEXT_WEEK], t.replies


async def test_a_completion_of_a_shared_title_asks_too(app: FastAPI):
    t = await converse(app, TWINS, ["mark call the school as done"], set())
    assert t.problems == [], t.problems
    assert _days_done(t.after) == [], t.replies


async def test_a_near_match_never_offers_one_of_two_twins(app: FastAPI):
    t = await converse(app, TWINS, ["delete the school phone call thing", "yes"], set())
    assert t.problems == [], t.problems
    assert _days_left(t.after) == [TODAY, NEXT_WEEK], t.replies


async def test_one_task_of_a_title_is_still_found_at_once(app: FastAPI):
    one = [{"title": "Call the school", "due_date": TODAY}, {"title": "Buy milk"}]
    t = await converse(app, one, ["delete call the school", "yes"], {"Call the school"})
    assert _days_left(t.after) == [], t.replies


async def test_the_day_said_with_the_name_wins_over_another_day_said(app: FastAPI):
    """blind-7: "delete the call alex for tomorrow, I'll do it today" means tomorrow's."""
    tomorrow = str(TESTS_DAY + timedelta(days=1))
    twins = [
        {"title": "Call Alex", "due_date": TODAY},
        {"title": "Call Alex", "due_date": tomorrow},
    ]
    turns = ["delete the call alex for tomorrow, I'll do it today", "yes"]
    t = await converse(app, twins, turns, {"Call Alex"})
    assert _days_left(t.after, "Call Alex") == [TODAY], t.replies


@pytest.mark.parametrize(
    ("turns", "kept"),
    [
        (["delete call the school", "the second one", "yes"], TODAY),
        (["delete call the school", "delete the second one", "yes"], TODAY),
        (["delete call the school", "2", "yes"], TODAY),
        (["delete call the school", "the first one", "yes"], NEXT_WEEK),
    ],
)
async def test_answering_which_by_its_place_in_the_list_picks_that_one(
    app: FastAPI, turns: list[str], kept: str
):
    """Before, "the second one" named the title, which both tasks share, so it asked again."""
    t = await converse(app, TWINS, turns, {"Call the school"})
    assert _days_left(t.after) == [kept], t.replies


async def test_completing_the_second_of_twins_completes_that_one(app: FastAPI):
    turns = ["mark call the school as done", "the second one"]
    t = await converse(app, TWINS, turns, set())
    assert _days_done(t.after) == [NEXT_WEEK], t.replies
    assert _days_left(t.after) == [TODAY, NEXT_WEEK], t.replies


async def test_a_listed_line_that_no_longer_fits_asks_again(app: FastAPI):
    """The list said "due today"; a task typed to look like that line is not a pick."""
    t = await converse(app, TWINS, ["delete Call the school — due tomorrow", "yes"], set())
    assert _days_left(t.after) == [TODAY, NEXT_WEEK], t.replies
