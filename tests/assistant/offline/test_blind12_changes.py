"""Changes from blind-12, each a class of phrasing, through the real app: a polite rename
("would it be possible to rename 'X' to 'Y'?"), a day said in a story, then "set that as the
due date", work that cannot be done today moved ("can't do X today, do it tmrw"), and a delete
said after a story with no "so" ("the market got cancelled, get rid of the stall task")."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import TESTS_DAY, by_title, converse
from tests.assistant.offline.test_multi import _check
from tests.assistant.offline.test_told_changes import _start


def _next_dom(day: int) -> str:
    """The next such day of a month, today included (a day every month has)."""
    today = TESTS_DAY
    if today.day <= day:
        return str(today.replace(day=day))
    month = today.replace(day=1, month=today.month % 12 + 1, year=today.year + today.month // 12)
    return str(month.replace(day=day))


GIFT = [{"title": "Wrap Aunt Rosa's gift"}, {"title": "Buy wrapping paper"}]
NEW = "Wrap and post Aunt Rosa's gift"
RENAMES = [
    # blind-12
    (GIFT, "Hi, sorry to bother you, would it be possible to rename 'Wrap Aunt Rosa's gift' to "
     "'Wrap and post Aunt Rosa's gift'? Thank you kindly."),
    # invented: asked indirectly
    (GIFT, "would it be possible to rename 'Wrap Aunt Rosa's gift' to 'Wrap and post Aunt Rosa's "
     "gift'?"),
    (GIFT, "Hello! Would it be at all possible to change 'Wrap Aunt Rosa's gift' to 'Wrap and "
     "post Aunt Rosa's gift'? Many thanks."),
    (GIFT, "is it possible to rename 'Wrap Aunt Rosa's gift' to 'Wrap and post Aunt Rosa's gift'"),
    (GIFT, "Good morning, could it be possible to rename 'Wrap Aunt Rosa's gift' to 'Wrap and "
     "post Aunt Rosa's gift', please?"),
    (GIFT, "sorry to bother you, would it be possible to rename the Aunt Rosa task to 'Wrap and "
     "post Aunt Rosa's gift'? thanks"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message"), RENAMES)
async def test_a_rename_asked_indirectly(app: FastAPI, start: list[dict[str, Any]], message: str):
    await _check(app, start, [message], {NEW: {}, "Buy wrapping paper": {}})


KEYS = [{"title": "Return the rental keys"}, {"title": "Buy a new doormat"}]
DAY_AS_DUE = [
    # blind-12
    (KEYS, "the landlord wants the keys back by the 28th, set that as the due date",
     "Return the rental keys", _next_dom(28)),
    # invented: a day in a story, then "that is the deadline"
    (KEYS, "landlord wants the keys back by the 28th, make that the deadline",
     "Return the rental keys", _next_dom(28)),
    (KEYS, "the agent needs the rental keys by the 20th - that's the due date",
     "Return the rental keys", _next_dom(20)),
    ([{"title": "Return the library books"}, {"title": "Buy a bookshelf"}],
     "the library wants the books back by the 15th, set it as the due date please",
     "Return the library books", _next_dom(15)),
    ([{"title": "Send the permission slip"}, {"title": "Pack the school bag"}],
     "school needs the permission slip by the 9th, make that the deadline",
     "Send the permission slip", _next_dom(9)),
    ([{"title": "Finish the quarterly slides"}, {"title": "Book the team lunch"}],
     "my boss wants the slides by the 3rd. use that as the due date",
     "Finish the quarterly slides", _next_dom(3)),
    ([{"title": "Pay the water bill"}, {"title": "Read the meter"}],
     "the water bill has to be paid by the 12th, put that as the due date",
     "Pay the water bill", _next_dom(12)),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "title", "due"), DAY_AS_DUE)
async def test_a_day_in_a_story_set_as_the_due_date(
    app: FastAPI, start: list[dict[str, Any]], message: str, title: str, due: str
):
    want: dict[str, dict[str, Any]] = {t["title"]: {} for t in start}
    want[title] = {"due_date": due}
    await _check(app, start, [message], want)


# Safety: the story names no task on the list: nothing changes, nothing is added.
@pytest.mark.asyncio
@pytest.mark.parametrize(
    "message",
    ["the plumber wants the money by the 28th, set that as the due date",
     "my cousin's wedding is on the 14th, make that the deadline"],
)  # fmt: skip
async def test_a_day_in_a_story_of_no_task_changes_nothing(app: FastAPI, message: str):
    t = await converse(app, KEYS, [message], set())
    assert t.problems == []
    after = by_title(t.after)
    assert sorted(after) == sorted(k["title"].lower() for k in KEYS), t.replies
    assert all(task["due_date"] is None for task in after.values()), t.replies


STOCK = [{"title": "Count the stock in the back room", "due": "+0"},
         {"title": "Order more boxes", "due": "+0"}]  # fmt: skip
NOT_TODAY = [
    # blind-12
    (STOCK, "cant do the stock count today, do it tmrw", "Count the stock in the back room", "+1"),
    # invented: can't/won't today, then "do it" / "move it" another day
    (STOCK, "can't do the stock count today, move it to tomorrow",
     "Count the stock in the back room", "+1"),
    (STOCK, "won't get to the stock count today, do it on friday",
     "Count the stock in the back room", "friday"),
    (STOCK, "cannot finish the stock count today, do it monday instead",
     "Count the stock in the back room", "monday"),
    (STOCK, "I'm not going to manage the stock count today, let's do it tomorrow",
     "Count the stock in the back room", "+1"),
    (STOCK, "we can't do the stock count today so do it friday",
     "Count the stock in the back room", "friday"),
    ([{"title": "Go to the gym", "due": "+0"}, {"title": "Buy running shoes"}],
     "I can't make the gym today, I'll do it tomorrow", "Go to the gym", "+1"),
    ([{"title": "Do the ironing", "due": "+0"}, {"title": "Fold the laundry", "due": "+0"}],
     "cant do the ironing today, do it tmrw", "Do the ironing", "+1"),
    ([{"title": "Wash the car", "due": "+0"}, {"title": "Vacuum the car"}],
     "couldn't wash the car today, do it saturday", "Wash the car", "saturday"),
    ([{"title": "Call the bank", "due": "+0"}, {"title": "Email the accountant"}],
     "can't call the bank today, move it to tomorrow", "Call the bank", "+1"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "title", "due"), NOT_TODAY)
async def test_not_today_then_another_day_moves_the_task(
    app: FastAPI, start: list[dict[str, Any]], message: str, title: str, due: str
):
    want: dict[str, dict[str, Any]] = {t["title"]: {} for t in start}
    want[title] = {"due": due}
    await _check(app, _start(start), [message], want)


# Safety: the words fit two tasks: we ask, and nothing moves.
@pytest.mark.asyncio
async def test_not_today_of_two_tasks_asks(app: FastAPI):
    start = [{"title": "Go to the gym", "due": "+0"}, {"title": "Buy gym shoes", "due": "+0"}]
    t = await converse(app, _start(start), ["I can't make the gym today, I'll do it tomorrow"],
                       set())  # fmt: skip
    assert t.problems == [] and "which one" in t.replies[-1].lower(), t.replies
    assert {task["due_date"] for task in t.after} == {_start(start)[0]["due_date"]}


MARKET = [{"title": "Set up the Saturday market stall", "due": "saturday"},
          {"title": "Restock the candle display"}]  # fmt: skip
STORY_DELETES = [
    # blind-12
    (MARKET, "the Saturday market got cancelled, get rid of the stall task",
     "Restock the candle display"),
    # invented: a story, then a delete with no "so"
    (MARKET, "market's off this week. delete the stall task", "Restock the candle display"),
    (MARKET, "the market was cancelled - scrap the stall one", "Restock the candle display"),
    ([{"title": "Bake the cake for Sophie's party"}, {"title": "Buy printer paper"}],
     "Sophie is ill and the party is off, can you remove the cake task", "Buy printer paper"),
    ([{"title": "Prepare the pitch deck"}, {"title": "Email the designer"}],
     "the client pulled out, remove the pitch deck task", "Email the designer"),
    ([{"title": "Buy concert tickets"}, {"title": "Book a babysitter"}],
     "ugh the concert was cancelled. delete the concert tickets reminder", "Book a babysitter"),
    ([{"title": "Renew the gym membership"}, {"title": "Buy running shoes"}],
     "the gym closed down, can you get rid of the gym one", "Buy running shoes"),
    ([{"title": "Pack for the ski trip"}, {"title": "Water the plants"}],
     "my kid has a fever, we're not going, delete the ski trip task", "Water the plants"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "left"), STORY_DELETES)
async def test_a_delete_after_a_story(
    app: FastAPI, start: list[dict[str, Any]], message: str, left: str
):
    await _check(app, _start(start), [message, "yes"], {left: {}})


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "message",
    ["the Saturday market got cancelled, get rid of the stall task",
     "market's off this week. delete the stall task"],
)  # fmt: skip
async def test_a_delete_after_a_story_asks_first(app: FastAPI, message: str):
    await _check(app, _start(MARKET), [message, "no"], {t["title"]: {} for t in MARKET})
