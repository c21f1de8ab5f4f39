"""Adds from blind-13, each a class of phrasing: a trailing reason or aside ("… because last
week I forgot", "… before I forget again") is no part of the title; "end of mth" and "eom" are
the end of the month; texting and learner forms of "remind me to" ("rmnd me 2 X", "you remember
me: X", "make me remember to X", "… so I remember to X"); a learner's "is important, add: X";
two requests joined by "+" or "&" ("call the vet tmrw + buy cat litter today")."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand
from tests.assistant.offline.test_adds import FRI, MON, THU, TODAY, TUE, WED, one_task

EOM = date(2026, 11, 30)  # TODAY is Monday 30 November


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-13
        ("okay so remind me to take the recycling out on thursday evening because last week "
         "I totally forgot and the bins were overflowing", "take the recycling out",
         {"due": THU, "time": "18:00"}),
        ("so yeah I keep hearing this squeak so remind me to call the mechanic about the brakes "
         "this afternoon before I forget again", "call the mechanic about the brakes",
         {"due": TODAY, "time": "15:00"}),
        # invented: the reason or aside runs to the end and is dropped
        ("remind me to water the plants because yesterday they looked dry", "water the plants",
         {}),
        ("add pay the gas bill friday because last month it was late", "pay the gas bill",
         {"due": FRI}),
        ("remind me to call the bank tomorrow before I forget", "call the bank", {"due": TUE}),
        ("remind me to book the dentist before i forget it", "book the dentist", {}),
        ("add renew the passport, before I forget again", "renew the passport", {}),
        ("remind me to buy stamps tomorrow so I don't forget", "buy stamps", {"due": TUE}),
        ("add back up the laptop so that I do not forget", "back up the laptop", {}),
        ("remind me to text Sam wednesday so i dont forget again", "text Sam", {"due": WED}),
        ("put down return the library books friday since I got fined last time",
         "return the library books", {"due": FRI}),
        ("remind me to email Dana tmrw, before I forget and lose it", "email Dana", {"due": TUE}),
        ("remind me to order dog food because otherwise we run out", "order dog food", {}),
        ("add fix the gate because honestly it keeps banging", "fix the gate", {}),
        ("remind me to pay rent because it's due tomorrow", "pay rent", {"due": TUE}),
        # controls: no reason clause; "cause" as a noun; "since" naming a time stays put
        ("research the cause of the leak", "research the cause of the leak", {}),
        ("add find the cause of the noise", "find the cause of the noise", {}),
        ("remind me to read Because of Winn-Dixie", "read Because of Winn-Dixie", {}),
        ("add watch the film Before I Go", "watch the film Before I Go", {}),
        # control: what not to forget is the task's own words here
        ("remind me to call mum so I don't forget her birthday",
         "call mum so I do not forget her birthday", {}),
    ],
)  # fmt: skip
def test_a_trailing_reason_or_aside_is_no_part_of_the_title(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-13
        ("submit expense report by end of mth pls", "submit expense report", {"due": EOM}),
        # invented
        ("submit expense report by end of month pls", "submit expense report", {"due": EOM}),
        ("pay the invoices by end of the mth", "pay the invoices", {"due": EOM}),
        ("file the receipts end of mo", "file the receipts", {"due": EOM}),
        ("add renew the parking permit by eom", "renew the parking permit", {"due": EOM}),
        ("send the timesheet EOM", "send the timesheet", {"due": EOM}),
        ("remind me to cancel the trial by end of mnth", "cancel the trial", {"due": EOM}),
        ("add close the books by the end of this mth, high prio", "close the books",
         {"due": EOM, "priority": "high"}),
        ("review the budget by eom, tag work", "review the budget", {"due": EOM, "tags": ["work"]}),
        ("pay the card by end of the mo", "pay the card", {"due": EOM}),
        ("send the report by eow", "send the report", {"due": FRI}),  # as "end of the week"
        # controls: other words starting like those are no date
        ("add email Mo about the trip", "email Mo about the trip", {}),
        ("add buy a moth trap", "buy a moth trap", {}),
        ("add read about the end of mythology", "read about the end of mythology", {}),
    ],
)  # fmt: skip
def test_end_of_month_abbreviated(message: str, title: str, attributes: dict[str, object]) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-13
        ("rmnd me 2 email Dana tmrw", "email Dana", {"due": TUE}),
        ("I need that you remember me: take passport photos, in two days. It is very urgent.",
         "take passport photos", {"due": WED, "priority": "high"}),
        ("Could you kindly set up a reminder so I remember to sign Emma's permission slip for "
         "the zoo trip by Thursday? Much obliged.", "sign Emma's permission slip for the zoo trip",
         {"due": THU}),
        # invented: texting forms
        ("rmnd me to call the plumber", "call the plumber", {}),
        ("remnd me to pick up the kids at 3pm", "pick up the kids", {"time": "15:00"}),
        ("rmd me 2 buy milk", "buy milk", {}),
        ("pls rmnd me to feed the cat tmrw", "feed the cat", {"due": TUE}),
        ("pls remind me to water the plants friday", "water the plants", {"due": FRI}),
        ("rmind me to book flights", "book flights", {}),
        # invented: learner forms
        ("you remember me to call grandma on friday", "call grandma", {"due": FRI}),
        ("please remember me to buy bread", "buy bread", {}),
        ("can you remember me: pay the phone bill tomorrow", "pay the phone bill", {"due": TUE}),
        ("I want that you remember me to renew the visa", "renew the visa", {}),
        ("make me remember to send the invoice monday", "send the invoice", {"due": MON}),
        ("don't let me forget to take the bins out tonight", "take the bins out",
         {"due": TODAY, "time": "20:00"}),
        ("set a reminder so I remember to water the garden on wednesday", "water the garden",
         {"due": WED}),
        ("add a reminder so that I remember to call the school", "call the school", {}),
        ("set up a reminder to sign the form by friday", "sign the form", {"due": FRI}),
        ("create a reminder so I don't forget to pay the nanny", "pay the nanny", {}),
        ("make sure I don't forget to call the bank friday", "call the bank", {"due": FRI}),
        ("help me not forget to renew the lease", "renew the lease", {}),
        ("help me remember to bring the charger", "bring the charger", {}),
        ("remind me pls to pay rent", "pay rent", {}),
        ("I want you remember me to call the bank", "call the bank", {}),
        ("could you remember me that I have to call the bank", "call the bank", {}),
        # controls: the words are a title, or a remark, not the request form
        ("rmnd me 2 kids need lunch money", "2 kids need lunch money", {}),
        ("remind me to call Mr Remember", "call Mr Remember", {}),
    ],
)  # fmt: skip
def test_texting_and_learner_forms_of_remind_me(
    message: str, title: str, attributes: dict[str, object]
) -> None:
    assert one_task(message) == (title, attributes)


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # blind-13
        ("Is important, please add: send homework to Mrs. Lopez, for monday.",
         "send homework to Mrs. Lopez", {"due": MON, "priority": "high"}),
        # invented: a learner's copula without its subject, or with it, said first
        ("is urgent, add: call the landlord", "call the landlord", {"priority": "high"}),
        ("It is important, please add: send homework, for monday.", "send homework",
         {"due": MON, "priority": "high"}),
        ("it's very important, add pay the fine by friday", "pay the fine",
         {"due": FRI, "priority": "high"}),
        ("is very urgent, please remind me to call the doctor", "call the doctor",
         {"priority": "high"}),
        ("this is important, please add renew the insurance", "renew the insurance",
         {"priority": "high"}),
        ("is not urgent, add: sort the photos", "sort the photos", {"priority": "low"}),
    ],
)  # fmt: skip
def test_is_important_said_first(message: str, title: str, attributes: dict[str, object]) -> None:
    assert one_task(message) == (title, attributes)


def test_is_important_as_a_question_is_still_a_question() -> None:
    for message in ("is it important?", "is anything important", "is the report important?"):
        assert understand(message, TODAY).kind != "add", message


def _tasks(message: str) -> list[tuple[str, object]]:
    intent = understand(message, TODAY)
    found = []
    for part in (intent, *intent.then):
        assert part.kind == "add", intent
        for i, title in enumerate(part.items):
            d = part.item_details[i] if i < len(part.item_details) else part.details
            found.append((title, d.due))
    return found


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        # blind-13
        ("add call the vet tmrw + buy cat litter today",
         [("call the vet", TUE), ("buy cat litter", TODAY)]),
        # invented: "+" and "&" between two requests that each start with a verb
        ("call the vet tmrw + buy cat litter today",
         [("call the vet", TUE), ("buy cat litter", TODAY)]),
        ("add email the landlord friday & pay the rent monday",
         [("email the landlord", FRI), ("pay the rent", MON)]),
        # what the last part says is said of both, as with "and" ("call mom and email dad
        # tomorrow")
        ("pick up the suit + call mom tomorrow", [("pick up the suit", TUE), ("call mom", TUE)]),
        ("add book the flights wed + renew passport fri",
         [("book the flights", WED), ("renew passport", FRI)]),
        ("wash the car & clean the garage saturday",
         [("wash the car", date(2026, 12, 5)), ("clean the garage", date(2026, 12, 5))]),
        ("remind me to call the dentist tmrw + buy stamps",
         [("call the dentist", TUE), ("buy stamps", None)]),
        ("add water plants+feed the cat", [("water plants", None), ("feed the cat", None)]),
        ("add text Jo today + order pizza friday",
         [("text Jo", TODAY), ("order pizza", FRI)]),
        ("buy milk tomorrow + call grandma tonight",
         [("buy milk", TUE), ("call grandma", TODAY)]),
    ],
)  # fmt: skip
def test_plus_or_ampersand_between_two_requests(
    message: str, expected: list[tuple[str, object]]
) -> None:
    assert _tasks(message) == expected


@pytest.mark.parametrize(
    ("message", "title"),
    [
        # controls: "+" or "&" inside one title joins things, not requests
        ("buy AA + AAA batteries", "buy AA + AAA batteries"),
        ("add buy AA & AAA batteries", "buy AA & AAA batteries"),
        ("add call Marks & Spencer about the refund", "call Marks & Spencer about the refund"),
        ("book dinner at Dean & Deluca", "book dinner at Dean & Deluca"),
        ("add pick up salt + pepper", "pick up salt + pepper"),
        ("review the Q&A notes", "review the Q&A notes"),
        ("add practise C++ exercises", "practise C++ exercises"),
        ("add write up the R&D summary", "write up the R&D summary"),
        ("add print the 2 + 2 worksheet", "print the 2 + 2 worksheet"),
        ("add look up the rock & roll museum", "look up the rock & roll museum"),
    ],
)  # fmt: skip
def test_plus_or_ampersand_inside_one_title(message: str, title: str) -> None:
    assert one_task(message)[0] == title
