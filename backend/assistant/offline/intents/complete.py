"""Completing tasks ("mark X done", "X is done", "I paid the rent"), and reopening them, which
is the same change the other way (``reopen.py`` reads the request, ``handle`` here acts)."""

from __future__ import annotations

import re
from dataclasses import replace

from backend.assistant.offline import replies, statements
from backend.assistant.offline.classifier.combine import Chosen
from backend.assistant.offline.intents import delete
from backend.assistant.offline.intents.base import NOT_DONE, Message
from backend.assistant.offline.language import base_form, is_past
from backend.assistant.offline.matching import VAGUE_VERBS, candidates, names_another_act
from backend.assistant.offline.parsing import TASK_VERBS, Intent, act, first_match, rx
from backend.assistant.offline.targets import (
    LOOKUP_LIMIT,
    PRONOUN,
    Decision,
    Task,
    ToolCall,
    Turn,
    failures,
    find_targets,
    lookup,
)

_PAST = (r"(?:finished|completed|did|done|bought|called|rang|phoned|paid|sent|cleaned|fixed|booked|"
         r"walked|submitted|wrote|written|read|took|made|got|sorted(?: out)?|handled|mailed|posted|"
         r"emailed|texted|picked up|dropped off|returned|renewed|ordered|washed|cooked|prepared|"
         r"reviewed|filed|printed|scheduled|watered|fed|visited|tidied|vacuumed|ironed|packed|"
         r"collected|replied to|answered|cancelled|canceled|changed|updated|uploaded|signed|"
         r"bought|went to|went for|went on|attended|practiced|practised|studied|repaired|replaced|"
         r"checked)")  # fmt: skip
# What a finished task "is" afterwards: "the summary for the report is written".
_PARTICIPLE = (r"(?:done|finished|completed|written|paid|sent|booked|bought|sorted|handled|"
               r"submitted|filed|cleaned|fixed|returned|renewed|ordered|posted|mailed|called|"
               r"cooked|washed|packed|picked up|dropped off|taken care of|dealt with|taken|"
               r"collected|printed|signed|delivered|repaired|replaced|uploaded|scanned|watered|"
               r"mowed|mown|vacuumed|hoovered|ironed|tidied)")  # fmt: skip

# Past forms that say something other than "done": "mark the report as flagged".
_NO_COMPLETION = (r"(?:flagged|starred|pinned|prioriti[sz]ed|tagged|labell?ed|archived|needed|"
                  r"required|delayed|postponed|cancell?ed|started|blocked|assigned|snoozed|"
                  r"planned|scheduled|unfinished|uncompleted)")  # fmt: skip

