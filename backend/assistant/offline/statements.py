"""Statements about existing tasks, read with the user's tasks in view.

A message that is no explicit command ("back from the barber, hair looks great", "the car's
been washed", "turns out the dishwasher still isn't fixed", "I still have to return the
books") names a task only by its words. When the rules would add a bare task or give up, and
the message carries a cue of completion or reopening, the tasks are looked up: if the
message's content words clearly name ONE task, the statement is about it; several: ask; none:
the rules' own reading stands. Matching is by word stems (a small map of related words at
most), so "washed" names "Wash the car" and "barber" names "Get a haircut".
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Any

from backend.assistant.offline import replies
from backend.assistant.offline.conversation import Conversation
from backend.assistant.offline.language import IRREGULAR_PAST as _IRREGULAR
from backend.assistant.offline.language import (
    NAMES_NO_TASK,
    OBLIGED,
    SHORT_FORMS,
    is_past,
    normalise,
)
from backend.assistant.offline.matching import candidates, names_another_act, names_another_thing
from backend.assistant.offline.parsing import (
    TASK_VERBS,
    Details,
    Intent,
    priority_word,
    titles_in,
)
from backend.assistant.offline.targets import LOOKUP_LIMIT, Decision, ToolCall, lookup
from backend.assistant.offline.titles import says_add

Task = dict[str, Any]

# Thinking aloud: the user wonders, nothing is asked for ("maybe cancelling the gym thing,
# not sure yet"). Never a task of its own, never a change.
HEDGE = re.compile(
    # "not sure what yet" doubts a detail, "wondering if you could" asks: neither is a doubt
    r"\b(?:thinking (?:about|of)|(?:i'?m |i am )?not sure(?: yet)?"
    # "(if) you might (be so kind as to) add": a request, not a doubt
    r"(?!\s+(?:what|which|where|when|how|who)\b)|maybe|perhaps|(?<!\byou\s)might|considering|"
    r"wondering (?:if|whether|about)(?!\s+you\b)|i wonder(?!\s+if you\b)|"
    r"haven'?t decided|have not decided|"
    r"undecided|who knows)\b",
    re.I,
)

# Words for one thing said in other ways: kept small, each an everyday equivalence.
_RELATED = [
    {"barber", "hairdresser", "haircut", "hair"},
    {"doctor", "gp"},
    {"return", "give"},
    {"email", "mail"},
    {"hoover", "vacuum"},
    {"ring", "call", "phone", "speak", "talk"},
]  # fmt: skip  (a call is done by talking)
_RELATED_TO = {w: group for group in _RELATED for w in group}

_STOP = NAMES_NO_TASK
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A word's plain form: "washed" -> "wash", "vacuuming" -> "vacuum", "bills" -> "bill"."""
    word = word.lower().removesuffix("'s")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, keep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", "")):  # fmt: skip
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)] + keep
            if suffix in {"ing", "ed"} and len(base) > 3 and base[-1] == base[-2]:
                base = base[:-1]  # "shopping" -> "shop"
            if suffix == "es" and not re.search(r"(?:s|x|z|ch|sh)$", base):
                base = word[:-1]  # "licences" -> "licence", but "taxes" -> "tax"
            return base
    return word


def content_words(text: str) -> list[str]:
    text = normalise(text).lower()
    return [w for w in _WORD.findall(text) if w not in _STOP and len(w) > 1]


@lru_cache(maxsize=65536)  # pure, and asked for every word of every task: cached
def _same(said: str, title_word: str) -> bool:
    said = SHORT_FORMS.get(said.lower(), said)  # "vet appt" names "Vet appointment for Luna"
    a, b = stem(said), stem(title_word)
    if a == b or said.lower() == title_word.lower():
        return True
    if len(a) >= 4 and len(b) >= 4 and (a.startswith(b) or b.startswith(a)):
        return True  # "hair" in "haircut", "wash" in "washing"
    return b in _RELATED_TO.get(a, ())


_VERBS = TASK_VERBS | {"put", "give", "hang", "turn", "switch", "change", "replace", "move"}


