"""Adding a task said in many voices: the frame around the request (polite, dictated, a story
before or after it, a learner's grammar, terse typing) is never part of the title and never a
task of its own; a hedged priority is never high; and a vague request about the list itself
("clean up my list") adds nothing and changes nothing (we ask what is meant)."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import converse

TODAY = date(2026, 11, 30)  # a Monday
TUE, WED, THU, FRI, SAT, SUN = (date(2026, 12, d) for d in (1, 2, 3, 4, 5, 6))
MON = date(2026, 12, 7)


def one_add(message: str, hybrid: bool = True) -> tuple[str, dict[str, object]]:
    intent = understand(message, TODAY, hybrid)
    assert intent.kind == "add", intent
    assert len(intent.items) == 1, intent.items
    d = intent.item_details[0] if intent.item_details else intent.details
    said = {"due": d.due, "time": d.time, "priority": d.priority, "tags": d.tags}
    return intent.items[0].lower(), {k: v for k, v in said.items() if v}


POLITE = [
    (
        "Hello, could you please be so kind as to add a reminder for me to book a dentist "
        "appointment on Friday? Thank you very much.",
        "book a dentist appointment",
        {"due": FRI},
    ),
    (
        "would you be so kind as to add a task to renew the car insurance by thursday",
        "renew the car insurance",
        {"due": THU},
    ),
    ("could you kindly please add water the plants tomorrow", "water the plants", {"due": TUE}),
    (
        "would you be kind enough to remind me to call the bank on friday",
        "call the bank",
        {"due": FRI},
    ),
    (
        "Good morning! Would you be so good as to add pick up the prescription tomorrow? Many "
        "thanks.",
        "pick up the prescription",
        {"due": TUE},
    ),
    (
        "could you possibly be so kind as to remind me to post the parcel tomorrow",
        "post the parcel",
        {"due": TUE},
    ),
    (
        "i would be grateful if you could add order the school uniform on saturday",
        "order the school uniform",
        {"due": SAT},
    ),
]

DICTATED = [
    (
        "new task call the garage about the tyres comma tomorrow comma high priority",
        "call the garage about the tyres",
        {"due": TUE, "priority": "high"},
    ),
    ("add call the dentist comma monday full stop", "call the dentist", {"due": MON}),
    ("remind me to email the landlord comma friday period", "email the landlord", {"due": FRI}),
    (
        "add book the vet comma thursday comma low priority full stop",
        "book the vet",
        {"due": THU, "priority": "low"},
    ),
    ("add renew passport new line next week", "renew passport", {"due": MON}),
    (
        "remind me to pay the water bill full stop it is due friday full stop",
        "pay the water bill",
        {"due": FRI},
    ),
]

STORY_AFTER = [
    (
        "hey add a task to drop the cheque at the bank on monday I'm driving so just do it thanks",
        "drop the cheque at the bank",
        {"due": MON},
    ),
    (
        "add pick up the parcel tomorrow I'm at work all day so just put it in",
        "pick up the parcel",
        {"due": TUE},
    ),
    ("remind me to buy dog food on saturday we're nearly out", "buy dog food", {"due": SAT}),
    (
        "add call the electrician friday I am busy now so just add it",
        "call the electrician",
        {"due": FRI},
    ),
    (
        "drop the scrubs at the laundry tomorrow at 7:15am, before my shift",
        "drop the scrubs at the laundry",
        {"due": TUE, "time": "07:15"},
    ),
    ("add pay the nanny on friday, after my shift", "pay the nanny", {"due": FRI}),
    ("remind me to buy a card tomorrow, before the party", "buy a card", {"due": TUE}),
    (
        "add renew the parking permit by thursday, ahead of the inspection",
        "renew the parking permit",
        {"due": THU},
    ),
    ("add water the garden tomorrow, on my way to work", "water the garden", {"due": TUE}),
]

CORRECTED_TIME = [
    (
        "okay so remind me to pick up the dry cleaning tomorrow after work um actually make that "
        "tomorrow at six in the evening",
        "pick up the dry cleaning",
        {"due": TUE, "time": "18:00"},
    ),
    (
        "remind me to call mum tomorrow after lunch, actually make that tomorrow at 3pm",
        "call mum",
        {"due": TUE, "time": "15:00"},
    ),
    (
        "add collect the kids friday after school, no wait, friday at 4pm",
        "collect the kids",
        {"due": FRI, "time": "16:00"},
    ),
]

NOTHING_ADDED_BEFORE = [
    ("get groceries tmrw pls", "get groceries", {"due": TUE}),
    ("get milk tmrw", "get milk", {"due": TUE}),
    ("read the contract tomorrow", "read the contract", {"due": TUE}),
    ("see the doctor on friday", "see the doctor", {"due": FRI}),
    ("print boarding passes tmrw", "print boarding passes", {"due": TUE}),
    ("fetch the kids from school at 3pm", "fetch the kids from school", {"time": "15:00"}),
    ("get a haircut saturday", "get a haircut", {"due": SAT}),
    (
        "finish history essay by thursday, it's worth 30% so make it high",
        "finish history essay",
        {"due": THU, "priority": "high"},
    ),
    (
        "submit the lab report friday, it counts for a lot so make it high priority",
        "submit the lab report",
        {"due": FRI, "priority": "high"},
    ),
    (
        "book the hotel by wednesday, prices are going up so make it urgent",
        "book the hotel",
        {"due": WED, "priority": "high"},
    ),
    (
        "tomorrow in the evening I must to go to the pharmacy",
        "go to the pharmacy",
        {"due": TUE, "time": "18:00"},
    ),
    (
        "I must go to the pharmacy tomorrow in the evening",
        "go to the pharmacy",
        {"due": TUE, "time": "18:00"},
    ),
    ("I need to go to the gym tomorrow", "go to the gym", {"due": TUE}),
    ("on friday I should to call my sister", "call my sister", {"due": FRI}),
    ("tomorrow evening I have to go to the bank", "go to the bank", {"due": TUE, "time": "18:00"}),
]

NOTES = [
    (
        "add plan the anniversary dinner, and put in the notes: maybe the Italian place on 5th "
        "street, or cook at home",
        "plan the anniversary dinner",
        {},
    ),
    ("add book flights, and write in the description: window seat, no red-eye", "book flights", {}),
    (
        "add call the caterer friday and put in the note: ask about vegan options",
        "call the caterer",
        {"due": FRI},
    ),
]

HEDGED_PRIORITY = [
    (
        "Would you mind adding 'prepare slides for the quarterly review' for Wednesday? It's "
        "moderately important, nothing dramatic.",
        "prepare slides for the quarterly review",
        {"due": WED, "priority": "medium"},
    ),
    ("add fix the gate, it's moderately important", "fix the gate", {"priority": "medium"}),
    (
        "add renew the library books, somewhat important",
        "renew the library books",
        {"priority": "medium"},
    ),
    (
        "add call the accountant friday, not super urgent",
        "call the accountant",
        {"due": FRI, "priority": "low"},
    ),
    (
        "add clean the gutters, kinda important but no rush",
        "clean the gutters",
        {"priority": "medium"},
    ),
    ("add sort the photos, nothing dramatic", "sort the photos", {"priority": "low"}),
    ("add order new curtains, not too urgent", "order new curtains", {"priority": "low"}),
    ("add replace the doormat, no big deal", "replace the doormat", {"priority": "low"}),
    (
        "remind me to email the school thursday, important-ish but not urgent",
        "email the school",
        {"due": THU, "priority": "medium"},
    ),
    ("add tidy the shed, not terribly important", "tidy the shed", {"priority": "low"}),
]

ALL_ADDS = (
    POLITE
    + DICTATED
    + STORY_AFTER
    + CORRECTED_TIME
    + NOTHING_ADDED_BEFORE
    + NOTES
    + HEDGED_PRIORITY
)


@pytest.mark.parametrize(("message", "title", "attributes"), ALL_ADDS)
def test_one_task_without_its_frame(message: str, title: str, attributes: dict[str, object]):
    assert one_add(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("add log my period", "log my period"),
        ("add buy a colon cleanse kit", "buy a colon cleanse kit"),
        ('add "comma splices" worksheet', "comma splices"),
    ],
)
def test_words_that_are_no_dictated_punctuation(message: str, title: str):
    assert one_add(message)[0] == title


@pytest.mark.parametrize(
    ("message", "title"),
    [
        # what is to be told is the task's own words
        ("remind me to tell Sam tomorrow I'm running late", "tell sam i'm running late"),
        ("add text mum on friday we are coming for lunch", "text mum we are coming for lunch"),
        # a relative clause with no day before it stays
        ("add return the dress I'm not keeping", "return the dress i'm not keeping"),
    ],
)
def test_words_that_are_no_story(message: str, title: str):
    assert one_add(message)[0] == title


def test_a_note_is_kept_with_the_task():
    intent = understand(NOTES[0][0], TODAY, True)
    assert intent.items == ["plan the anniversary dinner"]
    assert "Italian" in (intent.details.description or "")


# A task told as a person's story still names the person's task: never hedged into high.
@pytest.mark.parametrize(
    ("message", "priority"),
    [
        ("add buy milk, it's kind of important", "high"),
        ("add pay the rent, very important", "high"),
        ("add file taxes, not urgent", "low"),
    ],
)
def test_plain_priorities_are_kept(message: str, priority: str):
    assert one_add(message)[1].get("priority") == priority


VAGUE_ABOUT_THE_LIST = [
    "clean up my list",
    "sort out my tasks",
    "tidy things up",
    "organise everything",
    "fix my list",
    "can you clean up my to-do list?",
    "please tidy up my list",
    "could you organize my tasks for me",
    "sort my list out pls",
    "help me tidy up my todos",
    "my list is a mess, can you clean it up?",
    "declutter my list",
    "organise my stuff",
    "clean everything up",
    "reorganise my list please",
]


@pytest.mark.parametrize("message", VAGUE_ABOUT_THE_LIST)
def test_a_vague_request_about_the_list_changes_nothing(message: str):
    intent = understand(message, TODAY, True)
    assert intent.kind == "unclear", intent
    assert not intent.then


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("clean up the garage", "clean up the garage"),
        ("add: organise the closet", "organise the closet"),
        ("sort out the garden shed tomorrow", "sort out the garden shed"),
        ("tidy up the kids' room", "tidy up the kids' room"),
        ("add fix my bike", "fix my bike"),
        ("organise the wedding playlist", "organise the wedding playlist"),
        ("clean up the spare room on saturday", "clean up the spare room"),
    ],
)
def test_tidying_a_thing_is_still_a_task(message: str, title: str):
    assert one_add(message)[0] == title


# Through the real app: nothing is added or changed, and the reply asks what is meant.
LIST_WITH_DONE = [
    {"title": "Buy milk", "completed": True},
    {"title": "Call Sam"},
    {"title": "Book the venue"},
]


@pytest.mark.asyncio
@pytest.mark.parametrize("message", ["clean up my list", "tidy things up", "sort out my tasks"])
async def test_a_vague_request_about_the_list_asks_and_changes_nothing(app, message: str):
    t = await converse(app, LIST_WITH_DONE, [message], set())
    assert t.problems == [], t.replies
    assert sorted(map(str, t.after)) == sorted(map(str, t.before))
    assert "what would you like" in t.replies[-1].lower()
