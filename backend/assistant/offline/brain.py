"""The offline model's decisions: understand the message, then call tools or answer.

``decide`` runs once per model call in a turn: first with no tool results (it looks tasks
up or acts), then after each round of results (it acts, asks, or writes the reply). It is a
pure function of the conversation (the stored thread), so nothing lives in memory between
messages. To add an intent: a pattern in ``parsing.py`` and a handler in ``HANDLERS``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from backend.assistant.offline import replies
from backend.assistant.offline.conversation import Conversation
from backend.assistant.offline.dates import describe
from backend.assistant.offline.language import ordinal, split_list
from backend.assistant.offline.matching import candidates, closest, prefer
from backend.assistant.offline.parsing import Intent, ListFilter, understand

Task = dict[str, Any]
LOOKUP_LIMIT = 100
_PRONOUN = re.compile(
    r"^(?:it|that|this|that one|this one|the task|that task|this task|the last one|"
    r"the one i just added|what i just added)$",
    re.IGNORECASE,
)
_PLURAL_WORDS = re.compile(r"\b(?:both|all)\b", re.IGNORECASE)
_BOTH = re.compile(r"^(?:both|both of them|the two)$", re.I)
_THE_X_ONES = re.compile(r"^(?:all\s+)?(?:the\s+)?#?(?P<word>[\w-]+)\s+ones$", re.I)
_PLURAL = re.compile(r"^(?:them|those|these|both|all of them|all three|all of those|they)$", re.I)


@dataclass
class ToolCall:
    name: str
    arguments: dict[str, Any]


@dataclass
class Decision:
    calls: list[ToolCall] = field(default_factory=list)
    reply: str = ""


@dataclass
class Turn:
    intent: Intent
    convo: Conversation
    today: date


def decide(convo: Conversation, today: date) -> Decision:
    intent = _follow_up(understand(convo.user_text, today), convo, today)
    return HANDLERS[intent.kind](Turn(intent, convo, today))


def _follow_up(intent: Intent, convo: Conversation, today: date) -> Intent:
    """An answer to our own question ("which one?", "did you mean …?") continues the request
    the question was about."""
    asked = convo.previous_reply
    if not asked or not convo.previous_user_text:
        return intent
    answer = convo.user_text.strip().strip(".!")
    chosen: str | None = None
    if replies.WHICH_ONE in asked:
        options = replies.numbered_titles(asked)
        position = ordinal(answer)
        if position is not None and options:
            chosen = options[position - 1] if 0 < position <= len(options) else options[-1]
        elif intent.kind in {"help", "add"} and len(answer.split()) <= 8:
            chosen = answer
    elif (m := re.search(r"Did you mean '(.+)'\?$", asked)) and intent.kind == "confirm":
        chosen = m.group(1)
    if chosen is None:
        return intent
    original = understand(convo.previous_user_text, today)
    if original.kind not in {"complete", "reopen", "delete", "update"}:
        return intent
    original.items, original.everything = [chosen], False
    return original


# --- finding the tasks a request is about ---------------------------------------------------


def _lookup(convo: Conversation, **arguments: Any) -> list[Task] | ToolCall:
    """The result of list_tasks with these arguments, or the call to make to get it."""
    record = convo.lookup(arguments)
    if record is None:
        return ToolCall("list_tasks", arguments)
    return record.tasks()


def _filter_locally(
    tasks: list[Task], f: ListFilter, today: date, *, strict: bool = False
) -> list[Task]:
    """What the tool's filters cannot say. ``strict`` (before changing tasks): a scope word
    ("the garden tasks") that names no tag narrows to titles with the word, never to all."""
    day = today + timedelta(days=1) if f.due == "tomorrow" else f.due_on
    if day is not None:
        tasks = [t for t in tasks if t.get("due_date") == str(day)]
    if f.word_tag:
        tagged = [t for t in tasks if f.word_tag in t.get("tags", [])]
        if tagged or strict:
            tasks = tagged or [t for t in tasks if _has_word(t["title"], f.word_tag)]
    return tasks


def _has_word(title: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}", title, re.I) is not None


def _list_arguments(f: ListFilter, limit: int) -> dict[str, Any]:
    args: dict[str, Any] = {"status": f.status, "limit": limit}
    if f.due in {"overdue", "today", "week"}:
        args["due"] = f.due
    for key in ("priority", "tag", "text"):
        if getattr(f, key):
            args[key] = getattr(f, key)
    return args


Found = list[Task] | Decision


def _find_one(subject: str, turn: Turn, done_wanted: bool | None) -> Found:
    """Tasks matching the words: a lookup by text first, then everything (typos)."""
    convo = turn.convo
    by_text = _lookup(convo, status="all", text=subject, limit=LOOKUP_LIMIT)
    if isinstance(by_text, ToolCall):
        return Decision(calls=[by_text])
    found = candidates(subject, by_text)
    everything: list[Task] | ToolCall = []
    if not found:
        everything = _lookup(convo, status="all", limit=LOOKUP_LIMIT)
        if isinstance(everything, ToolCall):
            return Decision(calls=[everything])
        found = candidates(subject, everything)
    if len(found) > 1 and done_wanted is not None:
        found = prefer(found, done_wanted)
    if len(found) > 1 and turn.intent.everything is False and _PLURAL_WORDS.search(subject):
        return found  # "both milk tasks": all of them
    if len(found) > 1:
        exact = [t for t in found if t["title"].lower() == subject.lower()]
        if len(exact) != 1:
            return Decision(reply=replies.ask_which(subject, found, turn.today))
        found = exact
    if not found:
        pool = everything if isinstance(everything, list) else by_text
        return Decision(reply=replies.not_found(subject, closest(subject, pool)))
    return found


def find_targets(turn: Turn, done_wanted: bool | None) -> Found:
    intent, convo = turn.intent, turn.convo
    if intent.everything:
        args = _list_arguments(intent.filter, LOOKUP_LIMIT)
        listed = _lookup(convo, **args)
        if isinstance(listed, ToolCall):
            return Decision(calls=[listed])
        tasks = _filter_locally(listed, intent.filter, turn.today, strict=True)
        return tasks or Decision(reply="There are no tasks like that, so I changed nothing.")
    subject = intent.items[0] if intent.items else "it"
    if intent.alt_subject and (_PRONOUN.match(subject) or _PLURAL.match(subject)):
        # "rent is paid, mark it done": "it" is what the other half of the message names.
        found = _find_one(intent.alt_subject, turn, done_wanted)
        if not (isinstance(found, Decision) and not found.calls):
            return found
    if _PRONOUN.match(subject) or _PLURAL.match(subject):
        recent = convo.recent_tasks()
        if not recent:
            return Decision(reply="Which tasks do you mean? Tell me their titles.")
        if _BOTH.match(subject) and len(recent) != 2:  # "both" must point at exactly two
            return Decision(reply=replies.ask_scope(recent, turn.today))
        if _PLURAL.match(subject) or len(recent) == 1:
            return recent
        last = convo.done_this_turn("list_tasks") or [r for r in convo.earlier if r.tasks()][-1:]
        if last and last[-1].tool == "list_tasks":  # "it" after a list of several: ask
            return Decision(reply=replies.ask_which("it", recent, turn.today))
        return recent[-1:]
    if m := _THE_X_ONES.match(subject):  # "the shopping ones": show them and ask, never guess
        everything = _lookup(convo, status="all", limit=LOOKUP_LIMIT)
        if isinstance(everything, ToolCall):
            return Decision(calls=[everything])
        word = m["word"].lower()
        group = [t for t in everything if word in t.get("tags", []) or _has_word(t["title"], word)]
        if len(group) > 1 or (group and group[0]["title"].lower() != word):
            return Decision(reply=replies.ask_scope(group, turn.today))
    if (position := ordinal(subject)) is not None:
        titles = replies.numbered_titles(convo.previous_reply)
        if not titles:
            return Decision(reply="Which list do you mean? Ask me to show your tasks first.")
        subject = titles[min(position, len(titles)) - 1] if position > 0 else titles[-1]
    found = _find_one(subject, turn, done_wanted)
    if isinstance(found, Decision) and not found.calls and re.search(r",|\band\b|&", subject):
        # "eggs and bread": no task by that whole name, so perhaps two tasks.
        parts = [_find_one(part, turn, done_wanted) for part in split_list(subject)]
        calls = [c for p in parts if isinstance(p, Decision) for c in p.calls]
        if calls:
            return Decision(calls=calls)
        problem = next((p for p in parts if isinstance(p, Decision)), None)
        if problem is None:
            return [t for p in parts if isinstance(p, list) for t in p]
    return found


# --- one handler per intent -----------------------------------------------------------------


def _failures(records: list[Any]) -> str:
    reasons = [r.error_message for r in records if not r.ok]
    return " ".join(f"Sorry, that didn't work: {reason}" for reason in reasons)


def _add(turn: Turn) -> Decision:
    done = turn.convo.done_this_turn("add_task")
    if done:
        tasks = [r.result["task"] for r in done if r.ok]
        text = replies.added(tasks, turn.today) if tasks else ""
        return Decision(reply=" ".join(filter(None, [text, _failures(done)])))
    intent = turn.intent
    if not intent.items:
        return Decision(reply="What should the task say?")
    calls = []
    for i, title in enumerate(intent.items):
        d = intent.item_details[i] if i < len(intent.item_details) else intent.details
        args: dict[str, Any] = {"title": title[:1].upper() + title[1:200]}
        if d.priority:
            args["priority"] = d.priority
        if d.due:
            args["due_date"] = str(d.due)
        if d.tags:
            args["tags"] = d.tags
        if d.description:
            args["description"] = d.description
        calls.append(ToolCall("add_task", args))
    return Decision(calls=calls)


def _set_completed(turn: Turn) -> Decision:
    finish = turn.intent.kind == "complete"
    done = turn.convo.done_this_turn("complete_task")
    if done:
        tasks = [r.result["task"] for r in done if r.ok]
        verb = "Marked {} as done." if finish else "Reopened {}."
        text = verb.format(replies.quoted(tasks)) if tasks else ""
        return Decision(reply=" ".join(filter(None, [text, _failures(done)])))
    found = find_targets(turn, done_wanted=not finish)
    if isinstance(found, Decision):
        return found
    todo = [t for t in found if t["completed"] is not finish]
    if not todo:
        state = "already done" if finish else "not done yet"
        are = "is" if len(found) == 1 else "are"
        return Decision(reply=f"{replies.quoted(found)} {are} {state}.")
    return Decision(
        calls=[ToolCall("complete_task", {"task_id": t["id"], "completed": finish}) for t in todo]
    )


def _update(turn: Turn) -> Decision:
    done = turn.convo.done_this_turn("update_task")
    if done:
        return Decision(
            reply=" ".join(filter(None, [_describe_updates(done, turn), _failures(done)]))
        )
    intent, d = turn.intent, turn.intent.details
    found = find_targets(turn, done_wanted=None)
    if isinstance(found, Decision):
        return found
    calls = []
    for task in found:
        changes: dict[str, Any] = {}
        if intent.new_title and len(found) == 1:
            changes["title"] = intent.new_title[:1].upper() + intent.new_title[1:]
        if d.due:
            changes["due_date"] = str(d.due)
        if d.clear_due:
            changes["clear_due_date"] = True
        if d.priority:
            changes["priority"] = d.priority
        if d.tags:
            existing = task.get("tags", []) if intent.add_tags else []
            changes["tags"] = list(dict.fromkeys([*existing, *d.tags]))
        if d.description:
            changes["description"] = d.description
        if changes:
            calls.append(ToolCall("update_task", {"task_id": task["id"], **changes}))
    if not calls:
        return Decision(reply=f"What should I change about {replies.quoted(found)}?")
    return Decision(calls=calls)


def _describe_updates(records: list[Any], turn: Turn) -> str:
    lines = []
    for r in records:
        if not r.ok:
            continue
        task, args = r.result["task"], r.arguments
        facts = []
        if "title" in args:
            facts.append(f"renamed to '{task['title']}'")
        if "due_date" in args:
            facts.append("due " + describe(task["due_date"], turn.today))
        if args.get("clear_due_date"):
            facts.append("no due date now")
        if "priority" in args:
            facts.append(f"{task['priority']} priority")
        if "tags" in args:
            facts.append("tags " + " ".join(f"#{t}" for t in task["tags"]))
        if "description" in args:
            facts.append("note added")
        subject = f"'{task['title']}'" if "title" not in args else "Task"
        lines.append(f"Updated {subject}: {', '.join(facts)}.")
    return " ".join(lines)


def _delete(turn: Turn) -> Decision:
    done = turn.convo.done_this_turn("delete_task")
    if done:
        record = done[-1]
        tasks = record.tasks()
        if not record.ok or record.result.get("status") == "deleted":
            return Decision(reply=_delete_outcome(record))
        if len(tasks) == 1:
            return Decision(
                reply=f"Delete {replies.quoted(tasks)}? Say yes to confirm, or no to keep it."
            )
        return Decision(
            reply=f"Delete these {len(tasks)} tasks?\n{replies.numbered(tasks, turn.today)}\n"
            "Say yes to confirm, or no to keep them."
        )
    found = find_targets(turn, done_wanted=None)
    if isinstance(found, Decision):
        return found
    return Decision(calls=[ToolCall("delete_task", {"task_ids": [t["id"] for t in found]})])


def _delete_outcome(record: Any) -> str:
    """What really happened, from the tool's own status (never assumed)."""
    if not record.ok:
        return _failures([record])
    if record.result.get("status") == "deleted":
        return f"Deleted {replies.quoted(record.tasks())}."
    return "Nothing was deleted: that request had lapsed. Ask again if you still want it gone."


