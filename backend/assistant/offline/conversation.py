"""Read what the offline model is given (the agent input) into a form rules can use.

Everything comes from the input items, which come from the stored thread: the offline model
keeps nothing in memory between calls.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from backend.assistant.offline.replies import numbered_titles
from backend.assistant.results import TOOL_RESULT_PREFIX, content_text, parse_json, read_result


@dataclass
class ToolRecord:
    """One tool call and what it returned."""

    tool: str
    arguments: dict[str, Any]
    result: Any  # the tool's result (the typed ToolResult's JSON, with its data)
    call_id: str | None = None
    turn: int = 0  # which user message it answered

    @property
    def ok(self) -> bool:
        return read_result(self.result)[0].ok

    @property
    def error_message(self) -> str:
        error = read_result(self.result)[0].error
        return error.message if error else ""

    def tasks(self) -> list[dict[str, Any]]:
        """The tasks this result is about (as the tool returned them), most relevant first."""
        if not isinstance(self.result, dict) or not self.ok:
            return []
        if isinstance(self.result.get("task"), dict):
            return [self.result["task"]]
        return [t for t in self.result.get("tasks", []) if isinstance(t, dict)]

    def task_ids(self) -> list[int]:
        return [t["id"] for t in self.tasks()]


@dataclass
class Conversation:
    user_text: str = ""  # the message this turn answers
    earlier_user_texts: list[str] = field(default_factory=list)
    this_turn: list[ToolRecord] = field(default_factory=list)  # calls already made this turn
    earlier: list[ToolRecord] = field(default_factory=list)  # results from earlier turns
    assistant_texts: list[str] = field(default_factory=list)
    reply_by_turn: dict[int, str] = field(default_factory=dict)
    turn: int = 0  # how many user messages so far: this one's number

    def last(self, tool: str) -> ToolRecord | None:
        return next((r for r in reversed(self.this_turn) if r.tool == tool), None)

    def called(self, tool: str) -> bool:
        return self.last(tool) is not None

    def lookup(self, arguments: dict[str, Any]) -> ToolRecord | None:
        """This turn's list_tasks call with exactly these arguments, if it was made."""
        return next(
            (r for r in self.this_turn if r.tool == "list_tasks" and r.arguments == arguments),
            None,
        )

    def done_this_turn(self, tool: str) -> list[ToolRecord]:
        return [r for r in self.this_turn if r.tool == tool]

    def recent_tasks(self) -> list[dict[str, Any]]:
        """Tasks the conversation was last about: what "it" and "them" refer to. The latest
        turn that touched or showed tasks decides: all the tasks one request changed, in order
        ("add eggs and bread" … "mark them done"), or, when it only looked tasks up, the ones
        its reply showed ("which one?" … "both"). Never an older turn's tasks."""
        # This turn's own lookups are how it searches, not what the user saw.
        records = self.earlier + [r for r in self.this_turn if r.tool != "list_tasks"]
        with_tasks = [r for r in records if r.tasks()]
        if not with_tasks:
            return []
        return self._tasks_of_turn(with_tasks[-1].turn, with_tasks)

    def shown_last_turn(self) -> list[dict[str, Any]]:
        """The tasks the previous reply listed, when that turn only looked tasks up: what a bare
        "everything" means next ("show me my groceries" … "got everything, mark them done")."""
        last = [r for r in self.earlier if r.turn == self.turn - 1]
        if not last or any(r.tool != "list_tasks" for r in last):
            return []
        return self.recent_tasks()

    def the_other(self) -> list[dict[str, Any]]:
        """ "the other one": of the tasks an earlier turn showed or changed together, those the
        latest turn did not touch ("what's tagged allotment?" … "I ordered the seeds" … "make
        the other one high priority"); nothing when no such group is left."""
        records = self.earlier + [r for r in self.this_turn if r.tool != "list_tasks"]
        with_tasks = [r for r in records if r.tasks()]
        latest = {t["id"] for t in self.recent_tasks()}
        for turn in sorted({r.turn for r in with_tasks}, reverse=True)[1:]:
            group = self._tasks_of_turn(turn, with_tasks)
            rest = [t for t in group if t["id"] not in latest]
            if len(group) > 1 and 0 < len(rest) < len(group):
                return rest
        return []

    def _tasks_of_turn(self, turn: int, with_tasks: list[ToolRecord]) -> list[dict[str, Any]]:
        acted = [r for r in with_tasks if r.turn == turn and r.tool != "list_tasks"]
        if acted:
            tool = acted[-1].tool
            return [t for r in acted if r.tool == tool for t in r.tasks()]
        record = [r for r in with_tasks if r.turn == turn][-1]
        reply = self.reply_by_turn.get(turn, "")
        shown = numbered_titles(reply)
        if not shown:
            # What the reply named; else a filtered set it counted ("how many are tagged
            # trip?"); never every task, looked up only to read the message.
            named = [t for t in record.tasks() if _quotes(reply, t["title"])]
            args = record.arguments
            filtered = set(args) - {"status", "limit"} or args.get("status") != "all"
            return named or (record.tasks() if filtered else [])
        seen = [t for r in with_tasks if r.turn == turn for t in r.tasks()]
        by_title = {t["title"]: t for t in seen}
        return [by_title[title] for title in dict.fromkeys(shown) if title in by_title]

    def two_single_adds(self) -> list[dict[str, Any]]:
        """The tasks of the last two turns when each added exactly one ("add X" … "and add Y
        too" … "make both due friday"): what "both" names then; else nothing."""
        adds = [r for r in self.earlier if r.tasks()]
        last = adds[-2:]
        if len(last) != 2 or last[0].turn != last[1].turn - 1 or last[1].turn != self.turn - 1:
            return []
        if any(r.tool != "add_task" or len(r.tasks()) != 1 for r in last):
            return []
        if any(r.turn in (last[0].turn, last[1].turn) for r in adds[:-2]):
            return []  # a turn that did more than one add
        return [t for r in last for t in r.tasks()]

    @property
    def previous_reply(self) -> str:
        return self.assistant_texts[-1] if self.assistant_texts else ""

    @property
    def previous_user_text(self) -> str:
        return self.earlier_user_texts[-1] if self.earlier_user_texts else ""

    def pending_delete(self) -> ToolRecord | None:
        """The delete request the previous turn asked about, awaiting a yes or no. Only the
        turn just before this one counts: a request the user did not answer at once lapsed."""
        for record in reversed(self.earlier):
            if record.tool == "delete_task" and record.turn == self.turn - 1:
                result = record.result if isinstance(record.result, dict) else {}
                return record if result.get("status") == "confirmation_required" else None
        return None


