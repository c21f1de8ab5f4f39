"""What is a title and what is not (``offline/titles.py``), and the adds those rules decide."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand
from backend.assistant.offline.titles import (
    attribute_clauses_as_commas,
    command_preamble,
    is_attribute_talk,
    says_add,
    sentence_tag,
    trailing_priority,
    without_pleasantries,
    without_reason,
)

TODAY = date(2026, 11, 30)  # a Monday
TUE, THU, FRI, SAT = (date(2026, 12, d) for d in (1, 3, 4, 5))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("make new task: buy school shoes", "add buy school shoes"),
        ("in list: bring the car to wash", "add bring the car to wash"),
        ("you add for me a task: buy a present", "add buy a present"),
        ("add: prepare the budget", "add prepare the budget"),
        # a colon after words that name a task is no preamble
        ("add a note to the present task: she likes books", None),
        ("note to self: call the bank", None),
        ("shopping: eggs and milk", None),
    ],
)
def test_command_words_before_a_colon_are_no_title(text: str, expected: str | None):
    assert command_preamble(text) == expected


def test_social_sentences_are_no_request():
    said = "Hi there! I hope you're well. Add milk. Thank you so much!"
    assert without_pleasantries(said) == "Add milk."
    assert without_pleasantries("Thanks!") == "Thanks!"  # nothing else: read as it is


def test_a_reason_is_no_part_of_a_title():
    assert without_reason("pick up the suit because I need it") == "pick up the suit"
    assert without_reason("study since the exam is soon") == "study"
    assert without_reason("clean the house since monday") == "clean the house since monday"


def test_an_attribute_in_a_clause_of_its_own_becomes_a_comma_part():
    said = "pick up the suit on thursday and make it high priority"
    assert attribute_clauses_as_commas(said) == "pick up the suit on thursday, high priority"
    assert attribute_clauses_as_commas("make it rain") == "make it rain"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("fold laundry low", ("fold laundry", "low")),
        ("Pay water bill HIGH", ("Pay water bill", "high")),
        ("jump high", ("jump high", None)),  # too short to tell: kept as said
    ],
)
def test_a_bare_priority_word_ending_a_title(title: str, expected: tuple[str, str | None]):
    assert trailing_priority(title) == expected


def test_talk_about_an_attribute_is_no_task():
    assert is_attribute_talk("It needs to be done")
    assert is_attribute_talk("Is for")
    assert is_attribute_talk("her birthday is")
    assert not is_attribute_talk("call the bank")
    assert sentence_tag("It is for work") == "work"
    assert sentence_tag("call the office") is None


@pytest.mark.parametrize(
    ("message", "title", "due", "priority", "tags"),
    [
        ("I want to make new task: buy school shoes for my son. Is for tomorrow.",
         "buy school shoes for my son", TUE, None, []),
        ("Hi there! I hope you're having a good day. Would you be so kind as to add a task "
         "for me to book a table at Luigi's? It needs to be done by Friday. Thank you so much!",
         "book a table at Luigi's", FRI, None, []),
        ("okay so add a task to pick up the dry cleaning on thursday and make it high priority "
         "because I need the suit for the interview", "pick up the dry cleaning", THU, "high", []),
        ("need to submit my expense report a week from today, can u add it",
         "submit my expense report", date(2026, 12, 7), None, []),
        ("new task order printer ink, tags work + office", "order printer ink", None, None,
         ["work", "office"]),
        ("hey uh add call the garage about the brakes uh for tomorrow",
         "call the garage about the brakes", TUE, None, []),
        ("add fold laundry #home low", "fold laundry", None, "low", ["home"]),
        ("cna you ad a taks: return library books by friday", "return library books", FRI,
         None, []),
        ("add take out recycling tmrw, high, home", "take out recycling", TUE, "high", ["home"]),
        ("put in list: bring the car to wash, saturday", "bring the car to wash", SAT, None, []),
        ("Please add: Prepare Q3 budget review. Due the 25th, high priority, tag finance.",
         "Prepare Q3 budget review", date(2026, 12, 25), "high", ["finance"]),
    ],
)  # fmt: skip
def test_one_task_with_no_leftover_words(
    message: str, title: str, due: date | None, priority: str | None, tags: list[str]
):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == ("add", [title])
    d = intent.item_details[0]
    assert (d.due, d.priority, d.tags) == (due, priority, tags)


def test_a_note_said_in_words_is_the_description():
    said = "add a task to buy a gift for dad, and in the notes put that he likes jazz"
    intent = understand(said, TODAY)
    assert intent.items == ["buy a gift for dad"]
    assert intent.details.description == "he likes jazz"


@pytest.mark.parametrize(
    ("message", "explicit"),
    [
        ("please add buy milk", True),
        ("remember to call mom", True),
        ("new task: water the plants", True),
        ("set a reminder to pay rent", True),
        ("pop in dentist friday", True),
        ("got the tickets", False),
        ("taxes hi prio", False),
        ("I need to call the bank", False),  # a task said, not an add asked for
    ],
)
def test_an_explicit_add_is_told_from_a_statement(message: str, explicit: bool):
    assert says_add(message) is explicit
