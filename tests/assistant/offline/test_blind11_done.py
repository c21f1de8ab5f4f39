"""Deletes and completions told as stories or by reference (blind-11 tuning): a task named by
its repeat ("the daily journaling reminder"), by a participle ("got the car washed")."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse
from tests.assistant.offline.test_multi import _check
from tests.assistant.offline.test_told_changes import _start

J = [
    {"title": "Write in the journal", "due": "+0", "recurrence": "FREQ=DAILY"},
    {"title": "Buy a new journal"},
]


def _rep(title: str, freq: str) -> dict[str, Any]:
    return {"title": title, "due": "+0", "recurrence": f"FREQ={freq}"}


# A task named by how often it repeats, or by another form of its word ("journaling"): among
# the tasks the other words fit, the one repeating that often.
BY_REPEAT = [
    (J, "delete the daily journaling reminder", {"Buy a new journal": {}}),
    (J, "remove the daily journal one", {"Buy a new journal": {}}),
    (J, "get rid of the daily journal task please", {"Buy a new journal": {}}),
    (J, "can you delete the recurring journal reminder", {"Buy a new journal": {}}),
    ([_rep("Water the plants", "WEEKLY"), {"title": "Repot the plants"}],
     "delete the weekly plants reminder", {"Repot the plants": {}}),
    ([_rep("Pay rent", "MONTHLY"), {"title": "Ask about the rent increase"}],
     "remove the monthly rent task", {"Ask about the rent increase": {}}),
    ([_rep("Take out the bins", "WEEKLY"), {"title": "Buy new bins"}],
     "scrap the weekly bins one", {"Buy new bins": {}}),
    ([_rep("Renew the car insurance", "YEARLY"), {"title": "Call about the car insurance claim"}],
     "delete the yearly car insurance reminder", {"Call about the car insurance claim": {}}),
    ([_rep("Walk the dog", "DAILY"), {"title": "Book the dog groomer"}],
     "get rid of the daily dog reminder", {"Book the dog groomer": {}}),
    ([_rep("Go to the gym", "WEEKLY"), {"title": "Cancel the gym membership"}],
     "bin the weekly gym one", {"Cancel the gym membership": {}}),
    ([_rep("Go to the gym", "WEEKLY"), {"title": "Cancel the gym membership"}],
     "remove my weekly gym reminder", {"Cancel the gym membership": {}}),
]  # fmt: skip

# Safety: the repeat word fits no task, or fits both: nothing is deleted on its word alone.
BY_REPEAT_UNCLEAR = [
    (J, "delete the weekly journal reminder"),
    ([_rep("Water the plants", "WEEKLY"), _rep("Feed the plants", "WEEKLY")],
     "delete the weekly plants reminder"),
    ([_rep("Pay rent", "MONTHLY"), {"title": "Pay the rent deposit"}],
     "delete the daily rent reminder"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), BY_REPEAT)
async def test_a_delete_by_repeat_or_word_form(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, _start(start), [message, "yes"], want)


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message"), BY_REPEAT_UNCLEAR)
async def test_a_repeat_word_that_fits_no_one_task_deletes_nothing(
    app: FastAPI, start: list[dict[str, Any]], message: str
):
    await _check(app, _start(start), [message], {t["title"]: {} for t in start})


P = [{"title": "Call the piano tuner"}, {"title": "Buy sheet music"}]
G = [{"title": "Renew the gym membership"}, {"title": "Buy running shoes"}]
D = [{"title": "Book the dentist"}, {"title": "Buy toothpaste"}]

# The task named first, then kept no more ("that thing about X, we don't need it anymore",
# "scrap the X thing", "X is off, remove it"): asked, and deleted on a yes.
TOLD_THEN_DROPPED = [
    (P, "okay that thing about the piano tuner we don't need it anymore since we sold the piano "
        "so just get rid of it", {"Buy sheet music": {}}),
    (P, "that thing about the piano tuner, we don't need it anymore", {"Buy sheet music": {}}),
    (P, "the piano tuner one we do not need it any more", {"Buy sheet music": {}}),
    (P, "the piano tuner thing, we no longer need it", {"Buy sheet music": {}}),
    (P, "scrap the piano tuner thing", {"Buy sheet music": {}}),
    (P, "we don't need the piano tuner anymore", {"Buy sheet music": {}}),
    (G, "the gym membership thing we don't need it anymore, I joined a club",
     {"Buy running shoes": {}}),
    (G, "that reminder about the gym membership, we no longer need it so bin it",
     {"Buy running shoes": {}}),
    (G, "scrap the gym membership one", {"Buy running shoes": {}}),
    (D, "the dentist thing we won't need it anymore, she retired", {"Buy toothpaste": {}}),
    (D, "that thing about booking the dentist, get rid of it", {"Buy toothpaste": {}}),
    (D, "the dentist booking is off, remove it", {"Buy toothpaste": {}}),
]  # fmt: skip

# Safety: a need said of something else, or only later, deletes nothing.
NOT_DROPPED = [
    (P, "the sheet music, we do not need it until friday"),
    (P, "the piano tuner, we don't need it until next month"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), TOLD_THEN_DROPPED)
async def test_a_task_named_then_kept_no_more(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, _start(start), [message, "yep"], want)


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message"), NOT_DROPPED)
async def test_a_need_said_of_later_deletes_nothing(
    app: FastAPI, start: list[dict[str, Any]], message: str
):
    t = await converse(
        app, _start(start), [message], {t["title"] for t in start} | {"buy sheet music"}
    )
    assert t.problems == []
    assert {"call the piano tuner", "buy sheet music"} <= set(by_title(t.after)), t.replies


T = [
    {"title": "Drop off the keys", "due": "+1"},
    {"title": "Collect the parcel", "due": "+1"},
    {"title": "Call the estate agent", "due": "+0"},
]
W = [
    {"title": "Pack the tent", "tags": ["trip"]},
    {"title": "Book the campsite", "tags": ["trip"]},
    {"title": "Pay the gas bill", "due": "+1"},
]

# Every task of a scope the message says itself, after a story of why: asked with each task
# named, and deleted on a yes.
CLEARED = [
    (T, "ok so tomorrow's plans all got cancelled so just clear out everything that's due tomorrow",
     {"Call the estate agent": {}}),
    (T, "clear out everything that's due tomorrow", {"Call the estate agent": {}}),
    (T, "clear out everything due tomorrow please", {"Call the estate agent": {}}),
    (T, "wipe out everything that is due tomorrow", {"Call the estate agent": {}}),
    (T, "remove all of tomorrow's tasks", {"Call the estate agent": {}}),
    (T, "tomorrow is a write-off so delete everything due tomorrow", {"Call the estate agent": {}}),
    (T, "the move fell through, so can you clear out everything due tomorrow",
     {"Call the estate agent": {}}),
    (T, "the viewing got cancelled so just remove all of tomorrow's tasks",
     {"Call the estate agent": {}}),
    (T, "clear out everything that's due today",
     {"Drop off the keys": {}, "Collect the parcel": {}}),
    (W, "the trip is off so delete everything tagged trip", {"Pay the gas bill": {}}),
    (W, "we cancelled the trip so clear out everything tagged trip", {"Pay the gas bill": {}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), CLEARED)
async def test_everything_of_a_scope_cleared_after_a_story(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, _start(start), [message, "yes that's right"], want)


# "clear out" with no scope of tasks is a chore to add; after a story, "everything" alone never
# means every task.
@pytest.mark.asyncio
@pytest.mark.parametrize(
    "message",
    ["clear out everything in the shed tomorrow", "the trip is off so clear out everything"],
)
async def test_clearing_with_no_scope_deletes_nothing(app: FastAPI, message: str):
    t = await converse(app, _start(T), [message, "yes"], {"clear out everything in the shed"})
    assert t.problems == []
    assert {"drop off the keys", "collect the parcel", "call the estate agent"} <= set(
        by_title(t.after)
    ), t.replies


TODAY = [
    {"title": "Return the parcel", "due": "+0"},
    {"title": "Call the pharmacy", "due": "+0"},
    {"title": "Plan the book club meeting", "due": "+1"},
    {"title": "Clear out the attic"},
]
_TODAY_DONE = {"Return the parcel": {"completed": True}, "Call the pharmacy": {"completed": True},
               "Plan the book club meeting": {"completed": False},
               "Clear out the attic": {"completed": False}}  # fmt: skip

# Everything of a scope told as done, then "mark all of it done": that scope, every task named.
SCOPE_TOLD_THEN_MARKED = [
    "I'm pleased to say I managed to get through everything that was due today. Could you mark "
    "all of it as done, please?",
    "I finished everything that was due today so mark all of it as done",
    "I did everything due today, mark it all done",
    "got through everything that's due today! mark all of it done pls",
    "I managed to do everything due today. Please tick all of it off.",
    "everything that was due today is finished, can you mark it all as done",
    "I completed everything due today, mark all of it complete",
    "Done with everything due today. Mark all of it done please",
    "I've sorted everything that was due today, so mark it all done",
    "I finished everything due today. could you check all of it off?",
]


@pytest.mark.asyncio
@pytest.mark.parametrize("message", SCOPE_TOLD_THEN_MARKED)
async def test_a_scope_told_done_then_all_of_it_marked(app: FastAPI, message: str):
    await _check(app, _start(TODAY), [message], _TODAY_DONE)


# Safety: a scope told as not done, or "all of it" with nothing before it, completes nothing.
@pytest.mark.asyncio
@pytest.mark.parametrize(
    "message",
    ["I didn't finish everything that was due today, mark all of it done",
     "mark all of it as done"],
)  # fmt: skip
async def test_all_of_it_with_no_scope_told_completes_nothing(app: FastAPI, message: str):
    await _check(app, _start(TODAY), [message], {t["title"]: {"completed": False} for t in TODAY})