def _quotes(reply: str, title: str) -> bool:
    """The reply names the title in quotes: "'Call mom's doctor'" names "Call mom's doctor",
    never "Call mom" (whose quoted form it holds, the apostrophe read as a closing quote)."""
    return re.search(rf"(?<!\w)'{re.escape(title)}'(?!\w)", reply) is not None


def read_conversation(items: str | list[Any]) -> Conversation:
    if isinstance(items, str):
        return Conversation(user_text=items.strip())
    convo = Conversation()
    calls: dict[str, ToolRecord] = {}
    turns = 0
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
                            read_result(record.get("result"))[1],
                            turn=turns,
                        )
                    )
            elif not text.startswith("Hidden context for the agent"):
                if convo.user_text:
                    convo.earlier_user_texts.append(convo.user_text)
                convo.user_text = text.strip()
                turns += 1
                convo.earlier += convo.this_turn  # a new user message starts a new turn
                convo.this_turn = []
        elif kind == "message" and role == "assistant":
            convo.assistant_texts.append(content_text(item.get("content")))
            convo.reply_by_turn[turns] = convo.assistant_texts[-1]
        elif kind == "function_call":
            record = ToolRecord(
                item.get("name", ""),
                parse_json(item.get("arguments")) or {},
                None,
                item.get("call_id"),
                turn=turns,
            )
            calls[item.get("call_id", "")] = record
            convo.this_turn.append(record)
        elif kind == "function_call_output" and (call := calls.get(item.get("call_id", ""))):
            call.result = read_result(item.get("output"))[1]
    convo.turn = turns
    return convo
