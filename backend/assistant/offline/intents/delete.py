"""Deleting: never at once. The tool records the request and the user's next message confirms
it (``confirm.py``); the reply says what the tool really did."""

from __future__ import annotations

import re

from backend.assistant.offline import replies
from backend.assistant.offline.intents.base import Message
from backend.assistant.offline.parsing import Intent, act, first_match, rx
from backend.assistant.offline.targets import Decision, ToolCall, Turn, delete_outcome, find_targets

DELETE = rx(
    # "take out the trash" is a task; "take out the gym task", "take X off my list" delete.
    r"^take out\s+(?P<rest>.+?\b(?:task|todo|item|reminder)s?|.+?(?=\s+(?:from|off) (?:my|the) list$))",
    r"^(?!(?:wipe|clear|clean)\s+(?:out|away|off)\b)"
    r"(?:delete|remove|erase|drop|trash|scrap|bin|discard|get rid of|throw away|"
    r"kill|nuke|wipe|clear|cancel|ditch|lose|strike|scratch|cross out|axe|rm|del)\s+(?P<rest>.+)$",
    # "clean out my completed tasks" deletes; "clean out the fridge" is a task
    r"^(?:wipe|clear|clean)\s+(?:out|away|off)\s+"
    r"(?P<rest>.*\b(?:tasks?|to-?dos?|items?|completed|done|finished|list)\b.*)$",
    r"^(?:forget about|forget)\s+(?P<rest>.+)$",
    r"^i (?:don'?t|do not|no longer) (?:need|want) (?P<rest>.+?)(?: anymore| any more)?$",
    r"^(?P<rest>.+?) (?:can|should) (?:be|go) (?:deleted|removed)$",
    r"^(?P<rest>.+?) (?:can|should|may) go$",  # "the dentist one can go"
    # "the party got cancelled": a statement that implies a delete (which still asks first)
    r"^(?P<rest>.+?)\s+(?:got|was|is|has been|have been|were|are)\s+(?:cancell?ed|called off|scrapped)$",
)
# "I don't need the gym task anymore, get rid of it": the task is named before the command.
_THEN_DELETE_IT = re.compile(
    r"^(?P<rest>.+?)\s*,\s*(?:so\s+)?(?:please\s+)?(?:get rid of|delete|remove|drop|bin|scrap|trash|"
    r"kill|clear|ditch)\s+(?:it|that|them|those|this)$",
    re.I,
)


def parse(msg: Message) -> Intent | None:
    if m := first_match(DELETE, msg.text):
        rest = msg.literal(m["rest"])
        if named_first := _THEN_DELETE_IT.match(rest):
            rest = re.sub(r"\s+(?:anymore|any more)$", "", named_first["rest"], flags=re.I)
        # a field of a task is no task: "remove the note from the dentist" deletes nothing
        if re.fullmatch(
            r"(?:the\s+)?(?:due date|deadline|notes?|description|comments?)\b.*", rest, re.I
        ):
            return Intent("help")
        return act("delete", rest, msg.today)
    return None


def handle(turn: Turn) -> Decision:
    done = turn.convo.done_this_turn("delete_task")
    if done:
        record = done[-1]
        tasks = record.tasks()
        if not record.ok or record.result.get("status") == "deleted":
            return Decision(reply=delete_outcome(record))
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
