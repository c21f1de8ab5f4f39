"""Deleting: never at once. The tool records the request and the user's next message confirms
it (``confirm.py``); the reply says what the tool really did."""

from __future__ import annotations

import re
from datetime import date

from backend.assistant.offline import replies
from backend.assistant.offline.dates import find_date
from backend.assistant.offline.intents.base import Message
from backend.assistant.offline.matching import shares_a_word
from backend.assistant.offline.parsing import Intent, act, first_match, rx
from backend.assistant.offline.statements import referred
from backend.assistant.offline.targets import (
    LOOKUP_LIMIT,
    PRONOUN,
    Decision,
    Task,
    ToolCall,
    Turn,
    delete_outcome,
    find_targets,
    lookup,
)

_TASK_WORDS = r"(?:task|todo|to-do|item|one|reminder|entry)s?"
_OFF_LIST = r"\s+(?:from|off)\s+(?:my|the|our)\s+(?:to-?do\s+|task\s+)?list"
_NO_LONGER = r"(?:\s+(?:after all|anymore|any more|any longer|now))+"
DELETE = rx(
    # "take out the trash" is a task; "take out the gym task", "take X off my list" delete.
    r"^take out\s+(?P<rest>.+?\b(?:task|todo|item|reminder)s?|.+?(?=\s+(?:from|off) (?:my|the) list$))",
    r"^(?!(?:wipe|clear|clean)\s+(?:out|away|off)\b)"
    # "trash is out", "bin's been emptied": the word is the thing, said with a verb of its own
    r"(?!(?:trash|bin|scrap)(?:'s|\s+(?:is|are|was|were|has|have|had|got|went|goes)\b))"
    r"(?:delete|remove|erase|drop|trash|scrap|bin|discard|get rid of|throw away|"
    r"kill|nuke|wipe|clear|cancel|ditch|lose|strike|scratch|cross out|axe|rm|del)\s+(?P<rest>.+)$",
    # "clean out my completed tasks" deletes; "clean out the fridge" is a task
    r"^(?:wipe|clear|clean)\s+(?:out|away|off)\s+"
    r"(?P<rest>.*\b(?:tasks?|to-?dos?|items?|completed|done|finished|list)\b.*"
    # "clear out everything that's due tomorrow" (never "clear out everything in the shed")
    r"|everything\s+(?:(?:that|which)\s+(?:is|was|are|were)\s+|that's\s+)?(?:due|tagged|overdue)\b.*)$",
    # the command said last, after the task: "the drone beach thing, delete", "🗑️ gym task - delete
    # it" (a bin emoji in front says the same); never after an add's verb
    r"^(?!(?:add|remind|put|create|make|note|set|schedule)\b)(?:\U0001F5D1\ufe0f?\s*)?"
    r"(?P<rest>.+?)\s*(?:[,:;\u2013\u2014]|\s-)\s*(?:just\s+|please\s+)?(?:delete|remove|bin|scrap|trash)"
    r"(?:\s+(?:it|that|this|pls|please))?$",
    # a bin emoji in front is the command: "🗑️ the gym task"
    r"^\U0001F5D1\ufe0f?\s*(?P<rest>.+)$",
    r"^(?:forget about|forget)\s+(?P<rest>.+)$",
    r"^take\s+(?P<rest>.+?)\s+off\s+(?:my|the)\s+(?:todo\s+|to-?do\s+|task\s+)?list$",
    # said, not asked: "we're not doing the party after all", "no need for the florist anymore",
    # "the party isn't happening anymore", "we won't be needing the caterer"
    rf"^(?:i|we)(?:'re|'m| are| am)? not (?:doing|having|going to|going with|holding|hosting|"
    rf"booking|buying|needing|bothering with)\s+(?P<rest>.+?){_NO_LONGER}$",
    rf"^(?:i|we) (?:will not|won't|do not|don't) (?:be\s+)?(?:needing|doing|having|need)\s+"
    rf"(?P<rest>.+?){_NO_LONGER}?$",
    rf"^(?:there is\s+|there's\s+)?no (?:more )?need for\s+(?P<rest>.+?){_NO_LONGER}?$",
    rf"^(?P<rest>.+?)\s+(?:is|are) (?:not|no longer) (?:happening|needed|necessary|required|"
    rf"going ahead|on)(?:{_NO_LONGER})?$",
    r"^(?P<rest>.+?)\s+(?:is|are) (?:off|unnecessary|not needed)$",
    # "there's no point keeping the gear thing around, get rid of it": the task is kept no more
    rf"^(?:there is|there's|theres)\s+no (?:point|sense|use)\s+(?:in\s+)?(?:keeping|having)\s+"
    rf"(?P<rest>.+?)(?:\s+(?:around|about|on (?:my|the) list)|{_NO_LONGER})?"
    r"(?=\s*(?:[,.;!]\s*(?:so\s+)?(?:please\s+)?(?:get rid of|delete|remove|drop|bin|scrap|trash|ditch)"
    r"\s+(?:it|that|them|this)\W*)?$)",
    r"^i (?:don'?t|do not|no longer) (?:need|want) (?P<rest>.+?)(?: anymore| any more)?$",
    # the task named first, then kept no more: "that thing about the piano tuner, we don't need
    # it anymore since we sold the piano", "the gym one we no longer need"
    rf"^(?!(?:remind|add|put|create|make|note|set)\b)(?P<rest>.+?)[\s,;]+(?:i|we)\s+"
    rf"(?:(?:do not|don't|will not|won't)\s+(?:need|want)\s+(?:it|that|this|them)(?={_NO_LONGER})"
    r"|no longer\s+(?:need|want)(?:\s+(?:it|that|this|them))?\b)\b.*$",
    r"^(?P<rest>.+?) (?:can|should) (?:be|go) (?:deleted|removed)$",
    r"^(?P<rest>.+?) (?:can|should|may) go$",  # "the dentist one can go"
    # a wish, said formally: "I should like the task regarding the fence removed from my list",
    # "I'd like the gym one deleted", "could you have the dentist task taken off the list";
    # only with a task word or "from my list" ("I want the spam emails deleted" may be a task)
    rf"^(?:(?:i|we)(?:'d| would| should)?\s+(?:like|want|prefer)|(?:please\s+|(?:can|could|would)"
    rf"\s+you\s+(?:please\s+)?)?(?:have|get))\s+(?P<rest>(?:.+?\b{_TASK_WORDS}\b.*?|.+?(?={_OFF_LIST})))"
    rf"\s+(?:removed?|deleted?|erased?|taken? off|struck off|crossed off|gone|binned|scrapped)"
    rf"(?:{_OFF_LIST})?(?:\s+(?:please|now|thanks|thank you))?$",
    # "the party got cancelled": a statement that implies a delete (which still asks first)
    # (for when said after it: "the book club has been called off this month")
    r"^(?P<rest>.+?)\s+(?:got|was|is|has been|have been|were|are)\s+(?:cancell?ed|called off|scrapped)"
    r"(?:\s+(?:(?:for\s+)?(?:this|next)\s+(?:week|month|year|time)|today|tonight|tomorrow))?$",
)
# "I don't need the gym task anymore, get rid of it": the task is named before the command.
_THEN_DELETE_IT = re.compile(
    r"^(?P<rest>.+?)\s*,\s*(?:so\s+)?(?:please\s+)?(?:get rid of|delete|remove|drop|bin|scrap|trash|"
    r"kill|clear|ditch)\s+(?:it|that|them|those|this)$",
    re.I,
)


