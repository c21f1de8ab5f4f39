"""Reopening said tersely or as a learner says it (blind-16): "printer paper not done, reopen
pls" (the state with no "is", and a bare "reopen" for the task just named), "the fence is not
more fixed, …, open the task again please" ("no longer", "not … anymore", "not more")."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

PAPER = [{"title": "Buy printer paper", "completed": True}, {"title": "Buy envelopes"}]
FENCE = [
    {"title": "Fix the fence", "completed": True},
    {"title": "Paint the shed", "completed": True},
]


@pytest.mark.parametrize(
    "message",
    [
        "printer paper not done, reopen pls",
        "printer paper not done",
        "printer paper not done, reopen",
        "printer paper not done yet, reopen it pls",
        "printer paper not finished, reopen please",
        "printer paper not done after all",
        "printer paper: not done, reopen plz",
    ],
)
async def test_terse_not_done_reopens_the_task_named(app: FastAPI, message: str):
    t = await converse(app, PAPER, [message], {"Buy printer paper"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["buy printer paper"]["completed"] is False, t.replies
    assert after["buy envelopes"]["completed"] is False, t.replies


@pytest.mark.parametrize(
    "message",
    [
        "the fence is not more fixed, the wind broke it again, open the task again please",
        "the fence is no longer fixed",
        "the fence is not fixed anymore",
        "the fence is not fixed any more, reopen it",
        "fence is no more fixed, open the task again",
        "the fence isn't fixed anymore, the storm broke it",
        "the fence is not more fixed, open it again please",
    ],
)
async def test_no_longer_done_reopens_the_task_named(app: FastAPI, message: str):
    t = await converse(app, FENCE, [message], {"Fix the fence"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["fix the fence"]["completed"] is False, t.replies
    assert after["paint the shed"]["completed"] is True, t.replies


@pytest.mark.parametrize(
    ("start", "message"),
    [
        (FENCE, "is the fence fixed?"),
        (FENCE, "is the fence still fixed?"),
        (FENCE, "the fence is fixed"),
        (PAPER, "is printer paper done?"),
        ([{"title": "Buy printer paper"}, {"title": "Buy envelopes"}], "printer paper not done"),
        (PAPER, "i am not done"),
        (PAPER, "reopen pls"),  # nothing named before: no task to guess
    ],
)
async def test_questions_and_plain_states_reopen_nothing(app: FastAPI, start: list, message: str):
    t = await converse(app, start, [message], set())
    assert t.problems == [], t.problems
    assert sorted(map(str, t.after)) == sorted(map(str, t.before)), t.replies


async def test_terse_not_done_of_an_open_task_only_says_so(app: FastAPI):
    start = [{"title": "Write the report"}, {"title": "Buy envelopes"}]
    t = await converse(app, start, ["report not done"], set())
    assert t.problems == [], t.problems
    assert all(not x["completed"] for x in t.after), t.replies