def _title_parts(task: Task) -> tuple[str | None, list[str]]:
    """A title's verb (when it starts with one) and its other content words."""
    words = [w.lower() for w in _WORD.findall(task["title"].lower())]
    verb = words[0] if words and words[0] in _VERBS else None
    rest = [w for w in (words[1:] if verb else words) if w not in _STOP and len(w) > 1]
    if verb in {"get", "have"} and len(rest) > 1 and is_past(rest[-1]):
        rest = rest[:-1]  # "Get the wifi fixed": what is done to it, not what it is about
    return verb, rest


def mentions(task: Task, topic: str) -> bool:
    """Whether every word of a topic is a word of the task's title, notes or tags ("car" is in
    "Renew car tax" and in notes "car service", not in "Call the carpenter")."""
    said = content_words(topic)
    text = " ".join([task["title"], task.get("description") or "", *task.get("tags", [])])
    words = _WORD.findall(text.lower())
    return bool(said) and all(any(_same(s, w) for w in words) for s in said)


def _hits(said: list[str], words: list[str]) -> list[str]:
    return [w for w in words if any(_same(s, w) for s in said)]


def _may_mean(text: str, tasks: list[Task]) -> list[Task]:
    """Never a task whose words the message shares only to name something else: "finished the
    cake tasting" is not about "Order the cake", "I fixed the bike lights" not "Fix the bike"."""
    return [t for t in tasks if not names_another_thing(text, t["title"])]


def referred(text: str, tasks: list[Task]) -> list[Task]:
    """The tasks the message's words clearly name: one, or several equally (then ask), or
    none. A task is named when most of its title's words other than its verb are said ("the
    dishwasher" names "Fix the dishwasher"; "the bank" does not name "Pay the bank charges");
    the best must beat the rest, its verb said counting too."""
    said = content_words(text)
    scored = []
    for task in _may_mean(text, tasks):
        verb, nouns = _title_parts(task)
        hit = _hits(said, nouns)
        if not hit or len(hit) * 3 < len(nouns) * 2:
            continue
        verb_hit = verb is not None and bool(_hits(said, [verb]))
        scored.append((len(hit) + verb_hit, len(hit) / len(nouns), task))
    if not scored:
        return []
    best = max((s[0], s[1]) for s in scored)
    return [t for n, share, t in scored if (n, share) == best]


def named_by_a_word(text: str, tasks: list[Task]) -> list[Task]:
    """The tasks one of whose words other than the verb is said ("the landlord wants the keys
    back" names "Return the rental keys"): only for a change asked outright, and only to act
    when one task is named."""
    said = content_words(text)
    return [t for t in _may_mean(text, tasks) if _hits(said, _title_parts(t)[1])]


def named_with_verb(text: str, tasks: list[Task]) -> list[Task]:
    """The tasks whose own verb and another of their words are said, when too few of their words
    are said to name them (``referred``): "I finished the puzzle" names "Finish the 1000-piece
    puzzle", not "Buy a new puzzle mat"; "I finish the call with the bank" names "Call the bank
    about the loan"."""
    words = _WORD.findall(normalise(text).lower())
    said = content_words(text)
    found = []
    for task in _may_mean(text, tasks):
        verb, nouns = _title_parts(task)
        if verb is not None and _hits(words, [verb]) and _hits(said, nouns):
            found.append(task)
    return found


# "<thing> is/are <word>": short statements of a state ("bathroom's clean", "bins are out").
_STATE = re.compile(
    r"^[\w' ]{1,40}?(?:'s|\s+(?:is|are))\s+(?:now\s+|all\s+|finally\s+)?(?P<word>[a-z]+)$", re.I
)


def _title_words(task: Task) -> set[str]:
    return set(_WORD.findall(task["title"].lower()))


def _unknown_verb(task: Task) -> str | None:
    """A title's first word, as the verb it may be though no known one ("Restock the crash
    cart", "Repot the fern"); never a form that names a thing ("Washing machine repair")."""
    words = _WORD.findall(task["title"].lower())
    first = words[0] if len(words) > 1 else ""
    return first if len(first) > 2 and not is_past(first) and not first.endswith("ing") else None