# A remark after a delete, never part of what is deleted: "…, list is a mess", "…? We've
# decided to do the flowers ourselves", "…, I don't need it", "… as we found another one",
# "… we fixed the light ourselves" (a run-on: "we" and a past verb start a sentence).
_REMARK = re.compile(
    r"\s*(?:[,;:]|[.!?](?=\s)|\s(?=(?:as|since|coz|cos|cause)\s+(?:i|we|they|it)\b)"
    # a run-on: "… we fixed it ourselves" (never "the tasks I already finished")
    r"|\s(?=(?:i|we|they)\s+(?:just\s+|already\s+)?(?!finished|completed|marked|ticked)"
    r"[a-z]+ed\b))\s*"
    r"(?P<tail>(?:(?:and|but|so|as|since|coz|cos|cause)\s+)?(?:.*\b(?:i|we|they|it|he|she|you|"
    r"i'm|i'll|i've|we've|we're|it's|they're|is|are|was|were)\b|(?:do not|don't|dont|not|no|never|"
    r"no longer)\b).*"
    # what someone else did: "…, the office sent everything back", "…, my sister baked one"
    r"|(?:the|my|our|his|her|their)\s+[\w']+(?:\s+[\w']+)?\s+(?:\w+ed|sent|said|told|came|went"
    r"|gave|took|lost|broke|found|wrote|rang|made|bought|got)\b.*"
    # what someone else wants or found, their article dropped: "…, prof wants changes", "…, boss
    # needs edits", "…, accountant found an error", "…, QA spotted a regression"
    r"|(?:(?:the|my|our|his|her|their)\s+)?[\w']+\s+(?:wants|needs|asked\s+for|requested|says|said"
    r"|found|spotted|noticed|reported|flagged|caught)\b.*"
    # a clipped reason: "…, studio closed", "…, trip cancelled", "…, sink fixed"
    r"|(?:[\w']+\s+){1,3}(?:closed|shut|cancell?ed|called\s+off|postponed|over|gone|sold|died|"
    r"dead|broken|fixed|sorted|paid)\W*)$",
    re.I,
)


