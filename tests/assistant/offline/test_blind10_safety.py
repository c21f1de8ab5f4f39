"""Safety cases from blind-10: a message never changes a task it did not mean. A title said in
full beats a longer title that merely contains it ("Email Professor Klein", not "Email Professor
Klein's TA"); a task that does not exist is not swapped for one that shares a word; a question
adds nothing; a rename keeps its reason out of the new title."""

from __future__ import annotations

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
    pytest.param(
        "Call Mum", "Call Mum's doctor", "called mum, the doctor one is still open", marks=_TODO
    ),  # read as a reopen of "called mum, the doctor"
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

_HANDLED = {"mark the school trip form as complete", "please mark hotel booking done"}


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("titles", "message"),
    # A stricter fuzzy match (every word said like a word of the title) fixed these but broke
    # paraphrases elsewhere ("the haircut" moves, "the audit" priority): not done yet.
    [p if p[1] in _HANDLED else pytest.param(*p, marks=_TODO) for p in NOT_THERE],
)
async def test_a_task_not_on_the_list_is_not_marked(
    app: FastAPI, titles: tuple[str, ...], message: str
):
    await _check(app, _open(*titles), [message], {t: {"completed": False} for t in titles})


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
