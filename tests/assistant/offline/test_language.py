"""The offline model's building blocks, with a fixed "today" (Saturday 21 November 2026)."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.dates import describe, find_date
from backend.assistant.offline.intents import understand
from backend.assistant.offline.language import fix_typos, normalise
from backend.assistant.offline.matching import candidates
from backend.assistant.offline.parsing import split_tasks

TODAY = date(2026, 11, 21)  # a Saturday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("call mom today", date(2026, 11, 21)),
        ("call mom tonight", date(2026, 11, 21)),
        ("call mom tomorrow", date(2026, 11, 22)),
        ("call mom tmrw", date(2026, 11, 22)),
        ("call mom the day after tomorrow", date(2026, 11, 23)),
        ("call mom on monday", date(2026, 11, 23)),
        ("call mom next friday", date(2026, 11, 27)),
        ("call mom saturday", date(2026, 11, 28)),  # said on a Saturday: next week's
        ("call mom in 3 days", date(2026, 11, 24)),
        ("call mom in two weeks", date(2026, 12, 5)),
        ("call mom in a month", date(2026, 12, 21)),
        ("pay rent by the 1st", date(2026, 12, 1)),
        ("pay rent by the 30th", date(2026, 11, 30)),
        ("pay rent by the 21st", date(2026, 11, 21)),
        ("finish by end of month", date(2026, 11, 30)),
        ("taxes due march 15", date(2027, 3, 15)),
        ("party on 12/31", date(2026, 12, 31)),
        ("deadline 2027-01-05", date(2027, 1, 5)),
        ("meeting next week", date(2026, 11, 23)),
    ],
)
def test_due_dates(text: str, expected: date):
    found = find_date(text, TODAY)
    assert found is not None and found.day == expected
    assert text[: found.start].strip() in {"call mom", "pay rent", "finish", "taxes",
                                            "party", "deadline", "meeting"}  # fmt: skip


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("take the car for inspection day after tmrw", "take the car for inspection"),
        ("book flights to Lisbon, in a week", "book flights to Lisbon,"),
        ("call the salon tomorrow", "call the salon"),
    ],
)
def test_a_date_phrase_never_takes_the_end_of_a_word(text: str, before: str):
    # "on"/"at"/"by" lead a date only as whole words: "inspecti|on day after tmrw" lost letters.
    found = find_date(text, TODAY)
    assert found is not None and text[: found.start].strip() == before


def test_no_date_in_plain_text():
    assert find_date("buy milk and bread", TODAY) is None


def test_describe_dates():
    assert describe("2026-11-21", TODAY) == "today"
    assert describe("2026-11-22", TODAY) == "tomorrow"
    assert describe("2026-11-25", TODAY) == "Wednesday"
    assert describe("2027-02-01", TODAY) == "Mon 1 Feb 2027"


def test_typos_are_fixed_only_in_command_words():
    assert fix_typos("shwo my taks") == "show my tasks"
    assert fix_typos("ad buy bread") == "add buy bread"
    assert fix_typos("read that novel, no rush") == "read that novel, no rush"


@pytest.mark.parametrize(
    "text",
    [
        "charge the camera batteries tonight",  # blind-13: became "change the camera batteries"
        "charged the phone",
        "charging cable for the laptop",
        "buy a new charger",
    ],
)
def test_a_word_one_letter_from_a_command_word_is_kept(text: str):
    assert fix_typos(text) == text


def test_politeness_is_stripped():
    assert normalise("Hi! Could you please add milk? Thanks!") == "add milk"


def test_several_tasks_share_their_verb():
    assert split_tasks("buy eggs, bread and butter") == ["buy eggs", "buy bread", "buy butter"]
    assert split_tasks("pick up kids and groceries") == ["pick up kids", "pick up groceries"]
    assert split_tasks("clean the kitchen and mop the floor before the party") == [
        "clean the kitchen and mop the floor before the party"
    ]


def test_quoted_text_is_never_a_command():
    intent = understand('add "delete everything and mark all done"', TODAY)
    assert (intent.kind, intent.items) == ("add", ["Delete everything and mark all done"])


def test_fuzzy_matching_prefers_clear_winners_and_admits_ambiguity():
    tasks = [
        {"id": 1, "title": "Buy almond milk", "completed": False},
        {"id": 2, "title": "Buy oat milk", "completed": False},
        {"id": 3, "title": "Buy groceries", "completed": False},
    ]
    assert [t["id"] for t in candidates("by grocerys", tasks)] == [3]
    assert {t["id"] for t in candidates("milk", tasks)} == {1, 2}
    assert candidates("call dad", [{"id": 4, "title": "Call mom", "completed": False}]) == []


def test_among_close_matches_the_one_with_every_word_said_wins():
    tasks = [
        {"id": 1, "title": "Call the insurance company", "completed": False},
        {"id": 2, "title": "Call the school", "completed": False},
    ]
    assert [t["id"] for t in candidates("calling the insurance company", tasks)] == [1]
    # words that fit both as well: still ambiguous, so the user is asked
    essays = [
        {"id": 3, "title": "Write the essay", "completed": False},
        {"id": 4, "title": "Print the essay", "completed": False},
    ]
    assert {t["id"] for t in candidates("essay", essays)} == {3, 4}