COMPLETE = rx(
    # "mark it", "put it done": the other clause of the message says what "it" is.
    r"^(?:mark|tick|check|cross|put|set)\s+(?P<rest>it|that|this|them|those)(?:\s+(?:as\s+)?(?:done|off|complete|completed|finished))?$",
    r"^(?:mark|set|flag|make)\s+(?P<rest>.+?)\s+(?:as\s+)?(?:done|complete|completed|finished|off)$",
    # "mark the fence as stained": the task's own verb, done (never a state that is no completion)
    rf"^(?:mark|set)\s+(?P<rest>.+?)\s+as\s+(?!{_NO_COMPLETION}\b)(?P<verb>{_PARTICIPLE}|[a-z]{{3,}}ed)$",
    r"^(?:cross|tick|check|strike|knock)\s+(?P<rest>.+?)\s+off(?:\s+(?:my|the)\s+list)?$",
    r"^(?:done|finished|completed|complete)\s*[:\-]\s*(?P<rest>.+)$",
    r"^(?P<rest>.+?)\s*(?:[:\-\u2013]|is|are)\s*(?:all\s+)?(?:done|finished|complete|completed)$",
    r"^(?:i am|i'?m|we are|we'?re)\s+(?:all\s+|finally\s+)?(?:done|finished|through) with\s+(?P<rest>.+)$",
    r"^(?:finished|completed|did|done)\s+(?:with\s+)?(?P<rest>.+)$",
    # (never "… not done": that is no completion)
    r"^(?P<rest>\S+(?:\s+\S+){0,4}?)(?<!\bnot)\s+(?:all\s+)?(?:done|finished|completed)(?:\s+(?:now|already|today|earlier))?$",
    r"^(?:mark|set)\s+(?:as\s+)?(?:done|complete|completed|finished)\s*(?P<rest>.*)$",
    r"^(?:complete|finish|check off|check|tick off|tick|cross off|close|resolve|done with|"
    r"finished with|completed)\s+(?P<rest>.+?)(?:\s+(?:off|as done))?$",
    rf"^(?:i|we)(?: have|'ve)? (?:also |just |already |finally |now |actually )*(?P<verb>{_PAST}) (?!to\b)(?P<rest>.+)$",
    # "at least I managed to return the library books": the verb as the task says it
    r"^(?:(?:at least|finally|luckily|anyway)\s+)?(?:i|we)\s+(?:finally\s+|eventually\s+|somehow\s+)?"
    r"(?:managed|got round|got around)\s+to\s+(?P<now>[a-z]+)\s+(?P<rest>.+)$",
    # a learner's perfect with the plain verb: "I have pay the water bill already", "I already
    # have call the bank" ("already" says it is done; "I have call mom tomorrow" is no report)
    # (a past form is read by the patterns above: only a plain verb here)
    r"^(?:i|we)\s+(?:already\s+)?(?:have|has|'ve)\s+(?:already\s+|just\s+)?(?P<now>[a-z]+(?<!ed))\s+"
    r"(?P<rest>.+?)\s+already$",
    r"^(?:i|we)\s+(?:already\s+have|have\s+already|'ve\s+already)\s+(?P<now>[a-z]+(?<!ed))\s+"
    r"(?P<rest>.+)$",
    # "all my high priority stuff is done, finally": a sigh of relief after it asks nothing more
    r"^(?P<rest>.+?)\s+(?:is|are|was|were|'s)\s+(?:now\s+|all\s+)?(?:done|finished|complete|completed|taken care of)"
    r"(?:,?\s+(?:finally|at last|at long last|yay|phew|woo+hoo+|thank god|thank goodness))?$",
    r"^(?P<rest>(?:it|that|this|that one|this one|them|those|all|both|all of them|both of them)) (?:are |is )?(?:done|complete|finished)(?: now| already)?$",
    r"^(?:done|finished|completed)$",
    # The thing first, then what was done to it: "internet bill I paid", "the essay, finished".
    rf"^(?P<rest>.+?)\s+(?:is|are|was|were|has been|have been)\s+(?:now\s+|all\s+|finally\s+)?(?P<verb>{_PARTICIPLE})(?:\s+(?:now|already|today|though|anyway|at last))?$",
    rf"^(?P<rest>.+?),?\s+(?:i|we)(?:\s+have|'ve)?\s+(?:already\s+|just\s+|finally\s+)?(?P<verb>{_PAST})(?:\s+(?:it|already|today|yesterday))*$",
    # A bare report of what was done: "paid the rent", "booked the flights!", "got the tickets".
    rf"^(?:just\s+|finally\s+|already\s+)?(?!read\b)(?P<verb>{_PAST})\s+(?!to\b|a\b|an\b|some\b|more\b)(?P<rest>.+?)(?:\s+(?:yesterday|today|earlier|already|this morning|last night))?[\s!.]*$",
    r"^(?:just\s+|finally\s+)?(?:got|grabbed|picked up)\s+(?P<rest>the\s+.+?)[\s!.]*$",
)


_TOLD_PAST = re.compile(
    rf"^(?:(?:i|we)\s+)?(?:just\s+|also\s+|finally\s+)?(?:{_PAST}\s+"
    r"(?!(?:me|us|him|her|it|them|ages|forever|long|a while)\b)\S"  # "took me 3 weeks"
    # any verb in -ed done to a thing: "wiped down the oven", "defrosted the freezer"
    r"|(?!(?:add|need|want|start|tri|ask|decid|lik|lov|hat|miss|notic|realis|realiz|remember"
    r"|plann|us|seem|look|turn|end)ed\b)[a-z]{2,}ed\s+(?:(?:out|down|up|off)\s+)?(?:the|my|our)\s)",
    re.I,
)


# "washed and vacuumed the car", "I called and paid the plumber": two acts told of one thing
# are two reports, one of each act ("washed the car and vacuumed the car"), so each names its
# own task. Only at the start of a report (never inside a title: "add washed and dried socks").
_SHARED_THING = re.compile(
    r"^(?P<who>(?:(?:i|we)\s+)?(?:just\s+|also\s+|finally\s+|already\s+)?)"
    r"(?P<a>[a-z]+)\s+and\s+(?:also\s+|then\s+)?(?P<b>[a-z]+)\s+"
    r"(?P<thing>(?:the|my|our|his|her|their)\s+[^,;.!?]+?)(?P<end>\s*(?:[,;.!?].*)?)$",
    re.I,
)


