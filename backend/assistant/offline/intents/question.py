"""Questions about the list: what is due, how many, is X on it. Answered from list_tasks;
nothing changes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

from backend.assistant.offline import replies
from backend.assistant.offline.dates import describe, find_date
from backend.assistant.offline.intents.base import Message, Reread
from backend.assistant.offline.language import clean_title, normalise
from backend.assistant.offline.parsing import (
    TASK_WORD,
    Intent,
    ListFilter,
    first_match,
    list_filter,
    priority_word,
    rx,
    subjects,
    take_details,
)
from backend.assistant.offline.statements import mentions
from backend.assistant.offline.targets import (
    PRONOUN,
    Decision,
    ToolCall,
    Turn,
    carries,
    filter_locally,
    find_one,
    list_arguments,
    lookup,
)
from backend.assistant.offline.titles import names_no_task

LIST = rx(
    r"^(?:show|list|display|view|see|give|tell|read|print|get|fetch|check|bring up|pull up|open|"
    r"search|find|look for|look up|filter|remind me what)\b.*$",
    r"^(?:what|whats|what's|which|how many|how much|any|anything|is there|are there|do i have|"
    r"have i|did i|am i|is anything|has anything|do i|where|when)\b.*$",
    rf"^(?:my\s+)?(?:(?:\w+\s+){{0,2}}{TASK_WORD}|(?:todo|to-do|task) list|list|agenda|schedule)$",
)
_ABOUT_ONE = re.compile(
    r"^(?:is|are|was|do i have|have i got|(?:did|have) i(?: already| ever| actually)?\s+\w+(?:\s+(?:off|in|out|back|over)(?=\s+(?:the|my|a|an)\b))?|when is|when are|when do i(?: have to)?(?: do)?)\s+"
    r"(?P<t>.+?)(?:\s+(?:still\s+)?(?:on|in)\s+(?:my|the|there)(?:\s+(?:list|tasks|todo list))?|\s+on there|\s+done|\s+yet|\s+due)?\??$",
    re.IGNORECASE,
)  # fmt: skip
_VAGUE = re.compile(
    r"^(?:there|anything|any|something|stuff|things?|tasks?|todos?|items?|everything|i|it|that)\b|\b(?:due|overdue|late|slip|behind|priority|tagged)\b",
    re.I,
)  # fmt: skip
_ASKS = re.compile(
    r"^(?:what|whats|which|how many|do i|did i|have i|am i|are there|is there|tell me|let me know|remind me what|"
    r"(?:does|do|is|has|will) (?:anything|any|something)|"
    r"any|anything|show|list|search|find|look for|display|view|read\s+(?:out|me|to me))\b",
    re.I,
)  # fmt: skip


_WROTE = r"(?:put|wrote|write|noted|note|saved|added|add|left|jotted|jot)(?:\s+down)?"
# Only words for writing a note, not "add" ("what tasks did I add?" asks about the list).
_NOTED = r"(?:(?:note|noted|write|wrote|jot|jotted)(?:\s+down)?|put\s+down|put\s+in\s+the\s+notes?)"
# What a task has as fields of its own, and words for tasks: not a detail kept in a note.
_OWN_FIELDS = (
    r"(?:time|day|date|due|deadline|priority|tags?|labels?|status|tasks?|todos?|things?|items?|"
    r"stuff|ones?|reminders?)\b"
)
# A question whose answer is one field of one task: its due date, its priority, its notes.
_FIELD = {
    "due": rx(
        # "what time is the dentist?", "which day is the party on?"
        r"^(?:what|which)\s+(?:time|day|date)\s+(?:is|are|was)\s+(?P<t>.+?)(?:\s+(?:on|at|due|happening|set for))?\??$",
        r"^(?:does|do)\s+(?P<t>.+?)\s+(?:have|has)\s+(?:a\s+|any\s+)?(?:due date|deadline|date)\??$",
        r"^(?:when(?:'s|\s+is|\s+are|\s+was|\s+do i have to(?:\s+do)?|\s+should i(?:\s+do)?)|"
        r"what(?:'s|\s+is)\s+the\s+(?:due date|deadline|date)\s+(?:of|for|on))\s+"
        r"(?P<t>.+?)(?:\s+(?:due|done|by|happening))?\??$",
    ),
    "priority": rx(
        r"^(?:is|are)\s+(?P<t>.+?)\s+(?:a\s+|set\s+(?:to|as)\s+)?"
        r"(?:(?:high|hi|low|medium|normal)\s+or\s+(?:high|hi|low|medium|normal)|"
        r"(?P<p>high|hi|low|medium|normal|top|urgent|important))(?:\s+(?:priority|prio))?\??$",
        r"^(?:what(?:'s|\s+is)?|which)\s+(?:the\s+)?priority\s+(?:(?:is|does)\s+|of\s+|for\s+|on\s+)"
        r"(?P<t>.+?)(?:\s+(?:have|has|at|set to))?\??$",
    ),
    # "how often do I have to change the filter?", "is the bins task recurring?"
    "repeat": rx(
        r"^how\s+often\s+(?:do|does|should|must|will|am|is|are)\s+(?:i|we|you)?\s*"
        r"(?:(?:have|need|got)\s+to\s+|supposed\s+to\s+)?(?P<t>.+?)"
        r"(?:\s+(?:again|repeat|recur|come (?:up|round|around)(?:\s+again)?|due))?\??$",
        r"^when\s+(?:does|do|will)\s+(?P<t>.+?)\s+(?:repeat|recur|come (?:up|round|around)(?:\s+again)?)\??$",
        r"^(?:is|are|does|do)\s+(?P<t>.+?)\s+(?:a\s+)?(?:recurring|repeating|repeat(?:s|ed)?|recur(?:s)?|"
        r"set\s+to\s+repeat|on\s+repeat)(?:\s+(?:task|one|thing))?\??$",
        r"^what(?:'s|\s+is)\s+the\s+(?:repeat|recurrence|schedule|frequency)\s+(?:of|for|on)\s+(?P<t>.+?)\??$",
    ),
    "tags": rx(
        r"^(?:what|which)\s+(?:tags?|labels?)\s+(?:does|do|is|are|has|have)\s+(?P<t>.+?)"
        r"(?:\s+(?:have|has|got|tagged with|under))?\??$",
        r"^how\s+is\s+(?P<t>.+?)\s+tagged\??$",
    ),
    "note": rx(
        r"^what(?:'s|\s+is|\s+are|\s+was|\s+were|\s+did i\s+(?:write|put|say|add|note|leave))?\s+"
        r"(?:in\s+|on\s+)?(?:the\s+|my\s+)?(?:notes?|description|details?|comments?)\s+"
        r"(?:for|on|of|about|in|to|with)\s+(?P<t>.+?)\??$",
        r"^what\s+(?:notes?|description|details?|comments?)\s+(?:do i have|did i\s+(?:write|put|add|leave)|"
        r"are there|is there|have i got)\s+(?:on|for|about|in|with)\s+(?P<t>.+?)\??$",
        r"^(?:does|do)\s+(?P<t>.+?)\s+(?:have|has)\s+(?:any\s+|a\s+)?(?:notes?|description|details?|comments?)\??$",
        r"^did i\s+(?:put|write|add|leave)\s+(?:any|a)\s+(?:notes?|description|comments?)\s+(?:on|for|in)\s+"
        r"(?P<t>.+?)\??$",
        r"^what(?:'s|\s+is|\s+was)\s+(?P<t>.+?)\s+about\??$",  # "what is the report about?"
        # "why did I need to call the landlord again?": the reason is what the notes hold
        r"^why\s+(?:did|do|does|was|were|am|is)\s+(?:i|we)\s+(?:(?:supposed|meant|going)\s+to|"
        r"(?:need|have|want|got)\s+to|(?:have\s+)?(?:gotta|got\s+to))\s+(?!\w+\s+(?:this|that|it|them)\b)(?P<t>[a-z]+\s+.+?)"
        r"(?:\s+(?:again|anyway|exactly|now|for))*\??$",
        r"^why\s+(?:is|was)\s+(?P<t>.+?)\s+(?:on\s+(?:my|the)\s+(?:list|todo list|to-do list)|a\s+task)"
        r"(?:\s+(?:again|anyway|at all))*\??$",
        # "what was the gate code for the plumber?": a detail that only the notes can hold
        # "what was the policy number I put on the insurance call?"
        r"^what(?:'s|\s+is|\s+was)\s+the\s+(?P<field>(?!(?:due|deadline|date|time|priority|"
        r"status|plan|tag|title|name|number|count|total|amount)\b)[\w-]+(?:\s+[\w-]+)?)"
        rf"(?:\s+(?:that\s+)?i\s+{_WROTE})?\s+(?:for|on|of|in|about)\s+(?P<t>.+?)"
        # "… in my boiler task note": the task is the boiler one
        r"(?:\s+(?:task|item|todo|one))?(?:\s+(?:notes?|description))?\??$",
        # "whats the number in the insurance notes", "what did i put in the flight notes?"
        r"^what(?:'s|\s+is|\s+was)?\s+(?:the\s+(?P<field2>[\w-]+(?:\s+[\w-]+)?)\s+|"
        rf"did\s+i\s+{_WROTE}\s+)?(?:in|on|under)\s+(?:the\s+|my\s+)?(?P<t>.+?)(?:'s)?\s+(?:task\s+)?"
        r"(?:notes?|description)\??$",
        # "what did I write about the insurance", "remind me what I noted for the flight"
        rf"^(?:what\s+did\s+i|(?:remind|tell)\s+me\s+what\s+i(?:\s+have)?)\s+{_WROTE}\s+"
        r"(?:about|for|on|in|under|regarding)\s+(?P<t>.+?)\??$",
        # "which brand of reeds did I note down?", "which hotel did I put down for the trip?":
        # a kind of detail asked of what was written (never the task's own fields)
        rf"^(?:what|which)\s+(?!{_OWN_FIELDS})[\w-]+(?:\s+of)?\s+(?P<t>(?!{_OWN_FIELDS})[\w'-]+(?:\s+[\w'-]+)?)"
        rf"\s+did\s+i\s+{_NOTED}\??$",
        rf"^(?:what|which)\s+(?!{_OWN_FIELDS})[\w-]+(?:\s+[\w-]+)?\s+did\s+i\s+{_NOTED}"
        r"\s+(?:for|on|about|under|regarding)\s+(?:the\s+|my\s+)?(?P<t>.+?)(?:\s+(?:task|one|notes?))?\??$",
    ),
}


# "when is my next task due?" asks about the list, not about one task.
_SEVERAL = re.compile(
    r"^(?:next|first|last|earliest|latest|nearest|everything|all|each|these|those)\b", re.I
)


# "what is this app about?", "what are you about?": not about a task.
_NO_TASK = re.compile(r"^(?:this|you|u|your|yourself|the app|this app)\b", re.I)


# A yes/no question asked indirectly ("could you tell me whether I have already paid the gas
# bill?", "I was wondering if I paid it", "do you know if …"): the question asked directly.
# ("could you", "I'd like to" are cut as politeness before this is read.)
_INDIRECT = re.compile(
    r"^(?:(?:so|and|also|hey|hi|um+|hmm+)\s+)*(?:(?:please\s+)?(?:tell|remind)\s+me|(?:let|lemme)\s+me\s+know|"
    r"(?:i\s+(?:was|am|'m)\s+|just\s+)*wondering|(?:do|does)\s+(?:you|u)\s+(?:happen\s+to\s+)?know|"
    r"(?:i\s+)?(?:want|wanted|need)\s+to\s+know|know|any\s+idea|(?:can\s+you\s+|please\s+)?check)"
    r"\s+(?:whether|if)\s+(?P<q>.+?)[?.!]*$",
    re.I,
)
_HAVE_ANY = re.compile(
    r"^(?P<s>i|we)\s+(?:have|have got|'ve got|got)\s+(?P<rest>(?:anything|something|any\s+tasks?|"
    r"any\s+todos?|stuff|much|a lot|many\s+tasks)\b.*)$",
    re.I,
)
_HAVE_I = re.compile(r"^(?P<s>i|we)\s*(?:'ve|\s+have|\s+had)\s+(?P<rest>.+)$", re.I)
_NEED_I = re.compile(r"^(?P<s>i|we)\s+(?P<rest>(?:still\s+)?(?:need|have)\s+to\s+.+)$", re.I)
_DID_I = re.compile(
    r"^(?P<s>i|we)\s+(?P<rest>(?:(?:already|actually|ever)\s+)?"
    r"(?!(?:am|was|were|will|would|should|can|could|must|might|may|do|did|get)\b)\w+\s+.+)$",
    re.I,
)
# ... only a state a task is in ("the rent is paid", "… is on my list"), never what a person
# does ("I was wondering if the plumber is coming" asks nothing of the list)
_IS_IT = re.compile(
    r"^(?P<t>(?:the|my|our)\s+.+?)\s+(?P<be>is|are|was|were|has been|have been)\s+"
    r"(?P<rest>(?:already\s+|still\s+)?(?:done|finished|complete|sorted|handled|taken care of|paid|"
    r"sent|bought|made|[a-z]{3,}ed|open|pending|due|on\s+(?:my|the)\s+list|(?:high|low|medium)\s+"
    r"priority)\b.*)$",
    re.I,
)


def parse_indirect(msg: Message) -> Reread | None:
    if not (m := _INDIRECT.match(msg.text)):
        return None
    q = m["q"].strip()
    if a := _HAVE_ANY.match(q):  # "… whether I have anything scheduled for friday": a list
        return Reread(f"do {a['s']} have {a['rest']}?")
    if h := _HAVE_I.match(q):
        return Reread(f"have {h['s']} {h['rest']}?")
    if n := _NEED_I.match(q):
        return Reread(f"do {n['s']} {n['rest']}?")
    if d := _DID_I.match(q):
        return Reread(f"did {d['s']} {d['rest']}?")
    if b := _IS_IT.match(q):  # "the gas bill has been paid": "is the gas bill paid?"
        be = {"has been": "is", "have been": "are"}.get(b["be"].lower(), b["be"])
        return Reread(f"{be} {b['t']} {b['rest']}?")
    if t := re.match(r"^there\s+(?P<be>is|are)\s+(?P<rest>.+)$", q, re.I):
        return Reread(f"{t['be']} there {t['rest']}?")
    return None  # "tell me if you can …": no question of ours to read


def parse_field(msg: Message) -> Intent | None:
    """ "when is the passport renewal due?", "is the report high priority?", "what did I
    write in the notes for the flights?": the answer is that field of the task named."""
    for field, patterns in _FIELD.items():
        if (m := first_match(patterns, msg.text)) and not _NO_TASK.match(m["t"]):
            topic = subjects(msg.literal(m["t"]))
            if (
                topic
                and not _VAGUE.search(topic[0])
                and not _SEVERAL.match(topic[0])
                and not find_date(topic[0], msg.today)
            ):
                if p := m.groupdict().get("p"):  # "is X high priority?": the level asked about
                    field = f"priority:{priority_word(p)}"
                return Intent("list", filter=ListFilter(status="all", text=topic[0], asks=field))
    return None


