"""A name's spelling put right, through the real app (blind-13): "it's Cathy with a C, not
Kathy - can you fix the email task", and in the next turn "oops it's Steven with a v". Only the
task with the wrong name changes, and only that word of its title; when two tasks could be
meant, or none has the name, we ask and nothing changes."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse
from tests.assistant.offline.test_multi import _check
from tests.assistant.offline.test_told_changes import _start

KATHY = [{"title": "Email Kathy about the invoice", "due": "+1"}, {"title": "Pay the phone bill"}]
SAID_WITH_THE_TASK = [
    # blind-13
    (KATHY, "it's Cathy with a C, not Kathy - can you fix the email task",
     "Email Cathy about the invoice"),
    # invented: the letter said, the wrong name after "not", then which task to fix
    (KATHY, "it's Cathy with a C not Kathy, please fix the email task",
     "Email Cathy about the invoice"),
    (KATHY, "it is Cathy with a c, not Kathy - could you correct the invoice task",
     "Email Cathy about the invoice"),
    (KATHY, "Cathy with a C, not Kathy - fix the email one", "Email Cathy about the invoice"),
    ([{"title": "Call Jon about the lease"}, {"title": "Buy milk"}],
     "it's John with an h, not Jon - please fix the lease task", "Call John about the lease"),
    ([{"title": "Send Katrin the photos"}, {"title": "Print the photos"}],
     "it's Kathrin with an h, not Katrin, can you fix the photos task", "Send Kathrin the photos"),
    ([{"title": "Book a table for Micheal's birthday"}, {"title": "Buy a card"}],
     "it's Michael, not Micheal - fix the birthday task", "Book a table for Michael's birthday"),
    ([{"title": "Invite Ana to the party"}, {"title": "Order the cake"}],
     "it's Anna with two n's, not Ana, can you update the party task", "Invite Anna to the party"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message", "title"), SAID_WITH_THE_TASK)
async def test_a_name_put_right_in_the_task_named(
    app: FastAPI, start: list[dict[str, Any]], message: str, title: str
):
    want: dict[str, dict[str, Any]] = {t["title"]: {} for t in start[1:]}
    want[title] = {"due": start[0]["due"]} if "due" in start[0] else {}
    await _check(app, _start(start), [message], want)


NEXT_TURN = [
    # blind-13
    (["remind me to text Stephen about the BBQ", "oops it's Steven with a v"],
     "Text Steven about the BBQ"),
    # invented: the task just added, its name spelt out with a letter in the next message
    (["remind me to text Stephen about the BBQ", "it's Steven with a v"],
     "Text Steven about the BBQ"),
    (["add call Katrin", "sorry, it's Kathrin with an h"], "Call Kathrin"),
    (["add email Jon about the lease", "oh it's John with an h"], "Email John about the lease"),
    (["remind me to call Ana", "oops it's Anna with two n's"], "Call Anna"),
    (["add send the photos to Mateo", "its Matteo with a double t"], "Send the photos to Matteo"),
    (["add text Stephen about the BBQ", "it's Steven with a v, not Stephen"],
     "Text Steven about the BBQ"),
    (["add dinner with Katy", "oops, it's Katie with an ie"], "Dinner with Katie"),
]  # fmt: skip


async def _renamed_after_add(
    app: FastAPI, start: list[dict[str, Any]], turns: list[str], title: str
) -> None:
    """The task the first turn adds (any title) is the one the next turn renames to ``title``;
    the tasks at the start stay as they were."""
    t = await converse(app, start, turns[:1], {"*"})
    added = {x["title"] for x in t.after} - {s["title"] for s in start}
    assert len(added) == 1, t.replies
    t = await converse(app, start, turns, {*added, title})
    assert t.problems == [], t.replies
    want = sorted([title.lower(), *(s["title"].lower() for s in start)])
    assert sorted(by_title(t.after)) == want, t.replies


@pytest.mark.asyncio
@pytest.mark.parametrize(("turns", "title"), NEXT_TURN)
async def test_a_name_spelt_out_in_the_next_turn(app: FastAPI, turns: list[str], title: str):
    await _renamed_after_add(app, [], turns, title)


# Safety: two tasks with the wrong name, only one named by the request: only that one changes.
@pytest.mark.asyncio
async def test_only_the_named_task_with_the_name_changes(app: FastAPI):
    start = [{"title": "Email Kathy about the invoice"}, {"title": "Call Kathy about dinner"}]
    await _check(app, start, ["it's Cathy with a C, not Kathy - can you fix the email task"],
                 {"Email Cathy about the invoice": {}, "Call Kathy about dinner": {}})  # fmt: skip


# Safety: the request fits two tasks: we ask, nothing changes.
@pytest.mark.asyncio
async def test_two_tasks_the_request_could_mean_ask(app: FastAPI):
    start = [{"title": "Email Kathy about the invoice"}, {"title": "Email Kathy the photos"}]
    t = await converse(app, start, ["it's Cathy with a C, not Kathy - can you fix the email task"],
                       set())  # fmt: skip
    assert t.problems == [] and "which" in t.replies[-1].lower(), t.replies
    assert sorted(by_title(t.after)) == sorted(s["title"].lower() for s in start)


NOTHING_TO_FIX = [
    # no task in view to put right: the name alone says no task
    (KATHY, "it's Steven with a v"),
    # no task has the wrong name
    (KATHY, "it's Steven with a v, not Stephen"),
    ([{"title": "Text Sam about the BBQ"}], "oops it's Steven with a v"),
    # a task in view, but no word of it like the name
    ([{"title": "Email Kathy about the invoice"}],
     "it's Cathy with a C, not Kathy - fix the phone task"),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "message"), NOTHING_TO_FIX)
async def test_a_name_no_task_has_changes_nothing(
    app: FastAPI, start: list[dict[str, Any]], message: str
):
    t = await converse(app, _start(start), [message], set())
    assert t.problems == [], t.replies
    assert sorted(by_title(t.after)) == sorted(s["title"].lower() for s in start), t.replies


# A name spelt out after a task was added only renames that task, never an older one.
@pytest.mark.asyncio
async def test_the_name_fix_in_the_next_turn_leaves_older_tasks(app: FastAPI):
    start = [{"title": "Call Stephen about the car"}]
    turns = ["add text Stephen about the BBQ", "oops it's Steven with a v"]
    await _renamed_after_add(app, start, turns, "Text Steven about the BBQ")
