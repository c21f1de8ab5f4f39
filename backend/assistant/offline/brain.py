"""The offline model's decisions: understand the message, then call tools or answer.

``decide`` is called once per model call in a turn: first with no tool results (it picks the
tools to call), then after each round of results (it calls more, or writes the reply). It is
a pure function of the conversation, so it is easy to test and to extend: add an intent to
``understand`` and a handler to ``HANDLERS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from backend.assistant.offline.conversation import Conversation


@dataclass
class ToolCall:
    name: str
    arguments: dict[str, Any]


@dataclass
class Decision:
    calls: list[ToolCall] = field(default_factory=list)
    reply: str = ""


@dataclass
class Intent:
    kind: str  # add | complete | reopen | delete | confirm | decline | list | help
    subject: str = ""  # the task title, or words naming a task


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().strip(" .!?\"'")


_ADD = re.compile(
    r"^(?:please\s+)?(?:(?:can|could|would) you\s+)?(?:please\s+)?"
    r"(?:add|create|new|remind me to|i need to|i have to|todo:?)\s+"
    r"(?:a\s+)?(?:new\s+)?(?:task|todo|reminder)?\s*(?:to|for|:)?\s*(?P<title>.+)$",
    re.IGNORECASE,
)
_COMPLETE = re.compile(
    r"^(?:please\s+)?(?:mark|set|check off|complete|finish|tick off|done with|i (?:have )?"
    r"(?:finished|completed|did))\s*(?P<subject>.*?)\s*(?:as\s+)?(?:done|complete|completed|"
    r"finished)?$",
    re.IGNORECASE,
)
_REOPEN = re.compile(
    r"^(?:please\s+)?(?:reopen|un-?complete|mark)\s*(?P<subject>.*?)\s*(?:as\s+)?"
    r"(?:not done|undone|incomplete|pending|open)?$",
    re.IGNORECASE,
)
_DELETE = re.compile(
    r"^(?:please\s+)?(?:delete|remove|drop|get rid of|erase)\s+(?:the\s+)?(?:task\s+)?"
    r"(?P<subject>.+)$",
    re.IGNORECASE,
)
_LIST = re.compile(
    r"\b(?:list|show|what(?:'s| is| are)|which|see)\b.*\b(?:tasks?|todos?|list|to-?do)\b",
    re.IGNORECASE,
)
_YES = re.compile(
    r"^(?:yes|yeah|yep|yup|sure|ok(?:ay)?|confirm(?:ed)?|do it|go ahead|please do|y)\b",
    re.IGNORECASE,
)
_NO = re.compile(
    r"^(?:no|nope|nah|cancel|don'?t|stop|never ?mind|keep (?:it|them)|n)\b", re.IGNORECASE
)
_REFERENCE = re.compile(r"^(?:it|that|this|that one|this one|them|those)$", re.IGNORECASE)


def understand(text: str) -> Intent:
    text = _clean(text)
    if _YES.match(text):
        return Intent("confirm")
    if _NO.match(text):
        return Intent("decline")
    if m := _DELETE.match(text):
        return Intent("delete", _clean(m["subject"]))
    if re.search(r"\b(?:not done|undone|incomplete|reopen)\b", text, re.IGNORECASE) and (
        m := _REOPEN.match(text)
    ):
        return Intent("reopen", _clean(m["subject"]))
    if m := _COMPLETE.match(text):
        return Intent("complete", _clean(m["subject"]))
    if _LIST.search(text):
        return Intent("list")
    if m := _ADD.match(text):
        return Intent("add", _clean(m["title"]))
    return Intent("help")


# --- finding the task a message is about ------------------------------------------------


def _similarity(a: str, b: str) -> float:
    a, b = a.lower(), b.lower()
    if a == b:
        return 1.0
    if a in b or b in a:
        return 0.9
    return SequenceMatcher(None, a, b).ratio()


def _matches(subject: str, tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    scored = sorted(((_similarity(subject, t["title"]), t) for t in tasks), key=lambda p: -p[0])
    best = [t for score, t in scored if score >= 0.75]
    exact = [t for t in best if t["title"].lower() == subject.lower()]
    return exact or best


def _listed(convo: Conversation) -> list[dict[str, Any]]:
    record = convo.last("list_tasks")
    result = record.result if record and isinstance(record.result, dict) else {}
    return [t for t in result.get("tasks", []) if isinstance(t, dict)]


def _target(intent: Intent, convo: Conversation) -> tuple[list[int], Decision | None]:
    """The task ids the intent is about, or a decision to look them up / ask."""
    if not intent.subject or _REFERENCE.match(intent.subject):
        ids = convo.recent_task_ids()
        if ids:
            return ids[:1], None
        return [], Decision(reply="Which task do you mean? Tell me its title.")
    if not convo.called("list_tasks"):
        status = "completed" if intent.kind == "reopen" else "all"
        return [], Decision(calls=[ToolCall("list_tasks", {"status": status, "limit": 50})])
    found = _matches(intent.subject, _listed(convo))
    if len(found) == 1:
        return [found[0]["id"]], None
    if not found:
        return [], Decision(reply=f"I couldn't find a task matching '{intent.subject}'.")
    names = "\n".join(f"{i}. {t['title']}" for i, t in enumerate(found[:5], 1))
    return [], Decision(reply=f"Several tasks match '{intent.subject}'. Which one?\n{names}")


# --- handlers, one per intent -------------------------------------------------------------


def _failure(convo: Conversation) -> Decision | None:
    failed = next((r for r in convo.this_turn if not r.ok), None)
    if failed is None:
        return None
    reason = str(failed.result or "").removeprefix(f"Error executing tool {failed.tool}: ")
    return Decision(reply=f"Sorry, that didn't work: {reason}")


def _add(intent: Intent, convo: Conversation) -> Decision:
    if record := convo.last("add_task"):
        return _failure(convo) or Decision(reply=f"Added '{record.result['task']['title']}'.")
    if not intent.subject:
        return Decision(reply="What should the task say?")
    return Decision(calls=[ToolCall("add_task", {"title": intent.subject[:200]})])


def _set_completed(intent: Intent, convo: Conversation) -> Decision:
    done = intent.kind == "complete"
    if record := convo.last("complete_task"):
        if failure := _failure(convo):
            return failure
        title = record.result["task"]["title"]
        return Decision(reply=f"Marked '{title}' as done." if done else f"Reopened '{title}'.")
    ids, decision = _target(intent, convo)
    if decision:
        return decision
    return Decision(calls=[ToolCall("complete_task", {"task_id": ids[0], "completed": done})])


def _delete(intent: Intent, convo: Conversation) -> Decision:
    if record := convo.last("delete_task"):
        if failure := _failure(convo):
            return failure
        titles = ", ".join(f"'{t['title']}'" for t in record.result["tasks"])
        return Decision(reply=f"Delete {titles}? Say yes to confirm or no to keep it.")
    ids, decision = _target(intent, convo)
    if decision:
        return decision
    return Decision(calls=[ToolCall("delete_task", {"task_ids": ids})])


def _confirm(intent: Intent, convo: Conversation) -> Decision:
    if record := convo.last("delete_task"):
        return _failure(convo) or Decision(reply=record.result["message"])
    asked = convo.pending_delete()
    if asked is None:
        return Decision(reply="Okay! What would you like to do with your tasks?")
    return Decision(
        calls=[ToolCall("delete_task", {"task_ids": asked.task_ids(), "confirm": True})]
    )


def _decline(intent: Intent, convo: Conversation) -> Decision:
    if convo.pending_delete() is not None:
        return Decision(reply="Okay, I won't delete anything.")
    return Decision(reply="Okay. Anything else I can do for your tasks?")


def _list(intent: Intent, convo: Conversation) -> Decision:
    if not convo.called("list_tasks"):
        return Decision(calls=[ToolCall("list_tasks", {"status": "pending"})])
    tasks = _listed(convo)
    if not tasks:
        return _failure(convo) or Decision(reply="You have no open tasks. Nice!")
    lines = [
        f"{i}. {t['title']}" + (f" (due {t['due_date']})" if t.get("due_date") else "")
        for i, t in enumerate(tasks, 1)
    ]
    return Decision(reply="Here are your open tasks:\n" + "\n".join(lines))


def _help(intent: Intent, convo: Conversation) -> Decision:
    return Decision(
        reply='I can manage your tasks. Try: "add a task to buy milk", "show my tasks", '
        '"mark it done" or "delete buy milk".'
    )


HANDLERS: dict[str, Callable[[Intent, Conversation], Decision]] = {
    "add": _add,
    "complete": _set_completed,
    "reopen": _set_completed,
    "delete": _delete,
    "confirm": _confirm,
    "decline": _decline,
    "list": _list,
    "help": _help,
}


def decide(convo: Conversation) -> Decision:
    intent = understand(convo.user_text)
    return HANDLERS[intent.kind](intent, convo)