# "do I still need to call the locksmith?": is that task still open?
_STILL_TO_DO = re.compile(
    r"^(?:do|must|should)\s+(?:i|we)\s+(?:still\s+|really\s+|actually\s+)*(?:need|have|got)\s+to\s+"
    r"(?P<t>\w+\s+.+?)(?:\s+(?:still|anymore|any more|or not|at all))*$",
    re.I,
)
# "what's the status of the flights?", "where am I with the report?"
_STATUS = re.compile(
    r"^(?:(?:what|how)(?:'s|\s+is)\s+(?:the\s+)?(?:status|progress|state)\s+(?:of|on|with)|"
    r"where\s+(?:am i|are we)\s+(?:with|on))\s+(?P<t>.+)$",
    re.I,
)


def parse_still_to_do(msg: Message) -> Intent | None:
    for pattern, asks in ((_STILL_TO_DO, "open"), (_STATUS, "done")):
        if (m := pattern.match(msg.text)) and not _TOPIC_WORDS.search(m["t"]):
            topic = subjects(msg.literal(m["t"]))
            if topic and not _VAGUE.search(topic[0]) and not find_date(topic[0], msg.today):
                return Intent("list", filter=ListFilter(status="all", text=topic[0], asks=asks))
    return None


# Words of a list question, not of one task: "do I need to buy anything for the party?"
_TOPIC_WORDS = re.compile(
    r"\b(?:anything|something|stuff|things|everything|tasks|todos|today|tomorrow|tonight|"
    r"this week|first|next|priority|overdue)\b",
    re.I,
)


