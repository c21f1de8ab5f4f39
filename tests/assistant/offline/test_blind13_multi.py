"""Several requests in one message, from blind-13: a change, a spaced dash, then a question
("mark the essay done - how many are left?") does the change and answers after it; a learner's
"I have pay the water bill already" reports the task done; a story of things done, then "mark
both of those done", completes each thing the story named (and only when their number fits)."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import by_title, converse
from tests.assistant.offline.test_adds import TODAY
from tests.assistant.offline.test_multi import _check


@pytest.mark.parametrize(
    "message",
    [
        "mark the essay done - how many are left?",  # blind-13
        "mark the essay done \u2013 how many are left?",
        "tick off the essay \u2014 how many do I have left?",
        "essay is done - what's left?",
        "done with the essay - how many tasks are still open?",
        "mark the essay as finished - what else is there?",
        "cross off the essay - what's left for today?",
        "the essay is finished - how many remaining?",
        "mark the essay done - and how many are left?",
        "I finished the essay - how many are left",
    ],
)
def test_a_change_a_dash_then_a_question_is_two_requests(message: str) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "complete" and [i.kind for i in intent.then] == ["list"], intent


@pytest.mark.parametrize(
    ("message", "items"),
    [
        ("call mom - urgent", ["call mom"]),  # a dash before a detail joins nothing
        ("add dentist - tomorrow at 5", ["dentist"]),
    ],
)
def test_a_dash_before_a_detail_is_one_request(message: str, items: list[str]) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.then) == ("add", items, [])


@pytest.mark.asyncio
async def test_the_count_after_a_completion_is_of_the_list_after_it(app: FastAPI) -> None:
    start = [{"title": "Write the essay"}, {"title": "Read chapter 5"},
             {"title": "Do maths worksheet"},
             {"title": "Buy a calculator", "completed": True}]  # fmt: skip
    said = ["mark the essay done - how many are left?"]
    t = await converse(app, start, said, {"Write the essay"})
    assert t.problems == []
    after = by_title(t.after)
    assert after["write the essay"]["completed"] is True
    assert after["read chapter 5"]["completed"] is False
    assert "2" in t.replies[-1], t.replies


@pytest.mark.parametrize(
    ("message", "items"),
    [
        ("I have pay the water bill already", ["pay water bill"]),  # blind-13
        ("we have buy the milk already", ["buy milk"]),
        ("I have call the bank already", ["call bank"]),
        ("I have send the invoice already", ["send invoice"]),
        ("I already have pay the rent", ["pay rent"]),
        ("I have already pay the rent", ["pay rent"]),
        ("I have return the library books already", ["return library books"]),
        ("I have book the dentist already.", ["book dentist"]),
        ("I have clean the kitchen already!", ["clean kitchen"]),
        ("I have renew the passport already", ["renew passport"]),
    ],
)
def test_a_learners_perfect_with_already_reports_the_task_done(
    message: str, items: list[str]
) -> None:
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == ("complete", items)


@pytest.mark.parametrize(
    "message",
    [
        "I have a dentist appointment already",  # a thing had, no act
        "I have call mom tomorrow",  # no "already": a learner's "I have to"
        "I have to pay the water bill",
        "I have pay the water bill",
        "I have lots of work already",  # no verb with an object: "already" stays a pleasantry
        "I have two tasks already",
        "I have homework already",
    ],
)
def test_have_without_already_or_without_a_verb_completes_nothing(message: str) -> None:
    intent = understand(message, TODAY)
    assert intent.kind != "complete"
    assert not any("already" in item for item in intent.items)


@pytest.mark.parametrize(
    ("message", "then"),
    [
        (
            "I have pay the water bill already. Also please add: call the electrician, is urgent.",
            "add",
        ),  # blind-13
        ("I have book the dentist already, and add: buy stamps", "add"),
        ("I have pay the rent already, please add: buy bread", "add"),
    ],
)
def test_a_learners_report_then_an_add_is_two_requests(message: str, then: str) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "complete" and [i.kind for i in intent.then] == [then]


@pytest.mark.asyncio
async def test_a_learners_report_and_an_urgent_add(app: FastAPI) -> None:
    await _check(
        app,
        [{"title": "Pay the water bill"}],
        ["I have pay the water bill already. Also please add: call the electrician, is urgent."],
        {"Pay the water bill": {"completed": True},
         "Call the electrician": {"priority": "high", "completed": False}},
    )  # fmt: skip


STORY_THEN_BOTH = [
    # (the story and request, the two things the story names as tasks' words)
    "okay I finished the slides and I sent them to Lena so mark both of those done",  # blind-13
    "I finished the slides and I sent them to Lena so mark both of those done",
    "I finished the slides and sent them to Lena, mark both done",
    "so I finished the slides and then I sent them to Lena, mark both of them done",
    "finished the slides and sent them to Lena so tick both off",
]


@pytest.mark.parametrize("message", STORY_THEN_BOTH)
@pytest.mark.asyncio
async def test_a_story_of_two_acts_then_both_done_completes_each(
    app: FastAPI, message: str
) -> None:
    await _check(
        app,
        [{"title": "Finish the slides"}, {"title": "Send slides to Lena"},
         {"title": "Print handouts"}],
        [message],
        {"Finish the slides": {"completed": True}, "Send slides to Lena": {"completed": True},
         "Print handouts": {"completed": False}},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("message", "first", "second"),
    [
        ("so I paid the rent and I emailed the landlord, mark both of them done", "pay rent",
         "email landlord"),
        ("I called the plumber and I paid the electrician so tick both off", "call plumber",
         "pay electrician"),
        ("I booked the flights and I paid the hotel, so mark them done", "book flights",
         "pay hotel"),
        ("I fed the cat and I walked the dog so mark both of those as done please", "feed cat",
         "walk dog"),
        ("we cleaned the garage and we fixed the shelf so mark both done", "clean garage",
         "fix shelf"),
        ("I printed the handouts and I sent them to Tom so mark both of those done",
         "print handouts", "send handouts to Tom"),
        ("I washed the car and I vacuumed it so mark both done", "wash car", "vacuum car"),
    ],
)  # fmt: skip
def test_a_story_of_acts_then_both_names_each(message: str, first: str, second: str) -> None:
    intent = understand(message, TODAY)
    read = [(i.kind, i.items[0]) for i in (intent, *intent.then)]
    assert read == [("complete", first), ("complete", second)], read


@pytest.mark.parametrize(
    ("message", "named"),
    [
        # one thing told, "both" asked: never a second task
        ("I finished the slides so mark both of those done", {"Finish the slides"}),
        ("the meeting went long and Lena is annoyed so mark both of those done", set()),
        ("mark both of those done", set()),
        # three things told, "both" asked: the count does not fit
        ("I paid the rent, I called the bank and I emailed Sara, mark both done",
         {"Pay the rent", "Call the bank", "Email Sara"}),
    ],
)  # fmt: skip
@pytest.mark.asyncio
async def test_both_with_a_story_that_does_not_fit_changes_no_other_task(
    app: FastAPI, message: str, named: set[str]
) -> None:
    start: list[dict[str, Any]] = [{"title": "Finish the slides"}, {"title": "Pay the rent"},
                                   {"title": "Call the bank"}, {"title": "Email Sara"},
                                   {"title": "Print handouts"}]  # fmt: skip
    t = await converse(app, start, [message], named)
    assert t.problems == []
    assert by_title(t.after)["print handouts"]["completed"] is False
