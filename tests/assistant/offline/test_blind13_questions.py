"""Questions from blind-13: a count of what I "managed to complete so far" counts completed
tasks; polite asides around a question ("I was wondering, if you have a moment, whether you
could remind me what I'd planned for this evening?") are no task to add."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import TESTS_DAY, converse
from tests.assistant.offline.test_adds import TODAY


@pytest.mark.parametrize(
    "message",
    [
        # blind-13
        "Out of curiosity, could you tell me how many tasks I've managed to complete so far?",
        "how many tasks have I managed to finish?",
        "how many things did I manage to get done",
        "how many tasks I managed to complete so far?",
        "out of curiosity, how many tasks have I completed so far?",
        "how many have we managed to tick off so far?",
        "how many tasks I've finished so far",
        "could you tell me how many tasks I've been able to complete?",
        "just curious, how many tasks have I done so far?",
        "how many tasks have I completed to date?",
        "how many jobs have I managed to cross off this week?",
    ],
)
def test_a_count_of_what_i_managed_to_do_counts_completed_tasks(message: str) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.filter.status, intent.filter.count_only) == (
        "list",
        "completed",
        True,
    )


@pytest.mark.parametrize(
    "message",
    [
        "how many tasks do I still need to complete?",
        "how many tasks are left to complete?",
        "how many tasks have I got left so far?",
        "how many tasks do I have so far?",
    ],
)
def test_a_count_of_what_is_left_still_counts_open_tasks(message: str) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.filter.status, intent.filter.count_only) == (
        "list",
        "pending",
        True,
    )


@pytest.mark.parametrize(
    ("message", "due"),
    [
        # blind-13
        (
            "I was wondering, if you have a moment, whether you could remind me what I'd "
            "planned for this evening?",
            "today",
        ),
        ("I was wondering whether you could tell me what I have on tonight?", "today"),
        ("if you have a moment, could you remind me what's on this evening?", "today"),
        ("I was just wondering if you could show me what I planned for today", "today"),
        ("when you get a chance, could you tell me what's on for tonight?", "today"),
        (
            "I was wondering, if you have a minute, if you could list what's due tomorrow",
            "tomorrow",
        ),
        ("out of curiosity, what do I have this evening?", "today"),
        ("if you have a sec, what's planned for tonight?", "today"),
        ("I was wondering whether you could remind me what's left for today", "today"),
        ("what's on this evening, if you have a moment?", "today"),
    ],
)
def test_polite_asides_around_a_question_leave_the_question(message: str, due: str) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.filter.due) == ("list", due), intent


@pytest.mark.parametrize(
    ("message", "kind", "items"),
    [
        # "wondering" with no "whether you could" after it is no request to strip
        ("I was wondering about the dentist", "help", []),
        ("I was wondering if the plumber is coming", "help", []),
        # "if you have time" is the user's condition, not an aside to the assistant
        ("if you have time, call mom", "add", ["call mom"]),
    ],
)
def test_wondering_without_a_request_is_not_stripped(
    message: str, kind: str, items: list[str]
) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == (kind, items)


@pytest.mark.asyncio
async def test_the_count_of_completed_tasks_is_answered(app: FastAPI) -> None:
    start = [{"title": "Buy milk"}, {"title": "Call the plumber"},
             {"title": "Fix the shelf", "completed": True},
             {"title": "Email Rina", "completed": True},
             {"title": "Book flights", "completed": True}]  # fmt: skip
    t = await converse(
        app, start, ["could you tell me how many tasks I've managed to complete so far?"], set()
    )
    assert t.problems == []
    assert "3" in t.replies[-1], t.replies


@pytest.mark.asyncio
async def test_a_polite_question_about_this_evening_lists_it(app: FastAPI) -> None:
    today = str(TESTS_DAY)
    start = [{"title": "Book club", "due_date": today, "due_time": "19:00"},
             {"title": "Return parcel"}]  # fmt: skip
    t = await converse(
        app,
        start,
        ["I was wondering, if you have a moment, whether you could remind me what's on tonight?"],
        set(),
    )
    assert t.problems == [] and len(t.after) == 2
    assert "Book club" in t.replies[-1], t.replies