def parse_about_one(msg: Message) -> Intent | None:
    """ "is the gas bill on there?", "did I finish the report?": about one task."""
    if m := _ABOUT_ONE.match(msg.text):
        said = _OR_NOT.sub("", m["t"])
        still = _OPEN_TAIL.search(said)  # "is the rent still open?": asks if it is open
        state = still or _STATE_TAIL.search(said)  # "is the report sent?": if it is done
        topic = subjects(msg.literal(said[: state.start()] if state else said))
        if topic and not _VAGUE.search(topic[0]):
            done = state or re.match(
                r"^(?:did|have)\s+i\b|.*\b(?:done|finished|completed)\W*$", msg.text, re.I
            )
            asks = "open" if still else "done" if done else "exists"
            return Intent("list", filter=ListFilter(status="all", text=topic[0], asks=asks))
    return None


# A state a task is asked to be in: "X done yet?", "is X sent or not", "did X get paid?".
_STATE = (
    r"(?:(?:is|are|was|were|been|has been|have been|got|get|gotten)\s+)?(?:already\s+)?"
    r"(?:done|finished|complete|completed|sorted|handled|taken care of|paid|sent|bought|made|"
    r"[a-z]{3,}ed)(?:\s+(?:already|yet|or not(?:\s+yet)?|at all))*"
)
_STATE_ASKED = re.compile(
    rf"^(?:(?:is|are|was|were|has|have|did|does)\s+)?(?P<t>.+?)\s+{_STATE}$", re.I
)
_OPEN_TAIL = re.compile(
    r"\s+(?:still\s+)?(?:open|pending|outstanding|not done|unfinished|left|to do|undone)$", re.I
)
_STATE_TAIL = re.compile(rf"\s+{_STATE}$", re.I)
_OR_NOT = re.compile(r"(?:\s+(?:already|yet|or not(?:\s+yet)?|at all))+$", re.I)
# "the locksmith, I called him already or not?": the task named first, then a pronoun.
_NAMED_FIRST = re.compile(
    r"^(?P<t>[^,]+?)\s*,\s*(?:(?:did|have)\s+)?(?:i|we)\s+(?:(?:already|have|did)\s+)*\w+\s+"
    r"(?:him|her|it|them|that|this|those|these)\b",
    re.I,
)
# The raw message asks: a question mark, "… or not", "… yet" (but "I haven't sent it yet"
# says it is not done: a reopen, not a question).
_ASKED = re.compile(r"\?|\bor not\b|^(?!.*(?:\bnot\b|n't\b|\bnever\b|\bno\b)).*\byet\W*$", re.I)
# An order said as a question: "can you mark X done?", "X isn't finished, can you reopen it?"
_ORDERS = re.compile(
    r"(?:^|[,;.!?]\s*|\b(?:and|so|then)\s+)(?:mark|tick|check|cross|close|complete|reopen|set|"
    r"untick|uncheck|unmark)\b|\b(?:can|could|would|will)\s+(?:you|u)\b|\b(?:please|pls|plz|kindly|"
    r"i want|i'?d like|let'?s|do you mind)\b",
    re.I,
)


