"""Follow-ups from blind-13: "put in the notes his number is 555-0142" in a later turn notes
the task just discussed (it adds no task); "also it is for the Friday, and tag it work" dates
the task just added (a learner's article before the day is the day's)."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.test_adds import TODAY
from tests.assistant.offline.test_multi import _check

FRI = date(2026, 12, 4)  # the Friday after Monday 30 November


@pytest.mark.parametrize(
    ("message", "note"),
    [
        ("put in the notes his number is 555-0142", "his number is 555-0142"),  # blind-13
        ("put in the notes: his number is 555-0142", "his number is 555-0142"),
        ("add to the notes his number is 555-0142", "his number is 555-0142"),
        ("write in the notes that the gate code is 4411", "the gate code is 4411"),
        ("write in its notes that the gate code is 4411", "the gate code is 4411"),
        ("jot down in the notes: bring ID", "bring ID"),
        ("add to the description the address is 12 Elm St", "the address is 12 Elm St"),
        ("put in the description that it's the blue door", "it is the blue door"),
        ("add in the notes his email is tom@example.com", "his email is tom@example.com"),
        ("put into the notes the room is B12", "the room is B12"),
        ("write in the notes for it that parking is free", "parking is free"),
    ],
)
def test_a_note_with_no_task_named_is_for_the_task_in_view(message: str, note: str) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.details.description) == ("update", ["it"], note)


@pytest.mark.parametrize(
    ("message", "kind", "items"),
    [
        # a task named keeps its own rule; a note with an add is the new task's
        ("put in the notes for the dentist that it's the new clinic", "update", ["dentist"]),
        ("add call Mr. Patel, put in the notes that his number is 555", "add", ["call Mr. Patel"]),
        (
            "add book the hotel, put in the notes that it must have parking and it is due thursday",
            "add",
            ["book the hotel"],
        ),
        ("write notes for the meeting", "add", ["write notes for the meeting"]),
    ],
)
def test_notes_of_a_named_task_or_a_new_one_are_read_as_before(
    message: str, kind: str, items: list[str]
) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == (kind, items)


def test_put_in_the_notes_with_nothing_after_writes_no_note() -> None:
    assert understand("put in the notes", TODAY).details.description is None


NOTE_LATER = [
    ["add call Mr. Patel", "put in the notes his number is 555-0142"],  # blind-13
    ["add call Mr. Patel", "write in the notes that his number is 555-0142"],
    ["remind me to call Mr. Patel", "add to the notes: his number is 555-0142"],
    ["add call Mr. Patel tomorrow", "jot down in its notes his number is 555-0142"],
]


@pytest.mark.parametrize("turns", NOTE_LATER)
@pytest.mark.asyncio
async def test_a_note_in_a_later_turn_notes_the_task_just_added(
    app: FastAPI, turns: list[str]
) -> None:
    want = {"Call Mr. Patel": {"note": "555-0142"}, "Buy milk": {"description": None}}
    await _check(app, [{"title": "Buy milk"}], turns, want)


@pytest.mark.parametrize(
    ("message", "tags"),
    [
        ("Also it is for the Friday, and tag it work", ["work"]),  # blind-13
        ("it is for the Friday", []),
        ("it's for the friday", []),
        ("and it is on the Friday", []),
        ("it's due the friday", []),
        ("it is for Friday, and tag it work", ["work"]),
    ],
)
def test_it_is_for_the_weekday_dates_the_task_in_view(message: str, tags: list[str]) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.details.due, intent.details.tags) == (
        "update",
        ["it"],
        FRI,
        tags,
    )


@pytest.mark.parametrize("message", ["it is for the team", "it is for the best"])
def test_it_is_for_someone_is_no_date(message: str) -> None:
    assert understand(message, TODAY).details.due is None


FOLLOW_UP_DAY = [
    ["Add please: bring cake to office", "Also it is for the Friday, and tag it work"],  # blind-13
    ["add bring cake to office", "tag it work", "it is for the Friday"],
    ["add bring cake to office #work", "and it's for the friday"],
    ["add bring cake to office", "make it high priority", "also it's for the friday"],
]


@pytest.mark.parametrize("turns", FOLLOW_UP_DAY)
@pytest.mark.asyncio
async def test_a_day_said_after_an_attribute_dates_the_task_just_added(
    app: FastAPI, turns: list[str]
) -> None:
    await _check(app, [], turns, {"Bring cake to office": {"due": "friday"}})
