"""The one typed tool result, read back from every shape it travels in."""

from __future__ import annotations

from backend.assistant.results import ToolResult, read_result
from backend.assistant.tools import TaskListResult


def test_a_success_keeps_its_data_and_changed_ids():
    sent = TaskListResult(tasks=[], today="2026-11-21", more_available=False, changed_task_ids=[3])
    for shape in (sent.model_dump_json(), sent.model_dump(mode="json"),
                  [{"type": "text", "text": sent.model_dump_json()}]):  # fmt: skip
        outcome, data = read_result(shape)
        assert outcome.ok and outcome.error is None and outcome.changed_task_ids == [3]
        assert data["today"] == "2026-11-21"


def test_a_failure_keeps_its_kind_through_the_sdk_error_text():
    failed = ToolResult.failed("not_found", "Task 9 not found").model_dump_json()
    outcome, _ = read_result({"type": "text", "text": f"Error executing tool x: {failed}"})
    assert not outcome.ok and outcome.error is not None
    assert (outcome.error.kind, outcome.error.message) == ("not_found", "Task 9 not found")


def test_anything_else_is_an_internal_failure():
    for junk in ("boom", None, {"tasks": "not a result", "ok": "maybe"}):
        outcome, _ = read_result(junk)
        assert outcome.error is not None and outcome.error.kind == "internal"
