"""The offline model's decisions: understand the message, then call tools or answer.

``decide`` runs once per model call in a turn: first with no tool results (it looks tasks
up or acts), then after each round of results (it acts, asks, or writes the reply). It is a
pure function of the conversation (the stored thread), so nothing lives in memory between
messages. Each intent's parsing and handler live in ``intents/``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from backend.assistant.offline import replies, statements
from backend.assistant.offline.classifier.combine import instead, rules_reading
from backend.assistant.offline.conversation import Conversation, ToolRecord
from backend.assistant.offline.intents import HANDLERS, question, understand, update
from backend.assistant.offline.language import normalise, ordinal
from backend.assistant.offline.parsing import (
    Details,
    Intent,
    first_match,
    priority_word,
    take_details,
)
from backend.assistant.offline.targets import PLURAL, PRONOUN, Decision, ToolCall, Turn
from backend.assistant.offline.titles import FILLER_WORDS, names_no_task, says_add

__all__ = ["Decision", "ToolCall", "decide"]

# A fragment that continues the previous request with another task: "and call dad too",
# "same for the slides", "slides too", "the poster as well".
_ALL_OF_THEM = re.compile(
    r"^(?:(?:yes|yeah|yep|ok|okay|sure)\W+)?(?:all(?: of (?:them|those|these|it))?|them all|"
    r"(?:every|each) (?:one|single one)(?: of them)?|both(?: of them)?|yes|yeah|yep)"
    r"(?:\W+(?:please|pls|thanks))?$",
    re.I,
)
_FRAGMENT = re.compile(
    r"^(?:(?:and|also|plus|oh and)\s+(?:the\s+)?"
    r"(?!(?:add|put|create|new|remind|mark|delete|remove|move|push|tag|rename)\b)"  # a new request
    r"(?P<rest>.+?)(?:\s+(?:too|as well|also))?"
    r"|(?:same (?:for|with|goes for)|ditto for|and same for)\s+(?:the\s+)?(?P<same>.+?)"
    r"|(?:the\s+)?(?P<too>(?:[\w'-]+\s+){0,3}[\w'-]+)\s+(?:too|as well|also))[.!]*$",
    re.I,
)
_PRIORITY = {"high", "hi", "low", "lo", "medium", "urgent", "important"}
# A fragment that names no task, only a change: "actually tmrw morning", "friday, high",
# "by friday, it's urgent": said of the task the previous turn was about.
_CHANGE_WORDS = FILLER_WORDS | {"make", "change", "set", "move", "due", "priority", "prio",
                                "oh", "hmm", "um", "uh", "instead", "no", "nah"}  # fmt: skip


def decide(convo: Conversation, today: date, hybrid: bool = False) -> Decision:
    """``hybrid``: the intent classifier helps the rules read messages (``classifier/``)."""
    redirect = statements.redirected(convo, today)  # "no sorry, the other one"
    if isinstance(redirect, Decision):
        return redirect
    intent = redirect or _follow_up(
        understand(convo.user_text, today, hybrid), convo, today, hybrid
    )
    # "car washed": a task's words. Read with the tasks in view, before the classifier's guess.
    ruled = rules_reading(intent)
    read = statements.about_tasks(ruled, convo, today)
    if isinstance(read, Decision):
        return read
    if read is not ruled:
        intent = read
    intent = question.asked_state(convo.user_text, intent) or intent  # "rent paid already?"
    # Several requests: carried out in order, each seeing only the tool calls made for it
    # (and the lookups before it), so two updates of two tasks stay two requests.
    said = []
    start = 0
    requests = [intent, *intent.then]
    before: Intent | None = None
    for request in requests:
        if before is not None and before.kind == "reopen" and request.items in (["it"], ["that"]):
            # "reopen it for tomorrow", "reopen X and make it due friday": the task reopened
            request = replace(
                request, items=before.items[:1], alt_subject=before.alt_subject, told=before.told
            )
        if len(requests) > 1 and request.told is None:
            # one of several: only its own words may name its task, never the others' words
            request = replace(request, told=" ".join(request.items))
        decision, start = _run(HANDLERS[request.kind], request, convo, today, start)
        before = request
        if (add := instead(request, decision)) is not None:
            decision, start = _run(HANDLERS[add.kind], add, convo, today, start)
        if decision.calls:
            return decision
        said.append(decision.reply)
    return Decision(reply=" ".join(r for r in said if r))


def _run(
    handler: Callable[[Turn], Decision],
    request: Intent,
    convo: Conversation,
    today: date,
    start: int,
) -> tuple[Decision, int]:
    """The request's decision given the calls made for it so far (from ``start``), and where
    the next request's calls start: its calls are replayed against this turn's records."""
    records = convo.this_turn
    shared = [r for r in records[:start] if r.tool == "list_tasks"]
    own: list[ToolRecord] = []
    end = start
    while True:
        decision = handler(Turn(request, replace(convo, this_turn=shared + own), today))
        made = records[end : end + len(decision.calls)]
        if decision.calls and _same_calls(decision, made):
            own += made
        elif decision.calls and end < len(records) and records[end].tool == "list_tasks":
            made = records[end : end + 1]
            shared += made  # a lookup made for another reading of the message: shared
        else:
            return decision, end
        end += len(made)


def _same_calls(decision: Decision, made: list[ToolRecord]) -> bool:
    return len(made) == len(decision.calls) and all(
        r.tool == c.name and r.arguments == c.arguments
        for r, c in zip(made, decision.calls, strict=True)
    )


def _follow_up(intent: Intent, convo: Conversation, today: date, hybrid: bool) -> Intent:
    """An answer to our own question ("which one?", "did you mean …?") continues the request
    the question was about."""
    asked = convo.previous_reply
    if not asked or not convo.previous_user_text:
        return intent
    answer = convo.user_text.strip().strip(".!")
    chosen: str | None = None
    if convo.pending_delete() is not None and (m := first_match(update.CORRECTION, answer)):
        # "delete X?" … "no sorry, I meant the library card": that one is to go (asked again)
        return Intent("delete", [m["new"]])
    if replies.WHICH_ONE in asked:
        options = replies.listed_names(asked)
        position = ordinal(answer)
        if position is not None and options:
            chosen = options[position - 1] if 0 < position <= len(options) else options[-1]
        elif intent.kind in {"help", "add"} and len(answer.split()) <= 8:
            chosen = answer
    elif replies.SAY_ALL in asked and _ALL_OF_THEM.match(answer):
        chosen = "them"  # "I'm not sure which tasks you mean … Say "all of them"": the ones listed
    elif (
        (m := re.search(r"Did you mean '(.+)'\?$", asked))
        and intent.kind == "confirm"
        and convo.pending_delete() is None  # a yes to a reply that asks both confirms the delete
    ):
        chosen = m.group(1)
    elif (change := _change_only(intent, answer, today, convo)) is not None:
        return change  # before "also tomorrow" is read as a task named "tomorrow"
    elif (m := _FRAGMENT.match(answer)) and _no_request(intent, answer):
        chosen = m["rest"] or m["same"] or m["too"]  # "mark X done" … "and Y too": the same again
        if names_no_task(chosen):
            return intent  # "me too", "that too": no other task
    if chosen is None:
        return intent
    original = understand(convo.previous_user_text, today, hybrid)
    if original.kind in {"help", "add"} and (kind := statements.kind_of(convo.previous_user_text)):
        original = Intent(kind)  # the statement we asked about ("which one?")
    if original.kind not in {"complete", "reopen", "delete", "update"}:
        return intent
    original.items, original.everything = [chosen], False
    original.fallback_subject = None  # the words said then named the task done then
    return original


def _no_request(intent: Intent, text: str) -> bool:
    """Words that ask for nothing of their own: "slides too" (not "I need to buy milk too")."""
    if intent.kind == "help":
        return True
    return intent.kind == "add" and not says_add(text) and not re.match(r"(?:i|we)\b", text, re.I)


_BARE_CLOCK = re.compile(r"(?<![\w:.])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?(?![\w:.])")


def _change_only(intent: Intent, text: str, today: date, convo: Conversation) -> Intent | None:
    """ "actually tomorrow morning", "friday, high", "by friday, it's urgent": only a change,
    so it is a change to "it", the task the previous turn was about (none: we ask which)."""
    # an update naming only filler ("prob friday": the classifier's "prob") names no task either
    # ("tag it home", "move all of them": a reference, read as ever)
    said = " ".join(intent.items)
    nameless = (
        intent.kind == "update"
        and bool(said)
        and names_no_task(said)
        and not (PRONOUN.match(said) or PLURAL.match(said))
    )
    if (intent.kind not in {"help", "add"} and not nameless) or says_add(text):
        return None
    rest, details = take_details(normalise(text), today)
    recent = convo.recent_tasks()
    if (
        details == Details()
        and (clock := _BARE_CLOCK.search(rest))
        and any(t.get("due_time") for t in recent)
    ):  # "add gym at 5pm" … "no, 6": a bare hour corrects the time just said
        details.time = f"{int(clock['h']):02d}:{clock['m'] or '00'}"
        rest = rest[: clock.start()] + " " + rest[clock.end() :]
    words = re.findall(r"[\w']+", rest.lower())
    if not details.priority and (bare := [w for w in words if w in _PRIORITY]):
        details.priority = priority_word(bare[-1])  # "friday, high"
        words = [w for w in words if w != bare[-1]]
    if details == Details() or not all(w in _CHANGE_WORDS for w in words):
        return None
    if details.time and not re.search(r"\d\s*[ap]\.?m\b|morning|evening|night|noon", text, re.I):
        details.time = _same_half_of_day(details.time, recent)
    return Intent("update", ["it"], details)


def _same_half_of_day(time: str, tasks: list[dict[str, Any]]) -> str:
    """ "add walk the dog at 7pm" … "no wait, 7:30": a corrected time said without am/pm
    keeps the afternoon of the time it corrects."""
    hour, minute = int(time[:2]), time[3:5]
    was = next((t.get("due_time") for t in tasks if t.get("due_time")), None)
    if was and int(str(was)[:2]) >= 12 and 1 <= hour < 12:
        return f"{hour + 12:02d}:{minute}"
    return time