def asked_state(message: str, intent: Intent) -> Intent | None:
    """ "I already paid rent?", "flights booked?", "the locksmith, I called him already or
    not?": a completion (or a state) said as a question asks whether the task is done; it
    never completes it. Orders said as questions ("can you mark X done?") stay orders."""
    if intent.then or intent.everything or not _ASKED.search(message):
        return None
    if intent.kind not in {"complete", "help", "list"} or _ORDERS.search(message):
        return None
    f = intent.filter
    text = normalise(message.split("?")[0]) if "?" in message else normalise(message)
    if (m := _NAMED_FIRST.match(text)) and f.asks in {None, "done"} and not f.count_only:
        subject = m["t"]  # "rent, did I pay it?"
    elif intent.kind == "list" and f.asks != "done":
        return None
    elif intent.kind == "complete" and intent.items:
        subject = intent.items[0]
    elif m := _STATE_ASKED.match(text):
        subject = m["t"]
    else:
        return None
    subject = _OR_NOT.sub("", subject)
    topic = subjects(_STATE_TAIL.sub("", subject) or subject)
    if not topic or _VAGUE.search(topic[0]) or PRONOUN.match(topic[0]):
        return None
    return Intent("list", filter=ListFilter(status="all", text=topic[0], asks="done"))


# "I have how many task for tomorrow?", "how much tasks I finished?": a count wherever the
# words stand.
_HOW_MANY = re.compile(r"\bhow (?:many|much (?:tasks?|todos?|things|items|jobs))\b", re.I)