# "mike has the slides now", "Dana got the keys": the state a task of handing something over
# leads to, said of the person it was for (never "I have …", "mike needs …", a question)
_HAS_NOW = re.compile(
    r"^(?!(?:i|we|you|it|that|this|there|he|she|they|who|what|nobody|everyone|someone)\b)"
    r"(?:(?:the|my|our)\s+)?(?P<who>[a-z][\w'-]*)\s+"
    r"(?:has|'s got|has got|got|received|has received)\s+"
    r"(?:the|my|our|his|her|their|those|these)\s+(?P<thing>[^,.;!?]+?)"
    r"(?:\s+(?:now|already|at last|finally|too))*[\s.!]*$",
    re.I,
)
_HANDING = {"send", "give", "email", "forward", "hand", "return", "lend", "deliver", "post",
            "mail", "pass", "bring", "share", "text", "show", "drop"}  # fmt: skip


def handed_over(text: str, task: Task) -> bool:
    """ "mike has the slides now" and "Send the slides to Mike": the person and the thing are
    both the task's, and the task hands the thing over."""
    m = _HAS_NOW.match(normalise(text))
    if m is None:
        return False
    verb, nouns = _title_parts(task)
    thing = content_words(m["thing"])
    return verb in _HANDING and bool(_hits([m["who"].lower()], nouns)) and bool(_hits(thing, nouns))


def completes(text: str, task: Task) -> bool:
    """Whether the statement says the task was done: a plain word of completion ("done",
    "back from"), the task's own verb in the past, whoever did it ("the car's been washed",
    "the plumber fixed the leaking tap"), or something the user did to two of its things
    ("gave Mark his drill back"); never only a past verb about one of its words ("I met John
    at the bank" does not complete "Call the bank")."""
    if handed_over(text, task):
        return True
    text = _SENT_BACK.sub("returned", normalise(text))
    if _DONE_WORD.search(text) or _mended(text):
        return True
    verb, nouns = _title_parts(task)
    past = [w for w in _WORD.findall(text.lower()) if is_past(w)]
    if verb is not None and any(_same(p, verb) for p in past):
        return True
    if verb is None and (act := _unknown_verb(task)) and any(_same(p, act) for p in past):
        return True  # "crash cart restocked": "Restock the crash cart", a verb we do not list
    if verb in _ESCORTING and _WENT_TO.search(text) and len(_hits(content_words(text), nouns)) >= 2:
        return True  # "Minou went to the vet": "Bring Minou to the vet", all its things said
    if (m := _STATE.search(text)) and m["word"].lower() in _title_words(task):
        return True  # "bathroom's clean", "bins are out": the state the task leads to
    own = [m["verb"] for m in _FIRST_PERSON_PAST.finditer(text) if is_past(m["verb"])]
    own = [v for v in own if not names_another_act(stem(v), task["title"])]  # "I signed it"
    return bool(own) and len(_hits(content_words(text), nouns)) >= 2


# Taking someone somewhere is done when they went there: "Minou went to the vet" completes
# "Bring Minou to the vet" (who and where both said: ``completes``).
_ESCORTING = {"bring", "take", "drive", "walk"}
_WENT_TO = re.compile(r"\b(?:went|got|made it)\s+to\b", re.I)


