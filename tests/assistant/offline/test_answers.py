"""Questions get answers (yes or no, a count), in grammatical English; nothing changes."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import converse

pytestmark = pytest.mark.asyncio

START = [{"title": "Write report", "completed": True}, {"title": "Pay rent", "due_date": None}]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("did I finish the report?", "Yes, 'Write report' is done."),
        ("have I paid the rent yet?", "Not yet: 'Pay rent' is still open."),
        ("is the rent on my list?", "Yes, 'Pay rent' is on your list."),
        ("did I do the taxes?", "No, I can't find a task about 'taxes'."),
        ("how many open tasks do I have?", "You have 1 open task."),
        ("how many have I completed?", "You have 1 completed task."),
    ],
)
async def test_a_question_gets_an_answer(app: FastAPI, question: str, answer: str):
    t = await converse(app, START, [question], set())
    assert t.problems == []
    assert t.replies == [answer]


async def test_one_task_listed_reads_as_one(app: FastAPI):
    t = await converse(app, START, ["show my open tasks"], set())
    assert t.replies[0].startswith("Here is your 1 open task:\n1. Pay rent")
