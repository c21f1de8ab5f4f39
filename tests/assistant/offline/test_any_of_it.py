"""'what do I have saturday and is any of it urgent': the second question is about the tasks
the first lists, and the list answers it (each line shows its priority). Before, the priority
word narrowed the list to urgent tasks, so the other Saturday tasks went unmentioned
(blind-17's run-on question)."""

from __future__ import annotations

import pytest

from backend.assistant.offline.intents import understand
from tests.assistant.offline.safety import TESTS_DAY


@pytest.mark.parametrize(
    "message",
    [
        "what do i have on saturday and is any of it urgent",
        "what's due friday and are any of them important?",
        "im trying to plan my saturday so what do i have that day and is any of it urgent",
    ],
)
def test_any_of_it_asks_about_the_list_and_does_not_narrow_it(message: str):
    said = understand(message, TESTS_DAY, True)
    assert said.kind == "list" and said.filter.priority is None, said


@pytest.mark.parametrize(
    "message",
    ["what is due saturday, anything urgent?", "is any of it urgent?", "show my urgent tasks"],
)
def test_a_priority_asked_for_itself_still_narrows(message: str):
    said = understand(message, TESTS_DAY, True)
    assert said.kind == "list" and said.filter.priority == "high", said