def _confirm(turn: Turn) -> Decision:
    done = turn.convo.done_this_turn("delete_task")
    if done:
        return Decision(reply=_delete_outcome(done[-1]))
    asked = turn.convo.pending_delete()
    if asked is None:
        return Decision(reply="Okay! What would you like to do with your tasks?")
    return Decision(
        calls=[ToolCall("delete_task", {"task_ids": asked.task_ids(), "confirm": True})]
    )


def _decline(turn: Turn) -> Decision:
    asked = turn.convo.pending_delete()
    if asked is not None:
        return Decision(reply=f"Okay, I won't delete {replies.quoted(asked.tasks())}.")
    return Decision(reply="Okay. Anything else I can do for your tasks?")


def _list(turn: Turn) -> Decision:
    f = turn.intent.filter
    listed = _lookup(turn.convo, **_list_arguments(f, 50))
    if isinstance(listed, ToolCall):
        return Decision(calls=[listed])
    tasks = _filter_locally(listed, f, turn.today)
    what = _what(f)
    if f.count_only:
        return Decision(reply=f"You have {len(tasks)} {what}.")
    if not tasks:
        if f.text:
            return Decision(reply=f"I found no {what}.")
        return Decision(reply=f"You have no {what}." + (" Nice!" if f.status == "pending" else ""))
    intro = f"Here {'is' if len(tasks) == 1 else 'are'} your {what} ({len(tasks)}):"
    body = replies.numbered(tasks, turn.today, show_done=f.status == "all")
    return Decision(reply=f"{intro}\n{body}")