# A task kept, said beside the one deleted: "the dentist appointment (keep the doctor one)",
# "…, not the doctor one", "… but leave the doctor task": never part of the name, and never
# deleted (the words left name only the task to delete).
_SPARED = re.compile(
    r"\s*(?:\(\s*(?:but\s+)?(?:keep|leave|not|except)\b[^()]*\)?"
    r"|(?:[,;:]|\s[-\u2013\u2014])\s*(?:but\s+)?(?:keep|leave|not|except)\s+(?:the|my|that)\s+[^,;()]+?"
    r"|\s+but\s+(?:keep|leave|not)\s+(?:the|my|that)\s+[^,;()]+?"
    r"|\s+(?:keep|leave|not)\s+the\s+[\w'-]+(?:\s+[\w'-]+)?\s+(?:one|task)"
    r")(?:\s+(?:one|task|alone|as is|though|please))*\s*[.!]*$",
    re.I,
)


def remark_cut(text: str) -> str:
    m = _REMARK.search(text)
    if m is None or m.start() == 0:
        return text
    # "reopen X pls, prof wants changes": the "please" that ended the request is no title's
    return re.sub(r"\s+(?:please|pls|plz)$", "", text[: m.start()].strip(), flags=re.I)


def without_remark(text: str) -> str:
    """A delete followed by a remark is only the delete: "scrap the gym, I cancelled my
    membership" is never also a statement about a membership."""
    said = remark_cut(text)
    return said if said != text and first_match(DELETE, said) else text


# "the school call that's due today": the day tells same-named tasks apart (``targets.py`` reads
# it from the message); it is no word of the title.
_DUE_DAY = re.compile(
    r"\s+(?:(?:that|which)\s+(?:is|was)\s+)?due\s+(?P<day>\w+(?:\s+\w+){0,2})$", re.I
)


def _without_due_day(rest: str, today: date) -> str:
    if re.match(r"(?:everything|all|anything|every|each|the\s+tasks?|tasks?)\b", rest, re.I):
        return rest  # "everything that's due tomorrow": a scope, kept whole
    m = _DUE_DAY.search(rest)
    return rest[: m.start()] if m and m.start() > 0 and find_date(m["day"], today) else rest