def parse_question(msg: Message) -> Intent | None:
    """Questions come before commands: "which tasks are low priority?" asks, it does not set."""
    if (_ASKS.match(msg.text) or _HOW_MANY.search(msg.text)) and not re.match(
        r"^(?:find|look for) (?:and|then) ", msg.text, re.I
    ):
        return Intent("list", filter=list_filter(msg.literal(_the_question(msg.text)), msg.today))
    return None


def _the_question(text: str) -> str:
    """ "ok I'm planning my weekend. how many tasks tagged home are open?": a sentence before
    the one asking only says why; its words ("weekend", "need to know") filter nothing."""
    m = _HOW_MANY.search(text)
    if m is None or _ASKS.match(text):
        return text
    starts = [s.end() for s in re.finditer(r"[.!?]\s+", text[: m.start()])]
    return text[starts[-1] :] if starts else text


# "get groceries tomorrow", "read the contract", "see the doctor friday", "give the cat her flea
# treatment": verbs that list ("get my tasks") but start many tasks too. They list only when
# their words are about the list (or name only a day: "check tomorrow"); "give me …" always lists
# ("give the attic until the end of the month" gives a task time: never a new task).
_TASK_OR_LIST_VERB = re.compile(
    r"^(?:get|fetch|read|see|print|open|check|give(?!\s+(?:me|us)\b)(?!.*\b(?:until|till|til|more time)\b))"
    r"\s+(?P<rest>.+)$",
    re.I,
)
_ABOUT_THE_LIST = re.compile(
    r"\b(?:tasks?|todos?|to-?dos?|list|agenda|schedule|reminders?|items?|everything|anything|"
    r"something|all|what|which|how|due|overdue|done|completed|finished|pending|open|left|"
    r"outstanding|remaining|stuff|things|priority|tagged|plate)\b",
    re.I,
)


