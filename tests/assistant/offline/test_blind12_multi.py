"""Requests from blind-12's multi cases: "the farrier needs to move to saturday" moves that
task; "mark the fence as stained" completes it; a completion and a reopening that each name
their own task are two requests, even with a remark after the last. From blind-13's first run:
a rename with no new title asks, and how a day was ("today has been sooo exhausting") adds
nothing."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import by_title, converse
from tests.assistant.offline.test_adds import TODAY
from tests.assistant.offline.test_multi import _check

SAT = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("message", "subject", "due"),
    [
        ("the farrier needs to move to saturday", "farrier", SAT),  # blind-12
        ("the dentist has to be moved to saturday", "dentist", SAT),
        ("the bake sale needs to be pushed to saturday", "bake sale", SAT),
        ("the car service needs to go to saturday", "car service", SAT),
        ("the vet has to be rescheduled for saturday", "vet", SAT),
        ("piano lesson needs to be shifted to saturday", "piano lesson", SAT),
        ("the team lunch has got to move to saturday", "team lunch", SAT),
        ("the haircut needs moving to saturday", "haircut", SAT),
        ("the gutter cleaning ought to be moved to saturday", "gutter cleaning", SAT),
        ("the school run needs to be put off to saturday", "school run", SAT),
        ("the plumber needs to move to tomorrow", "plumber", TODAY + timedelta(days=1)),
    ],
)
def test_a_task_that_needs_to_move_is_moved(message: str, subject: str, due: date) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.details.due) == ("update", [subject], due)


@pytest.mark.parametrize(
    "message", ["I need to move to Berlin", "we need to move to a bigger office next year"]
)
def test_the_user_moving_is_no_change_to_a_task(message: str) -> None:
    assert understand(message, TODAY).kind != "update"


@pytest.mark.parametrize(
    ("message", "subject"),
    [
        ("mark the fence as stained", "fence"),  # blind-12
        ("mark the rent as paid", "pay rent"),
        ("mark the gutters as cleaned", "clean gutters"),
        ("set the invoice as sent", "send invoice"),
        ("mark the tickets as booked", "book tickets"),
        ("mark the form as signed", "sign form"),
        ("mark the lawn as mowed", "mow lawn"),
        ("mark the parcel as posted", "post parcel"),
        ("mark the shirts as ironed", "iron shirts"),
        ("mark the car as washed", "wash car"),
        ("mark it as paid", "it"),
    ],
)
def test_mark_as_the_tasks_own_verb_done_completes(message: str, subject: str) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items[:1]) == ("complete", [subject]), intent


@pytest.mark.parametrize(
    "message",
    [
        "mark the report as flagged",
        "mark the meeting as postponed",
        "mark the trip as cancelled",
        "mark the report as started",
        "mark the essay as unfinished",
        "mark the bill as needed",
    ],
)
def test_mark_as_a_state_that_is_no_completion_completes_nothing(message: str) -> None:
    assert understand(message, TODAY).kind != "complete"


_DECK = [{"title": "Stain the deck", "completed": True}, {"title": "Stain the fence"},
         {"title": "Paint the shed"}]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "message",
    [
        # blind-12
        "mark the fence as stained, and put the deck back to not done, it needs another coat",
        "mark the fence done, and put the deck back to not done",
        "tick off the fence and set the deck back to not done, it needs another coat",
        "the fence is done, and mark the deck as not done again, it's patchy",
        "the fence is finished, and put the deck back to undone please",
        "mark the fence as done and mark the deck as unfinished, it needs a second coat",
    ],
)
async def test_a_completion_and_a_reopening_of_two_named_tasks_are_both_done(
    app: FastAPI, message: str
) -> None:
    want: dict[str, dict[str, Any]] = {"Stain the deck": {"completed": False},
                                       "Stain the fence": {"completed": True},
                                       "Paint the shed": {"completed": False}}  # fmt: skip
    await _check(app, _DECK, [message], want)


@pytest.mark.parametrize(
    "message",
    [
        "mowed the lawn",
        "mark the lawn as mowed",
        "the lawn got mowed",
        "I mowed the lawn",
        "snowed in again",
        "towed the car",
        "I vowed to tidy up",
    ],
)
def test_a_weekday_is_a_whole_word(message: str) -> None:
    """ "mowed" holds no "wed": no due date (before, "mowed the lawn" added "mo the lawn")."""
    intent = understand(message, TODAY)
    assert all(i.details.due is None for i in (intent, *intent.then)), intent


_CHOIR = [{"title": "Choir rehearsal"}, {"title": "Buy sheet music"}]


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "message",
    [
        # (blind-13's "oh they call it choir practice now not rehearsal so can you rename that
        # one" once renamed the task to "One"; it now says the new name, and renames only the
        # task with the old word: test_renames_told.py)
        "rename that one",
        "can you rename this one please",
        "rename it too",
        "please rename that one again",
    ],
)
async def test_a_rename_with_no_new_title_asks_and_changes_nothing(
    app: FastAPI, message: str
) -> None:
    t = await converse(app, _CHOIR, ["is choir rehearsal on my list?", message], set())
    assert t.problems == []
    assert sorted(by_title(t.after)) == ["buy sheet music", "choir rehearsal"], t.replies
    assert "?" in t.replies[-1], t.replies


@pytest.mark.parametrize(
    "message",
    [
        "ugh today has been sooo exhausting",  # blind-13: added 'Has been sooo exhausting'
        "today was so long",
        "yesterday was a nightmare",
        "tomorrow is going to be busy",
        "this morning has been a disaster",
        "today has been a lot tbh",
        "monday was rough",
        "tonight is gonna be a long one",
        "this week has been crazy",
        "ugh the afternoon was endless",
    ],
)
def test_how_a_day_was_adds_nothing(message: str) -> None:
    assert understand(message, TODAY).kind == "help"


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("remind me tomorrow is bin day", "bin day"),
        ("add is the shop open tomorrow", "shop open"),
        ("add pay the gas bill today", "pay the gas bill"),
    ],
)
def test_an_add_said_outright_still_adds(message: str, title: str) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == ("add", [title])
