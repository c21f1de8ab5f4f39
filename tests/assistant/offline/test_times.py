"""Times and repeats in everyday words (offline/times.py), through the same reading the add
intent and quick add use. Today is fixed: Monday 30 Nov 2026."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand
from backend.assistant.offline.parsing import Details, schedule_args
from backend.assistant.offline.times import find_repeat, find_time
from backend.assistant.quickadd import parse_line

TODAY = date(2026, 11, 30)  # a Monday


@pytest.mark.parametrize(
    ("text", "rest", "time"),
    [
        ("call the plumber at 5pm", "call the plumber", "17:00"),
        ("meet Jo at 9", "meet Jo", "09:00"),
        ("meet Jo at 5", "meet Jo", "17:00"),  # a bare 1-6 is the afternoon
        ("pick up the kids at 3:30", "pick up the kids", "15:30"),
        ("standup 17:30", "standup", "17:30"),
        ("early train 06:45", "early train", "06:45"),
        ("pay at 10:15am", "pay", "10:15"),
        ("lunch at noon", "lunch", "12:00"),
        ("file it by midnight", "file it", "23:59"),
        ("call mom in the evening", "call mom", "18:00"),
        ("gym tomorrow morning", "gym tomorrow", "09:00"),
        ("gym tomorrow morning at 6", "gym tomorrow", "06:00"),
        ("dinner tomorrow evening at 7", "dinner tomorrow", "19:00"),
        ("read tonight", "read today", "20:00"),  # its day stays for the date reader
        ("parcel this afternoon", "parcel today", "15:00"),
    ],
)
def test_times(text: str, rest: str, time: str):
    found = find_time(text)
    assert found is not None
    assert (found[0], found[1].value) == (rest, time)


@pytest.mark.parametrize("text", ["buy 5 apples", "read chapter 12", "meet at the 5th"])
def test_numbers_that_are_no_time(text: str):
    assert find_time(text) is None


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("water the plants every monday", "FREQ=WEEKLY;BYDAY=MO"),
        ("gym every mon, wed and fri", "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
        ("swim mondays and thursdays", "FREQ=WEEKLY;BYDAY=MO,TH"),
        ("backup daily", "FREQ=DAILY"),
        ("clean the oven every 2 weeks", "FREQ=WEEKLY;INTERVAL=2"),
        ("payroll every other friday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"),
        ("standup every weekday", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"),
        ("pay rent on the 1st of every month", "FREQ=MONTHLY;BYMONTHDAY=1"),
        ("invoice on the last day of every month", "FREQ=MONTHLY;BYMONTHDAY=-1"),
        ("review every first monday of the month", "FREQ=MONTHLY;BYDAY=1MO"),
        ("renew every year on march 3", "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3"),
        ("haircut once a month", "FREQ=MONTHLY"),
        ("bins weekly", "FREQ=WEEKLY"),
    ],
)
def test_repeats(text: str, rule: str):
    found = find_repeat(text)
    assert found is not None and found[1].rule == rule


def test_a_single_day_is_a_date_not_a_repeat():
    assert find_repeat("sprint planning on monday") is None
    assert find_repeat("dentist friday") is None


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        (
            "pay rent on the 1st of every month #home !high",
            {"title": "Pay rent", "due_date": date(2026, 12, 1), "priority": "high",
             "tags": ["home"], "recurrence": "FREQ=MONTHLY;BYMONTHDAY=1"},
        ),
        (
            "call mom tomorrow at 5pm",
            {"title": "Call mom", "due_date": date(2026, 12, 1), "due_time": "17:00"},
        ),
        # a time with no day is today; a repeat with no day starts on its next day (today too)
        ("take pills at 9", {"title": "Take pills", "due_date": TODAY, "due_time": "09:00"}),
        ("water plants every monday", {"due_date": TODAY, "recurrence": "FREQ=WEEKLY;BYDAY=MO"}),
        ("yoga every wednesday", {"due_date": date(2026, 12, 2)}),
        ("stretch every morning",
         {"title": "Stretch", "due_time": "09:00", "recurrence": "FREQ=DAILY"}),
        ("dentist friday 3pm !low (bring card)", {"priority": "low", "description": "bring card"}),
        ("add buy milk", {"title": "Buy milk", "due_date": None, "recurrence_text": None}),
    ],
)  # fmt: skip
def test_quick_add_lines(line: str, fields: dict[str, object]):
    parsed = parse_line(line, TODAY).model_dump()
    assert {k: parsed[k] for k in fields} == fields


@pytest.mark.parametrize(
    ("message", "check"),
    [
        ("move it to 3pm", lambda d: d.time == "15:00" and d.due is None),
        ("make it weekly", lambda d: d.repeat == "FREQ=WEEKLY"),
        ("stop repeating the gym task", lambda d: d.clear_repeat),
        ("no time needed for the bank call", lambda d: d.clear_time),
        ("move the haircut to tomorrow at 11am", lambda d: d.time == "11:00" and d.due),
    ],
)
def test_changes_to_time_and_repeat(message: str, check):  # type: ignore[no-untyped-def]
    intent = understand(message, TODAY)
    assert intent.kind == "update"
    assert check(intent.details)


TUESDAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("rule", "own_due", "first"),
    [
        # Moved to another weekday: the series goes on at that weekday's next date from today,
        # not a week after the old Monday (the user goes to yoga tomorrow).
        ("FREQ=WEEKLY;BYDAY=WE", date(2026, 12, 7), date(2026, 12, 2)),
        ("FREQ=WEEKLY;BYDAY=TU", date(2026, 12, 7), date(2026, 12, 1)),
        ("FREQ=WEEKLY;BYDAY=FR", date(2026, 12, 3), date(2026, 12, 4)),
        # An overdue task starts again from today, never in the past.
        ("FREQ=WEEKLY;BYDAY=MO", date(2026, 11, 20), date(2026, 12, 7)),
        ("FREQ=DAILY", date(2026, 11, 20), TUESDAY),
        # A task already on a day the new repeat includes keeps that day.
        ("FREQ=DAILY", date(2026, 12, 2), date(2026, 12, 2)),
        ("FREQ=WEEKLY;BYDAY=MO", date(2026, 12, 7), date(2026, 12, 7)),
        ("FREQ=MONTHLY;BYMONTHDAY=15", date(2026, 12, 15), date(2026, 12, 15)),
        # A task set well ahead keeps its start: the series begins from its date.
        ("FREQ=WEEKLY;BYDAY=WE", date(2027, 1, 4), date(2027, 1, 6)),
        ("FREQ=DAILY", date(2027, 2, 1), date(2027, 2, 1)),
    ],
)
def test_a_new_repeat_on_a_task_starts_from_today_unless_it_is_set_well_ahead(
    rule: str, own_due: date, first: date
):
    args = schedule_args(Details(repeat=rule), TUESDAY, own_due)
    assert args["recurrence"] == rule
    assert args.get("due_date", str(own_due)) == str(first)  # no due_date: the task's own stays
