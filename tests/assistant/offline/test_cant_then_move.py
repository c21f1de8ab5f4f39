"""Work that cannot be done today, then the task named with its new day: "can't make it today,
do the drill thing in 4 days" moves the drill task (blind-14 added "Can't make it" and "Do the
drill thing"). Only when what follows the task's words is a day and nothing else."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import TESTS_DAY
from tests.assistant.offline.test_multi import _check

TODAY = date(2026, 12, 1)

MOVES = [
    ("can't make it today, do the drill thing in 4 days", "drill", TODAY + timedelta(days=4)),
    ("can't do it today, move the drill thing to friday", "drill", date(2026, 12, 4)),
    ("I won't get to it today, push the report to tomorrow", "report", date(2026, 12, 2)),
    ("can't make it tonight. do the laundry on saturday", "laundry", date(2026, 12, 5)),
    ("can't make it today, do the drill thing tomorrow", "drill", date(2026, 12, 2)),
    ("we can't do it today, do the fence in 2 days", "fence", date(2026, 12, 3)),
    ("sorry can't make it today, do the vet thing on monday", "vet", date(2026, 12, 7)),
    ("couldn't get to it today, do the report in 3 days", "report", date(2026, 12, 4)),
    ("I'm not going to make it today, do the drill thing friday", "drill", date(2026, 12, 4)),
    ("can't do it this morning, move the call to tomorrow", "call", date(2026, 12, 2)),
]


@pytest.mark.parametrize(("message", "task", "due"), MOVES)
def test_cant_then_the_task_and_its_day(message: str, task: str, due: date):
    said = understand(message, TODAY)
    assert said.kind == "update" and said.details.due == due, said
    assert any(task in item.lower() for item in said.items), said


def test_no_day_means_no_move():
    said = understand("can't make it today, do the drill thing properly", TODAY)
    assert said.kind != "update" or said.details.due is None


@pytest.mark.asyncio
async def test_through_the_app(app: FastAPI):
    today = TESTS_DAY
    start = [{"title": "Return the drill to Ben", "due_date": str(today)}, {"title": "Buy bread"}]
    want = {"Return the drill to Ben": {"due": "+4"}, "Buy bread": {}}
    await _check(app, start, ["can't make it today, do the drill thing in 4 days"], want)
