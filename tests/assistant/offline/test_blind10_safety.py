"""Safety cases from blind-10: a message never changes a task it did not mean. A title said in
full beats a longer title that merely contains it ("Email Professor Klein", not "Email Professor
Klein's TA"); a task that does not exist is not swapped for one that shares a word; a question
adds nothing; a rename keeps its reason out of the new title."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse
from tests.assistant.offline.test_multi import _check

_TODO = pytest.mark.xfail(reason="not handled yet", strict=True)


def _open(*titles: str) -> list[dict[str, Any]]:
    return [{"title": t} for t in titles]


# Two titles, one the other plus more words: the one said in full is the one meant.
EXACT_OVER_LONGER = [
    (
        "Email Professor Klein",
        "Email Professor Klein's TA",
        "I emailed Professor Klein, still have to do the TA one though",
    ),
    ("Email Professor Klein", "Email Professor Klein's TA", "emailed professor klein, not the TA"),
    ("Call Mum", "Call Mum's doctor", "called mum, the doctor one is still open"),
    ("Pay the rent", "Pay the rent for the garage", "paid the rent, the garage one can wait"),
    ("Book the hotel", "Book the hotel shuttle", "booked the hotel, not the shuttle yet"),
    (
        "Water the plants",
        "Water the plants on the balcony",
        "watered the plants but not the balcony ones",
    ),
    ("Text Sara", "Text Sara's brother", "texted sara. brother still to do"),
    (
        "Feed the cat",
        "Feed the neighbour's cat",
        "i fed the cat, still need to do the neighbour one",
    ),
    ("Wash the car", "Wash the car seats", "washed the car, seats still dirty though"),
    (
        "Call the landlord",
        "Call the landlord's agent",
        "done: call the landlord. agent still pending",
    ),
    pytest.param(
        "Renew the passport",
        "Renew the passport photo booking",
        "I have renew the passport, the photo booking not yet",
        marks=_TODO,
    ),
    (
        "Email Dr Patel",
        "Email Dr Patel's receptionist",
        "finally emailed Dr Patel! receptionist tomorrow",
    ),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("short", "longer", "message"), EXACT_OVER_LONGER)
async def test_the_title_said_in_full_beats_a_longer_one(
    app: FastAPI, short: str, longer: str, message: str
):
    await _check(app, _open(short, longer), [message],
                 {short: {"completed": True}, longer: {"completed": False}})  # fmt: skip


# A task that is not on the list: nothing is marked, even if a title shares a word.
NOT_THERE = [
    (("Buy groceries", "Book the piano lesson"), "mark the piano tuning as done"),
    (("Buy groceries", "Book the piano lesson"), "piano tuning done"),
    (("Call the dentist", "Book the car service"), "mark the car wash as done"),
    (("Pay the phone bill", "Walk the dog"), "done with the water bill"),
    (("Clean the kitchen", "Fix the bike"), "I fixed the bike lights, tick it"),
    (("Order the cake", "Send the invites"), "finished the cake tasting"),
    (("Renew the car insurance", "Buy milk"), "car tax is done"),
    (("Email the school", "Call the plumber"), "mark the school trip form as complete"),
    (("Book the flights", "Pack the bags"), "please mark hotel booking done"),
    (("Book the piano lesson", "Buy flowers"), "the piano recital is done, tick it off"),
    (("Water the garden", "Mow the lawn"), "lawn mower repair done"),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("titles", "message"), NOT_THERE)
async def test_a_task_not_on_the_list_is_not_marked(
    app: FastAPI, titles: tuple[str, ...], message: str
):
    await _check(app, _open(*titles), [message], {t: {"completed": False} for t in titles})


# A thing no title names, said with a word of one ("the piano tuning" with "Book the piano
# lesson"), whatever the request: nothing changes, and the reply says so (or asks).
def _task(title: str, done: bool = False) -> dict[str, Any]:
    return {"title": title, "completed": done, "due_date": None, "priority": "medium"}


SOMETHING_ELSE = [
    # complete
    ([_task("Renew car registration"), _task("Buy stamps")], ["the car insurance is done"]),
    ([_task("Walk the dog"), _task("Water the plants")], ["tick off the dog's vet visit"]),
    ([_task("Clean the kitchen"), _task("Buy bread")], ["finished the kitchen tap repair"]),
    # reopen
    ([_task("Book the piano lesson", done=True)], ["reopen the piano tuning"]),
    ([_task("Pay the phone bill", done=True)], ["mark the water bill as not done"]),
    # delete: the question names the near task ("Did you mean 'Renew car registration'? Say
    # yes to delete it"); since blind-14 only a yes to that question deletes it
    # (test_delete_near_match), so anything else changes nothing
    ([_task("Renew car registration"), _task("Buy milk")], ["delete the car insurance", "no"]),
    (
        [_task("Walk the dog"), _task("Call mum")],
        ["remove the dog's vet visit", "what's on my list?"],
    ),
    ([_task("Walk the dog"), _task("Call mum")], ["remove the dog's vet visit"]),
    # a new date
    ([_task("Walk the dog"), _task("Buy milk")], ["move the dog's vet visit to friday"]),
    ([_task("Book the piano lesson")], ["push the piano tuning to next week"]),
    ([_task("Order the cake"), _task("Send the invites")], ["the cake tasting is now on saturday"]),
    # a new priority
    ([_task("Renew car registration")], ["make the car insurance high priority"]),
    ([_task("Pay the phone bill"), _task("Buy milk")], ["set the water bill to low priority"]),
    # a new name
    ([_task("Book the piano lesson")], ["rename the piano tuning to call the piano tuner"]),
    ([_task("Fix the bike")], ["rename the bike lights to buy new bike lights"]),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "turns"), SOMETHING_ELSE)
async def test_another_thing_than_a_title_changes_nothing(
    app: FastAPI, start: list[dict[str, Any]], turns: list[str]
):
    t = await converse(app, start, turns, set())
    assert t.problems == [], t.replies
    after = by_title(t.after)
    for task in start:
        kept = after[task["title"].lower()]
        assert {k: kept[k] for k in task} == task, t.replies
    assert re.search(r"couldn't find|did you mean|which", t.replies[0], re.I), t.replies


# The same shapes naming the task (by its words, another form of them, a slip, a short form,
# a date or priority said alongside): still understood.
REFERRED_STILL = [
    (_open("Renew car registration", "Buy stamps"), "the car registration is done",
     {"Renew car registration": {"completed": True}, "Buy stamps": {"completed": False}}),
    (_open("Walk the dog", "Water the plants"), "tick off the dog walk",
     {"Walk the dog": {"completed": True}, "Water the plants": {"completed": False}}),
    (_open("Book the piano lesson", "Buy flowers"), "piano lesson booking done",
     {"Book the piano lesson": {"completed": True}, "Buy flowers": {"completed": False}}),
    (_open("Pay the phone bill", "Walk the dog"), "done with the fone bill",
     {"Pay the phone bill": {"completed": True}, "Walk the dog": {"completed": False}}),
    (_open("Dentist appointment", "Buy milk"), "move the dentist appt to friday",
     {"Dentist appointment": {"due": "friday"}, "Buy milk": {"due_date": None}}),
    (_open("Mow the lawn", "Buy milk"), "the lawn mowing can wait till saturday",
     {"Mow the lawn": {"due": "saturday"}, "Buy milk": {"due_date": None}}),
    (_open("Prepare the audit files", "Prepare the board pack"),
     "my manager says the audit files are top priority now",
     {"Prepare the audit files": {"priority": "high"},
      "Prepare the board pack": {"priority": "medium"}}),
    (_open("Statistics homework", "Buy milk"), "stats homework is done",
     {"Statistics homework": {"completed": True}, "Buy milk": {"completed": False}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), REFERRED_STILL)
async def test_the_task_named_by_its_words_still_changes(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, start, [message], want)


# A question, however it starts, adds nothing.
QUESTIONS = [
    "so much going on at the shop today, what's my most important task right now?",
    "crazy day at work, what should I do first?",
    "busy busy, which task is the most urgent?",
    "what's the most important thing on my list today?",
    "ugh so tired. what do I have to do today?",
    "what's left for today",
    "hey, anything urgent I should be doing right now?",
    "long week at the office, what is my top priority?",
    "which one should i start with",
    "so many things going on, what is most important now?",
    "tell me please what is the most important task",
]


@pytest.mark.asyncio
@pytest.mark.parametrize("message", QUESTIONS)
async def test_a_question_adds_nothing(app: FastAPI, message: str):
    start = [{"title": "Fix the payroll error", "priority": "high"},
             {"title": "Order new chairs", "priority": "low"}]  # fmt: skip
    await _check(app, start, [message],
                 {"Fix the payroll error": {}, "Order new chairs": {}})  # fmt: skip


# A rename with its reason after a comma: the reason is not part of the new title.
RENAMES = [
    (
        "Call Dr Hassan's office",
        "rename it to call Dr Hussain's office, I misheard the name",
        "Call Dr Hussain's office",
    ),
    ("Email Jon", "rename it to email John, I spelled it wrong", "Email John"),
    ("Buy paint", "rename to buy white paint, I forgot the colour", "Buy white paint"),
    pytest.param(
        "Call Mr Smyth",
        "change the name to call Mr Smith, typo sorry",
        "Call Mr Smith",
        marks=_TODO,
    ),
    (
        "Book the venue",
        "rename it book the wedding venue, it was too vague",
        "Book the wedding venue",
    ),
    ("Visit Anna", "rename to visit Hanna, I misheard", "Visit Hanna"),
    ("Order pizza", "rename it to order sushi, we changed our minds", "Order sushi"),
    ("Pay Mark", "rename to pay Marc, my mistake", "Pay Marc"),
    ("Text Lina", "call it text Nina instead, I got the name wrong", "Text Nina"),
    (
        "Fix the sink",
        "rename it to fix the bathroom sink, there are two sinks",
        "Fix the bathroom sink",
    ),
    (
        "Call Dr Hassan's office",
        "rename to Call Dr Hussain's office - I misheard",
        "Call Dr Hussain's office",
    ),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("old", "message", "new"), RENAMES)
async def test_a_rename_keeps_its_reason_out(app: FastAPI, old: str, message: str, new: str):
    t = await converse(app, [], [f"add {old}", message], {old, new})
    assert t.problems == []
    assert sorted(by_title(t.after)) == [new.lower()], t.replies


# Leftover words are no task: a plea ("plz dont let me forget"), the tasks counted ("both",
# "all three"), a count before the list ("three separate tasks:").
LEFTOVERS = [
    (
        "a week from today renew the parking permit, plz dont let me forget",
        ["Renew the parking permit"],
    ),
    ("renew the parking permit friday, please don't let me forget", ["Renew the parking permit"]),
    ("call the bank tomorrow, don't forget", ["Call the bank"]),
    ("pay the nanny on friday and do not let me forget", ["Pay the nanny"]),
    (
        "add call the vet and email the breeder, both tmrw pls",
        ["Call the vet", "Email the breeder"],
    ),
    ("add wash the car and mow the lawn, both on saturday", ["Wash the car", "Mow the lawn"]),
    ("add buy eggs, buy bread, buy jam, all three for today", ["Buy eggs", "Buy bread", "Buy jam"]),
    (
        "add three separate tasks: buy tape, buy markers, buy poster board",
        ["Buy tape", "Buy markers", "Buy poster board"],
    ),
    ("add 2 tasks: call bob and buy milk", ["Call bob", "Buy milk"]),
    ("add these tasks: water the plants, feed the fish", ["Water the plants", "Feed the fish"]),
    ("add two new tasks - book flights, renew passport", ["Book flights", "Renew passport"]),
    (
        "create a few todos: sweep the porch, clean the grill",
        ["Sweep the porch", "Clean the grill"],
    ),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("message", "titles"), LEFTOVERS)
async def test_leftover_words_are_no_task(app: FastAPI, message: str, titles: list[str]):
    t = await converse(app, [], [message], set(titles))
    assert t.problems == []
    assert sorted(by_title(t.after)) == sorted(w.lower() for w in titles), t.replies


# Work told as NOT done ("didn't get to the car wash today, ugh"): never a completion. An open
# task stays open; the reply may say it is still to do.
NOT_DONE_TOLD = [
    ("Take the car to the car wash", "didn't get to the car wash today, ugh"),
    ("Take the car to the car wash", "didn't do the car wash"),
    ("Pay the water bill", "did not pay the water bill yet"),
    ("Call the landlord", "haven't called the landlord"),
    ("Call the landlord", "havent called the landlord yet"),
    ("Sort the recycling", "never got round to the recycling"),
    ("Sort the recycling", "never got around to sorting the recycling this week"),
    ("Clean the oven", "couldn't get to the oven today"),
    ("Clean the oven", "I didn't manage to clean the oven"),
    ("Book the vet", "we didn't book the vet in the end"),
    ("Write the thank-you cards", "still didn't do the thank-you cards 🙈"),
    ("Return the library books", "did not return the library books, the library was shut"),
]


@pytest.mark.asyncio
@pytest.mark.parametrize(("title", "message"), NOT_DONE_TOLD)
async def test_work_told_as_not_done_completes_nothing(app: FastAPI, title: str, message: str):
    await _check(app, _open(title, "Buy stamps"), [message],
                 {title: {"completed": False}, "Buy stamps": {"completed": False}})  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "turns",
    [
        ["did I submit the timesheet?", "that's wrong, I never sent it. reopen it please"],
        ["did I submit the timesheet?", "no I didn't do it, put it back please"],
    ],
)
async def test_not_done_said_of_it_then_a_request_for_it(app: FastAPI, turns: list[str]):
    start = [_task("Submit the timesheet", done=True), _task("Submit the leave request")]
    await _check(app, start, turns,
                 {"Submit the timesheet": {"completed": False},
                  "Submit the leave request": {"completed": False}})  # fmt: skip
