"""Adds and changes from blind-12, each a class of phrasing: a bare hour with a repeat's part of
the day ("every night at 9": 21:00), how often said of the task word ("add a daily task: X"), a
one-word label before a colon ("hw: X"), a learner's "I want you make a task 'X', is very
important" and "…, please remember me"."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand
from tests.assistant.offline.test_adds import FRI, MON, TODAY, TUE, WED, one_task

DAILY, WEEKLY = "FREQ=DAILY", "FREQ=WEEKLY"


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-12
        ("remind me every night at 9 to take the thyroid pill", "take the thyroid pill",
         {"time": "21:00", "repeat": DAILY}),
        # invented: the part of the day in the repeat decides the half of the day
        ("take my pills every night at 10:30", "take my pills", {"time": "22:30", "repeat": DAILY}),
        ("remind me every evening at 7 to walk the dog", "walk the dog",
         {"time": "19:00", "repeat": DAILY}),
        ("remind me every morning at 6 to go for a run", "go for a run",
         {"time": "06:00", "repeat": DAILY}),
        ("remind me every afternoon at 4 to check the mail", "check the mail",
         {"time": "16:00", "repeat": DAILY}),
        ("lock the back door every night at 11", "lock the back door",
         {"time": "23:00", "repeat": DAILY}),
        ("remind me nightly at 10 to plug in the phone", "plug in the phone",
         {"time": "22:00", "repeat": DAILY}),
        ("feed the cat every evening at 6:30", "feed the cat", {"time": "18:30", "repeat": DAILY}),
        ("stretch every morning at 7", "stretch", {"time": "07:00", "repeat": DAILY}),
        ("remind me every night at 8 to set the alarm", "set the alarm",
         {"time": "20:00", "repeat": DAILY}),
        # controls: a clock said with am/pm wins; a part of the day alone keeps its default
        ("remind me to read every night at 9am", "read", {"time": "09:00", "repeat": DAILY}),
        ("remind me to read every night at 9pm", "read", {"time": "21:00", "repeat": DAILY}),
        ("remind me every night to take the pill", "take the pill",
         {"time": "20:00", "repeat": DAILY}),
        ("remind me every day at 5 to feed the fish", "feed the fish",
         {"time": "17:00", "repeat": DAILY}),
        ("call mom at 9 tonight", "call mom", {"due": TODAY, "time": "21:00"}),
    ],
)  # fmt: skip
def test_a_bare_hour_in_a_repeats_part_of_the_day(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-12
        ("add a daily task: log blood pressure", "log blood pressure", {"repeat": DAILY}),
        # invented: how often, said of the task word
        ("add a weekly task: water the ferns", "water the ferns", {"repeat": WEEKLY}),
        ("new daily reminder: take vitamins", "take vitamins", {"repeat": DAILY}),
        ("create a monthly task to pay the rent", "pay the rent", {"repeat": "FREQ=MONTHLY"}),
        ("set up a daily reminder to stretch", "stretch", {"repeat": DAILY}),
        ("daily task: check the mailbox", "check the mailbox", {"repeat": DAILY}),
        ("add a daily reminder - feed the fish at 8am", "feed the fish",
         {"time": "08:00", "repeat": DAILY}),
        ("please add a weekly todo: call grandma", "call grandma", {"repeat": WEEKLY}),
        ("can you add a nightly task: lock the doors", "lock the doors",
         {"time": "20:00", "repeat": DAILY}),
        ("I want to add a daily task: meditate", "meditate", {"repeat": DAILY}),
        ("add a yearly reminder to renew the car insurance", "renew the car insurance",
         {"repeat": "FREQ=YEARLY"}),
        ("add a fortnightly task: clean the filter", "clean the filter",
         {"repeat": "FREQ=WEEKLY;INTERVAL=2"}),
        # controls: a repeat word inside the title stays there
        ("add write the daily log", "write the daily log", {}),
        ("add review the monthly budget tomorrow", "review the monthly budget", {"due": TUE}),
    ],
)  # fmt: skip
def test_how_often_said_of_the_task_word(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-12
        ("hw: finish the organic chem problem set by wednesday",
         "finish the organic chem problem set", {"due": WED}),
        # invented: a one-word label, then a task said with its verb
        ("work: email Sam the slides", "email Sam the slides", {}),
        ("school: print the essay", "print the essay", {}),
        ("errand: pick up the dry cleaning", "pick up the dry cleaning", {}),
        ("chores: vacuum the stairs", "vacuum the stairs", {}),
        ("kids: sign the permission slip", "sign the permission slip", {}),
        ("admin: renew the car tax", "renew the car tax", {}),
        ("bday: order the cake for Tom", "order the cake for Tom", {}),
        ("gym: book a class", "book a class", {}),
        ("uni: submit the essay friday, high", "submit the essay",
         {"due": FRI, "priority": "high"}),
        # controls: labels that say more keep their meaning
        ("urgent: fix the leaking tap", "fix the leaking tap", {"priority": "high"}),
        ("mon: send timesheet", "send timesheet", {"due": MON}),
        ("todo: email Sarah the slides", "email Sarah the slides", {}),
    ],
)  # fmt: skip
def test_a_label_before_a_colon_is_no_title(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    "message", ["note: call back after 5", "title: call the landlord", "done: pay parking fine",
                "rename: call the landlord", "DONE: call the electrician"]
)  # fmt: skip
def test_a_field_or_state_before_a_colon_adds_nothing(message: str) -> None:
    assert understand(message, TODAY).kind != "add"


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-12
        ("I want you make a task 'Translate the rental contract' for tomorrow, is very important",
         "Translate the rental contract", {"due": TUE, "priority": "high"}),
        # invented: a learner's "I want you make a task", "…, is important"
        ("make a task 'Translate the rental contract' for tomorrow, is very important",
         "Translate the rental contract", {"due": TUE, "priority": "high"}),
        ("make a task call mom for tomorrow, very important", "call mom",
         {"due": TUE, "priority": "high"}),
        ("I want you make a task to renew the visa, is urgent", "renew the visa",
         {"priority": "high"}),
        ("I would like you make a reminder 'Pay the school fee' friday, is important",
         "Pay the school fee", {"due": FRI, "priority": "high"}),
        ("please I want you create a task: buy the train tickets, is very important",
         "buy the train tickets", {"priority": "high"}),
        ("I want you make a task to call the bank tomorrow", "call the bank", {"due": TUE}),
        ("I want you to add call the bank tomorrow", "call the bank", {"due": TUE}),
        # a learner's "please remember me": the request, said last
        ("hello, I must bring the car for inspection the day after tomorrow, please remember me",
         "bring the car for inspection", {"due": WED}),
        ("I must pay the electricity bill on friday, please remember me",
         "pay the electricity bill", {"due": FRI}),
        ("I have to call the embassy tomorrow, remind me please", "call the embassy", {"due": TUE}),
        ("tomorrow I must collect the passport, remember me please", "collect the passport",
         {"due": TUE}),
        ("I must send the form by the 15th, please remind me of it", "send the form",
         {"due": date(2026, 12, 15)}),
        ("hello, I must visit the bank monday. please remember me, thank you", "visit the bank",
         {"due": MON}),
        ("I need to buy flowers for Anna saturday, please remember me about it",
         "buy flowers for Anna", {"due": date(2026, 12, 5)}),
        ("remember me to call the dentist", "call the dentist", {}),
    ],
)  # fmt: skip
def test_a_learners_request_to_add(message: str, title: str, attributes: dict[str, object]) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "kind"),
    [("make the report urgent", "update"), ("make the tax return important", "update"),
     ("please remember me", "help")],
)  # fmt: skip
def test_controls_of_a_learners_add(message: str, kind: str) -> None:
    assert understand(message, TODAY).kind == kind
