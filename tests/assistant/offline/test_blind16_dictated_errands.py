"""A dictated run-on of errands done (blind-16): "okay so I went to the post office and posted
the parcel to grandma and I also bought stamps while I was there" closes both tasks named ("I
also bought …" is a report; "while I was there" says when, never what). What was left undone
("… but forgot to buy stamps") is never closed."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

ERRANDS = [
    {"title": "Pick up dry cleaning"},
    {"title": "Buy stamps"},
    {"title": "Post the parcel to Grandma"},
]


def done(t) -> set:
    return {k for k, v in by_title(t.after).items() if v["completed"]}


@pytest.mark.parametrize(
    ("message", "want"),
    [
        (
            "okay so I went to the post office and posted the parcel to grandma and I also bought "
            "stamps while I was there",
            {"post the parcel to grandma", "buy stamps"},
        ),
        (
            "so I went into town and picked up the dry cleaning and I also bought stamps "
            "while I was there",
            {"pick up dry cleaning", "buy stamps"},
        ),
        ("I also bought stamps", {"buy stamps"}),
        ("I also bought stamps while I was in town", {"buy stamps"}),
        ("bought stamps while I was there", {"buy stamps"}),
        ("we also bought stamps when we were out", {"buy stamps"}),
        (
            "posted the parcel to grandma and I also picked up the dry cleaning",
            {"post the parcel to grandma", "pick up dry cleaning"},
        ),
        ("I just also bought stamps", {"buy stamps"}),
    ],
)
async def test_each_errand_told_is_closed(app: FastAPI, message: str, want: set):
    t = await converse(app, ERRANDS, [message], {x["title"] for x in ERRANDS})
    assert t.problems == [], t.problems
    assert done(t) == want, t.replies


@pytest.mark.parametrize(
    ("message", "want"),
    [
        ("I went to the post office but forgot to buy stamps", set()),
        ("I went to the post office but I didn't buy stamps", set()),
        (
            "I went to the post office and posted the parcel to grandma but I didn't buy stamps",
            {"post the parcel to grandma"},
        ),
        ("went to the post office", set()),
        ("I also need to buy stamps", set()),
        ("did I buy stamps?", set()),
    ],
)
async def test_what_was_not_done_stays_open(app: FastAPI, message: str, want: set):
    t = await converse(app, ERRANDS, [message], {"Post the parcel to Grandma", "Buy stamps"})
    assert t.problems == [], t.problems
    assert done(t) == want, t.replies