# What the user did: a past verb said by them ("gave Mark his drill back", "I have renewed …"),
# a plain word of completion, or back from an errand.
_DONE_WORD = re.compile(
    r"\b(?:done|finished|finish(?:ed)? already|(?:have|'ve)\s+(?:just\s+|already\s+)?finish|"
    r"completed|sorted|taken care of|dealt with|"
    # a learner's present for the past: "I finish the call with the bank" (not "… at 5")
    r"(?<=\bi )(?:just |already |finally )?finish(?!\s+(?:at|by|on|before|after|work|today|"
    r"tomorrow|tonight|next|this)\b)|"
    r"over with|out of the way|back from|(?:close|tick|cross|check) (?:it|that|this)(?: off)?|"
    # a test passed is the task that led to it done: "car passed its MOT", "passed my exam"
    r"passed\s+(?:(?:its|his|her|my|our|their|the|a|an)\s+)?(?:[\w-]+\s+)?(?:mot|test|exam"
    r"|examination|inspection|check-?up|assessment|audition|evaluation|vet check)s?)\b",
    re.I,
)
_FIRST_PERSON_PAST = re.compile(
    r"(?:^|[,;.]\s*|\b(?:i|we)\s+(?:have\s+|'ve\s+|had\s+)?(?:just\s+|already\s+|finally\s+|"
    r"actually\s+)?)(?P<verb>[a-z]+)\b",
    re.I,
)
# Something mended, said with "again": "the sink is working again" is the fix done, never the
# task reopened.
_WORKS_AGAIN = re.compile(
    r"\b(?:working|works|running|runs|fixed|back on|up and running|fine|flushing|draining|"
    r"drains|flushes|starts|starting)\s+(?:(?:just\s+)?fine\s+|properly\s+|normally\s+)?again\b",
    re.I,
)


# "the parcel's gone back", "sent the jacket back": it was returned (the act of "Return X").
_SENT_BACK = re.compile(
    r"\b(?:gone|went|sent|taken|took|brought|given|gave)\s+(?:(?:it|them)\s+)?back\b", re.I
)


def _mended(text: str) -> bool:
    """ "the sink is working again" (never "… is not working again", "stopped working again")."""
    m = _WORKS_AGAIN.search(text)
    before = text[: m.start()].split()[-1:] if m else []
    return m is not None and not (before and re.fullmatch(r"not|never|stopped|\w+n't", before[0]))


# The statement is taken back: not done after all, again, still to do.
_UNDONE = re.compile(r"\b(?:after all|again|still|undone|unfinished|reopen)\b", re.I)
_NEGATION = re.compile(
    r"\b(?:not|never|didn'?t|haven'?t|hasn'?t|isn'?t|wasn'?t|aren'?t|weren'?t)\s+"
    r"(?P<next>(?:[a-z']+\s+){0,2}[a-z']+)",
    re.I,
)
_DONE_STATE = {"done", "finished", "complete", "completed", "sorted", "ready", "over"}


def _negated(text: str) -> bool:
    """A completion denied: "not paid", "isn't fixed", "didn't call the plumber"."""
    for m in _NEGATION.finditer(text):
        words = m["next"].lower().split()
        if any(is_past(w) or w in _DONE_STATE for w in words) or words[0] in TASK_VERBS:
            return True
    return False


# Not about the task's state at all: a wish to drop it ("I've decided against the pottery
# class after all"), a question.
_OTHER = re.compile(
    r"\b(?:anymore|any more|no longer|don'?t need|do not need|cancel|decided against"
    r"|chang(?:e|ed|ing) my mind (?:about|on))\b",
    re.I,
)


def obliged(text: str) -> bool:
    """Work said as still to do: never a report that it is done."""
    return bool(OBLIGED.search(text))


# A short answer whose verb stands for one said before: "no I didn't actually", "yes I did",
# "I haven't yet". It names no task and no act of its own (what it answers does, or the request
# said with it: "…, reopen it").
_SHORT_ANSWER = re.compile(
    r"^(?:(?:no|nope|nah|yes|yeah|yep|hmm+|well|oh)\b[,.!]?\s*)*(?:i|we)\s+"
    r"(?:did|do|have|had|was|am)(?:\s+not)?(?:\s+(?:actually|really|yet|though|after all))*[.!]*$",
    re.I,
)


def cue(text: str) -> str | None:
    """What a statement says happened to a task: "complete", "reopen", or None. Read from
    the words alone; whether a task is named is decided against the tasks."""
    text = normalise(text)
    if not text or text.endswith("?") or _OTHER.search(text) or obliged(text):
        return None
    if _SHORT_ANSWER.match(text):
        return None
    if _mended(text) or _HAS_NOW.match(text):
        return "complete"  # (a thing handed over: only a task that hands it, ``completes``)
    if _UNDONE.search(text) or _negated(text):
        return "reopen"
    if _DONE_WORD.search(text):
        return "complete"
    if any(is_past(m["verb"]) for m in _FIRST_PERSON_PAST.finditer(text)):
        return "complete"
    return None


