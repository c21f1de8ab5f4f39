"""Follow-ups and a multi-request from blind-14: a note dictated with no pause after "it" ("and
add a note to it bring the printed agenda"); a learner's subject-less "is for the sunday, put
it please" dates the task in view; "the fence isn't actually fixed, reopen it, and add buy wood
screws" is one reopening of the fence and one add."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.test_adds import TODAY
from tests.assistant.offline.test_multi import _check

SUN = "2026-12-06"  # the Sunday after Tuesday 1 December (TODAY in test_adds is a Monday)


@pytest.mark.parametrize(
    ("message", "note"),
    [
        ("and add a note to it bring the printed agenda", "bring the printed agenda"),  # blind-14
        ("add a note to it bring the printed agenda", "bring the printed agenda"),
        ("put a note on it gate code is 4411", "gate code is 4411"),
        ("add a comment to this one call before noon", "call before noon"),
        ("also add a note to that ask for the blue one", "ask for the blue one"),
        ("add a little note to it parking at the back", "parking at the back"),
        ("leave a note on it ring twice", "ring twice"),
        ("add a note to it: bring the agenda", "bring the agenda"),
        ("add a note to it saying bring the agenda", "bring the agenda"),
        ("write a note on this task bring cash", "bring cash"),
    ],
)
def test_a_note_dictated_after_it_notes_the_task_in_view(message: str, note: str) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "update" and intent.details.description == note


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("add a note to it please", "help"),  # no note said: nothing written
        ("add note to self buy milk", "add"),
        ("add a note to the dentist bring the card", "add"),  # a name's end is unknown: as before
    ],
)
def test_notes_without_it_read_as_before(message: str, kind: str) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == kind or (kind == "help" and intent.details.description is None)


@pytest.mark.asyncio
async def test_a_dictated_note_in_a_later_turn_notes_the_task_just_added(app: FastAPI) -> None:
    turns = ["add meeting prep for tomorrow", "and add a note to it bring the printed agenda"]
    await _check(app, [], turns, {"Meeting prep": {"due": "+1", "note": "printed agenda"}})


@pytest.mark.parametrize(
    ("message", "due"),
    [
        ("is for the sunday, put it please", SUN),  # blind-14
        ("its for the sunday, put it please", SUN),
        ("is for sunday", SUN),
        ("is for the sunday please", SUN),
        ("its for sunday", SUN),
        ("is due friday", "2026-12-04"),
        ("its for friday please", "2026-12-04"),
        ("is for tomorrow", "2026-12-02"),
        ("is due on the sunday", SUN),
        ("it is for the sunday", SUN),
    ],
)
def test_a_subject_left_out_is_the_task_in_view(message: str, due: str) -> None:
    intent = understand(message, TODAY.replace(day=1, month=12))
    assert (intent.kind, intent.items, str(intent.details.due)) == ("update", ["it"], due)


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("is there anything for sunday", "list"),
        ("is it for sunday?", "help"),
        ("is for the kids", "help"),
    ],
)
def test_questions_and_dateless_words_are_no_change(message: str, kind: str) -> None:
    intent = understand(message, TODAY.replace(day=1, month=12))
    assert intent.kind != "update"


@pytest.mark.parametrize(
    ("message", "first", "then"),
    [
        (
            "the fence isn't actually fixed, reopen it, and add buy wood screws",
            "reopen",
            [("add", ["buy wood screws"])],
        ),  # blind-14
        (
            "the fence isn't fixed, reopen it, and add buy wood screws",
            "reopen",
            [("add", ["buy wood screws"])],
        ),
        (
            "the fence isn't actually fixed, mark it not done, and add buy wood screws",
            "reopen",
            [("add", ["buy wood screws"])],
        ),
        (
            "the fence isn't fixed, reopen it and add buy wood screws",
            "reopen",
            [("add", ["buy wood screws"])],
        ),
        (
            "the fence isn't fixed after all, reopen it, then add buy wood screws",
            "reopen",
            [("add", ["buy wood screws"])],
        ),
        (
            "the fence isn't fixed, reopen it, and make it high priority",
            "reopen",
            [("update", ["fence"])],
        ),
    ],
)
def test_told_then_it_then_another_request(
    message: str, first: str, then: list[tuple[str, list[str]]]
) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == (first, ["fence"])
    assert [(i.kind, i.items) for i in intent.then] == then


def test_told_then_it_alone_is_one_reopening() -> None:
    intent = understand("the fence isn't actually fixed, reopen it", TODAY)
    # "it" is the task the other clause tells of (as before blind-14)
    assert (intent.kind, intent.then) == ("reopen", [])
    assert intent.items == ["fence"] or (intent.items, intent.alt_subject) == (["it"], "fence")


@pytest.mark.parametrize(
    "message",
    [
        "the fence isn't actually fixed, reopen it, and add buy wood screws",
        "the fence isn't fixed, reopen it and add buy wood screws",
    ],
)
@pytest.mark.asyncio
async def test_the_fence_is_reopened_and_the_screws_added(app: FastAPI, message: str) -> None:
    start = [
        {"title": "Fix the fence", "completed": True},
        {"title": "Fix the gate", "completed": True},
    ]
    want = {"Fix the fence": {"completed": False}, "Fix the gate": {"completed": True},
            "Buy wood screws": {}}  # fmt: skip
    await _check(app, start, [message], want)
