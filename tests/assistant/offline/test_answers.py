"""Questions get answers (yes or no, a count), in grammatical English; nothing changes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import TESTS_DAY, converse

pytestmark = pytest.mark.asyncio

START = [{"title": "Write report", "completed": True}, {"title": "Pay rent", "due_date": None}]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("did I finish the report?", "Yes, 'Write report' is done."),
        ("have I paid the rent yet?", "Not yet: 'Pay rent' is still open."),
        ("is the rent on my list?", "Yes, 'Pay rent' is on your list."),
        ("did I do the taxes?", "No, I can't find a task about 'taxes'."),
        ("how many open tasks do I have?", "You have 1 open task: 'Pay rent'."),
        ("how many have I completed?", "You have 1 completed task: 'Write report'."),
    ],
)
async def test_a_question_gets_an_answer(app: FastAPI, question: str, answer: str):
    t = await converse(app, START, [question], set())
    assert t.problems == []
    assert t.replies == [answer]


async def test_one_task_listed_reads_as_one(app: FastAPI):
    t = await converse(app, START, ["show my open tasks"], set())
    assert t.replies[0].startswith("Here is your 1 open task:\n1. Pay rent")


FIELDS = [
    {"title": "Renew passport", "due_date": "2027-03-17", "priority": "medium"},
    {"title": "Book flights to Lisbon", "description": "aisle seat, gate code 4412"},
    {"title": "Write the report", "priority": "medium"},
]


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # the due date, found by the words' meaning ("renewal" is not in the title)
        ("when is the passport renewal due?", "'Renew passport' is due Wed 17 Mar 2027."),
        ("is the report high priority?", "No, 'Write the report' is medium priority."),
        ("is the report medium priority?", "Yes, 'Write the report' is medium priority."),
        ("what priority is the passport?", "'Renew passport' is medium priority."),
        ("what did I write in the notes for the flights?",
         "The notes on 'Book flights to Lisbon' say: aisle seat, gate code 4412"),
        ("what was the gate code for the flights?",
         "The notes on 'Book flights to Lisbon' say: aisle seat, gate code 4412"),
        ("what are the notes on the report?", "'Write the report' has no notes."),
        ("when is the report due?", "'Write the report' has no due date."),
    ],
)  # fmt: skip
async def test_a_question_about_a_field_answers_with_it(app: FastAPI, question: str, answer: str):
    t = await converse(app, FIELDS, [question], set())
    assert t.problems == []
    assert t.replies == [answer]


async def test_how_many_anywhere_in_the_message_counts_and_changes_nothing(app: FastAPI):
    tomorrow = str(TESTS_DAY + timedelta(days=1))
    start = [{"title": "Call the bank", "due_date": tomorrow}, {"title": "Buy bread"}]
    t = await converse(app, start, ["I have how many task for tomorrow?"], set())
    assert t.problems == []
    assert t.replies == ["You have 1 open task due tomorrow: 'Call the bank'."]


async def test_a_question_about_tags_answers_with_them(app: FastAPI):
    start = [{"title": "Write the report", "tags": ["work", "q4"]}]
    t = await converse(app, start, ["what tags does the report have?"], set())
    assert t.problems == []
    assert t.replies == ["'Write the report' is tagged #work #q4."]
