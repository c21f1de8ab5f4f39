"""Follow-ups from blind-12: "the other one" is the task of a pair shown or changed earlier that
the latest turn left alone; a closing "then" ("ok mark it done then") is no title word."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse
from tests.assistant.offline.test_multi import _check


def _tagged(title: str, *tags: str) -> dict[str, Any]:
    return {"title": title, "tags": list(tags)}


_ALLOTMENT = [_tagged("Order seeds for the allotment", "allotment"),
              _tagged("Order compost for the allotment", "allotment"),
              _tagged("Pay the water bill")]  # fmt: skip
_PAIR = [_tagged("Call the bank", "calls"), _tagged("Call the dentist", "calls"),
         _tagged("Buy stamps")]  # fmt: skip

THE_OTHER = [
    # blind-12
    (_ALLOTMENT, ["what's tagged allotment?", "I ordered the seeds already",
                  "make the other one high priority"],
     {"Order seeds for the allotment": {"completed": True},
      "Order compost for the allotment": {"priority": "high", "completed": False}}),
    (_ALLOTMENT, ["what's tagged allotment?", "mark the seeds one done", "and the other one too"],
     {"Order seeds for the allotment": {"completed": True},
      "Order compost for the allotment": {"completed": True}}),
    (_ALLOTMENT, ["show me the allotment tasks", "move the compost one to tomorrow",
                  "tag the other one urgent"],
     {"Order seeds for the allotment": {"tags": ["allotment", "urgent"]},
      "Order compost for the allotment": {"due": "+1"}}),
    (_PAIR, ["what's tagged calls?", "I called the bank", "mark the other one done too"],
     {"Call the bank": {"completed": True}, "Call the dentist": {"completed": True}}),
    (_PAIR, ["show me the calls tasks", "the bank one is high priority",
             "and make the other task due friday"],
     {"Call the bank": {"priority": "high"}, "Call the dentist": {"due": "friday"}}),
    (_PAIR, ["add call the plumber and call the vet", "mark call the plumber done",
             "make the other one due tomorrow"],
     {"Call the plumber": {"completed": True}, "Call the vet": {"due": "+1"}}),
    (_PAIR, ["list everything tagged calls", "delete the bank one", "yes",
             "make the other one high prio"],
     {"Call the dentist": {"priority": "high"}}),
]  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(("start", "turns", "want"), THE_OTHER)
async def test_the_other_one_is_the_one_of_the_pair_left_alone(
    app: FastAPI, start: list[dict[str, Any]], turns: list[str], want: dict[str, dict[str, Any]]
) -> None:
    untouched = {t["title"]: {} for t in start if t["title"] not in want}
    gone = {"Call the bank"} if "yes" in turns else set()
    await _check(app, start, turns, {**want, **{k: v for k, v in untouched.items()
                                               if k not in gone}})  # fmt: skip


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "turns",
    [
        ["make the other one high priority"],  # nothing shown yet
        ["show my tasks", "make the other one high priority"],  # three shown, none touched
        ["mark call the bank done", "make the other one high priority"],  # no pair
    ],
)
async def test_the_other_one_with_no_pair_asks_and_changes_nothing(
    app: FastAPI, turns: list[str]
) -> None:
    t = await converse(app, _PAIR, turns, {"Call the bank"})
    assert t.problems == []
    after = by_title(t.after)
    assert all(task["priority"] == "medium" for task in after.values()), t.replies
    assert "?" in t.replies[-1], t.replies


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "turns",
    [
        ["did I finish the mural sketch?", "ok mark it done then"],  # blind-12
        ["is the mural sketch done?", "mark it done then"],
        ["have I sketched the mural yet?", "okay, tick it off then"],
        ["did I do the mural outline?", "ok then mark it as done then"],
        ["is sketch the mural outline still open?", "right, complete it in that case"],
    ],
)
async def test_a_closing_then_is_no_title_word(app: FastAPI, turns: list[str]) -> None:
    start = [{"title": "Sketch the mural outline"}, {"title": "Prime the wall"}]
    await _check(app, start, turns, {"Sketch the mural outline": {"completed": True},
                                     "Prime the wall": {"completed": False}})  # fmt: skip
