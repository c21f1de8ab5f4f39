"""Adds and questions from blind-10: a dash of any length (en, em) as a separator is
no part of a title; a consequence ("… or finance will kill me") is a reason, not title words;
a learner's "how much tasks I complete already?" counts the completed tasks."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand
from tests.assistant.offline.test_adds import FRI, THU, TODAY, TUE, WED, one_task

END_OF_MONTH = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-10: an em dash before the attributes, or before a correction
        (
            "new task: submit lab report — due wed, high prio, tags uni and chem",
            "submit lab report",
            {"due": WED, "priority": "high", "tags": ["uni", "chem"]},
        ),
        ("add call Priya on wednesday — no wait, thursday", "call Priya", {"due": THU}),
        # invented: en and em dashes, spaced, in other voices
        (
            "add renew the car insurance \u2013 friday \u2013 high priority",
            "renew the car insurance",
            {"due": FRI, "priority": "high"},
        ),
        ("new task: book the vet — tomorrow", "book the vet", {"due": TUE}),
        ("add pay rent — high priority", "pay rent", {"priority": "high"}),
        ("remind me to email the landlord — friday", "email the landlord", {"due": FRI}),
        ("add water the plants \u2013 tag home", "water the plants", {"tags": ["home"]}),
        (
            "add buy a birthday card for dad — due thursday, urgent",
            "buy a birthday card for dad",
            {"due": THU, "priority": "high"},
        ),
        ("add ring the plumber on tuesday — sorry, wednesday", "ring the plumber", {"due": WED}),
        ("add text Jo on friday \u2013 no wait, thursday", "text Jo", {"due": THU}),
        ("task: clean the fridge —", "clean the fridge", {}),
        ("add order printer ink \u2013 low prio", "order printer ink", {"priority": "low"}),
        ("please add return the library books — wed", "return the library books", {"due": WED}),
    ],
)
def test_a_dash_is_no_part_of_the_title(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-10
        (
            "by the end of the month I need to file my expense report or finance will kill me",
            "file my expense report",
            {"due": END_OF_MONTH},
        ),
        # invented: what happens otherwise, said after "or"
        (
            "pay the electric bill by friday or they'll cut us off",
            "pay the electric bill",
            {"due": FRI},
        ),
        (
            "add renew the parking permit tomorrow or I'll get a ticket",
            "renew the parking permit",
            {"due": TUE},
        ),
        (
            "I need to call the bank on thursday or my card will be blocked",
            "call the bank",
            {"due": THU},
        ),
        ("remind me to water the tomatoes or they're gonna die", "water the tomatoes", {}),
        (
            "add submit the timesheet by friday or my boss will be mad",
            "submit the timesheet",
            {"due": FRI},
        ),
        (
            "gotta feed the cat tonight or she'll eat the plants",
            "feed the cat",
            {"due": TODAY, "time": "20:00"},
        ),
        (
            "I must send the form by wednesday or the school is going to complain",
            "send the form",
            {"due": WED},
        ),
        ("add book the table for friday or we'll never get one", "book the table", {"due": FRI}),
        (
            "put down return the rental car tomorrow or they will charge us",
            "return the rental car",
            {"due": TUE},
        ),
        (
            "need to renew my passport, high priority, or I'll miss the trip",
            "renew my passport",
            {"priority": "high"},
        ),
        # "or" between two things to do stays in the title
        ("add buy apples or pears", "buy apples or pears", {}),
        ("add call mum or dad tomorrow", "call mum or dad", {"due": TUE}),
    ],
)
def test_a_consequence_is_no_part_of_the_title(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    "message",
    [
        "How much tasks I complete already?",  # blind-10
        "How many task I finish already?",
        "how many tasks I have already done",
        "How many of my tasks I finished already?",
        "how many I did already?",
        "How many task we done already?",
        "how much tasks I finished?",
        "how much things I complete?",
        "how many tasks have I completed?",
        "how many did I finish?",
        "how much todos I already complete?",
    ],
)
def test_a_count_of_what_i_did_counts_completed_tasks(message: str) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "list", intent
    assert intent.filter.status == "completed", intent.filter
    assert intent.filter.count_only, intent.filter


@pytest.mark.parametrize(
    "message",
    ["how much tasks I have?", "how many tasks do I have to complete", "How much tasks left?"],
)
def test_a_count_of_what_is_left_counts_open_tasks(message: str) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "list", intent
    assert intent.filter.status == "pending", intent.filter
    assert intent.filter.count_only, intent.filter


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-10: a story sentence first, then an add whose attributes follow in comma parts
        (
            "running low at the café!! add reorder coffee beans for the shop, high, tag it shop "
            "and supplies",
            "reorder coffee beans for the shop",
            {"priority": "high", "tags": ["shop", "supplies"]},
        ),
        (
            "prof moved the deadline lol. add 'finish the history essay' for the 20th, hi prio",
            "Finish the history essay",
            {"due": date(2026, 12, 20), "priority": "high"},
        ),
        # invented
        ("so tired. add call the bank, high", "call the bank", {"priority": "high"}),
        (
            "ugh. add fix the bike, low, tag it weekend",
            "fix the bike",
            {"priority": "low", "tags": ["weekend"]},
        ),
        (
            "long day!! add book the dentist, friday, urgent",
            "book the dentist",
            {"due": FRI, "priority": "high"},
        ),
        (
            "boss just left. add 'update the roadmap' for thursday, high prio",
            "Update the roadmap",
            {"due": THU, "priority": "high"},
        ),
        # a story that reads as a task done or to do again ("… again", "X is visiting")
        (
            "the car is making noises again. add call the garage, tomorrow, hi prio",
            "call the garage",
            {"due": TUE, "priority": "high"},
        ),
        (
            "kids are asleep finally. add pack the lunchboxes, low priority",
            "pack the lunchboxes",
            {"priority": "low"},
        ),
        (
            "we ran out of milk lol. add buy milk, high, tag it groceries",
            "buy milk",
            {"priority": "high", "tags": ["groceries"]},
        ),
        (
            "my sister is visiting. add clean the guest room, wednesday, tag it home",
            "clean the guest room",
            {"due": WED, "tags": ["home"]},
        ),
        (
            "exam season again... add revise chapter 4, high",
            "revise chapter 4",
            {"priority": "high"},
        ),
        (
            "the printer died. add 'order a new printer' for friday, low prio",
            "Order a new printer",
            {"due": FRI, "priority": "low"},
        ),
    ],
)
def test_an_add_after_a_story_keeps_its_attributes(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "add", intent
    assert [t.lower() for t in intent.items] == [title.lower()], intent.items
    d = intent.item_details[0] if intent.item_details else intent.details
    said = {"due": d.due, "priority": d.priority, "tags": d.tags}
    assert {k: v for k, v in said.items() if v} == attributes


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-10: the request to add is not where it usually stands
        (
            "ok so um I was thinking about the party and I should probably add something so like "
            "remind me to order the cake for Mia's party on friday and yeah I think that's it for "
            "now",
            "order the cake for Mia's party",
            {"due": FRI},
        ),
        (
            "I work in warehouse. Every weekday at 7:15 I must check the delivery schedule, please "
            "make this task",
            "check the delivery schedule",
            {"time": "07:15", "repeat": "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"},
        ),
        (
            "Is possible to put a task for me? Renew my residence permit, very important, until 30 "
            "June 2027.",
            "Renew my residence permit",
            {"priority": "high", "due": date(2027, 6, 30)},
        ),
        # invented: a story, then "so (like) remind me to …"
        (
            "I was thinking about the party so remind me to order the cake on friday",
            "order the cake",
            {"due": FRI},
        ),
        (
            "my mum's birthday is coming up so yeah remind me to buy her flowers on wednesday",
            "buy her flowers",
            {"due": WED},
        ),
        ("long week, anyway add a task: call the bank tomorrow", "call the bank", {"due": TUE}),
        (
            "the car broke down again, so um put down call the garage thursday",
            "call the garage",
            {"due": THU},
        ),
        # a sign-off at the end is no part of the title
        (
            "remind me to order the cake on friday and yeah I think that's it for now",
            "order the cake",
            {"due": FRI},
        ),
        ("buy milk tomorrow, ok that's all thanks", "buy milk", {"due": TUE}),
        # "…, please make this task": what was said before is the task
        ("buy milk, make it a task", "buy milk", {}),
        (
            "I live alone. I must feed the cat every day at 8, please make this task",
            "feed the cat",
            {"time": "08:00", "repeat": "FREQ=DAILY"},
        ),
        ("need to call the vet tomorrow, add it please", "call the vet", {"due": TUE}),
        (
            "renew the car tax by friday. Can you make this a reminder?",
            "renew the car tax",
            {"due": FRI},
        ),
        # a learner's "is possible to …"
        ("is possible to add pay the rent friday?", "pay the rent", {"due": FRI}),
        (
            "Is possible for you to add task: call the embassy tomorrow",
            "call the embassy",
            {"due": TUE},
        ),
        (
            "Is possible to make a task? Book the citizenship test, for wednesday.",
            "Book the citizenship test",
            {"due": WED},
        ),
    ],
)
def test_a_request_said_late_or_in_other_words(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    "message",
    ["the kitchen tap is leaking, make it a task", "that's it", "that's all for now"],
)
def test_nothing_to_add_adds_nothing(message: str) -> None:
    assert understand(message, TODAY).kind != "add"


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-10: a word of the title spelled again after an apology
        (
            "add text Mikey about the rent... sorry, spelled it wrong, it's Micky",
            "text Micky about the rent",
            {},
        ),
        # invented
        (
            "remind me to email Jon on friday - oops typed it wrong, it's John",
            "email John",
            {"due": FRI},
        ),
        (
            "add call Katherine tomorrow, sorry I spelled the name wrong, should be Kathryn",
            "call Kathryn",
            {"due": TUE},
        ),
        ("add buy brocoli, sorry spelt it wrong it is broccoli", "buy broccoli", {}),
        ("add pay Stephen back, sorry misspelled it, it's Steven", "pay Steven back", {}),
        (
            "new task: visit Grandma Rosa on thursday. oops, I wrote it wrong, it's Rose",
            "visit Grandma Rose",
            {"due": THU},
        ),
        (
            "add pick up Aiden from school friday... my bad, typed his name wrong, it's Aidan",
            "pick up Aidan from school",
            {"due": FRI},
        ),
        (
            "put down return the book to Sara, sorry, spelling wrong, it is Sarah",
            "return the book to Sarah",
            {},
        ),
        (
            "add call the dentsit on wednesday - sorry spelled it wrong, it's dentist",
            "call the dentist",
            {"due": WED},
        ),
        (
            "remind me to message Jakob tomorrow, ugh, mistyped, it's Jacob",
            "message Jacob",
            {"due": TUE},
        ),
        # no word like it: the message stands as said
        ("add call Tom, sorry, spelled it wrong, it's Peter", "call Tom", {}),
    ],
)
def test_a_word_spelled_again_replaces_its_misspelling(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("what's the reference code in my boiler task note?", "boiler"),  # blind-10
        ("whats the booking number in the hotel task notes", "hotel"),
        ("what is the address in my party note?", "party"),
        ("what is the phone number on the dentist task?", "dentist"),
        ("what was the pin for the locker task", "locker"),
        ("what's the gate code in the plumber task description?", "plumber"),
        ("what was the account number on my insurance item?", "insurance"),
        ("what's the order number in the sofa todo note", "sofa"),
        ("what was the gate code for the plumber?", "plumber"),
        ("what is the flight number in the flights task note?", "flights"),
        ("what's the wifi password in my airbnb task notes?", "airbnb"),
    ],
)
def test_a_detail_asked_of_a_task_note_names_the_task(message: str, topic: str) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.filter.asks, intent.filter.text) == ("list", "note", topic)


@pytest.mark.parametrize(
    "message",
    [
        "I'm trying to figure out if I can go hiking tomorrow with my brother, is there anything "
        "on my list for tomorrow that would get in the way?",  # blind-10
        "anything tomorrow that gets in the way of the party?",
        "is there something for tomorrow in the way of my day off?",
        "do I have anything tomorrow in the morning?",
        "any tasks tomorrow in the afternoon",
        "is anything tomorrow going to be in the way if I go to the beach?",
        "I wanna sleep in tomorrow, anything on for tomorrow in the morning?",
        "my friend asked me out tomorrow evening, anything tomorrow in the evening?",
        "what's on tomorrow, in the end I need to know if I'm free",
        "anything tomorrow that could get in the way of the trip?",
        "thinking of a day trip tomorrow, anything on my list tomorrow in the way?",
    ],
)
def test_in_the_way_or_in_the_morning_is_no_tag(message: str) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "list", intent
    assert (intent.filter.due, intent.filter.tag) == ("tomorrow", None), intent.filter
