"""Statements about existing tasks, read with the tasks in view (``statements.py``), and the
references across turns and several requests per message that go with them. Each rule has a
case that failed before it: the words alone, then whole conversations through the real app."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from fastapi import FastAPI

from backend.assistant.offline import statements
from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import TESTS_DAY, by_title, converse

TODAY = date(2026, 11, 30)  # a Monday


def _tasks(*titles: str) -> list[dict[str, Any]]:
    return [{"id": i, "title": t, "completed": False} for i, t in enumerate(titles, start=1)]


@pytest.mark.parametrize(
    ("message", "titles", "meant"),
    [
        ("just got back from the barber, hair looks great", ("Get a haircut", "Buy shampoo"),
         "Get a haircut"),  # a related word
        ("the car's been washed", ("Wash the car", "Wash the dog"), "Wash the car"),  # a stem
        ("gave Mark his drill back", ("Return the drill to Mark", "Buy screws"),
         "Return the drill to Mark"),
        ("turns out the dishwasher still isn't fixed", ("Fix the dishwasher", "Fix the doorbell"),
         "Fix the dishwasher"),
    ],
)  # fmt: skip
def test_the_words_of_a_statement_name_one_task(message: str, titles: tuple[str, ...], meant: str):
    assert [t["title"] for t in statements.referred(message, _tasks(*titles))] == [meant]


def test_a_word_shared_by_two_tasks_names_both_so_we_ask():
    tasks = _tasks("Write the report", "Print the report")
    assert len(statements.referred("the report is finally done", tasks)) == 2


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("I met John at the bank", "Call the bank"),  # a past verb, but not the task's
        ("the bank was closed", "Call the bank"),
    ],
)
def test_a_past_verb_about_one_word_of_a_task_is_no_completion(message: str, title: str):
    task = _tasks(title)[0]
    assert not statements.completes(message, task)


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("the dishwasher is broken again", "reopen"),
        ("rent not paid after all", "reopen"),
        ("I still have to return the books", "reopen"),
        ("I have finish already the call to the bank, you can close it", "complete"),
        ("gave Mark his drill back", "complete"),
        ("buy milk, not urgent", None),  # "not" denies no completion
        ("I don't need to call mom anymore", None),  # dropping a task is no change of state
    ],
)
def test_the_cue_of_a_statement(message: str, kind: str | None):
    assert statements.cue(message) == kind


def test_thinking_aloud_adds_nothing():
    message = "I'm thinking about maybe cancelling the gym thing at some point, not sure yet"
    assert understand(message, TODAY).kind == "help"
    assert understand("add maybe call the gym", TODAY).kind == "add"  # a command still adds


@pytest.mark.parametrize(
    ("message", "kinds", "items"),
    [
        ("the first one is for tomorrow", ["update"], [["first one"]]),
        ("oops, I marked Call Jon done but I meant Call John", ["reopen", "complete"],
         [["Call Jon"], ["Call John"]]),
        ("wait, it's not done actually, the dryer broke", ["reopen"], [["it"]]),
        ("finished writing the Q3 report", ["complete"], [["write Q3 report"]]),
        ("what's due today? also the milk is bought", ["list", "complete"], [[], ["buy milk"]]),
        ("finished the laundry and the dishes, now add vacuum the living room",
         ["complete", "add"], [["laundry and the dishes"], ["vacuum the living room"]]),
        ("the task of pay the rent, I mark it done by mistake, please make it not done again",
         ["reopen"], [["it"]]),
    ],
)  # fmt: skip
def test_references_and_several_requests(message: str, kinds: list[str], items: list[list[str]]):
    intent = understand(message, TODAY)
    read = [intent, *intent.then]
    assert [i.kind for i in read] == kinds
    assert [[w.replace("the ", "") for w in i.items] for i in read] == [
        [w.replace("the ", "") for w in x] for x in items
    ]


def test_a_completion_today_is_not_a_filter():
    intent = understand("I finished all my work tasks today 🎉", TODAY)
    assert intent.everything and intent.filter.word_tag == "work"
    assert intent.filter.due is None


TOMORROW = str(TESTS_DAY + timedelta(days=1))
LATER = str(TESTS_DAY + timedelta(days=3))


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("start", "turns", "may_change", "want"),
    [
        ([{"title": "Get a haircut"}, {"title": "Buy shampoo"}],
         ["just got back from the barber, hair looks great"], {"Get a haircut"},
         {"Get a haircut": True, "Buy shampoo": False}),
        ([{"title": "Wash the car"}, {"title": "Wash the dog"}], ["the car's been washed"],
         {"Wash the car"}, {"Wash the car": True, "Wash the dog": False}),
        ([{"title": "Fix the dishwasher", "completed": True}, {"title": "Fix the doorbell",
          "completed": True}], ["the dishwasher is broken again"], {"Fix the dishwasher"},
         {"Fix the dishwasher": False, "Fix the doorbell": True}),
        ([{"title": "Call mom"}, {"title": "Call mom's doctor"}],
         ["mark call mom done", "no sorry, the other one"], {"Call mom", "Call mom's doctor"},
         {"Call mom": False, "Call mom's doctor": True}),
        ([{"title": "Call the bank"}, {"title": "Call the school"}],
         ["mark call the bank done", "and the other one too"], {"Call the bank", "Call the school"},
         {"Call the bank": True, "Call the school": True}),
        ([{"title": "Return library books", "due_date": TOMORROW},
          {"title": "Pay water bill", "due_date": LATER}],
         ["mark the one due tomorrow as done"], {"Return library books"},
         {"Return library books": True, "Pay water bill": False}),
        ([{"title": "Renew passport"}, {"title": "Renew driving licence"},
          {"title": "Renew gym membership"}],
         ["I've renewed both my passport and my driving licence, so mark those two as complete"],
         {"Renew passport", "Renew driving licence"},
         {"Renew passport": True, "Renew driving licence": True, "Renew gym membership": False}),
        # nothing named: nothing changes, and "them" afterwards is not every task looked up
        ([{"title": "Call the bank"}, {"title": "Pay rent"}],
         ["I met John at the bank", "mark them done"], set(),
         {"Call the bank": False, "Pay rent": False}),
        ([{"title": "Renew gym membership"}, {"title": "Buy running shoes"}],
         ["I'm thinking about maybe cancelling the gym thing at some point, not sure yet"], set(),
         {"Renew gym membership": False, "Buy running shoes": False}),
    ],
)  # fmt: skip
async def test_statements_change_the_task_they_name(
    app: FastAPI,
    start: list[dict[str, Any]],
    turns: list[str],
    may_change: set[str],
    want: dict[str, bool],
):
    t = await converse(app, start, turns, may_change)
    assert t.problems == []
    after = by_title(t.after)
    assert {title: after[title.lower()]["completed"] for title in want} == want
    assert len(t.after) == len(start)  # no junk task


@pytest.mark.asyncio
async def test_two_updates_of_two_tasks_in_one_message(app: FastAPI):
    start = [{"title": "Go to the gym"}, {"title": "File tax return", "priority": "low"}]
    message = "move the gym to friday and make the tax thing high priority"
    t = await converse(app, start, [message], {"Go to the gym", "File tax return"})
    assert t.problems == []
    after = by_title(t.after)
    assert after["file tax return"]["priority"] == "high"
    assert after["go to the gym"]["due_date"] is not None
    assert after["go to the gym"]["priority"] == "medium"


@pytest.mark.asyncio
async def test_bare_titles_naming_open_tasks_update_them(app: FastAPI):
    start = [{"title": "Do taxes"}, {"title": "Sort photos"}, {"title": "Walk the dog"}]
    t = await converse(app, start, ["taxes hi prio, photos low pls"], {"Do taxes", "Sort photos"})
    assert t.problems == []
    after = by_title(t.after)
    assert [after[k]["priority"] for k in ("do taxes", "sort photos", "walk the dog")] == [
        "high",
        "low",
        "medium",
    ]
    assert len(t.after) == 3


@pytest.mark.parametrize(
    ("message", "title"),
    [("bathroom's clean!", "Clean the bathroom"), ("bins are out", "Put the bins out")],
)
def test_a_state_the_task_leads_to_completes_it(message: str, title: str):
    task = _tasks(title)[0]
    assert statements.kind_of(message) == "complete"
    assert statements.referred(message, [task]) == [task]
    assert statements.completes(message, task)
    assert not statements.completes("the bank is closed", _tasks("Call the bank")[0])


@pytest.mark.parametrize(
    "message", ["sorry, is mistake, please go back like before", "wait no ctrl+z that lol"]
)
def test_more_ways_to_undo(message: str):
    assert understand(message, TODAY).kind == "undo"


@pytest.mark.parametrize(
    ("message", "kinds"),
    [
        ("the dentist thing is now on monday", ["update"]),
        ("pay rent should be on the 1st", ["update"]),
        # a part of a run-on may itself be two statements
        ("cross off buy milk and also the dentist thing is now on monday and can you add "
         "pick up dry cleaning tomorrow", ["complete", "update", "add"]),
    ],
)  # fmt: skip
def test_a_title_ending_in_a_verb_of_being_is_a_change(message: str, kinds: list[str]):
    intent = understand(message, TODAY)
    assert [i.kind for i in [intent, *intent.then]] == kinds


@pytest.mark.asyncio
async def test_a_task_to_do_with_a_past_verb_inside_is_still_added(app: FastAPI):
    start = [{"title": "Pick up the dry cleaning"}]
    message = "pick up the dry cleaning I dropped off friday"
    # Added, or the named task re-dated (the rules read a name with a day): never completed.
    referred = {"Pick up the dry cleaning I dropped off", "Pick up the dry cleaning"}
    t = await converse(app, start, [message], referred)
    assert t.problems == []
    assert not by_title(t.after)["pick up the dry cleaning"]["completed"]


@pytest.mark.asyncio
async def test_them_after_a_count_is_the_counted_tasks(app: FastAPI):
    start = [{"title": "Buy milk"}, {"title": "Pay rent"}]
    t = await converse(app, start, ["how many tasks do I have?", "mark them done"],
                       {"Buy milk", "Pay rent"})  # fmt: skip
    assert t.problems == []
    assert all(task["completed"] for task in t.after)
