"""No junk tasks made of story words or leftovers, and titles that start at the action
(blind-9 tuning): a story told before the task ("my landlord texted", "she reminded me that
we have to …") is context, never a task; a hedged time ("at like ten", "around 10ish") is the
time; texting's "2" for "to"; each task of a list keeps its own day; a deadline said after an
add is the new task's; "remove it" after a story means the task the story named."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.test_multi import _check

TODAY = date(2026, 11, 30)  # a Monday
TUE, THU, FRI, SAT = (date(2026, 12, d) for d in (1, 3, 4, 5))

_TODO = pytest.mark.xfail(reason="not handled yet", strict=True)


def adds(message: str) -> list[tuple[str, dict[str, object]]]:
    intent = understand(message, TODAY)
    assert intent.kind == "add", intent
    assert not intent.then, intent.then
    out = []
    for n, title in enumerate(intent.items):
        d = intent.item_details[n] if intent.item_details else intent.details
        said = {"due": d.due, "time": d.time, "priority": d.priority}
        out.append((title.lower(), {k: v for k, v in said.items() if v}))
    return out


# A story before the task, or a condition: context, never a task of its own.
STORIES = [
    ("whenever i get around to it, sort the old photos. low priority",
     [("sort the old photos", {"priority": "low"})]),
    ("ok so my landlord texted and the inspection is on the 9th, I have to clean the oven "
     "before that, like by the 8th", [("clean the oven", {"due": date(2026, 12, 8)})]),
    ("my landlord texted, clean the oven by friday", [("clean the oven", {"due": FRI})]),
    ("the boss emailed, prep the slides tomorrow", [("prep the slides", {"due": TUE})]),
    ("My landlord texted. Clean the oven by friday.", [("clean the oven", {"due": FRI})]),
    ("the school called, I need to bring a packed lunch on friday",
     [("bring a packed lunch", {"due": FRI})]),
    # (a task for whenever is a low one)
    ("whenever you get a chance, water the ferns", [("water the ferns", {"priority": "low"})]),
    ("my brother asked and I have to return his drill by saturday",
     [("return his drill", {"due": SAT})]),
    # a story before "we have to X": the title starts at the action
    ("so I was just talking to my sister and she reminded me that we have to book the cabin for "
     "the family reunion before the 10th otherwise they'll give it away so add that please and "
     "make it high priority",
     [("book the cabin for the family reunion", {"due": date(2026, 12, 10), "priority": "high"})]),
    ("my mum called and said we need to get the car serviced next week, add that",
     [("get the car serviced", {"due": date(2026, 12, 7)})]),
    ("the dentist texted, I need to reschedule the cleaning", [("reschedule the cleaning", {})]),
    ("talked to Omar and he said we should order the tickets before friday",
     [("order the tickets", {"due": FRI})]),
    ("I was on the phone with the bank and they told me I must sign the form by thursday",
     [("sign the form", {"due": THU})]),
    # what is no story stays the task
    ("email fred, call bob", [("email fred", {}), ("call bob", {})]),
    ("buy milk, eggs and bread", [("buy milk", {}), ("buy eggs", {}), ("buy bread", {})]),
]  # fmt: skip

# A hedged time is the time, never words of the title; texting's "2" is "to".
TIMES = [
    ("okay so um remind me to uh call the school about Leo's field trip form tomorrow at like ten "
     "in the morning yeah",
     [("call the school about leo's field trip form", {"due": TUE, "time": "10:00"})]),
    ("call the school at like ten", [("call the school", {"time": "10:00"})]),
    ("call the plumber around 10ish", [("call the plumber", {"time": "10:00"})]),
    ("dentist tmrw at about 3", [("dentist", {"due": TUE, "time": "15:00"})]),
    ("gym around sevenish tonight", [("gym", {"due": TODAY, "time": "19:00"})]),
    ("pick up the kids at roughly 4 pm", [("pick up the kids", {"time": "16:00"})]),
    ("remnd me 2 feed the sourdough starter tnight",
     [("feed the sourdough starter", {"due": TODAY, "time": "20:00"})]),
    ("need 2 call mum tmrw", [("call mum", {"due": TUE})]),
    ("i have 2 pay rent friday", [("pay rent", {"due": FRI})]),
    ("gotta remember 2 pass the parcel to jo", [("pass the parcel to jo", {})]),
    ("buy 2 loaves", [("buy 2 loaves", {})]),
]  # fmt: skip

# Several tasks in one list: each keeps the day said with it.
LISTS = [
    ("add: call Tomás tomorrow, pay the vet bill friday, and renew the fishing licence by the "
     "30th", [("call tomás", {"due": TUE}), ("pay the vet bill", {"due": FRI}),
              ("renew the fishing licence", {"due": TODAY})]),
    ("add call Tom tomorrow, email Sue thursday, text Bob saturday",
     [("call tom", {"due": TUE}), ("email sue", {"due": THU}), ("text bob", {"due": SAT})]),
    ("remind me to water plants friday, buy stamps, post the letter tomorrow",
     [("water plants", {"due": FRI}), ("buy stamps", {}), ("post the letter", {"due": TUE})]),
    ("buy milk, eggs and bread tomorrow",
     [("buy milk", {"due": TUE}), ("buy eggs", {"due": TUE}), ("buy bread", {"due": TUE})]),
]  # fmt: skip

# A deadline said after the add is the new task's, never a change to a task named "the".
DEADLINES = [
    ("Please I want add the task for renew the residence permit, is very important, the "
     "deadline is 30 June 2027",
     [("renew the residence permit", {"due": date(2027, 6, 30), "priority": "high"})]),
    ("I want add task for pay the insurance, is important, the deadline is friday",
     [("pay the insurance", {"due": FRI, "priority": "high"})]),
    # "the deadline is friday" names no task: its day is the task's (adds15)
    ("I want add task for pay the insurance, the deadline is friday",
     [("pay the insurance", {"due": FRI})]),
    ("add renew the residence permit, the deadline is friday",
     [("renew the residence permit", {"due": FRI})]),
]  # fmt: skip


@pytest.mark.parametrize(("message", "want"), STORIES + TIMES + LISTS + DEADLINES)
def test_tasks_start_at_the_action(message: str, want: list[tuple[str, dict[str, object]]]):
    assert adds(message) == want


# Only a story: nothing to add.
@pytest.mark.parametrize(
    "message",
    [
        "ok so my landlord texted and the inspection is on the 9th",
        "my sister called and the party is on saturday",
    ],
)
def test_only_a_story_adds_nothing(message: str):
    assert understand(message, TODAY).kind != "add"


def test_a_thing_the_user_did_is_no_story():
    intent = understand("so I called the plumber and I need to buy a new faucet for sunday", TODAY)
    assert (intent.kind, intent.items) == ("complete", ["call plumber"])
    assert [(i.kind, i.items) for i in intent.then] == [("add", ["buy a new faucet"])]


# "remove it" after a story that names an open task: that task (asked first).
def _open(*titles: str) -> list[dict[str, Any]]:
    return [{"title": t} for t in titles]


DELETES = [
    (_open("Buy a tent", "Buy sleeping bags"),
     ["don't need to buy the tent anymore, Felix is lending me his. remove it", "sure"],
     {"Buy sleeping bags": {}}),
    (_open("Take vitamins", "Take out the trash"),
     ["stop the daily vitamin reminder, delete it", "yes"], {"Take out the trash": {}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "turns", "want"), DELETES)
async def test_remove_it_after_a_story_names_the_task(
    app: FastAPI, start: list[dict[str, Any]], turns: list[str], want: dict[str, dict[str, Any]]
):
    await _check(app, start, turns, want)
