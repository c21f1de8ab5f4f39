"""Reading the parts of a message every intent needs: the ``Intent`` it becomes, due dates,
priorities, tags and notes cut out of a title, the words naming a task, list filters, quoted
text. Which intent a message is, and each intent's own patterns, live in ``intents/``.
Quoted text is taken literally and never read as a command: ``add "delete everything"`` adds a
task by that name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from rapidfuzz import fuzz

from backend.assistant.offline import times
from backend.assistant.offline.dates import find_date, named_by_date
from backend.assistant.offline.language import SENTENCE_STOP, base_form, clean_title, split_list
from backend.assistant.offline.titles import (
    attribute_clauses_as_commas,
    is_told,
    names_no_task,
    no_task,
    sentence_tag,
    trailing_priority,
    without_lead_in,
    without_musing,
    without_reason,
)

QUOTE = "\u2063Q{}\u2063"  # the n-th quoted text, hidden while the command is parsed
QUOTE_RX = re.compile("\u2063Q(\\d+)\u2063")
# An apostrophe inside a word is no closing quote: 'pay for Zoe's school trip'.
# Guillemets (double and single), low-high quotes and curly single quotes are quotes too: a
# French or German speaker's "créer une tâche « X »" quotes a title as "X" does.
_QUOTED = re.compile(
    r'"([^"]+)"|\u201c([^\u201d]+)\u201d|(?<!\w)\'((?:[^\']|(?<=\w)\'(?=\w)){2,}?)\'(?!\w)'
    r"|\u00ab\s*([^\u00bb]+?)\s*\u00bb|\u2039\s*([^\u203a]+?)\s*\u203a"
    r"|\u201e([^\u201c\u201d]+)[\u201c\u201d]"
    r"|(?<!\w)\u2018((?:[^\u2019]|(?<=\w)\u2019(?=\w)){2,}?)\u2019(?!\w)"
)


@dataclass
class Details:
    priority: str | None = None
    due: date | None = None
    clear_due: bool = False
    tags: list[str] = field(default_factory=list)
    description: str | None = None
    replace_note: bool = False  # "change the note on X to …": else a note is added to the old
    shift_days: int = 0  # "push it back two days": relative to the task's own due date
    shift_months: int = 0  # "push it back a month": the same day of a later (earlier) month
    shift_minutes: int = 0  # "push the call back an hour": from the task's own time
    day_of_month: int | None = None  # ``due`` said as "the 20th": a change keeps the task's month
    replaces_day: bool = False  # said beside the day it replaces ("the 20th, not the 25th")
    replaced_due: date | None = None  # that day, when said last ("saturday, not sunday")
    time: str | None = None  # "HH:MM" (times.py); without a day the task is due today
    clear_time: bool = False
    repeat: str | None = None  # an RRULE body; without a day it starts on its next day
    clear_repeat: bool = False

    @property
    def schedule(self) -> bool:
        """Says something about the time or the repeat."""
        return bool(self.time or self.repeat or self.clear_time or self.clear_repeat)


@dataclass
class ListFilter:
    status: str = "pending"  # pending | completed | all
    due: str | None = None  # overdue | today | week | tomorrow
    priority: str | None = None
    tag: str | None = None
    text: str | None = None
    word_tag: str | None = None  # "work tasks": a tag only if some task has it
    due_on: date | None = None  # "what's due on friday?"
    count_only: bool = False
    repeats: bool = False  # "how many repeat?": only the tasks with a repeat rule
    # A yes/no question about one task: "done" ("did I finish X?") or "exists" ("is X on it?").
    asks: str | None = None

    @property
    def narrows(self) -> bool:
        """Says which tasks ("everything due tomorrow", "all the work ones"), beyond done or not."""
        return bool(self.due or self.due_on or self.tag or self.word_tag or self.priority)


@dataclass
class Intent:
    kind: str  # add update complete reopen delete list confirm decline greet thanks help unclear
    items: list[str] = field(default_factory=list)  # titles to add, or words naming tasks
    details: Details = field(default_factory=Details)
    item_details: list[Details] = field(default_factory=list)  # add: each task's own details
    new_title: str | None = None
    swap: tuple[str, str] | None = None  # "I meant John, not Jon": (wrong words, right words)
    # "fix the typo in the swimming lessons task": the words said, spelt right; the slip is the
    # title's word that is a near miss of one of them (``update._title_slip``).
    typo_in: str | None = None
    name_fix: str = ""  # "his name is Kowalski": the title word most like it is put right
    add_tags: bool = True  # tags given to update are added (False: replace)
    remove_tags: list[str] = field(default_factory=list)  # "take the party tag off X"
    filter: ListFilter = field(default_factory=ListFilter)
    everything: bool = False  # "all", "everything": every task the filter selects
    # "rent is paid, mark it done": the other clause names what "it" is.
    alt_subject: str | None = None
    # "rang the dentist": looked for as "ring dentist" first, then as "dentist".
    fallback_subject: str | None = None
    # "mark X done and add Y": the requests after this one, carried out in order.
    then: list[Intent] = field(default_factory=list)
    # add: "tax hi prio" may name an open task; if one has these words, it is updated instead.
    names_task: str | None = None
    # A part of a run-on that tells what happened ("I finish the call with the bank. Please
    # add …"): its words name the task, read with the tasks in view (``statements.referred``).
    told: str | None = None
    # update: "the landlord wants the keys back by the 28th, set that as the due date": the
    # story's words may name the task by one word, when no task matches them (``update``).
    story: str | None = None
    # "the high priority one is done": the tasks the filter selects must be exactly one (more:
    # we ask which), never all of them as "everything" would be
    just_one: bool = False
    # update: "pay the car insurance, it's due the 15th": a task said as a command, with what is
    # true of it. When its words name no open task, this add is what was asked (``update``).
    else_add: Intent | None = None


def rx(*patterns: str) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


ARTICLE = r"(?:(?:a|an|the|another|new|one more|some)\s+)*"
# whole words only: "itemise the receipts" starts no "item"
TASK_WORD = r"(?:tasks?|todos?|to-?dos?|items?|reminders?|entry|entries)\b"
MY_LIST = (
    r"(?:\s+(?:on|to|in|into|onto|from|off)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?list)$"
)

_STATUS_ALL = re.compile(r"\b(?:all|every|everything|entire|whole|both)\b", re.I)
_STATUS_DONE = re.compile(
    r"(?<!get )(?<!be )(?<!getting )\b(?:completed|done|finished|closed|checked off|ticked off|accomplished)\b",
    re.I,
)
_STATUS_OPEN = re.compile(r"\b(?:open|pending|left|remaining|outstanding|unfinished|to do|todo|incomplete|not done)\b", re.I)  # fmt: skip


_PRIORITY_WORDS = re.compile(
    r"(?:,?\s*(?:\b(?:with|at|as)\s+|,\s*)?(?:\b(?:it'?s|it is|this is|that'?s)\s+)?(?:\b(?:very|really|super|quite|pretty|kind of|sort of|kinda|sorta|fairly|rather|a bit)\s+)*(?:\ba\s+)?"
    r"(?:(?P<p>high|hi|highest|low|lo|lowest|medium|med|mid|normal|top)\s*-?\s*(?:priority|prio|pri)"
    r"|priority\s*(?:is\s+|of\s+|[:=]\s*)?(?P<p2>high|low|medium|normal)"
    # hedged: "not super urgent", "nothing dramatic", "no big deal" (low); "moderately
    # important", "important-ish" (medium)
    # "isn't urgent anymore", "no longer urgent", "not a priority any more": said as a change
    r"|(?P<lo2>(?:no longer|not) (?:(?:that|so|very|really) )?(?:urgent|important|pressing|a priority)"
    r" (?:anymore|any more|any longer)|no longer (?:(?:that|so|very|really) )?(?:urgent|important"
    r"|pressing|a priority)"
    r"|not (?:very |that |so |really |super |too |terribly |hugely |particularly |especially |overly |massively |all that )?(?:urgent|important|pressing)(?: at all)?"
    r"|nothing (?:urgent|important|pressing|dramatic|major|serious|critical|crazy|huge)|not a priority|no hurry"
    r"|(?:no|not a) (?:big|huge) (?:deal|thing))"
    r"|(?P<mid>(?:moderately|somewhat|semi|medium|mildly|slightly|reasonably|a little)[- ](?:important|urgent)"
    r"|(?:important|urgent)-?ish)"
    r"|(?P<hi>urgent(?:ly)?|asap|a\.s\.a\.p\.?|important|critical|top priority|high-priority|!!+)"
    r"|(?P<lo>no rush|not urgent|someday|low-priority|at some point|eventually"
    r"|(?:whenever|when) i (?:can|have (?:the )?time|get (?:a chance|the time|time))|whenever)))(?=\W|$)",
    re.IGNORECASE,
)
_BANG_PRIORITY = re.compile(r"(?:^|(?<=\s))!(?P<p>high|hi|low|lo|medium|normal|urgent)\b", re.I)
_HASHTAG = re.compile(r"(?:^|\s)#(?P<tag>[\w][\w-]{0,31})", re.UNICODE)
_TAG_PHRASE = re.compile(
    r"[,;]?\s*(?:and\s+)?(?:(?:the\s+)?(?:tags?|labels?)\s+(?:is|are|should\s+be|will\s+be)\s+|"  # "the tag is work"
    r"(?:tag(?:ged)?|label(?:ed|led)?|categori[sz]ed?)\s*:?\s+)"
    r"(?:it\s+|them\s+|this\s+|as\s+|with\s+|under\s+)*(?:(?:the\s+)?tags?\s+)?"
    r"(?P<tags>[\w-]+(?:\s*(?:,|and|&|\+)\s*(?!(?:oh|and|it|so|but|also|please|then)\b)[\w-]+)*)",
    re.IGNORECASE,
)
# ", work tag", "with the home label": the word before "tag" is the tag.
_WORD_TAG = re.compile(
    r"(?:,\s*|\s+with\s+(?:the\s+|a\s+)?)#?(?P<tag>[a-z][\w-]*)\s+(?:tag|label)$", re.I
)
_LIST_AS_TAG = re.compile(
    r"\s+(?:to|on|in|into|onto)\s+(?:my|the)\s+(?P<tag>[\w-]+)\s+list\b", re.I
)
_NOTE = re.compile(
    r"(?:^|[,;.]\s*|\s+-\s+|\s+)(?:(?:please\s+)?(?:with|add|put|include)\s+(?:a|the)\s+)?(?:note|notes|description|details|desc)\s*(?::|-|saying|that says|that)\s*(?P<d>.+)$"
    r"|\s*\((?P<paren>[^)]+)\)\s*$"
    r"|(?:[,;]\s*|\s+)(?:and\s+)?in the (?:notes?|description)\s*[:\-]?\s*(?:put|write|say|add)\s*[:\-]?\s*(?:that\s+)?(?P<d2>.+)$"
    r"|(?:[,;]\s*|\s+)(?:and\s+)?(?:put|write|say|add)\s+(?:it\s+)?in(?:to)? the (?:notes?|description)\s*[:\-]?\s*(?:that\s+)?(?P<d3>.+)$",
    re.IGNORECASE,
)
_NOT_THAT_DAY = re.compile(
    r",?\s+not\s+(?:on\s+)?(?:today|tonight|tomorrow|tmrw|(?:next\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    re.I,
)
_NO_DUE = re.compile(
    r"\b(?:no (?:due )?(?:date|deadline)(?: yet)?|without (?:a )?(?:due date|deadline))\b"
    # a learner's "…. Without date, low priority.": no day said, never a task of its own
    r"|\bwithout (?:a |any )?date(?=\s*(?:$|[,.;!?])"
    r"|\s+(?:and|low|high|medium|normal|urgent|priority|please|pls|tag|tagged)\b)",
    re.I,
)


def priority_word(word: str) -> str:
    word = word.lower()
    if word in {"top", "urgent", "important", "critical", "high priority", "hi", "highest"}:
        return "high"
    if word in {"normal", "med", "mid"}:
        return "medium"
    if word in {"not urgent", "not important", "low priority", "lo", "lowest"}:
        return "low"
    return word


def _hedged(said: list[re.Match[str]]) -> str:
    """A priority said in words: "urgent" is high, "no rush" low, "moderately important"
    medium, and urgency said with its opposite ("kinda important but no rush") is medium."""
    kinds = {"high" if m["hi"] else "medium" if m["mid"] else "low" for m in said
             if not (m["p"] or m["p2"])}  # fmt: skip
    first = said[0]
    if first["mid"] or {"high", "low"} <= kinds:
        return "medium"
    return "high" if first["hi"] else "low"


# "…, due friday", "… and it's due end of month" after a note (never "the gas bill is due
# friday": that date is the note's own words)
_NOTE_THEN_DUE = re.compile(
    r"(?:\s*,\s*|\s+(?:and|but)\s+(?:(?:it|this|that)\s+is\s+|it'?s\s+)?|\s+(?:it|this|that)\s+is\s+"
    r"|(?<!\bis)(?<!\bare)(?<!\bwas)(?<!\bbe)\s+)(?P<due>due\s+\S.*)$",
    re.I,
)


def _note_without_due(note: str, details: Details, today: date) -> str:
    """ "put in the notes that the photo is taken at the post office, due end of month": the
    due date said after the note is the task's, not the note's words."""
    if (m := _NOTE_THEN_DUE.search(note)) and (found := find_date(m["due"], today)):
        left = m["due"][: found.start] + m["due"][found.end :]
        if not clean_title(re.sub(r"^\s*due\b", "", left, flags=re.I)):
            details.due, details.day_of_month = found.day, found.day_of_month
            return note[: m.start()].strip()
    return note


# "I made them yesterday evening", "finished it last night": a part of a day gone by
_PAST_PART_OF_DAY = re.compile(
    r"\byesterday\s+(?:in\s+the\s+)?(?:morning|afternoon|evening|night)\b|\blast\s+night\b", re.I
)


def take_details(text: str, today: date) -> tuple[str, Details]:
    """Cut priority, due date, tags and a note out of the text; what is left is the title."""
    details = Details()
    text = _PAST_PART_OF_DAY.sub("yesterday", text)  # when it happened: never a due time
    if m := _NOTE.search(text):
        note = (m["d"] or m["paren"] or m["d2"] or m["d3"] or "").strip()
        details.description = _note_without_due(note, details, today) or None
        text = text[: m.start()]
    if _NO_DUE.search(text):
        details.clear_due = True
        text = _NO_DUE.sub("", text)
    if m := _BANG_PRIORITY.search(text):  # "!high", "!low": the quick-add shorthand
        details.priority = priority_word(m["p"])
        text = text[: m.start()] + " " + text[m.end() :]
    said = list(_PRIORITY_WORDS.finditer(text))
    for m in said[:1]:  # the first one said counts
        if m["p"] or m["p2"]:
            details.priority = priority_word(m["p"] or m["p2"])
        else:
            details.priority = _hedged(said)
    text = _PRIORITY_WORDS.sub("", text)
    text = _NOT_THAT_DAY.sub("", text)  # "today, not tomorrow": the day named first
    if m := _TAG_PHRASE.search(text):
        details.tags += [t for t in split_list(m["tags"]) if t.lower() not in {"it", "as"}]
        text = text[: m.start()] + text[m.end() :]
    if m := _WORD_TAG.search(text.rstrip(" .!")):
        details.tags.append(m["tag"])
        text = text[: m.start()]
    if m := _LIST_AS_TAG.search(text):
        if m["tag"].lower() not in {"todo", "to-do", "task", "tasks"}:
            details.tags.append(m["tag"])
        text = text[: m.start()] + text[m.end() :]
    tags = [m["tag"] for m in _HASHTAG.finditer(text)]
    if tags:
        details.tags += tags
        text = _HASHTAG.sub(" ", text)
    text = _take_schedule(text, details)
    if found := find_date(text, today):
        details.due, details.day_of_month = found.day, found.day_of_month
        text = text[: found.start] + " " + text[found.end :]
    details.tags = list(dict.fromkeys(t.lower() for t in details.tags))
    return text, details


_SAME_TIME = re.compile(
    r",?\s*\b(?:at\s+)?(?:the\s+)?same\s+time(?:\s+as\s+(?:before|usual|always|now))?\b", re.I
)


def _take_schedule(text: str, details: Details) -> str:
    """Cut a repeat and a time of day out (before the date: "every monday" is no one
    Monday, and "tonight" leaves its day behind)."""
    text = _SAME_TIME.sub(" ", text)  # "to tmrw, same time": the time it has stays
    if m := times.CLEAR_REPEAT.search(text):
        details.clear_repeat = True
        text = text[: m.start()] + " " + text[m.end() :]
    if m := times.CLEAR_TIME.search(text):
        details.clear_time = True
        text = text[: m.start()] + " " + text[m.end() :]
    part = None
    if found := times.find_repeat(text):
        text, repeat = found
        details.repeat, details.time, part = repeat.rule, repeat.time, repeat.part
    if clock := times.find_time(text, part):
        text, details.time = times.VAGUE_TIME.sub(" ", clock[0]), clock[1].value
    return text


def schedule_args(details: Details, today: date, due: date | None = None) -> dict[str, Any]:
    """A task's time and repeat as tool arguments, with the day they need: the date said,
    else ``due`` (the task's own), else today for a time and the first day for a repeat."""
    args: dict[str, Any] = {}
    day = details.due or due
    if details.repeat:
        rule = details.repeat
        if rule == "FREQ=WEEKLY" and day is not None:  # "make it weekly": on its own weekday
            rule += ";BYDAY=" + day.strftime("%a")[:2].upper()
        day = times.first_day(rule, _series_start(rule, details.due, due, today))
        args["recurrence"] = rule
    if details.time:
        args["due_time"] = details.time
        day = day or today
    if day is not None and (day != due or details.due):
        args["due_date"] = str(day)
    if details.clear_time:
        args["clear_due_time"] = True
    if details.clear_repeat:
        args["clear_recurrence"] = True
    return args


def _series_start(rule: str, said: date | None, own: date | None, today: date) -> date:
    """Where a new repeat's first day is looked for: the date said; else the task's own date
    when the rule includes it or it is set more than a week ahead; else today ("yoga is on
    wednesdays now" on a task due next Monday means this Wednesday, and an overdue task
    starts again from today, never in the past)."""
    if said is not None:
        return said
    on_its_day = own is not None and times.first_day(rule, own) == own
    if own is not None and own >= today and (on_its_day or own > today + timedelta(days=7)):
        return own
    return today


_VERB_PARTICLES = {"up", "out", "off", "in", "on", "down", "back", "over", "away"}


def split_tasks(title: str) -> list[str]:
    """ "buy eggs, bread and butter" -> three tasks, the verb shared; one task stays whole."""
    if halves := _verb_phrases(title):
        return halves
    parts = split_list(title)
    short_ands = " and " in f" {title} " and all(len(p.split()) <= 3 for p in parts)
    if len(parts) < 2 or not ("," in title or ";" in title or short_ands):
        return [title]
    first = parts[0].split()
    verb_len = 2 if len(first) > 2 and first[1].lower() in _VERB_PARTICLES else 1
    verb = " ".join(first[:verb_len]) if len(first) > verb_len else ""
    tasks = [parts[0]]
    for part in parts[1:]:
        starts_with_verb = part.split()[0].lower() in TASK_VERBS
        shares_verb = verb and len(part.split()) <= 2 and not starts_with_verb
        tasks.append(f"{verb} {part}" if shares_verb else part)
    return tasks


def _verb_phrases(title: str) -> list[str] | None:
    """ "pick up the kids at 3pm and buy snacks for the trip": two tasks, each a task verb with
    words of its own ("call and book a dentist" stays whole)."""
    # "call the vet tmrw + buy cat litter": a "+" between two verb phrases joins requests
    # too ("buy AA + AAA batteries", "practise C++" have no verb phrase on both sides)
    halves = re.split(r"\s+(?:and|&)\s+|\s*\+\s*", title)
    if len(halves) != 2 or "," in title:
        return None
    if all(len(h.split()) >= 2 and h.split()[0].lower() in TASK_VERBS for h in halves):
        return halves
    return None


def _own_attributes(segments: list[str], today: date) -> list[str]:
    """Two verb phrases keep their own attributes: in "pick up the kids at 3pm and buy snacks"
    the time is the first task's. What the LAST phrase says ("call mom and email dad tomorrow")
    is read as said of both, as people mean it, so it stays shared."""
    out: list[str] = []
    for segment in segments:
        phrases = _verb_phrases(segment)
        first_has_own = phrases is not None and take_details(phrases[0], today)[1] != Details()
        out.extend(phrases if phrases and first_has_own else [segment])
    return out


_SEGMENTS = re.compile(
    rf"\s*(?:,\s*)?\band also\b\s*|\s*;\s*|\s*,?\s*\bplus\b\s*|\s*,\s*also\s+|{SENTENCE_STOP}\s+(?:and\s+)?(?:also\s+|then\s+)?",
    re.IGNORECASE,
)


def _segments(rest: str, today: date) -> list[str]:
    """Parts of a message that are tasks of their own: "X tomorrow and also Y on sunday"."""
    parts = [p for p in _SEGMENTS.split(rest) if p and p.strip()]
    out = []
    for part in parts:
        halves = re.split(r"\s+(?:and|&|\+)\s+", part)
        repeat = times.find_repeat(part)  # "every tuesday and thursday" is one repeat
        if len(halves) > 1 and not repeat and all(find_date(h, today) for h in halves):
            out += halves  # "vet on friday and car wash on saturday"
        else:
            out.append(part)
    return out


ON_MY_LIST = re.compile(
    r"\s+(?:on|to|in|into|onto)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?(?:list|tasks|todos)\b",
    re.I,
)


# A correction inside a message: "…, sorry I meant John", "… wait no, not friday, thursday",
# "… - make that 4pm". A word that says so only before a pause or another such word ("the
# report can wait till friday", "no rush" are no corrections).
_THEN_PAUSE = r"(?=\s*[,.!:]|\s+(?:no|wait|sorry|actually|i mean|i meant|not|make that|make it)\b)"
_CORRECTION_WORD = (
    rf"(?:no,?\s+wait|wait,?\s+no|sorry|my bad|or rather|scratch that|(?:i\s+)?(?:mean|meant)|make that"
    rf"|(?:wait|actually|oops|no){_THEN_PAUSE})"
)
_AFTER_PAUSE = r"(?:wait|actually|oops|or|no(?=\s*[,.!]|\s+(?:wait|sorry|actually|i mean|not)\b))"
_CORRECTED = re.compile(
    rf"(?:(?:[,.;!]+\s*|\s[-\u2013]\s*)(?:{_AFTER_PAUSE}|{_CORRECTION_WORD})|\s+{_CORRECTION_WORD})"
    rf"\b[,.!:]*\s*(?:(?:{_CORRECTION_WORD}|wait|actually|oops)\b[,.!:]*\s*)*(?P<fix>\S.*)$",
    re.I,
)
# Only in a request to add: "add X on thursday, make it friday".
_MAKE_IT = re.compile(r"[,.;]?\s+make it\s+(?P<fix>\S.*)$", re.I)
# "not friday, thursday", "John, not Jon", "thursday instead of friday": (wrong, right).
_NOT_THIS = re.compile(
    r"^not\s+(?P<wrong>[^,]+?)\s*(?:,\s*|\s+but\s+)(?:it\s+is\s+)?(?P<right>.+)$", re.I
)
_THIS_NOT = re.compile(
    r"^(?:it\s+is\s+)?(?P<right>.+?),?\s+(?:not|instead of|rather than)\s+(?P<wrong>.+)$", re.I
)


def corrected(text: str, today: date, adding: bool = False) -> str:
    """ "dentist on thursday, sorry I mean friday": what is said again replaces what was said
    first: the words named as wrong ("I meant John, not Jon"), else an attribute of the same kind,
    else the one word it is a slip for ("call Jon, sorry, John"). Anything else stays as said."""
    m = _CORRECTED.search(text) or (_MAKE_IT.search(text) if adding else None)
    if m is None or m.start() == 0:
        return text
    before, fix = text[: m.start()].rstrip(" ,.;-\u2013"), m["fix"].strip(" .!")
    # "no actually make it saturday", "no wait, it's wednesday"
    fix = re.sub(r"^(?:make (?:it|that)|(?:it|that) (?:is|should be|was))\s+", "", fix, flags=re.I)
    if re.fullmatch(r"\d{1,2}(?:[:.]\d\d)?", fix) and times.find_time(before):
        fix = f"at {fix}"  # "walk the dog at 7, actually 8"
    if said := _NOT_THIS.match(fix) or _THIS_NOT.match(fix):
        wrong, fix = said["wrong"].strip(" ,."), said["right"].strip(" ,.")
        spots = list(re.finditer(rf"(?<!\w){re.escape(wrong)}(?!\w)", before, re.I))
        if spots:  # the last place the wrong words were said
            w = spots[-1]
            return before[: w.start()] + fix + before[w.end() :]
    leftover, details = take_details(fix, today)
    if not clean_title(leftover) or names_no_task(clean_title(leftover)):
        if details.due and (found := find_date(before, today)):
            before = before[: found.start] + before[found.end :]
        if details.time and (clock := times.find_time(before)):
            before = clock[0]
        if details.priority:
            before = _PRIORITY_WORDS.sub("", before)
        if details.tags:  # "…, tag legal, wait no, tag work"
            before = _HASHTAG.sub(" ", _TAG_PHRASE.sub("", before))
        return f"{before.rstrip(' ,.')} {fix}"
    if re.fullmatch(r"[\w'-]+", fix) and (slip := _slip_for(before, fix)):
        return before[: slip.start()] + fix + before[slip.end() :]
    if spot := _phrase_for(before, fix):
        return before[: spot[0]] + fix + before[spot[1] :]
    return text


_DETERMINER = {"the", "a", "an", "my", "his", "her", "our", "their", "your"}


def _phrase_for(text: str, fix: str) -> tuple[int, int] | None:
    """The words of ``text`` that a short phrase corrects: those ending in its last word ("new
    tyres, sorry, winter tyres"), else those after its determiner ("pay the electrician, sorry
    I meant the plumber"); never the first word (the command or the verb)."""
    said = fix.split()
    words = list(re.finditer(r"[\w'-]+", text))[1:]
    if not 1 < len(said) <= 4 or len(words) < len(said):
        return None
    for i in range(len(words) - 1, len(said) - 2, -1):
        if words[i].group(0).lower() == said[-1].lower():
            return words[i - len(said) + 1].start(), words[i].end()
    if said[0].lower() in _DETERMINER:
        for i in range(len(words) - len(said), -1, -1):
            if words[i].group(0).lower() == said[0].lower():
                return words[i].start(), words[i + len(said) - 1].end()
    return None


def _slip_for(text: str, word: str) -> re.Match[str] | None:
    """The word of ``text`` that ``word`` corrects: spelt nearly the same, not the same."""
    best, score = None, 0.0
    for w in list(re.finditer(r"[\w'-]+", text))[1:]:  # never the command word
        ratio = fuzz.ratio(w.group(0).lower(), word.lower())
        if w.group(0).lower() != word.lower() and ratio > score:
            best, score = w, ratio
    return best if score >= 70 else None


_LIST_NAMED = re.compile(
    r"^(?:(?:to|on|in|into|onto)\s+)?(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?(?:list|tasks|todos)"
    r"\s*[:,-]?\s+",
    re.I,
)


# "please" before the title, and a learner's "to" after it ("put in my list please to buy X")
_PLEASE_FIRST = re.compile(r"^(?:(?:please|pls|plz|kindly)\b[\s:,-]*)+(?:to\s+)?", re.I)


# An add said inside what was read as the title: "(I should) probably add a task to X", and each
# sentence's own "add" ("add X. also add Y").
_NESTED_ADD = re.compile(
    r"^(?:(?:probably|maybe|definitely|really|just|also|quickly)\s+)*"
    r"(?:(?:add|create)\s+(?:(?:a|an|one|another|new)\s+)*(?:(?:task|todo|to-do|reminder|item)\s+)?"
    r"(?:for me\s+)?(?:to\s+|for\s+|about\s+|that\s+)?"
    r"|(?:make|set up|put down)\s+(?:a|an|one|another)\s+(?:task|todo|to-do|reminder)\s+"
    r"(?:for me\s+)?(?:to|for|about|that)\s+)(?=\S)",
    re.I,
)


# Words that only point at the list that follows: "these", "the following three items",
# "all of these for me" before a colon or dash (never "this week: …", a date).
# "two things for me:", "for us:": whom a list is for, said before its colon
_FOR_ME_LIST = re.compile(
    r"^(?:(?:\w+\s+){0,2}(?:more\s+)?(?:things?|items?|tasks?|todos?|bits)\s+)?for\s+(?:me|us)\s*:\s*"
    r"|^(?:me|us)\s*:\s*",
    re.I,
)
_LIST_INTRO = re.compile(
    rf"^(?:all\s+(?:of\s+)?)?(?:these|those|the following|following|this|the next)"
    rf"(?:\s+(?:\d+|two|three|four|five|six|few|ones?|things?|items?|{TASK_WORD}))*"
    r"(?:\s+(?:for me|please|too|as well))?\s*(?::|\s[-\u2013]|\s*\u2014)\s*",
    re.I,
)


# A person starting to tell something: "I'm driving", "we're nearly out", "it is overdue".
_STORY_START = re.compile(
    r"\s+(?=(?:i|we|they|he|she|it)(?:'m|'re|'ve|'ll|\s+(?:am|are|is|was|were|have|will))\b)", re.I
)


_TELLING = re.compile(
    r"^(?:tell|ask|text|email|e-mail|message|let|remind|inform|warn|say|write|"
    r"reply|answer|explain)\b",
    re.I,
)


def story_apart(text: str, today: date) -> str:
    """ "drop the cheque at the bank on monday I'm driving so just do it": a run-on story
    after a day or a time is a part of its own (read as no task), not words of the title. Only
    after the day: "return the dress I'm not keeping" keeps its words, and so does what is to be
    told ("tell Sam tomorrow I'm running late")."""
    if _TELLING.match(text):
        return text
    for m in _STORY_START.finditer(text):
        before = text[: m.start()].rstrip()
        leftover = take_details(before, today)[0].rstrip()
        if leftover != before and before.startswith(leftover) and clean_title(leftover):
            return f"{before}, {text[m.end() :]}"
    return text


# "add book the car service, not tomorrow but the day after", "…, not friday but monday": the
# day said after "but" is the task's, "the day after" counted from the day refused.
_NOT_DAY_BUT = re.compile(
    r"\s*,?\s*\bnot\s+(?P<old>[^,;]+?)\s*,?\s+but\s+(?:rather\s+)?(?P<new>[^,;.!?]+?)"
    r"(?=\s*$|\s*[,;.!?])",
    re.I,
)
_THE_DAY_AFTER = re.compile(r"^(?:on\s+)?(?:the\s+)?day\s+after(?:\s+that)?$", re.I)


def _day_not_refused(text: str, today: date) -> str:
    if (m := _NOT_DAY_BUT.search(text)) is None or m.start() == 0:
        return text
    leftover, old = take_details(m["old"], today)
    if not old.due or clean_title(leftover).strip(" ,.:"):
        return text  # "not the blue one but the red one": words of a title
    if _THE_DAY_AFTER.match(m["new"].strip()):
        new = f"due {old.due + timedelta(days=1)}"
    else:
        left, said = take_details(m["new"], today)
        if not said.due or clean_title(left).strip(" ,.:"):
            return text
        new = m["new"]
    return f"{text[: m.start()]}, {new}{text[m.end() :]}"


def titles_in(rest: str, today: date) -> tuple[list[str], Details, list[Details]]:
    rest = _day_not_refused(rest, today)
    # "add to my todo list clean the fridge", "put please in my list to X"
    rest = _LIST_NAMED.sub("", _PLEASE_FIRST.sub("", ON_MY_LIST.sub("", rest)))
    rest = _PLEASE_FIRST.sub("", rest)  # "put in my list please to buy X": no word of X
    rest = _NESTED_ADD.sub("", rest)  # "I should probably add a task to X"
    rest = re.sub(
        rf"^(?:(?:\w+|\d+)\s+(?:more\s+)?(?:{TASK_WORD}|things)\s*[:\-]?\s*)", "", rest, flags=re.I
    )
    rest = _LIST_INTRO.sub("", rest)  # "add these: X, Y", "the following three - X, Y"
    rest = re.sub(
        r"^(?:remember|remind me|don'?t forget|do not forget|(?:not\s+)?(?:to\s+)?not\s+forget)\s+to\s+",
        "",
        rest.strip(),
        flags=re.I,
    )
    rest = re.sub(r"^(?:a\s+)?(?:(?:new|another)\s+)?one\s*[:\-]\s*", "", rest, flags=re.I)
    rest = re.sub(r"^(?:for\s+)?me\s+to\s+", "", rest, flags=re.I)  # "a task for me to X"
    rest = _FOR_ME_LIST.sub("", rest)  # "add two things for me: X, and Y"
    rest = attribute_clauses_as_commas(without_reason(story_apart(without_lead_in(rest), today)))
    titles: list[str] = []
    per_task: list[Details] = []
    before_any = Details()  # "tmrw morning - drop off the parcel": said before the task
    segments = _own_attributes(_segments(_attributes_joined(rest, today), today), today)
    for at, segment in enumerate(segments):
        text, details = take_details(_NESTED_ADD.sub("", segment), today)
        if at == 0 and len(segments) > 1 and "," not in text and _story(text):
            # "My landlord texted. Clean the oven by the 8th.": the story's own date is no
            # task's, but how much it matters is
            fill_details(before_any, Details(priority=details.priority, tags=details.tags))
            continue
        text, bare_priority = trailing_priority(without_lead_in(clean_title(text)))
        details.priority = details.priority or bare_priority
        if per_task and (tag := sentence_tag(text)):
            details.tags.append(tag)
            text = ""
        title = clean_title(_VAGUE_WHEN.sub("", text))
        if not title or names_no_task(title) or (per_task and no_task(title)):
            # "Buy X. It needs to be done by Friday.", "…, so low priority would be perfect"
            fill_details(per_task[-1] if per_task else before_any, details)
            continue
        tasks = split_tasks(title)
        # "my landlord texted, clean the oven": a story first is context, never a task, and
        # after it only what starts with a task verb is one ("my landlord texted and the
        # inspection is on the 9th" is all story)
        story = _story(tasks[0]) if len(tasks) > 1 else len(segments) == 1 and is_told(title)
        # "call Tom tomorrow, pay the vet friday, and Z by the 30th": when tasks before the
        # last have days of their own, the day read last is the last task's, not all of theirs
        dated = any(take_details(t, today)[1].due for t in tasks[:-1])
        # each task's own day, found where it was said ("pay the nanny friday, and book X")
        said = split_tasks(_NESTED_ADD.sub("", segment)) if dated else []
        days = [take_details(s, today)[1] for s in said] if len(said) == len(tasks) else []
        for n, task in enumerate(tasks):
            own = details
            if story and (n == 0 or not _starts_with_verb(task := without_lead_in(task))):
                continue
            if len(tasks) > 1:
                shared = details
                if dated and n < len(tasks) - 1:
                    shared = replace(details, due=None, day_of_month=None)
                if days:
                    shared = replace(details, due=days[n].due, day_of_month=days[n].day_of_month)
                task, own = _with_own_details(task, shared, today)
            if clean_title(task) and not (names_no_task if n == 0 else no_task)(clean_title(task)):
                titles.append(clean_title(task))
                per_task.append(own)
    if per_task:
        fill_details(per_task[0], before_any)
    return titles, (per_task[0] if per_task else Details()), per_task


def _starts_with_verb(part: str) -> bool:
    words = part.split()
    return bool(words) and words[0].lower() in TASK_VERBS


def _story(part: str) -> bool:
    """ "my landlord texted and the inspection is on the 9th", "whenever I get around to it":
    said before a task, context that is never a task of its own (a task starts with a verb)."""
    words = part.split()
    return bool(words) and words[0].lower() not in TASK_VERBS and no_task(without_musing(part))


def _with_own_details(task: str, shared: Details, today: date) -> tuple[str, Details]:
    """A task of a list read apart: what it says of itself ("pay the vet bill friday") wins
    over what the list says of all (the last task's date, read before the list was cut)."""
    text, own = take_details(task, today)
    if own == Details() or not clean_title(text):
        return task, shared
    fill_details(own, shared)
    return text, own


# "book the car service sometime before the 15th": no part of the title
_VAGUE_WHEN = re.compile(r"\s+(?:sometime|some time|any ?time)(?=\s*$)", re.I)


def fill_details(details: Details, more: Details) -> None:
    """Attributes said apart (a sentence of their own, a second change to the same task) join
    ``details``; what ``details`` already says wins. Every field, so none is dropped on the way."""
    if not details.due:
        details.due, details.day_of_month = more.due, more.day_of_month
    details.priority = details.priority or more.priority
    details.description = details.description or more.description
    details.time = details.time or more.time
    details.repeat = details.repeat or more.repeat
    details.clear_due = details.clear_due or more.clear_due
    details.clear_time = details.clear_time or more.clear_time
    details.clear_repeat = details.clear_repeat or more.clear_repeat
    details.shift_days = details.shift_days or more.shift_days
    details.shift_months = details.shift_months or more.shift_months
    details.shift_minutes = details.shift_minutes or more.shift_minutes
    details.tags = list(dict.fromkeys([*details.tags, *more.tags]))


_BARE_PRIORITY = re.compile(
    r"^(?:(?:it'?s|it is)\s+)?(?:very\s+)?(?P<p>high|hi|low|lo|medium|normal|urgent|important)$",
    re.I,
)


_INTERJECTION = re.compile(r"^(?:(?:oh|ah|and|also|plus|so|but)\s+)+(?=\S)", re.I)


def without_words(part: str, leftover: str) -> str:
    """The attribute words of ``part``: "so low priority would be perfect" -> "low priority"."""
    at = 0
    for word in leftover.split():
        if word.lower() in {"not", "no"}:  # a negation is meaning: "…, not sunday"
            continue
        m = re.compile(rf"(?<![\w']){re.escape(word)}(?![\w'])", re.I).search(part, at)
        if m is not None:
            part, at = part[: m.start()] + part[m.end() :], m.start()
    return " ".join(part.split())


def _attributes_joined(text: str, today: date) -> str:
    """ "finish slides, friday, high, tag work": comma parts that only give a date, a priority,
    tags or filler belong to the task before them, so they are written into its part."""
    parts = re.split(r"\s*(?:,|\s[-\u2013\u2014]\s)\s*", text)  # a dash of any length
    if len(parts) < 2:
        return text
    kept = [parts[0]]
    attributes_only = False  # a part so far gave nothing but attributes
    for i, said in enumerate(parts[1:], start=1):
        part = _INTERJECTION.sub("", said)  # "…, oh and it's urgent"
        bare = _BARE_PRIORITY.match(part.strip())
        leftover, details = take_details(part, today)
        if bare:
            kept[-1] += f" {priority_word(bare['p'])} priority"
            attributes_only = True
        elif (
            details.due or details.priority or details.tags or details.clear_due or details.schedule
        ) and no_task(" ".join(leftover.split())):  # "…, her birthday is on 15"
            kept[-1] += f" {without_words(part, leftover)}"
            attributes_only = True
        elif tag := sentence_tag(part):
            kept[-1] += f" #{tag}"  # "…, it's for work"
        elif no_task(part):
            continue  # "…, she'd love that", "…, we ran out"
        elif attributes_only and i == len(parts) - 1 and re.fullmatch(r"[a-z][\w-]*", part):
            kept[-1] += f" #{part}"  # "X tmrw, high, home": the last bare word is its tag
        else:
            kept.append(part)
    return ", ".join(kept)


_STORY_BEFORE = re.compile(r"^.*\s+so\b(?!\s+(?:much|many|that|far|long)\b)[:,]?\s+(?=\S)", re.I)


def subjects(rest: str) -> list[str]:
    """Words naming a task: only articles and "task" trimmed ("by" may be a typo of "buy")."""
    rest = re.split(rf"{SENTENCE_STOP}\s", rest.strip())[0]  # "… florist? We've decided …"
    rest = _STORY_BEFORE.sub("", rest)  # "my shift moved so the dog walk": the story is no task
    parts = re.split(r"\s*[,;]\s*", rest)  # "the dentist, they had a cancellation": why
    rest = ", ".join(parts[: next((i for i, p in enumerate(parts) if i and no_task(p)), None)])
    rest = re.sub(r"[^\w\s'\"#&+-]+$", "", rest.strip())  # "paid the rent 👍"
    if not named_by_date(rest, date.today()):  # "the one for friday" is named by its day
        rest = re.sub(
            rf"^(?:the\s+)?(?:{TASK_WORD}|one)\s+(?:about|for|called|named|with|of|regarding|concerning)\s+",
            "",
            rest,
            flags=re.I,
        )  # "the task about the party"
    rest = _CUT_CLAUSE.sub("", rest.strip())
    rest = re.sub(r"\s+(?:so\s+)?(?:you|u)\s+can\s+.*$", "", rest, flags=re.I)
    rest = re.sub(  # (never the day of a scope: "everything due today")
        r"(?<!\bdue)(?:\s+(?:earlier|today|yesterday|this morning|this afternoon|last night|just now|already"
        r"|instead|again|anymore|any more|actually|now))+$",
        "",
        rest,
        flags=re.I,
    )
    rest = re.sub(MY_LIST, "", rest, flags=re.IGNORECASE)
    # the words left where a change was cut out ("the dentist to [tomorrow] and [high]")
    rest = re.sub(r"(?:\s+(?:to|and|&|for|by|at))+\s*$", "", rest, flags=re.IGNORECASE)
    # "the gym stuff" is the gym; "buy stuff" is a title whole (a verb alone names nothing)
    if not (len(rest.split()) == 2 and rest.split()[0].lower() in TASK_VERBS):
        rest = re.sub(rf"\s+(?:{TASK_WORD}|one|thing|stuff)$", "", rest, flags=re.IGNORECASE)
    rest = re.sub(r"\s+(?:as\s+)?(?:done|complete|completed|finished)$", "", rest, flags=re.I)
    rest = re.sub(
        r"^(?:(?:the|a|an|my|that|this|her|his|their|our|your)\s+)+(?=\S)",  # "her invoice task"
        "",
        rest.strip(" ,.;:!?\"'"),
        flags=re.I,
    )
    return [base_form(rest)] if rest else []


def with_quotes(text: str, quoted: list[str]) -> str:
    return QUOTE_RX.sub(lambda m: quoted[int(m.group(1))], text)


def hide_quotes(message: str) -> tuple[str, list[str]]:
    quoted: list[str] = []

    def hide(m: re.Match[str]) -> str:
        quoted.append(next(g for g in m.groups() if g is not None).strip())
        return QUOTE.format(len(quoted) - 1)

    return _QUOTED.sub(hide, message), quoted


_NOT_TAGS = {"open", "pending", "completed", "done", "finished", "todo", "all", "overdue",
             "remaining", "current", "other", "high", "low", "urgent", "important", "new",
             "latest", "recent", "to-do", "task", "list", "show", "my", "the", "any", "some",
             "outstanding", "upcoming", "today's", "tomorrow's", "priority", "unfinished", "which",
             "what", "how", "many", "these", "those", "your", "our", "every", "more", "of", "a",
             "couple", "few", "is", "are", "was", "two", "three", "several", "there", "no",
             "have", "got", "much"}  # fmt: skip


# "how many errands do I have left?", "what bills are due?": a plural noun asked about names a
# kind of task (a tag, when some task carries it), as "errand tasks" does
_KIND_ASKED = re.compile(
    r"^\W*(?:so\s+|ok(?:ay)?\s+)?(?:how many|what|which|any)\s+(?P<kind>[a-z][\w-]*s)\s+"
    r"(?:do|did|have|has|are|were|is|left|remain|still|due|need|should|to)\b"
)
_ANY_TASK = {"tasks", "todos", "to-dos", "things", "items", "ones", "jobs", "bits", "days",
             "weeks", "hours", "minutes", "times", "reminders", "others", "is", "was", "has"}  # fmt: skip
_VAGUE_VERBS = {"do", "finish", "complete", "get", "work", "handle", "be", "start", "sort",
                "deal", "take", "remember", "think"}  # fmt: skip
# "how much tasks": a learner's "how many"
_COUNT = re.compile(
    r"\bhow many\b|\bhow much (?:tasks?|todos?|things|items|jobs)\b"
    r"|\b(?:the\s+)?(?:number|count|total)\s+of\b|^count\b"
)
_REPEATS = re.compile(r"\b(?:recurr(?:ing|ent|s)?|repeat(?:s|ing|ed)?|regular)\b")
# "how many did I finish?", "how many have I ticked off": what I did is what is done.
_DONE_BY_ME = re.compile(
    r"\b(?:have|did|has)\s+(?:i|we)\s+(?:already\s+|actually\s+)?(?:do|done|finish(?:ed)?|"
    r"complete[d]?|tick(?:ed)? off|cross(?:ed)? off|check(?:ed)? off|get done|got done)\b"
    # a learner's "how much tasks I complete (already)?": what I did, said last, is done
    r"|\b(?:i|we)\s+(?:have\s+)?(?:already\s+)?(?:did|done|finish(?:ed)?|complete[d]?)"
    r"(?:\s+already)?\W*$"
    # "how many tasks I've managed to complete so far?": what I managed to do is done
    r"|\b(?:(?:i|we)(?:'ve|'d|\s+have|\s+had)?|(?:did|have)\s+(?:i|we))\s+(?:already\s+)?"
    r"(?:managed|manage|been able)\s+to\s+"
    r"(?:do|finish|complete|get done|get through|tick off|cross off|check off)\b"
    r"|\b(?:i|we)(?:'ve|\s+have)?\s+(?:finished|completed|done|ticked off|crossed off)\s+"
    r"(?:so far|to date|until now|till now|up to now)\b"
)
# What a list is about: "anything about the car", "what do I have for the party", "is there
# something with taxes", "any tasks mentioning Anna"; the topic ends with its clause.
_TOPIC = re.compile(
    r"\b(?:about|regarding|re:|related to|relating to|concerning|mention(?:ing|s)?|containing|"
    r"(?:with|have|has|contain(?:s|ing)?|include(?:s|ing)?) the words?|called|named|involving|on the topic of|to do with|search for|look for|"
    r"find|that says|matching"
    r"|(?:anything|something|stuff|things?|tasks?|todos|items|any|list|agenda)\s+(?:for|with|on)"
    r"|(?:have|got|need|left|sort|do|organi[sz]e|prepare|buy|get|bring|there|on|remains?|"
    r"remaining|outstanding|open|pending|unfinished|undone)\s+for)\s+"
    r"(?P<t>[^,;.!?]+)",
    re.I,
)
_ON_MY_LIST = re.compile(
    r"\b(?:on|in)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?"
    r"(?:list|plate|agenda|schedule|calendar|radar)\b",
    re.I,
)
# What a topic is not: the list itself, a time, the user.
_TOPIC_END = re.compile(
    r"(?:^|\s+)(?:(?:on|in)\s+(?:my|the)\s+(?:todo\s+|to-do\s+)?list|on there|in (?:it|them|the title|"
    r"the notes?)|at all|or not|(?:still\s+)?(?:left|to do|open|pending|outstanding|coming up)|"
    r"that i (?:need|have) to do|i (?:need|have) to do|(?:this|next|the) week(?:end)?|today|"
    r"tomorrow|tonight)\b.*$",
    re.I,
)


_DAY_AFTER = re.compile(
    r"\s*\b(?:for\s+|on\s+)?(?:the\s+)?day\s+after\s+(?:tomorrow|tmrw|tmr)\b", re.I
)


def _topic(text: str, today: date) -> str | None:
    text = _ON_MY_LIST.sub("", text)  # "anything on my list about the car": the list is no topic
    text = _DAY_AFTER.sub("", text)  # a day (read as the filter's), whose "tomorrow" is no end
    m = re.search(r"\b(?P<t>[a-z]+)[- ]related\b(?!\s+to\b)", text, re.I)
    if m and m["t"].lower() not in _NOT_TAGS | {"anything", "something", "stuff", "things"}:
        return m["t"]  # "anything pet related?"
    if not (m := _TOPIC.search(text)):
        return None
    topic = clean_title(_TOPIC_END.sub("", m["t"]))
    topic = clean_title(re.sub(rf"(?:^|\s+){TASK_WORD}$", "", topic, flags=re.I))
    if found := find_date(topic, today):  # "anything for work this week": the day is a filter
        topic = clean_title(topic[: found.start] + " " + topic[found.end :])
    if not topic or _NO_TOPIC.search(topic):
        return None
    return topic


_NO_TOPIC = re.compile(
    r"^(?:today|tonight|tomorrow|this week|next week|the week|me|now|later|it|that|this|them|"
    r"the day|the weekend|this weekend)$|^(?:my|the)\s+(?:todo\s+|to-do\s+)?list\b"
    r"|^(?:my|the)\s+(?:plate|agenda|schedule|calendar|radar|mind|horizon|docket|books)\b"
    r"|\b(?:priority|prio|tags?|tagged|labels?|due|deadline|date|overdue|notes?|repeats?)\b",
    re.I,
)


# What the user says about themselves while asking: "…, read them out, I'm driving".
_ASIDE = re.compile(
    r"(?:[,;.!]\s*|\s+)(?:(?:and\s+|pls\s+|please\s+)?read\s+(?:them|it|those|these|it all|everything)"
    r"(?:\s+out|\s+to me)?(?:\s+loud)?|(?:i'?m|i am|im)\s+(?:driving|in the car|on the (?:road|bus|train|go|move)|"
    r"walking|cooking|busy|in a hurry)|(?:my\s+)?hands are full"
    # "… for the move I keep losing track": how the user copes, run on after the question
    r"|(?:i|i'?ve|i'?m|im|i am)\s+(?:keep|kept|always|never|can'?t|cannot|forget|forgot|"
    r"losing|lost|lose|totally|completely)\b)\b.*$",
    re.I,
)


# "what do I have saturday and is any of it urgent": a question about the tasks listed, which
# the list answers (it shows their priority); it does not narrow the list to urgent ones.
_ANY_OF_IT = re.compile(r"\band\s+(?:is|are)\s+any\s+of\s+(?:it|them|those|these)\b")


def list_filter(text: str, today: date) -> ListFilter:
    f = ListFilter()
    text = _ASIDE.sub("", text)
    lower = text.lower()
    everything = re.search(r"\b(?:including|incl\.?|as well as|plus|and)\s+(?:the\s+)?(?:completed|finished|done|closed)\b|\bdone or not\b|\bdone and undone\b|\b(?:completed|finished|done)\s+(?:\w+\s+)?(?:too|as well|also)\b", lower)  # fmt: skip
    if everything or (re.search(r"\beverything\b", lower) and _STATUS_DONE.search(lower)):
        f.status = "all"
    elif _STATUS_DONE.search(lower) and not re.search(
        r"\bnot (?:done|completed|finished)\b|\bdue\b", lower
    ):
        f.status = "completed"
    elif _STATUS_ALL.search(lower) and not _STATUS_OPEN.search(lower):
        f.status = "all"
    if re.search(
        r"\b(?:overdue|late|past (?:its |their |the )?due|missed|behind|slip(?:ped)?)\b", lower
    ):
        f.due = "overdue"
    elif re.search(r"\b(?:today|tonight|this evening|this morning)\b", lower):
        f.due = "today"
    elif re.search(r"(?<!after )\b(?:tomorrow|tmrw|tmr)\b", lower):  # not "the day after it"
        f.due = "tomorrow"
    elif re.search(r"\b(?:this week|the week|next (?:7|seven) days|coming days|week)\b", lower):
        f.due = "week"
    elif found := find_date(lower, today):
        f.due_on = found.day
    # a word said to be a tag is not a priority too: "which tasks are tagged urgent?"
    untagged = re.sub(r"\b(?:tagged|labell?ed)\s+(?:as\s+|with\s+)?#?[\w-]+|#[\w-]+", "", lower)
    if (m := _PRIORITY_WORDS.search(untagged)) and not _ANY_OF_IT.search(untagged):
        f.priority = priority_word(m["p"] or m["p2"] or _hedged([m]))
    if m := _HASHTAG.search(text):
        f.tag = m["tag"].lower()
    elif m := re.search(r"\b(?:tagged|labell?ed)\s+(?:as\s+|with\s+)?#?([\w-]+)", lower):
        f.tag = m.group(1)  # said to be a tag: "everything tagged old" is never every task
    elif m := re.search(  # "in the work list", never "get in the way", "in the morning"
        r"\b(?:under|category|in the(?!\s+(?:way|morning|afternoon|evening|end|meantime)\b))"
        r"\s+#?([\w-]+)",
        lower,
    ):
        f.tag = m.group(1) if m.group(1) not in _NOT_TAGS else None
    elif m := re.search(
        r"\bwith (?:the |a )?(?:tag|label) #?([\w-]+)|\bwith (?:the |a )?#?([\w-]+) (?:tag|label)\b",
        lower,
    ):
        f.tag = m.group(1) or m.group(2)
    elif word := next(  # "which of my tasks are work ones": the first word no state word
        (
            m.group(1)
            for m in re.finditer(
                r"\b(?<!')([\w-]+)\s+(?:tasks|todos|stuff|items|things|list|jobs|bits|ones)\b",
                lower,
            )
            if m.group(1) not in _NOT_TAGS
        ),
        None,
    ):
        f.word_tag = word
    elif (m := _KIND_ASKED.search(lower)) and m["kind"] not in _ANY_TASK:
        f.word_tag = m["kind"]
    if topic := _topic(text, today):
        f.text = topic
    elif (
        m := re.search(
            r"\b(?:need|have|got|gotta|must|anything|something|stuff|things?) to (?P<verb>[a-z]+)\b(?! done)",
            lower,
        )
    ) and m["verb"] not in _VAGUE_VERBS:
        f.text = m["verb"]  # "what do I need to buy?"
    if _DONE_BY_ME.search(lower) and f.status == "pending":
        f.status = "completed"  # "how many did I finish?"
    f.repeats = bool(_REPEATS.search(lower))
    f.count_only = bool(_COUNT.search(lower))
    return f


# Verbs a task usually starts with: "buy eggs, bread and butter" is a task, not a question.
TASK_VERBS = set(
    [
        "buy",
        "call",
        "email",
        "text",
        "message",
        "ring",
        "phone",
        "pay",
        "book",
        "pick",
        "get",
        "send",
        "write",
        "read",
        "clean",
        "fix",
        "finish",
        "submit",
        "prepare",
        "schedule",
        "plan",
        "renew",
        "order",
        "return",
        "visit",
        "meet",
        "water",
        "feed",
        "walk",
        "take",
        "bring",
        "check",
        "review",
        "study",
        "practice",
        "practise",
        "wash",
        "cook",
        "make",
        "go",
        "do",
        "file",
        "print",
        "post",
        "mail",
        "sort",
        "organise",
        "organize",
        "tidy",
        "vacuum",
        "iron",
        "repair",
        "backup",
        "back",
        "pack",
        "collect",
        "drop",
        "research",
        "draft",
        "update",
        "upload",
        "download",
        "install",
        "cancel",
        "apply",
        "sign",
        "register",
        "reply",
        "respond",
        "follow",
        "contact",
        "invite",
        "arrange",
        "confirm",
        "grab",
        "fetch",
        "find",
        "hoover",
        "mow",
        "paint",
        "empty",
        "charge",
        "refill",
        "book",
        "visit",
        "see",
        "attend",
        "learn",
        "service",
        "defrost",
        "descale",
    ]
)

_CUT_CLAUSE = re.compile(
    r"(?:,|;|\s[-\u2013]\s|\s+so\s+|\s+but\s+(?=not\b)|\s+and\s+(?=(?:move|make|set|mark|put|tag|change|push|reschedule)\b))\s*"
    r"(?:put|mark|move|make|set|can|could|please|pls|just|and|you|then|it|tag|change|push|reschedule|thanks"
    # a reason or a report after the task's name: "the gym one, didn't go", "gym, I not go"
    r"|i|we|did|not|because|since|cause|cuz|was|no longer)\b.*$",
    re.I,
)


def details_from(new: str, today: date) -> tuple[str, Details]:
    leftover, details = take_details(new, today)
    if details.due:  # "for the Friday": a learner's article before the day is the day's
        leftover = re.sub(
            r"^((?:due|for|to|on|at|by|until|till)\s+)?the$", "", leftover.strip(), flags=re.I
        )
    return clean_title(
        re.sub(r"^(?:due|for|to|on|at|by|until|till)\s+", "", leftover.strip())
    ), details


def first_match(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    return next((m for p in patterns if (m := p.match(text))), None)


_EVERYTHING = re.compile(
    r"^(?:(?:everything|every task|all tasks)\s+(?:(?:that|which)\s+(?:is|was|are|were)\s+|that's\s+)?"
    r"(?P<what3>(?:tagged|labell?ed|with|under|due|overdue)\b.*)|"
    r"all|everything|every task|all (?:my |the |of my |of the )?(?P<what>.*?)(?:\s+(?:tasks?|todos?|items?))?|"
    r"(?:(?:the|my)\s+)?(?P<what2>completed|done|finished|overdue)(?:\s+(?:tasks?|todos?|items?|ones|"
    r"stuff|things))?|"
    # "the ones I've already done", "the tasks I finished"
    r"(?:the|my)\s+(?:tasks?|todos?|items?|ones|stuff|things)\s+(?:that\s+|which\s+)?"
    r"(?:i'?ve\s+|i have\s+|i\s+|are\s+|is\s+)?(?:already\s+)?(?P<what5>completed|done|finished|"
    r"ticked off|checked off)(?:\s+already)?|"
    r"(?:everything|every (?:task|one|item|todo)|all(?: the| my)?(?: tasks| ones| items| todos| stuff)?)\s+"
    r"(?:that\s+|which\s+)?(?:i'?ve|i have|is|are|that's|that is|thats|was|were)\s+(?:already\s+)?"
    r"(?P<what4>completed|done|finished|overdue|late)(?:\s+already)?|"
    r"(?:my|the)\s+(?:whole|entire)\s+list|my list|the list|"
    r"every\s+(?!(?:task|one|item|todo)\b)(?P<what7>#?[\w-]+)(?:\s+(?:tasks?|todos?|items?|ones?))?|"
    # "the school tasks": one scope word and a plural (never "the shopping ones": we ask)
    r"(?:my|the)\s+(?P<what6>#?[\w-]+)\s+(?:tasks|todos|to-dos))$",
    re.IGNORECASE,
)


# A scope said as one: "all the garden stuff", "every exam task", "everything", "all tasks".
BULK_SCOPE = re.compile(
    r"\b(?:all|every)\s+(?:of\s+)?(?:the\s+|my\s+)?#?[\w-]+\s+(?:tasks?|todos?|to-dos?|stuff|things"
    r"|jobs|bits|items|ones)\b|\ball\s+(?:of\s+)?(?:my\s+|the\s+)?(?:tasks|todos)\b"
    # "everything (that was) due today", "everything tagged work": the scope with its words
    r"|\beverything(?:,?\s+(?:(?:that|which)\s+(?:is|was|are|were)\s+|that's\s+)?(?:due|tagged)"
    r"\s+(?:this\s+|next\s+)?[\w#-]+)?\b",
    re.I,
)
_POINTING = re.compile(
    r"^(?:of\s+)?(?:those|these|them|the above|that|this|it)(?:\s+ones?)?$", re.I
)
_SCOPE_WORDS = _NOT_TAGS | {"of", "tagged", "with", "tag", "label", "ones", "tasks", "task",
                            "things", "stuff", "items", "todos", "completed", "done", "finished",
                            "open", "pending", "everything", "as"}  # fmt: skip


def act(kind: str, rest: str, today: date | None = None) -> Intent:
    intent = Intent(kind)
    whole = re.sub(MY_LIST, "", rest.strip(" ,.;:!?"), flags=re.IGNORECASE)
    whole = re.sub(r"[^\w\s'\"#&+-]+$", "", whole).strip()  # "… tasks today 🎉"
    if kind in {"complete", "reopen"}:  # when it was done, not which tasks ("… tasks today")
        whole = re.sub(r"(?<!due)(?<!for)\s+(?:today|yesterday|earlier|this morning)$", "", whole)
    if m := _EVERYTHING.match(whole):
        what = (
            m["what"]
            or m["what2"]
            or m["what3"]
            or m["what4"]
            or m["what5"]
            or m["what6"]
            or m["what7"]
            or ""
        ).lower()
        if _POINTING.match(what):  # "all of those": the tasks just mentioned, not every task
            intent.items = ["them"]
            return intent
        intent.everything = True
        intent.filter = list_filter(what, today or date.today())
        f = intent.filter
        if not (f.tag or f.word_tag or f.text or f.priority or f.due or f.due_on):
            # "all my shopping tasks": a word the filter did not know names the scope; the
            # tasks must carry it, never "every task" instead.
            words = [w for w in re.findall(r"#?[\w-]+", what) if w.lstrip("#") not in _SCOPE_WORDS]
            if words:
                f.word_tag = words[0].lstrip("#")
        if kind == "complete":
            intent.filter.status = "pending"
        elif kind == "reopen":
            intent.filter.status = "completed"
        elif kind == "update":  # "make all my exam tasks high": the open ones, unless said
            pass
        elif not (_STATUS_DONE.search(what) or _STATUS_OPEN.search(what)):
            intent.filter.status = "all"  # "delete all my tasks": done or not
        return intent
    if kind in {"complete", "reopen"} and (one := _the_one_by(whole, today or date.today())):
        intent.everything, intent.just_one, intent.filter = True, True, one
        intent.filter.status = "pending" if kind == "complete" else "completed"
        return intent
    if kind in {"complete", "reopen", "delete"} and len(each := _each_one(whole)) > 1:
        # "the planning one and the snacks one": a list of words, each naming its own task
        intent.items = [" and ".join(each)]
        return intent
    intent.items = subjects(rest)
    return intent


# "the high priority one", "the one due tomorrow", "the task for friday": one task named by
# what it has (a priority, a due day), not by its words
_THE_ONE = re.compile(
    r"^(?:the|that)\s+(?P<what>(?:(?:very|most)\s+)?(?:(?:high|low|medium|top|urgent|important)"
    # short forms only with the priority word: "the hi prio one" (never "the med one": meds)
    r"(?:[\s-]+(?:priority|prio|pri))?|(?:hi|lo|med)[\s-]+(?:priority|prio|pri)))\s+(?:one|task|todo)$"
    r"|^(?:the|that)\s+(?:one|task|todo)\s+(?:(?:that\s+is|that's|which\s+is)\s+)?"
    r"(?P<when>(?:due|for)\s+.+)$",
    re.I,
)


def _the_one_by(whole: str, today: date) -> ListFilter | None:
    m = _THE_ONE.match(whole.strip())
    if m is None:
        return None
    said = m["what"] or m["when"]
    if m["what"] and not re.search(r"\bprio|\bpri\b|urgent|important", said, re.I):
        said += " priority"
    f = list_filter(said, today)
    if f.tag or f.word_tag or f.text or not (f.priority or f.due or f.due_on):
        return None  # only a level or a day said, never words of a title
    return f


# "the planning one and the snacks one", "the gym task, the dentist task": each task named by
# its own word, each part closed by "one" or "task".
_EACH_ONE_JOINT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", re.I)


def _each_one(whole: str) -> list[str]:
    parts = _EACH_ONE_JOINT.split(whole)
    if len(parts) < 2 or not all(re.search(rf"\S\s+(?:one|{TASK_WORD})$", p, re.I) for p in parts):
        return []
    named = [subjects(p) for p in parts]
    return [n[0] for n in named] if all(len(n) == 1 for n in named) else []
