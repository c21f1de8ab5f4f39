"""Adds and single-task commands said the way people type or think aloud: "@ noon", musing
before the request, a restatement in English after an apology, "schedule X" with no day, a
completion followed by when it was done, and a learner's "yes is correct"."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand

TODAY = date(2026, 11, 30)  # a Monday
TUE, THU, FRI, SAT = (date(2026, 12, d) for d in (1, 3, 4, 5))


def one_add(message: str) -> tuple[str, dict[str, object]]:
    intent = understand(message, TODAY)
    assert intent.kind == "add", intent
    assert len(intent.items) == 1, intent.items
    d = intent.item_details[0] if intent.item_details else intent.details
    said = {
        "due": d.due,
        "time": d.time,
        "repeat": d.repeat,
        "priority": d.priority,
        "tags": d.tags,
    }
    return intent.items[0].lower(), {k: v for k, v in said.items() if v}


@pytest.mark.parametrize(
    ("message", "title", "attributes"),
    [
        # "@" before a time is "at"
        (
            "add pick up prescription tmrw @ noon pls",
            "pick up prescription",
            {"due": TUE, "time": "12:00"},
        ),
        ("pick up meds @ 5pm", "pick up meds", {"time": "17:00"}),
        ("call bob tmrw @ 3", "call bob", {"due": TUE, "time": "15:00"}),
        ("dentist fri @10:30", "dentist", {"due": FRI, "time": "10:30"}),
        ("team sync @9am monday", "team sync", {"due": date(2026, 12, 7), "time": "09:00"}),
        ("gym @ 6 tonight", "gym", {"due": TODAY, "time": "18:00"}),
        ("pay rent @midnight", "pay rent", {"time": "23:59"}),
        ("laundry sat @ half past ten", "laundry", {"due": SAT, "time": "10:30"}),
        ("email bob@example.com tmrw", "email bob@example.com", {"due": TUE}),
        # musing before the request, and a detail wondered about then settled
        (
            "hmm what else... oh right, I should probably schedule the oil change. thursday maybe? "
            "yeah let's say thursday",
            "schedule the oil change",
            {"due": THU},
        ),
        (
            "right, call mom friday or saturday... ok let's go with saturday",
            "call mom",
            {"due": SAT},
        ),
        (
            "hmm, what else. I gotta water the plants tomorrow maybe? yes let's say tomorrow",
            "water the plants",
            {"due": TUE},
        ),
        (
            "ah right, buy a birthday card for tom, wednesday or thursday, let's say thursday",
            "buy a birthday card for tom",
            {"due": THU},
        ),
        ("well... I think I should book flights", "book flights", {}),
        ("um... let me think... I need to renew my passport", "renew my passport", {}),
        ("let me see... pay the water bill on friday", "pay the water bill", {"due": FRI}),
        # how sure or keen the person is: never part of the title
        ("I should probably call the plumber", "call the plumber", {}),
        ("oh yeah, I must really fix the fence on saturday", "fix the fence", {"due": SAT}),
        ("I really need to finally clean the garage", "clean the garage", {}),
        ("i'll definitely book the hotel tmrw", "book the hotel", {"due": TUE}),
        ("I have to seriously start the essay by friday", "start the essay", {"due": FRI}),
        # a restatement in English after an apology replaces the words before it
        (
            "por favor add task comprar leche... ay sorry, english: buy milk, tomorrow",
            "buy milk",
            {"due": TUE},
        ),
        (
            "ajouter acheter du pain. oops sorry, in english: buy bread on friday",
            "buy bread",
            {"due": FRI},
        ),
        (
            "hinzufügen zahnarzt morgen... sorry english please: dentist tomorrow at 10",
            "dentist",
            {"due": TUE, "time": "10:00"},
        ),
        (
            "agregar tarea llamar a mamá, perdón, sorry: call mom tonight",
            "call mom",
            {"due": TODAY, "time": "20:00"},
        ),
        ("per favore compra il pane - sorry! english: buy bread", "buy bread", {}),
        ("comprar leche mañana, sorry: buy milk tomorrow", "buy milk", {"due": TUE}),
        ("sorry, add call mom", "call mom", {}),
        ("call bob, sorry to bother you", "call bob", {}),
        # "schedule X" with no day or time: arranging it is the task; with one, X is on that day
        (
            "schedule blood test, no rush at all, low priority",
            "schedule blood test",
            {"priority": "low"},
        ),
        ("schedule a haircut", "schedule a haircut", {}),
        ("schedule the boiler service", "schedule the boiler service", {}),
        ("please schedule flu shot", "schedule flu shot", {}),
        ("schedule an eye exam #health", "schedule an eye exam", {"tags": ["health"]}),
        ("schedule piano tuning, not urgent", "schedule piano tuning", {"priority": "low"}),
        ("schedule team lunch next wednesday", "team lunch", {"due": date(2026, 12, 2)}),
        ("schedule meeting with landlord friday", "meeting with landlord", {"due": FRI}),
        ("schedule a task: buy milk", "buy milk", {}),
    ],
)
def test_spoken_add(message: str, title: str, attributes: dict[str, object]):
    assert one_add(message) == (title, attributes)


@pytest.mark.parametrize(
    "message",
    [
        "Hello, could you please mark the task about the car registration as completed? I took "
        "care of it this morning. Many thanks.",
        "mark the car registration as completed. I did it this morning",
        "pls mark the car registration as done, sorted it yesterday evening",
        "Could you set the car registration task as finished? I went there on monday.",
        "mark the car registration as complete! paid it at 9am today",
        "tick off the car registration, did it tonight",
        "mark the car registration done. we went this afternoon",
        "please mark my task about car registration as done. I sent it yesterday",
        "set car registration as done; handed it in friday morning",
        "mark car registration as completed, I paid it earlier today",
        "kindly mark the car registration as done, the garage did it at 10 am",
    ],
)
def test_when_it_was_done_is_no_new_date(message: str):
    intent = understand(message, TODAY)
    assert intent.kind == "complete", intent
    assert "car registration" in intent.items[0]
    assert intent.details.due is None and intent.details.time is None


@pytest.mark.parametrize(
    "message",
    [
        "yes is correct",
        "yes, that is correct",
        "yes is right",
        "yes it is correct",
        "yes exactly",
        "yes this is correct",
        "yes that is the one",
        "sure, that is right",
        "yes is the right one",
        "yes that one",
        "yes correct",
    ],
)
def test_a_learners_yes(message: str):
    assert understand(message, TODAY).kind == "confirm"


@pytest.mark.parametrize(
    "message",
    [
        "what else is due today?",
        "yes, that is correct",
        "ok, delete it",
        "so, what do I have tomorrow?",
    ],
)
def test_answers_and_questions_are_no_musing(message: str):
    assert understand(message, TODAY).kind in {"list", "confirm", "delete"}


@pytest.mark.parametrize(
    ("message", "titles"),
    [
        (
            "add these: buy oat milk, buy eggs, pick up bread",
            ["buy oat milk", "buy eggs", "pick up bread"],
        ),
        ("add the following: call mom, pay rent", ["call mom", "pay rent"]),
        (
            "please add these three: wash car, buy soap, call dad",
            ["wash car", "buy soap", "call dad"],
        ),
        ("put these on my list: eggs, flour", ["eggs", "flour"]),
        ("add the following items - buy stamps, post letter", ["buy stamps", "post letter"]),
        ("add these tasks: water plants; feed cat", ["water plants", "feed cat"]),
        ("add all of these: gym, laundry", ["gym", "laundry"]),
        ("add these ones: buy tape, call bob", ["buy tape", "call bob"]),
        ("add the following to my list: buy tape, fix shelf", ["buy tape", "fix shelf"]),
        ("add these two — renew passport, book dentist", ["renew passport", "book dentist"]),
        ("add this: call the bank", ["call the bank"]),
    ],
)
def test_words_pointing_at_the_list_are_no_title(message: str, titles: list[str]):
    intent = understand(message, TODAY)
    assert intent.kind == "add"
    assert [t.lower() for t in intent.items] == titles
