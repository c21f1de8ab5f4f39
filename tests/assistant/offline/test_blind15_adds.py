"""Adds from blind-15, many from non-native speakers, each a class of phrasing: sentences after
an add that only give its attributes ("It is very important.", "Last day is 28th.", "Deadline
is 2027-01-20.", "until X it must be done"); a learner's "I need that you remind me to X" and
"the day 15 of the month" (the 15th, once); a polite long opener ("I was wondering if you might
be so kind as to add a little task for me: X"); a phrasal "put out / put away / put up" that is
the task's own verb; "please" before the title; "add me the task to X", "make for me a task
'X'", "register task 'X'"; a tag said in a sentence of its own ("Is for the work, put the tag
work please."); a self-correction that folds a second thing into the first task."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand
from tests.assistant.offline.test_adds import FRI, THU, TODAY, TUE, WED

SAT = date(2026, 12, 5)
MON = date(2026, 12, 7)


def the_task(message: str) -> tuple[str, dict[str, object]]:
    """The one task the message adds (nothing else asked), with the attributes said."""
    intent = understand(message, TODAY)
    assert intent.kind == "add", intent
    assert not intent.then, intent.then
    assert len(intent.items) == 1, intent.items
    d = intent.item_details[0] if intent.item_details else intent.details
    said = {"due": d.due, "time": d.time, "repeat": d.repeat, "priority": d.priority,
            "tags": d.tags, "description": d.description}  # fmt: skip
    return intent.items[0], {k: v for k, v in said.items() if v}


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-15
        ("Hello. Please you can create a task for me: renew the passport. It is very important, "
         "until 2027-03-15 it must be done.", "renew the passport",
         {"due": date(2027, 3, 15), "priority": "high"}),
        ("I want add task: pay the internet bill. Last day is 28th.", "pay the internet bill",
         {"due": date(2026, 12, 28)}),
        # invented: a sentence of its own giving only a day or how urgent
        ("add renew the passport. Until friday it must be done.", "renew the passport",
         {"due": FRI}),
        ("add renew the passport. It must be done until friday.", "renew the passport",
         {"due": FRI}),
        ("add send the report. Until thursday it has to be finished.", "send the report",
         {"due": THU}),
        ("add pay the gas bill. Last day is the 15th.", "pay the gas bill",
         {"due": date(2026, 12, 15)}),
        ("add pay the gas bill. The last day is friday.", "pay the gas bill", {"due": FRI}),
        ("please add: book the hotel. Final day is wednesday.", "book the hotel", {"due": WED}),
        ("add submit the form. Deadline is tuesday.", "submit the form", {"due": TUE}),
        ("add submit the form. The deadline is 2027-01-20.", "submit the form",
         {"due": date(2027, 1, 20)}),
        ("add submit the form. Limit date is friday.", "submit the form", {"due": FRI}),
        ("add call the insurance. It is very important.", "call the insurance",
         {"priority": "high"}),
        ("add call the insurance. It is very important, until friday it must be done.",
         "call the insurance", {"due": FRI, "priority": "high"}),
        ("I want add task: fix the bike. Last day is saturday. It is important.", "fix the bike",
         {"due": SAT, "priority": "high"}),
    ],
)  # fmt: skip
def test_sentences_after_an_add_that_only_give_attributes(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert the_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "titles"),
    [
        # controls: a sentence of its own that names another task is another task
        ("add buy milk. Call mom tomorrow.", ["buy milk", "Call mom"]),
        (
            "add pay the gas bill. also add book the last day of school party",
            ["pay the gas bill", "book the last day of school party"],
        ),
        ("add buy milk. add renew the passport friday", ["buy milk", "renew the passport"]),
    ],
)
def test_a_sentence_naming_another_task_is_still_a_task(message: str, titles: list[str]) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "add" and not intent.then
    assert intent.items == titles


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-15
        ("hola, i need that you remind me to pay the electricity bill the day 15 of the month",
         "pay the electricity bill", {"due": date(2026, 12, 15)}),
        # invented: the learner's "(I) need/want that you remind me (to) X"
        ("i need that you remind me to call the bank", "call the bank", {}),
        ("I want that you remind me to buy bread tomorrow", "buy bread", {"due": TUE}),
        ("i need you to remind me to water the plants", "water the plants", {}),
        ("I would like that you remind me to send the form friday", "send the form", {"due": FRI}),
        ("I would like you to remind me to pay the rent", "pay the rent", {}),
        ("i want you remind me to call grandma", "call grandma", {}),
        ("hello, i need that you remind me to renew the insurance", "renew the insurance", {}),
        # "the day N (of the month)": that day, once
        ("remind me to pay the water bill the day 20 of the month", "pay the water bill",
         {"due": date(2026, 12, 20)}),
        ("add pay the nanny the day 3 of the month", "pay the nanny", {"due": date(2026, 12, 3)}),
        ("add pay the school fees day 10 of the month", "pay the school fees",
         {"due": date(2026, 12, 10)}),
        # controls: a repeat said as one stays a repeat
        ("pay rent on the 1st of every month", "pay rent",
         {"repeat": "FREQ=MONTHLY;BYMONTHDAY=1"}),
        ("add pay the nanny on the 15th of each month", "pay the nanny",
         {"repeat": "FREQ=MONTHLY;BYMONTHDAY=15"}),
        ("remind me to call the bank", "call the bank", {}),
    ],
)  # fmt: skip
def test_a_learners_remind_me_and_the_day_of_the_month(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert the_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-15
        ("Hello! I hope you're well. I was wondering if you might be so kind as to add a little "
         "task for me: water the plants, this evening. Thank you so much in advance!",
         "water the plants", {"due": TODAY, "time": "18:00"}),
        # invented
        ("I was wondering if you might be so kind as to add a task: call the bank",
         "call the bank", {}),
        ("I was wondering if you would be so kind as to add a small task for me: buy stamps",
         "buy stamps", {}),
        ("I was wondering whether you could be so good as to add: book the vet, friday",
         "book the vet", {"due": FRI}),
        ("if you would be kind enough to add a little reminder: call grandma tomorrow",
         "call grandma", {"due": TUE}),
        ("Would you be so kind as to add a little task for me: clean the fridge",
         "clean the fridge", {}),
        ("could you add a quick little task: email Tom", "email Tom", {}),
        ("please add a small task for me: water the garden tonight", "water the garden",
         {"due": TODAY, "time": "20:00"}),
        ("I was wondering if you might add a task for me: fix the gate. Thanks in advance!",
         "fix the gate", {}),
        ("add a little task: feed the fish. Thank you so much in advance!", "feed the fish", {}),
        # controls: "little" that is the task's own word stays
        ("add buy a little present for Sam", "buy a little present for Sam", {}),
        ("remind me to call little Tom", "call little Tom", {}),
    ],
)  # fmt: skip
def test_a_polite_long_opener(message: str, title: str, attributes: dict[str, object]) -> None:
    assert the_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-15
        ("put out the recycling every monday", "put out the recycling",
         {"repeat": "FREQ=WEEKLY;BYDAY=MO"}),
        # invented: "put" with its particle is the task's verb
        ("put out the bins tonight", "put out the bins", {"due": TODAY, "time": "20:00"}),
        ("put away the laundry", "put away the laundry", {}),
        ("put up the christmas lights this weekend", "put up the christmas lights", {"due": SAT}),
        ("put together the ikea desk on saturday", "put together the ikea desk", {"due": SAT}),
        ("please put out the trash tomorrow", "put out the trash", {"due": TUE}),
        ("put aside money for the trip", "put aside money for the trip", {}),
        ("put the bins out tonight", "put the bins out", {"due": TODAY, "time": "20:00"}),
        ("put the laundry away tomorrow", "put the laundry away", {"due": TUE}),
        ("put the shelves up", "put the shelves up", {}),
        ("remind me to put out the recycling", "put out the recycling", {}),
        # controls: "put" that only asks to add
        ("put buy milk on my list", "buy milk", {}),
        ("put call mom tomorrow", "call mom", {"due": TUE}),
        ("put in my list to buy eggs", "buy eggs", {}),
        ("put down return the library books friday", "return the library books", {"due": FRI}),
        ("put a reminder to call the bank", "call the bank", {}),
        ("put milk on the list", "milk", {}),
    ],
)  # fmt: skip
def test_put_with_its_particle_is_the_tasks_verb(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert the_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-15
        ("hi, put in my list please to buy a gift for Marta, until saturday",
         "buy a gift for Marta", {"due": SAT}),
        # invented: "please" (and a learner's "to") before the title is no part of it
        ("put on my list please to call the bank", "call the bank", {}),
        ("add please to buy milk", "buy milk", {}),
        ("add to my list please buy milk", "buy milk", {}),
        ("please add in my list please to pay the rent", "pay the rent", {}),
        ("add for me please to call mom tomorrow", "call mom", {"due": TUE}),
        ("add to the list pls to water the plants", "water the plants", {}),
        ("put please in my list to buy bread", "buy bread", {}),
        ("add in my list please: book the dentist, friday", "book the dentist", {"due": FRI}),
        ("put in my list kindly to renew the car insurance", "renew the car insurance", {}),
        # controls
        ("put in my list to buy eggs", "buy eggs", {}),
        ("add say please and thank you to the kids chart",
         "say please and thank you to the kids chart", {}),
    ],
)  # fmt: skip
def test_please_before_the_title(message: str, title: str, attributes: dict[str, object]) -> None:
    assert the_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-15
        ("Please add me the task to call the doctor for the results, tomorrow in the morning, it "
         "is high important", "call the doctor for the results",
         {"due": TUE, "time": "09:00", "priority": "high"}),
        ("Please make for me a task 'Return the jacket', in 2 days, because the shop accept only "
         "14 days.", "Return the jacket", {"due": WED}),
        ("Excuse me, please register task 'Prepare the slides'. Deadline is 2027-01-20. Thank you.",
         "Prepare the slides", {"due": date(2027, 1, 20)}),
        # invented: "me" / "for me" before the task word, "register" a task
        ("add me a task to buy stamps", "buy stamps", {}),
        ("create me a task to call the plumber friday", "call the plumber", {"due": FRI}),
        ("please make me a reminder to water the plants", "water the plants", {}),
        ("add me the task: pay the rent", "pay the rent", {}),
        ("make for me a task to book the flights", "book the flights", {}),
        ("create for me a reminder 'Call the bank'", "Call the bank", {}),
        ("please make for me a task 'Send the invoice', tomorrow", "Send the invoice",
         {"due": TUE}),
        ("register a task to renew the visa", "renew the visa", {}),
        ("please register task 'Book the venue' for friday", "Book the venue", {"due": FRI}),
        ("Excuse me, add 'Call the school' for tomorrow", "Call the school", {"due": TUE}),
        # controls: "register" and "me" that are the task's own words
        ("register for the marathon", "register for the marathon", {}),
        ("register the car on friday", "register the car", {"due": FRI}),
        ("remind me to sign up for the course", "sign up for the course", {}),
    ],
)  # fmt: skip
def test_me_and_register_around_the_task_word(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert the_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-15
        ("Can you add for me a task, I must send the invoice to the client, for friday. Is for "
         "the work, put the tag work please.", "send the invoice to the client",
         {"due": FRI, "tags": ["work"]}),
        # invented: a sentence that only tags the task just added
        ("add send the invoice friday. Put the tag work please.", "send the invoice",
         {"due": FRI, "tags": ["work"]}),
        ("add buy the paint. Is for the house, put the tag home.", "buy the paint",
         {"tags": ["home"]}),
        ("add call the client. It is for the work, tag work please.", "call the client",
         {"tags": ["work"]}),
        ("add prepare the slides, for monday. Put tag work.", "prepare the slides",
         {"due": MON, "tags": ["work"]}),
        ("Can you add for me a task, I must call the bank, for thursday.", "call the bank",
         {"due": THU}),
    ],
)  # fmt: skip
def test_a_tag_in_a_sentence_of_its_own(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert the_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-15
        ("remind me to buy dog food on saturday morning and also the flea stuff but that can be "
         "the same task actually just call it buy dog food", "buy dog food",
         {"due": SAT, "time": "09:00"}),
        # invented: a second thing folded into the first task, which is named again
        ("add buy milk and also the eggs but that can be the same task, just call it groceries",
         "groceries", {}),
        ("remind me to call the bank tomorrow and also the insurance, but make it one task, call "
         "it phone calls", "phone calls", {"due": TUE}),
        ("add clean the kitchen and the bathroom too but it can be one task actually, call it "
         "cleaning", "cleaning", {}),
        ("remind me to buy dog food and also the flea stuff, same task, just call it buy pet "
         "stuff", "buy pet stuff", {}),
    ],
)  # fmt: skip
def test_a_second_thing_folded_into_the_first_task(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert the_task(message) == (title, attributes)


def test_two_things_not_folded_stay_two_tasks() -> None:
    intent = understand("add buy dog food and the flea stuff", TODAY)
    assert intent.kind == "add" and intent.items == ["buy dog food", "flea stuff"]


@pytest.mark.parametrize(
    "message",
    [
        "until friday it must be done",
        "the report must be done",
        "laundry needs to be done",
        "by the 15th it has to be finished",
        "the slides should be completed",
    ],
)
def test_what_must_be_done_is_no_completion(message: str) -> None:
    assert understand(message, TODAY).kind != "complete"


@pytest.mark.parametrize(
    "message", ["the report is done", "laundry done", "the slides are finished"]
)
def test_what_is_done_is_still_a_completion(message: str) -> None:
    assert understand(message, TODAY).kind == "complete"