def parse(msg: Message) -> Intent | None:
    m = first_match(DELETE, msg.text)
    if m is None and (said := remark_cut(msg.text)) != msg.text:
        m = first_match(DELETE, said)  # "the florist task can go, we sorted it another way"
    if m:
        rest = msg.literal(_SPARED.sub("", m["rest"]) or m["rest"])  # quoted words stay whole
        if named_first := _THEN_DELETE_IT.match(rest):
            rest = re.sub(r"\s+(?:anymore|any more)$", "", named_first["rest"], flags=re.I)
        rest = remark_cut(rest)
        rest = _without_due_day(rest, msg.today)
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
            guess = _near_match(turn)
            if guess is not None:  # the "did you mean" is the delete's own question
                return Decision(reply=f"{guess.reply} Say yes to delete it, or no to keep it.")
            return Decision(
                reply=f"Delete {replies.quoted(tasks)}? Say yes to confirm, or no to keep it."
            )
        return Decision(
            reply=f"Delete these {len(tasks)} tasks?\n{replies.numbered(tasks, turn.today)}\n"
            "Say yes to confirm, or no to keep them."
        )
    found = find_targets(turn, done_wanted=None)
    if isinstance(found, Decision) and not found.calls:
        found = _named_in_story(turn) or _the_repeating_one(turn) or found
    if isinstance(found, Decision):
        if (guess := _near_match(turn, found)) is not None and guess.suggestion is not None:
            # "del wifi pw task" with only "Change the wifi password" close: asking "did you
            # mean" and then "delete it?" would take two yeses; the delete is requested now
            # (it waits for a yes, as every delete does) and the question asks both at once.
            return Decision(calls=[ToolCall("delete_task", {"task_ids": [guess.suggestion["id"]]})])
        return found
    return Decision(calls=[ToolCall("delete_task", {"task_ids": [t["id"] for t in found]})])


_REPEATING = re.compile(r"(?:recurring|repeating|repeat)(?:\s+(?:task|todo|one|reminder))?", re.I)


def _the_repeating_one(turn: Turn) -> list[Task] | Decision | None:
    """ "I got an automatic watering system for the plants so delete that recurring task": of
    the open repeating tasks, the only one, else the one the rest of the message names; never a
    guess between several (then as before: a question)."""
    if not (turn.intent.items and _REPEATING.fullmatch(turn.intent.items[0])):
        return None
    tasks = lookup(turn.convo, status="pending", limit=LOOKUP_LIMIT)
    if isinstance(tasks, ToolCall):
        return Decision(calls=[tasks])
    repeating = [t for t in tasks if t.get("recurrence")]
    if len(repeating) > 1:
        repeating = referred(turn.convo.user_text, repeating)
    return repeating if len(repeating) == 1 else None


def _named_in_story(turn: Turn) -> list[Task] | Decision | None:
    """ "dan found out about the surprise party so that's ruined. just delete it" with no task
    in view: the other part's words (or the message's), read with the open tasks, name one
    task ("Plan the surprise party for Dan", not "Buy a card for Dan", which has only "Dan");
    several or none: as before (a question)."""
    if not PRONOUN.match(turn.intent.items[0] if turn.intent.items else "it"):
        return None
    tasks = lookup(turn.convo, status="all", limit=LOOKUP_LIMIT)
    if isinstance(tasks, ToolCall):
        return Decision(calls=[tasks])
    open_tasks = [t for t in tasks if not t["completed"]]
    for said in (turn.intent.alt_subject, turn.convo.user_text):  # the part, else all of it
        if said and len(found := referred(said, open_tasks)) == 1:
            return found
    return None


def _near_match(turn: Turn, found: object = None) -> Decision | None:
    """The "not found, did you mean X?" answer for a one-task delete, if that is what the
    words gave (never for "everything …" or a list of names)."""
    if turn.intent.everything:
        return None
    if found is None:
        found = find_targets(turn, done_wanted=None)
    if isinstance(found, Decision) and not found.calls and found.suggestion is not None:
        # only a guess sharing a word said ("the router password": "Change the wifi
        # password"); a mere likeness of letters ("the trip is off": "Drop off the keys")
        # is only mentioned, never offered for deleting
        said = turn.intent.items[0] if turn.intent.items else ""
        if shares_a_word(said, found.suggestion["title"]):
            return found
    return None