def says_done(text: str) -> bool:
    """A plain word of completion: "done with X", "X is finished", "hotel is booked"."""
    return bool(_DONE_WORD.search(text) or _BOOKED.search(text))


# "<thing> is/are/was booked|paid|sent|…": a state the task was there to reach.
_BOOKED = re.compile(
    r"\b(?:is|are|was|were|'s|has been|have been)\s+(?:now\s+|all\s+)?(?:paid|booked|sent|"
    r"bought|fixed|cleaned|washed|submitted|returned|renewed|cancelled|handled|delivered)\b",
    re.I,
)


def hedged(text: str) -> bool:
    return bool(HEDGE.search(text)) and not says_add(text)


def state_reached(text: str) -> str | None:
    """ "the garage is finally clean": perhaps a completion (if the word is the task's own);
    "the library was closed" is none (a past verb alone may be about anything)."""
    return "complete" if _STATE.match(normalise(text)) else None


# "I talked with the plumber today": what the user did, told, is no task to add, whatever
# else the message carries (a past verb of intent before "to" is: "I forgot to call mom").
_TOLD_DONE = re.compile(
    r"^(?:i|we)\s+(?:just\s+|already\s+|finally\s+)?(?P<verb>[a-z]+)\b"
    r"(?<!forgot)(?<!promised)(?<!wanted)(?<!needed)(?<!planned)(?<!decided)(?<!agreed)(?<!meant)"
    r"(?<!offered)(?<!hoped)(?<!tried)(?<!said)(?<!told)(?<!asked)(?=\s\S)",
    re.I,
)


# "spoke to the plumber this morning": the past verb first, then who or what it was done to
# ("Used car inspection", "Fixed deposit renewal" are titles).
_DONE_FIRST = re.compile(
    r"^(?:just\s+|finally\s+)?(?P<verb>[a-z]+)\s+(?:to|with|the|my|our|his|her|their|a|an)\b",
    re.I,
)


def tells_what_was_done(text: str) -> bool:
    m = _TOLD_DONE.match(text.strip()) or _DONE_FIRST.match(text.strip())
    return bool(m and is_past(m["verb"]))


def kind_of(text: str) -> str | None:
    """The change a statement asks for, from its words alone, when it may name a task: its cue,
    or a completion when a past verb may be the task's own."""
    if (found := cue(text)) is not None:
        return found
    if _OTHER.search(text) or text.rstrip().endswith("?") or obliged(text):
        return None
    if _STATE.match(normalise(text)):
        return "complete"  # perhaps: only if the word is the task's own (``completes``)
    return "complete" if any(is_past(w) for w in _WORD.findall(text.lower())) else None


# "restocked the shelves, freezer still needs doing tho": a contrast said last names what is
# NOT done, beside what was; it names no task of the statement
_STILL_TO_DO = re.compile(
    r"(?:\s*[,;]|\s+but)\s+(?:(?:the|my|our)\s+)?[\w'-]+(?:\s+[\w'-]+){0,3}?\s+still\s+"
    r"(?:needs?\s+(?:doing|to be done)|(?:is|are)\s+(?:left\s+)?to\s+do|to\s+do|has to be done)"
    r"(?:\s+(?:tho|though|lol|ugh|haha))?[\s.!]*$",
    re.I,
)


