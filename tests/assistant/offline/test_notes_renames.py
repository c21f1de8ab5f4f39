"""Notes, renames and questions (blind-8 tuning): a note goes on the task named and nowhere
else, a rename changes that one title and adds nothing, a question changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import TESTS_DAY, by_title, converse

pytestmark = pytest.mark.asyncio

TODAY = TESTS_DAY
NOTED = [
    {"title": "Plan the party", "description": "budget 200 euros"},
    {"title": "Book the dentist"},
    {"title": "Car service"},
    {"title": "Buy a wedding gift"},
    {"title": "Call the plumber"},
    {"title": "Flight to Lisbon"},
    {"title": "Take Luna to the vet"},
    {"title": "Call the insurance company"},
    {"title": "Gym session"},
    {"title": "Renew the passport"},
    {"title": "Bike repair"},
    {"title": "Send the quote to Mrs Patel"},
    {"title": "Send the invoice to Mrs Patel"},
]


@pytest.mark.parametrize(
    ("message", "title", "word"),
    [
        ("update the party notes, the budget is now 350 euros", "Plan the party", "350"),
        ("put in the notes for the dentist that I need to bring the x-rays", "Book the dentist",
         "x-rays"),
        ("jot down under the car service: ask about the brakes", "Car service", "brakes"),
        ("add to the description of the wedding gift that she likes blue", "Buy a wedding gift",
         "blue"),
        ("add a note to the plumber task that the gate code is 2231", "Call the plumber", "2231"),
        ("notes for the flight: seat 14C", "Flight to Lisbon", "14C"),
        ("can you write in the vet task notes that Luna needs her rabies shot",
         "Take Luna to the vet", "rabies"),
        ("the insurance notes should say policy 48213-B", "Call the insurance company", "48213"),
        ("pls add to the gym notes: bring a towel", "Gym session", "towel"),
        ("in the notes of the passport renewal put that the photos are at boots",
         "Renew the passport", "boots"),
        ("note on the bike repair - the back tyre is flat", "Bike repair", "tyre"),
        ("add a note to the invoice task that she wants it split into two payments",
         "Send the invoice to Mrs Patel", "split"),
        ("for the passport, jot down that the old one is in the drawer", "Renew the passport",
         "drawer"),
        ("change the party notes to: budget 500, no DJ", "Plan the party", "500"),
        ("Could you please add to the notes of the flight that I booked the window seat? Thanks",
         "Flight to Lisbon", "window"),
        ("bike repair notes - chain is rusty", "Bike repair", "rusty"),
        ("car service: remember the code is 4411", "Car service", "4411"),
        ("gym session - note: locker 12", "Gym session", "locker 12"),
    ],
)  # fmt: skip
async def test_a_note_goes_on_the_task_named_only(app: FastAPI, message: str, title: str,
                                                  word: str):  # fmt: skip
    t = await converse(app, NOTED, [message], {title})
    assert t.problems == [], t.replies
    assert len(t.after) == len(NOTED), t.replies  # no task added
    assert word.lower() in (by_title(t.after)[title.lower()]["description"] or "").lower()
    assert [x["title"] for x in t.after] == [x["title"] for x in t.before]


async def test_a_completion_and_a_note_in_one_message(app: FastAPI):
    message = (
        "finished the quote for Mrs Patel, and add a note to her invoice task that she wants "
        "it split into two payments"
    )
    quote, invoice = "Send the quote to Mrs Patel", "Send the invoice to Mrs Patel"
    t = await converse(app, NOTED, [message], {quote, invoice})
    assert t.problems == [], t.replies
    after = by_title(t.after)
    assert after[quote.lower()]["completed"] and not after[invoice.lower()]["completed"]
    assert "split" in (after[invoice.lower()]["description"] or "")
    assert len(t.after) == len(NOTED)


NAMED = [
    {"title": "Email Jon about the contract", "due_date": str(TODAY + timedelta(days=1))},
    {"title": "Water the garden", "due_date": str(TODAY)},
    {"title": "Mow the lawn"},
    {"title": "Order the cake"},
    {"title": "Book the dentist"},
    {"title": "Go to the gym"},
    {"title": "Call Marie about the birthday"},
    {"title": "Do the laundry"},
]


@pytest.mark.parametrize(
    ("message", "old", "new"),
    [
        ("the Jon email task - it's John with an h, not Jon, please fix it",
         "Email Jon about the contract", "Email John about the contract"),
        ("hey can you change the title of the garden one to plant the tomatoes instead of water "
         "the garden", "Water the garden", "Plant the tomatoes"),
        ("the cake task, call it Order the birthday cake instead", "Order the cake",
         "Order the birthday cake"),
        ("rename the dentist task to Dentist checkup", "Book the dentist", "Dentist checkup"),
        ("it's Maria not Marie in the birthday task", "Call Marie about the birthday",
         "Call Maria about the birthday"),
        ("change the title of the gym task to Go swimming", "Go to the gym", "Go swimming"),
        ("plz change title of the laundry task to do the ironing", "Do the laundry",
         "Do the ironing"),
        ("make the gym task say Go for a run instead of go to the gym", "Go to the gym",
         "Go for a run"),
        ("the jon email, its John not Jon", "Email Jon about the contract",
         "Email John about the contract"),
        ("rename water the garden to plant the tomatoes", "Water the garden", "Plant the tomatoes"),
        ("the laundry one should be called Fold the laundry", "Do the laundry",
         "Fold the laundry"),
        ("call the gym one Go swimming instead", "Go to the gym", "Go swimming"),
        ("sorry the birthday call is with Maria, not Marie, can you fix that",
         "Call Marie about the birthday", "Call Maria about the birthday"),
        ("the cake one: change the title to Pick up the cake", "Order the cake",
         "Pick up the cake"),
        ("the dentist task, rename it to Dentist at 4", "Book the dentist", "Dentist at 4"),
        ("I'd like the lawn task to say Mow the front lawn instead", "Mow the lawn",
         "Mow the front lawn"),
    ],
)  # fmt: skip
async def test_a_rename_changes_that_title_and_adds_nothing(app: FastAPI, message: str,
                                                            old: str, new: str):  # fmt: skip
    t = await converse(app, NAMED, [message], {old, new})
    assert t.problems == [], t.replies
    titles = [x["title"] for x in t.after]
    assert new in titles and old not in titles, (titles, t.replies)
    assert len(t.after) == len(NAMED)


QUESTIONED = [
    {"title": "Pick up the suit from the tailor", "due_date": str(TODAY)},
    {"title": "Drop the cheque at the bank", "due_date": str(TODAY)},
    {"title": "Call the garage", "due_date": str(TODAY), "completed": True},
    {"title": "Buy stamps", "due_date": str(TODAY + timedelta(days=1))},
    {"title": "Call the insurance company", "description": "policy number 48213-B"},
    {"title": "Flight to Lisbon", "description": "seat 14C, gate code 2231"},
    {"title": "Water the plants", "completed": True},
]


@pytest.mark.parametrize(
    ("question", "has", "has_not"),
    [
        ("what was the policy number I put on the insurance call?", ["48213"], []),
        ("ok what's left for today read them out I'm driving", ["suit", "cheque"], ["garage"]),
        ("anything left for today?", ["suit", "cheque"], ["garage", "stamps"]),
        ("wat do i have tmrw", ["stamps"], ["suit"]),
        ("what did I write about the insurance", ["48213"], []),
        ("whats the number in the insurance notes", ["48213"], []),
        ("is the tailor still on my list?", ["yes", "tailor"], []),
        ("read me today's stuff please", ["suit", "cheque"], ["garage"]),
        ("tell me what's on for today, I'm in the car", ["suit", "cheque"], ["garage"]),
        ("remind me what I noted for the flight", ["14c"], []),
        ("what's the seat number I wrote down for the flight?", ["14c"], []),
        ("what do I still have to do today, I'm on the bus", ["suit", "cheque"], ["garage"]),
        ("whats in the notes for the flight", ["14c"], []),
        ("what did i put in the flight notes?", ["14c"], []),
        ("can you read out what's due today please, hands are full", ["suit", "cheque"],
         ["garage"]),
        ("is the insurance call still on my list?", ["yes", "insurance"], []),
    ],
)  # fmt: skip
async def test_a_question_answers_and_changes_nothing(
    app: FastAPI, question: str, has: list[str], has_not: list[str]
):
    t = await converse(app, QUESTIONED, [question], set())
    assert t.problems == []
    reply = t.replies[0].lower()
    assert all(w in reply for w in has), reply
    assert not any(w in reply for w in has_not), reply
    assert t.after == t.before


async def test_how_many_ticked_off_this_week(app: FastAPI):
    t = await converse(app, QUESTIONED, ["how many did I tick off this week"], set())
    assert t.problems == [] and t.after == t.before
    assert "2" in t.replies[0], t.replies


@pytest.mark.parametrize(
    "message",
    [
        "add book a hotel, note: near the station",
        "add send thank-you notes, whenever I get time",
        "note to self: bring 20 chairs for the party on friday",
        "remind me to write up the meeting notes - by friday",
        "new task: print lecture notes, note: chapters 3 and 4",
        # "put for me": a polite add, not a note for a task called "me …" (blind-3)
        "Please can you put for me a task to renew my passport, it is very important",
        "can you put on my list: call the bank, it is urgent",
        "write for me a reminder to water the ferns, they look dry",
    ],
)
async def test_an_add_with_notes_in_it_stays_an_add(message: str):
    assert understand(message, TODAY).kind == "add"