def each_act(text: str) -> str:
    """ "washed and vacuumed the car" -> "washed the car and vacuumed the car"."""
    m = _SHARED_THING.match(text)
    if m is None or not all(is_past(v) and present_verb(v) for v in (m["a"], m["b"])):
        return text
    if m["a"].lower() == m["b"].lower():
        return text
    return f"{m['who']}{m['a']} {m['thing']} and {m['b']} {m['thing']}{m['end']}"


def told_past(words: str) -> bool:
    """Words that start with what was done: "walked Biscuit", "I called the kennel"."""
    return _TOLD_PAST.match(words.strip()) is not None


# "mark X as done", "tick off X": a request to close a task, in so many words
_DONE_COMMAND = re.compile(
    r"^(?:(?:please|pls|just)\s+)*(?:(?:mark|set|tick|check|cross)\s+.+?\s+(?:as\s+)?"
    r"(?:done|complete|completed|finished)|(?:tick|check|cross)\s+off\s+.+)$",
    re.I,
)


# "reopen X", "put X back on my list": a request to reopen a task, in so many words
_REOPEN_COMMAND = re.compile(
    r"^(?:(?:please|pls|just)\s+)*(?:reopen|re-open|uncheck|untick|unmark)\s+\S"
    r"|^(?:(?:please|pls|just)\s+)*(?:put|bring)\s+.+?\s+back(?:\s+(?:on|to|in)\s+(?:my|the)\s+"
    r"(?:todo\s+|to-do\s+)?list)?$"
    # "put the deck back to not done", "mark X as unfinished again"
    r"|^(?:(?:please|pls|just)\s+)*(?:mark|set|flag|make|put|move|change|switch)\s+.+?\s+"
    r"(?:back\s+)?(?:(?:to|as|into)\s+)?(?:not done|undone|incomplete|not complete|not completed|"
    r"not finished|unfinished|open)(?:\s+again)?$",
    re.I,
)


def without_remark(text: str) -> str:
    """ "mark X as completed. I took care of it this morning", "reopen X, the office sent it
    back": the remark tells when, how or why, so its words are no change to the task."""
    said = delete.remark_cut(text)
    commands = _DONE_COMMAND.match(said) or _REOPEN_COMMAND.match(said)
    return said if said != text and commands else text


# "got called in", "got stuck at work", "got bumped": what happened to the user, no task done.
_GOT_PASSIVE = re.compile(
    r"^(?:(?:i|we)\s+)?(?:just\s+)?got\s+(?:\w+ed|stuck|caught|held|sick|told|paid|sent|hit|"
    r"woken|taken|kept|let|shot|beaten|bitten|stung)\b",
    re.I,
)


# "got the rejection email from Henderson", "got a letter from the council": news that came to
# the user, no task done (what to do about it is said elsewhere, or not at all)
_GOT_NEWS = re.compile(
    r"^(?:(?:i|we)\s+)?(?:just\s+|finally\s+|also\s+)?(?:got|received|had)\s+"
    r"(?:(?:a|an|the|my|our|this|that|some)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:e-?mail|letter|call|phone call|text|message|voicemail|reply|response|rejection|news"
    r"|notice|notification|offer)s?\b(?:\s+(?:from|about|saying|that|back|today|yesterday)\b"
    r"[^,;.!?]*)?[\s.!]*$",
    re.I,
)


# "the car failed its MOT today", "passed my driving test": how a test went, never a task to
# add (a pass may still close the task that led to it: ``statements``)
_TEST_RESULT = re.compile(
    r"^(?:(?:the|my|our|his|her)\s+)?(?:[\w-]+\s+){0,2}?(?:just\s+|finally\s+)?(?:passed|failed)\s+"
    r"(?:(?:its|his|her|my|our|their|the|a|an)\s+)?(?:[\w-]+\s+)?(?:mot|test|exam|examination"
    r"|inspection|check-?up|assessment|audition|evaluation)s?\b",
    re.I,
)


def happened_to_user(text: str) -> bool:
    return any(p.match(text) is not None for p in (_GOT_PASSIVE, _GOT_NEWS, _TEST_RESULT))


# "didn't get to the car wash today", "never got round to the recycling": work told as not
# done is never a completion, whatever verb follows
_DENIED = re.compile(
    rf"^(?:(?:i|we)\s+)?(?:still\s+|just\s+|really\s+)?(?:{NOT_DONE}|not\s+yet)\b",
    re.I,
)


