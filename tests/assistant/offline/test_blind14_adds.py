"""Adds from blind-14, each a class of phrasing: "make a note (for me) to X" adds X (a note
*on* a task stays one); a day and a clock time said first, then what to do; a lead-in before a
dash ("quick one before my shift - X"); attributes said as sentences in an add's comma list
("priority should be high, due date is X"); a trailing detail ("their number is …") is the
task's note; "can't make it today, X" never adds a task named "Can't make it"."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand
from tests.assistant.offline.test_adds import FRI, MON, THU, TODAY, TUE, WED, one_task

SAT = date(2026, 12, 5)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-14
        ("Hi there, sorry to bother you, I've had a really hectic week and I keep forgetting "
         "things, so could you please make a note for me to pick up the prescription from the "
         "pharmacy on Monday? Thank you so much.", "pick up the prescription from the pharmacy",
         {"due": MON}),
        # invented
        ("make a note for me to call mom, high priority", "call mom", {"priority": "high"}),
        ("make a note to self to renew the passport by friday", "renew the passport",
         {"due": FRI}),
        ("could you make a note that I need to email Sarah tomorrow", "email Sarah",
         {"due": TUE}),
        ("jot down a note for me to water the plants on saturday", "water the plants",
         {"due": SAT}),
        ("write me a note to buy stamps", "buy stamps", {}),
        ("take a quick note to book the dentist on wednesday", "book the dentist", {"due": WED}),
        ("put down that I need to call the vet on thursday", "call the vet", {"due": THU}),
        ("jot down that I have to renew the car insurance", "renew the car insurance", {}),
        ("please make a note for me to order dog food tomorrow at 9am", "order dog food",
         {"due": TUE, "time": "09:00"}),
        ("make a note to myself to check the boiler pressure", "check the boiler pressure", {}),
        ("leave me a note to pick up the kids at 3pm friday", "pick up the kids",
         {"due": FRI, "time": "15:00"}),
        ("can you make a quick note for me to return the library books",
         "return the library books", {}),
        ("make a mental note to stretch after workouts", "stretch after workouts", {}),
    ],
)  # fmt: skip
def test_a_note_for_me_to_do_something_adds_it(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "task", "note"),
    [
        ("add a note to the dentist task: bring the insurance card", "dentist",
         "bring the insurance card"),
        ("add a note to call mom: her number is 555-0100", "call mom", "her number is 555-0100"),
        ("note on the report: use the new template", "report", "use the new template"),
        ("add a note to it: ask for Maria", "it", "ask for Maria"),
        ("put a note on the vet appointment: bring the vaccination card", "vet appointment",
         "bring the vaccination card"),
    ],
)  # fmt: skip
def test_a_note_on_a_task_stays_a_note(message: str, task: str, note: str) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.details.description) == ("update", [task], note)


@pytest.mark.parametrize(
    ("message", "task", "due"),
    [("make the dentist due friday", "dentist", FRI),
     ("make buy milk due monday", "buy milk", MON)],
)  # fmt: skip
def test_make_a_task_due_is_still_a_change(message: str, task: str, due: date) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.details.due) == ("update", [task], due)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-14: the clock time wins over "morning"
        ("tomorrow morning at 7:30 go for a run", "go for a run", {"due": TUE, "time": "07:30"}),
        # invented
        ("tomorrow at 7:30 go for a run", "go for a run", {"due": TUE, "time": "07:30"}),
        ("tomorrow go to the post office", "go to the post office", {"due": TUE}),
        ("friday morning at 10:15 take the car in", "take the car in",
         {"due": FRI, "time": "10:15"}),
        ("saturday at 9:00 go to the farmers market", "go to the farmers market",
         {"due": SAT, "time": "09:00"}),
        ("tonight at 8:30 call mom", "call mom", {"due": TODAY, "time": "20:30"}),
        ("monday 6:45am go swimming", "go swimming", {"due": MON, "time": "06:45"}),
        ("wednesday at 14:00 go to the bank", "go to the bank", {"due": WED, "time": "14:00"}),
        ("on friday at 11:30 pick up the dry cleaning", "pick up the dry cleaning",
         {"due": FRI, "time": "11:30"}),
        ("this afternoon at 3:15 go for a walk", "go for a walk",
         {"due": TODAY, "time": "15:15"}),
        ("at 7:30 tomorrow go for a run", "go for a run", {"due": TUE, "time": "07:30"}),
        ("thursday evening at 7:45 go to choir", "go to choir", {"due": THU, "time": "19:45"}),
    ],
)  # fmt: skip
def test_a_day_and_time_said_first_then_what_to_do_adds_it(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "task", "due"),
    [
        ("the dentist goes to friday", "dentist", FRI),
        ("dentist moved to thursday", "dentist", THU),
        ("yoga goes to saturday", "yoga", SAT),
        ("it moves to friday", "it", FRI),
    ],
)  # fmt: skip
def test_a_task_moved_is_still_a_move(message: str, task: str, due: date) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.details.due) == ("update", [task], due)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-14
        ("quick one before my shift - order new compression socks, low prio",
         "order new compression socks", {"priority": "low"}),
        # invented
        ("quick one - order new compression socks, low prio", "order new compression socks",
         {"priority": "low"}),
        ("ok so - buy milk", "buy milk", {}),
        ("ok so - pay the water bill, high priority", "pay the water bill", {"priority": "high"}),
        ("one more thing - call the plumber tomorrow", "call the plumber", {"due": TUE}),
        ("one more thing before I go - email the landlord, high priority", "email the landlord",
         {"priority": "high"}),
        ("another thing - book the vet for friday", "book the vet", {"due": FRI}),
        ("quick one before bed - water the plants tomorrow", "water the plants", {"due": TUE}),
        ("real quick - pick up batteries, low priority", "pick up batteries",
         {"priority": "low"}),
        ("ok so \u2013 buy stamps", "buy stamps", {}),
        ("quick thing after lunch - call the bank", "call the bank", {}),
        ("quick one while I remember - pay the parking fine", "pay the parking fine", {}),
        ("quick favour - remind me to call the bank friday, high priority", "call the bank",
         {"due": FRI, "priority": "high"}),
        ("quick one before work - renew the gym membership, low priority",
         "renew the gym membership", {"priority": "low"}),
        ("sorry to bother you - could you add buy milk tomorrow", "buy milk", {"due": TUE}),
    ],
)  # fmt: skip
def test_a_lead_in_before_a_dash_is_no_part_of_the_task(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "kind"),
    [("quick one before my shift", "help"), ("one more thing", "help"),
     ("quick question - what's due today?", "list")],
)  # fmt: skip
def test_a_lead_in_alone_adds_nothing(message: str, kind: str) -> None:
    assert understand(message, TODAY).kind == kind


def test_a_hyphenated_word_is_no_lead_in() -> None:
    assert one_task("add plan the so-called team day") == ("plan the so-called team day", {})


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-14 (TODAY is Monday: the day after tomorrow is Wednesday)
        ("Add task - prepare presentation for client, priority should be high, due date is day "
         "after tomorrow", "prepare presentation for client", {"priority": "high", "due": WED}),
        # invented
        ("add pay rent, deadline is friday", "pay rent", {"due": FRI}),
        ("add book flights, priority is low", "book flights", {"priority": "low"}),
        ("remind me to renew the passport, priority should be high, deadline is friday",
         "renew the passport", {"priority": "high", "due": FRI}),
        ("add call the plumber, the priority is medium and the due date is thursday",
         "call the plumber", {"priority": "medium", "due": THU}),
        ("add task: file taxes, due date is next monday, priority: high", "file taxes",
         {"priority": "high", "due": MON}),
        ("I need to email the landlord, priority should be high", "email the landlord",
         {"priority": "high"}),
        ("add prepare slides, due date should be wednesday", "prepare slides", {"due": WED}),
        ("new task - clean the garage, priority will be low, due date is saturday",
         "clean the garage", {"priority": "low", "due": SAT}),
        ("add water the lawn, priority = low", "water the lawn", {"priority": "low"}),
        ("create a task to fix the fence, deadline is tomorrow", "fix the fence", {"due": TUE}),
        ("add order the cake, its priority is high", "order the cake", {"priority": "high"}),
    ],
)  # fmt: skip
def test_an_attribute_said_as_a_sentence_in_an_add_is_a_field(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    intent = understand(message, TODAY)
    assert not intent.then, intent.then
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title"),
    [("add priority review meeting", "priority review meeting"),
     ("add finish the report and priority is high", "finish the report")],
)  # fmt: skip
def test_the_words_priority_and_deadline_in_a_title_stay(message: str, title: str) -> None:
    assert one_task(message)[0] == title


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-14
        ("add call the insurance company, their number is 555-0142", "call the insurance company",
         {"description": "their number is 555-0142"}),
        # invented
        ("add visit grandma, the address is 12 Oak Street", "visit grandma",
         {"description": "the address is 12 Oak Street"}),
        ("add call the clinic and ask for Maria", "call the clinic",
         {"description": "ask for Maria"}),
        ("add pick up the parcel tomorrow, code is 4512", "pick up the parcel",
         {"due": TUE, "description": "code is 4512"}),
        ("remind me to call the dentist friday, their number is 020 7946 0321",
         "call the dentist", {"due": FRI, "description": "their number is 020 7946 0321"}),
        ("add book the restaurant, phone number is 555-0199, high priority",
         "book the restaurant", {"priority": "high", "description": "phone number is 555-0199"}),
        ("add call the bank, ask for Priya in mortgages, due friday", "call the bank",
         {"due": FRI, "description": "ask for Priya in mortgages"}),
        ("add email the landlord, his email is bob@example.com", "email the landlord",
         {"description": "his email is bob@example.com"}),
        ("add call Tom, his mobile number is 07700 900123", "call Tom",
         {"description": "his mobile number is 07700 900123"}),
        ("add drop off the keys, gate code is 1234", "drop off the keys",
         {"description": "gate code is 1234"}),
        ("add call the plumber - their number is 555-0123", "call the plumber",
         {"description": "their number is 555-0123"}),
        ("add book the hotel, booking reference is XK42", "book the hotel",
         {"description": "booking reference is XK42"}),
    ],
)  # fmt: skip
def test_a_detail_said_after_an_add_is_its_note(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    intent = understand(message, TODAY)
    assert not intent.then, intent.then
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title"),
    [("add call the shop and ask for a refund", "call the shop and ask for a refund"),
     ("add update the address", "update the address"),
     ("add change the door code", "change the door code"),
     ("add find the phone number of the plumber", "find the phone number of the plumber")],
)  # fmt: skip
def test_a_title_about_a_number_or_an_address_stays(message: str, title: str) -> None:
    assert one_task(message) == (title, {})


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        ("can't make it today, do the dishes", "do the dishes", {}),
        ("no time today, do the dishes tomorrow", "do the dishes", {"due": TUE}),
        ("sorry, can't make it today - do the dishes", "do the dishes", {}),
        ("no time tonight, call mom tomorrow", "call mom", {"due": TUE}),
        ("i'm too busy today, water the plants tomorrow", "water the plants", {"due": TUE}),
        ("not today, vacuum the stairs on saturday", "vacuum the stairs", {"due": SAT}),
        ("won't get to it today, do the ironing", "do the ironing", {}),
        ("can't do it this week, clean the windows next monday", "clean the windows",
         {"due": MON}),
        ("ugh no time today, just do the dishes tomorrow", "do the dishes", {"due": TUE}),
        ("can't make it today, buy milk", "buy milk", {}),
        ("too busy today, do the laundry tomorrow", "do the laundry", {"due": TUE}),
    ],
)  # fmt: skip
def test_an_excuse_first_is_no_task_and_the_task_names_an_open_one(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    intent = understand(message, TODAY)
    assert one_task(message) == (title, attributes)
    # an open task of that name gets the day said instead of a second one (update.handle_add)
    assert intent.names_task


@pytest.mark.parametrize(
    ("message", "kind", "items"),
    [
        ("I can't make it to the party", "help", []),
        ("can't make it today, do the dishes tomorrow", "update", ["dishes"]),  # as before
        ("can't make it, move the dentist to friday", "update", ["dentist"]),
        ("no time to waste, book the flights", "add", ["book the flights"]),
    ],
)  # fmt: skip
def test_other_cant_messages_read_as_before(message: str, kind: str, items: list[str]) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == (kind, items)
