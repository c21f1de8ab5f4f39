"""Texting shorthand for a done state (blind-16): "flights bkd ✅" is "flights booked, done"."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

TRIP = [{"title": "Book flights to Berlin"}, {"title": "Book hotel in Berlin"}]


@pytest.mark.parametrize(
    ("message", "done"),
    [
        ("flights bkd ✅", {"book flights to berlin"}),
        ("flights bkd", {"book flights to berlin"}),
        ("Flights BKD!", {"book flights to berlin"}),
        ("berlin flights bkd ✅", {"book flights to berlin"}),
        ("bkd the flights", {"book flights to berlin"}),
        ("hotel bkd!", {"book hotel in berlin"}),
        ("hotel bkd 👍", {"book hotel in berlin"}),
        ("flights and hotel bkd ✅", {"book flights to berlin", "book hotel in berlin"}),
        ("flights booked ✅", {"book flights to berlin"}),
        ("flights ✅", {"book flights to berlin"}),
    ],
)
async def test_bkd_is_booked(app: FastAPI, message: str, done: set):
    t = await converse(app, TRIP, [message], {"Book flights to Berlin", "Book hotel in Berlin"})
    assert t.problems == [], t.problems
    assert {k for k, v in by_title(t.after).items() if v["completed"]} == done, t.replies


@pytest.mark.parametrize(
    "message",
    [
        "flights not bkd yet",
        "I haven't booked the flights",
        "flights not booked",
        "berlin bkd ✅",  # both tasks fit: we ask
        "are the flights bkd?",
    ],
)
async def test_not_booked_or_unclear_completes_nothing(app: FastAPI, message: str):
    t = await converse(app, TRIP, [message], set())
    assert t.problems == [], t.problems
    assert not any(x["completed"] for x in t.after), t.replies
