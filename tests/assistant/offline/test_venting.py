"""Venting about the workload names no task: "ugh i have way too much to do this week" adds
nothing (blind-14 added "Way too much to do this week"), while "I have to call mom this week"
is a task as ever."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import converse

TODAY = date(2026, 12, 1)

VENTING = [
    "ugh i have way too much to do this week",
    "so much to do today",
    "too many things on my plate this week",
    "I have too many things on my plate this week",
    "i've got so much to do",
    "omg i have a lot to do today",
    "I'm so swamped this week",
    "there is way too much to do this week",
    "ugh, too much to do rn",
    "way too much stuff to do this weekend",
    "so many things to do today omg",
    "lots to do",
    "I'm completely overwhelmed",
    "ugh so much stuff to do this week",
]


@pytest.mark.parametrize("message", VENTING)
def test_venting_adds_nothing(message: str):
    said = understand(message, TODAY)
    assert said.kind not in {"add", "update", "complete", "delete", "reopen"}, said
    assert not said.then


STILL_TASKS = [
    ("I have to call mom this week", "call mom"),
    ("i have to do the laundry today", "do the laundry"),
    ("I have to finish a lot of reports this week", "finish a lot of reports"),
    ("too much to do, add call mom", "call mom"),
    ("so much to do today. add buy milk", "buy milk"),
]


@pytest.mark.parametrize(("message", "title"), STILL_TASKS)
def test_a_task_named_still_adds(message: str, title: str):
    said = understand(message, TODAY)
    assert said.kind == "add" and any(title in item.lower() for item in said.items), said


@pytest.mark.asyncio
async def test_through_the_app(app: FastAPI):
    start = [{"title": "Clean the kitchen"}, {"title": "Answer emails"}]
    t = await converse(app, start, ["ugh i have way too much to do this week"], set())
    assert t.problems == []
    assert sorted(x["title"] for x in t.after) == ["Answer emails", "Clean the kitchen"]
