"""blind-20's misses: a state said of the task's thing, the trip done, shorthand in a bare title,
a verb with "stuff".

- "trash is out" offered to delete "Take out the trash": "trash" was read as the verb. A word
  of deleting followed by a verb of its own ("trash is", "bin's") is the thing, not the
  command; the state "out" is the task done (the rule for "bins are out").
- "Minou went to the vet today" added a task: taking someone somewhere is done when they went
  there, who and where both said ("Bring Minou to the vet").
- "vet appt: thursday, high" added "Vet appt": shorthand is read in full when a statement's words
  are matched to a task ("appt" is "appointment").
- "del buy stuff" asked which "buy" task: "stuff" after a verb alone is part of the title."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import TESTS_DAY, by_title, converse

TODAY = str(TESTS_DAY)
NEXT_WEEK = str(TESTS_DAY + timedelta(days=7))
THURSDAY = str(TESTS_DAY + timedelta(days=2))  # TESTS_DAY is a Tuesday


@pytest.mark.parametrize("message", ["trash is out", "the trash is out", "trash's out"])
@pytest.mark.asyncio
async def test_the_trash_out_is_the_task_done(app: FastAPI, message: str):
    start = [
        {"title": "Take out the trash", "due_date": TODAY, "recurrence": "FREQ=WEEKLY"},
        {"title": "Buy trash bags"},
    ]
    t = await converse(app, start, [message], {"take out the trash"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["take out the trash"]["due_date"] == NEXT_WEEK, t.replies
    assert "delete" not in t.replies[0].lower(), t.replies


@pytest.mark.parametrize(
    ("message", "items"),
    [
        ("trash the gym task", ["gym"]),
        ("bin the old gym reminder", ["old gym"]),
        ("scrap the party", ["party"]),
    ],
)
def test_a_word_of_deleting_as_the_verb_still_deletes(message: str, items: list[str]):
    said = understand(message, TESTS_DAY, True)
    assert (said.kind, said.items) == ("delete", items), said


VET = [{"title": "Bring Minou to the vet", "due_date": TODAY}, {"title": "Buy cat litter"}]


@pytest.mark.parametrize(
    "message",
    [
        "Minou went to the vet today, all good, she's healthy",
        "Minou went to the vet",
        "ok so minou went to the vet this morning",
    ],
)
@pytest.mark.asyncio
async def test_who_was_taken_went_there(app: FastAPI, message: str):
    t = await converse(app, VET, [message], {"bring minou to the vet"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["bring minou to the vet"]["completed"] is True, t.replies
    assert set(after) == {"bring minou to the vet", "buy cat litter"}, t.replies


@pytest.mark.parametrize(
    "message",
    [
        "Luna went to the vet",  # someone else went
        "Minou went to the garden",  # nor where
    ],
)
@pytest.mark.asyncio
async def test_going_elsewhere_or_alone_is_not_the_trip(app: FastAPI, message: str):
    t = await converse(app, VET, [message], set())
    assert t.problems == [] or all("bring minou" not in p for p in t.problems), t.problems
    assert by_title(t.after)["bring minou to the vet"]["completed"] is False, t.replies


LUNA = [{"title": "Vet appointment for Luna", "due_date": str(TESTS_DAY + timedelta(days=4))}]


@pytest.mark.parametrize(
    "message", ["vet appt: thursday, high", "vet appt thursday high", "vet appt - thursday, high"]
)
@pytest.mark.asyncio
async def test_shorthand_in_a_bare_title_names_the_task(app: FastAPI, message: str):
    t = await converse(app, LUNA, [message], {"vet appointment for luna"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert set(after) == {"vet appointment for luna"}, t.replies
    assert (
        after["vet appointment for luna"]["due_date"],
        after["vet appointment for luna"]["priority"],
    ) == (THURSDAY, "high")


@pytest.mark.asyncio
async def test_shorthand_naming_no_task_is_still_a_new_one(app: FastAPI):
    t = await converse(app, LUNA, ["dentist appt: thursday, high"], {"dentist appt"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["dentist appt"]["priority"] == "high", t.replies
    assert after["vet appointment for luna"]["priority"] == "medium", t.replies


STUFF = [{"title": "Buy stuff"}, {"title": "Buy moving boxes"}]


@pytest.mark.parametrize(
    "message", ["del buy stuff", "delete buy stuff", "remove the buy stuff task"]
)
@pytest.mark.asyncio
async def test_a_verb_and_stuff_is_the_title(app: FastAPI, message: str):
    t = await converse(app, STUFF, [message, "y"], {"buy stuff"})
    assert t.problems == [], t.problems
    assert set(by_title(t.after)) == {"buy moving boxes"}, t.replies


@pytest.mark.parametrize(
    ("message", "items"),
    [
        ("delete the gym stuff", ["gym"]),
        ("delete gym stuff", ["gym"]),
        ("del buy stuff", ["buy stuff"]),
    ],
)
def test_stuff_after_a_thing_is_dropped(message: str, items: list[str]):
    said = understand(message, TESTS_DAY, True)
    assert (said.kind, said.items) == ("delete", items), said


# "sorry, I meant John, not Jon" as the first message asked which task: with no task in view,
# the one task whose title has the wrong word is the one put right; several or none: we ask.
@pytest.mark.parametrize(
    "message",
    ["sorry, I meant John, not Jon", "I meant John, not Jon", "oops I meant John not Jon"],
)
@pytest.mark.asyncio
async def test_a_name_put_right_with_no_task_in_view(app: FastAPI, message: str):
    start = [{"title": "Call Jon about the venue"}, {"title": "Book the venue"}]
    t = await converse(
        app, start, [message], {"call jon about the venue", "call john about the venue"}
    )
    assert t.problems == [], t.problems
    assert set(by_title(t.after)) == {"call john about the venue", "book the venue"}, t.replies


@pytest.mark.parametrize(
    "start",
    [
        [{"title": "Call Jon about the venue"}, {"title": "Email Jon the menu"}],  # two: ask
        [{"title": "Call Joanne"}, {"title": "Book the venue"}],  # none has "Jon"
    ],
)
@pytest.mark.asyncio
async def test_a_name_put_right_in_no_single_task_asks(app: FastAPI, start: list[dict[str, str]]):
    t = await converse(app, start, ["sorry, I meant John, not Jon"], set())
    assert t.problems == [], t.problems
    assert {x["title"] for x in t.after} == {x["title"] for x in start}, t.replies
