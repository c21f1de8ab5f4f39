"""Questions about the list: what is due, how many, is X on it. Answered from list_tasks;
nothing changes."""

from __future__ import annotations

import re
from typing import Any

from backend.assistant.offline import replies
from backend.assistant.offline.intents.base import Message
from backend.assistant.offline.parsing import (
    TASK_WORD,
    Intent,
    ListFilter,
    list_filter,
    rx,
    subjects,
)
from backend.assistant.offline.targets import (
    Decision,
    ToolCall,
    Turn,
    filter_locally,
    list_arguments,
    lookup,
)

LIST = rx(
    r"^(?:show|list|display|view|see|give|tell|read|print|get|fetch|check|bring up|pull up|open|"
    r"search|find|look for|look up|filter|remind me what)\b.*$",
    r"^(?:what|whats|what's|which|how many|how much|any|anything|is there|are there|do i have|"
    r"have i|did i|am i|is anything|has anything|do i|where|when)\b.*$",
    rf"^(?:my\s+)?(?:(?:\w+\s+){{0,2}}{TASK_WORD}|(?:todo|to-do|task) list|list|agenda|schedule)$",
)
_ABOUT_ONE = re.compile(
    r"^(?:is|are|was|do i have|have i got|(?:did|have) i(?: already| ever| actually)?\s+\w+|when is|when are|when do i(?: have to)?(?: do)?)\s+"
    r"(?P<t>.+?)(?:\s+(?:still\s+)?(?:on|in)\s+(?:my|the|there)(?:\s+(?:list|tasks|todo list))?|\s+on there|\s+done|\s+yet|\s+due)?\??$",
    re.IGNORECASE,
)  # fmt: skip
_VAGUE = re.compile(
    r"^(?:there|anything|any|something|i|it|that)\b|\b(?:due|overdue|late|slip|behind|priority|tagged)\b",
    re.I,
)  # fmt: skip
_ASKS = re.compile(
    r"^(?:what|whats|which|how many|do i|did i|have i|am i|are there|is there|tell me|let me know|remind me what|"
    r"any|anything|show|list|search|find|look for|display|view)\b",
    re.I,
)  # fmt: skip


def parse_about_one(msg: Message) -> Intent | None:
    """ "is the gas bill on there?", "did I finish the report?": about one task."""
    if m := _ABOUT_ONE.match(msg.text):
        topic = subjects(msg.literal(m["t"]))
        if topic and not _VAGUE.search(topic[0]):
            done = re.match(
                r"^(?:did|have)\s+i\b|.*\b(?:done|finished|completed)\W*$", msg.text, re.I
            )
            asks = "done" if done else "exists"
            return Intent("list", filter=ListFilter(status="all", text=topic[0], asks=asks))
    return None


def parse_question(msg: Message) -> Intent | None:
    """Questions come before commands: "which tasks are low priority?" asks, it does not set."""
    if _ASKS.match(msg.text) and not re.match(r"^(?:find|look for) (?:and|then) ", msg.text, re.I):
        return Intent("list", filter=list_filter(msg.literal(msg.text), msg.today))
    return None


def parse_listing(msg: Message) -> Intent | None:
    if any(p.match(msg.text) for p in LIST) or msg.text.endswith("?"):
        return Intent("list", filter=list_filter(msg.literal(msg.text), msg.today))
    return None


def handle(turn: Turn) -> Decision:
    f = turn.intent.filter
    listed = lookup(turn.convo, **list_arguments(f, 50))
    if isinstance(listed, ToolCall):
        return Decision(calls=[listed])
    tasks = filter_locally(listed, f, turn.today)
    what = describe_filter(f, len(tasks))
    if f.asks and len(tasks) == 1:
        return Decision(reply=_yes_or_no(tasks[0], f.asks, turn))
    if f.count_only:
        return Decision(reply=f"You have {len(tasks)} {what}.")
    if not tasks:
        if f.asks:
            return Decision(reply=f"No, I can't find a task about '{f.text}'.")
        if f.text:
            return Decision(reply=f"I found no {what}.")
        return Decision(reply=f"You have no {what}." + (" Nice!" if f.status == "pending" else ""))
    intro = f"Here {'is' if len(tasks) == 1 else 'are'} your {len(tasks)} {what}:"
    body = replies.numbered(tasks, turn.today, show_done=f.status == "all")
    return Decision(reply=f"{intro}\n{body}")


def _yes_or_no(task: dict[str, Any], asks: str, turn: Turn) -> str:
    title = task["title"]
    facts = replies.task_line(task, turn.today).removeprefix(title).removeprefix(" — ")
    facts = f" ({facts})" if facts else ""
    if asks == "done":
        return (
            f"Yes, '{title}' is done."
            if task["completed"]
            else f"Not yet: '{title}' is still open{facts}."
        )
    return f"Yes, '{title}' is on your list{facts}" + (
        ", and it's done." if task["completed"] else "."
    )


def describe_filter(f: ListFilter, count: int = 2) -> str:
    words = {"pending": "open", "completed": "completed", "all": ""}[f.status]
    if f.priority:
        words += f" {f.priority}-priority"
    noun = f"{words} {'task' if count == 1 else 'tasks'}".strip()
    if f.tag or f.word_tag:
        noun += f" tagged #{f.tag or f.word_tag}"
    if f.text:
        noun += f" about '{f.text}'"
    due = {"overdue": " that is overdue" if count == 1 else " that are overdue", "today": " due today", "tomorrow": " due tomorrow",
           "week": " due this week"}.get(f.due or "", "")  # fmt: skip
    return noun + due
