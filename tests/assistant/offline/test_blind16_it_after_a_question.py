""" "it" after a question about one task (blind-16): "is calling mom's doctor still on my list?"
… "ok I just did, mark it done" closes "Call mom's doctor", never asks between it and "Call
mom" (whose quoted title "'Call mom'" the reply's "'Call mom's doctor'" holds)."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

MOM = [{"title": "Call mom"}, {"title": "Call mom's doctor"}, {"title": "Buy milk"}]
SAM = [{"title": "Email Sam"}, {"title": "Email Sam's teacher"}, {"title": "Buy milk"}]


def done(t) -> set:
    return {k for k, v in by_title(t.after).items() if v["completed"]}


@pytest.mark.parametrize(
    ("start", "turns", "want"),
    [
        (
            MOM,
            ["is calling mom's doctor still on my list?", "ok I just did, mark it done"],
            "Call mom's doctor",
        ),
        (MOM, ["is call mom's doctor on my list?", "done, tick it off"], "Call mom's doctor"),
        (MOM, ["is calling mom's doctor still on my list?", "mark it done"], "Call mom's doctor"),
        (
            MOM,
            ["is calling mom's doctor still on my list?", "I did it, mark it as done"],
            "Call mom's doctor",
        ),
        (
            MOM,
            ["do I still have to call mom's doctor?", "did it now, mark it done pls"],
            "Call mom's doctor",
        ),
        (MOM, ["is calling mom still on my list?", "ok I just did, mark it done"], "Call mom"),
        (
            SAM,
            ["is emailing Sam's teacher still on my list?", "ok just did it, mark it done"],
            "Email Sam's teacher",
        ),
        (
            SAM,
            ["is emailing Sam's teacher still on my list?", "tick it off"],
            "Email Sam's teacher",
        ),
    ],
)
async def test_it_is_the_task_the_answer_named(app: FastAPI, start: list, turns: list, want: str):
    t = await converse(app, start, turns, {want})
    assert t.problems == [], t.problems
    assert done(t) == {want.lower()}, t.replies


@pytest.mark.parametrize(
    "turns",
    [
        ["is calling mom's doctor still on my list?", "ok"],
        ["is calling mom's doctor still on my list?", "thanks"],
        ["is calling mom's doctor still on my list?", "cool"],
    ],
)
async def test_no_request_after_the_answer_changes_nothing(app: FastAPI, turns: list):
    t = await converse(app, MOM, turns, set())
    assert t.problems == [], t.problems
    assert done(t) == set(), t.replies
