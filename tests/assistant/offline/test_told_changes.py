"""Changes to tasks already there, told in other words (blind-8 tuning): stories around a
move ("got called in for a shift so swap X to saturday"), the old value said beside the new
("due on the 20th not the 25th"), moves by hours, a repeat day changed, and a story clause
that never completes a task it does not name."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from backend.assistant.offline.dates import add_months
from tests.assistant.offline.safety import TESTS_DAY
from tests.assistant.offline.test_multi import _check

# Variants not handled yet ("that tag": the tag the message named; "it should repeat …"):
# expected failures, so they are seen when fixed.
_TODO = pytest.mark.xfail(reason="not handled yet", strict=True)


def _due(title: str, due: str, **more: Any) -> dict[str, Any]:
    return {"title": title, "due_date": due, **more}


# A move said with a story before it, or with a verb other than "move": the task moves,
# nothing is completed.
MOVES = [
    ([{"title": "Pharmacy run", "due": "+1"}],
     "got called in for a shift tmrw so swap the pharmacy run to saturday afternoon",
     {"Pharmacy run": {"due": "saturday", "time": "15:00"}}),
    ([{"title": "Pharmacy run", "due": "+1"}], "swap the pharmacy run to saturday",
     {"Pharmacy run": {"due": "saturday"}}),
    ([{"title": "Pharmacy run", "due": "+1"}], "switch the pharmacy run to friday pls",
     {"Pharmacy run": {"due": "friday"}}),
    ([{"title": "Book club", "due": "+1"}], "move book club over to sunday",
     {"Book club": {"due": "sunday"}}),
    ([{"title": "Call the bank", "due": "+1"}],
     "got a dentist thing tomorrow so shift the bank call to thursday",
     {"Call the bank": {"due": "thursday"}}),
    ([{"title": "Walk the dog", "due": "+1"}, {"title": "Buy dog food"}],
     "my shift moved so walk the dog needs to be on saturday",
     {"Walk the dog": {"due": "saturday"}, "Buy dog food": {}}),
    ([{"title": "Team lunch", "due": "+1"}],
     "the team lunch got bumped to friday",
     {"Team lunch": {"due": "friday"}}),
    ([{"title": "Go to the chemist", "due": "+1"}, {"title": "Water the roses"}],
     "Would you kindly change the chemist errand to Thursday morning, please? My daughter "
     "will drive me then.",
     {"Go to the chemist": {"due": "thursday", "time": "09:00"}, "Water the roses": {}}),
    ([{"title": "Pay the gas bill", "due": "+1"}],
     "change the gas bill to friday, please. I get paid then.",
     {"Pay the gas bill": {"due": "friday"}}),
    ([{"title": "Visit grandmother", "due": "+1"}],
     "please change the visit to grandmother for day after tomorrow, tomorrow I cannot",
     {"Visit grandmother": {"due": "+2"}}),
    ([{"title": "Visit the museum", "due": "+1"}],
     "change the visit to the museum to saturday",
     {"Visit the museum": {"due": "saturday"}}),
    ([{"title": "Dentist appointment", "due": "+1"}],
     "swapped my shifts so: move the dentist to monday afternoon, and add pick up uniform "
     "from laundry on tuesday",
     {"Dentist appointment": {"due": "monday", "time": "15:00"},
      "Pick up uniform from laundry": {"due": "tuesday"}}),
    ([{"title": "Haircut", "due": "+1"}], "got stuck at work so swap my haircut to wednesday",
     {"Haircut": {"due": "wednesday"}}),
]  # fmt: skip


# A story clause with a past verb ("got called in", "finished work late") completes nothing
# unless it names the task.
STORIES = [
    ([{"title": "Pharmacy run", "due": "+1"}], "got called in for a shift tmrw",
     {"Pharmacy run": {"completed": False, "due": "+1"}}),
    ([{"title": "Call the plumber"}], "got called in to work, ugh",
     {"Call the plumber": {"completed": False}}),
    ([{"title": "Buy milk"}, {"title": "Pick up parcel"}],
     "finished work late so I couldn't do anything today",
     {"Buy milk": {"completed": False}, "Pick up parcel": {"completed": False}}),
]  # fmt: skip


def _start(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    from tests.assistant.offline.test_multi import _day

    out = []
    for row in rows:
        task = {k: v for k, v in row.items() if k != "due"}
        if "due" in row:
            task["due_date"] = _day(row["due"]) if not row["due"].startswith("2") else row["due"]
        out.append(task)
    return out


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), MOVES + STORIES)
async def test_a_change_told_in_other_words(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, _start(start), [message], want)


# The old value said beside the new one: the new one wins, and a bare day of the month stays
# in the task's own month when that is still ahead.
OLD_VALUES = [
    ([{"title": "File the VAT return", "due": "2027-05-25"}],
     "the VAT return is due on the 20th not the 25th", "2027-05-20"),
    ([{"title": "File the VAT return", "due": "2027-05-25"}],
     "VAT return: not the 25th but the 20th", "2027-05-20"),
    ([{"title": "File the VAT return", "due": "2027-05-25"}],
     "the VAT return is on the 20th instead of the 25th", "2027-05-20"),
    ([{"title": "Pay the rent", "due": "2027-03-05"}], "rent is due on the 3rd not the 5th",
     "2027-03-03"),
    ([{"title": "Pay the rent", "due": "2027-03-05"}], "pay the rent on the 3rd, not the 5th",
     "2027-03-03"),
    ([{"title": "Submit the report", "due": "2027-06-10"}],
     "the report is due the 12th, not the 10th", "2027-06-12"),
    ([{"title": "Book the venue", "due": "2027-04-15"}], "move the venue to the 18th",
     "2027-04-18"),
    # No old day said, and an earlier day of the month: the next one, as the spec's "the 1st"
    # (blind-3's update-rent-on-the-first; the test date is 2026-06-15 or later).
    ([{"title": "Pay rent", "due": "2027-01-20"}], "pay rent should be on the 1st", "next-1st"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "due"), OLD_VALUES)
async def test_the_value_after_not_is_the_old_one(
    app: FastAPI, start: list[dict[str, Any]], message: str, due: str
):
    title = start[0]["title"]
    if due == "next-1st":
        today = TESTS_DAY
        due = str(today.replace(day=1) if today.day == 1 else add_months(today.replace(day=1), 1))
    await _check(app, _start(start), [message], {title: {"due_date": due}})


# Moves by hours and minutes, from the task's own time.
HOURS = [
    ("Call the supplier", "14:00", "push the supplier call back an hour", "15:00"),
    ("Call the supplier", "14:00", "push the supplier call an hour", "15:00"),
    ("Team meeting", "10:00", "the team meeting got pushed back 30 min", "10:30"),
    ("Team meeting", "10:00", "move the team meeting 2 hours later", "12:00"),
    ("Team meeting", "10:00", "bring the team meeting forward an hour", "09:00"),
    ("Dinner with Sam", "19:00", "dinner with sam is half an hour later",
     "19:30"),
    ("Dinner with Sam", "19:00", "push dinner with sam back by 15 minutes", "19:15"),
    ("Yoga class", "18:00", "yoga class moved an hour earlier", "17:00"),
    ("Pick up Leo", "15:30", "can u push pick up leo by an hour", "16:30"),
    ("Standup", "09:00", "delay the standup by 90 minutes", "10:30"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("title", "time", "message", "want"), HOURS)
async def test_a_move_by_hours_keeps_the_day(
    app: FastAPI, title: str, time: str, message: str, want: str
):
    start = [{"title": title, "due": "+1", "due_time": time}]
    await _check(app, _start(start), [message], {title: {"due": "+1", "time": want}})


# A repeat day changed: the rule's day changes, the rest of the task stays.
REPEATS = [
    ("Take out the recycling", "FREQ=WEEKLY;BYDAY=MO",
     "recycling collection changed to every thursday, update the reminder",
     "FREQ=WEEKLY;BYDAY=TH"),
    ("Take out the recycling", "FREQ=WEEKLY;BYDAY=MO", "recycling moved to thursdays",
     "FREQ=WEEKLY;BYDAY=TH"),
    ("Take out the bins", "FREQ=WEEKLY;BYDAY=MO", "bins are on wednesdays now",
     "FREQ=WEEKLY;BYDAY=WE"),
    ("Piano lesson", "FREQ=WEEKLY;BYDAY=TU", "make piano lesson every other tuesday",
     "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU"),
    ("Piano lesson", "FREQ=WEEKLY;BYDAY=TU", "the piano lesson is on fridays from now on",
     "FREQ=WEEKLY;BYDAY=FR"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("title", "rule", "message", "want"), REPEATS)
async def test_a_repeat_day_changed(app: FastAPI, title: str, rule: str, message: str, want: str):
    first = {"MO": "monday", "TU": "tuesday"}[rule[-2:]]
    start = [{"title": title, "due": first, "recurrence": rule}]
    await _check(app, _start(start), [message], {title: {"recurrence": want}})


# A task named by a noun of its verb ("the cake pickup" is "Pick up the cake").
NOUNS = [
    ([{"title": "Pick up the cake", "due": "+1"}], "the cake pickup is at 11am",
     {"Pick up the cake": {"due": "+1", "time": "11:00"}}),
    ([{"title": "Pick up the dry cleaning", "due": "+1"}], "dry cleaning pickup is at 5pm",
     {"Pick up the dry cleaning": {"due": "+1", "time": "17:00"}}),
    ([{"title": "Drop off the parcel", "due": "+1"}], "the parcel drop-off is at 9am",
     {"Drop off the parcel": {"due": "+1", "time": "09:00"}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), NOUNS)
async def test_a_task_named_by_a_noun(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, _start(start), [message], want)


# "that tag": the tag the message named a moment ago.
UNTAGS = [
    ("Buy printer ink", ["work", "home"], "printer ink isn't a work thing, remove that tag",
     ["home"]),
    ("Book flights", ["work", "travel"], "the flights are not a work thing, drop that tag",
     ["travel"]),
    ("Buy printer ink", ["work", "home"], "printer ink isn't work related, untag it", ["home"]),
    ("Buy printer ink", ["work", "home"], "the printer ink is not a work task. untag it pls",
     ["home"]),
    ("Book flights", ["work", "travel"], "flights aren't a work thing - take that tag off",
     ["travel"]),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("title", "tags", "message", "want"), UNTAGS)
async def test_that_tag_is_the_tag_named(
    app: FastAPI, title: str, tags: list[str], message: str, want: list[str]
):
    await _check(app, [{"title": title, "tags": tags}], [message], {title: {"tags": want}})


# A follow-up that makes the task just added repeat: on its own weekday.
FOLLOW_UPS = [
    (["add take out the trash on monday", "make it repeat every week"],
     {"Take out the trash": {"due": "monday", "recurrence": "FREQ=WEEKLY;BYDAY=MO"}}),
    (["add water the ferns on friday", "make it weekly"],
     {"Water the ferns": {"due": "friday", "recurrence": "FREQ=WEEKLY;BYDAY=FR"}}),
    (["add team retro on wednesday", "it should repeat every week"],
     {"Team retro": {"due": "wednesday", "recurrence": "FREQ=WEEKLY;BYDAY=WE"}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("turns", "want"), FOLLOW_UPS)
async def test_make_it_repeat_follows_its_own_day(
    app: FastAPI, turns: list[str], want: dict[str, dict[str, Any]]
):
    await _check(app, [], turns, want)


# A learner's "more early" / "more late" is a direction, never "more" days later (blind-9:
# "one day more early" moved the visit a day later, a wrong change).
LEARNER_SHIFTS = [
    ("Please move the task 'Visit Aunt Rosa in hospital' one day more early, because on Sunday "
     "the hospital has no visits", "2027-04-10"),
    ("can you move the visit to aunt rosa two days more early please", "2027-04-09"),
    ("the visit to aunt rosa, make it one day more late", "2027-04-12"),
    ("move aunt rosa visit 1 day more earlier", "2027-04-10"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("message", "due"), LEARNER_SHIFTS)
async def test_more_early_is_earlier(app: FastAPI, message: str, due: str):
    start = [{"title": "Visit Aunt Rosa in hospital", "due_date": "2027-04-11"}]
    await _check(app, start, [message], {"Visit Aunt Rosa in hospital": {"due_date": due}})
