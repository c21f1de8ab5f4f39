"""What the user says they did. "spoke to grandma, she says hi" is news of "Call grandma" (a call
is done by talking; blind-17 did not read it), while talking is no news of "Visit the landlord"
or "Pay the plumber". "I talked with the plumber today" told with a day added a task "I talked
with the plumber"; a thing done, told, is never a task to add. "I forgot to call mom today"
is a task, "Call mom", not "I forgot to call mom"."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import TESTS_DAY, by_title, converse

GRANDMA = [{"title": "Call grandma", "due_date": str(TESTS_DAY)}, {"title": "Call the garage"}]


@pytest.mark.parametrize(
    "message",
    ["spoke to grandma, she says hi 😊", "talked to grandma", "just spoke with grandma"],
)
@pytest.mark.asyncio
async def test_talking_to_someone_is_news_of_calling_them(app: FastAPI, message: str):
    t = await converse(app, GRANDMA, [message], {"Call grandma"})
    assert t.problems == [], t.problems
    done = {k: v["completed"] for k, v in by_title(t.after).items()}
    assert done == {"call grandma": True, "call the garage": False}, t.replies


@pytest.mark.parametrize(
    ("start", "message"),
    [
        ([{"title": "Visit the landlord"}], "talked to the landlord on the phone"),
        ([{"title": "Pay the plumber"}], "I talked with the plumber today"),
        ([{"title": "Pay the plumber"}], "spoke to the plumber this morning"),
    ],
)
@pytest.mark.asyncio
async def test_talking_is_no_news_of_another_act(app: FastAPI, start, message: str):
    t = await converse(app, start, [message], set())
    assert t.problems == [], t.problems
    assert [(x["title"], x["completed"]) for x in t.after] == [
        (x["title"], False) for x in start
    ], t.replies


@pytest.mark.parametrize(
    "message",
    [
        "I talked with the plumber today",
        "we visited the new flat on friday",
        "I just finished the slides tonight",
    ],
)
def test_a_thing_done_told_with_a_day_is_no_task(message: str):
    assert understand(message, TESTS_DAY, True).kind != "add"


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("I forgot to call mom today", "call mom"),
        ("I want to repaint the fence on saturday", "repaint the fence"),
        ("I need to call mom today", "call mom"),  # as before
    ],
)
def test_a_verb_of_intent_before_to_says_a_task(message: str, title: str):
    said = understand(message, TESTS_DAY, True)
    assert said.kind == "add" and said.items == [title], said


PARCELS = [
    {"title": "Return the library books", "due_date": str(TESTS_DAY)},
    {"title": "Return the Amazon parcel", "due_date": str(TESTS_DAY)},
    {"title": "Buy a jacket"},
]


@pytest.mark.parametrize(
    ("message", "done"),
    [
        ("...and the amazon parcel's gone back too", "return the amazon parcel"),  # blind-17
        ("the amazon parcel went back today", "return the amazon parcel"),
        ("the library books have gone back", "return the library books"),
        ("the jacket went back to the shop", None),  # a jacket to buy is no jacket returned
    ],
)
@pytest.mark.asyncio
async def test_gone_back_is_news_of_returning_it(app: FastAPI, message: str, done: str | None):
    t = await converse(app, PARCELS, [message], {done} if done else set())
    assert t.problems == [], t.problems
    assert [k for k, v in by_title(t.after).items() if v["completed"]] == ([done] if done else [])


@pytest.mark.asyncio
async def test_talking_to_someone_in_a_story_changes_only_what_it_asks(app: FastAPI):
    """Why 99582e9 dropped "talked to X" as a call (blind-15): a story that starts "So I talked
    to my manager" asks for a change to the budget review, nothing else. Now talking is news of
    a call only when a statement names a call task ("Call grandma"); this story names none."""
    start = [{"title": "Budget review"}, {"title": "Team offsite planning"}]
    message = (
        "So I talked to my manager and it turns out the budget review isn't due on Friday like "
        "we thought, it's actually been moved up to tomorrow, and honestly it's now the most "
        "important thing on my plate, so could you update that? Thanks."
    )
    t = await converse(app, start, [message], {"Budget review"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["budget review"]["priority"] == "high", t.replies
    assert not any(v["completed"] for v in after.values()), t.replies