def parse(msg: Message) -> Intent | None:
    if happened_to_user(msg.text) or _DENIED.match(msg.text) or statements.obliged(msg.text):
        return None
    if m := first_match(COMPLETE, msg.text):
        if m.groupdict().get("now") and not _task_verb(m["now"]):
            return None  # "I managed to lose my keys": no task's verb
        rest = msg.literal(m.groupdict().get("rest") or "it")
        rest = _WHILE_THERE.sub("", rest)  # "bought stamps while I was there": when, not what
        rest = _BUT_NOT.sub("", rest)  # "went to the post office but forgot (to buy stamps)"
        verb = present_verb(m.groupdict().get("verb") or "") or _task_verb(m.groupdict().get("now"))
        if verb is None and (g := _GERUND.match(rest)) and (base := _gerund_verb(g["verb"])):
            verb, rest = base, g["rest"]  # "finished writing the Q3 report": "write …"
        intent = act("complete", rest, msg.today)
        if verb and intent.items and not PRONOUN.match(intent.items[0]):
            # "called mom" names "Call mom", not "Call mom's doctor" or "Email mom".
            intent.fallback_subject = intent.items[0]
            intent.items = [f"{verb} {intent.items[0]}"]
        return intent
    return None


# "…, while I was there", "… when we were in town": when it was done, never the task's words
_WHILE_THERE = re.compile(r",?\s+(?:while|when|as)\s+(?:i|we)\s+(?:was|were)\s+\w.*$", re.I)

# "… but forgot to buy stamps", "…, but I didn't get the milk": what was left undone is
# never part of what was done
_BUT_NOT = re.compile(
    rf",?\s+but\s+(?:(?:i|we)\s+)?(?:forgot|{NOT_DONE}|could\s*(?:n'?t|not)|was\s*(?:n'?t|not)"
    r"\s+able|ran out of time)\b.*$",
    re.I,
)

_GERUND = re.compile(
    r"^(?P<verb>[a-z]+ing)\s+(?P<rest>(?:the|my|a|an|that|this|his|her|our)\s+.+)$", re.I
)


def _gerund_verb(word: str) -> str | None:
    """The task verb of an -ing form ("writing" -> "write", "shopping" -> "shop")."""
    stem = word.lower()[:-3]
    forms = [stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem]
    verb = next((f for f in forms if f in TASK_VERBS), None)
    return None if verb is None or verb in _VAGUE else verb


# Verbs that say only that something was finished, not which task: "finished the essay".
_VAGUE = VAGUE_VERBS


def _task_verb(word: str | None) -> str | None:
    """A task verb said as the task says it ("managed to return …")."""
    verb = (word or "").lower()
    return verb if verb in TASK_VERBS and verb not in _VAGUE else None


def present_verb(past: str) -> str | None:
    """The task verb a past form reports ("called" -> "call", "paid" -> "pay"), or None when
    it is no task verb of its own."""
    words = past.lower().split()
    if not words:
        return None
    first, rest = words[0], words[1:]
    irregular = base_form(first)
    forms = [irregular] if irregular != first else [first[:-2], first[:-1], first[:-3] + "y"]
    if irregular == first and first.endswith("ed") and first[-3:-2] == first[-4:-3]:
        forms.append(first[:-3])  # the consonant doubled: "cancelled", "planned", "shipped"
    verb = next((f for f in forms if f in TASK_VERBS), None)
    if verb is None or verb in _VAGUE:
        return None
    return " ".join([verb, *rest])


_COMMAND = re.compile(
    r"^\W*(?:(?:please|pls|can you|could you|just)\s+)*(?:mark|tick|check|cross|complete|close|"
    r"set|strike|knock|flag|finish|uncheck|untick|unmark|reopen)\b",
    re.I,
)


def _named_by_words(turn: Turn, finish: bool) -> list[Task] | None:
    """No task by the phrase said ("got back from the barber, hair looks great"): the one task
    the message's words name ("Get a haircut"), if there is exactly one."""
    text = turn.intent.told or turn.convo.user_text  # a part of a run-on: its own words
    everything = turn.convo.lookup({"status": "all", "limit": LOOKUP_LIMIT})
    if everything is None or turn.intent.everything or _COMMAND.match(text):
        return None  # "mark the passport thingy done": a name said, so "did you mean …?"
    tasks = everything.tasks()
    named = statements.referred(text, tasks) or statements.named_with_verb(text, tasks)
    if len(named) != 1 or (finish and not statements.completes(text, named[0])):
        return None
    return named


