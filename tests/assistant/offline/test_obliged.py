"""Work said as still to do ("the report must be done by friday", "it has to be finished") is
never a report that it is done. Before, "the report must be done by friday" marked "Write the
report" done (found while merging the blind-15 branches), and "until friday it must be done"
added a task "It must be done"."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

START = [{"title": "Write the report", "due_date": "2026-12-30"}, {"title": "Buy milk"}]


@pytest.mark.parametrize(
    "message",
    [
        "the report must be done by friday",
        "the report has to be done by friday",
        "the report needs to be finished by friday",
        "the report should be completed by friday",
        "report must be done by friday",
        "the report must be ready by friday",
        "the report has to be submitted by friday",
        "the report is to be done by friday",
        "the report must be finished before friday",
    ],
)
async def test_a_deadline_said_as_a_must_moves_it_and_never_completes_it(
    app: FastAPI, message: str
):
    t = await converse(app, START, [message], {"Write the report"})
    assert t.problems == [], t.problems
    report = by_title(t.after)["write the report"]
    assert report["completed"] is False, t.replies
    moved = report["due_date"]  # it was due Wed 30 Dec; now the Friday said
    assert moved != "2026-12-30" and date.fromisoformat(moved).weekday() == 4, t.replies


@pytest.mark.parametrize(
    "message",
    [
        "the report must be done",
        "the report has to be finished",
        "it must be done",
        "until friday it must be done",
        "this has to be done",
        "the report should be done",
    ],
)
async def test_a_must_without_a_day_changes_nothing(app: FastAPI, message: str):
    t = await converse(app, START, [message], set())
    assert t.problems == [], t.problems
    assert sorted(map(str, t.after)) == sorted(map(str, t.before)), t.replies


@pytest.mark.parametrize(
    "message",
    ["the report is done", "report done", "I finished the report", "the report has been done",
     "the report is finished"],
)  # fmt: skip
async def test_a_report_of_done_work_still_completes_it(app: FastAPI, message: str):
    t = await converse(app, START, [message], {"Write the report"})
    assert t.problems == [], t.problems
    assert by_title(t.after)["write the report"]["completed"] is True, t.replies