def _names_a_task(text: str, today: date) -> bool:
    m = _TASK_OR_LIST_VERB.match(text)
    if m is None or _ABOUT_THE_LIST.search(m["rest"]):
        return False
    return not names_no_task(clean_title(take_details(m["rest"], today)[0]) or "the")


def parse_listing(msg: Message) -> Intent | None:
    if _names_a_task(msg.text, msg.today) and not msg.text.endswith("?"):
        return None
    if any(p.match(msg.text) for p in LIST) or msg.text.endswith("?"):
        return Intent("list", filter=list_filter(msg.literal(msg.text), msg.today))
    return None


def handle(turn: Turn) -> Decision:
    f = turn.intent.filter
    listed = lookup(turn.convo, **list_arguments(f, 50))
    if isinstance(listed, ToolCall):
        return Decision(calls=[listed])
    tasks = filter_locally(listed, f, turn.today)
    if f.text and not f.asks:  # a topic: its words in the titles, notes or tags
        every = lookup(turn.convo, **list_arguments(replace(f, text=None), 100))
        if isinstance(every, ToolCall):
            return Decision(calls=[every])
        tasks = [t for t in filter_locally(every, f, turn.today) if mentions(t, f.text)] or tasks
    if f.asks and f.text and not tasks:  # no title has these words: the closest task, or none
        found = find_one(f.text, turn, done_wanted=None)
        if isinstance(found, Decision) and found.calls:
            return found
        tasks = found if isinstance(found, list) else []
    if f.word_tag:  # say the tag the tasks carry ("pet tasks": #pets), or none if no task has it
        said = {g for t in listed if carries(t, f.word_tag) for g in t.get("tags", [])}
        f = replace(f, word_tag=next((g for g in said if carries({"tags": [g]}, f.word_tag)), None))
    what = describe_filter(f, len(tasks))
    if f.asks and len(tasks) == 1:
        return Decision(reply=_yes_or_no(tasks[0], f.asks, turn))
    if f.count_only:  # naming them makes them what "them" means next, never more
        return Decision(reply=_count(tasks, what, turn.today))
    if not tasks:
        if f.asks:
            no = "No, I" if f.asks in {"done", "exists", "open"} else "I"
            return Decision(reply=f"{no} can't find a task about '{f.text}'.")
        if f.text:
            return Decision(reply=f"I found no {what}.")
        return Decision(reply=f"You have no {what}." + (" Nice!" if f.status == "pending" else ""))
    intro = f"Here {'is' if len(tasks) == 1 else 'are'} your {len(tasks)} {what}:"
    body = replies.numbered(tasks, turn.today, show_done=f.status == "all")
    return Decision(reply=f"{intro}\n{body}")


