"""A note for the task in view, said with no colon: "and add a note to it bring the printed
agenda" (blind-14 added a task "Note to it bring the printed agenda"). After a pointing word the
task's name has ended, so what follows is the note."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import converse

TODAY = date(2026, 12, 1)

NOTES = [
    ("and add a note to it bring the printed agenda", "bring the printed agenda"),
    ("add a note to it bring the printed agenda", "bring the printed agenda"),
    ("add a note to that one call before 5", "call before 5"),
    ("put a note on it gate code is 4411", "gate code is 4411"),
    ("add a note to this remember the receipts", "remember the receipts"),
    ("add a little note to it ask for the blue one", "ask for the blue one"),
    ("add a quick note to it parking is behind the building", "parking is behind the building"),
    ("leave a note on it bring ID", "bring ID"),
    ("add a comment to it check the size first", "check the size first"),
    ("write a note on that task tickets are in my email", "tickets are in my email"),
    # still as before
    ("add a note to it: bring the printed agenda", "bring the printed agenda"),
    ("add a note to it saying bring the printed agenda", "bring the printed agenda"),
]


@pytest.mark.parametrize(("message", "note"), NOTES)
def test_a_note_for_the_task_in_view(message: str, note: str):
    said = understand(message, TODAY)
    assert said.kind == "update" and said.details.description == note, said


@pytest.mark.parametrize("message", ["add a note to it too", "add a note to it please"])
def test_no_note_said_is_no_note(message: str):
    said = understand(message, TODAY)
    assert said.kind != "add" and not said.details.description, said


@pytest.mark.asyncio
async def test_through_the_app(app: FastAPI):
    turns = ["add meeting prep for tomorrow", "and add a note to it bring the printed agenda"]
    t = await converse(app, [], turns, {"Meeting prep"})
    assert t.problems == [], t.replies
    assert [x["title"] for x in t.after] == ["Meeting prep"]
    assert "printed agenda" in (t.after[0]["description"] or "")
