"""The two changes blind-18's first run made to a named task in a way it did not ask:
"please change hour of the doctor visit to 11 o'clock in morning" renamed the task to "11
o'clock in morning" ("hour of" was not known as a field), and "tag the birthday gift task as
personal, not work" added the tags "not" and "work"."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import TESTS_DAY, by_title, converse

pytestmark = pytest.mark.asyncio

VISIT = [{"title": "Doctor visit", "due_date": str(TESTS_DAY), "due_time": "09:30"}]


@pytest.mark.parametrize(
    ("message", "time"),
    [
        ("please change hour of the doctor visit to 11 o'clock in morning", "11:00"),
        ("change hour of the doctor visit to half past eleven in morning", "11:30"),
        ("change the hour of the doctor visit to 3pm", "15:00"),
        ("change hour of doctor visit to 11:15", "11:15"),
    ],
)
async def test_the_hour_of_a_task_is_its_time_never_its_title(app: FastAPI, message, time):
    t = await converse(app, VISIT, [message], {"Doctor visit"})
    assert t.problems == [], t.problems
    visit = by_title(t.after)["doctor visit"]
    assert visit["due_time"] == time, t.replies  # never a title


async def test_a_happy_hour_is_still_a_title():
    intent = understand("change the happy hour to friday", TESTS_DAY)
    assert intent.items == ["happy hour"] and intent.details.due is not None


@pytest.mark.parametrize(
    ("message", "tags"),
    [
        ("tag the birthday gift task as personal, not work", ["personal"]),
        ("tag the birthday gift as personal not work", ["personal"]),
        ("tag the birthday gift task as personal instead of work", ["personal"]),
        ("tag the birthday gift task as family, not work", ["family"]),
    ],
)
async def test_a_tag_said_not_is_taken_off(app: FastAPI, message: str, tags: list[str]):
    start = [{"title": "Buy birthday gift for Dad", "tags": ["work"]}, {"title": "Buy milk"}]
    t = await converse(app, start, [message], {"Buy birthday gift for Dad"})
    assert t.problems == [], t.problems
    assert by_title(t.after)["buy birthday gift for dad"]["tags"] == tags, t.replies