# A count of at most this many names its tasks in the sentence; more are listed below it.
_NAMED_IN_A_COUNT = 5


def _count(tasks: list[dict[str, Any]], what: str, today: date) -> str:
    """ "You have 2 open tasks due tomorrow: 'A' and 'B'." The tasks counted are named, so
    "mark them all done" next means exactly those (a count filtered here, by a day or a kind,
    looked up more tasks than it counted)."""
    if not tasks:
        return f"You have 0 {what}."
    if len(tasks) <= _NAMED_IN_A_COUNT:
        return f"You have {len(tasks)} {what}: {replies.quoted(tasks)}."
    return f"You have {len(tasks)} {what}:\n{replies.numbered(tasks, today)}"


def _yes_or_no(task: dict[str, Any], asks: str, turn: Turn) -> str:
    title = task["title"]
    if (field := asks.split(":")[0]) in _ANSWERS:
        return _ANSWERS[field](task, turn, asks)
    facts = replies.task_line(task, turn.today).removeprefix(title).removeprefix(" — ")
    facts = f" ({facts})" if facts else ""
    if asks == "open":  # "do I still need to call the locksmith?"
        return (
            f"No, '{title}' is already done."
            if task["completed"]
            else f"Yes, '{title}' is still open{facts}."
        )
    if asks == "done":
        return (
            f"Yes, '{title}' is done."
            if task["completed"]
            else f"Not yet: '{title}' is still open{facts}."
        )
    return f"Yes, '{title}' is on your list{facts}" + (
        ", and it's done." if task["completed"] else "."
    )


def _due(task: dict[str, Any], turn: Turn, asks: str) -> str:
    if not task.get("due_date"):
        return f"'{task['title']}' has no due date."
    at = f" at {task['due_time']}" if task.get("due_time") else ""
    done = " (it's done)" if task["completed"] else ""
    when = describe(task["due_date"], turn.today)
    if when in {"today", "tomorrow"}:  # "which day is the trash?": the weekday too
        when += f" ({date.fromisoformat(task['due_date']):%A})"
    repeats = f"; it repeats {task['recurrence_text']}" if task.get("recurrence_text") else ""
    return f"'{task['title']}' is due {when}{at}{done}{repeats}."


def _priority(task: dict[str, Any], turn: Turn, asks: str) -> str:
    asked = asks.partition(":")[2]  # "priority:high": is it high?
    prefix = ("Yes, " if asked == task["priority"] else "No, ") if asked else ""
    return f"{prefix}'{task['title']}' is {task['priority']} priority."


def _tags(task: dict[str, Any], turn: Turn, asks: str) -> str:
    tags = " ".join(f"#{t}" for t in task.get("tags", []))
    return f"'{task['title']}' is tagged {tags}." if tags else f"'{task['title']}' has no tags."


def _note(task: dict[str, Any], turn: Turn, asks: str) -> str:
    if not task.get("description"):
        return f"'{task['title']}' has no notes."
    return f"The notes on '{task['title']}' say: {task['description']}"


def _repeat(task: dict[str, Any], turn: Turn, asks: str) -> str:
    if not task.get("recurrence_text"):
        return f"'{task['title']}' doesn't repeat."
    return f"'{task['title']}' repeats {task['recurrence_text']}" + (
        f"; next due {describe(task['due_date'], turn.today)}." if task.get("due_date") else "."
    )


_ANSWERS: dict[str, Callable[[dict[str, Any], Turn, str], str]] = {
    "due": _due, "priority": _priority, "note": _note, "tags": _tags, "repeat": _repeat,
}  # fmt: skip


def describe_filter(f: ListFilter, count: int = 2) -> str:
    words = {"pending": "open", "completed": "completed", "all": ""}[f.status]
    if f.priority:
        words += f" {f.priority}-priority"
    if f.repeats:
        words += " repeating"
    noun = f"{words} {'task' if count == 1 else 'tasks'}".strip()
    if f.tag or f.word_tag:
        noun += f" tagged #{f.tag or f.word_tag}"
    if f.text:
        noun += f" about '{f.text}'"
    due = {"overdue": " that is overdue" if count == 1 else " that are overdue", "today": " due today", "tomorrow": " due tomorrow",
           "week": " due this week"}.get(f.due or "", "")  # fmt: skip
    return noun + due
