"""Questions in other words (counts over any filter, topics, yes/no in any grammar) and deletes
said politely or over a filter. A question changes nothing; a delete asks first and names
every task it would delete."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import TESTS_DAY, by_title, converse

pytestmark = pytest.mark.asyncio

TODAY = TESTS_DAY
DAY = timedelta(days=1)

COUNTED = [
    {"title": "Buy milk", "completed": True},
    {"title": "Walk the dog", "completed": True},
    {"title": "Fix the shelf", "priority": "high", "tags": ["home"],
     "due_date": str(TODAY - 2 * DAY)},
    {"title": "Call Grandpa", "due_date": str(TODAY), "tags": ["family"]},
    {"title": "Feed the fish", "due_date": str(TODAY), "recurrence": "FREQ=DAILY"},
    {"title": "Pay rent", "due_date": str(TODAY + 20 * DAY), "recurrence": "FREQ=MONTHLY"},
    {"title": "Order new glasses"},
]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "count"),
    [
        ("hw many have i completed", 2),
        ("how many have I done?", 2),
        ("hw many done", 2),
        ("how many did i finish so far", 2),
        ("whats the number of tasks I've finished", 2),
        ("how many r left", 5),
        ("how many tasks are still open?", 5),
        ("how many remaining??", 5),
        ("how many are overdue?", 1),
        ("how many are due today", 2),
        ("how many tasks tagged family", 1),
        ("how many home tasks do i have", 1),
        ("how many repeat?", 2),
        ("how many of my tasks are recurring?", 2),
        ("hw many repeating ones do i have", 2),
        ("how many are high priority", 1),
        ("how many urgent ones", 1),
        ("I have how many done already?", 2),
    ],
)
async def test_a_count_over_any_filter(app: FastAPI, question: str, count: int):
    t = await converse(app, COUNTED, [question], set())
    assert t.problems == []
    assert f"You have {count} " in t.replies[0], t.replies[0]
    assert t.after == t.before


TOPICS = [
    {"title": "Renew car tax", "due_date": str(TODAY + 9 * DAY)},
    {"title": "Buy cat food"},
    {"title": "Call the carpenter"},
    {"title": "Book the garage", "description": "car service and MOT"},
    {"title": "Pick up the cake", "tags": ["party"]},
    {"title": "Send invitations", "tags": ["party"]},
    {"title": "Buy wrapping paper", "description": "for Anna's birthday"},
    {"title": "Buy Zoe's football boots", "tags": ["kids"]},
    {"title": "Pay for the school trip", "tags": ["kids"]},
]
CAR = (["tax", "garage"], ["carpenter", "cat food", "cake"])
PARTY = (["cake", "invitations"], ["tax", "boots"])
ANNA = (["wrapping"], ["tax", "cake"])
KIDS = (["boots", "trip"], ["tax", "cake"])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("anything about the car?", CAR),
        ("do I have anything about the car on my list?", CAR),
        ("is there something with cars", CAR),
        ("what have I got for the car", CAR),
        ("have i got anything related to the car?", CAR),
        ("what do I have for the party", PARTY),
        ("anything for the party?", PARTY),
        ("show me everything to do with the party", PARTY),
        ("what do I still need to sort for the party, I forget", PARTY),
        ("anything regarding Anna", ANNA),
        ("do i have stuff about the birthday", ANNA),
        ("any tasks mentioning Anna?", ANNA),
        ("anything with birthday in it?", ANNA),
        ("what do i need to do for the kids", KIDS),
        ("hey so what do I still need to sort for the kids, I know there's a couple of things "
         "but I can't remember", KIDS),
        ("wat do i have 4 the kids", KIDS),
        ("is there smth for the kids?", KIDS),
        ("anything on my list for the party?", PARTY),
        ("what have i got on for the car", CAR),
        ("anything for the kids coming up?", KIDS),
    ],
)  # fmt: skip
async def test_a_topic_question_lists_titles_notes_and_tags(
    app: FastAPI, question: str, expected: tuple[list[str], list[str]]
):
    t = await converse(app, TOPICS, [question], set())
    assert t.problems == []
    reply = t.replies[0].lower()
    has, has_not = expected
    assert all(w in reply for w in has), reply
    assert not any(w in reply for w in has_not), reply
    assert t.after == t.before


CALLS = [
    {"title": "Call the plumber", "completed": True},
    {"title": "Call the locksmith"},
    {"title": "Pay rent", "completed": True},
    {"title": "Book flights"},
    {"title": "Send the report", "completed": True},
]
YES, NOT_YET = "Yes", "Not yet"


@pytest.mark.parametrize(
    ("question", "answer", "word"),
    [
        ("The locksmith, I called him already or not? I don't remember", NOT_YET, "locksmith"),
        ("did I call the plumber", YES, "plumber"),
        ("have I paid the rent?", YES, "rent"),
        ("I already paid rent?", YES, "rent"),
        ("rent done yet?", YES, "rent"),
        ("is the report sent or not", YES, "report"),
        ("flights booked?", NOT_YET, "flights"),
        ("the flights, did i book them?", NOT_YET, "flights"),
        ("did i already send the report or not", YES, "report"),
        ("report done?", YES, "report"),
        ("is the locksmith finished or not?", NOT_YET, "locksmith"),
        ("have I done the flights yet", NOT_YET, "flights"),
        ("locksmith done or not", NOT_YET, "locksmith"),
        ("plumber is done?", YES, "plumber"),
        ("i have paid the rent already?", YES, "rent"),
        ("did the report get sent?", YES, "report"),
        ("I booked the flights or not yet?", NOT_YET, "flights"),
        ("was the rent paid?", YES, "rent"),
        ("has the locksmith been called?", NOT_YET, "locksmith"),
        ("I sent the report, right?", YES, "report"),
    ],
)
async def test_a_yes_no_question_in_any_grammar(
    app: FastAPI, question: str, answer: str, word: str
):
    t = await converse(app, CALLS, [question], set())
    assert t.problems == []
    assert t.replies[0].startswith(answer), t.replies[0]
    assert word in t.replies[0].lower()
    assert t.after == t.before


POLITE = [
    {"title": "Call the florist about the bouquets", "tags": ["wedding"]},
    {"title": "Call the caterer about the menu", "tags": ["wedding"]},
    {"title": "Book the gym class"},
    {"title": "Plan the party"},
    {"title": "Renew the magazine subscription"},
]


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("Would you mind removing the reminder about the florist? We've decided to do the "
         "flowers ourselves after all.", "Call the florist about the bouquets"),
        ("would you mind deleting the gym class, I cancelled my membership", "Book the gym class"),
        ("I don't need the gym reminder anymore", "Book the gym class"),
        ("scrap the party", "Plan the party"),
        ("we're not doing the party after all", "Plan the party"),
        ("could you please get rid of the magazine one, I'm not renewing it",
         "Renew the magazine subscription"),
        ("no need for the florist reminder anymore", "Call the florist about the bouquets"),
        ("the party isn't happening anymore", "Plan the party"),
        ("do you mind taking the caterer off my list", "Call the caterer about the menu"),
        ("I'd like the magazine task removed please", "Renew the magazine subscription"),
        ("please remove the gym thing, it's not needed", "Book the gym class"),
        ("the florist task can go, we sorted it another way",
         "Call the florist about the bouquets"),
        ("forget about the party, it's off", "Plan the party"),
        ("we won't be needing the caterer after all, remove it", "Call the caterer about the menu"),
        ("pls delete the magazine, dont want it anymore", "Renew the magazine subscription"),
        ("kindly remove the task about the caterer as we have found another one",
         "Call the caterer about the menu"),
        ("we're not going to the gym class anymore so scrap it", "Book the gym class"),
    ],
)  # fmt: skip
async def test_a_polite_or_indirect_delete_asks_then_deletes_only_that(
    app: FastAPI, message: str, title: str
):
    t = await converse(app, POLITE, [message, "yes"], {title})
    assert t.problems == []
    assert "?" in t.replies[0] and title.lower() in t.replies[0].lower(), t.replies[0]
    assert "couldn't" not in t.replies[0], t.replies[0]  # the remark is no second request
    assert {x["title"] for x in t.after} == {x["title"] for x in POLITE} - {title}


BULK = [
    {"title": "Buy printer paper", "completed": True},
    {"title": "Renew library card", "completed": True},
    {"title": "Fix bike brakes", "tags": ["bike"], "due_date": str(TODAY - 3 * DAY)},
    {"title": "Clean the chain", "tags": ["bike"]},
    {"title": "Write essay"},
]
DONE_ONES = {"Buy printer paper", "Renew library card"}


@pytest.mark.parametrize(
    ("message", "gone"),
    [
        ("get rid of all the finished ones", DONE_ONES),
        ("pls clear out all the finished tasks, list is a mess", DONE_ONES),
        ("delete everything I've completed", DONE_ONES),
        ("remove all done tasks", DONE_ONES),
        ("clear the completed ones pls", DONE_ONES),
        ("wipe all my finished stuff", DONE_ONES),
        ("can you delete every task that's done already", DONE_ONES),
        ("bin all the completed stuff, I don't need to see it", DONE_ONES),
        ("get rid of everything thats done", DONE_ONES),
        ("clean out the finished tasks", DONE_ONES),
        ("would you mind deleting the completed ones, they clutter the list", DONE_ONES),
        ("delete all the bike tasks", {"Fix bike brakes", "Clean the chain"}),
        ("remove everything tagged bike", {"Fix bike brakes", "Clean the chain"}),
        ("erase all tasks with the bike tag", {"Fix bike brakes", "Clean the chain"}),
        ("delete all overdue tasks", {"Fix bike brakes"}),
        ("scrap everything that's overdue, I'll never get to it", {"Fix bike brakes"}),
        ("delete the tasks I already finished", DONE_ONES),
        ("remove the ones I've done", DONE_ONES),
        ("clear completed", DONE_ONES),
    ],
)
async def test_a_bulk_delete_asks_naming_each_then_deletes_only_those(
    app: FastAPI, message: str, gone: set[str]
):
    t = await converse(app, BULK, [message, "yes"], gone)
    assert t.problems == []
    first = t.replies[0].lower()
    assert "?" in first and all(g.lower() in first for g in gone), t.replies[0]
    assert "couldn't" not in first, t.replies[0]
    assert set(by_title(t.after)) == {x["title"].lower() for x in BULK} - {g.lower() for g in gone}


async def test_a_bulk_delete_declined_keeps_everything(app: FastAPI):
    t = await converse(app, BULK, ["get rid of all the finished ones", "no"], set())
    assert t.problems == []
    assert len(t.after) == len(BULK)


async def test_not_done_yet_said_is_no_question(app: FastAPI):
    """ "I haven't sent the report yet" says it is not done: it reopens, it does not ask."""
    start = [{"title": "Send the report", "completed": True}]
    t = await converse(app, start, ["I haven't actually sent the report yet"], {"Send the report"})
    assert t.problems == []
    assert t.after[0]["completed"] is False


async def test_an_order_said_as_a_question_is_an_order(app: FastAPI):
    t = await converse(app, CALLS, ["can you mark the locksmith done?"], {"Call the locksmith"})
    assert t.problems == []
    assert by_title(t.after)["call the locksmith"]["completed"] is True


@pytest.mark.parametrize(
    "message",
    [
        "the report isn't actually finished, can you reopen it?",
        "I didn't send the report yet",
    ],
)
async def test_a_reopen_with_a_question_mark_stays_a_reopen(app: FastAPI, message: str):
    start = [{"title": "Send the report", "completed": True}]
    t = await converse(app, start, [message], {"Send the report"})
    assert t.problems == []
    assert t.after[0]["completed"] is False


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("do I still need to call the locksmith?", "Yes, 'Call the locksmith' is still open."),
        ("do i still have to pay rent?", "No, 'Pay rent' is already done."),
        ("is the rent still open?", "No, 'Pay rent' is already done."),
        ("is the locksmith still pending", "Yes, 'Call the locksmith' is still open."),
        ("what's the status of the flights?", "Not yet: 'Book flights' is still open."),
    ],
)
async def test_is_it_still_open(app: FastAPI, question: str, answer: str):
    t = await converse(app, CALLS, [question], set())
    assert t.problems == []
    assert t.replies == [answer]


PETS = [
    {"title": "Buy dog food", "completed": True, "tags": ["pets"]},
    {"title": "Vet appointment for Rex", "tags": ["pets"]},
    {"title": "Pack for Rome", "description": "adapter, sunscreen"},
    {"title": "Pay rent", "completed": True},
]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("how many pet tasks r there", "You have 1 open task tagged #pets: 'Vet appointment"),
        ("anything pet related?", "Here is your 1 open task about 'pet':\n1. Vet appointment"),
        ("what tasks have the word sunscreen", "Here is your 1 open task about 'sunscreen':"),
        ("is there stuff for the dog", "I found no open tasks about 'dog'."),
        ("rent, did I pay it?", "Yes, 'Pay rent' is done."),
        ("how many garden tasks do I have?", "You have 2 open tasks:"),  # no such tag: not said
    ],
)
async def test_tags_said_loosely_and_topics(app: FastAPI, question: str, answer: str):
    t = await converse(app, PETS, [question], set())
    assert t.problems == []
    assert t.replies[0].startswith(answer), t.replies[0]


REPEATING = [
    {"title": "Change the water filter", "due_date": str(TODAY + 5 * DAY),
     "recurrence": "FREQ=MONTHLY"},
    {"title": "Take the bins out", "due_date": str(TODAY + 2 * DAY),
     "recurrence": "FREQ=WEEKLY"},
    {"title": "Book the dentist", "due_date": str(TODAY + 9 * DAY)},
]  # fmt: skip


@pytest.mark.parametrize(
    ("question", "title", "has"),
    [
        ("how often do I have to change the water filter?", "change the water filter", "month"),
        ("how often should I change the water filter", "change the water filter", "month"),
        ("how often do we need to take the bins out?", "take the bins out", "week"),
        ("How often am I supposed to change the filter?", "change the water filter", "month"),
        ("how often does the bins task repeat?", "take the bins out", "week"),
        ("how often is the water filter due?", "change the water filter", "month"),
        ("when does the water filter repeat?", "change the water filter", "month"),
        ("when do the bins come round again?", "take the bins out", "week"),
        ("is the water filter recurring?", "change the water filter", "month"),
        ("is take the bins out a repeating task?", "take the bins out", "week"),
        ("does the bins task repeat?", "take the bins out", "week"),
        ("what's the repeat on the water filter?", "change the water filter", "month"),
        ("is the dentist recurring?", "book the dentist", "doesn't repeat"),
        ("how often do I book the dentist?", "book the dentist", "doesn't repeat"),
    ],
)  # fmt: skip
async def test_how_often_a_task_repeats(app: FastAPI, question: str, title: str, has: str):
    t = await converse(app, REPEATING, [question], set())
    assert t.problems == []
    reply = t.replies[0].lower()
    assert title in reply and has in reply, reply
