"""A thing handed over, told as the state it led to (blind-16): "mike has the slides now" is
'Send the slides to Mike' done. Only a task that hands that thing to that person; never "mike
needs the slides", a question, "I have the slides", or a task that only mentions both."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

SLIDES = [{"title": "Send the slides to Mike"}, {"title": "Send the slides to Priya"}]


def done(t) -> set:
    return {k for k, v in by_title(t.after).items() if v["completed"]}


@pytest.mark.parametrize(
    ("start", "message", "want"),
    [
        (SLIDES, "mike has the slides now", "Send the slides to Mike"),
        (SLIDES, "Mike has the slides", "Send the slides to Mike"),
        (SLIDES, "mike's got the slides now", "Send the slides to Mike"),
        (SLIDES, "mike got the slides", "Send the slides to Mike"),
        (SLIDES, "priya has the slides already", "Send the slides to Priya"),
        (SLIDES, "Priya has got the slides now!", "Send the slides to Priya"),
        (
            [{"title": "Return the drill to Dana"}, {"title": "Buy milk"}],
            "Dana has her drill back now",
            "Return the drill to Dana",
        ),
        (
            [{"title": "Give the keys to the landlord"}, {"title": "Buy milk"}],
            "the landlord has the keys now",
            "Give the keys to the landlord",
        ),
        (
            [{"title": "Email the report to Sara"}, {"title": "Write the report"}],
            "Sara has the report now",
            "Email the report to Sara",
        ),
    ],
)
async def test_the_person_has_the_thing_closes_the_handing_task(
    app: FastAPI, start: list, message: str, want: str
):
    t = await converse(app, start, [message], {want})
    assert t.problems == [], t.problems
    assert done(t) == {want.lower()}, t.replies


@pytest.mark.parametrize(
    ("start", "message"),
    [
        (SLIDES, "mike needs the slides"),
        (SLIDES, "does mike have the slides?"),
        (SLIDES, "mike has the slides now?"),
        (SLIDES, "mike doesn't have the slides yet"),
        (SLIDES, "mike has the flu"),
        (SLIDES, "mike wants the slides"),
        ([{"title": "Send the slides to Mike"}, {"title": "Call Mike about the slides"}],
         "mike has the slides now"),
        ([{"title": "Call Mike about the slides"}, {"title": "Buy milk"}],
         "mike has the slides now"),
        ([{"title": "Send the slides to Priya"}, {"title": "Buy milk"}],
         "mike has the slides now"),
    ],
)  # fmt: skip
async def test_no_state_reached_or_no_handing_task_closes_nothing(
    app: FastAPI, start: list, message: str
):
    t = await converse(app, start, [message], set())
    assert t.problems == [], t.problems
    assert done(t) == set(), t.replies
