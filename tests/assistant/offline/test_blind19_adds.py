"""blind-19's add misses (tests written before the fixes): "first one is due today" after an
add's repeat read as a change to a task "first"; a bare thing in a
"don't forget" sentence added beside the verb-led add that names it ("flowers"); a day said
before "add" kept "add" in the first title of the list; "not tomorrow but the day after" lost
the day."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import TESTS_DAY

TODAY = TESTS_DAY  # Tue 2026-12-01
WED, THU, FRI = (TODAY + timedelta(days=n) for n in (1, 2, 3))


def adds(message: str) -> list[tuple[str, date | None, str | None]]:
    """The tasks the message adds (nothing else asked): title, due, repeat."""
    intent = understand(message, TODAY)
    assert intent.kind == "add", intent
    assert not intent.then, intent.then
    each = intent.item_details or [intent.details] * len(intent.items)
    return [(t, d.due, d.repeat) for t, d in zip(intent.items, each, strict=True)]


# --- a repeat said with its verb, and when the first one is ------------------------------------


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "add renew the website domain yearly, first one is due today",
            [("renew the website domain", TODAY, "FREQ=YEARLY")],
        ),  # blind-19, without its "repeats" (a known miss: ASSISTANT.md)
        (
            "add pay rent monthly, the first one is on friday",
            [("pay rent", FRI, "FREQ=MONTHLY")],
        ),
        (
            "add renew the domain yearly, first one's due tomorrow",
            [("renew the domain", WED, "FREQ=YEARLY")],
        ),
        # controls: "repeats" as a noun stays; "first one is" without a day is no start
        ("add finish the first one is due today", [("finish the first one", TODAY, None)]),
    ],
)
def test_repeat_verb_and_first_one(message: str, expected: list[object]) -> None:
    assert adds(message) == expected


def test_first_one_alone_is_still_a_change() -> None:
    intent = understand("the first one is due today", TODAY)
    assert intent.kind == "update", intent


# --- a "don't forget" thing, then the add that names it ----------------------------------------


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "I wonder if you could help me, dear. My granddaughter Emma has her school play soon "
            "and I must not forget the flowers. Please add buy flowers for Emma on Wednesday. "
            "Thank you kindly.",
            [("buy flowers for Emma", WED, None)],
        ),  # blind-19
        (
            "don't forget the cake. add pick up the cake from the bakery friday",
            [("pick up the cake from the bakery", FRI, None)],
        ),
        (
            "remember the tickets! add print the tickets tonight",
            [("print the tickets", TODAY, None)],
        ),
        # controls: a thing the add does not name, and no reminder sentence, stay two tasks
        (
            "I must not forget the flowers. Please add call the plumber on Wednesday.",
            [("flowers", None, None), ("call the plumber", WED, None)],
        ),
        ("add milk. also buy oat milk", [("milk", None, None), ("buy oat milk", None, None)]),
    ],
)
def test_reminded_then_added(message: str, expected: list[object]) -> None:
    assert adds(message) == expected


# --- a day said before "add" -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "okay so for tomorrow add call the vet, book a haircut, and order printer paper",
            [
                ("call the vet", WED, None),
                ("book a haircut", WED, None),
                ("order printer paper", WED, None),
            ],
        ),  # blind-19
        ("for tomorrow add call the vet", [("call the vet", WED, None)]),
        (
            "so for friday please add call the vet, book a haircut",
            [("call the vet", FRI, None), ("book a haircut", FRI, None)],
        ),
        ("tomorrow can you add milk and eggs", [("milk", WED, None), ("eggs", WED, None)]),
    ],
)
def test_day_then_add(message: str, expected: list[object]) -> None:
    assert adds(message) == expected


def test_day_then_add_then_another_request_is_not_moved() -> None:
    # the day is never carried past "then mark …" onto another task
    intent = understand("for tomorrow add call the vet, then mark the gym done", TODAY)
    for part in (intent, *intent.then):
        if part.kind != "add":
            assert part.details.due is None, part


# --- "not X but Y" -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "add book the car service, not tomorrow but the day after",
            [("book the car service", THU, None)],
        ),  # blind-19
        (
            "add book the car service, not tomorrow but friday",
            [("book the car service", FRI, None)],
        ),
        (
            "add call mom, not friday but the day after",
            [("call mom", FRI + timedelta(days=1), None)],
        ),
        ("add pick up the kids not today but tomorrow", [("pick up the kids", WED, None)]),
        # control: "the day after" in a title is no day
        ("add the day after party cleanup", [("day after party cleanup", None, None)]),
    ],
)
def test_not_this_day_but(message: str, expected: list[object]) -> None:
    assert adds(message) == expected
