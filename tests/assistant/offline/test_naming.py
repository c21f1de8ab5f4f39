"""Naming existing tasks to complete, reopen or delete: several in one message, a task named by
another form of its words ("the chemist errand" is "Go to the chemist"), by its due date
("tomorrow's task"), or inside a story ("the cactus died, delete the watering reminder").

Each conversation runs through the real app; the safety invariant is checked after every turn
(only tasks named change, every change is named, a delete waits for a yes) and the final task
list is compared. When two tasks fit the words equally, the assistant asks and changes nothing.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import converse
from tests.assistant.offline.test_multi import _check, _day, _done, _open

# Still read wrongly (each changes nothing, so they are safe): a list after "ticked off:", a
# list before "are both done now", a remark with no pronoun after "pls,".
_NOT_YET = pytest.mark.xfail(reason="not handled yet", strict=True)


def _due(title: str, day: str) -> dict[str, Any]:
    return {"title": title, "due_date": _day(day)}


# Two or three tasks completed (or reopened) in one message: every one named, none other.
SEVERAL = [
    (_open("Wash the dishes", "Vacuum the living room", "Fold laundry"),
     "mark the dishes and the vacuuming as done",
     {"Wash the dishes": {"completed": True}, "Vacuum the living room": {"completed": True},
      "Fold laundry": {"completed": False}}),
    (_open("Wash the dishes", "Vacuum the living room", "Dust the shelves"),
     "done with the dishes and the vacuuming, now add mop the kitchen floor for tomorrow",
     {"Wash the dishes": {"completed": True}, "Vacuum the living room": {"completed": True},
      "Dust the shelves": {"completed": False}, "Mop the kitchen floor": {"due": "+1"}}),
    (_open("Pay rent", "Call the bank", "Buy milk", "Walk the dog"),
     "pay rent, call the bank and buy milk are all done",
     {"Pay rent": {"completed": True}, "Call the bank": {"completed": True},
      "Buy milk": {"completed": True}, "Walk the dog": {"completed": False}}),
    pytest.param(_open("Buy groceries", "Do the laundry", "Clean the bathroom"),
     "ticked off: groceries, laundry",
     {"Buy groceries": {"completed": True}, "Do the laundry": {"completed": True},
      "Clean the bathroom": {"completed": False}}, marks=_NOT_YET),
    (_open("Finish the essay", "Make the slides", "Book the room"),
     "finished the essay plus the slides",
     {"Finish the essay": {"completed": True}, "Make the slides": {"completed": True},
      "Book the room": {"completed": False}}),
    (_open("Walk the dog", "Water the plants", "Feed the cat"),
     "mark walk the dog & watr the plants done",
     {"Walk the dog": {"completed": True}, "Water the plants": {"completed": True},
      "Feed the cat": {"completed": False}}),
    (_open("Do the laundry", "Do the dishes", "Do the ironing"),
     "i did the laundry and the dishes",
     {"Do the laundry": {"completed": True}, "Do the dishes": {"completed": True},
      "Do the ironing": {"completed": False}}),
    (_open("Write the report", "Prepare the presentation", "Email the client"),
     "the report and the presentation are finished",
     {"Write the report": {"completed": True}, "Prepare the presentation": {"completed": True},
      "Email the client": {"completed": False}}),
    (_open("Pick up the cake", "Go to the chemist", "Go to the bank"),
     "both the cake pickup and the chemist errand are done",
     {"Pick up the cake": {"completed": True}, "Go to the chemist": {"completed": True},
      "Go to the bank": {"completed": False}}),
    (_open("Mow the lawn", "Weed the garden", "Fix the fence"),
     "mowing and weeding done 💪",
     {"Mow the lawn": {"completed": True}, "Weed the garden": {"completed": True},
      "Fix the fence": {"completed": False}}),
    (_open("Call the dentist", "Call the vet", "Call mom"),
     "please mark call the dentist, call the vet as completed",
     {"Call the dentist": {"completed": True}, "Call the vet": {"completed": True},
      "Call mom": {"completed": False}}),
    (_done("Do the laundry", "Do the dishes", "Do the ironing"),
     "reopen laundry and dishes",
     {"Do the laundry": {"completed": False}, "Do the dishes": {"completed": False},
      "Do the ironing": {"completed": True}}),
    pytest.param(_open("Send the invoice to Acme", "Book the flights", "Renew passport"),
     "ok so the invoice task and the flights are both done now",
     {"Send the invoice to Acme": {"completed": True}, "Book the flights": {"completed": True},
      "Renew passport": {"completed": False}}, marks=_NOT_YET),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), SEVERAL)
async def test_every_task_named_in_one_message_changes(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, start, [message], want)


# A completed task taken back, said politely, as a story, or as "X isn't actually done".
REOPENS = [
    (_done("Call mom", "Call mom's doctor"),
     "I need to call mom's doctor again actually, can you reopen that one",
     {"Call mom": {"completed": True}, "Call mom's doctor": {"completed": False}}),
    (_done("Order new glasses", "Book eye test"),
     "I'm terribly sorry to bother you, but I ticked off 'Order new glasses' and the optician "
     "has since cancelled the order. Could you restore it to my list, please?",
     {"Order new glasses": {"completed": False}, "Book eye test": {"completed": True}}),
    (_done("Pay the gas bill", "Pay the water bill"),
     "the gas bill isn't actually done, the payment bounced",
     {"Pay the gas bill": {"completed": False}, "Pay the water bill": {"completed": True}}),
    (_done("Email Sam", "Email Sara"), "I need to email Sam again, reopen that",
     {"Email Sam": {"completed": False}, "Email Sara": {"completed": True}}),
    (_done("Book the hotel", "Book the train"),
     "could you please put 'Book the hotel' back on my list? the booking fell through",
     {"Book the hotel": {"completed": False}, "Book the train": {"completed": True}}),
    (_done("Vacuum the living room", "Wash the dishes"), "oops, the vacuuming isn't done yet",
     {"Vacuum the living room": {"completed": False}, "Wash the dishes": {"completed": True}}),
    (_done("Go to the chemist", "Go to the bank"),
     "reopen the chemist errand, they were closed",
     {"Go to the chemist": {"completed": False}, "Go to the bank": {"completed": True}}),
    (_done("Send the invoice to Acme", "Send the contract"), "unmark the invoice task pls",
     {"Send the invoice to Acme": {"completed": False}, "Send the contract": {"completed": True}}),
    (_done("Fill in the tax form", "File the receipts"),
     "the tax form is not finished after all, reopen it please",
     {"Fill in the tax form": {"completed": False}, "File the receipts": {"completed": True}}),
    (_done("Go to the gym", "Go to the bank"), "restore the gym one pls",
     {"Go to the gym": {"completed": False}, "Go to the bank": {"completed": True}}),
    (_done("Fix the bike", "Fix the door"),
     "Would you be so kind as to reopen 'Fix the bike'? The chain came off again.",
     {"Fix the bike": {"completed": False}, "Fix the door": {"completed": True}}),
    (_done("Pick up the cake", "Pick up the kids"), "the cake pickup isnt done, bakery was shut",
     {"Pick up the cake": {"completed": False}, "Pick up the kids": {"completed": True}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), REOPENS)
async def test_a_reopen_in_other_words(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, start, [message], want)


# Deletes told as stories, by a noun form of the task, or by its due date; each asks first
# (the invariant fails a delete done before the "yes").
DELETES = [
    (_open("Call the electrician", "Call the plumber"),
     "okay um can you delete the thing about calling the electrician we fixed the light ourselves",
     {"Call the plumber": {}}),
    (_open("Water the cactus", "Water the orchid"),
     "the cactus died 😢 delete the watering reminder for it", {"Water the orchid": {}}),
    ([_due("Team lunch", "+1"), _due("Call the bank", "+3")],
     "delete tomorrow's task, the lunch got cancelled", {"Call the bank": {}}),
    (_open("Plan the birthday party", "Buy groceries"),
     "the party got cancelled so remove it", {"Buy groceries": {}}),
    ([_due("Dinner with Ana", "friday"), _due("Pay rent", "monday")],
     "delete the one for friday", {"Pay rent": {}}),
    # "Did you mean 'Send the invoice to Acme'? Say yes to delete it" (blind-14)
    (_open("Send the invoice to Acme", "Send the contract"),
     "remove the invoice task pls, client paid already", {"Send the contract": {}}),
    (_open("Pick up the cake", "Pick up the kids"), "the cake pickup is off, delete it",
     {"Pick up the kids": {}}),
    (_open("Go to the chemist", "Go to the bank"), "pls delet the chemist errand",
     {"Go to the bank": {}}),
    (_open("Call the plumber", "Call the dentist"),
     "we fixed the sink ourselves 🙌 remove the plumber one", {"Call the dentist": {}}),
    (_open("Water the cactus", "Water the orchid"),
     "get rid of the watering reminder for the orchid", {"Water the cactus": {}}),
    ([_due("Team meeting", "+2"), _due("Buy stamps", "+5")],
     "the meeting got moved to next month so delete the task in two days",
     {"Buy stamps": {}}),
    (_open("Book the venue", "Send the invitations", "Buy a gift"),
     "the party isn't happening anymore so please delete the venue booking and the invitations",
     {"Buy a gift": {}}),
    # a reason after a comma, beside a task with a shared word (blind-6)
    (_open("Yoga class", "Clean the yoga mat"), "delete the yoga class, studio closed",
     {"Clean the yoga mat": {}}),
    (_open("Swim lesson", "Buy swim goggles"), "remove the swim lesson, pool is shut",
     {"Buy swim goggles": {}}),
    (_open("Flight to Rome", "Pack for Rome"), "delete the flight to rome, trip cancelled",
     {"Pack for Rome": {}}),
    (_open("Call the plumber", "Buy plumber's tape"), "scrap call the plumber, sink fixed",
     {"Buy plumber's tape": {}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), DELETES)
async def test_a_delete_named_in_other_words_asks_then_deletes(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, start, [message, "yes"], want)


# Words that fit two tasks equally, or no task: nothing changes, and the reply asks or says so.
UNSURE = [
    (_open("Water the cactus", "Water the orchid"), ["delete the watering reminder", "yes"]),
    (_open("Go to the chemist", "Call the chemist"), ["the chemist errand is done"]),
    (_open("Plan the party", "Buy party hats"), ["the party got cancelled so remove it", "yes"]),
    ([_due("Dinner with Ana", "friday"), _due("Pay rent", "friday")],
     ["delete friday's task", "yes"]),
    (_open("Wash the dishes", "Fold laundry"), ["mark the dishes and the ironing as done"]),
    (_done("Call mom", "Call mom's doctor"), ["reopen the call"]),
    (_open("Pick up the cake", "Pick up the dry cleaning"), ["the pickup is done"]),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "turns"), UNSURE)
async def test_words_that_fit_no_one_task_change_nothing(
    app: FastAPI, start: list[dict[str, Any]], turns: list[str]
):
    t = await converse(app, start, turns, set())
    assert t.problems == []
    assert t.before == t.after, t.replies
