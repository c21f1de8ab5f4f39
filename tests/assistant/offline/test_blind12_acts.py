"""Completions told by what was done (blind-12 tuning). Another act on the task's thing is not
the task ("I paid the accountant" is not "Send receipts to the accountant"): nothing changes.
The same act said another way still completes ("rang mum" for "Call mum"), and so does the
title with its verb put last in the past ("crash cart restocked" for "Restock the crash cart").
"""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents.complete import present_verb
from backend.assistant.offline.matching import names_another_act
from tests.assistant.offline.test_multi import _check, _open

# Another act on the same thing: the user did something else to it, the task is still to do.
ANOTHER_ACT = [
    (("Pay the electricity bill", "Send receipts to the accountant"),
     "I paid the accountant today"),
    (("Pay the plumber", "Buy milk"), "I called the plumber"),
    (("Return keys to the landlord", "Buy milk"), "I emailed the landlord"),
    (("Wash the car", "Buy milk"), "I fixed the car"),
    (("Call the bank", "Walk the dog"), "paid the bank this morning"),
    (("Email the school", "Buy bread"), "I visited the school"),
    (("Print the concert tickets", "Buy bread"), "I ordered the concert tickets"),
    (("Walk the dog", "Buy stamps"), "I fed the dog"),
    (("Visit mum", "Buy stamps"), "I called mum"),
    (("Return the library books", "Buy stamps"), "I renewed the library books"),
    (("Text Sara", "Water the plants"), "just emailed Sara"),
    (("Clean the oven", "Water the plants"), "we repaired the oven"),
    (("Call the plumber", "Water the plants"), "paid the plumber"),
    (("Review the contract", "Water the plants"), "I signed the contract"),
    (("Call the plumber", "Water the plants"), "the plumber has been paid"),
    (("Send receipts to the accountant", "Buy milk"), "the accountant is paid"),
    (("Book the dentist", "Buy milk"), "I cancelled the dentist"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("titles", "message"), ANOTHER_ACT)
async def test_another_act_on_the_same_thing_changes_nothing(
    app: FastAPI, titles: tuple[str, ...], message: str
):
    await _check(app, _open(*titles), [message], {t: {"completed": False} for t in titles})


# The same act said another way, or with a verb that names no act of its own: it completes.
SAME_ACT = [
    (("Pay the electricity bill", "Send receipts to the accountant"),
     "I paid the electricity bill", "Pay the electricity bill"),
    (("Call mum", "Buy milk"), "rang mum", "Call mum"),
    (("Call the dentist", "Buy milk"), "phoned the dentist", "Call the dentist"),
    (("Buy tickets", "Walk the dog"), "got the tickets", "Buy tickets"),
    (("Pay the electricity bill", "Send receipts to the accountant"), "sent the receipts",
     "Send receipts to the accountant"),
    (("Email the landlord", "Walk the dog"), "mailed the landlord", "Email the landlord"),
    (("Pay the plumber", "Walk the dog"), "sorted the plumber", "Pay the plumber"),
    (("Call the plumber", "Pay the plumber"), "I paid the plumber", "Pay the plumber"),
    (("Water the plants", "Buy milk"), "I watered the plants today", "Water the plants"),
    (("Renew the passport", "Buy milk"), "I've renewed my passport", "Renew the passport"),
    (("Pick up the dry cleaning", "Buy milk"), "picked up the dry cleaning",
     "Pick up the dry cleaning"),
    (("Dentist appointment", "Buy milk"), "I called the dentist", "Dentist appointment"),
    (("Return the drill to Mark", "Buy milk"), "I gave the drill back to Mark",
     "Return the drill to Mark"),
    (("Book the flights", "Buy milk"), "booked the flights!", "Book the flights"),
    (("Pay the rent", "Call the landlord"), "the rent is paid", "Pay the rent"),
    (("Wash the car", "Buy milk"), "the car has been washed", "Wash the car"),
    (("Submit the essay", "Buy milk"), "the essay is submitted", "Submit the essay"),
    (("Cancel the gym membership", "Buy milk"), "I cancelled the gym membership",
     "Cancel the gym membership"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("titles", "message", "done"), SAME_ACT)
async def test_the_same_act_said_another_way_completes(
    app: FastAPI, titles: tuple[str, ...], message: str, done: str
):
    await _check(app, _open(*titles), [message], {t: {"completed": t == done} for t in titles})


@pytest.mark.parametrize(
    ("told", "title", "another"),
    [
        ("pay", "Send receipts to the accountant", True),
        ("call", "Pay the plumber", True),
        ("ring", "Call mum", False),  # one act, two words
        ("phone", "Ring the dentist", False),
        ("mail", "Email the landlord", False),
        ("pay", "Pay the electricity bill", False),
        ("get", "Buy tickets", False),  # vague: names no act of its own
        ("do", "Wash the car", False),
        ("sort", "Pay the plumber", False),
        ("call", "Dentist appointment", False),  # the title names no act
        ("call", "Mum's birthday present", False),
    ],
)
def test_names_another_act(told: str, title: str, another: bool):
    assert names_another_act(told, title) is another


# Past forms that double the last consonant are the present verb.
@pytest.mark.parametrize(
    ("past", "verb"),
    [
        ("cancelled", "cancel"),
        ("planned", "plan"),
        ("submitted", "submit"),
        ("dropped off", "drop off"),
        # no listed task verb (listing "ship" or "mop" splits "pack and ship the parcels")
        ("shipped", None),
        ("jogged", None),
        ("called", "call"),  # a double consonant of its own stays
        ("paid", "pay"),
        ("emailed", "email"),
        ("booked", "book"),
        ("filed", "file"),
    ],
)
def test_present_verb_of_a_doubled_consonant(past: str, verb: str | None):
    assert present_verb(past) == verb


# The title with its verb last, in the past: "crash cart restocked" is "Restock the crash cart".
VERB_LAST = [
    (("Restock the crash cart", "Restock the supply closet on 4B"), "crash cart restocked",
     "Restock the crash cart"),
    (("Wash the car", "Buy milk"), "car washed", "Wash the car"),
    (("Send the invoice", "Buy milk"), "invoice sent", "Send the invoice"),
    (("Stain the fence", "Stain the deck"), "the fence stained", "Stain the fence"),
    (("Defrost the freezer", "Buy milk"), "freezer defrosted", "Defrost the freezer"),
    (("Descale the kettle", "Buy milk"), "kettle descaled!", "Descale the kettle"),
    (("Restock the printer paper", "Buy milk"), "printer paper restocked",
     "Restock the printer paper"),
    (("Mop the kitchen floor", "Buy milk"), "kitchen floor mopped", "Mop the kitchen floor"),
    (("Polish the silver", "Buy milk"), "silver polished", "Polish the silver"),
    (("Repot the fern", "Buy milk"), "the fern repotted", "Repot the fern"),
    (("Sharpen the knives", "Buy milk"), "knives sharpened", "Sharpen the knives"),
    (("Laminate the menus", "Buy milk"), "menus laminated", "Laminate the menus"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("titles", "message", "done"), VERB_LAST)
async def test_the_title_with_its_verb_last_completes(
    app: FastAPI, titles: tuple[str, ...], message: str, done: str
):
    await _check(app, _open(*titles), [message], {t: {"completed": t == done} for t in titles})


# ...but not asked, denied, or another thing with that verb.
VERB_LAST_NOT = [
    (("Restock the crash cart", "Buy milk"), "crash cart restocked?"),
    (("Restock the crash cart", "Buy milk"), "was the crash cart restocked?"),
    (("Restock the crash cart", "Buy milk"), "crash cart not restocked yet"),
    (("Stain the fence", "Buy milk"), "the fence isn't stained yet"),
    (("Polish the silver", "Buy milk"), "silver still not polished"),
    (("Restock the crash cart", "Buy milk"), "supply closet restocked"),
    (("Stain the fence", "Buy milk"), "the deck stained"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("titles", "message"), VERB_LAST_NOT)
async def test_the_verb_last_asked_or_denied_changes_nothing(
    app: FastAPI, titles: tuple[str, ...], message: str
):
    await _check(app, _open(*titles), [message], {t: {"completed": False} for t in titles})
