"""The two wrong changes of blind-19's and blind-20's first runs.

- "Change 'pay the electric' to tomorrow and low priority" set "Pay the phone bill" to low
  priority: the day was left in the words naming the task ("pay the electric to tomorrow
  and"), and those scored higher against the phone bill. Now the day is a change too, and a
  task that lacks a naming word said ("electric") which another task has is never the match.
- "mark call mike done" … "no wait, I meant the other one, Mikaela. Mike isn't done" renamed
  "Call Mike" to "Other one, Mikaela. Mike is not done". Now the other task, named, is the one
  done, and "the other one" is never a new title."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from backend.assistant.offline.matching import candidates
from tests.assistant.offline.safety import TESTS_DAY, by_title, converse

TODAY, TOMORROW = str(TESTS_DAY), str(TESTS_DAY + timedelta(days=1))
BILLS = [
    {"title": "Pay the electricity bill", "due_date": TODAY, "priority": "high"},
    {"title": "Pay the phone bill", "due_date": TODAY, "priority": "high"},
]


@pytest.mark.parametrize(
    ("message", "changed"),
    [
        (
            "Change 'pay the electric' to tomorrow and low priority, please.",
            "pay the electricity bill",
        ),
        ("change pay the electric to tomorrow and low priority", "pay the electricity bill"),
        ("change the electric bill to tomorrow, low priority", "pay the electricity bill"),
        ("change the phone bill to tomorrow and low priority", "pay the phone bill"),
    ],
)
@pytest.mark.asyncio
async def test_a_day_and_a_priority_change_the_task_named(app: FastAPI, message, changed):
    t = await converse(app, BILLS, [message], {changed})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert (after[changed]["due_date"], after[changed]["priority"]) == (TOMORROW, "low")
    (other,) = [k for k in after if k != changed]
    assert (after[other]["due_date"], after[other]["priority"]) == (TODAY, "high"), t.replies


@pytest.mark.parametrize(
    "message",
    [
        "move the dentist to tomorrow and high priority",
        "change the dentist to tomorrow and low priority",
        "change the dentist to tomorrow, low priority",
    ],
)
def test_the_day_is_no_part_of_the_name(message: str):
    said = understand(message, TESTS_DAY, True)
    assert said.items == ["dentist"] and said.details.due is not None, said


TASKS = [{"id": 1, "title": "Pay the electricity bill"}, {"id": 2, "title": "Pay the phone bill"}]


@pytest.mark.parametrize(
    ("words", "titles"),
    [
        ("pay the electric to tomorrow", []),  # not sure: never the phone bill
        ("pay the electric", ["Pay the electricity bill"]),
        ("pay the phone", ["Pay the phone bill"]),
        ("pay the bill", ["Pay the electricity bill", "Pay the phone bill"]),
        # only the act shared: the nanny is neither (it changed the electricity bill while
        # this was being fixed, once the day no longer lowered the score)
        ("pay the nanny", []),
    ],
)
def test_a_task_without_a_word_another_has_is_never_the_match(words: str, titles: list[str]):
    assert [t["title"] for t in candidates(words, TASKS)] == titles


CALLS = [{"title": "Call Mike"}, {"title": "Call Mikaela"}, {"title": "Call Maria"}]


@pytest.mark.parametrize(
    ("second", "done"),
    [
        ("no wait, I meant the other one, Mikaela. Mike isn't done", "call mikaela"),
        ("sorry, I meant the other one - Maria", "call maria"),
        ("oops the other one: Mikaela", "call mikaela"),
    ],
)
@pytest.mark.asyncio
async def test_the_other_one_named_is_the_one_done(app: FastAPI, second: str, done: str):
    t = await converse(app, CALLS, ["mark call mike done", second], {"Call Mike", done})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert set(after) == {"call mike", "call mikaela", "call maria"}, t.replies  # no rename
    assert [k for k, v in after.items() if v["completed"]] == [done], t.replies


@pytest.mark.asyncio
async def test_the_other_one_is_never_a_new_title(app: FastAPI):
    t = await converse(app, CALLS, ["add call tom", "no wait, I meant the other one, Zed"], set())
    assert sorted(by_title(t.after)) == ["call maria", "call mikaela", "call mike", "call tom"]


@pytest.mark.asyncio
async def test_the_other_one_too_completes_both(app: FastAPI):
    """blind-4's control: "too" keeps the first task done as well."""
    two = [{"title": "Call the bank"}, {"title": "Call the school"}]
    t = await converse(
        app,
        two,
        ["mark call the bank done", "and the other one too"],
        {"Call the bank", "Call the school"},
    )
    assert t.problems == [], t.problems
    assert all(v["completed"] for v in by_title(t.after).values()), t.replies


@pytest.mark.parametrize(
    ("message", "tags"),
    [
        # blind-21's first run: the tags became pharmacy, no, sorry, as, work
        ("tag the vaccine order as pharmacy, no sorry, as work", ["work"]),
        ("tag the vaccine order as pharmacy, no wait, work", ["work"]),
        ("tag the vaccine order as pharmacy, I mean work", ["work"]),
        ("tag the vaccine order as work and home", ["work", "home"]),  # a list stays a list
    ],
)
def test_a_tag_corrected_is_the_one_said_last(message: str, tags: list[str]):
    said = understand(message, TESTS_DAY, True)
    assert said.items == ["vaccine order"] and said.details.tags == tags, said


@pytest.mark.asyncio
async def test_a_move_and_a_corrected_tag_change_each_task_once(app: FastAPI):
    start = [{"title": "Set up flu shot clinic"}, {"title": "Order flu vaccine stock"}]
    message = (
        "move the flu clinic setup to the 15th and tag the vaccine order as pharmacy, no sorry, "
        "as work"
    )
    t = await converse(app, start, [message], {"Set up flu shot clinic", "Order flu vaccine stock"})
    assert t.problems == [], t.problems
    assert by_title(t.after)["order flu vaccine stock"]["tags"] == ["work"], t.replies
