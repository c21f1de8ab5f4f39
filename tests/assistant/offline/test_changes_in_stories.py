"""Changes told as a story about one task, through the real app (blind-13): a deadline
extended by a distance ("the history essay deadline got extended by a week": its own due date
moves), a visit with no fixed time ("the plumber can come anytime tomorrow, so drop the time"),
"it can wait" (low priority), and a note said after "for X, also". Only the task the story
names changes; when two tasks could be meant we ask and nothing changes."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse
from tests.assistant.offline.test_multi import _check, _day
from tests.assistant.offline.test_told_changes import _start

ESSAY = [{"title": "Write history essay", "due": "+2"}, {"title": "Buy printer ink", "due": "+2"}]
REPORT = [{"title": "Finish the report", "due": "+1"}, {"title": "Book the meeting room"}]
EXTENDED = [
    # blind-13
    (ESSAY, "good news the history essay deadline got extended by a week", "+9"),
    # invented: the deadline extended, pushed or moved by a distance
    (ESSAY, "the essay deadline got extended by a week", "+9"),
    (ESSAY, "the deadline for the history essay was extended by 3 days", "+5"),
    (ESSAY, "history essay deadline has been pushed back two days", "+4"),
    (ESSAY, "great news, the essay's deadline got moved back a week", "+9"),
    (ESSAY, "the deadline on the essay got extended by a fortnight", "+16"),
    (ESSAY, "Good news! The history essay deadline has been extended by 2 weeks.", "+16"),
    ([{"title": "Submit the tax return", "due": "+3"}, {"title": "Call the accountant"}],
     "the tax return deadline was postponed by a week", "+10"),
    (REPORT, "good news: the report deadline got extended by 2 days", "+3"),
    (REPORT, "the deadline for the report got put back a day", "+2"),
    (REPORT, "so the report's deadline has been extended by a week", "+8"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "due"), EXTENDED)
async def test_a_deadline_extended_by_a_distance(
    app: FastAPI, start: list[dict[str, Any]], message: str, due: str
):
    want = {t["title"]: {"due": t["due"]} if "due" in t else {} for t in start}
    want[start[0]["title"]] = {"due": due}
    await _check(app, _start(start), [message], want)


def _same(start: list[dict[str, Any]], after: list[dict[str, Any]]) -> None:
    """Every task as it started: title, day and time."""
    now = by_title(after)
    assert sorted(now) == sorted(s["title"].lower() for s in start)
    for s in start:
        task = now[s["title"].lower()]
        assert task["due_date"] == s.get("due_date"), task
        assert (task.get("due_time") or "")[:5] == (s.get("due_time") or ""), task
        assert task["priority"] == s.get("priority", task["priority"]), task


# Safety: two essays, or a deadline that is not this user's task: nothing moves.
@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("start", "message"),
    [([{"title": "Write history essay", "due": "+2"},
       {"title": "Write english essay", "due": "+5"}],
      "the essay deadline got extended by a week"),
     (ESSAY, "the deadline is a week away"),
     (ESSAY, "the deadline got extended by a week"),
     (ESSAY, "my sister's deadline got extended by a week"),
     (ESSAY, "the essay deadline is a week")],
)  # fmt: skip
async def test_a_deadline_extension_of_no_one_task_moves_nothing(
    app: FastAPI, start: list[dict[str, Any]], message: str
):
    start = _start(start)
    t = await converse(app, start, [message], set())
    assert t.problems == [], t.replies
    _same(start, t.after)


def _timed(title: str, due: str, time: str) -> dict[str, Any]:
    return {"title": title, "due_date": _day(due), "due_time": time}


PLUMBER = [_timed("Plumber visit", "+1", "10:00"), _timed("Electrician visit", "+1", "14:00")]
NO_TIME = [
    # blind-13
    (PLUMBER, "the plumber can come anytime tomorrow, so drop the time from that", "Plumber visit"),
    # invented: who comes can come any time, so the time goes (the day stays)
    (PLUMBER, "the plumber can come any time tomorrow so remove the time", "Plumber visit"),
    (PLUMBER, "plumber can come anytime tomorrow, no set time needed", "Plumber visit"),
    (PLUMBER, "the plumber can come anytime tomorrow", "Plumber visit"),
    (PLUMBER, "the electrician can come any time of day tomorrow, drop the time",
     "Electrician visit"),
    (PLUMBER, "the electrician can do anytime tomorrow, so take the time off",
     "Electrician visit"),
    ([_timed("Dentist check-up", "+1", "09:00"), _timed("Pick up the kids", "+1", "15:00")],
     "the dentist can see me anytime tomorrow, drop the time from it", "Dentist check-up"),
    ([_timed("Piano tuner visit", "+2", "15:00"), _timed("Call mum", "+2", "18:00")],
     "the piano tuner can come any time that day so remove the time", "Piano tuner visit"),
    ([_timed("Boiler service", "+1", "08:00"), _timed("Gym class", "+1", "07:00")],
     "the boiler guy can come anytime tomorrow, so remove the time from the boiler service",
     "Boiler service"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "title"), NO_TIME)
async def test_any_time_drops_the_time_and_keeps_the_day(
    app: FastAPI, start: list[dict[str, Any]], message: str, title: str
):
    want = {t["title"]: {"due_date": t["due_date"], "time": t["due_time"]} for t in start}
    want[title] = {"due_date": next(t["due_date"] for t in start if t["title"] == title),
                   "due_time": None}  # fmt: skip
    await _check(app, start, [message], want)


# Safety: two plumber tasks with a time: we ask, no time goes.
@pytest.mark.asyncio
async def test_any_time_of_two_tasks_asks(app: FastAPI):
    start = [_timed("Plumber visit", "+1", "10:00"), _timed("Pay the plumber", "+1", "12:00")]
    t = await converse(app, start, ["the plumber can come anytime tomorrow, so drop the time"],
                       set())  # fmt: skip
    assert t.problems == [], t.replies
    _same(start, t.after)


GARAGE = [{"title": "Clean up the garage", "priority": "high"},
          {"title": "Mow the lawn", "priority": "high"}]  # fmt: skip
CAN_WAIT = [
    # blind-13
    (GARAGE, "you know the garage cleanup thing it can totally wait honestly just make it low "
     "priority", "Clean up the garage"),
    # invented: "the X thing/one, it can wait"
    (GARAGE, "the garage cleanup thing, it can wait", "Clean up the garage"),
    (GARAGE, "the garage thing it can totally wait", "Clean up the garage"),
    (GARAGE, "you know the garage one, it can wait, make it low", "Clean up the garage"),
    (GARAGE, "the garage task - it can wait", "Clean up the garage"),
    (GARAGE, "that garage thing, it can wait, just set it to low priority", "Clean up the garage"),
    (GARAGE, "the lawn thing it can definitely wait", "Mow the lawn"),
    (GARAGE, "so the lawn one, it's not urgent, it can wait", "Mow the lawn"),
    ([{"title": "Sort the photo albums", "priority": "high"},
      {"title": "Pay rent", "priority": "high"}],
     "the photo albums thing, it can easily wait", "Sort the photo albums"),
    ([{"title": "Repaint the fence", "priority": "medium"},
      {"title": "Pay rent", "priority": "high"}],
     "you know the fence one it can wait honestly", "Repaint the fence"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "title"), CAN_WAIT)
async def test_it_can_wait_is_low_priority(
    app: FastAPI, start: list[dict[str, Any]], message: str, title: str
):
    want = {t["title"]: {"priority": t["priority"]} for t in start}
    want[title] = {"priority": "low"}
    await _check(app, start, [message], want)


# Safety: two garage tasks, or none: nothing changes, nothing is added.
@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("start", "message"),
    [([{"title": "Clean up the garage", "priority": "high"},
       {"title": "Clean out the garage fridge", "priority": "high"}],
      "the garage thing it can wait"),
     ([{"title": "Mow the lawn", "priority": "high"}], "the garage thing, it can wait")],
)  # fmt: skip
async def test_it_can_wait_of_no_one_task_changes_nothing(
    app: FastAPI, start: list[dict[str, Any]], message: str
):
    t = await converse(app, start, [message], set())
    assert t.problems == [], t.replies
    _same(start, t.after)


PARCEL = [{"title": "Deliver parcel to Mrs. Lee", "description": "Blue door"},
          {"title": "Buy packing tape"}]  # fmt: skip
NOTE_TOLD = [
    # blind-13
    (PARCEL, "for the parcel to Mrs. Lee, also note that the gate code is 1234", "1234"),
    # invented: "for X, (also) note/add/write down that …"
    (PARCEL, "for the parcel to Mrs. Lee, note that the gate code is 1234", "1234"),
    (PARCEL, "for the Mrs. Lee parcel, also note: gate code 1234", "1234"),
    (PARCEL, "for the parcel, also write down that the gate code is 1234", "1234"),
    (PARCEL, "on the parcel task, also add that the gate code is 1234", "1234"),
    (PARCEL, "for the parcel to Mrs Lee, also jot down that she's out after 5", "out after 5"),
    ([{"title": "Car service"}, {"title": "Wash the car"}],
     "for the car service, also note that the key is under the mat", "under the mat"),
    ([{"title": "Book the venue"}, {"title": "Send the invites"}],
     "for the venue, also put that the deposit is 200", "deposit is 200"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "note"), NOTE_TOLD)
async def test_also_note_for_a_task(
    app: FastAPI, start: list[dict[str, Any]], message: str, note: str
):
    want: dict[str, dict[str, Any]] = {t["title"]: {} for t in start}
    want[start[0]["title"]] = {"note": note}
    await _check(app, start, [message], want)


# Safety: two parcels: we ask, no note is written.
@pytest.mark.asyncio
async def test_also_note_of_two_tasks_asks(app: FastAPI):
    start = [{"title": "Deliver parcel to Mrs. Lee"}, {"title": "Deliver parcel to Mr. Lee"}]
    t = await converse(app, start, ["for the parcel to Lee, also note that the gate code is 1234"],
                       set())  # fmt: skip
    assert t.problems == [], t.replies
    assert all(not task["description"] for task in t.after), t.replies
