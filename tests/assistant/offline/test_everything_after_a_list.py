"""A bare "everything" (or "all", or "them") right after a listing means the tasks that listing
showed: "show me my groceries stuff" … "got everything, mark them done" completes the two
grocery tasks, never "Fix the sink". Before, it completed every open task (found by blind-15).
And "got everything" said with nothing shown is a statement, not a command: it asks first."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import converse

pytestmark = pytest.mark.asyncio

START = [
    {"title": "Buy milk", "tags": ["groceries"], "due_date": "2026-12-01"},
    {"title": "Buy eggs", "tags": ["groceries"]},
    {"title": "Fix the sink", "tags": ["home"], "priority": "high"},
    {"title": "Call the landlord", "tags": ["home"]},
]
GROCERIES = {"Buy milk", "Buy eggs"}


def _done(after: list[dict]) -> set[str]:
    return {t["title"] for t in after if t["completed"]}


@pytest.mark.parametrize(
    "turns",
    [
        ["show me my groceries stuff", "got everything, mark them done"],
        ["show me my groceries stuff", "got everything"],
        ["what's tagged groceries?", "mark everything done"],
        ["what's tagged groceries?", "done with everything"],
        ["what's tagged groceries", "bought everything, tick it all off"],
        ["show my #groceries tasks", "mark all as done"],
        ["whats on the groceries list", "got it all"],
        ["what do i have tagged groceries", "all done, mark everything complete"],
        ["show me the tasks tagged groceries", "finished everything"],
        ["which tasks are tagged groceries?", "ok got all of them"],
    ],
)
async def test_everything_after_a_listing_is_what_it_showed(app: FastAPI, turns: list[str]):
    t = await converse(app, START, turns, GROCERIES)
    assert t.problems == [], t.problems
    assert _done(t.after) == GROCERIES, t.replies


@pytest.mark.parametrize(
    ("turns", "done"),
    [
        (["what's high priority?", "mark everything done"], {"Fix the sink"}),
        (["what's tagged home?", "mark all of them done"], {"Fix the sink", "Call the landlord"}),
    ],
)
async def test_other_listings_scope_everything_too(app: FastAPI, turns: list[str], done: set):
    t = await converse(app, START, turns, done)
    assert t.problems == [], t.problems
    assert _done(t.after) == done, t.replies


@pytest.mark.parametrize(
    "message", ["got everything", "done with everything", "finished everything", "got it all"]
)
async def test_everything_told_with_nothing_shown_asks(app: FastAPI, message: str):
    t = await converse(app, START, [message], set())
    assert t.problems == [], t.problems
    assert _done(t.after) == set(), t.replies


@pytest.mark.parametrize("answer", ["all of them", "yes, all of them", "all", "yes", "them all"])
async def test_all_of_them_after_the_question_completes_them(app: FastAPI, answer: str):
    """The question says 'Say "all of them"': saying it does what was asked, to those listed."""
    everyone = {t["title"] for t in START}
    t = await converse(app, START, ["got everything", answer], everyone)
    assert "Fix the sink" in t.replies[0], t.replies  # the question shows what it would change
    assert t.problems == [], t.problems
    assert _done(t.after) == everyone, t.replies


@pytest.mark.xfail(
    strict=True, reason="naming a task in answer to the scope question is not understood yet"
)
async def test_naming_one_after_the_question_completes_only_that(app: FastAPI):
    t = await converse(app, START, ["got everything", "just the milk"], {"Buy milk"})
    assert t.problems == [], t.problems
    assert _done(t.after) == {"Buy milk"}, t.replies


@pytest.mark.parametrize(
    "message", ["mark everything as done", "mark all my tasks as done", "complete everything"]
)
async def test_a_command_for_everything_with_nothing_shown_still_does_it(
    app: FastAPI, message: str
):
    everyone = {t["title"] for t in START}
    t = await converse(app, START, [message], everyone)
    assert t.problems == [], t.problems
    assert _done(t.after) == everyone, t.replies


async def test_a_listing_two_turns_back_does_not_scope_it(app: FastAPI):
    """Only the turn right before: after "add bread", "everything" is no longer the groceries."""
    turns = ["what's tagged groceries?", "add bread", "mark everything done"]
    everyone = {t["title"] for t in START} | {"Bread"}
    t = await converse(app, START, turns, everyone)
    assert t.problems == [], t.problems
    assert _done(t.after) == everyone, t.replies
