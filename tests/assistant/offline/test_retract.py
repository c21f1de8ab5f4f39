"""Requests taken back in the same message, and changes meant for later (blind-12:
"mark the grout sealer done... jk, don't, I haven't been to the store" completed the task;
"eventually I'll want to delete the old poster task, but not now" added a junk task).

Nothing changes, and the reply says so plainly. A correction after the marker ("no wait, the
yoga one", "jk, add buy oat milk") still acts on the correction."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import converse
from tests.assistant.offline.test_multi import _check, _open

_START = _open(
    "Pick up grout sealer",
    "Dentist appointment",
    "Go to the gym",
    "Yoga class",
    "Print the old poster",
    "Write the report",
    "Do the laundry",
    "Call mum",
    "File the tax return",
    "Pay the rent",
)


async def _nothing_changes(app: FastAPI, message: str, start: list[dict[str, Any]]) -> str:
    t = await converse(app, start, [message], set())
    assert t.problems == [], t.replies
    assert sorted(t.after, key=lambda x: x["id"]) == sorted(t.before, key=lambda x: x["id"])
    return t.replies[-1]


# A request, then a marker that takes it back; nothing follows but a reason.
TAKEN_BACK = [
    "mark the grout sealer done... jk, don't, I haven't been to the store",
    "delete the dentist appointment, just kidding",
    "add buy milk. scratch that",
    "mark the gym done, never mind",
    "move the report to friday... nvm",
    "complete the laundry, actually forget it",
    "delete the old poster task - wait, don't",
    "mark call mum as done, actually don't, I still need to call her",
    "push the dentist to monday, no wait, not yet",
    "add pick up dry cleaning, cancel that",
    "make the report high priority, oh never mind, it's fine as it is",
    "rename the gym task to yoga... jk",
    "tick off the tax return, actually no, forget it",
    "delete the old poster task. never mind, I still need it",
    "mark the rent paid, jk lol",
    "add water the plants tomorrow - scratch that, it rained",
]


@pytest.mark.asyncio
@pytest.mark.parametrize("message", TAKEN_BACK)
async def test_a_request_taken_back_changes_nothing(app: FastAPI, message: str):
    reply = await _nothing_changes(app, message, _START)
    assert "left" in reply.lower(), reply


# A change meant for later, not now.
LATER = [
    "eventually I'll want to delete the old poster task, but not now",
    "at some point I'll need to mark the tax return done, not yet",
    "don't delete the poster task yet, maybe next week",
    "I'll probably delete the gym task at some point, but not today",
    "someday I'll mark the laundry as done, but not yet",
    "later I might move the dentist to friday, not now though",
    "don't mark the gym done yet",
    "don't complete the report yet, I'm still writing it",
    "no need to delete the poster task yet",
    "I'll want to move the dentist appointment eventually, not right now",
    "at some point the old poster task should be deleted, but not today",
    "maybe later I'll mark the tax return done, not now",
    "don't delete the gym task just yet, maybe next month",
    "we'll need to rename the report task eventually, but not yet",
]


@pytest.mark.asyncio
@pytest.mark.parametrize("message", LATER)
async def test_a_change_meant_for_later_changes_nothing(app: FastAPI, message: str):
    reply = await _nothing_changes(app, message, _START)
    assert "for now" in reply.lower() or "left" in reply.lower(), reply


# Controls: a correction after the marker acts on the correction; other words stay as they were.
@pytest.mark.asyncio
async def test_no_wait_the_other_one_asks_to_delete_that_one(app: FastAPI):
    t = await converse(app, _START, ["delete the gym task, no wait, the yoga one"], {"Yoga class"})
    assert t.problems == []
    assert "yoga class" in t.replies[-1].lower() and "go to the gym" not in t.replies[-1].lower()
    assert len(t.after) == len(t.before)  # asked, not deleted yet


CORRECTED = [
    ("mark the gym done, no wait, the yoga one", {"Yoga class": {"completed": True}}),
    ("nvm, mark the dentist one done instead", {"Dentist appointment": {"completed": True}}),
    ("add buy milk, jk, add buy oat milk", {"Buy oat milk": {"completed": False}}),
    ("add eggs, never mind the milk", {"Eggs": {"completed": False}}),
    ("forget it's raining, add buy umbrella", {"Buy umbrella": {"completed": False}}),
    ("take out the bin, but not now - tomorrow", {"Take out the bin": {"due": "+1"}}),
    ("remind me to delete the old photos eventually", {"Delete the old photos": {}}),
    ("I need to clean the garage at some point", {"Clean the garage": {}}),
    ("don't forget to buy milk", {"Buy milk": {}}),
    ("mark the laundry done, I did it this morning", {"Do the laundry": {"completed": True}}),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("message", "want"), CORRECTED)
async def test_a_correction_after_the_marker_acts_on_the_correction(
    app: FastAPI, message: str, want: dict[str, dict[str, Any]]
):
    start = [t for t in _START]
    await _check(
        app, start, [message], {**{t["title"]: {"completed": False} for t in start}, **want}
    )


@pytest.mark.asyncio
async def test_never_mind_after_a_question_still_declines_it(app: FastAPI):
    t = await converse(app, _START, ["delete the old poster task", "never mind"], set())
    assert t.problems == []
    assert "won't delete" in t.replies[-1].lower(), t.replies
    assert len(t.after) == len(t.before)


@pytest.mark.asyncio
async def test_never_mind_put_it_back_still_undoes(app: FastAPI):
    t = await converse(
        app, _START, ["mark the gym done", "never mind, put it back"], {"Go to the gym"}
    )
    assert t.problems == []
    gym = next(x for x in t.after if x["title"] == "Go to the gym")
    assert gym["completed"] is False, t.replies


# Words near a marker that take nothing back: read as before (a correction, a day, a task).
@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("dentist friday, wait no, it's thursday", "add"),  # a correction of the day
        ("add order printer ink, high priority. actually no, make that normal priority", "add"),
        ("add dentist appointment on friday... wait no, not friday, thursday", "add"),
        ("change the review to tuesday - no wait, wednesday", "update"),
        ("I need to move the gym task to later today", "add"),  # "later today" is a time
        ("I want to push the gym task by one day", "update"),  # "one day" is a shift
        ("add fix the car, oh no, I forgot the tyres", "add"),  # "oh no" takes nothing back
        (
            "mark the gym done and cancel this week's yoga",
            "complete",
        ),  # "cancel this …" is a request
        ("what's due today? nvm", "list"),  # a question, answered as before
        ("never mind", "decline"),  # to a question asked: still declines it
    ],
)
def test_words_near_a_marker_that_take_nothing_back(message: str, kind: str):
    from datetime import date

    from backend.assistant.offline.intents import understand

    assert understand(message, date(2026, 11, 30)).kind == kind
