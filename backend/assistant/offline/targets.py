"""Finding the tasks a request is about, and what every intent's handler returns.

A handler gets a ``Turn`` (the intent, the conversation, today) and returns a ``Decision``:
tool calls to make, or the reply. Tasks are found through list_tasks results of this turn
(a lookup not yet made is returned as the call to make), so nothing is kept in memory.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from backend.assistant.offline import replies
from backend.assistant.offline.conversation import Conversation
from backend.assistant.offline.dates import days_said, describe, find_date, named_by_date
from backend.assistant.offline.language import ordinal, split_list
from backend.assistant.offline.matching import candidates, closest, prefer, shares_a_word
from backend.assistant.offline.parsing import Intent, ListFilter

Task = dict[str, Any]

LOOKUP_LIMIT = 100

PRONOUN = re.compile(
    r"^(?:it|that|this|that one|this one|the task|that task|this task|the last one|"
    r"the one i just added|what i just added)$",
    re.IGNORECASE,
)

# "the two passport ones" (never "two coffees": a title's own number)
_THE_TWO = r"(?:the\s+)?two(?=\s.*\b(?:ones|tasks|todos|items|things)$)"
# "both milk tasks", "all the grocery ones", "the two passport ones" (not "it rained all
# morning but the lawn")
PLURAL_WORDS = re.compile(
    rf"^(?:both|all|{_THE_TWO})\b|\b(?:both|all)\s+(?:of\s+)?(?:the|my|these|those)\b",
    re.IGNORECASE,
)

# "make the other one high priority": the one of a pair the latest turn left alone (the
# subject arrives without "the" and "one")
THE_OTHER = re.compile(r"^(?:the\s+)?other(?:\s+(?:one|task|todo|item))?$", re.I)

BOTH = re.compile(r"^(?:both|both of them|them both|the two)$", re.I)

THE_X_ONES = re.compile(r"^(?:all\s+)?(?:the\s+)?#?(?P<word>[\w-]+)\s+ones$", re.I)

# The words for several tasks just named or told of: one list for every reader
PLURAL = re.compile(
    r"^(?:them|those|these|both|them both|both of them|all of them|all three|all of those|they|"
    r"them all|it all|those two|these two|the two of them|both of those|all those|all these|"
    r"both of these|all of these|the two|those things)$",
    re.I,
)


@dataclass
class ToolCall:
    name: str
    arguments: dict[str, Any]


@dataclass
class Decision:
    calls: list[ToolCall] = field(default_factory=list)
    reply: str = ""
    # No task matched the words at all (not even a "did you mean"): a reading that assumed
    # an existing task was wrong, so the classifier's guess gives way to the rules' (combine.py).
    no_such_task: bool = False
    # No task matched, but one is close ("Did you mean …?"): a delete asks about it at once.
    suggestion: Task | None = None


@dataclass
class Turn:
    intent: Intent
    convo: Conversation
    today: date


def lookup(convo: Conversation, **arguments: Any) -> list[Task] | ToolCall:
    """The result of list_tasks with these arguments, or the call to make to get it."""
    record = convo.lookup(arguments)
    if record is None:
        return ToolCall("list_tasks", arguments)
    return record.tasks()


def filter_locally(
    tasks: list[Task], f: ListFilter, today: date, *, strict: bool = False
) -> list[Task]:
    """What the tool's filters cannot say. ``strict`` (before changing tasks): a scope word
    ("the garden tasks") that names no tag narrows to titles with the word, never to all."""
    if _when_done(f):  # "how many did I tick off this week": when they were done
        since = today - timedelta(days=6 if f.due == "week" else 0)
        tasks = [t for t in tasks if str(t.get("completed_at") or "")[:10] >= str(since)]
    day = today + timedelta(days=1) if f.due == "tomorrow" else f.due_on
    if day is not None:
        tasks = [t for t in tasks if t.get("due_date") == str(day)]
    if f.repeats:
        tasks = [t for t in tasks if t.get("recurrence")]
    if f.word_tag:
        tagged = [t for t in tasks if carries(t, f.word_tag)]
        if tagged or strict:
            tasks = tagged or [t for t in tasks if has_word(t["title"], f.word_tag)]
    return tasks


def _when_done(f: ListFilter) -> bool:
    """Done tasks asked about by a recent day ("what did I finish today?") are those done
    then, whatever their due date."""
    return f.status == "completed" and f.due in {"today", "week"}


def carries(task: Task, tag: str) -> bool:
    """The task has the tag, singular or plural ("pet tasks" are the ones tagged pets,
    "grocery tasks" the ones tagged groceries)."""
    return any(_one(t) == _one(tag) for t in task.get("tags", []))


def _one(word: str) -> str:
    """A tag word in the singular: "groceries" is "grocery", "pets" is "pet"."""
    word = word.lower()
    return word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")


def has_word(title: str, word: str) -> bool:
    return re.search(rf"\b{re.escape(word)}", title, re.I) is not None


def list_arguments(f: ListFilter, limit: int) -> dict[str, Any]:
    args: dict[str, Any] = {"status": f.status, "limit": limit}
    if f.due in {"overdue", "today", "week"} and not _when_done(f):
        args["due"] = f.due
    for key in ("priority", "tag", "text"):
        if getattr(f, key):
            args[key] = getattr(f, key)
    return args


Found = list[Task] | Decision
_BOTH_THE = re.compile(rf"^(?:both|all|{_THE_TWO})\s+(?:of\s+)?(?:the\s+|my\s+)?(?=\S)", re.I)


# "the watering reminder for it": a task named by what it is for, said elsewhere.
_FOR_IT = re.compile(
    r"\s+(?:for|of|about|on|with|to)\s+(?P<who>it|them|him|her)$", re.I
)  # "the email to him": a person the rest of the message names


def _words_not_in(text: str, subject: str) -> str:
    said = {w.lower() for w in re.findall(r"\w+", subject)}
    return " ".join(w for w in re.findall(r"\w+", text) if w.lower() not in said)


# "push sending it to friday": the task is named by its act; the pronoun after it adds nothing.
_ACT_OF_IT = re.compile(r"^(?P<act>(?:the\s+)?[a-z]{2,}ing)\s+(?:it|them|that|this)$", re.I)


def find_one(subject: str, turn: Turn, done_wanted: bool | None) -> Found:
    """Tasks matching the words: a lookup by text first, then everything (typos)."""
    convo = turn.convo
    if (line := _listed_line(subject, convo)) is not None:
        subject = line[0]
    subject = _ACT_OF_IT.sub(r"\g<act>", subject)
    said = _BOTH_THE.sub("", subject)  # "both the grocery tasks": the tasks' words are "grocery"
    said = _FOR_IT.sub("", said)
    by_text = lookup(convo, status="all", text=said, limit=LOOKUP_LIMIT)
    if isinstance(by_text, ToolCall):
        return Decision(calls=[by_text])
    found = candidates(said, by_text)
    everything: list[Task] | ToolCall = []
    if not found:
        everything = lookup(convo, status="all", limit=LOOKUP_LIMIT)
        if isinstance(everything, ToolCall):
            return Decision(calls=[everything])
        found = candidates(said, everything)
    if len(found) > 1 and done_wanted is not None:
        found = prefer(found, done_wanted)
    if len(found) > 1 and turn.intent.everything is False and PLURAL_WORDS.search(subject):
        if re.search(rf"\bboth\b|^{_THE_TWO}", subject, re.I) and len(found) != 2:
            return Decision(reply=replies.ask_scope(found, turn.today))  # "both" names two
        return found  # "both milk tasks": all of them
    if (m := _FOR_IT.search(subject)) and m["who"].lower() in {"him", "her"} and found:
        # "called ravi. move the email to him": the task must name the person said elsewhere
        elsewhere = _words_not_in(convo.user_text, subject[: m.start()])
        found = [
            t for t in found
            if shares_a_word(elsewhere, t["title"]) or m[0].strip().lower() in t["title"].lower()
        ]  # fmt: skip
    if len(found) > 1 and (m := _FOR_IT.search(subject)):
        # "the cactus died, delete the watering reminder for it": "it" is named elsewhere in
        # the message; of the tasks the words fit, the one with a word of the rest of it
        elsewhere = _words_not_in(convo.user_text, subject[: m.start()])
        found = [t for t in found if shares_a_word(elsewhere, t["title"])] or found
    if len(found) > 1 and line is not None:  # the line picked from a list we showed
        picked = [t for t in found if replies.task_line(t, turn.today, show_done=True) == line[1]]
        found = picked if len(picked) == 1 else found  # it changed since: ask again
    if len(found) > 1:
        exact = [t for t in found if t["title"].lower() == subject.lower()]
        if len(exact) != 1 and (by_day := _by_the_day_said(found, turn, subject)) is not None:
            exact = [by_day]
        if len(exact) != 1:
            return Decision(reply=replies.ask_which(subject, found, turn.today))
        found = exact
    if not found:
        pool = everything if isinstance(everything, list) else by_text
        suggestion = closest(subject, pool)
        return Decision(
            reply=replies.not_found(subject, suggestion),
            no_such_task=suggestion is None,
            suggestion=suggestion,
        )
    return found


def _listed_line(subject: str, convo: Conversation) -> tuple[str, str] | None:
    """(title, line) when the subject is a whole line of the numbered list we last showed, as
    ``replies.listed_names`` gives it for tasks of one title."""
    if " — " not in subject or not re.search(
        rf"^\s*\d+\.\s+{re.escape(subject)}$", convo.previous_reply or "", re.M
    ):
        return None
    return subject.removeprefix("✓ ").split(" — ", 1)[0], subject


def _by_the_day_said(found: list[Task], turn: Turn, subject: str) -> Task | None:
    """Tasks of one title told apart by the day the message says: "took out the bins today",
    "delete the school call that's due today" with the same task due today and next week. Only
    when the titles are the same (the words cannot choose) and the day picks exactly one: the
    day said with the task's name, else the message's only day ("delete the call alex for
    tomorrow, I'll do it today" means tomorrow's)."""
    if len({t["title"].lower() for t in found}) != 1:
        return None
    named = find_date(subject, turn.today)
    days = {named.day} if named is not None else days_said(turn.convo.user_text, turn.today)
    if len(days) != 1:
        return None
    due = [t for t in found if t.get("due_date") == str(next(iter(days)))]
    return due[0] if len(due) == 1 else None


# The other half says how a thing is now: "bathroom's sparkling, tick it off" ("it" is the
# bathroom's task; the word after "is" is no word of its title).
_SAID_OF = re.compile(
    r"^(?:the\s+|my\s+|our\s+)?(?P<thing>[\w-]+(?:\s+[\w-]+){0,2}?)(?:'s|\s+(?:is|are|was|were))\s+"
    r"(?:now\s+|all\s+|finally\s+)?[\w-]+(?:\s+(?:now|again|already))?$",
    re.I,
)


def find_targets(turn: Turn, done_wanted: bool | None) -> Found:
    intent, convo = turn.intent, turn.convo
    if intent.everything:
        if not intent.filter.narrows and (shown := convo.shown_last_turn()):
            return shown  # "show my groceries" … "mark everything done": what it just showed
        args = list_arguments(intent.filter, LOOKUP_LIMIT)
        listed = lookup(convo, **args)
        if isinstance(listed, ToolCall):
            return Decision(calls=[listed])
        tasks = filter_locally(listed, intent.filter, turn.today, strict=True)
        return tasks or Decision(reply="There are no tasks like that, so I changed nothing.")
    subject = intent.items[0] if intent.items else "it"
    if intent.alt_subject and (PRONOUN.match(subject) or PLURAL.match(subject)):
        # "rent is paid, mark it done": "it" is what the other half of the message names.
        found = find_one(intent.alt_subject, turn, done_wanted)
        if (
            isinstance(found, Decision)
            and not found.calls
            and (m := _SAID_OF.match(intent.alt_subject))
        ):
            found = find_one(m["thing"], turn, done_wanted)  # "bathroom's sparkling, tick it off"
        if isinstance(found, Decision) and not found.calls and PLURAL.match(subject):
            found = _each(intent.alt_subject, turn, done_wanted) or found  # "X and Y …, both"
        if not (isinstance(found, Decision) and not found.calls):
            return found
    if PRONOUN.match(subject) or PLURAL.match(subject):
        recent = convo.recent_tasks()
        if not recent and intent.swap and PRONOUN.match(subject):
            # "sorry, I meant John, not Jon" with no task in view: the one task whose title has
            # the word put right (several or none: we ask, as before)
            listed = lookup(convo, status="all", limit=LOOKUP_LIMIT)
            if isinstance(listed, ToolCall):
                return Decision(calls=[listed])
            having = [t for t in listed if has_word(t["title"], intent.swap[0])]
            if len(having) == 1:
                return having
        if not recent:
            return Decision(reply="Which tasks do you mean? Tell me their titles.")
        if BOTH.match(subject) and len(recent) == 1:  # "add X" … "add Y" … "both"
            recent = convo.two_single_adds() or recent
        if BOTH.match(subject) and len(recent) != 2:  # "both" must point at exactly two
            return Decision(reply=replies.ask_scope(recent, turn.today))
        if PLURAL.match(subject) or len(recent) == 1:
            return recent
        last = convo.done_this_turn("list_tasks") or [r for r in convo.earlier if r.tasks()][-1:]
        if last and last[-1].tool == "list_tasks":  # "it" after a list of several: ask
            return Decision(reply=replies.ask_which("it", recent, turn.today))
        return recent[-1:]
    if THE_OTHER.match(subject):
        rest = convo.the_other()
        if len(rest) == 1:
            return rest
        return Decision(reply=replies.ask_which("the other one", rest, turn.today) if rest
                        else "Which task do you mean? Tell me its title.")  # fmt: skip
    if m := THE_X_ONES.match(subject):  # "the shopping ones": show them and ask, never guess
        everything = lookup(convo, status="all", limit=LOOKUP_LIMIT)
        if isinstance(everything, ToolCall):
            return Decision(calls=[everything])
        word = m["word"].lower()
        group = [t for t in everything if word in t.get("tags", []) or has_word(t["title"], word)]
        if len(group) > 1 or (group and group[0]["title"].lower() != word):
            return Decision(reply=replies.ask_scope(group, turn.today))
    if day := named_by_date(subject, turn.today):
        return _due_on(day, subject, turn)
    if (position := ordinal(subject)) is not None:
        titles = replies.listed_names(convo.previous_reply)
        if not titles:  # no list shown: the tasks this conversation added, in order
            titles = [t["title"] for r in convo.earlier if r.tool == "add_task" for t in r.tasks()]
        if not titles:
            return Decision(reply="Which list do you mean? Ask me to show your tasks first.")
        subject = titles[min(position, len(titles)) - 1] if position > 0 else titles[-1]
    found = find_one(subject, turn, done_wanted)
    if isinstance(found, Decision) and found.calls:
        return found  # the whole name's lookup first
    if isinstance(found, list) and _names_every_part(subject, found):
        return found  # "salt and pepper": one task has every part
    # "eggs and bread": no task by that whole name (or one with only some of the words:
    # "laundry + dishes" is not "Do the laundry"), so perhaps two tasks.
    return _each(subject, turn, done_wanted) or found


def _names_every_part(subject: str, tasks: list[Task]) -> bool:
    """ "salt and pepper" in "Buy salt and pepper": every part of the list is in a title."""
    return all(any(shares_a_word(part, t["title"]) for t in tasks) for part in split_list(subject))


def _each(subject: str, turn: Turn, done_wanted: bool | None) -> Found | None:
    """Every task of a list of names ("eggs and bread"), or None when one is not found."""
    if not re.search(r",|\band\b|&|\+|\bplus\b", subject):
        return None
    names = split_list(re.sub(r"\b(?:both|all)\s+", "", subject, flags=re.I))
    parts = [find_one(part, turn, done_wanted) for part in names]
    calls = [c for p in parts if isinstance(p, Decision) for c in p.calls]
    if calls:
        return Decision(calls=calls)
    missing = [p for p in parts if isinstance(p, Decision)]
    if missing and len(missing) < len(parts) and len(names) > 1:
        # "the dishes and the ironing" with no ironing task: never only some of those named
        # (nor a guess for one part offered as the whole request)
        return replace(missing[0], suggestion=None)
    if missing:
        return None
    return [t for p in parts if isinstance(p, list) for t in p]


def _due_on(day: date, subject: str, turn: Turn) -> Found:
    """The one open task due that day, or a question (several, or none)."""
    listed = lookup(turn.convo, status="pending", limit=LOOKUP_LIMIT)
    if isinstance(listed, ToolCall):
        return Decision(calls=[listed])
    due = [t for t in listed if t.get("due_date") == str(day)]
    if len(due) == 1:
        return due
    if due:
        return Decision(reply=replies.ask_which(subject, due, turn.today))
    return Decision(reply=f"No open task is due {describe(day, turn.today)}, so I changed nothing.")


def failures(records: list[Any]) -> str:
    reasons = [r.error_message for r in records if not r.ok]
    return " ".join(f"Sorry, that didn't work: {reason}" for reason in reasons)


def delete_outcome(record: Any) -> str:
    """What really happened, from the tool's own status (never assumed)."""
    if not record.ok:
        return failures([record])
    if record.result.get("status") == "deleted":
        return f"Deleted {replies.quoted(record.tasks())}."
    return "Nothing was deleted: that request had lapsed. Ask again if you still want it gone."
