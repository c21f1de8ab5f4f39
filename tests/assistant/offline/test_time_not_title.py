"""A time said as the new value of a task is its time, never its new title: "change time of
doctor appointment to 11 morning" sets 11:00 (blind-14 renamed the task to "11 morning"). An hour
said right before its part of the day ("11 morning", "4 in the afternoon") is that hour, and once
the time was named as the field, what follows is never read as a title."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from backend.assistant.offline.times import find_time
from tests.assistant.offline.safety import TESTS_DAY, converse
from tests.assistant.offline.test_multi import _check

TODAY = date(2026, 12, 1)

TIME_CHANGES = [
    ("change time of doctor appointment to 11 morning", "doctor appointment", "11:00"),
    ("change the time of the dentist to 4 afternoon", "dentist", "16:00"),
    ("change the time of the dentist to 7 evening", "dentist", "19:00"),
    ("change the time of the dentist to 11 in the morning", "dentist", "11:00"),
    ("change the time of the dentist to half past 3", "dentist", "15:30"),
    ("change time of dentist to 8 evening", "dentist", "20:00"),
    ("change the time of yoga to 10 in the morning", "yoga", "10:00"),
    ("change time for the school run to 3 in the afternoon", "school run", "15:00"),
    ("change dentist time to 9 morning", "dentist", "09:00"),
    ("please change the time of doctor appointment to 11 morning", "doctor appointment", "11:00"),
    ("change the time of the call with Sam to 5 evening", "call with Sam", "17:00"),
    ("change the due time of the dentist to 6 in the evening", "dentist", "18:00"),
    # blind-18: the article left out, as learners do
    ("change hour of the doctor visit to 11 o'clock in morning", "doctor visit", "11:00"),
    ("change the time of the dentist to 4 in afternoon", "dentist", "16:00"),
]


@pytest.mark.parametrize(("message", "task", "time"), TIME_CHANGES)
def test_a_time_is_never_a_new_title(message: str, task: str, time: str):
    said = understand(message, TODAY)
    assert said.kind == "update" and said.new_title is None, said
    assert said.details.time == time, said
    assert any(task.lower() in item.lower() or item.lower() in task.lower() for item in said.items)


HOUR_THEN_PART = [
    ("11 morning", "11:00"),
    ("4 afternoon", "16:00"),
    ("7 evening", "19:00"),
    ("10 in the morning", "10:00"),
    ("3 in the afternoon", "15:00"),
    ("call mum 6 in the evening", "18:00"),
    ("9 in morning", "09:00"),
    ("call mum at 7 in evening", "19:00"),
]


@pytest.mark.parametrize(("text", "time"), HOUR_THEN_PART)
def test_an_hour_before_its_part_of_the_day(text: str, time: str):
    found = find_time(text)
    assert found is not None and found[1].value == time


# near misses: an explicit title stays a rename; a count before a noun is no hour
def test_a_rename_said_as_such_still_renames():
    said = understand("change dentist to Dentist checkup", TODAY)
    assert said.new_title == "Dentist checkup"
    said = understand("rename the dentist task to Dentist checkup", TODAY)
    assert said.new_title == "Dentist checkup"


def test_a_count_is_no_hour():
    found = find_time("take 2 pills in the morning")
    assert found is not None and found[1].value == "09:00" and "2 pills" in found[0]


def test_a_time_field_we_cannot_read_is_no_title():
    said = understand("change the time of the dentist to whenever", TODAY)
    assert said.new_title is None and said.details.time is None


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("message", "time"),
    [
        ("change time of doctor appointment to 11 morning", "11:00"),
        ("change the time of doctor appointment to 4 afternoon", "16:00"),
    ],
)
async def test_through_the_app(app: FastAPI, message: str, time: str):
    due = str(TESTS_DAY + timedelta(days=1))
    start = [{"title": "Doctor appointment", "due_date": due, "due_time": "09:00"},
             {"title": "Buy bread"}]  # fmt: skip
    await _check(app, start, [message], {"Doctor appointment": {"time": time}, "Buy bread": {}})


# With the time named as the field, a bare hour is that hour (the nearer daytime, as "at 4")
BARE_HOURS = [
    ("change the time of dentist to 11", "11:00"),
    ("change the time of dentist to 4 please", "16:00"),
    ("change dentist time to 7", "07:00"),
    ("change the time of the dentist to 3", "15:00"),
]


@pytest.mark.parametrize(("message", "time"), BARE_HOURS)
def test_a_bare_hour_when_the_time_is_named(message: str, time: str):
    said = understand(message, TODAY)
    assert said.kind == "update" and said.details.time == time and said.new_title is None


def test_a_bare_number_for_the_date_is_a_day():
    said = understand("change the date of dentist to 11", TODAY)
    assert said.details.time is None and said.new_title is None


@pytest.mark.asyncio
async def test_an_unreadable_time_changes_nothing(app: FastAPI):
    start = [{"title": "Doctor appointment"}, {"title": "Buy bread"}]
    said = "change the time of doctor appointment to the usual slot"
    t = await converse(app, start, [said], set())
    assert t.problems == [], t.replies
    assert sorted(x["title"] for x in t.after) == ["Buy bread", "Doctor appointment"]
    assert all(not x.get("due_time") for x in t.after)


@pytest.mark.parametrize(
    ("message", "title", "time"),
    [
        ("add call mom tomorrow at 9 in morning", "call mom", "09:00"),
        ("add go running in morning", "go running", "09:00"),
        ("add jog tomorrow in evening please", "jog", "18:00"),
        # a part of the day before a noun describes it: no time, kept in the title
        ("add enroll in evening classes", "enroll in evening classes", None),
        ("add read in morning light", "read in morning light", None),
    ],
)
def test_a_part_of_the_day_after_a_bare_in(message: str, title: str, time: str | None):
    said = understand(message, TODAY)
    assert said.kind == "add" and said.items == [title], said
    assert said.details.time == time, said