def about_tasks(intent: Intent, convo: Conversation, today: date) -> Intent | Decision:
    """The rules' reading (a bare task, or nothing understood), or, when the message is a
    statement that names one existing task, the change it asks for (see the module's doc)."""
    text = convo.user_text
    if (still := _STILL_TO_DO.search(text)) and still.start() > 0:
        text = text[: still.start()]
    if intent.kind not in {"help", "add"} or intent.then or says_add(text):
        return intent
    kind = kind_of(text)
    words = normalise(text).lower().split()
    if kind == "complete" and intent.kind == "add" and words and words[0] in TASK_VERBS:
        kind = None  # "pick up the suit I dropped off": a task to do, said as one
    changes = intent.kind == "add" and all(_attributes(d) or d.time for d in _each_details(intent))
    if kind is None and not changes and not _repeat_now(intent, text):
        return intent
    tasks = lookup(convo, status="all", limit=LOOKUP_LIMIT)
    if isinstance(tasks, ToolCall):
        return Decision(calls=[tasks])
    if kind is None:
        return (
            _planned(intent, text, tasks)
            or _updates(intent, text, tasks, today)
            or _repeat_moved(intent, text, tasks)
            or intent
        )
    found = referred(text, tasks)
    if len(found) > 1:
        return Decision(reply=replies.ask_which(" ".join(content_words(text)), found, today))
    if not found:
        return intent
    task = found[0]
    if kind == "complete" and not completes(text, task):
        return intent  # a past verb, but not what the task is about
    return Intent(kind, [task["title"]])


# "no sorry, the other one", "and the other one too", "no wait, I meant buy butter": the last
# turn's completion (or reopening) was meant for another task, or for one more.
_WRONG = (
    r"(?:(?:no|nope|not that one|wrong one|not that|sorry|oops|wait|actually|my bad|oh)"
    r"[,.!]?\s+)*"
)
_OTHER_ONE = re.compile(
    rf"^{_WRONG}(?:i meant |i mean )?(?:and |also )?the other (?:one|task)"
    # "…, Mikaela. Mike isn't done": its name, and why, may follow
    r"(?:\s*[,:-]\s*(?P<name>[^.,;!?]+?))?(?:\s*[.;!?]\s*(?P<why>.*))?$",
    re.I,
)
_MEANT = re.compile(rf"^{_WRONG}(?:i )?(?:meant|mean) (?P<x>[^,.;]+?)(?:[,.;].*)?$", re.I)


def redirected(convo: Conversation, today: date) -> Intent | Decision | None:
    """The change the last turn made, moved to (or also made to) the task now meant; None when
    the message is no such correction."""
    text = normalise(convo.user_text)
    other, meant = _OTHER_ONE.match(text), _MEANT.match(text)
    if not (other or meant):
        return None
    last = [r for r in convo.earlier if r.turn == convo.turn - 1 and r.tool == "complete_task"]
    changed = [r.result["task"] for r in last if r.ok and isinstance(r.result, dict)]
    if len(changed) != 1:
        return None
    done = changed[0]
    tasks = lookup(convo, status="all", limit=LOOKUP_LIMIT)
    if isinstance(tasks, ToolCall):
        return Decision(calls=[tasks])
    pool = [t for t in tasks if t["id"] != done["id"]]
    if other and other["name"] and len(named := candidates(other["name"], pool)) == 1:
        found = named
    elif meant and not other:
        found = candidates(meant["x"], pool)
        if len(found) != 1:
            return None  # no other task by that name: perhaps a title put right
    else:
        # The other task the words said last time could mean: the one sharing most of them.
        said = content_words(f"{convo.previous_user_text} {done['title']}")
        scored = [(len(_hits(said, content_words(t["title"]))), t) for t in pool]
        best = max((n for n, _ in scored), default=0)
        found = [t for n, t in scored if n == best and n > 0]
        if len(found) != 1:
            return Decision(reply=replies.ask_which("the other one", found or pool, today))
    finished = bool(last[-1].arguments.get("completed", True))
    again = Intent("complete" if finished else "reopen", [found[0]["title"]])
    if other and re.search(
        r"\b(?:too|as well|also)\b", re.split(r"[.;!?]", convo.user_text)[0], re.I
    ):
        return again
    return Intent("reopen" if finished else "complete", [done["title"]], then=[again])


def _each_details(intent: Intent) -> list[Details]:
    return intent.item_details or [intent.details]


def _attributes(d: Details) -> bool:
    return bool(d.due or d.priority or d.tags or d.shift_days or d.shift_months or d.shift_minutes)


