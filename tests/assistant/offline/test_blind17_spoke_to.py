"""Speaking to someone is calling them (blind-17): "spoke to grandma, she says hi 😊" completes
'Call grandma' (the remark after it adds nothing), never 'Call the garage'."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

CALLS = [
    {"title": "Call grandma", "due_date": "2026-12-01", "due_time": "19:00"},
    {"title": "Call the garage", "due_date": "2026-12-01"},
]


@pytest.mark.parametrize(
    ("message", "done"),
    [
        ("spoke to grandma, she says hi 😊", "call grandma"),
        ("spoke to grandma", "call grandma"),
        ("I spoke to grandma", "call grandma"),
        ("talked to grandma, all good", "call grandma"),
        ("just spoke to the garage", "call the garage"),
        ("talked to the garage", "call the garage"),
        ("spoke to grandma!", "call grandma"),
    ],
)
async def test_spoke_to_completes_the_call(app: FastAPI, message: str, done: str):
    t = await converse(app, CALLS, [message], {done})
    assert t.problems == [], t.problems
    assert len(t.after) == 2, t.replies  # nothing added
    assert [x["title"].lower() for x in t.after if x["completed"]] == [done], t.replies


@pytest.mark.parametrize(
    "message",
    [
        "spoke to the neighbour",  # no such task
        "I didn't speak to grandma",
        "haven't talked to grandma yet",
        "did I speak to grandma?",
    ],
)
async def test_no_call_is_completed(app: FastAPI, message: str):
    t = await converse(app, CALLS, [message], set())
    assert t.problems == [], t.problems
    assert not any(x["completed"] for x in t.after), t.replies


async def test_speak_to_is_still_an_add(app: FastAPI):
    t = await converse(app, CALLS, ["speak to the manager tomorrow"], {"speak to the manager"})
    assert t.problems == [], t.problems
    assert "speak to the manager" in by_title(t.after), t.replies


async def test_spoke_to_someone_with_another_task_asks_not_guesses(app: FastAPI):
    start = [{"title": "Pay the landlord"}, {"title": "Buy milk"}]
    t = await converse(app, start, ["spoke to the landlord"], set())
    assert t.problems == [], t.problems
    assert not any(x["completed"] for x in t.after), t.replies
