"""A task said to have become urgent is re-prioritised, not added: "the tax return just became
top priority" (blind-14 added "Tax return just became"). Only the task's name comes before the
change; "the car got washed" or "my mom got sick" set no priority."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand

TODAY = date(2026, 12, 1)

BECAME = [
    ("the tax return just became top priority", "tax return"),
    ("tax return just became urgent", "tax return"),
    ("the tax return has become top priority", "tax return"),
    ("the report suddenly got really urgent", "report"),
    ("the visa application just became high priority", "visa application"),
    ("the dentist thing became important", "dentist"),
    ("the invoice is now top priority", "invoice"),
    ("the gas bill has become urgent", "gas bill"),
    ("my essay just became a top priority", "essay"),
    ("the passport renewal got urgent", "passport renewal"),
]


@pytest.mark.parametrize(("message", "task"), BECAME)
def test_became_urgent_is_a_priority(message: str, task: str):
    said = understand(message, TODAY)
    assert said.kind == "update" and said.details.priority == "high", said
    assert any(task in item.lower() for item in said.items), said


NEAR_MISSES = ["my mom got sick", "the car got washed", "the meeting became a call",
               "the kids got top marks"]  # fmt: skip


@pytest.mark.parametrize("message", NEAR_MISSES)
def test_other_changes_set_no_priority(message: str):
    said = understand(message, TODAY)
    assert said.details.priority is None, said
