"""Renames told as news or asked at length, through the real app (blind-13): "oh they call it
choir practice now not rehearsal so can you rename that one", and "would you be able to update
the 'Call Jim' task so that it says 'Call Jim about the fence' instead?". Only the task with the
old words changes, and only those words (its day stays); two tasks with them: we ask."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse
from tests.assistant.offline.test_multi import _check
from tests.assistant.offline.test_told_changes import _start

CHOIR = [{"title": "Choir rehearsal", "due": "wednesday"}, {"title": "Buy sheet music"}]
NOW_CALLED = [
    # blind-13
    (CHOIR, "oh they call it choir practice now not rehearsal so can you rename that one, "
     "everything else stays the same", "Choir practice"),
    # invented: the new name told as news, the old one after "not"
    (CHOIR, "they call it choir practice now, not rehearsal", "Choir practice"),
    (CHOIR, "it's called choir practice now, not rehearsal", "Choir practice"),
    (CHOIR, "it's choir practice now not rehearsal", "Choir practice"),
    (CHOIR, "we call it choir practice now not rehearsal, rename it please", "Choir practice"),
    (CHOIR, "so they call it practice now, not rehearsal", "Choir practice"),
    (CHOIR, "it is now called choir practice and not rehearsal anymore", "Choir practice"),
    ([{"title": "Reading group meeting", "due": "friday"}, {"title": "Buy a new novel"}],
     "we call it book club now, not reading group", "Book club meeting"),
    ([{"title": "Team standup at 9", "due": "monday"}, {"title": "Email the designer"}],
     "everyone calls it the daily sync now, not standup", "Team daily sync at 9"),
    ([{"title": "Pay the council tax", "due": "+3"}, {"title": "Pay the water bill"}],
     "it's called the municipal tax now, not council tax", "Pay the municipal tax"),
    ([{"title": "Gym session with Raj", "due": "+1"}, {"title": "Buy protein bars"}],
     "they call it a training session now, not gym session", "Training session with Raj"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "title"), NOW_CALLED)
async def test_a_new_name_told_as_news(
    app: FastAPI, start: list[dict[str, Any]], message: str, title: str
):
    want: dict[str, dict[str, Any]] = {t["title"]: {} for t in start[1:]}
    want[title] = {"due": start[0]["due"]}
    await _check(app, _start(start), [message], want)


JIM = [{"title": "Call Jim"}, {"title": "Buy fence paint"}]
FENCE = "Call Jim about the fence"
SO_IT_SAYS = [
    # blind-13
    "Hi there - would you be able to update the 'Call Jim' task so that it says 'Call Jim about "
    "the fence' instead? Many thanks.",
    # invented: "change X so (that) it says/reads Y"
    "could you change the 'Call Jim' task so it says 'Call Jim about the fence'?",
    "please edit 'Call Jim' so that it reads 'Call Jim about the fence'",
    "Hello - can you update the Call Jim task so it says Call Jim about the fence, thanks",
    "would you be able to amend the 'Call Jim' task so that the title says 'Call Jim about the "
    "fence'?",
    "hi there, update the call jim task so that it says call Jim about the fence",
    "Hi - could you change 'Call Jim' so it reads 'Call Jim about the fence' instead",
    "update the Jim task so that it says 'Call Jim about the fence' please",
]


@pytest.mark.asyncio
@pytest.mark.parametrize("message", SO_IT_SAYS)
async def test_a_rename_said_as_so_that_it_says(app: FastAPI, message: str):
    await _check(app, JIM, [message], {FENCE: {}, "Buy fence paint": {}})


def _unchanged(start: list[dict[str, Any]], after: list[dict[str, Any]]) -> bool:
    return sorted(by_title(after)) == sorted(s["title"].lower() for s in start)


# Safety: two tasks have the old words: we ask, and nothing is renamed.
@pytest.mark.asyncio
@pytest.mark.parametrize(
    "message",
    ["they call it choir practice now, not rehearsal", "it's called practice now, not rehearsal"],
)
async def test_two_tasks_with_the_old_name_ask(app: FastAPI, message: str):
    start = [{"title": "Choir rehearsal"}, {"title": "Band rehearsal"}]
    t = await converse(app, start, [message], set())
    assert t.problems == [] and "which" in t.replies[-1].lower(), t.replies
    assert _unchanged(start, t.after), t.replies


# Safety: no task has the old words, or the words are a day, not a name: nothing is renamed.
NO_RENAME = [
    ([{"title": "Buy milk"}], "they call it choir practice now, not rehearsal"),
    (_start([{"title": "Dentist appointment", "due": "thursday"}]), "it's friday now not thursday"),
    ([{"title": "Call Jim"}, {"title": "Email Jim"}], "update the Jim task so that it says Jim"),
    ([{"title": "Water the plants"}], "it's high now, not low"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message"), NO_RENAME)
async def test_no_task_with_the_old_name_changes_nothing(
    app: FastAPI, start: list[dict[str, Any]], message: str
):
    t = await converse(app, start, [message], set())
    assert t.problems == [], t.replies
    assert _unchanged(start, t.after), t.replies


# Safety: "so that it says" of a request naming two tasks asks which.
@pytest.mark.asyncio
async def test_so_that_it_says_of_two_tasks_asks(app: FastAPI):
    start = [{"title": "Call Jim"}, {"title": "Email Jim"}]
    t = await converse(app, start, ["update the Jim task so it says Ring Jim about the fence"],
                       set())  # fmt: skip
    assert t.problems == [] and "which" in t.replies[-1].lower(), t.replies
    assert _unchanged(start, t.after), t.replies
