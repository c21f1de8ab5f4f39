"""A note said for a task is added to the note it already has, never written over it: "also note
that the branch closes at 4" keeps "ask about the fee". Only a request to change the note
("change the note on X to …", "update the X notes, …") replaces it. Before, every note replaced
the old one while the reply said "note added"."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

OLD = "ask about the fee"
START = [
    {"title": "Call the bank", "description": OLD},
    {"title": "Book the dentist"},
    {"title": "Plan the party", "description": "budget 200 euros"},
]


async def _note_after(app: FastAPI, turns: list[str], title: str) -> tuple[str | None, str]:
    t = await converse(app, START, turns, {title})
    assert t.problems == [], t.problems
    return by_title(t.after)[title.lower()]["description"], t.replies[-1]


@pytest.mark.parametrize(
    ("message", "new"),
    [
        ("add a note to the bank task: bring my passport", "bring my passport"),
        ("for the bank call, also note that the branch closes at 4", "the branch closes at 4"),
        ("put in the notes for the bank call that I need my passport", "I need my passport"),
        ("jot down under call the bank: ask for Mr Lee", "ask for Mr Lee"),
        ("add to the description of the bank task that it's about the mortgage",
         "about the mortgage"),
        ("note for call the bank: take the blue folder", "take the blue folder"),
        ("write on the bank task: account number in the drawer", "account number in the drawer"),
    ],
)  # fmt: skip
async def test_a_note_is_added_after_the_one_there(app: FastAPI, message: str, new: str):
    note, reply = await _note_after(app, [message], "Call the bank")
    assert note is not None and note.splitlines()[0] == OLD, note
    assert new.lower() in note.lower(), note
    assert "note added" in reply, reply


async def test_a_note_in_the_next_turn_is_added_too(app: FastAPI):
    note, _ = await _note_after(
        app, ["when is call the bank due?", "put in the notes his number is 555-0142"],
        "Call the bank",
    )  # fmt: skip
    assert note == f"{OLD}\nhis number is 555-0142", note


@pytest.mark.parametrize(
    ("message", "new"),
    [
        ("change the note on the bank task to bring my passport", "bring my passport"),
        ("update the bank task's notes: the fee is waived", "the fee is waived"),
        ("replace the description of call the bank with: closed on mondays", "closed on mondays"),
        ("edit the notes of call the bank to say the fee is 5 euros", "the fee is 5 euros"),
    ],
)  # fmt: skip
async def test_asking_to_change_the_note_replaces_it(app: FastAPI, message: str, new: str):
    note, reply = await _note_after(app, [message], "Call the bank")
    assert note is not None and OLD not in note and new.lower() in note.lower(), note
    assert "note" in reply, reply


async def test_a_task_without_a_note_gets_just_the_new_one(app: FastAPI):
    note, _ = await _note_after(app, ["add a note to the dentist task: bring the x-rays"],
                                "Book the dentist")  # fmt: skip
    assert note == "bring the x-rays"


async def test_the_same_note_again_is_not_written_twice(app: FastAPI):
    note, reply = await _note_after(app, [f"add a note to the bank task: {OLD}"], "Call the bank")
    assert note == OLD
    assert "already has that note" in reply, reply
