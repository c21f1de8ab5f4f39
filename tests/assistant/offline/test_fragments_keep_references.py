"""A change to "it" or "them" stays a change to the tasks referred to, even though the words name
no task: reading "prob friday" as a fragment for the task just added (upd17) had also caught
"tag it home and set it to saturday" (a junk tag "set") and "move them all to monday" after a
listing (it asked which one). Found by the regression sets blind-5, blind-6, blind-8, blind-11."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio


@pytest.mark.parametrize(
    ("then", "tags"),
    [
        ("tag it home and set it to saturday", ["home"]),
        ("tag it work and make it due friday", ["work"]),
        ("tag it garden and move it to monday", ["garden"]),
    ],
)
async def test_tag_it_and_a_day_adds_only_the_tag_said(app: FastAPI, then: str, tags: list):
    t = await converse(app, [], ["add fix the bike", then], {"Fix the bike"})
    assert t.problems == [], t.problems
    bike = by_title(t.after)["fix the bike"]
    assert bike["tags"] == tags and bike["due_date"] is not None, t.replies


WORK = [
    {"title": "Review pull requests", "tags": ["work"]},
    {"title": "Write the onboarding doc", "tags": ["work"]},
    {"title": "Hang the pictures", "tags": ["home"]},
]


@pytest.mark.parametrize("then", ["move all of them to monday", "move them all to monday"])
async def test_them_after_a_listing_moves_what_it_listed(app: FastAPI, then: str):
    moved = {"Review pull requests", "Write the onboarding doc"}
    t = await converse(app, WORK, ["which tasks are tagged work?", then], moved)
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert all(after[m.lower()]["due_date"] for m in moved), t.replies
    assert after["hang the pictures"]["due_date"] is None, t.replies


async def test_prob_friday_after_an_add_still_dates_it(app: FastAPI):
    t = await converse(app, [], ["add get a flu shot", "prob friday"], {"Get a flu shot"})
    assert t.problems == [], t.problems
    assert len(t.after) == 1, t.after  # no task "prob"
    assert t.after[0]["due_date"] is not None, t.replies
