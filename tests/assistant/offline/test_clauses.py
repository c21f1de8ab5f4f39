"""Which parts of a message are tasks at all (``titles.no_task``): closing remarks, hedges,
reasons, meta comments and thanks are none, and a sentence that only states attributes gives
them to the task just named. Sentences end at a full stop, but not at an abbreviation's ("Mr.
Keller"). Polite and indirect ways to ask for a task ("would you be so kind as to put X on my
list", "X needs doing at some point") are adds."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand

TODAY = date(2026, 11, 30)  # a Monday
TUE, WED, THU, FRI, SAT, SUN = (date(2026, 12, d) for d in range(1, 7))
MON = date(2026, 12, 7)


def tasks(message: str) -> list[tuple[str, dict[str, object]]]:
    intent = understand(message, TODAY, hybrid=True)
    assert intent.kind == "add", intent
    assert not intent.then, intent.then
    out = []
    for i, title in enumerate(intent.items):
        d = intent.item_details[i] if i < len(intent.item_details) else intent.details
        said = {"due": d.due, "time": d.time, "priority": d.priority, "tags": d.tags,
                "description": d.description}  # fmt: skip
        out.append((title.lower(), {k: v for k, v in said.items() if v}))
    return out


ABBREVIATIONS = [
    (
        "add call Dr. Patel about the test results tomorrow",
        "call dr. patel about the test results",
        {"due": TUE},
    ),
    (
        "pls add pick up meds for Mrs. Novak. its urgent",
        "pick up meds for mrs. novak",
        {"priority": "high"},
    ),
    (
        "Remind me to send the contract to Mr. Brown. It is due on Friday.",
        "send the contract to mr. brown",
        {"due": FRI},
    ),
    (
        "add drop off the parcel at St. Mary's church on saturday",
        "drop off the parcel at st. mary's church",
        {"due": SAT},
    ),
    (
        "note to self: bring approx. 20 chairs for the party on friday",
        "bring approx. 20 chairs for the party",
        {"due": FRI},
    ),
    (
        "I need to email Prof. Jones the draft by thursday",
        "email prof. jones the draft",
        {"due": THU},
    ),
    (
        "add: book a table at St. John's for mom's birthday. Make it high priority",
        "book a table at st. john's for mom's birthday",
        {"priority": "high"},
    ),
    (
        "can u add ring Ms. Ortega about the lease tmrw",
        "ring ms. ortega about the lease",
        {"due": TUE},
    ),
    (
        "Please add task to pay Dr. Mueller invoice. It must be done until the 15th.",
        "pay dr. mueller invoice",
        {"due": date(2026, 12, 15)},
    ),
    (
        "add order approx. 3 kg of flour for the baking class",
        "order approx. 3 kg of flour for the baking class",
        {},
    ),
    (
        "add bring snacks e.g. fruit to the picnic on sunday",
        "bring snacks e.g. fruit to the picnic",
        {"due": SUN},
    ),
    ("add send the photos to Mr. and Mrs. Lee", "send the photos to mr. and mrs. lee", {}),
    (
        "Remind me to collect the keys from Mr. Okafor on wednesday. No rush.",
        "collect the keys from mr. okafor",
        {"due": WED, "priority": "low"},
    ),
    (
        "add visit grandpa at St. Luke's hospital, sunday",
        "visit grandpa at st. luke's hospital",
        {"due": SUN},
    ),
    (
        "new task - call Dr. Kim's office i.e. the dentist, monday",
        "call dr. kim's office i.e. the dentist",
        {"due": MON},
    ),
    (
        "pls remind me to thank Mrs. Gupta for the cake. it's for the neighbours thing",
        "thank mrs. gupta for the cake",
        {},
    ),
]

POLITE_ADDS = [
    (
        "would you be so kind as to put renew the car insurance on my list",
        "renew the car insurance",
        {},
    ),
    ("I need to not forget to call the bank tomorrow", "call the bank", {"due": TUE}),
    ("could you jot down buy a birthday card for Sam", "buy a birthday card for sam", {}),
    ("the ironing needs doing at some point", "do the ironing", {"priority": "low"}),
    ("the car needs washing at some point", "wash the car", {"priority": "low"}),
    ("Would you mind adding pick up the dry cleaning to my list?", "pick up the dry cleaning", {}),
    ("I was hoping you could add water the plants on sunday", "water the plants", {"due": SUN}),
    ("could you possibly make a note to order new glasses", "order new glasses", {}),
    (
        "any chance you could put book flights to Rome on the list, it's for work",
        "book flights to rome",
        {"tags": ["work"]},
    ),
    (
        "I'd be grateful if you could add renew my library card by friday",
        "renew my library card",
        {"due": FRI},
    ),
    (
        "can you pls jot down call the vet about bella's vaccines",
        "call the vet about bella's vaccines",
        {},
    ),
    ("it would be great if you could add fix the squeaky door", "fix the squeaky door", {}),
    (
        "mind adding a reminder to call grandma tonight?",
        "call grandma",
        {"due": TODAY, "time": "20:00"},
    ),
    (
        "so tomorrow I gotta take the bins out and it's high priority because the truck comes "
        "early",
        "take the bins out",
        {"due": TUE, "priority": "high"},
    ),
    (
        "Sorry to bother you, I was wondering if you could possibly add a reminder for me to book "
        "the vet? I think it's on Friday, so let's just say Friday. Thanks!",
        "book the vet",
        {"due": FRI},
    ),
    ("Could you kindly pop send thank-you cards on my list", "send thank-you cards", {}),
    (
        "hiya, would u be able to add defrost the freezer for saturday",
        "defrost the freezer",
        {"due": SAT},
    ),
    (
        "please could you add to my list that I have to renew the tv licence",
        "renew the tv licence",
        {},
    ),
]

JUNK_CLAUSES = [
    ("add buy a new kettle on saturday if that's alright", "buy a new kettle", {"due": SAT}),
    (
        "remind me to call the landlord tomorrow, if that works for you",
        "call the landlord",
        {"due": TUE},
    ),
    ("add repaint the fence, no idea when though", "repaint the fence", {}),
    ("pls add order printer ink, we ran out", "order printer ink", {}),
    (
        "add return the blender to the shop friday, it broke again",
        "return the blender to the shop",
        {"due": FRI},
    ),
    (
        "I need to book a haircut on thursday, I look like a hedgehog lol",
        "book a haircut",
        {"due": THU},
    ),
    (
        "add call the insurance about the claim. I know, I keep putting it off.",
        "call the insurance about the claim",
        {},
    ),
    (
        "can you add pick up the kids' passports on monday? Hope that makes sense.",
        "pick up the kids' passports",
        {"due": MON},
    ),
    (
        "Add get a present for Tom's leaving do. Not sure what yet.",
        "get a present for tom's leaving do",
        {},
    ),
    ("add fix the bike tire on sunday, just in case", "fix the bike tire", {"due": SUN}),
    (
        "remind me to cancel the gym membership on the 20th, they keep charging me",
        "cancel the gym membership",
        {"due": date(2026, 12, 20)},
    ),
    ("add renew car tax by friday, or I'll get fined", "renew car tax", {"due": FRI}),
    (
        "add email the school about the trip, sorry if this is a silly question",
        "email the school about the trip",
        {},
    ),
    (
        "could you add clean the gutters on saturday? No worries if not.",
        "clean the gutters",
        {"due": SAT},
    ),
    (
        "add book the dentist for thursday, my tooth has been hurting for days",
        "book the dentist",
        {"due": THU},
    ),
    ("remind me to ring mum tonight, I promised her", "ring mum", {"due": TODAY, "time": "20:00"}),
    (
        "add order the birthday cake for saturday, just so I don't forget",
        "order the birthday cake",
        {"due": SAT},
    ),
    ("add defrost the freezer, not today though, on sunday", "defrost the freezer", {"due": SUN}),
    (
        "Hello, sorry if this is a silly question, but could you add 'pick up Mia's glasses' for "
        "the 12th? It's quite urgent, so high priority if possible. Thanks!",
        "pick up mia's glasses",
        {"due": date(2026, 12, 12), "priority": "high"},
    ),
]

ATTRIBUTE_SENTENCES = [
    (
        "Please add a task to pay the nanny. I'd like it marked urgent.",
        "pay the nanny",
        {"priority": "high"},
    ),
    ("add water the garden. make it low priority", "water the garden", {"priority": "low"}),
    (
        "add prepare the quarterly report. It's for work.",
        "prepare the quarterly report",
        {"tags": ["work"]},
    ),
    ("add submit the expense report. No rush.", "submit the expense report", {"priority": "low"}),
    ("add buy a gift for Anna. No deadline.", "buy a gift for anna", {}),
    (
        "remind me to phone the council. Should be done by friday.",
        "phone the council",
        {"due": FRI},
    ),
    (
        "add book the hotel for the conference. Tag it travel please.",
        "book the hotel for the conference",
        {"tags": ["travel"]},
    ),
    (
        "add sort the tax papers. Would be good to have it done by the 15th.",
        "sort the tax papers",
        {"due": date(2026, 12, 15)},
    ),
    ("add call the bank. Quite urgent actually.", "call the bank", {"priority": "high"}),
    (
        "Add fix the leaking tap. Put it down for tomorrow morning.",
        "fix the leaking tap",
        {"due": TUE, "time": "09:00"},
    ),
    (
        "add plan the team lunch. It's for work and it's not urgent.",
        "plan the team lunch",
        {"tags": ["work"], "priority": "low"},
    ),
    (
        "add buy new running shoes. Low priority, no deadline.",
        "buy new running shoes",
        {"priority": "low"},
    ),
    (
        "add get the car serviced. I'd like it done by thursday, high priority.",
        "get the car serviced",
        {"due": THU, "priority": "high"},
    ),
    (
        "add pick up the photos from the printers. Deadline is friday.",
        "pick up the photos from the printers",
        {"due": FRI},
    ),
    (
        "add renew the domain name. It should be high priority as it expires soon.",
        "renew the domain name",
        {"priority": "high"},
    ),
    ("add apply for the visa. Mark it as important.", "apply for the visa", {"priority": "high"}),
    (
        "Good evening! Would you be so kind as to add a task to book the piano tuner? There's no "
        "fixed date, but I'd like it marked as high priority since the concert is soon. Many "
        "thanks!",
        "book the piano tuner",
        {"priority": "high"},
    ),
]


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    ABBREVIATIONS + POLITE_ADDS + JUNK_CLAUSES + ATTRIBUTE_SENTENCES,
)
def test_one_task_and_no_leftover(message: str, title: str, attributes: dict[str, object]):
    assert tasks(message) == [(title, attributes)]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("add buy milk. I need to call mom too", ["buy milk", "call mom"]),
        ("add buy milk. we also need to book the vet", ["buy milk", "book the vet"]),
        ("add water plants. then feed the cat", ["water plants", "feed the cat"]),
        ("add the team dinner on friday, Dr. Lee is coming", ["team dinner"]),
        ("add pay the council tax. It is due on the 3rd. Also renew the parking permit",
         ["pay the council tax", "renew the parking permit"]),
        ("add: milk, eggs, the big bag of rice", ["milk", "eggs", "big bag of rice"]),
        ("add get new tyres for the car. It's due for its MOT soon, so fairly urgent.",
         ["get new tyres for the car"]),
        ("add collect the suit from the tailor, approx. 3pm tomorrow",
         ["collect the suit from the tailor"]),
        ("i need to not forget to send the rent, landlord gets grumpy", ["send the rent"]),
        ("could u jot down buy batteries for the smoke alarm, its beeping",
         ["buy batteries for the smoke alarm"]),
        ("the bins need taking out tonight", ["take the bins out"]),
    ],
)  # fmt: skip
def test_a_second_task_is_still_a_task(message: str, expected: list[str]):
    assert [t for t, _ in tasks(message)] == expected


def test_a_thing_that_needs_doing_may_name_an_open_task():
    intent = understand("actually the bins need doing tonight", TODAY, hybrid=True)
    assert intent.kind == "add" and intent.names_task == "bins"


def test_a_real_full_stop_still_ends_a_task():
    assert tasks("add meet Mr. Smith at the office tomorrow. Also buy stamps.") == [
        ("meet mr. smith at the office", {"due": TUE}),
        ("buy stamps", {}),
    ]


# A reason or a remark said after another request is no task of its own.
OTHER_INTENTS = [
    (
        "Would you mind deleting the task about the caterer? We're ordering pizza instead.",
        "delete",
        "caterer",
    ),
    ("delete the gym task, I cancelled my membership", "delete", "gym"),
    ("please remove buy paint, we've got plenty left", "delete", "buy paint"),
    ("cross off call the plumber, he came this morning", "complete", "call the plumber"),
    ("can you delete the dentist reminder? They cancelled on me.", "delete", "dentist"),
    ("reopen the tax return, the accountant found a mistake", "reopen", "tax return"),
    ("move the car wash to saturday, it's going to rain tomorrow", "update", "car wash"),
    ("make the passport renewal high priority, I'm travelling soon", "update", "passport renewal"),
    ("tick off the groceries, we went yesterday", "complete", "groceries"),
    ("delete order pizza. we decided to cook instead", "delete", "order pizza"),
    ("push the haircut to friday, my barber is off", "update", "haircut"),
    ("mark buy milk as done, got it on the way home", "complete", "buy milk"),
    ("remove the yoga class please, the studio closed down", "delete", "yoga class"),
    (
        "Could you get rid of the piano lesson? We've decided to stop after all.",
        "delete",
        "piano lesson",
    ),
    ("please reopen call the bank, they never called back", "reopen", "call the bank"),
    ("make the report high priority, my boss asked for it", "update", "report"),
    ("push the dentist to friday, they had a cancellation", "update", "dentist"),
]


@pytest.mark.parametrize(("message", "kind", "words"), OTHER_INTENTS)
def test_a_remark_after_another_request_adds_nothing(message: str, kind: str, words: str):
    intent = understand(message, TODAY, hybrid=True)
    assert [i.kind for i in [intent, *intent.then]] == [kind], intent
    assert words in " ".join(intent.items).lower(), intent.items


def test_a_note_added_to_the_task_just_reopened():
    intent = understand("reopen the pharmacy run and add ibuprofen to its notes, we ran out",
                        TODAY, hybrid=True)  # fmt: skip
    assert intent.kind == "reopen" and intent.items == ["pharmacy run"]
    (note,) = intent.then
    assert note.kind == "update" and note.items == ["pharmacy run"]
    assert note.details.description == "ibuprofen"