def _guessed_from_story(turn: Turn, found: list[Task]) -> bool:
    """The classifier read a completion where the rules read nothing, in a statement ("the
    passport office was closed"): as with every statement, its words must say the task was done
    ("the passport photos are taken"), or we ask rather than guess."""
    intent, text = turn.intent, turn.convo.user_text
    if not isinstance(intent, Chosen) or intent.rules is None or intent.rules.kind != "help":
        return False
    if statements.kind_of(text) != "complete":
        return False
    return not all(statements.completes(text, t) for t in found)


def _one_said(intent: Intent) -> str:
    """How "the … one" was said, for the question which: "high priority", "due tomorrow"."""
    f = intent.filter
    return f"{f.priority} priority" if f.priority else f"due {f.due}" if f.due else "due then"


def _told_act(intent: Intent) -> str | None:
    """The verb told before the thing ("pay" in "I paid the accountant"), if one was."""
    item, thing = (intent.items or [""])[0], intent.fallback_subject
    return item.removesuffix(thing).strip() or None if thing and item.endswith(thing) else None


def _every_task(turn: Turn) -> bool:
    """A bare "everything" with no listing just before it: every open task there is."""
    intent = turn.intent
    return intent.everything and not intent.filter.narrows and not turn.convo.shown_last_turn()


def handle(turn: Turn) -> Decision:
    finish = turn.intent.kind == "complete"
    done = turn.convo.done_this_turn("complete_task")
    if done:
        tasks = [r.result["task"] for r in done if r.ok]
        # A repeating task stays open: it moved to its next day.
        moved = [t for t in tasks if finish and not t["completed"] and t.get("recurrence")]
        closed = [t for t in tasks if t not in moved]
        verb = "Marked {} as done." if finish else "Reopened {}."
        text = verb.format(replies.quoted(closed)) if closed else ""
        lines = [text, *(replies.moved_on(t, turn.today) for t in moved), failures(done)]
        return Decision(reply=" ".join(filter(None, lines)))
    found = find_targets(turn, done_wanted=not finish)
    if turn.intent.just_one and isinstance(found, list) and len(found) > 1:
        # "the high priority one is done" with two high ones: which, never both
        return Decision(
            reply=replies.ask_which(f"the {_one_said(turn.intent)} one", found, turn.today)
        )
    bare_words = turn.intent.fallback_subject
    if isinstance(found, list) and bare_words and not candidates(bare_words, found):
        found = Decision()  # "called my sister" is not "Call the kennel": the verb alone
    if isinstance(found, Decision) and not found.calls and turn.intent.fallback_subject:
        # "rang the dentist" names "Call the dentist": the verb said may not be the title's
        bare = replace(turn.intent, items=[turn.intent.fallback_subject], fallback_subject=None)
        found = find_targets(Turn(bare, turn.convo, turn.today), done_wanted=not finish)
    if finish and isinstance(found, list) and (act_told := _told_act(turn.intent)):
        # "I paid the accountant": not "Send receipts to the accountant", whose act is another
        other = [t for t in found if names_another_act(act_told, t["title"])]
        found = [t for t in found if t not in other]
        if not found:
            return Decision(reply=replies.ask_scope(other, turn.today))
    # what was told, or a statement ("finished the puzzle" with two puzzle tasks): its words
    said = turn.intent.told or not _COMMAND.match(turn.convo.user_text)
    told = isinstance(found, Decision) and not found.calls and said
    if told and isinstance(call := lookup(turn.convo, status="all", limit=LOOKUP_LIMIT), ToolCall):
        return Decision(calls=[call])  # the tasks in view, to read what was told
    if isinstance(found, Decision) and not found.calls:
        found = _named_by_words(turn, finish) or found
    if isinstance(found, Decision):
        return found
    if finish and _guessed_from_story(turn, found):
        return Decision(reply=replies.ask_scope(found, turn.today))
    if said and _every_task(turn):
        # "got everything" with nothing shown: the shopping, maybe, not every task there is
        return Decision(reply=replies.ask_scope(found, turn.today))
    todo = [t for t in found if t["completed"] is not finish]
    if not todo:
        state = "already done" if finish else "not done yet"
        are = "is" if len(found) == 1 else "are"
        return Decision(reply=f"{replies.quoted(found)} {are} {state}.")
    return Decision(
        calls=[ToolCall("complete_task", {"task_id": t["id"], "completed": finish}) for t in todo]
    )