def _what(f: ListFilter) -> str:
    words = {"pending": "open", "completed": "completed", "all": ""}[f.status]
    if f.priority:
        words += f" {f.priority}-priority"
    noun = f"{words} tasks".strip()
    if f.tag or f.word_tag:
        noun += f" tagged #{f.tag or f.word_tag}"
    if f.text:
        noun += f" about '{f.text}'"
    due = {"overdue": " that are overdue", "today": " due today", "tomorrow": " due tomorrow",
           "week": " due this week"}.get(f.due or "", "")  # fmt: skip
    return noun + due


def _greet(turn: Turn) -> Decision:
    return Decision(reply="Hi! " + replies.help_text())


def _thanks(turn: Turn) -> Decision:
    return Decision(reply="You're welcome! Anything else for your list?")


def _help(turn: Turn) -> Decision:
    if (
        turn.intent.kind == "help"
        and turn.convo.user_text.strip()
        and len(turn.convo.user_text) > 3
    ):
        lead = "I'm not sure what you'd like me to do. "
        if re.match(r"^(?:what can|help|how)", turn.convo.user_text.strip(), re.I):
            lead = ""
        return Decision(reply=lead + replies.help_text())
    return Decision(reply=replies.help_text())


HANDLERS: dict[str, Callable[[Turn], Decision]] = {
    "add": _add,
    "complete": _set_completed,
    "reopen": _set_completed,
    "update": _update,
    "delete": _delete,
    "confirm": _confirm,
    "decline": _decline,
    "list": _list,
    "greet": _greet,
    "thanks": _thanks,
    "help": _help,
}
