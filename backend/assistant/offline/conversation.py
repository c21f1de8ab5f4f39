"""Read what the offline model is given (the agent input) into a form rules can use.

Everything comes from the input items, which come from the stored thread: the offline model
keeps nothing in memory between calls.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from backend.assistant.results import TOOL_RESULT_PREFIX, content_text, parse_json


@dataclass
class ToolRecord:
    """One tool call and what it returned."""

    tool: str
    arguments: dict[str, Any]
    result: Any  # the tool's JSON result, or an error string
    call_id: str | None = None

    @property
    def ok(self) -> bool:
        return isinstance(self.result, dict)

    def task_ids(self) -> list[int]:
        """The tasks this result is about, most relevant first."""
        if not isinstance(self.result, dict):
            return []
        if isinstance(self.result.get("task"), dict):
            return [self.result["task"]["id"]]
        return [t["id"] for t in self.result.get("tasks", []) if isinstance(t, dict)]


@dataclass
class Conversation:
    user_text: str = ""  # the message this turn answers
    this_turn: list[ToolRecord] = field(default_factory=list)  # calls already made this turn
    earlier: list[ToolRecord] = field(default_factory=list)  # results from earlier turns
    assistant_texts: list[str] = field(default_factory=list)

    def last(self, tool: str) -> ToolRecord | None:
        return next((r for r in reversed(self.this_turn) if r.tool == tool), None)

    def called(self, tool: str) -> bool:
        return self.last(tool) is not None

    def recent_task_ids(self) -> list[int]:
        """Tasks the conversation was last about: what "it" and "that one" refer to."""
        for record in reversed(self.earlier + self.this_turn):
            if record.tool != "list_tasks" and record.task_ids():
                return record.task_ids()
        return []

    def last_listed_ids(self) -> list[int]:
        for record in reversed(self.earlier + self.this_turn):
            if record.tool == "list_tasks" and record.ok:
                return record.task_ids()
        return []

    def pending_delete(self) -> ToolRecord | None:
        """The delete request from the previous turn that awaits a yes or no."""
        for record in reversed(self.earlier):
            if record.tool == "delete_task":
                result = record.result if isinstance(record.result, dict) else {}
                return record if result.get("status") == "confirmation_required" else None
        return None


def read_conversation(items: str | list[Any]) -> Conversation:
    if isinstance(items, str):
        return Conversation(user_text=items.strip())
    convo = Conversation()
    calls: dict[str, ToolRecord] = {}
    for raw in items:
        item = raw if isinstance(raw, dict) else getattr(raw, "model_dump", lambda: {})()
        kind, role = item.get("type", "message"), item.get("role")
        if kind == "message" and role == "user":
            text = content_text(item.get("content"))
            if text.startswith(TOOL_RESULT_PREFIX):
                record = parse_json(text.removeprefix(TOOL_RESULT_PREFIX))
                if isinstance(record, dict):
                    convo.earlier.append(
                        ToolRecord(
                            record.get("tool", ""),
                            record.get("arguments") or {},
                            record.get("result"),
                        )
                    )
            elif not text.startswith("Hidden context for the agent"):
                convo.user_text = text.strip()
                convo.earlier += convo.this_turn  # a new user message starts a new turn
                convo.this_turn = []
        elif kind == "message" and role == "assistant":
            convo.assistant_texts.append(content_text(item.get("content")))
        elif kind == "function_call":
            record = ToolRecord(
                item.get("name", ""),
                parse_json(item.get("arguments")) or {},
                None,
                item.get("call_id"),
            )
            calls[item.get("call_id", "")] = record
            convo.this_turn.append(record)
        elif kind == "function_call_output" and (call := calls.get(item.get("call_id", ""))):
            call.result = parse_json(content_text(item.get("output")))
    return convo
