"""blind-18's adds (tests written before the fixes): a learner's request frame before a colon
("I want that you put a task: X", "please register new task: X") kept in the title; "in a week
from today" read as today with "in a week" left in the title; "half past 5 pm" read as 17:00
with "at half past" left in the title; an Indian-English emphatic "only" after the day at the
end ("tomorrow evening only") kept in the title."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from backend.assistant.offline.times import find_time, first_day
from tests.assistant.offline.safety import TESTS_DAY, by_title, converse

TODAY = TESTS_DAY  # Tue 2026-12-01
WED, FRI = TODAY + timedelta(days=1), TODAY + timedelta(days=3)


def the_task(message: str) -> tuple[str, dict[str, object]]:
    """The one task the message adds (nothing else asked), with the attributes said."""
    intent = understand(message, TODAY)
    assert intent.kind == "add", intent
    assert not intent.then, intent.then
    assert len(intent.items) == 1, intent.items
    d = intent.item_details[0] if intent.item_details else intent.details
    said = {"due": d.due, "time": d.time, "repeat": d.repeat}
    return intent.items[0], {k: v for k, v in said.items() if v}


# --- a request frame before a colon ----------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        (
            "Hello, I want that you put a task: pay the electricity bill, for the day 15 please",
            "pay the electricity bill",
            {"due": date(2026, 12, 15)},
        ),  # blind-18
        (
            "Please register new task: English class homework, every Wednesday.",
            "English class homework",
            {"repeat": "FREQ=WEEKLY;BYDAY=WE"},
        ),  # blind-18
        ("you put a task: pay the gas bill", "pay the gas bill", {}),
        ("can you make a task: call mom", "call mom", {}),
        (
            "please register new task: water the plants, every Tuesday",
            "water the plants",
            {"repeat": "FREQ=WEEKLY;BYDAY=TU"},
        ),
        ("register a task: renew the passport", "renew the passport", {}),
        ("I want that you add a task: call the bank", "call the bank", {}),
        (
            "I would like that you put a task: book the dentist tomorrow",
            "book the dentist",
            {"due": WED},
        ),
        # controls: "put"/"register" without a task word are the task's own verbs
        ("I want you to put the bins out", "put the bins out", {}),
        ("add register the car", "register the car", {}),
        ("register for the course: by friday", "register for the course", {"due": FRI}),
    ],
)
def test_a_request_frame_before_a_colon_is_no_title(
    message: str, title: str, attributes: dict[str, object]
):
    assert the_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("rule", "first"),
    [
        ("FREQ=WEEKLY;BYDAY=WE", WED),  # blind-18: tomorrow is the next Wednesday
        ("FREQ=WEEKLY;BYDAY=TU", TODAY),  # today included
        ("FREQ=WEEKLY;BYDAY=MO", TODAY + timedelta(days=6)),
    ],
)
def test_a_weekly_repeat_starts_on_its_next_day_today_included(rule: str, first: date):
    assert first_day(rule, TODAY) == first


# --- "in a week (from today)" ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "title", "due"),
    [
        (
            "dentist checkup in a week from today, pls add",
            "dentist checkup",
            TODAY + timedelta(days=7),
        ),  # blind-18
        ("add dentist checkup in a week", "dentist checkup", TODAY + timedelta(days=7)),
        ("add dentist checkup a week from today", "dentist checkup", TODAY + timedelta(days=7)),
        ("add renew the visa in two weeks", "renew the visa", TODAY + timedelta(days=14)),
        ("add call mom in 3 days from now", "call mom", TODAY + timedelta(days=3)),
        ("add water the plants in a week's time", "water the plants", TODAY + timedelta(days=7)),
        # control: "today" said alone is today
        ("add dentist checkup today", "dentist checkup", TODAY),
    ],
)
def test_in_n_weeks_from_today_is_one_date(message: str, title: str, due: date):
    assert the_task(message) == (title, {"due": due})


# --- "half past N", "quarter past/to N" with am/pm --------------------------------------------


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        (
            "add pick up Maya from swimming at half past 5 pm on friday",
            "pick up Maya from swimming",
            {"due": FRI, "time": "17:30"},
        ),  # blind-18
        (
            "add call the plumber at quarter past 9 am tomorrow",
            "call the plumber",
            {"due": WED, "time": "09:15"},
        ),
        ("add feed the cat at quarter to 7 pm", "feed the cat", {"time": "18:45"}),
        ("add stretch at half past five in the morning", "stretch", {"time": "05:30"}),
        ("add call the garage at half past five pm", "call the garage", {"time": "17:30"}),
        # controls: a clock time alone, and without am/pm
        ("add call mom at 5 pm friday", "call mom", {"due": FRI, "time": "17:00"}),
        ("add call the bank at quarter to nine", "call the bank", {"time": "08:45"}),
    ],
)
def test_half_and_quarter_past_keep_their_am_pm(
    message: str, title: str, attributes: dict[str, object]
):
    assert the_task(message) == (title, attributes)


def test_a_clock_time_before_a_spoken_one_is_read_first():
    found = find_time("call at 5pm, then half past six")
    assert found is not None and found[1].value == "17:00"


# --- an emphatic "only" after the day at the end --------------------------------------------


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        (
            "Please add task to collect the courier from the post office tomorrow evening only",
            "collect the courier from the post office",
            {"due": WED, "time": "18:00"},
        ),  # blind-18
        ("add submit the form by friday only", "submit the form", {"due": FRI}),
        ("add pay the rent today only, it is urgent", "pay the rent", {"due": TODAY}),
        ("add submit the visa form by tomorrow itself", "submit the visa form", {"due": WED}),
        # controls: "only" of the thing stays
        ("add buy only organic milk tomorrow", "buy only organic milk", {"due": WED}),
        ("add buy organic milk only", "buy organic milk only", {}),
        ("add tell Sam only the good news tomorrow", "tell Sam only the good news", {"due": WED}),
    ],
)
def test_an_emphatic_only_after_the_day_is_no_title(
    message: str, title: str, attributes: dict[str, object]
):
    assert the_task(message) == (title, attributes)


# --- end to end: the blind-18 cases ----------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("start", "message", "title", "due", "time"),
    [
        (
            [{"title": "Pay the water bill"}],
            "Hello, I want that you put a task: pay the electricity bill, for the day 15 please",
            "Pay the electricity bill",
            "2026-12-15",
            None,
        ),
        (
            [],
            "Please register new task: English class homework, every Wednesday.",
            "English class homework",
            "2026-12-02",
            None,
        ),
        (
            [],
            "dentist checkup in a week from today, pls add",
            "Dentist checkup",
            "2026-12-08",
            None,
        ),
        (
            [{"title": "Pick up Maya from school"}],
            "add pick up Maya from swimming at half past 5 pm on friday",
            "Pick up Maya from swimming",
            "2026-12-04",
            "17:30",
        ),
        (
            [],
            "Please add task to collect the courier from the post office tomorrow evening only",
            "Collect the courier from the post office",
            "2026-12-02",
            "18:00",
        ),
    ],
)
async def test_blind18_adds_end_to_end(
    app: FastAPI, start: list[dict], message: str, title: str, due: str, time: str | None
):
    t = await converse(app, start, [message], {title})
    assert t.problems == [], t.problems
    titles = by_title(t.after)
    assert set(titles) == {title.lower()} | {s["title"].lower() for s in start}, t.replies
    task = titles[title.lower()]
    assert (task["due_date"], task["due_time"]) == (due, time), task


@pytest.mark.parametrize(
    ("rule", "start", "first"),
    [
        # blind-8's "book club every other tuesday", said on a Wednesday: next Tuesday, not
        # the one after (the interval counted from today's week skipped it); found when the
        # evals ran past midnight, as the language tests' clock is always a Tuesday
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", WED, TODAY + timedelta(days=7)),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", TODAY, TODAY),
        ("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1", WED, date(2027, 1, 1)),
        ("FREQ=DAILY;INTERVAL=3", WED, WED),
    ],
)
def test_a_repeat_with_an_interval_starts_on_its_next_day(rule: str, start: date, first: date):
    assert first_day(rule, start) == first