def _updates(intent: Intent, text: str, tasks: list[Task], today: date) -> Intent | None:
    """ "taxes hi prio, photos low", "prepare slides: monday, high, work": each bare title names
    an open task (by its title, or all its words said without a verb of a new task), so its
    attributes change that task; any title that names none (or several) is a new task."""
    open_tasks = [t for t in tasks if not t["completed"]]
    named: list[Task] = []
    for title in intent.items:
        same = [t for t in open_tasks if t["title"].lower() == title.lower()]
        said = content_words(title)
        first = title.split()[0].lower() if title.split() else ""
        found = same or ([] if first in TASK_VERBS else referred(title, open_tasks))
        if len(found) != 1 or not said:
            return None
        if not same and len(_hits(said, _words(found[0]))) < len(said):
            return None
        named.append(found[0])
    if len({t["id"] for t in named}) != len(named):
        return None
    details = _each_details(intent)
    if len(named) > 1:  # each part says its own attributes: "taxes hi prio, photos low"
        parts = [_own_part(p, today) for p in re.split(r"\s*[,;]\s*", normalise(text))]
        if [p[0] for p in parts] != [[title] for title in intent.items]:
            return None
        details = [p[1] for p in parts]
    reads = [Intent("update", [t["title"]], d) for t, d in zip(named, details, strict=True)]
    reads[0].then = reads[1:]
    return reads[0]


# "I'll do the crossword tonight", "gonna wash the car on saturday": the user's own plan.
_PLAN = re.compile(
    r"^(?:(?:ok|okay|so|then|i think|right)[\s,]+)*(?:i'?ll|i will|i'?m going to|i'?m gonna|"
    r"gonna|i shall)\s+",
    re.I,
)


def _planned(intent: Intent, text: str, tasks: list[Task]) -> Intent | None:
    """A plan to do a task already there, with a day or time, is a new day for that task: no
    new task, nor a question about its state. Only when its words name one open task."""
    if len(intent.items) != 1 or not _PLAN.match(normalise(text)):
        return None
    found = referred(intent.items[0], [t for t in tasks if not t["completed"]])
    return (
        Intent("update", [found[0]["title"]], _each_details(intent)[0]) if len(found) == 1 else None
    )


def _own_part(part: str, today: date) -> tuple[list[str], Details]:
    """A part's title and attributes; a bare priority word after a task's name is its
    priority ("photos low")."""
    titles, details, _ = titles_in(part, today)
    m = re.match(r"^(?P<t>.+?)\s+(?P<p>high|hi|low|lo|medium|urgent)$", " ".join(titles), re.I)
    if len(titles) == 1 and not details.priority and m:
        titles, details.priority = [m["t"]], priority_word(m["p"])
    return titles, details


def _words(task: Task) -> list[str]:
    verb, nouns = _title_parts(task)
    return [verb, *nouns] if verb else nouns


# A repeat said to be different now: "the bins go out every tuesday now, not monday", "I water
# the plants on sundays from now on", "the cleaner comes every friday instead".
_NOW_DIFFERENT = re.compile(
    r"\b(?:now|from now on|these days|instead|any\s*more|anymore)\b|,?\s+not\s+(?:on\s+)?\w+$", re.I
)


def _repeat_now(intent: Intent, text: str) -> bool:
    return (
        intent.kind == "add"
        and len(intent.items) == 1
        and bool(_each_details(intent)[0].repeat)
        and bool(_NOW_DIFFERENT.search(normalise(text)))
    )


def _repeat_moved(intent: Intent, text: str, tasks: list[Task]) -> Intent | None:
    """A new repeat for the one open task the words name, only when that task repeats already
    (a repeat said of a task that has none may be a new task: the add stands)."""
    if not _repeat_now(intent, text):
        return None
    found = referred(text, [t for t in tasks if not t["completed"]])
    if len(found) != 1 or not found[0].get("recurrence"):
        return None
    return Intent("update", [found[0]["title"]], _each_details(intent)[0])
