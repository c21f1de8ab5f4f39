"""Questions from blind-12: a polite "would you mind telling me …" is the question it wraps,
and "which brand of reeds did I note down?" asks for a task's notes."""

from __future__ import annotations

import pytest

from backend.assistant.offline.intents import understand
from tests.assistant.offline.test_adds import TODAY


@pytest.mark.parametrize(
    ("message", "due", "tag"),
    [
        # blind-12
        ("Would you mind telling me what's still outstanding for the cafe? I'd be very grateful.",
         None, "cafe"),
        ("would you mind telling me what's due today", "today", None),
        ("do you mind showing me what's due tomorrow?", "tomorrow", None),
        ("would you mind listing my work tasks", None, "work"),
        ("would u mind telling me what is overdue", "overdue", None),
        ("Would you mind giving me the tasks for tomorrow, please?", "tomorrow", None),
        ("would you mind showing me everything tagged garden?", None, "garden"),
        ("do you mind telling me what I have on today", "today", None),
        ("would you mind telling me what's left for the cafe", None, "cafe"),
        ("would you mind listing what's overdue", "overdue", None),
    ],
)  # fmt: skip
def test_a_question_asked_as_would_you_mind_telling_me(
    message: str, due: str | None, tag: str | None
) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "list", intent
    assert intent.filter.due == due, intent.filter
    # a tag, or a topic that finds tags, titles and notes
    assert tag in (intent.filter.tag, intent.filter.word_tag, intent.filter.text), intent.filter


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("which brand of reeds did I note down?", "reeds"),  # blind-12
        ("what size of tyres did I write down", "tyres"),
        ("which colour paint did i put in the notes for the bathroom", "bathroom"),
        ("which hotel did I put down for the porto trip?", "porto trip"),
        ("what model of printer did I jot down?", "printer"),
        ("which address did I note for the party?", "party"),
        ("what code did I write down for the locker", "locker"),
        ("which flavour of cake did I note down", "cake"),
        ("what kind of screws did I write down?", "screws"),
        ("which shop did I note down for the curtains?", "curtains"),
        ("what dosage did I write for the vet visit?", "vet visit"),
        ("what type of paint did i jot down", "paint"),
    ],
)
def test_a_kind_of_detail_noted_down_asks_for_the_notes(message: str, topic: str) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.filter.asks, intent.filter.text) == ("list", "note", topic)


@pytest.mark.parametrize(
    "message",
    [
        "what tasks did I add today?",
        "which ones did I write down for work?",
        "what time did I note for the pickup?",
        "which things did I put down for tomorrow?",
        "what date did I write down for the party?",
        "what priority did I note for the report?",
    ],
)
def test_the_tasks_own_fields_or_the_list_are_not_a_note(message: str) -> None:
    intent = understand(message, TODAY)
    assert intent.filter.asks != "note", intent


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("what's still outstanding for the cafe", "cafe"),
        ("what's still open for the garden?", "garden"),
        ("anything pending for the wedding?", "wedding"),
        ("what is unfinished for the move", "move"),
        ("whats outstanding for the school trip", "school trip"),
        ("what's still open for work this week", "work"),
    ],
)
def test_what_is_open_for_a_topic_is_that_topic(message: str, topic: str) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "list", intent
    assert topic in (intent.filter.tag, intent.filter.word_tag, intent.filter.text), intent.filter
