"""Deletes from blind-14: a near-match suggestion ("Did you mean X?") is itself the delete's
question, so one yes deletes exactly X and a no (or anything else) deletes nothing; "pw" is
"password"; the formal "I should like the task regarding X removed from my list" names X; a
task kept beside the deleted one ("(keep the doctor one)", ", not the doctor one") is never
part of the name; "scratch that, undo" and "nah undo" undo the last change."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import by_title, converse
from tests.assistant.offline.test_adds import TODAY

START: list[dict[str, Any]] = [
    {"title": "Change the wifi password"},
    {"title": "Get quotes for the garden fence"},
    {"title": "Buy milk"},
]
ALL = {t["title"] for t in START}

# words that name no task exactly, but one closely: the suggestion is the delete's question
NEAR = [
    ("remove the router password task", "Change the wifi password"),
    ("scrap the password reset", "Change the wifi password"),
    ("delete the modem password", "Change the wifi password"),
    ("remove the hedge quotes", "Get quotes for the garden fence"),
]


async def _after(app: FastAPI, turns: list[str]) -> tuple[set[str], list[str]]:
    t = await converse(app, START, turns, ALL)
    assert t.problems == [], t.replies
    return set(by_title(t.after)), t.replies


@pytest.mark.parametrize(("message", "title"), NEAR)
@pytest.mark.parametrize("yes", ["yes", "yep", "Yes, that is correct.", "sure"])
@pytest.mark.asyncio
async def test_a_yes_to_the_suggestion_deletes_exactly_that_task(
    app: FastAPI, message: str, title: str, yes: str
) -> None:
    left, replies = await _after(app, [message, yes])
    assert f"Did you mean '{title}'? Say yes to delete it" in replies[0]
    assert left == {t.lower() for t in ALL - {title}}, replies


@pytest.mark.parametrize(("message", "title"), NEAR)
@pytest.mark.parametrize("answer", ["no", "nope, keep it", "add buy eggs", "what's on my list?"])
@pytest.mark.asyncio
async def test_anything_but_a_yes_to_the_suggestion_deletes_nothing(
    app: FastAPI, message: str, title: str, answer: str
) -> None:
    t = await converse(app, START, [message, answer], ALL | {"Buy eggs"})
    assert {x.lower() for x in ALL} <= set(by_title(t.after)), t.replies


@pytest.mark.asyncio
async def test_the_suggestion_alone_deletes_nothing(app: FastAPI) -> None:
    left, _ = await _after(app, ["remove the router password task"])
    assert left == {t.lower() for t in ALL}


@pytest.mark.asyncio
async def test_a_list_of_names_with_one_missing_offers_no_delete(app: FastAPI) -> None:
    # "the milk and the router password": never a guess for one part as the whole request
    left, _ = await _after(app, ["delete the milk and the router password", "yes"])
    assert left == {t.lower() for t in ALL}


@pytest.mark.parametrize(
    "turns",
    [
        ["del wifi pw task", "yep"],  # blind-14
        ["delete the wifi pw", "yes"],
        ["rm wifi pwd task", "yes"],
        ["remove the wifi pw one", "y"],
        [
            "I should like the task regarding the wifi password removed from my list, please.",
            "Yes, that is correct.",
        ],
    ],
)
@pytest.mark.asyncio
async def test_shorthand_and_formal_deletes_delete_the_task_named(
    app: FastAPI, turns: list[str]
) -> None:
    left, replies = await _after(app, turns)
    assert left == {"get quotes for the garden fence", "buy milk"}, replies


@pytest.mark.parametrize(
    ("message", "item"),
    [
        (
            "I should like the task regarding the garden fence removed from my list, please.",
            "garden fence",
        ),  # blind-14
        ("I want the gym task removed", "gym"),
        ("I'd like the dentist one deleted", "dentist"),
        ("I would like the task concerning the boiler deleted, thank you.", "boiler"),
        ("I'd prefer the gym reminder removed", "gym"),
        ("I would like the task about the fence removed from my list", "fence"),
        ("we'd like the party task removed", "party"),
        ("delete the task regarding the garden fence", "garden fence"),
    ],
)
def test_a_formal_wish_to_remove_a_task_is_a_delete(message: str, item: str) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == ("delete", [item])


@pytest.mark.parametrize(
    "message",
    [
        "I want the spam emails deleted",  # no task word, no "from my list": maybe a task
        "I'd like the kitchen painted",
        "I want the car washed",
        "I want the old sofa removed",
        "I'd like the mould removed from the bathroom",
    ],
)
def test_a_wish_for_something_done_is_no_delete(message: str) -> None:
    assert understand(message, TODAY).kind != "delete"


@pytest.mark.parametrize(
    "message",
    [
        "remove the dentist appointment (keep the doctor one)",  # blind-14
        "delete the dentist appointment, not the doctor one",
        "delete the dentist appointment but keep the doctor one",
        "remove dentist appointment - keep the doctor one",
        "get rid of the dentist appointment (not the doctor)",
        "delete the dentist appointment not the doctor one",
        "delete the dentist appointment but not the doctor one",
        "scrap the dentist appointment (but keep the doctor appt)",
        "remove the dentist appointment, keep the doctor appointment though",
        "delete the dentist appointment; leave the doctor one",
    ],
)
def test_a_task_kept_beside_the_deleted_one_is_no_part_of_its_name(message: str) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == ("delete", ["dentist appointment"])


@pytest.mark.parametrize(
    ("message", "item"),
    [
        ("delete keep the change jar", "keep the change jar"),  # a title starting "keep"
        ("delete leave the keys with Sam", "leave the keys with Sam"),
        ("delete the dentist appointment", "dentist appointment"),
    ],
)
def test_titles_with_keep_or_leave_are_whole(message: str, item: str) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == ("delete", [item])


@pytest.mark.parametrize(
    "turns",
    [
        ["remove the dentist appointment (keep the doctor one)", "yes"],
        ["delete the dentist appt, not the doctor one", "yep"],
        ["bin the dentist appointment but leave the doctor one", "yes"],
    ],
)
@pytest.mark.asyncio
async def test_only_the_task_named_is_deleted(app: FastAPI, turns: list[str]) -> None:
    start = [{"title": "Dentist appointment"}, {"title": "Doctor appointment"}]
    t = await converse(app, start, turns, {"Dentist appointment"})
    assert t.problems == []
    assert set(by_title(t.after)) == {"doctor appointment"}, t.replies


@pytest.mark.parametrize(
    "message",
    [
        "scratch that, undo",  # blind-14
        "undo that pls",
        "nah undo",
        "nah, undo it",
        "scratch that - undo",
        "forget that, undo",
        "hmm undo that",
        "ugh, undo",
        "argh undo the last change",
        "ignore that, undo",
        "nah undo that please",
    ],
)
def test_a_word_taking_it_back_then_undo_is_an_undo(message: str) -> None:
    assert understand(message, TODAY).kind == "undo"


@pytest.mark.parametrize(
    ("message", "kind"),
    [("nah", "decline"), ("undo", "undo"), ("nah, undo the gym task", "reopen")],
)
def test_near_misses_of_undo_read_as_before(message: str, kind: str) -> None:
    assert understand(message, TODAY).kind == kind


@pytest.mark.parametrize("undo", ["scratch that, undo", "nah undo", "undo that pls"])
@pytest.mark.asyncio
async def test_undo_after_an_add_removes_the_task(app: FastAPI, undo: str) -> None:
    t = await converse(app, [{"title": "Buy milk"}], ["add buy a new kettle", undo],
                       {"Buy a new kettle"})  # fmt: skip
    assert set(by_title(t.after)) == {"buy milk"}, t.replies


@pytest.mark.parametrize(
    "turns",
    [
        ["the trip is off", "yes"],  # "Drop off the keys" is only alike in letters
        ["delete the tip jar", "yes"],
        ["remove the trip", "yes"],
    ],
)
@pytest.mark.asyncio
async def test_a_guess_sharing_no_word_said_is_never_offered_for_deleting(
    app: FastAPI, turns: list[str]
) -> None:
    start = [{"title": "Drop off the keys"}, {"title": "Call the estate agent"}]
    t = await converse(app, start, turns, set())
    assert t.problems == [], t.replies
    assert set(by_title(t.after)) == {"drop off the keys", "call the estate agent"}, t.replies
