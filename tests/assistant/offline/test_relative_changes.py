"""Changes told as statements or relative to the current value (blind-10 tuning): "I'll do
X tonight" moves task X (never a status question), "for the X, ... put it high" sets the
priority of the topic named first, a time of day moved by minutes or hours either way, and a
topic noun that is the noun form of a title's verb ("the payment": "Pay the cleaner")."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from tests.assistant.offline.test_multi import _check, _day

_TODO = pytest.mark.xfail(reason="not handled yet", strict=True)


def _at(title: str, due: str, time: str | None = None) -> dict[str, Any]:
    task: dict[str, Any] = {"title": title, "due_date": _day(due)}
    if time:
        task["due_time"] = time
    return task


# "I'll do X <when>": a reschedule of task X, the other task untouched.
WILL_DO = [
    ([_at("Finish the crossword", "+2"), _at("Call grandma", "+2")],
     "I'll finish the crossword tomorrow instead",
     {"Finish the crossword": {"due": "+1"}, "Call grandma": {"due": "+2"}}),
    ([_at("Wash the car", "+1"), _at("Water the plants", "+1")],
     "gonna wash the car on saturday actually",
     {"Wash the car": {"due": "saturday"}, "Water the plants": {"due": "+1"}}),
    ([_at("Do the ironing", "+1"), _at("Do the dishes", "+1")],
     "I will do the ironing on sunday",
     {"Do the ironing": {"due": "sunday"}, "Do the dishes": {"due": "+1"}}),
    ([_at("Write the essay", "+3"), _at("Read chapter 4", "+3")],
     "I think I'll write the essay tomorrow",
     {"Write the essay": {"due": "+1"}, "Read chapter 4": {"due": "+3"}}),
    ([_at("Clean the bathroom", "+1"), _at("Clean the kitchen", "+1")],
     "i'll clean the bathroom friday then",
     {"Clean the bathroom": {"due": "friday"}, "Clean the kitchen": {"due": "+1"}}),
    ([_at("Call the bank", "+2"), _at("Call mum", "+2")],
     "I'm going to call the bank tomorrow",
     {"Call the bank": {"due": "+1"}, "Call mum": {"due": "+2"}}),
    ([_at("Fix the bike", "+1"), _at("Fix the shelf", "+1")],
     "ok I'll fix the bike on thursday",
     {"Fix the bike": {"due": "thursday"}, "Fix the shelf": {"due": "+1"}}),
    ([_at("Mow the lawn", "+1"), _at("Rake the leaves", "+1")],
     "I'll mow the lawn on sunday actually",
     {"Mow the lawn": {"due": "sunday"}, "Rake the leaves": {"due": "+1"}}),
    ([_at("Read the report", "+1"), _at("Print the report", "+1")],
     "I'll read the report friday",
     {"Read the report": {"due": "friday"}, "Print the report": {"due": "+1"}}),
    ([_at("Finish the puzzle", "+1"), _at("Pay rent", "+1")],
     "I'll do the puzzle tonight",
     {"Finish the puzzle": {"due": "+0", "time": "20:00"}, "Pay rent": {"due": "+1"}}),
    ([_at("Pack the suitcase", "+2"), _at("Book a taxi", "+2")],
     "i'm gonna pack the suitcase tonight",
     {"Pack the suitcase": {"due": "+0", "time": "20:00"}, "Book a taxi": {"due": "+2"}}),
]  # fmt: skip


@pytest.mark.parametrize(("start", "message", "want"), WILL_DO)
async def test_i_will_do_a_task_then_moves_it(app: FastAPI, start, message, want):
    await _check(app, start, [message], want)


# "For the X, ... put it <priority>": the topic named first is the task "it" means.
TOPIC_PRIORITY = [
    ([{"title": "Renew the passport"}, {"title": "Renew the library card"}],
     "About the passport, it is urgent. Make it high please",
     {"Renew the passport": {"priority": "high"},
      "Renew the library card": {"priority": "medium"}}),
    ([{"title": "Call the plumber"}, {"title": "Call the dentist"}],
     "for the plumber, it can wait. put it low",
     {"Call the plumber": {"priority": "low"}, "Call the dentist": {"priority": "medium"}}),
    ([{"title": "Book the flights"}, {"title": "Book the hotel"}],
     "Regarding the flights, this is very important. Set it to high",
     {"Book the flights": {"priority": "high"}, "Book the hotel": {"priority": "medium"}}),
    ([{"title": "Pay the gas bill"}, {"title": "Pay the water bill"}],
     "For the gas bill, is more urgent than I said. Put it on high",
     {"Pay the gas bill": {"priority": "high"}, "Pay the water bill": {"priority": "medium"}}),
    ([{"title": "Clean the garage"}, {"title": "Clean the attic"}],
     "the garage, it is not so important. put it low please",
     {"Clean the garage": {"priority": "low"}, "Clean the attic": {"priority": "medium"}}),
    ([{"title": "Renew the visa"}, {"title": "Renew the bus pass"}],
     "For the visa: it matters a lot. Please put it high",
     {"Renew the visa": {"priority": "high"}, "Renew the bus pass": {"priority": "medium"}}),
    ([{"title": "Email the teacher"}, {"title": "Email the landlord"}],
     "About the teacher email, it's important. make it high",
     {"Email the teacher": {"priority": "high"}, "Email the landlord": {"priority": "medium"}}),
    ([{"title": "Fix the fence"}, {"title": "Paint the fence"}],
     "for the fence fixing, is important now. put it high",
     {"Fix the fence": {"priority": "high"}, "Paint the fence": {"priority": "medium"}}),
    ([{"title": "Buy the train tickets"}, {"title": "Buy the concert tickets"}],
     "For the train tickets, it is more important than I think. Put it high please",
     {"Buy the train tickets": {"priority": "high"},
      "Buy the concert tickets": {"priority": "medium"}}),
    ([{"title": "Renew the work permit"}, {"title": "Renew the bus card"}],
     "for the bus card, not so important. put it low",
     {"Renew the work permit": {"priority": "medium"}, "Renew the bus card": {"priority": "low"}}),
]  # fmt: skip


@pytest.mark.parametrize(("start", "message", "want"), TOPIC_PRIORITY)
async def test_put_it_high_after_a_topic_sets_that_tasks_priority(
    app: FastAPI, start, message, want
):
    await _check(app, start, [message], want)


# A time of day moved by minutes or hours, either way, from the task's own time.
SHIFTS = [
    ([_at("Maths tutoring with Sven", "wednesday", "17:00"),
      _at("Piano lesson", "wednesday", "17:00")],
     "Sven wants to start half an hour later on wednesday",
     {"Maths tutoring with Sven": {"time": "17:30"}, "Piano lesson": {"time": "17:00"}}),
    ([_at("Team standup", "+1", "09:00"), _at("Lunch with Ana", "+1", "12:00")],
     "the standup starts an hour earlier tomorrow",
     {"Team standup": {"time": "08:00"}, "Lunch with Ana": {"time": "12:00"}}),
    ([_at("Dentist appointment", "+2", "14:00"), _at("Gym", "+2", "18:00")],
     "dentist moved 30 min later",
     {"Dentist appointment": {"time": "14:30"}, "Gym": {"time": "18:00"}}),
    ([_at("Call with the landlord", "+1", "10:00"), _at("Gym", "+1", "18:00")],
     "push the landlord call back 15 minutes",
     {"Call with the landlord": {"time": "10:15"}, "Gym": {"time": "18:00"}}),
    ([_at("Yoga class", "friday", "18:00"), _at("Dinner with Sam", "friday", "20:00")],
     "yoga is 2 hours earlier on friday now",
     {"Yoga class": {"time": "16:00"}, "Dinner with Sam": {"time": "20:00"}}),
    ([_at("Haircut", "+3", "11:00"), _at("Gym", "+3", "18:00")],
     "the haircut got pushed 45 minutes later",
     {"Haircut": {"time": "11:45"}, "Gym": {"time": "18:00"}}),
    ([_at("Football practice", "thursday", "16:00"), _at("Gym", "thursday", "18:00")],
     "coach says football practice starts half an hour earlier",
     {"Football practice": {"time": "15:30"}, "Gym": {"time": "18:00"}}),
    ([_at("Pick up Mia from school", "+1", "15:00"), _at("Gym", "+1", "18:00")],
     "the Mia pick up is an hour later tomorrow",
     {"Pick up Mia from school": {"time": "16:00"}, "Gym": {"time": "18:00"}}),
    ([_at("Meeting with Priya", "+1", "13:00"), _at("Gym", "+1", "18:00")],
     "Priya asked to meet 20 minutes earlier",
     {"Meeting with Priya": {"time": "12:40"}, "Gym": {"time": "18:00"}}),
    ([_at("Guitar lesson with Tom", "saturday", "10:00"), _at("Gym", "saturday", "18:00")],
     "Tom asked if we could start an hour later on saturday",
     {"Guitar lesson with Tom": {"time": "11:00"}, "Gym": {"time": "18:00"}}),
]  # fmt: skip


@pytest.mark.parametrize(("start", "message", "want"), SHIFTS)
async def test_a_time_moved_by_minutes_or_hours(app: FastAPI, start, message, want):
    await _check(app, start, [message], want)


# A shift of a time the task does not have: nothing invented, the user is told.
NO_TIME = [
    ([_at("Maths tutoring with Sven", "wednesday")], "Sven asked to start half an hour later"),
    ([_at("Call the bank", "+1")], "push the bank call back 15 minutes"),
    ([_at("Team standup", "+1")], "the standup starts an hour earlier"),
]  # fmt: skip


@pytest.mark.parametrize(("start", "message"), NO_TIME)
async def test_a_shift_of_no_time_invents_none(app: FastAPI, start, message):
    want = {start[0]["title"]: {"time": "", "due_date": start[0]["due_date"]}}
    await _check(app, start, [message], want)


# A topic noun that is the noun form of a title's verb names that task.
NOUN_FORMS = [
    ([{**_at("Pay the cleaner", "friday"), "recurrence": "FREQ=WEEKLY;BYDAY=FR"},
      {"title": "Call the cleaner"}],
     "cleaner is coming every other friday from now on, so adjust the payment to match",
     {"Pay the cleaner": {"recurrence": "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"},
      "Call the cleaner": {"recurrence": None}}),
    ([{"title": "Pay the rent"}, {"title": "Call the landlord"}],
     "rent is due on friday now, update the rent payment to match",
     {"Pay the rent": {"due": "friday"}, "Call the landlord": {"due_date": None}}),
    ([{"title": "Pay the rent"}, {"title": "Call the landlord"}],
     "make the rent payment high priority",
     {"Pay the rent": {"priority": "high"}, "Call the landlord": {"priority": "medium"}}),
    ([{"title": "Deliver the parcel"}, {"title": "Buy tape"}],
     "move the parcel delivery to friday",
     {"Deliver the parcel": {"due": "friday"}, "Buy tape": {"due_date": None}}),
    ([{"title": "Renew the passport"}, {"title": "Buy stamps"}],
     "set the passport renewal to high",
     {"Renew the passport": {"priority": "high"}, "Buy stamps": {"priority": "medium"}}),
    ([{"title": "Inspect the boiler"}, {"title": "Buy milk"}],
     "move the boiler inspection to monday",
     {"Inspect the boiler": {"due": "monday"}, "Buy milk": {"due_date": None}}),
    ([{"title": "Register the car"}, {"title": "Wash the car"}],
     "the car registration is urgent, make it high",
     {"Register the car": {"priority": "high"}, "Wash the car": {"priority": "medium"}}),
    ([{"title": "Pay the nanny"}, {"title": "Buy nappies"}],
     "move the payment to friday",
     {"Pay the nanny": {"due": "friday"}, "Buy nappies": {"due_date": None}}),
    ([{"title": "Cancel the gym membership"}, {"title": "Buy milk"}],
     "the gym cancellation can wait till monday",
     {"Cancel the gym membership": {"due": "monday"}, "Buy milk": {"due_date": None}}),
    ([{"title": "Install the new printer"}, {"title": "Buy paper"}],
     "printer installation should be low priority",
     {"Install the new printer": {"priority": "low"}, "Buy paper": {"priority": "medium"}}),
    ([{"title": "Pay the gardener"}, {"title": "Pay the cleaner"}],
     "move the payment to friday",  # two payments: ask, change nothing
     {"Pay the gardener": {"due_date": None}, "Pay the cleaner": {"due_date": None}}),
]  # fmt: skip


@pytest.mark.parametrize(("start", "message", "want"), NOUN_FORMS)
async def test_a_noun_of_the_titles_verb_names_the_task(app: FastAPI, start, message, want):
    await _check(app, start, [message], want)


# A bare hour with a word of correction after it ("at 4 actually", "at 9 instead"): a time.
AFTER_WORD = [
    (["add collect the suit at 2pm", "add buy a tie", "the first one should be at 5 actually"],
     {"Collect the suit": {"time": "17:00"}, "Buy a tie": {"time": ""}}),
    pytest.param(
        ["add call the vet at 10am", "add buy cat food", "the first one should be at 11 instead"],
        {"Call the vet": {"time": "11:00"}, "Buy cat food": {"time": ""}}, marks=_TODO),
    (["add buy a card", "add pick up flowers at 4pm", "the second one should be at 5 now"],
     {"Buy a card": {"time": ""}, "Pick up flowers": {"time": "17:00"}}),
    (["add pick up the cake at 3pm", "make it at 4 actually"],
     {"Pick up the cake": {"time": "16:00"}}),
    (["add walk the dog at 7pm", "at 8 instead please"],
     {"Walk the dog": {"time": "20:00"}}),
]  # fmt: skip


@pytest.mark.parametrize(("turns", "want"), AFTER_WORD)
async def test_a_bare_hour_with_a_word_after_it(app: FastAPI, turns, want):
    await _check(app, [], turns, want)
