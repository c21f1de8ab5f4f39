"""The rules and the classifier together (``OFFLINE_ASSISTANT_INTENTS=hybrid``).

The rules decide, except where they understood nothing ("help") or read a bare add without an
explicit add command ("got the tickets" as a new task). There the classifier chooses the
intent when it is confident, and the rules' own extraction reads the rest for that intent:
titles, dates, priorities and tags (``titles_in``, ``take_details``), the words naming a task
(``subjects``, ``act``), list filters (``list_filter``).

Safety: a classifier decision never names a task by itself. A complete, reopen, update or
delete carries the words of the message that are not the intent's own words, and the normal
matching finds the task (a clear winner, or a question); a pronoun, an empty subject or a
scope like "all" is left to the rules. A delete still only asks first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date

from backend.assistant.offline import statements
from backend.assistant.offline.classifier import Classifier, load
from backend.assistant.offline.language import fix_typos, normalise
from backend.assistant.offline.parsing import (
    TASK_VERBS,
    Intent,
    act,
    hide_quotes,
    list_filter,
    take_details,
    titles_in,
)
from backend.assistant.offline.targets import PLURAL, PRONOUN, Decision
from backend.assistant.offline.titles import says_add, without_pleasantries

_CHANGES = {"complete", "reopen", "update", "delete"}
_ADDING_ON = {"and", "too", "also", "as", "well"}  # "and annabel too": a follow-up's own words
CONFIDENT = 0.6  # the classifier's probability needed to overrule the rules' reading
INTENT_WORD = 0.8  # a word whose own weight for the intent is above this is no task word
_FILLER = {
    "the", "a", "an", "my", "pls", "please", "plz", "thx", "thanks", "ok", "okay", "so", "just",
    "i", "it", "u", "you", "can", "could", "to", "that", "this", "one", "task", "thing", "now",
    "already", "yet", "actually", "oh", "oops", "hmm", "lol", "yay", "is", "are", "was", "were",
    "been", "be", "has", "have", "had", "not", "isn't", "wasn't", "still", "turns", "out", "'s",
}  # fmt: skip


@dataclass
class Chosen(Intent):
    """The classifier's reading, with the rules' (``rules``). Where the rules read a bare add
    and the classifier a change that finds no task, the add stands (``instead``)."""

    rules: Intent | None = None


def instead(request: Intent, decision: Decision) -> Intent | None:
    """The rules' add, when the classifier's change found no task at all."""
    if not isinstance(request, Chosen) or request.rules is None or decision.calls:
        return None
    if request.rules.kind != "add" or request.kind not in _CHANGES:
        return None
    return request.rules if decision.no_such_task else None


def asked(message: str, rules: Intent) -> bool:
    """Whether the classifier is consulted: the rules understood nothing, or read a bare add."""
    if rules.then or hide_quotes(message)[1]:  # several requests, or quoted text: the rules'
        return False
    if rules.names_task:  # a name with attributes: the rules look for that task first
        return False
    if rules.kind == "help":
        return True
    return rules.kind == "add" and not says_add(message)


def combined(message: str, rules: Intent, today: date, model: Classifier | None = None) -> Intent:
    """The rules' reading, or the classifier's intent read by the rules' extraction."""
    if not asked(message, rules):
        return rules
    model = model or load()
    text = normalise(fix_typos(without_pleasantries(message)))
    if not text:
        return rules
    label, probability = model.predict(text)
    if probability < CONFIDENT:
        return rules
    if message.rstrip().endswith("?") and label not in {"question", "other"}:
        return rules  # a question changes nothing
    if label == "complete" and rules.kind == "add" and text.split()[0].lower() in TASK_VERBS:
        return rules  # "pick up the suit I dropped off": a task to do, said as one
    chosen = _read_as(label, text, rules, today, model)
    if chosen is None:
        return rules
    if chosen.kind == rules.kind:
        return chosen
    values = {f.name: getattr(chosen, f.name) for f in fields(Intent)}
    return Chosen(**values, rules=rules)


def rules_reading(intent: Intent) -> Intent:
    """What the rules read, under the classifier's choice (the task-aware reading of
    statements, ``statements.py``, starts from it and comes first)."""
    return intent.rules if isinstance(intent, Chosen) and intent.rules else intent


def _read_as(label: str, text: str, rules: Intent, today: date, model: Classifier) -> Intent | None:
    """The message read as the classifier's intent, or None when the rules cannot read it so."""
    if label == rules.kind or (label == "question" and rules.kind == "list"):
        return None
    if label == "other":
        return Intent("help")  # thinking aloud adds nothing
    if label == "add":
        if statements.tells_what_was_done(text):
            return None  # "I talked with the plumber today": news, read by the rules
        titles, details, each = titles_in(text, today)
        return Intent("add", titles, details, item_details=each) if titles else None
    if label == "question":
        return Intent("list", filter=list_filter(text, today))
    if label == "update":
        leftover, details = take_details(text, today)
        if not (details.due or details.priority or details.tags or details.shift_days
                or details.shift_months or details.schedule or details.clear_due):  # fmt: skip
            return None
        subject = _task_words(leftover, label, model)
        if not subject:
            return None
        intent = act("update", subject, today)
        intent.details = details
        return _named(intent)
    if label == "complete" and statements.obliged(text):
        return None  # "the report must be done": still to do
    said = [w for w in _words(text) if w.lower() not in _FILLER | _ADDING_ON]
    if len(said) < 2:
        return None  # a name alone ("annabel", "and the garage too") is no request to change it
    subject = _task_words(text, label, model)
    return _named(act(label, subject, today)) if subject else None


_LATER_CLAUSE = re.compile(r"\s*(?:[,;]|\bso\b|\b(?:you|u) can\b).*$", re.I)


def _task_words(text: str, label: str, model: Classifier) -> str:
    """The message's first clause without the intent's own words ("chk off the cat" -> "cat",
    "the car's been washed, you can close it" -> "car washed")."""
    text = _LATER_CLAUSE.sub("", text) or text
    kept = [
        w for w in _words(text)
        if w.lower() not in _FILLER and model.word_weight(w, label) <= INTENT_WORD
    ]  # fmt: skip
    return " ".join(kept)


def _words(text: str) -> list[str]:
    return re.findall(r"[\w#&+-]+(?='s\b)|[\w'#&+-]+", text)


def _named(intent: Intent) -> Intent | None:
    """Only a task named by its words: never a pronoun, nothing, or every task."""
    if intent.everything or not intent.items:
        return None
    subject = intent.items[0]
    if PRONOUN.match(subject) or PLURAL.match(subject):
        return None
    return intent
