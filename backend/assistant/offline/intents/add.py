"""Adding tasks: commands ("add X", "remind me to X", "note to self: X"), quoted titles taken
word for word, and bare tasks ("buy eggs, bread and butter", "dentist friday")."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from backend.assistant.offline import replies, statements
from backend.assistant.offline.intents.base import Message
from backend.assistant.offline.language import clean_title, normalise
from backend.assistant.offline.parsing import (
    ARTICLE,
    MY_LIST,
    ON_MY_LIST,
    QUOTE_RX,
    TASK_VERBS,
    TASK_WORD,
    Details,
    Intent,
    fill_details,
    first_match,
    rx,
    schedule_args,
    subjects,
    take_details,
    titles_in,
    without_words,
)
from backend.assistant.offline.targets import Decision, ToolCall, Turn, failures
from backend.assistant.offline.titles import only_command_words, says_add

# "I should probably X", "I must really X": how sure or keen, never part of the task
_SOFTENER = (
    r"(?:(?:probably|really|definitely|seriously|actually|finally|honestly|totally)\s+(?:to\s+)?)*"
)
# "add three separate tasks: …", "add these to-dos: …": how many, said before the list
_COUNTED = r"(?:(?:two|three|four|five|six|\d+|these|following|few|couple of|separate|different|more|new)\s+)*"
# A label said before a colon, naming what kind of thing follows ("add schedule: visit the
# office", "tomorrow need: buy tickets"): never a title's word. Only a bare word right before
# the colon ("add review schedule", "add the schedule for …" keep it).
LABEL = r"(?:schedule|need|needs|to-?do|agenda|plan)\s*:\s*"
# The words between "add a task" and its title; whole words only ("add towels" is no "to wels")
_JOINING = r"(?:to|for|that says|saying|called|named|about|which is)\b"
# Other verbs only for the user ("leave me a note to X"): "leave a note that she prefers
# mornings" is a note on the task in view (``update.parse_note``)
NOTE_FOR_ME = (
    r"(?:(?:make|take)\s+(?:me\s+)?(?:a\s+)?(?:quick\s+|mental\s+|little\s+)?note\s+"
    r"(?:(?:for|to)\s+(?:me|myself|self)\s+)?"
    r"|(?:jot down|write down|write|leave|put down)\s+(?:me\s+(?:a\s+)?(?:quick\s+)?note\s+"
    r"|(?:a\s+)?(?:quick\s+)?note\s+(?:for|to)\s+(?:me|myself|self)\s+))"
)
ADD = rx(
    r"^(?:note to self|memo|reminder|quick note)\s*[:\-]?\s*(?P<rest>.+)$",
    # "make a note for me to X", "jot down a quick note that X": a task to add (a note *on* a
    # task is "add a note to <task>: …", ``update.parse_note``)
    rf"^{NOTE_FOR_ME}(?:to|that|of|about)\s+(?P<rest>.+)$",
    rf"^make\s+{ARTICLE}{TASK_WORD}\s*(?:[:\-]|{_JOINING})?\s*(?P<rest>.+)$",
    r"^(?:i'?ve got|i have got|i'?ve gotta|i got)\s+(?:to\s+)?(?P<rest>.+)$",
    r"^(?:pop|stick|chuck|throw|slot|pencil|bung)\s+(?:in\s+)?(?P<rest>.+)$",
    rf"^(?:add|create|new|put down|put|set up|schedule|jot down|write down|note down|log|enter|"
    rf"insert|save|capture|record|plan)(?:\s*:\s*|\s+)(?:for me\s+)?(?:{LABEL})?{ARTICLE}(?:{_COUNTED}{TASK_WORD}\s*)?"
    rf"(?:[:\-]|{_JOINING})?\s*(?P<rest>.+)$",
    r"^(?:remind me|remember|don'?t let me forget|do not let me forget|do not forget|make sure i|help me remember|"
    r"i must not forget|i mustn'?t forget|don'?t forget|i need a reminder|set a reminder)\s*"
    r"(?:to|about|that i need to|that i have to|that)?\s+(?P<rest>.+)$",
    # "I have finish the report" (a learner's "finished"): no task to do
    r"^(?:i\s+)?(?:really\s+|still\s+|also\s+)?(?:need|have(?!\s+(?:just\s+|already\s+)?"
    r"(?:finish|complete|done)\b)|got|must|should|gotta|ought|want|plan|"
    r"intend|'ve got|'ll need|will need|'d like)\s+(?:to\s+)?" + _SOFTENER + r"(?P<rest>.+)$",
    r"^(?:i'?m going to|im going to|i'?m gonna|i will|i'?ll|gotta|need to|have to|must)\s+"
    + _SOFTENER
    + r"(?P<rest>.+)$",
    rf"^(?:{TASK_WORD}|new {TASK_WORD}|to do)\s*[:\-]\s*(?P<rest>.+)$",
    r"^(?:can you |could you )?(?:please )?(?:add|put)\s+(?P<rest>.+?)" + MY_LIST,
)
_QUESTION_WORDS = {"how", "why", "who", "where", "when", "is", "are", "can", "could", "should",
                   "would", "will", "do", "does"}  # fmt: skip


# "make a note for me to pick up X on monday": read before any change ("make X on monday")
# ("make a note that she's into jazz" tells a fact: a note on a task, ``update.parse_note``)
MAKES_A_NOTE = re.compile(
    rf"^{NOTE_FOR_ME}(?:to\s|that\s+(?:i|we)\s+(?:need|have|must|should|gotta|got|ought)\b)", re.I
)


def parse_note_to_self(msg: Message) -> Intent | None:
    to_self = re.match(r"^(?:note to self|memo|quick note)\b", msg.text, re.I)
    if (to_self or MAKES_A_NOTE.match(msg.text)) and (m := first_match(ADD, msg.text)):
        titles, details, each = titles_in(msg.literal(m["rest"]), msg.today)
        return Intent("add", titles, details, item_details=each) if titles else Intent("help")
    return None


_SCHEDULING = re.compile(
    rf"^schedule\s+(?!{TASK_WORD}\b)(?!(?:a|an|the)\s+(?:new\s+)?{TASK_WORD}\b)", re.I
)


_PUT = re.compile(r"^(?:please\s+)?put\s+", re.I)
# The particles of "put out / away / up / together / aside" ("put off", "put back": a change)
_PARTICLE = r"(?:out|away|up|together|aside)"


def _put_is_the_verb(rest: str, titles: list[str]) -> bool:
    """ "put out the bins", "put the shelves up": the particle right after "put", or ending the
    one title read (never "put X on my list", "put call mom tomorrow")."""
    return bool(re.match(rf"{_PARTICLE}\s+\w", rest, re.I)) or (
        len(titles) == 1 and re.search(rf"\s{_PARTICLE}$", titles[0], re.I) is not None
    )


def _quoted_details(said: str, today: date) -> Details:
    """The attributes said around a quoted title, each comma part read on its own ("'X', tag
    work, priority high, for Thursday": "for" is no tag); a note keeps its commas."""
    _, details = take_details(said, today)
    if details.description:
        return details
    details = Details()
    for part in re.split(r"\s*[,;]\s*", said):
        fill_details(details, take_details(part, today)[1])
    return details


def parse_command(msg: Message) -> Intent | None:
    if m := first_match(ADD, msg.text):
        if QUOTE_RX.search(m["rest"]):  # a quoted title is taken word for word, never parsed
            details = _quoted_details(ON_MY_LIST.sub("", QUOTE_RX.sub(" ", m["rest"])), msg.today)
            titles = [msg.quoted[int(i)] for i in QUOTE_RX.findall(m["rest"])]
            return Intent("add", [t[:1].upper() + t[1:] for t in titles], details)
        titles, details, each = titles_in(msg.literal(m["rest"]), msg.today)
        if _PUT.match(msg.text) and _put_is_the_verb(m["rest"], titles):
            # "put out the recycling", "put the bins out": "put" is the task's own verb
            titles, details, each = titles_in(msg.literal(_PUT.sub("put ", msg.text)), msg.today)
        if _SCHEDULING.match(msg.text) and len(each) == 1 and not (each[0].due or each[0].schedule):
            # "schedule blood test, low priority": with no day or time, arranging it is the task
            # ("schedule team lunch friday": the lunch is on friday)
            titles, details, each = titles_in(msg.literal(msg.text), msg.today)
        if titles:
            return Intent("add", titles, details, item_details=each)
    if msg.quoted and re.match(r"^(?:add|new|create|put|remind)\b", msg.text, re.I):
        return Intent("add", msg.quoted)
    return None


# "the ironing needs doing at some point", "the car needs washing": a thing that needs an
# action is a task to do it ("do the ironing", "wash the car").
_NEEDS_DOING = re.compile(
    r"^(?P<x>(?!(?:it|this|that|these|those|they|he|she|everything|something|which)\b)"
    r"[\w'-]+(?:\s+[\w'-]+){0,5}?)\s+(?:needs?|wants?)\s+(?P<v>[a-z]+ing)\b(?P<rest>.*)$",
    re.I,
)


def _verb_of(gerund: str) -> str | None:
    """ "washing" -> "wash", "servicing" -> "service", "mopping" -> "mop": a known task verb."""
    stem = gerund.lower()[:-3]
    for verb in (stem, stem + "e", stem[:-1]):
        if verb in TASK_VERBS:
            return verb
    return None


def parse_needs_doing(msg: Message) -> Intent | None:
    if (m := _NEEDS_DOING.match(msg.text)) is None or (verb := _verb_of(m["v"])) is None:
        return None
    if re.match(r"^\s+(?:doing\s+|done\s+)?again\b", m["rest"], re.I):
        # "the bathroom needs doing again": a task done before, to do again
        return Intent("reopen", subjects(msg.literal(m["x"])), told=msg.text)
    titles, details, each = titles_in(msg.literal(f"{verb} {m['x']}{m['rest']}"), msg.today)
    if not titles:
        return None
    intent = Intent("add", titles, details, item_details=each)
    if details.due or details.priority or details.tags or details.schedule:
        # "the bins need doing tonight" when "Take the bins out" is open: its new day
        intent.names_task = next(iter(subjects(msg.literal(m["x"]))), None)
    return intent


def parse_bare_task(msg: Message) -> Intent | None:
    """A task on its own: it starts with a task verb ("buy eggs, bread and butter"), or carries
    a date, a priority or a tag ("dentist friday")."""
    text = msg.text
    titles, details, each = titles_in(msg.literal(text), msg.today)
    first_word = text.split()[0].lower() if text.split() else ""
    question = text.endswith("?") or first_word in _QUESTION_WORDS
    if (
        titles
        and not question
        and not statements.tells_what_was_done(text)
        and len(text.split()) <= 16
        and (
            first_word in TASK_VERBS
            or details.due
            or details.priority
            or details.tags
            or details.time
            or details.repeat
        )
    ):
        return Intent("add", titles, details, item_details=each)
    return None


# Verbs that also close or delete a task ("finish X", "cancel X"), yet start many tasks.
_CLOSING_VERB = re.compile(
    r"^(?:finish|complete|check|drop|cancel|clear|close)\s+"
    r"(?!(?:it|them|that|this|those|these|all|everything|both|every)\b)",
    re.I,
)
_CLOSING_WORDS = re.compile(r"\b(?:done|tasks?|todos?|reminders?|list)\b|\boff$|^check off\b", re.I)


# "cancel the dentist on friday", "drop tomorrow's meeting": the day names the task to remove.
_REMOVING = re.compile(r"^(?:cancel|drop|clear)\s+(?!off\b|out\b)", re.I)
_DAY_OF_A_TASK = re.compile(r"\bon\s+(?:\w+day|the\s+\d)|'s\b", re.I)


# "clear out everything that's due tomorrow": the day says which tasks go, not when to clear.
_CLEARING_ALL_DUE = re.compile(
    r"^(?:clear|wipe|clean)\s+(?:out|away|off)\s+everything\s+"
    r"(?:(?:that|which)\s+(?:is|was|are)\s+|that's\s+)?due\b",
    re.I,
)


def parse_scheduled_task(msg: Message) -> Intent | None:
    """ "finish the slides tonight", "check emails every weekday at 9am": such a verb said with
    a day still to come, a time or a repeat names a task to add, not one to close."""
    if not _CLOSING_VERB.match(msg.text) or _CLOSING_WORDS.search(msg.text):
        return None
    if _REMOVING.match(msg.text) and _DAY_OF_A_TASK.search(msg.text):
        return None
    if _CLEARING_ALL_DUE.match(msg.text):
        return None
    titles, details, each = titles_in(msg.literal(msg.text), msg.today)
    upcoming = details.due is not None and details.due >= msg.today
    if titles and (upcoming or details.time or details.repeat):
        return Intent("add", titles, details, item_details=each)
    return None


# "tmrw morning - drop off the parcel", "starting tomorrow, stretch every day": a day (or
# another attribute) said first, in a part of its own.
_SCHEDULE_FIRST = re.compile(
    r"^(?:(?:starting|from|beginning)\s+)?(?P<head>[^,:;]{2,40}?)\s*(?:\s[-\u2013]|:(?!\d)|,)\s*(?P<rest>\S.*)$",
    re.I,
)


# "tomorrow I gotta take the car in": a day said before the person who has to do something,
# or before the request ("so tomorrow evening after work remind me to go to the gym ok").
_SCHEDULE_BEFORE_PERSON = re.compile(
    r"^(?P<head>.{3,40}?)\s+(?P<rest>(?:(?:i|we)(?:'ve)?\s"
    r"|(?:remind\s+me|don'?t\s+(?:let\s+me\s+)?forget)\s).+)$",
    re.I,
)


# "(it) is", "this is": the words a learner says before "important", with no task in them
_COPULA = re.compile(r"\s*(?:(?:it|this|that)\s+)?(?:is|'s)?\s*", re.I)


def _attribute_tail_at(rest: str, today: date) -> int:
    """Where the comma parts that are only attributes start ("submit expense report, tag work":
    at ", tag work"), or the end: the day said first goes before them, next to the title
    ("…, tag work day after tomorrow" would read "work day after" as the tag)."""
    parts = rest.split(",")
    at = len(rest)
    for n in range(len(parts) - 1, 0, -1):
        leftover, details = take_details(parts[n], today)
        if clean_title(leftover) or details == Details():
            break
        at -= len(parts[n]) + 1
    return at


def _before_attributes(rest: str, today: date) -> str:
    return rest[: _attribute_tail_at(rest, today)]


def _attributes_after(rest: str, today: date) -> str:
    return rest[_attribute_tail_at(rest, today) :]


# "okay so for tomorrow add call the vet, book a haircut, …": a day said before "add" with no
# pause is said of every task of the list, never a word of the first title ("add call the vet").
_DAY_THEN_ADD = re.compile(
    r"^(?:(?:okay|ok|so|and|well|right|alright|also|oh)[\s,]+)*(?P<head>[^,:;]{2,30}?)\s+"
    r"(?:(?:please|pls|can\s+you|could\s+you|would\s+you|just)\s+)*"
    r"(?:add|put\s+down|create|jot\s+down)\s*:?\s+(?P<rest>\S.*)$",
    re.I,
)

# ... only when the list is all that follows ("…, then mark the gym done" is read as before)
_ANOTHER_REQUEST = re.compile(
    r"[.;!?]|\b(?:then|mark|tick|check|move|delete|remove|cancel|change|set|rename|push"
    r"|reschedule|postpone|done|finished)\b",
    re.I,
)


def schedule_last(text: str, today: date) -> str:
    """What is said first is said of the task after it: "drop off the parcel tomorrow morning"."""
    if d := _DAY_THEN_ADD.match(text):
        leftover, details = take_details(d["head"], today)
        if (
            (details.due or details.time)
            and not clean_title(leftover)
            and not take_details(d["rest"], today)[1].due
            and not _ANOTHER_REQUEST.search(d["rest"])
        ):
            return f"add {d['rest']} {d['head']}"
    if (p := _SCHEDULE_BEFORE_PERSON.match(text)) and first_match(ADD, p["rest"]):
        leftover, details = take_details(p["head"], today)
        if (details.due or details.time) and not clean_title(leftover):
            return f"{p['rest']} {p['head']}"
    m = _SCHEDULE_FIRST.match(text)
    if m is None:
        return text
    leftover, details = take_details(m["head"], today)
    said = details.due or details.time or details.repeat or details.priority or details.tags
    rest_words = m["rest"].split()
    if (
        details.priority
        and _COPULA.fullmatch(leftover)
        and (says_add(m["rest"]) or rest_words[0].lower() in TASK_VERBS)
    ):
        # a learner's "Is important, please add: X, for monday.": how urgent, said of the
        # request to come, is said after it as one more attribute (not a sentence of its own)
        return f"{normalise(m['rest'])}, {m['head']}"
    if said and not clean_title(leftover):  # "whenever, add sort old photos"
        return f"{_before_attributes(m['rest'], today)} {m['head']}{_attributes_after(m['rest'], today)}"
    if said and only_command_words(leftover):  # "for friday please add: X", "task for friday: X"
        return f"add {m['rest']} {without_words(m['head'], leftover)}"
    if (
        said
        and re.fullmatch(LABEL, f"{leftover.strip()}:", re.I)
        and ":" in text[: m.start("rest")]
    ):
        return f"add {m['rest']} {without_words(m['head'], leftover)}"  # "tomorrow need: X"
    return text


_REMINDER = re.compile(
    r"\b(?:(?:don'?t|do\s+not|must\s+not|mustn'?t|can'?t|cannot|shouldn'?t|not\s+to)\s+forget"
    r"|remember)\b(?P<what>[^.!?;]*)",
    re.I,
)
_ARTICLES = {"the", "a", "an", "my", "some", "our", "his", "her", "their", "your"}


def _words_of(title: str) -> set[str]:
    return {w.removesuffix("s") for w in re.findall(r"[\w']+", title.lower())} - _ARTICLES


def said_again(message: str, intent: Intent) -> Intent:
    """ "My granddaughter … and I must not forget the flowers. Please add buy flowers for Emma
    on Wednesday": a bare thing said in a "don't forget" sentence, then asked for with a verb
    whose title holds all its words, is that one task, never a second ("flowers")."""
    if intent.kind != "add" or len(intent.items) < 2 or intent.then:
        return intent
    reminders = [_words_of(m["what"]) for m in _REMINDER.finditer(message)]
    details = intent.item_details or [intent.details] * len(intent.items)
    keep = []
    for n, title in enumerate(intent.items):
        words = _words_of(title)
        again = (
            bool(words)
            and title.split()[0].lower() not in TASK_VERBS
            and any(words <= said for said in reminders)
            and any(
                later.split()[0].lower() in TASK_VERBS and words <= _words_of(later)
                for later in intent.items[n + 1 :]
            )
        )
        if not again:
            keep.append(n)
    if len(keep) == len(intent.items):
        return intent
    intent.items = [intent.items[n] for n in keep]
    intent.item_details = [details[n] for n in keep]
    intent.details = intent.item_details[0]
    return intent


def handle(turn: Turn) -> Decision:
    done = turn.convo.done_this_turn("add_task")
    if done:
        tasks = [r.result["task"] for r in done if r.ok]
        text = replies.added(tasks, turn.today) if tasks else ""
        return Decision(reply=" ".join(filter(None, [text, failures(done)])))
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
        # A time with no day is today; a repeat with no day starts on its next day.
        args |= {
            k: v for k, v in schedule_args(d, turn.today).items() if not k.startswith("clear_")
        }
        if d.tags:
            args["tags"] = d.tags
        if d.description:
            args["description"] = d.description
        calls.append(ToolCall("add_task", args))
    return Decision(calls=calls)
