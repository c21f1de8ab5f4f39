"""Completions and reopenings told in other words (blind-10 tuning): typos in the verb,
"both X tasks", a reopen and a move in one message, a scope by due date, statements."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from tests.assistant.offline.test_multi import _check, _done, _open
from tests.assistant.offline.test_told_changes import _start

_TODO = pytest.mark.xfail(reason="not handled yet", strict=True)


# The command verb misspelt ("mrk", "mrak", "tik"), the task too ("vaccum").
TYPOS = [
    (_open("Vacuum the stairs", "Mop the kitchen floor"), "mrk the vaccum one done thx",
     {"Vacuum the stairs": {"completed": True}, "Mop the kitchen floor": {"completed": False}}),
    (_open("Vacuum the stairs", "Mop the kitchen floor"), "mrk vacuum done",
     {"Vacuum the stairs": {"completed": True}, "Mop the kitchen floor": {"completed": False}}),
    (_open("Water the plants", "Feed the cat"), "mrk the plants one as done pls",
     {"Water the plants": {"completed": True}, "Feed the cat": {"completed": False}}),
    (_open("Water the plants", "Feed the cat"), "mrak the cat done",
     {"Water the plants": {"completed": False}, "Feed the cat": {"completed": True}}),
    (_open("Call the dentist", "Book the car service"), "mark the dentsit one done",
     {"Call the dentist": {"completed": True}, "Book the car service": {"completed": False}}),
    (_open("Call the dentist", "Book the car service"), "mrk dentist as complete",
     {"Call the dentist": {"completed": True}, "Book the car service": {"completed": False}}),
    (_open("Pay the gas bill", "Pay the phone bill"), "mrk the gas one done",
     {"Pay the gas bill": {"completed": True}, "Pay the phone bill": {"completed": False}}),
    (_open("Clean the windows", "Wash the car"), "pls mrk windows done",
     {"Clean the windows": {"completed": True}, "Wash the car": {"completed": False}}),
    (_open("Return library books", "Buy stamps"), "mrk the libary books one done",
     {"Return library books": {"completed": True}, "Buy stamps": {"completed": False}}),
    (_open("Empty the dishwasher", "Fold laundry"), "mrk dishwaser done thanks",
     {"Empty the dishwasher": {"completed": True}, "Fold laundry": {"completed": False}}),
    (_done("Vacuum the stairs", "Mop the kitchen floor"), "unmrk the vaccum one",
     {"Vacuum the stairs": {"completed": False}, "Mop the kitchen floor": {"completed": True}}),
]  # fmt: skip


# "both X tasks" / "the two X ones": every task whose title shares the word, and only those.
BOTH = [
    (_done("Fill in the passport form", "Get passport photos", "Book flights"),
     "reopen both passport tasks, the office sent everything back",
     {"Fill in the passport form": {"completed": False},
      "Get passport photos": {"completed": False}, "Book flights": {"completed": True}}),
    (_done("Fill in the passport form", "Get passport photos", "Book flights"),
     "reopen both passport tasks",
     {"Fill in the passport form": {"completed": False},
      "Get passport photos": {"completed": False}, "Book flights": {"completed": True}}),
    (_done("Fill in the passport form", "Get passport photos", "Book flights"),
     "unmark the two passport ones",
     {"Fill in the passport form": {"completed": False},
      "Get passport photos": {"completed": False}, "Book flights": {"completed": True}}),
    (_open("Fill in the passport form", "Get passport photos", "Book flights"),
     "mark both passport tasks done",
     {"Fill in the passport form": {"completed": True}, "Get passport photos": {"completed": True},
      "Book flights": {"completed": False}}),
    (_open("Pay the gas bill", "Pay the water bill", "Buy milk"), "both bill tasks are done",
     {"Pay the gas bill": {"completed": True}, "Pay the water bill": {"completed": True},
      "Buy milk": {"completed": False}}),
    (_open("Pay the gas bill", "Pay the water bill", "Buy milk"), "tick off both bills",
     {"Pay the gas bill": {"completed": True}, "Pay the water bill": {"completed": True},
      "Buy milk": {"completed": False}}),
    (_done("Email the landlord", "Call the landlord", "Water plants"),
     "put both landlord tasks back on my list, he never replied",
     {"Email the landlord": {"completed": False}, "Call the landlord": {"completed": False},
      "Water plants": {"completed": True}}),
    (_done("Wash the car", "Vacuum the car", "Mow the lawn"), "reopen both car tasks pls",
     {"Wash the car": {"completed": False}, "Vacuum the car": {"completed": False},
      "Mow the lawn": {"completed": True}}),
    (_done("Wash the car", "Vacuum the car", "Mow the lawn"),
     "both of the car tasks need doing again",
     {"Wash the car": {"completed": False}, "Vacuum the car": {"completed": False},
      "Mow the lawn": {"completed": True}}),
    (_open("Buy cake for party", "Send party invites", "Call mum"),
     "complete both party tasks",
     {"Buy cake for party": {"completed": True}, "Send party invites": {"completed": True},
      "Call mum": {"completed": False}}),
    (_done("Renew the visa", "Print visa photos", "Pack the bags"),
     "please reopen both visa tasks, the embassy rejected it",
     {"Renew the visa": {"completed": False}, "Print visa photos": {"completed": False},
      "Pack the bags": {"completed": True}}),
]  # fmt: skip

# "both" when three tasks share the word: ask, change nothing.
BOTH_UNCLEAR = [
    (_done("Passport form", "Passport photos", "Passport fee"), "reopen both passport tasks",
     {"Passport form": {"completed": True}, "Passport photos": {"completed": True},
      "Passport fee": {"completed": True}}),
]  # fmt: skip


# A reopen and a move in one message: both happen.
REOPEN_AND_MOVE = [
    ([{"title": "Repair the dishwasher", "completed": True, "due": "+1"}],
     "the dishwasher is leaking again, reopen the repair task and move it to friday",
     {"Repair the dishwasher": {"completed": False, "due": "friday"}}),
    ([{"title": "Repair the dishwasher", "completed": True, "due": "+1"}],
     "reopen the repair task and move it to friday",
     {"Repair the dishwasher": {"completed": False, "due": "friday"}}),
    ([{"title": "Fix the gate", "completed": True}],
     "the gate is broken again, reopen the fix task and push it to saturday",
     {"Fix the gate": {"completed": False, "due": "saturday"}}),
    ([{"title": "Call the plumber", "completed": True}],
     "reopen the plumber one and set it for tomorrow",
     {"Call the plumber": {"completed": False, "due": "+1"}}),
    ([{"title": "Clean the gutters", "completed": True}],
     "gutters are full again. reopen the gutter task and make it due monday",
     {"Clean the gutters": {"completed": False, "due": "monday"}}),
    ([{"title": "Water the garden", "completed": True}],
     "unmark the garden task and move it to thursday",
     {"Water the garden": {"completed": False, "due": "thursday"}}),
    ([{"title": "Service the boiler", "completed": True}],
     "boiler is making noises again, reopen the boiler task and move it to friday",
     {"Service the boiler": {"completed": False, "due": "friday"}}),
    ([{"title": "Print the tickets", "completed": True}],
     "reopen the ticket task & change it to sunday",
     {"Print the tickets": {"completed": False, "due": "sunday"}}),
    ([{"title": "Repair the fence", "completed": True}],
     "the fence fell down again, reopen the repair and move it to tomorrow",
     {"Repair the fence": {"completed": False, "due": "+1"}}),
    ([{"title": "Fix the bike", "completed": True}],
     "the tyre is flat again so reopen the bike task and reschedule it to saturday",
     {"Fix the bike": {"completed": False, "due": "saturday"}}),
]  # fmt: skip


def _due_today() -> list[dict[str, Any]]:
    return [{"title": "Reply to Hannah's email", "due": "+0"},
            {"title": "Order printer paper", "due": "+0"},
            {"title": "Plan the offsite", "due": "+1"}]  # fmt: skip


_TODAY_DONE = {"Reply to Hannah's email": {"completed": True},
               "Order printer paper": {"completed": True},
               "Plan the offsite": {"completed": False}}  # fmt: skip
_TOMORROW_DONE = {"Reply to Hannah's email": {"completed": False},
                  "Order printer paper": {"completed": False},
                  "Plan the offsite": {"completed": True}}  # fmt: skip

# A scope by due date said as a relative clause ("everything that was due today"): every task
# due that day, and only those (the safety check: each is named in the reply).
DUE_SCOPE = [
    (_due_today(), "I've done everything that was due today", _TODAY_DONE),
    (_due_today(), "I have done everything that was due today", _TODAY_DONE),
    (_due_today(), "finished everything that was due today!", _TODAY_DONE),
    (_due_today(), "i did everything that's due today", _TODAY_DONE),
    (_due_today(), "completed everything which is due today", _TODAY_DONE),
    (_due_today(), "everything that was due today is done", _TODAY_DONE),
    (_due_today(), "done with everything that was due today", _TODAY_DONE),
    (_due_today(), "I've done everything due today", _TODAY_DONE),
    (_due_today(), "finished all tasks that are due today", _TODAY_DONE),
    (_due_today(), "i already did everything that is due tomorrow", _TOMORROW_DONE),
    (_due_today(), "mark everything that is due today as done", _TODAY_DONE),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("start", "message", "want"), TYPOS + BOTH + BOTH_UNCLEAR + REOPEN_AND_MOVE + DUE_SCOPE
)
async def test_a_completion_or_reopen(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, _start(start), [message], want)


# Something mended and working again: the fix is done (never a reopen), and only the task the
# message names.
MENDED = [
    (_open("Get the kitchen sink fixed", "Buy new bathroom tiles"),
     "the plumber came this morning and the kitchen sink is working again",
     {"Get the kitchen sink fixed": {"completed": True},
      "Buy new bathroom tiles": {"completed": False}}),
    (_open("Get the kitchen sink fixed", "Buy new bathroom tiles"),
     "kitchen sink is working again", {"Get the kitchen sink fixed": {"completed": True},
                                       "Buy new bathroom tiles": {"completed": False}}),
    (_open("Fix the washing machine", "Buy detergent"), "the washing machine works again!",
     {"Fix the washing machine": {"completed": True}, "Buy detergent": {"completed": False}}),
    (_open("Repair the boiler", "Call mum"),
     "engineer came round and the boiler is running again",
     {"Repair the boiler": {"completed": True}, "Call mum": {"completed": False}}),
    (_open("Get the wifi fixed", "Pay rent"), "wifi's working again yay",
     {"Get the wifi fixed": {"completed": True}, "Pay rent": {"completed": False}}),
    (_open("Fix the toilet", "Buy bread"), "my husband sorted the toilet, it flushes again",
     {"Fix the toilet": {"completed": True}, "Buy bread": {"completed": False}}),
    (_open("Unblock the shower drain", "Water plants"), "the shower drain is draining again",
     {"Unblock the shower drain": {"completed": True}, "Water plants": {"completed": False}}),
    (_open("Fix the car", "Book dentist"), "the car starts again, the garage fixed it",
     {"Fix the car": {"completed": True}, "Book dentist": {"completed": False}}),
    (_open("Repair the printer", "Email Tom"), "printer is working fine again",
     {"Repair the printer": {"completed": True}, "Email Tom": {"completed": False}}),
    (_open("Fix the fridge", "Buy milk"), "the fridge is running properly again, thank god",
     {"Fix the fridge": {"completed": True}, "Buy milk": {"completed": False}}),
    # broken again: still a reopen
    (_done("Fix the fridge", "Buy milk"), "the fridge is broken again",
     {"Fix the fridge": {"completed": False}, "Buy milk": {"completed": True}}),
    # not working again: nothing done
    (_open("Fix the fridge", "Buy milk"), "the fridge is not working again",
     {"Fix the fridge": {"completed": False}, "Buy milk": {"completed": False}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), MENDED)
async def test_mended_is_done(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, _start(start), [message], want)


# A long polite letter that tells of one task done among similar ones: only that one.
_CARDS = ("Send birthday card to Margaret", "Send birthday card to Harold")
LETTERS = [
    (_open(*_CARDS),
     "Dear assistant, I posted the birthday card to my sister Margaret this morning, so you may "
     "tick that one off. Harold's I shall do next week.",
     {_CARDS[0]: {"completed": True}, _CARDS[1]: {"completed": False}}),
    (_open(*_CARDS),
     "I posted the birthday card to my sister Margaret this morning, so you may tick that one off.",
     {_CARDS[0]: {"completed": True}, _CARDS[1]: {"completed": False}}),
    (_open(*_CARDS), "Dear assistant, I sent Margaret's birthday card today, you may mark it done.",
     {_CARDS[0]: {"completed": True}, _CARDS[1]: {"completed": False}}),
    (_open(*_CARDS),
     "Good morning. The card for Harold went in the post yesterday, so you can tick that one off.",
     {_CARDS[0]: {"completed": False}, _CARDS[1]: {"completed": True}}),
    (_open(*_CARDS), "Hello dear, I have sent the birthday card to Harold, you may cross it off.",
     {_CARDS[0]: {"completed": False}, _CARDS[1]: {"completed": True}}),
    (_open("Pay the water bill", "Pay the council tax"),
     "Dear assistant, I paid the water bill at the post office this morning, so you may tick "
     "that one off. The council tax I shall pay on Friday.",
     {"Pay the water bill": {"completed": True}, "Pay the council tax": {"completed": False}}),
    (_open("Call cousin Ruth", "Call cousin Peter"),
     "I rang my cousin Ruth this afternoon, so you may mark that one as done. Peter I will "
     "telephone tomorrow.",
     {"Call cousin Ruth": {"completed": True}, "Call cousin Peter": {"completed": False}}),
    (_open("Return library books", "Renew library card"),
     "Dear assistant, I returned the library books this morning, so you may tick them off.",
     {"Return library books": {"completed": True}, "Renew library card": {"completed": False}}),
    pytest.param(
        _open("Water the roses", "Water the tomatoes"),
        "Good evening. I watered the roses after supper, so you may tick that one off. The "
        "tomatoes I shall do in the morning.",
        {"Water the roses": {"completed": True}, "Water the tomatoes": {"completed": False}},
        marks=_TODO),
    pytest.param(
        _open("Write to Aunt May", "Write to Uncle Bob"),
        "I have written to Aunt May at last, you may tick that task off, thank you kindly.",
        {"Write to Aunt May": {"completed": True}, "Write to Uncle Bob": {"completed": False}},
        marks=_TODO),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), LETTERS)
async def test_a_letter_names_one_task(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, _start(start), [message], want)


# Run-ons and stories that tell of several tasks, some done and some not, or of a task undone
# with "that one" pointing into the story. Not handled yet: "so that one's not done" after a
# story is read as a request of its own.
_KITCHEN = ("Clean out the fridge", "Defrost the freezer", "Wipe down the oven")
STORIES = [
    pytest.param(
        _open(*_KITCHEN),
        "so I spent the whole afternoon in the kitchen and I cleaned out the fridge and wiped "
        "down the oven but I didn't get to the freezer so only mark those two",
        {_KITCHEN[0]: {"completed": True}, _KITCHEN[1]: {"completed": False},
         _KITCHEN[2]: {"completed": True}},
    ),
    pytest.param(
        _open(*_KITCHEN),
        "cleaned out the fridge and wiped down the oven but didn't get to the freezer",
        {_KITCHEN[0]: {"completed": True}, _KITCHEN[1]: {"completed": False},
         _KITCHEN[2]: {"completed": True}},
    ),
    pytest.param(
        _done("Return the blender", "Buy a new kettle"),
        "so I went to the store to return the blender and guess what, they wouldn't take it "
        "without the receipt. so that one's not done, I'll have to go back",
        {"Return the blender": {"completed": False}, "Buy a new kettle": {"completed": True}},
        marks=_TODO),
    pytest.param(
        _done("Return the blender", "Buy a new kettle"),
        "went to return the blender but they refused it, so that one isn't done",
        {"Return the blender": {"completed": False}, "Buy a new kettle": {"completed": True}},
    ),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "want"), STORIES)
async def test_a_story_of_several_tasks(
    app: FastAPI, start: list[dict[str, Any]], message: str, want: dict[str, dict[str, Any]]
):
    await _check(app, _start(start), [message], want)
