"""Two wrong changes blind-16's first run found, fixed after it:
- "delete X?" … "no sorry, I meant the library card" renamed X to "Library card" (the
  correction was read as one of the last change); now it asks to delete the task meant;
- "move the caterer call to thursday and leave the flowers as they are" moved the flowers
  too (the kept task's words were read as part of the name)."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

CARDS = [{"title": "Renew the library card"}, {"title": "Renew the parking permit"}]


@pytest.mark.parametrize(
    "correction",
    [
        "no sorry, I meant the library card",
        "I meant the library card",
        "sorry I meant renew the library card",
        "no, I mean the library card",
        "oops I meant the library card one",
        "wait, I meant the library card",
    ],
)
async def test_i_meant_after_a_delete_question_asks_about_the_task_meant(
    app: FastAPI, correction: str
):
    turns = ["delete renew the parking permit", correction, "yes"]
    t = await converse(app, CARDS, turns, {"Renew the library card"})
    assert t.problems == [], t.problems
    assert set(by_title(t.after)) == {"renew the parking permit"}, t.replies
    assert "library card" in t.replies[1].lower() and "?" in t.replies[1], t.replies


async def test_i_meant_then_no_keeps_both(app: FastAPI):
    turns = ["delete renew the parking permit", "I meant the library card", "no"]
    t = await converse(app, CARDS, turns, set())
    assert t.problems == [], t.problems
    assert sorted(map(str, t.after)) == sorted(map(str, t.before)), t.replies


PARTY = [
    {"title": "Call the caterer", "due_date": "2026-12-02"},
    {"title": "Order the flowers", "due_date": "2026-12-02"},
]


@pytest.mark.parametrize(
    "message",
    [
        "move the caterer call to thursday and leave the flowers as they are",
        "okay so the caterer called and said tomorrow doesn't work for them so move the caterer "
        "call to thursday and leave the flowers as they are",
        "move the caterer call to thursday but keep the flowers where they are",
        "push the caterer call to thursday, leave the flowers alone please",
        "move the caterer call to thursday and keep the flowers unchanged",
        "caterer call to thursday, leave the flowers as is",
    ],
)
async def test_a_task_said_to_stay_as_it_is_is_not_changed(app: FastAPI, message: str):
    t = await converse(app, PARTY, [message], {"Call the caterer"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["order the flowers"]["due_date"] == "2026-12-02", t.replies
    moved = after["call the caterer"]["due_date"]
    assert moved is not None and date.fromisoformat(moved).weekday() == 3, t.replies  # a Thursday


@pytest.mark.parametrize(
    ("message", "titles"),
    [("buy milk and keep the receipt", {"buy milk", "keep the receipt"}),
     ("keep the change", {"keep the change"})],
)  # fmt: skip
async def test_keep_without_as_it_is_is_still_a_task(app: FastAPI, message: str, titles: set):
    t = await converse(app, [], [f"add {message}"], titles)
    assert t.problems == [], t.problems
    assert set(by_title(t.after)) == titles, t.replies


JON = [{"title": "Call Jon about the quote", "due_date": "2026-12-02"}, {"title": "Buy toner"}]


@pytest.mark.parametrize(
    "message",
    [
        "the 'call Jon' task, sorry, I meant John, not Jon",
        "the call Jon task, sorry, I meant John, not Jon",
    ],
)
async def test_i_meant_a_name_not_another_after_the_task_changes_only_that_word(
    app: FastAPI, message: str
):
    """It renamed the whole task to "John" (the comma cut "not Jon" off)."""
    t = await converse(app, JON, [message], {"Call Jon about the quote",
                                             "Call John about the quote"})  # fmt: skip
    assert t.problems == [], t.problems
    assert "call john about the quote" in by_title(t.after), t.replies


TAXES = [{"title": "Prepare the tax documents"}, {"title": "Prepare the school lunches"}]


@pytest.mark.parametrize(
    "message",
    [
        "the documents for the taxes are ready, I made them yesterday evening, you can put done",
        "I prepared the tax documents yesterday evening",
        "prepared the tax documents last night",
        "finished the tax documents yesterday in the evening, mark it done",
        "the tax documents are done, did them yesterday afternoon",
    ],
)
async def test_a_part_of_a_day_gone_by_is_when_it_was_done_never_a_due_time(
    app: FastAPI, message: str
):
    """The first set a due time of 18:00 (today) on the task instead of completing it."""
    t = await converse(app, TAXES, [message], {"Prepare the tax documents"})
    assert t.problems == [], t.problems
    task = by_title(t.after)["prepare the tax documents"]
    assert (task["completed"], task["due_date"], task["due_time"]) == (True, None, None), t.replies
