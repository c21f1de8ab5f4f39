"""The offline model's intents: one module each (its patterns, parsing and handler), and the
ordered registry that reads a message with them.

ORDER MATTERS: the first parser that answers wins. Questions come before commands ("which
tasks are low priority?" asks, it does not set), updates before completes ("mark X as high
priority" is not "mark X done"), and bare tasks come last. To teach it a new phrasing: a pattern
in its intent's module; a new intent: a module with ``parse`` and ``handle``, placed below.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from backend.assistant.offline import statements
from backend.assistant.offline.classifier.combine import combined
from backend.assistant.offline.intents import (
    add,
    complete,
    confirm,
    delete,
    question,
    reopen,
    retract,
    social,
    undo,
    update,
)
from backend.assistant.offline.intents.base import NOT_DONE, Message, Parser, Reread
from backend.assistant.offline.language import (
    SENTENCE_STOP,
    clean_title,
    fix_typos,
    is_past,
    normalise,
    without_spoken_punctuation,
)
from backend.assistant.offline.matching import shares_a_word
from backend.assistant.offline.parsing import (
    BULK_SCOPE,
    QUOTE_RX,
    TASK_VERBS,
    TASK_WORD,
    Details,
    Intent,
    act,
    corrected,
    fill_details,
    first_match,
    hide_quotes,
    subjects,
    take_details,
    with_quotes,
)
from backend.assistant.offline.targets import PLURAL, PRONOUN, Decision, Turn
from backend.assistant.offline.titles import (
    STORY_SO_ADD,
    attribute_clauses_as_commas,
    command_preamble,
    from_the_action,
    is_told,
    names_no_task,
    no_task,
    restatement,
    says_add,
    without_musing,
    without_pleasantries,
    without_reason,
    without_thinking_aloud,
)

# (Requests taken back, or meant for later, are read before these, on the whole message:
# ``retract.parse`` in ``understand``.)
PARSERS: list[Parser] = [
    undo.parse,  # first: "never mind, undo that" is not a "no"
    confirm.parse_yes,
    confirm.parse_no,
    social.parse_greeting,
    social.parse_help,
    social.parse_interjection,
    social.parse_vague_about_list,  # "clean up my list": we ask, nothing is added or changed
    social.parse_vent,  # "ugh so much to do this week": venting, nothing is added
    social.parse_content_request,  # "write me a poem about my cat": no task, nothing is added
    question.parse_indirect,  # "could you tell me whether I paid X?": the question itself
    question.parse_field,
    question.parse_about_one,
    question.parse_still_to_do,
    question.parse_question,
    update.parse_title_fix,
    add.parse_needs_doing,  # "the car needs washing": no statement about a task's state
    update.parse_typo_fix,
    update.parse_correction,
    update.parse_clear_schedule,
    update.parse_untag,
    update.parse_said_differently,
    update.parse_shift,
    update.parse_attribute_list,
    update.parse_make,
    update.parse_rename,
    add.parse_note_to_self,
    update.parse_note,
    update.parse_clear_due,
    update.parse_priority,
    update.parse_tag,
    update.parse_reschedule,
    reopen.parse,
    update.parse_change,
    add.parse_scheduled_task,  # "finish the slides tonight" adds; "finish the slides" closes
    delete.parse,
    complete.parse,
    add.parse_command,
    question.parse_listing,
    update.parse_bare_attributes,  # before the add it may be: "tax hi prio" names a task
    add.parse_bare_task,
    social.parse_thanks,
]

HANDLERS: dict[str, Callable[[Turn], Decision]] = {
    "add": update.handle_add,  # an add may name an open task ("tax hi prio"): see there
    "complete": complete.handle,
    "reopen": complete.handle,
    "update": update.handle,
    "delete": delete.handle,
    "confirm": confirm.handle_yes,
    "decline": confirm.handle_no,
    "list": question.handle,
    "greet": social.handle_greeting,
    "thanks": social.handle_thanks,
    "help": social.handle_help,
    "unclear": social.handle_unclear,
    "vent": social.handle_vent,
    "offtopic": social.handle_off_topic,  # "write me a poem": nothing is added
    "undo": undo.handle,
    "retract": retract.handle,  # taken back in the same message: nothing changes
    "later": retract.handle,  # a change meant for later, not now: nothing changes
}


def read_clause(text: str, quoted: list[str], today: date) -> Intent:
    """The first parser's answer for one clause (help when none answers)."""
    msg = Message(text, quoted, today)
    for parse in PARSERS:
        found = parse(msg)
        if isinstance(found, Reread):
            return read_clause(found.text, quoted, today)
        if found is not None:
            return _bulk_update(_stated_change(found, text), text, today)
    return Intent("help")


def _bulk_update(intent: Intent, text: str, today: date) -> Intent:
    """A change to "all my exam tasks" or "everything" is a bulk change: its scope is read as
    a complete's or a delete's is (``act``), and ``update.handle`` decides whether it is clear.
    Only a scope said as one ("move all hands meeting to friday" names a task)."""
    if intent.kind != "update" or len(intent.items) != 1 or intent.new_title or intent.swap:
        return intent
    if not BULK_SCOPE.search(text):
        return intent
    scoped = act("update", intent.items[0], today)
    if scoped.everything:
        intent.items, intent.everything, intent.filter = [], True, scoped.filter
    return intent


# A "title" that ends in a verb of being is a statement about a task already there: "the
# dentist thing is now on monday", "pay rent should be on the 1st".
_STATED = re.compile(
    r"^(?P<x>.+?)\s+(?:is|are|should be|has to be|needs to be|must be|got moved|was moved|"
    r"has been moved|is moved)(?:\s+(?:now|actually|instead))?"
    r"(?:\s+(?:done|finished|completed?|ready|submitted|sent|paid))?$",  # "must be ready by …"
    re.I,
)


# "call grandma should repeat every week", "I want that learn the vocabulary repeats every
# day": a repeat said of a task, unless the message adds it ("add X that repeats daily").
_STATED_REPEAT = re.compile(
    r"^(?P<x>.+?)(?<!\bthat)(?<!\bwhich)\s+(?:repeats|recurs|(?:should|must|has to|needs to|to)\s+"
    r"(?:repeat|recur))$",
    re.I,
)


def _stated_change(intent: Intent, text: str) -> Intent:
    d = intent.details
    if (
        intent.kind not in {"add", "update"}
        or len(intent.items) != 1
        or not (d.due or d.priority or d.time or d.repeat)
    ):
        return intent
    if intent.kind == "add" and (m := _STATED.match(intent.items[0])):
        return Intent("update", subjects(m["x"]) or [m["x"]], d)
    if d.repeat and not says_add(text) and (m := _STATED_REPEAT.match(intent.items[0])):
        return Intent("update", subjects(m["x"]) or [m["x"]], d)
    return intent


_CLAUSE = re.compile(
    rf"\s*(?:,|;|\s[-\u2013]\s|{SENTENCE_STOP}\s|\bso\b|\band then\b|\bthen\b|\bbut\b"
    r"|(?<!\bwhat)(?<!\bhow)(?<!\bwhy)(?<!\bwhere)(?<!\bwhen)(?<!\bwho)(?<!\bwhich)"
    r"(?<=\w)\s(?=(?:you can|can you|could you)\s))\s*",
    re.I,
)
_PRONOUN_SUBJECT = re.compile(
    r"^(?:it|that|this|that one|this one|them|those|both|them all|it all|all of them|those two"
    r"|these two)$",
    re.I,
)
_ALL_OF_IT = re.compile(r"^(?:them|those|them all|it all|all of them)$", re.I)


_COMMAND_START = re.compile(
    r"^(?:(?:just|now|then|so|please|pls)\s+)*(?:make|mark|move|set|change|swap|switch|shift|postpone|delay|delete|remove|tick|cross|check|put|push|reschedule|rename|"
    r"tag|untag|untick|uncheck|unmark|reopen|restore|complete|finish|scratch|drop|bump|prioriti[sz]e|cancel"
    r"|take\s+(?:the\s+|that\s+)?#?[\w-]+\s+(?:tag|label)s?"
    r"|(?:pull|bring)\s+(?:it|that|this|them)\b)\b",  # "pull it in", never "bring the cake"
    re.IGNORECASE,
)


_ADDING = re.compile(r"^(?:add|put|create|remind me|new task)\b", re.I)
# The tool each kind of request changes tasks with: two requests in one message must differ.
_TOOL = {"add": "add_task", "complete": "complete_task", "reopen": "complete_task",
         "update": "update_task", "delete": "delete_task"}  # fmt: skip


# "visa -> hi prio"; in a list of changes each arrow is its own ("gutters hi prio, and paint -> sat"),
# and so in each sentence ("gym done. meal prep -> tmrw")
_ARROW = re.compile(
    rf"(?:^|(?<=[,;])|(?<={SENTENCE_STOP}\s))(?P<join>\s*(?:(?:and|then|also|plus)\s+)?)"
    rf"(?P<x>(?:(?!{SENTENCE_STOP}\s)[^>,;])+?)\s*(?:->|\u2192|=>)\s*(?P<y>(?:(?!{SENTENCE_STOP}\s)[^,;])+)"
)


# "move the caterer call to thursday and leave the flowers as they are": a task said to stay
# as it is is no part of the request, so never one it changes (the delete's own forms, "(keep
# the doctor one)", are ``delete._SPARED``)
_LEFT_AS_IS = re.compile(
    r"\s*,?\s*(?:\b(?:and|but)\s+)?(?:please\s+)?(?:leave|keep)\s+(?:the|my|that|those|these)\s+"
    r"[^,;.!?]+?\s+(?:as\s+(?:it\s+is|they\s+are|is)|alone|unchanged|untouched|"
    r"where\s+(?:it\s+is|they\s+are)|the\s+same)(?:\s+(?:please|pls|though))?\s*[.!]*$",
    re.I,
)


_MEANT_NOT = re.compile(
    r"(?P<meant>\bi\s+mean[t]?\s+[\w'-]+(?:\s+[\w'-]+)?),\s+not(?=\s+[\w'-]+[.!]*$)", re.I
)


def understand(message: str, today: date, hybrid: bool = False) -> Intent:
    """What one message asks for: one request, or several in order (``Intent.then``).
    ``hybrid``: the intent classifier may choose where the rules did not (``classifier/``)."""
    message = _undictated(message)  # "call the garage comma tomorrow comma high priority"
    message = _LEFT_AS_IS.sub("", message)  # "…, and leave the flowers as they are"
    message = _MEANT_NOT.sub(r"\g<meant> not", message)  # one clause: "I meant John, not Jon"
    # First, on the whole message: "mark X done... jk", "eventually I'll delete X, not now"
    # (a clause alone cannot tell that a later one takes it back; see ``retract``).
    if (
        taken := retract.parse(message, today, lambda words: understand(words, today, hybrid))
    ) is not None:
        return taken
    message = _enumerated(message)  # "first thing I paid X second thing …": sentences
    message = complete.each_act(message)  # "washed and vacuumed the car": two acts
    message = without_musing(message)  # "hmm what else... oh right, I should …"
    if (news := _news_from(message, today)) is not None:
        if news.kind == "help":
            return news
        message = news.told or message
    message = from_the_action(message)  # "she reminded me that we have to book the cabin"
    message = _request_after_story(message, today)
    message = _not_done_then_change(message, today)
    message = _without_not_done(message, today)
    if (excused := _after_excuse(message, today)) is not None:
        return excused
    message = _respelled(message)  # "add text Mikey … sorry, spelled it wrong, it's Micky"
    if (matched := _changed_to_match(message, today)) is not None:
        return matched
    if (folded := _folded_into_one(message, today)) is not None:
        return folded
    intent = _understand(message, today)
    if (
        intent.kind == "add"
        and (asked := _CLOSING_QUESTION.search(message))
        and not _ASKS_TO_ADD.search(message[: asked.start()])
    ):
        # "so much going on today, what's my most important task?": a question, after a
        # remark about the day, adds nothing; it is answered if it can be
        question = _understand(asked["q"], today)
        return question if question.kind not in _TOOL else Intent("help")
    if (again := restatement(message)) is not None:
        # "<words not understood>... sorry, english: buy milk": the words said again replace
        # them, never a task of their own; an English restatement replaces any words
        before, after, in_english = again
        said = _understand(after, today)
        if said.kind != "help" and (in_english or _understand(before, today).kind == "help"):
            message, intent = after, said
    if intent.kind in _TOOL and _asks_advice(message):
        # "should I do the laundry today or tomorrow? I'm so tired": asking what to do
        # changes nothing, whatever the question names
        return Intent("help")
    if intent.kind == "add" and _story_title(message, intent.items):
        # "got called in for a shift tmrw": a story of the user's day is no task to add
        return Intent("help")
    if intent.kind == "add" and _how_it_was(message, intent.items):
        # "ugh today has been sooo exhausting": how the day was, no task to add
        return Intent("help")
    if intent.kind == "add" and statements.hedged(message):
        # "maybe cancelling the gym, not sure yet": thinking aloud adds nothing
        return Intent("help")
    if intent.kind == "add" and len(intent.items) == 1 and _REFERENCE.match(intent.items[0]):
        # "the first one is for tomorrow": a task already named, not a new one
        return Intent("update", intent.items, intent.details)
    intent = add.said_again(message, intent)  # "don't forget the X. add buy the X": one task
    if intent.kind == "update":
        intent.else_add = _task_said_as_change(message, intent, today)
    return combined(message, intent, today) if hybrid else intent


# Verbs of a change: "move the dentist to friday" is never a task "move the dentist".
_CHANGE_VERBS = {"move", "change", "set", "make", "push", "reschedule", "update", "rename", "bump",
                 "mark", "put", "tag", "switch", "shift", "edit", "postpone", "delay"}  # fmt: skip


_OPENERS = {"oh", "and", "so", "also", "ok", "okay", "then", "um", "uh", "well", "right", "plus",
            "oh,", "ah", "hey", "hi", "btw", "please", "pls", "plz"}  # fmt: skip


def _task_said_as_change(message: str, intent: Intent, today: date) -> Intent | None:
    """ "oh and pay the car insurance, it's due the 15th", "file the tax return by end of
    month, it's really important": a change whose subject is a command ("pay the car
    insurance") is a new task when no open task has that name (``update.handle`` looks). The
    add is the one read from the subject on, as "add …" would be."""
    if (
        len(intent.items) != 1
        or intent.then
        or intent.new_title
        or intent.swap
        or intent.typo_in
        or intent.name_fix
        or intent.remove_tags
        or intent.everything
        or intent.story
        or intent.told
    ):
        return None
    words = intent.items[0].split()
    if not words or words[0].lower() not in TASK_VERBS or words[0].lower() in _CHANGE_VERBS:
        return None
    at = re.search(rf"\b{re.escape(words[0])}\s", message, re.I)
    if at is None or any(
        w not in _OPENERS for w in re.findall(r"[\w']+", message[: at.start()].lower())
    ):
        return None  # the command is what is said first ("set the water bill to low": a change)
    added = _understand("add " + message[at.start() :], today)
    if added.kind != "add" or added.then or len(added.items) != 1:
        return None
    return added if added.items[0].split()[0].lower() == words[0].lower() else None


# "the cleaner only comes every other friday now, change the payment to match": the change
# is the one the story says, made to the task the request names (never a rename to "match").
_TO_MATCH = re.compile(
    r"^(?P<story>.+?)\s*(?:[,;.!]|\bso\b)\s*(?:so\s+)?(?:please\s+|pls\s+|can you\s+|could you\s+)*"
    r"(?:change|update|adjust|set|move|fix)\s+(?P<x>.+?)\s+to\s+match(?:\s+(?:it|that|this))?[.!]*$",
    re.I,
)


# "the landlord wants the keys back by the 28th, set that as the due date": the day the story
# says is the due date of the task its other words name (none or several: we ask).
_DAY_AS_DUE = re.compile(
    r"^(?P<story>.+?)\s*(?:[,;.!-]+|\bso\b)\s*(?:so\s+)?(?:please\s+|pls\s+|can you\s+|could you\s+)*"
    r"(?:(?:set|make|put|use|mark|have)\s+(?:that|this|it)\s+(?:as\s+)?(?:the\s+|its\s+|my\s+)?"
    r"|(?:that'?s|that\s+is|this\s+is)\s+(?:the\s+|its\s+|my\s+)?(?:new\s+)?)"
    r"(?:due\s+date|deadline|due\s+day)(?:\s+(?:for\s+it|then|please|pls|thanks|thank you))*[.!]*$"
    # "…, turns out I have until the 15th to pay the parking fine, so change it to that": the
    # day the story says, "that"
    r"|^(?P<story2>.+?)\s*(?:[,;.!-]+|\bso\b)\s*(?:so\s+)?(?:please\s+|pls\s+|can you\s+|could you\s+)*"
    r"(?:change|move|set|update|switch|make)\s+(?:it|that|the\s+(?:due\s+)?date|the\s+deadline)\s+"
    r"(?:to|for)\s+(?:that|then|that\s+(?:day|date))(?:\s+(?:please|pls|thanks|thank you))*[.!]*$",
    re.I,
)


# "so the budget review isn't due on Friday, it's been moved up to tomorrow and it's now the
# most important thing, so could you update that? Thanks", "the client wants the mockups by
# thursday instead. anyway, update the mockups": the changes are the ones the story tells, made
# to the task the request names ("that": the one the story's words name; none or several: ask).
_UPDATE_AFTER_STORY = re.compile(
    r"^(?P<story>.+?)\s*(?:[,;.!?]+|\s-)\s*(?:(?:so|and|anyway|anyways|yeah|ok(?:ay)?|then)[\s,]+)*"
    r"(?:(?:can|could|would|will)\s+(?:you|u)\s+|please\s+|pls\s+|just\s+)*"
    r"(?:update|change|adjust|amend|fix)\s+(?P<x>that(?:\s+one)?|this(?:\s+one)?|it|(?:the|my)\s+\S.*?)"
    r"(?:\s+(?:for\s+me|accordingly|please|pls|then))*[\s?!.]*(?:(?:thanks|thank\s+you|thx|ty)[\s.!]*)?$",
    re.I,
)


_TASK_WORD_ONLY = re.compile(rf"^(?:the|my|that|this)\s+{TASK_WORD}$", re.I)


def _update_after_story(message: str, today: date) -> Intent | None:
    if not (m := _UPDATE_AFTER_STORY.match(normalise(message))):
        return None
    story, x = m["story"], m["x"]
    if _TASK_WORD_ONLY.match(x):
        return None  # "…, update the reminder": read as before (the story names the task)
    pointing = bool(re.match(r"(?:that|this|it)\b", x, re.I))
    if not pointing:  # the story's sentences about the task named, if any say it
        about = [s for s in re.split(r"(?<=[.!?;])\s+", story) if shares_a_word(x, s)]
        story = " ".join(about) or story
    rest, details = take_details(_without_old_value(story, today), today)
    if details == Details() or _understand(message, today).kind not in {"add", "help"}:
        return None  # no change told, or the rules read a request already: as before
    if pointing:
        said = subjects(rest) or [rest]
        return Intent("update", said, details, story=story)
    return Intent("update", subjects(x) or [x], details)


def _changed_to_match(message: str, today: date) -> Intent | None:
    if m := _DAY_AS_DUE.match(normalise(message)):
        rest, details = take_details(m["story"] or m["story2"], today)
        if not details.due or details.priority or details.tags or details.repeat:
            return None
        said = subjects(rest) or [rest]
        return Intent("update", said, Details(due=details.due), story=" ".join(said))
    if not (m := _TO_MATCH.match(normalise(message))):
        return _update_after_story(message, today)  # "…, so could you update that?"
    _, details = take_details(m["story"], today)
    if details == Details():
        return None
    return Intent("update", subjects(m["x"]) or [m["x"]], details)


# "remind me to buy dog food and also the flea stuff but that can be the same task actually,
# just call it buy dog food": the user folds what was said into one task, named again.
_ONE_TASK_CALLED = re.compile(
    r"^(?P<said>.+?)[\s,.;-]+(?:but\s+|actually\s+|so\s+)*(?:(?:that|it|they|this)\s+can\s+be\s+"
    r"|make\s+(?:it|that|them)\s+|(?:as\s+)?)(?:(?:the\s+)?same|one|a\s+single)\s+task"
    r"(?:\s+actually)?[\s,.;-]+(?:(?:actually|so|and|just)[\s,]+)*(?:call|name)\s+it\s+"
    r"(?P<name>\S.*?)[\s.!]*$",
    re.I,
)


def _folded_into_one(message: str, today: date) -> Intent | None:
    """One task, named as the user says last, with the attributes said before; None when the
    words before it add nothing (read as they are)."""
    if (m := _ONE_TASK_CALLED.match(message.strip())) is None:
        return None
    said = _understand(m["said"], today)
    name = clean_title(take_details(m["name"], today)[0])
    if said.kind != "add" or not said.items or said.then or not name:
        return None
    details = replace(said.item_details[0] if said.item_details else said.details)
    for more in said.item_details[1:]:
        fill_details(details, more)
    return Intent("add", [name], details, item_details=[details])


# A question closing a message, after a remark: "busy day, which task is most urgent?"
_CLOSING_QUESTION = re.compile(
    r"(?:^|[,.;!:]\s*|\s-\s)(?P<q>(?:what|what's|whats|which|how|anything|is there|are there|"
    r"do i|should i|where|when)\b[^,.;!?]*\?)\s*$",
    re.I,
)
_ASKS_TO_ADD = re.compile(
    r"\b(?:add|remind|put|create|new task|note|schedule|need to|have to|must|gotta)\b", re.I
)


# "I was thinking about the party and I should add something so like remind me to order the
# cake": a plain request to add, said after a story that asks nothing, is the message.
_STORY_THEN_ADD = re.compile(
    r"^(?P<story>.+?)(?:[,.;!]+\s*|\s+)(?:(?:and\s+)?so|anyway|and)[\s,]+(?:(?:like|um+|uh+|yeah|ok(?:ay)?"
    r"|just|please|pls)[\s,]+)*(?P<request>(?:remind me to|don'?t let me forget to|add (?:a )?"
    r"(?:task|reminder|todo)\b|put down|make (?:a )?(?:task|reminder|note) to)\s*:?\s*\S.*)$",
    re.I,
)


# "I cleaned the fridge and wiped the oven but I didn't get to the freezer, so only mark those
# two": what was not done is named only to be left alone, and "those two" are the ones told.
_NOT_DONE_TOO = re.compile(
    rf",?\s+but\s+(?:(?:i|we)\s+)?{NOT_DONE}\s+(?:(?:really|quite|actually)\s+)?(?:(?:get|got) (?:round |around )?to|do|finish|manage|"
    r"have (?:the )?time for|start)\b[^,.;!?]*?"
    r"(?:\s*[,.;]?\s*(?:so\s+)?(?:(?:please|just|only|pls)\s+)*(?:mark|tick|check|cross|close)\s+"
    r"(?:(?:off|only|just)\s+)*(?:those|them|these|the)\s*(?:two|three|four|2|3|4|ones|others)?"
    r"(?:\s+(?:as\s+)?(?:done|off|complete|completed))?)?[\s.!]*$",
    re.I,
)


# "I picked up X but I didn't manage to call the garage so can you move that one to tomorrow":
# "that one" is the task not done, named by its words ("move call the garage to tomorrow").
_NOT_DONE_THEN_CHANGE = re.compile(
    r"^(?P<before>.*?)(?:^|[,.;!]?\s+(?:but|and)\s+)(?:(?:i|we)(?:\s+|(?=\s*'[mr])))?(?:did ?n[o']t|did not|could ?n[o']t"
    r"|could not|never(?!\s+mind\b)|have ?n[o']t|have not|can'?t|can ?not|won'?t|will not"
    r"|(?:\s*'m|\s*'re|am|are)\s+not\s+(?:going\s+to|gonna|able\s+to))"
    r"\s+(?:(?:really|quite|actually|even)\s+)?(?:(?:manage\s+to"
    r"|(?:get|got)\s+(?:(?:round|around)\s+)?to|have\s+(?:the\s+)?time\s+(?:to|for)|get\s+a\s+chance\s+to"
    r"|do|finish|make|manage)\s+)?(?P<x>[^,.;!?]+?)(?:\s*[,.;]\s*(?:(?:so|and)\s+)?|\s+(?:so|and)\s+)(?:(?:can|could|would)\s+(?:you|u)\s+"
    r"|please\s+|pls\s+|just\s+|(?:i|we)(?:'ll|\s+will)\s+|let'?s\s+)*"
    r"(?P<verb>move|push|shift|reschedule|bump|put|set|change|postpone|do)\s+"
    r"(?:that\s+one|this\s+one|that|it|this)\s+(?P<rest>(?!back\b)\S.*)$",
    re.I,
)


# "can't make it today, do the drill thing in 4 days": a pronoun first, then the task named
# with the day it moves to. Read as "move the drill thing in 4 days" only when what follows the
# task's words is a day and nothing else (else "do X" may be a new task: left as it was).
_CANT_IT_THEN_DO = re.compile(
    r"^(?:(?:ugh|sorry|oh|hmm|so)[\s,]+)*(?:(?:i|we)(?:\s+|(?=\s*'[mr])))?(?:can'?t|can ?not|won'?t|will not|"
    r"could ?n[o']t|could not|(?:\s*'m|\s*'re|am|are)\s+not\s+(?:going\s+to|gonna|able\s+to))\s+"
    r"(?:make|do|manage|get\s+(?:(?:round|around)\s+)?to)\s+(?:it|that|this)"
    r"(?:\s+(?:today|tonight|this\s+(?:morning|afternoon|evening|week)|tomorrow))?"
    r"\s*[,.;]\s*(?:(?:so|please|pls|just|then)\s+)*(?P<verb>do|move|push|shift|reschedule|postpone)\s+"
    r"(?P<rest>(?!(?:it|that|this|them)\b)\S.*)$",
    re.I,
)


def _cant_it_then_do(message: str, today: date) -> str:
    if (m := _CANT_IT_THEN_DO.match(message.strip())) is None:
        return message
    words = m["rest"].split()
    for i in range(1, len(words)):
        if _only_a_day(" ".join(words[i:]), today):
            return f"move {' '.join(words[:i])} {' '.join(words[i:])}"
    return message


# "can't make it today, do the dishes", "no time today, do the dishes tomorrow": why not now,
# then the task; the excuse (and its day) is no task. What follows is the task: an open task
# of that name gets the day said (``update.handle_add``), else it is added.
_EXCUSE = re.compile(
    r"^(?:(?:ugh+|sorry|oh|hmm+|so|ok(?:ay)?|argh+)[\s,]+)*(?:(?:(?:i|we)\s+)?(?:can'?t|can ?not|won'?t|"
    r"will not|could ?n[o']t|could not|(?:'m|am|are)\s+not\s+(?:going\s+to|gonna|able\s+to))\s+"
    r"(?:make it|do it|manage it|manage|get to it|fit it in)"
    r"|(?:(?:i\s+)?(?:have|'ve got|got)\s+)?no time|(?:i'?m\s+|i am\s+)?(?:too busy|swamped|slammed)"
    r"|not today)(?:\s+(?:today|tonight|this\s+(?:morning|afternoon|evening|week)))?"
    r"\s*(?:[,.;!:]+|\s-)\s*(?:(?:so|please|pls|just|then)\s+)*(?P<rest>\S.*)$",
    re.I,
)


def _after_excuse(message: str, today: date) -> Intent | None:
    if (m := _EXCUSE.match(message.strip())) is None:
        return None
    said = _understand(m["rest"], today)
    if said.kind == "help" and m["rest"].split()[0].lower() in TASK_VERBS:
        said = _understand(f"add {m['rest']}", today)  # "do the dishes": what to do, not a question
    if said.kind != "add" or len(said.items) != 1 or said.then:
        return None  # "can't make it, move the dentist to friday": read as it was
    said.names_task = said.names_task or _DO.sub("", said.items[0])
    return said


def _not_done_then_change(message: str, today: date) -> str:
    if (m := _NOT_DONE_THEN_CHANGE.match(message.strip())) is None:
        return _cant_it_then_do(message, today)
    verb = "move" if m["verb"].lower() in {"put", "do"} else m["verb"]  # "put X on …" adds
    if m["verb"].lower() == "do" and not _only_a_day(m["rest"], today):
        return message  # "can't do X, do it properly": no day, no move
    change = f"{verb} {m['x']} {m['rest']}"
    return f"{m['before']}. {change}" if m["before"].strip() else change


def _only_a_day(words: str, today: date) -> bool:
    """ "tmrw", "on friday instead": a day and nothing else."""
    rest, details = take_details(normalise(words), today)
    return bool(details.due or details.shift_days) and not re.search(
        r"\w", re.sub(r"\b(?:instead|then|please|pls|thanks|rather)\b", "", rest, flags=re.I)
    )


def _without_not_done(message: str, today: date) -> str:
    m = _NOT_DONE_TOO.search(message)
    if m is None or m.start() == 0:
        return message
    told = message[: m.start()]
    return told if _understand(told, today).kind == "complete" else message


# "Sophie's party is off because she's ill so can you delete the cake one and the games one":
# a command after a story, naming its tasks itself, is the message; the story only says why.
_STORY_THEN_COMMAND = re.compile(
    r"^(?P<story>.+?)(?:[,.;!]+\s*|\s+)(?:and\s+)?so[\s,]+(?:(?:can|could|would|will)\s+(?:you|u)"
    r"\s+|please\s+|pls\s+|just\s+)*(?P<request>(?:delete|remove|get rid of|bin|scrap|drop|mark|clear out|"
    r"tick off|cross off|check off|reopen|unmark|untick|uncheck|there(?:'s| is) no (?:point|sense|use))"
    r"\s+\S.*?)[\s?!.]*$",
    re.I,
)
_STORY_KINDS = {"help", "add", "delete", "complete", "reopen"}
# "the Saturday market got cancelled, get rid of the stall task": a delete said after a story
# with no "so" is the message too, when the story asks nothing else (or only a delete; never
# "milk, eggs, delete the bread one": an add).
_STORY_THEN_DELETE = re.compile(
    r"^(?P<story>.+?)\s*(?:[,.;!]+|\s-)\s*(?:(?:can|could|would|will)\s+(?:you|u)\s+|please\s+|pls\s+"
    r"|just\s+)*(?P<request>(?:delete|remove|get rid of|bin|scrap|ditch|clear out)\s+\S.*?)[\s?!.]*$",
    re.I,
)


# "my boss dumped another thing on me, classic. anyway add review the contract": "anyway" after
# a sentence (or a comma) that asks nothing closes the venting; the plain add after it is the
# request, and the venting (its "at 5pm" too) is no part of it.
_VENT_THEN_ANYWAY_ADD = re.compile(
    r"^(?P<story>.+?)\s*(?:[.!?;]+|,)\s*(?:anyway|anyways|anyhow)[\s,]+"
    r"(?:(?:please|pls|just|can you|could you)[\s,]+)*(?P<request>(?:add|create|put down|remind me)\s+\S.*)$",
    re.I,
)


def _request_after_story(message: str, today: date) -> str:
    if (m := _STORY_THEN_ADD.match(message.strip())) is not None:
        return m["request"] if _understand(m["story"], today).kind == "help" else message
    if (m := _VENT_THEN_ANYWAY_ADD.match(message.strip())) is not None:
        story = _understand(m["story"], today)
        if story.kind in {"help", "vent", "list"} or (story.kind == "add" and no_task(m["story"])):
            return m["request"]
    if (m := _STORY_THEN_COMMAND.match(message.strip())) is None:
        m = _STORY_THEN_DELETE.match(message.strip())
        if m is None or _story_kind(m["story"], today) not in {"help", "delete"}:
            return message
    request = _understand(m["request"], today)
    if request.kind not in _TOOL or not (request.items or _scoped(request)) or request.then:
        return message  # "…, so mark those two": the story names the tasks
    if _points_back(request) or (request.items and _THE_TOLD.match(request.items[0])):
        return message  # "I fed the cat and I walked the dog so mark both done": the story's
    return m["request"] if _story_kind(m["story"], today) in _STORY_KINDS else message


def _story_kind(story: str, today: date) -> str:
    """How a story before a request reads alone; what happened to the user ("got the rejection
    email from Henderson today") asks nothing, whatever a bare add would make of it."""
    said = story.strip(" .!,;")
    return "help" if complete.happened_to_user(said) else _understand(story, today).kind


# A word of the message spelled again after it: "… sorry, spelled it wrong, it's Micky",
# "… oops I typed the name wrong, should be Micky".
_RESPELLED = re.compile(
    r"^(?P<before>.+?)(?:\s*(?:\.{2,}|\u2026|[,.!;:-]))*\s+(?:(?:sorry|oops|whoops|my bad|argh|ugh)"
    r"[\s,.!:;-]+)*(?:i\s+)?(?:spelled|spelt|spelling|wrote|typed|misspelled|misspelt|mistyped)"
    r"(?:\s+(?:it|that|the name|his name|her name|the word))?(?:\s+(?:wrong(?:ly)?|incorrectly|badly))?"
    r"[\s,.!:;-]*(?:it'?s|it is|should be|is|correct is|it should be)\s+(?P<word>[\w'-]+)[\s.!]*$",
    re.I,
)


def _respelled(message: str) -> str:
    """The word most like the one spelled again is replaced by it; none alike: the words
    before, as said (the correction is never a task of its own)."""
    if (m := _RESPELLED.match(message.strip())) is None:
        return message
    word, before = m["word"], m["before"]
    alike = [
        (difflib.SequenceMatcher(None, w.lower(), word.lower()).ratio(), w)
        for w in re.findall(r"[\w'-]+", before)
        if w[:1].lower() == word[:1].lower() and w.lower() != word.lower()
    ]
    if not alike or (best := max(alike))[0] < 0.6:
        return before
    return re.sub(rf"(?<![\w'-]){re.escape(best[1])}(?![\w'-])", word, before)


# Someone else got in touch: "the vet called, the appointment got moved to friday", "my boss
# just emailed - the deck is urgent now". Who called names no task, and says nothing done.
_NEWS_FROM = re.compile(
    r"^(?:(?:so|ok(?:ay)?|oh|well|btw)[,\s]+)*(?!(?:i|we|you)\b)(?:(?:the|my|our|his|her|their)\s+)?"
    r"[\w'-]+(?:\s+[\w'-]+){0,2}?\s+(?:just\s+|finally\s+|also\s+)?"
    r"(?:called|rang|phoned|texted|emailed|e-mailed|messaged|wrote|replied|got back to me|"
    r"got in touch)(?:\s+(?:me|us|back))*"
    r"(?:\s*(?:[,:;.!]+|\s[-\u2013])\s*|\s+(?:and\s+)?(?:said|says|to say)(?:\s+that)?\s+|\s*$)",
    re.I,
)


def _news_from(message: str, today: date) -> Intent | None:
    """The news told after who brought it, when it is a change to a task (``told``: its words);
    who called alone asks for nothing. None: the message is read whole."""
    if not (m := _NEWS_FROM.match(message.strip())):
        return None
    news = message.strip()[m.end() :].strip()
    if not news:
        return Intent("help")  # "the plumber called": never "Call the plumber" done
    return Intent("update", told=news) if _understand(news, today).kind == "update" else None


def _undictated(message: str) -> str:
    """Spoken punctuation as marks, never inside quoted words (a title taken as said)."""
    if not re.search(
        r"\b(?:comma|full stop|new line|new paragraph|next line|semi-?colon|"
        r"question mark|exclamation|period)\b",
        message,
        re.I,
    ):
        return message
    command, quoted = hide_quotes(message)
    marks = ['"' + q + '"' for q in quoted]  # quoted words stay quoted, and as said
    return QUOTE_RX.sub(lambda m: marks[int(m[1])], without_spoken_punctuation(command))


# "first thing …, second thing …, and third …": a list of requests said in order.
_ORDINAL = re.compile(
    r"(?:[,.;]?\s+|^)(?:and\s+)?(?<!the )\b(?:first|second|third|fourth|fifth)(?:ly)?"
    r"(?:\s+(?:thing|one|of all))?(?:\s+is)?\b[,:]?\s*",
    re.I,
)


def _enumerated(message: str) -> str:
    """Requests counted out ("first …, second …, third …") as sentences of their own; one
    ordinal alone ("first thing tomorrow") stays."""
    if len(_ORDINAL.findall(message)) < 2:
        return message
    return _ORDINAL.sub(". ", message).strip(" .")


# "…, not every week", "… instead of today": the value a change replaces, said last.
_OLD_VALUE = re.compile(
    r"(?:\s*,\s*|\s+)(?:and\s+|but\s+)?(?:not|instead of|rather than|in place of|and not)\s+"
    r"(?:(?:the|on|at|for|by)\s+)?(?P<old>[^,;]+?)(?:\s+(?:any\s*more|as planned|like before))?[.!]*$",
    re.I,
)
# "keep the dentist on thursday but it's at 4pm": what is kept stays as it is (the day), and
# the change is said of that task
_KEEP_BUT = re.compile(
    r"^keep\s+(?P<task>.+?)(?:\s+(?:on|for|at)\s+\S+)?,?\s+but\s+"
    r"(?:it'?s\s+|it is\s+|make it\s+|change it to\s+|move it to\s+)(?P<change>.+)$",
    re.I,
)
_BARE_HOUR = re.compile(r"^(?:1[0-2]|0?[1-9])(?:[:.][0-5]\d)?$")
_NOT_BUT = re.compile(r"\s*[:,]?\s*\bnot\s+(?P<old>[^,;]+?)\s*,?\s+but\s+(?=\S)", re.I)
_DO = re.compile(r"^(?:do|doing|have|get|finish|handle)\s+", re.I)


def _without_old_value(text: str, today: date) -> str:
    """The words without the old value they replace, when that is only an attribute: "the team
    sync is every 2 weeks now, not every week", "do the inventory count tomorrow instead of
    today" (never a title's words: "salt not pepper")."""
    if (m := _NOT_BUT.search(text)) and m.start() > 0:  # "not the 25th but the 20th"
        leftover, old = take_details(m["old"], today)
        if (old.due or old.time or old.repeat) and not clean_title(leftover).strip(" ,.:"):
            return text[: m.start()] + " " + text[m.end() :]
    if not (m := _OLD_VALUE.search(text)) or m.start() == 0:
        return text
    leftover, old = take_details(m["old"], today)
    if _BARE_HOUR.match(m["old"]) and take_details(text[: m.start()], today)[1].time:
        return text[: m.start()]  # "it's at 4pm, not 3": the old hour, said short
    said = old.due or old.repeat or old.time or old.priority or old.shift_days
    if (
        not said
        or clean_title(leftover).strip(" ,.")
        or take_details(text[: m.start()], today)[1] == Details()
    ):
        return text
    return text[: m.start()]


def _replacing(intent: Intent, old: date | None) -> Intent:
    """Marks the days read as said beside the ones they replace (``update._in_own_month``),
    and the old day itself when it was said."""
    for details in (intent.details, *intent.item_details):
        details.replaces_day, details.replaced_due = True, old
    return intent


def _changed_from(intent: Intent, text: str, today: date) -> Intent:
    """A change said with the value it replaces is of a task already there: an add it reads as
    names that task, and words read as nothing are that task and its change ("do the
    inventory count tomorrow": the inventory count)."""
    if intent.kind == "add" and len(intent.items) == 1 and not intent.names_task:
        intent.names_task = _DO.sub("", intent.items[0])
    if intent.kind == "help":
        rest, details = take_details(text, today)
        if named := subjects(_DO.sub("", clean_title(rest))):
            return Intent("update", named, details)
    return intent


_REFERENCE = re.compile(
    r"^(?:the\s+)?(?:(?:first|second|third|last|other)\s+(?:one|task)|that one|this one)$", re.I
)


_ADVICE = re.compile(
    r"^(?:(?:hmm+|um+|ok(?:ay)?|so|honestly|what do you think|any (?:advice|thoughts)|quick question)[,:]?\s+)*"
    r"(?:(?:should|shld|shud|shoud|shall|must|do|does|would|is|are)\s+(?:i|we)\b"  # not "can we …?": a request
    r"|(?:do you think|would you say)\s+(?:i|we)\s+(?:should|could|need|must|have to|ought)\b"
    r"|(?:is it|would it be|wouldn't it be)\s+(?:better|smarter|wiser|a good idea)\b"
    r"|(?:what if (?:i|we)|better to)\b)",
    re.I,
)


def _asks_advice(message: str) -> bool:
    """A question about what to do ("should I …?", "is it better to … or …?"), even with a
    remark after it, asks for no change: its first sentence asks it."""
    first = re.match(rf"(?:(?!{SENTENCE_STOP}).)*\?", message.strip())
    return first is not None and bool(_ADVICE.match(normalise(first[0])))


# A title that starts with "is", "was", "has been": what something is like, never an action.
_STATE_START = re.compile(
    r"^(?:has|have|had|was|were|is|are|am|been|being|going to be|gonna be)\b", re.I
)


def _how_it_was(message: str, titles: list[str]) -> bool:
    return not _ASKS_TO_ADD.search(message) and all(_STATE_START.match(t) for t in titles)


def _story_title(message: str, titles: list[str]) -> bool:
    """The title to add is the words of a story ("got stuck at work", "got called in")."""
    story = re.split(r"[,;.!?]|\s+(?:so|and)\s+", message, maxsplit=1)[0].lower()
    return complete.happened_to_user(message) and any(t.lower() in story for t in titles)


def _understand(message: str, today: date) -> Intent:
    command, quoted = hide_quotes(message)
    intent = _understand_hidden(command, quoted, today)
    return _unhidden(intent, quoted) if quoted else intent


# A hidden quote's marker, as a title may carry it after cleaning (case changed, end cut)
_MARKER = re.compile("\u2063[Qq](\\d+)\u2063?")


def _unhidden(intent: Intent, quoted: list[str]) -> Intent:
    """Every reading puts its quotes back where it uses them; this is the guard for one that
    did not (a quote around words that are no title), so a marker never reaches a task."""

    def back(text: str) -> str:
        return _MARKER.sub(lambda m: quoted[int(m[1])] if int(m[1]) < len(quoted) else "", text)

    for part in (intent, *intent.then):
        part.items = [back(item) for item in part.items]
        if part.new_title:
            part.new_title = back(part.new_title)
        if part.fallback_subject:
            part.fallback_subject = back(part.fallback_subject)
    return intent


def _story_then_add(text: str, quoted: list[str], today: date) -> str:
    """ "rent is due on the 1st, so can you add pay rent …": the request is the words after "so
    add". A story that tells work done ("I called the florist, they want a deposit so add …") is
    a request of its own, read with the add as two."""
    late = STORY_SO_ADD.match(text)
    if late is None or not no_task(late["story"]):
        return text
    if (both := _requests(text, quoted, today)) and any(
        part.kind in _ACTS for part in (both, *both.then)
    ):
        return text  # "the plumber has been called, …": the story is a request too
    return f"add {late['rest']}"


# A subject dropped (Spanish, Italian, Portuguese speakers): "is for the sunday, put it
# please", "its for friday": the task in view is what is due then; after an add, "X. Is for
# the work." is said of X.
_NO_SUBJECT = re.compile(r"(?:^|(?<=[.!?;]\s))(?:is|its)\s+(?=(?:for|due|by)\s+\S)", re.I)
# A learner's topic said first, the request after it on "it" with no comma between: "the task
# of the passport renewal put it in high priority" is "the task of …, put it in high priority".
_TOPIC_THEN_IT = re.compile(
    r"^(?P<topic>(?:the|my)\s+[^,;:.!?]+?)(?<!\byou)(?<!\bu)\s+"
    r"(?=(?:please\s+)?(?:put|set|make|change|mark|move)\s+it\b)",
    re.I,
)


def _understand_hidden(command: str, quoted: list[str], today: date) -> Intent:
    """The message's reading, its quotes hidden (``hide_quotes``) while it is read."""
    text = normalise(without_thinking_aloud(normalise(fix_typos(without_pleasantries(command)))))
    text = command_preamble(text) or text  # "make new task: X" is "add X"
    text = _NO_SUBJECT.sub("it is ", text)  # a learner's "is for the sunday": "it is for …"
    text = _TOPIC_THEN_IT.sub(r"\g<topic>, ", text)
    text = _story_then_add(text, quoted, today)
    text = without_reason(text)  # "… because I need the suit": never part of a request
    text = _ARROW.sub(r"\g<join>change \g<x> to \g<y>", text)  # "visa -> hi prio"
    text = _topic_named(text)
    text = _KEEP_BUT.sub(r"\g<task> is \g<change>", text)  # "keep X on thu but it's at 4pm"
    if not text or QUOTE_RX.fullmatch(text):
        return Intent("add", quoted) if quoted else Intent("help")
    if fix := update.parse_title_fix(Message(text, quoted, today)):
        return fix  # "I wrote the title wrong, it should be 'X'": one request, not two clauses
    whole = Message(text, quoted, today)  # the user's own words run to the end: never cut
    if tag := update.parse_implied_tag(whole):
        return tag  # "the conference tickets are for work btw, tag it"
    if fields := update.parse_field_changes(whole):
        return fields  # "change the priority of X to high and the due date to friday": one task
    if named := update.parse_named_then_change(whole) or update.parse_topic_then_changes(whole):
        return named  # "the task 'Call Mum' please put high priority, not the neighbour one"
    if own_words := update.parse_note_request(whole) or update.parse_rename_named_first(whole):
        return (
            own_words  # "update the party notes, the budget is 350 now", "the cake task, call it …"
        )
    if untag := update.parse_not_that_tag(whole):
        return untag  # "printer ink isn't a work thing, remove that tag": the tag named
    if fix := update.parse_now_called(whole):
        return fix  # "they call it choir practice now, not rehearsal": those words renamed
    if fix := update.parse_name_fix(whole):
        return fix  # "typo, his name is Kowalski": one request, not two clauses
    if (fix := update.parse_typo_fix(whole)) and fix.swap:
        return fix  # "the Jon email task - it's John, not Jon, please fix it"
    if undo.is_put_back(text):  # "never mind, put it back": neither a "no" nor a "put"
        return Intent("undo")
    text = add.schedule_last(text, today)  # "tmrw morning - drop off the parcel"
    adding = bool(_ADDING.match(text) or first_match(add.ADD, text))
    if adding:  # "I need to X tomorrow and it's important so make it high priority"
        text = attribute_clauses_as_commas(text)
    # "add X on thursday, sorry I mean friday", "dentist friday, wait no, thursday", "change
    # the review to tuesday - no wait, wednesday" (never a rename to "tuesday - no wait, …")
    if (fixed := corrected(text, today, adding)) != text and (
        adding or _understand_one(normalise(fixed), quoted, today).kind in {"add", "update"}
    ):
        text = normalise(fixed)
    text = delete.without_remark(text)
    if (said := complete.without_remark(text)) != text and _only_remark(text[len(said) :], today):
        text = said  # "mark X as done, I did it this morning" (not "…, and add Y")
    read = _read(text, quoted, today)
    if (
        read.kind in {"add", "help", "update"}
        and not adding
        and (new := _without_old_value(text, today)) != text
    ):
        # the day replaced, when it is said last ("her flight lands saturday, not sunday")
        tail = _OLD_VALUE.search(text) if text.startswith(new) else None
        old = take_details(tail["old"], today)[1].due if tail else None
        if read.kind != "update":  # else the words stand
            said = _quoted_again(new, quoted)
            return _replacing(_changed_from(_understand(said, today), said, today), old)
        if (again := _understand(_quoted_again(new, quoted), today)).kind == "update":
            return _replacing(again, old)  # "due on the 20th not the 25th": the 25th is the old day
    return read


def _quoted_again(text: str, quoted: list[str]) -> str:
    """Words cut from a message, to be understood again: their quotes put back as said."""
    return QUOTE_RX.sub(lambda q: f'"{quoted[int(q[1])]}"', text)


# "busy morning lol: walked Biscuit, called the kennel, …": a story, then what was done.
_STORY_COLON = re.compile(r"^(?P<story>[^:]{1,40}):\s+(?P<rest>.+)$")


# "hw: finish the problem set", "work: email Sam": a one-word label before a colon only files
# the task, which is the words after it, said with a verb of their own.
_LABEL = re.compile(r"^(?P<label>[a-z][\w'-]{1,14}):\s+(?P<rest>\S.*)$", re.I)
# ... never a field's name: "note: call back after 5" is a note for the task in view
_FIELD_LABELS = {"note", "notes", "description", "details", "detail", "comment", "title", "name",
                 "rename", "tag", "tags", "priority", "due", "date", "time", "repeat", "update",
                 "change", "edit", "fix", "correction", "ps", "pps", "also"}  # fmt: skip


def _labelled(text: str, quoted: list[str], today: date) -> Intent | None:
    if (m := _LABEL.match(text)) is None or m["label"].lower() in _FIELD_LABELS:
        return None
    label = _understand_one(m["label"], quoted, today)
    if label.kind not in {"add", "help"} or label.details != Details():
        return None  # "done: X", "urgent: X", "mon: X" say more than a label
    rest = _understand_one(m["rest"], quoted, today)
    if rest.kind != "add" or rest.then or not rest.items:
        return None
    if not all(item.split()[0].lower() in TASK_VERBS for item in rest.items if item.split()):
        return None
    return rest


def _read(text: str, quoted: list[str], today: date) -> Intent:
    if labelled := _labelled(text, quoted, today):
        return labelled
    story = _STORY_COLON.match(text)
    if story and _asks_nothing(story["story"], quoted, today):
        several = _requests(story["rest"], quoted, today)  # after a preamble asking nothing
        if several is not None:
            return several
    if several := _statements(text, quoted, today):
        return several
    if several := _requests(text, quoted, today):
        return several
    if told := _told_then_remark(text, quoted, today):
        return told
    if told := _story_then_told(text, quoted, today):
        return told
    return _understand_one(text, quoted, today)


def _asks_nothing(words: str, quoted: list[str], today: date) -> bool:
    """ "busy morning lol", "what a day": no request, no task (a time alone is the story's)."""
    intent = _understand_one(words, quoted, today)
    if intent.kind == "list" and not words.rstrip().endswith("?"):
        return True  # "what a morning"
    d = intent.details
    if intent.kind != "add" or _asks_add(words) or d.due or d.priority or d.tags or d.repeat:
        return intent.kind == "help"
    return not any(t.split()[0].lower() in TASK_VERBS for t in intent.items if t.split())


# Where a story's last part starts: a sentence end, or "but" ("…, but at least I …").
_LAST_PART = re.compile(rf"(?:{SENTENCE_STOP}|;)\s+|,?\s+but\s+", re.I)


def _story_then_told(text: str, quoted: list[str], today: date) -> Intent | None:
    """ "what a day. the kids were sick, but at least I managed to return the library books":
    a story that asks for nothing, then a last part that tells of one task done (or undone)."""
    *story, last = _LAST_PART.split(text)
    if not story:
        return None
    last = _unjoined(last)  # "…!! but I called the bank"
    told = _told(_part(last), quoted, today)
    if told.kind not in {"complete", "reopen"} or not told.items or told.everything or told.then:
        return None
    if _points_back(told):
        return None  # "…, could you restore it": "it" is named in the story
    stated = re.search(r"\b(?:is|are|was|were|been)\b", last, re.I)  # "the photos are taken"
    if told.kind == "complete" and not (
        statements.says_done(last) or statements.cue(last) or stated
    ):
        return None  # a bare past verb ("walked in") tells nothing of a task
    for part in story:
        d = take_details(part, today)[1]  # a time alone is the story's ("all morning")
        said = d.due or d.priority or d.tags or d.repeat or d.shift_days or d.description
        if _starts_request(_unjoined(part), quoted, today) or said:
            return None
        if _understand_one(normalise(part), quoted, today).kind in _ACTS:
            return None  # "I cleaned the kitchen, but …": a request, not a story
    return told


# Where a second request may start: a sentence end, a comma, "&", "+", "and", "plus", "then",
# a dash between spaces ("mark the essay done - how many are left?").
_JOINT = re.compile(
    rf"(?:{SENTENCE_STOP}|;)+\s+|,\s*|\s+[&+\-\u2013\u2014]\s+|\s+(?:and|plus|then)\s+"
    r"|\s+but\s+(?!(?:i\s+|we\s+)?(?:meant|mean|wanted)\b)"  # "… but I meant X": a correction
    # "…, they want a deposit so add X": "so" before a command
    r"|\s+so\s+(?=(?:(?:please|pls|just|now|can you|could you|would you)\s+)*(?:add|remind me|put down"
    r"|mark|tick|move|push|set|make|change|reschedule)\b)",  # deletes: _STORY_THEN_COMMAND
    re.I,
)
# Words that only join the requests: "…, oh and also please add Y", "… and then mark X".
_JOINING = re.compile(
    r"^(?:(?:and|also|then|plus|oh|so|now|okay|ok|please|pls|can you|could you|but|anyway|anyways)\b"
    r"|[&+])[\s,]*",
    re.I,
)


def _requests(text: str, quoted: list[str], today: date) -> Intent | None:
    """Several requests in one run-on ("buy milk & remind me to call the bank", "I picked up the
    dry cleaning and I need to add X and also the insurance is urgent now"). The message is cut
    at its joints only where the words after one start a request of their own (a command, an
    explicit add, a stated change); elsewhere the words stay with the request before them, so
    "plan the trip with Tom and his sister" or "call mom and dad" are read as before. Each request is read alone; "it" is
    the task of the request before it. None unless every part is a request."""
    cuts = [(0, 0)]  # (where a request's words start, where the one before ends)
    joints = list(_JOINT.finditer(text))
    # Where the words before each joint end: at the joint before when only joining words lie
    # between ("paid X. oh and also push Y" ends at the ".").
    ends: list[int] = []
    for i, joint in enumerate(joints):
        joined = i > 0 and not _unjoined(text[joints[i - 1].end() : joint.start()])
        ends.append(ends[-1] if joined else joint.start())
    for i, joint in enumerate(joints):
        segment = text[joint.end() : joints[i + 1].start() if i + 1 < len(joints) else len(text)]
        said_before = text[cuts[-1][0] : ends[i]]
        starts = _starts_request(_unjoined(segment), quoted, today)
        if not starts and complete.told_past(_unjoined(segment)):
            # "walked Biscuit, called the kennel, …": a list of things done, each its own,
            # perhaps after a story ("I spent all day in the garden and I mowed the lawn")
            done_before = _unjoined(said_before.split(":")[-1])
            starts = complete.told_past(done_before) or (
                len(cuts) == 1
                and _STORY_OPENING.match(done_before)
                is not None  # a story of the user's ("I spent …")
                and _asks_nothing(done_before, quoted, today)
            )
        if starts and ends[i] > cuts[-1][0]:
            cuts.append((joint.end(), ends[i]))
    if len(cuts) < 2:
        return None
    stops = [end for _, end in cuts[1:]] + [len(text)]
    pieces = [_unjoined(text[start:end]) for (start, _), end in zip(cuts, stops, strict=True)]
    # "booked the vet and they need the records, so add …": what others said or how things
    # are now, after what was done, is no part of the task's name (nor after the last piece:
    # "…, and put the deck back to not done, it needs another coat")
    pieces = [_done_without_remark(p, quoted, today) for p in pieces]
    if any(_asks_add(_part(p)) for p in pieces):
        # "long day. the freezer is rattling again, can you add …": the parts that only tell
        # the situation are context; the rest is read as the message
        sentences = [re.match(rf"\s*{SENTENCE_STOP}", text[stop:]) is not None for stop in stops]
        asked = [
            p
            for p, sentence in zip(pieces, sentences, strict=True)
            if not _situation(_part(p), _told(_part(p), quoted, today), sentence, quoted, today)
        ]
        if asked and len(asked) < len(pieces):
            words = _quoted_again(". ".join(asked), quoted)
            if (remaining := _understand(words, today)).kind == "add" and not any(
                names_no_task(t) for t in remaining.items
            ):
                return remaining
    read: list[Intent] = []
    said = ""  # the words of the request before
    story: list[str] = []  # the words told before any request
    for piece in pieces:  # a piece may itself be statements: "cross off X and also Y is …"
        piece = _part(piece)
        one = _told(piece, quoted, today)
        # "I finished the slides and I sent them to Lena so mark both of those done": the
        # story before (skipped, or read as one completion) names the tasks
        told_before = story if not read else [said] if len(read) == 1 else []
        if (not read or read[0].kind == "complete") and (
            done := _story_done(told_before, one, quoted, today)
        ):
            read = done
            said = piece
            continue
        # "I booked X and I paid Y, so mark them done": X and Y, already read
        if all(i.kind == "complete" and not i.then for i in read) and _fits(one, len(read)):
            said = piece
            continue
        if not read and one.kind == "help" and is_told(piece):
            story.append(piece)
            continue  # "my landlord texted and the inspection is on the 9th, I have to …"
        if _story_before_told(read, pieces, piece, quoted, today):
            continue  # "I spent all day in the garden and I mowed the lawn": a story
        bare = one.kind == "add" and not _asks_add(piece)
        if (
            not read
            and bare
            and not _asks_add(pieces[1])
            and not _names_then_changes(one, pieces[1], quoted, today)
        ):
            return None  # "flights aren't urgent anymore, set to medium": no task to add
        if read and _adds_to(read[-1], one, explicit=_asks_add(pieces[0])):
            continue
        if read and _told_done(read[-1], said) and one.kind == "delete" and _points_back(one):
            read.pop()  # "I sorted it by phone, just delete it": why it goes, not a completion
        if read and _told_then_asked(read[-1], said, one, piece):
            read.pop()  # "the gate is broken again, reopen the fix task": the request names it
        elif (
            read
            and piece != _part(pieces[-1])
            and _told_then_asked(read[-1], said, one, piece, pointing=True)
        ):
            # "the fence isn't fixed, reopen it, and add …": one reopening (of the task told,
            # with what the request adds), then the rest; with nothing after it the clause
            # reader already reads "it" as the task told
            one.items, one.fallback_subject = read[-1].items[:1], read[-1].fallback_subject
            read.pop()
        read += [one, *one.then]
        said = piece
        one.then = []
    naming: list[Intent] = []
    for before, after in itertools.pairwise(read):
        if _points_back(after) and before.items:
            after.items = before.items[:1]  # "reopen the essay and add a note: …"
            if before.kind == "add" and (
                after.kind in {"complete", "reopen", "delete"} or _shifts(after)
            ):
                # "I need to call the doctor again, can you reopen that one": the words before
                # name the task the request is about; they add none
                said = _WHEN_WORD.sub("", before.items[0])  # "finish it earlier, pull it in …"
                after.items = subjects(said) or after.items
                naming.append(before)
    read = [i for i in read if not any(i is n for n in naming)]
    read = _one_update_per_task(read)
    tools = [_TOOL.get(i.kind) for i in read]
    pointing = any(_points_back(i) for i in read)
    if len(read) == 1 and len(pieces) > 1:
        return read[0]  # "add X & remind me to Y", "move X to friday and put it on high"
    # a question asked last is answered after the changes ("mark X done and tell me what's left")
    question = read[-1] if len(read) > 1 and read[-1].kind == "list" else None
    if question is not None:
        read, tools = read[:-1], tools[:-1]
    if not read or not all(tools) or not _distinct(read, tools) or pointing:
        return None
    if len(read) < 2 and question is None:
        return None
    first, *rest = read
    if question is not None:
        rest.append(question)
    first.then = rest
    return first


# "both of those", "them all": the tasks a story before the request told of (the words for
# several tasks are one list, ``targets.PLURAL``)
_THE_TOLD = PLURAL
_TOLD_PARTS = re.compile(r",?\s+(?:and(?:\s+then)?|then|also)\s+|,\s*", re.I)
# The object of a told act ("I finished the slides": "the slides"), for a pronoun after it
_TOLD_OBJECT = re.compile(
    r"^(?:(?:i|we)\s+)?(?:(?:have|had|just|also|then|already|finally)\s+)*[a-z]+\s+(?P<obj>.+)$",
    re.I,
)
_IT_OR_THEM = re.compile(r"\b(?:it|them)\b", re.I)
_FINISHED = re.compile(
    r"^(?:(?:i|we)\s+)?(?:(?:have|had|just|also|then|already|finally)\s+)*(?P<verb>finished)\s",
    re.I,
)


def _story_done(story: list[str], one: Intent, quoted: list[str], today: date) -> list[Intent]:
    """ "okay I finished the slides and I sent them to Lena so mark both of those done": a
    completion of "both"/"them" after a story of things done is a completion of each thing the
    story names, when every part of it tells one act and their number is the number asked for
    ("both": two). "them" in a later part is the thing of the part before ("sent them to Lena":
    the slides). Anything else: none, and "both" is asked about as before."""
    if one.kind != "complete" or len(one.items) != 1 or not _THE_TOLD.match(one.items[0]):
        return []
    if len(story) != 1 or one.then:
        return []
    parts = [p for p in _TOLD_PARTS.split(story[0]) if p.strip()]
    done: list[Intent] = []
    thing = None
    for part in parts:
        if _IT_OR_THEM.search(part):
            if thing is None:
                return []
            part = _IT_OR_THEM.sub(thing, part, count=1)
        if not complete.told_past(part):
            return []
        told = _told(_part(part), quoted, today)
        if told.kind != "complete" or len(told.items) != 1 or told.then or told.everything:
            return []
        if PRONOUN.match(told.items[0]) or _THE_TOLD.match(told.items[0]):
            return []
        if told.fallback_subject is None and (v := _FINISHED.match(part)):
            # "I finished the slides" beside "I sent them to Lena": "Finish the slides", not
            # any slides task (the bare words stay for a task of another verb: "Write the essay")
            told.fallback_subject = told.items[0]
            told.items = [f"{v['verb'].lower().removesuffix('ed')} {told.items[0]}"]
        done.append(told)
        thing = m["obj"] if (m := _TOLD_OBJECT.match(part)) else None
    return done if _fits(one, len(done)) else []


def _fits(one: Intent, count: int) -> bool:
    """A completion of "both" (two things) or "them all" (two or more) told before it."""
    if one.kind != "complete" or len(one.items) != 1 or not _THE_TOLD.match(one.items[0]):
        return False
    if one.then or one.everything:
        return False
    both = one.items[0].lower().startswith(("both", "those two", "these two", "the two"))
    return count == 2 if both else count >= 2


# Where the parts of a told situation meet: "long day at work, the freezer is rattling again".
_SITUATION_PARTS = re.compile(rf"\s*(?:[,;:]|{SENTENCE_STOP}(?:\s|$)|\s-\s)\s*")


_REMARK_AFTER_DONE = re.compile(
    r"(?:,|\s+and|\s+but)\s+(?:they|he|she|it|there|that)(?:'s|'re|\s+(?:is|are|was|were|has|have|had"
    r"|needs?|wants?|comes?|left|said|says|asked|arrives?|costs?))\b.*$",
    re.I,
)


def _done_without_remark(piece: str, quoted: list[str], today: date) -> str:
    cut = _REMARK_AFTER_DONE.sub("", piece)
    if cut == piece or _told(_part(cut), quoted, today).kind not in {"complete", "reopen"}:
        return piece
    return cut


def _names_then_changes(one: Intent, after: str, quoted: list[str], today: date) -> bool:
    """ "gutters hi prio, and paint -> sat": a name with a priority or tag (which may name an
    open task, ``names_task``), then a change that names a task of its own."""
    d = one.details
    if one.names_task is None or not (d.priority or d.tags) or one.then:
        return False
    then = _told(_part(after), quoted, today)
    return then.kind == "update" and bool(then.items) and not _points_back(then)


def _situation(piece: str, one: Intent, sentence: bool, quoted: list[str], today: date) -> bool:
    """Words said beside an explicit request that only tell the situation: what happened or
    how things are ("the walk-in freezer is making that noise again", "I can't deal with it"),
    a verbless remark ("night shift again", "long day at the restaurant"), an apology or a
    greeting. They ask for nothing, so they are never a task (a task starts with what to do:
    "buy milk & remind me to call the bank" adds both; "dentist friday" carries a day).
    ``sentence``: the words end a sentence ("long night at the hospital. can you add …")."""
    # "the car is making noises again", "my sister is visiting": how things are now, never a
    # task done or to do again ("the bathroom needs doing again" still reopens)
    ongoing = one.told is not None and bool(_ONGOING.search(piece) or _again_remark(piece, today))
    if one.kind not in {"add", "help", "list", "greet", "thanks"} and not ongoing:
        return False
    if _asks_add(piece) or (one.kind == "list" and piece.rstrip().endswith("?")):
        return False  # a question of its own is answered
    parts = [p for p in _SITUATION_PARTS.split(piece) if p.strip(" .!?")]
    told = [no_task(p) or _again_remark(p, today) for p in parts]
    # a sentence of its own, or a part that tells something: words that only name a thing
    # before a comma ("the visa documents, I need more time") may be what the request is about
    return (sentence or any(told)) and all(
        t or _asks_nothing(normalise(p), quoted, today) for p, t in zip(parts, told, strict=True)
    )


# Something going on: "the mixer is acting up", "my sister is visiting", "it keeps jamming".
_ONGOING = re.compile(r"\b(?:is|are|am|was|were|keeps?|been|'s|'re)\s+(?:\w+\s+)?\w{2,}ing\b", re.I)
_AGAIN = re.compile(
    r"^(?P<x>.+?)\s+again\b(?:[\W_]*\b(?:ugh+|lol|haha|sigh|meh|argh+|smh|yay)\b)*[\W_]*$", re.I
)


def _again_remark(part: str, today: date) -> bool:
    """ "night shift again", "exam season again...": a thing named with no verb, happening
    again, tells the situation (its day, if any, is the situation's)."""
    if not (m := _AGAIN.match(normalise(part).strip())):
        return False
    rest = clean_title(take_details(m["x"], today)[0]).strip(" ,.")
    return bool(rest) and _asks_nothing(rest, [], today)


# "I spent the afternoon in the kitchen", "what a morning": a story's opening (a greeting is not:
# "Dear assistant, I posted …" is a request)
_STORY_OPENING = re.compile(r"^(?:(?:i|we)\s+\w|what\s+an?\s+\w+\W*$)", re.I)


def _story_before_told(
    read: list[Intent], pieces: list[str], piece: str, quoted: list[str], today: date
) -> bool:
    """The first piece asks nothing and the next tells what was done: only a story."""
    if read or len(pieces) < 2 or not complete.told_past(_unjoined(pieces[1])):
        return False
    story = _STORY_OPENING.match(_unjoined(piece)) is not None and not complete.told_past(piece)
    return story and _asks_nothing(piece, quoted, today)


def _only_remark(tail: str, today: date) -> bool:
    """Words after a request that ask nothing more: "…, sorted it yesterday evening"."""
    tail = _unjoined(tail.lstrip(" ,.;:!?"))
    told = _understand_one(normalise(tail), [], today)
    if told.kind in {"complete", "reopen"} and told.items:
        return bool(re.search(r"\b(?:it|them|that|this)\b", told.items[0], re.I))
    return not _starts_request(tail, [], today)


def _told_done(intent: Intent, said: str) -> bool:
    return intent.kind == "complete" and not _COMMAND_START.match(said)


def _told_then_asked(
    told: Intent, said: str, asked: Intent, piece: str, pointing: bool = False
) -> bool:
    """A statement that reads as a completion or reopening, then a command of the same kind:
    the statement tells why, the command names the task (``pointing``: the command's "it" is
    the task the statement names, so the two are one request)."""
    kinds = told.kind == asked.kind in {"complete", "reopen"} and _points_back(asked) == pointing
    return kinds and not _COMMAND_START.match(said) and bool(_COMMAND_START.match(piece))


def _scoped(intent: Intent) -> bool:
    """A bulk request that says its own scope: "clear out everything due tomorrow" (never a
    bare "everything", which after a story may mean only the tasks it told)."""
    return intent.everything and intent.filter.narrows


def _points_back(intent: Intent) -> bool:
    """The request's task is "it", "that", "them": a task named before."""
    return bool(intent.items) and _PRONOUN_SUBJECT.match(intent.items[0]) is not None


def _told_then_remark(text: str, quoted: list[str], today: date) -> Intent | None:
    """ "I finally finished the puzzle!! took me 3 weeks lol": a first sentence that completes
    or reopens a task, then sentences that only remark (no request, no date or priority)."""
    first, *rest = re.split(r"(?<=[.!?])\s+", text)
    if not rest:
        return None
    head = _told(_part(first), quoted, today)
    if head.kind not in {"complete", "reopen"} or not head.items or head.everything:
        return None
    for remark in rest:  # a remark is short, and asks for nothing
        if len(remark.split()) > 8 or _starts_request(_unjoined(remark), quoted, today):
            return None
        d = take_details(remark, today)[1]
        if d.due or d.priority or d.tags or d.repeat or d.shift_days or d.description:
            return None  # "Buy X. It needs to be done by Friday." (a time alone: "all night")
    return head


def _told(part: str, quoted: list[str], today: date) -> Intent:
    """A part read alone; one that tells what happened ("I finish the call with the bank",
    "garage is clean finally") names its task by its words, read with the tasks in view."""
    one = _statements(part, quoted, today) or _understand_one(part, quoted, today)
    if one.kind == "help" and (kind := statements.cue(part) or statements.state_reached(part)):
        return Intent(kind, [_state_removed(part)], told=part)
    if one.kind == "help" and complete.told_past(part):  # "I defrosted the freezer"
        return Intent("complete", [part], told=part)
    return one


def _part(words: str) -> str:
    """A part of a message, read as a message of its own: "add: meal prep sun"."""
    words = normalise(words)
    return command_preamble(words) or words


def _unjoined(segment: str) -> str:
    previous = None
    while previous != segment:
        previous, segment = segment, _JOINING.sub("", segment.strip())
    return segment


def _starts_request(segment: str, quoted: list[str], today: date) -> bool:
    """Whether these words, after a joint, start a request of their own: an explicit add, a
    change to a task (named, or "it"), or a command. A completion told as a past verb only
    counts first ("the old one snapped" after a request is a remark, not a request)."""
    text = normalise(segment)
    if not text:
        return False
    intent = _understand_one(text, quoted, today)
    if intent.kind == "add":  # "…, I'll do it whenever": a remark, no task to add
        return _asks_add(text) and not any(re.search(r"\b(?:it|them)\b", i) for i in intent.items)
    if intent.kind == "update":
        return bool(intent.items) and _changes(intent)
    if intent.kind == "list":  # "…and tell me what else is due today": a question of its own
        return _ASKED.match(text) is not None
    if intent.kind in {"complete", "reopen", "delete"}:
        told = bool(_COMMAND_START.match(text) or statements.says_done(text))
        told = told or (intent.kind == "reopen" and statements.cue(text) == "reopen")
        return bool(intent.items) and not intent.everything and told
    return False


# A question asked after a request: "tell me what's left", "what else is due today?",
# "show me the rest", "then list my tasks" (a bare "the list" names nothing asked).
_ASKED = re.compile(
    r"^(?:(?:tell|show|give)\s+me\b|(?:list|show)\s+(?:my|me|the|all|what)\b"
    r"|(?:what|which|how many|anything)\b.*\b(?:left|else|due|open|today|tomorrow|tasks?|remaining)\b)",
    re.I,
)


def _asks_add(text: str) -> bool:
    """An explicit add ("add X", "remind me to X", "I need to add X", "we have to X"), not any
    words that may read as a task ("should be call")."""
    text = normalise(text)
    return says_add(text) or (
        re.match(r"(?:i|we)\b", text, re.I) is not None and first_match(add.ADD, text) is not None
    )


def _changes(intent: Intent) -> bool:
    return (
        bool(intent.new_title or intent.swap or intent.remove_tags) or intent.details != Details()
    )


def _shifts(intent: Intent) -> bool:
    """A change by so many days: a new task has no date to move from, so "it" is one listed
    ("I want to finish the slides earlier, pull it in by two days")."""
    return intent.kind == "update" and bool(
        intent.details.shift_days or intent.details.shift_months
    )


_WHEN_WORD = re.compile(r"\s+(?:earlier|sooner|later|early|late)$", re.I)


def _adds_to(before: Intent, after: Intent, *, explicit: bool) -> bool:
    """Requests that join the one before: "add X and make it high priority" (a change to "it"
    is said of the task being added), "add X & remind me to Y" (one add of two tasks)."""
    if before.kind != "add" or not before.items:
        return False
    # "…, the deadline is friday": a change naming no task (only "the" is left of its name)
    # is said of the task being added, as "it" is
    nameless = bool(after.items) and names_no_task(" ".join(after.items))
    if after.kind == "update" and (_points_back(after) or nameless):
        if not explicit or after.new_title or after.swap or after.remove_tags or _shifts(after):
            return False
        each = before.item_details or [before.details]
        before.item_details = [_said_last(after.details, d) for d in each]
        before.details = before.item_details[0]
        return True
    if after.kind == "add" and after.items and not after.then:
        before.item_details = [
            *(before.item_details or [before.details] * len(before.items)),
            *(after.item_details or [after.details] * len(after.items)),
        ]
        before.items = [*before.items, *after.items]
        return True
    return False


def _refers(intent: Intent) -> bool:
    """The request's task is named only by a word that points ("it", "that task", "task back"
    as "putting that task back" leaves it)."""
    if not intent.items or re.match(r"^(?:(?:that|this|the)\s+)?(?:task|one)\b", intent.items[0]):
        return True
    return _points_back(intent) or PRONOUN.match(intent.items[0]) is not None


def _distinct(read: list[Intent], tools: list[str | None]) -> bool:
    """Requests that are really several: each uses another tool, or those that use the same
    one each change a task of its own ("move the gym to friday and make the tax thing high",
    "walked Biscuit, called the kennel"). A completion and a reopening are two ("I cleaned the
    kitchen, but the bathroom needs doing again")."""
    closing = [(i.kind, set(statements.content_words(" ".join(i.items)))) for i in read
               if i.kind in {"complete", "reopen"}]  # fmt: skip
    if any(
        a != b and words & other for (a, words), (b, other) in itertools.combinations(closing, 2)
    ):
        return False  # "the printer jammed after I fixed it. mark fix the printer as not done"
    if len(closing) > 1 and any(i.kind == "reopen" and not i.told and _refers(i) for i in read):
        # "…, so would you mind putting that task back": one request, said at length (never
        # "mark the fence done, and put the deck back to not done": each names its task)
        return False
    kinds = [(tool, i.kind) for tool, i in zip(tools, read, strict=True)]
    same = [i for k, i in zip(kinds, read, strict=True) if kinds.count(k) > 1]
    named = [(i.kind, *i.items) for i in same if i.kind in {"update", "complete"} and i.items]
    return len(named) == len(same) and len(set(named)) == len(named)


# Where one statement ends and the next starts: "gym done, groceries move to sat",
# "called the vet; also cat food is now high priority", "… already and the school call …".
_STATEMENT_END = re.compile(rf"\s*(?:[;,]|{SENTENCE_STOP}\s|\s(?:and\s+)?also\s|\sand\s)\s*", re.I)
_ACTS = {"complete", "reopen", "update", "delete"}


# What the speaker did, said after a command: the reason for it ("…, we've got plenty left",
# "…, got it on the way home"); "…, also I called the vet" is split off before this is read.
_EXPLAINS = re.compile(
    r"^(?:(?:i|we)(?:'ve|'d|\s+have|\s+had)?\s+(?!also\b|need|have to|must)|got\s+(?:it|them)\b)",
    re.I,
)
_REMOVE_START = re.compile(r"^(?:please\s+)?(?:remove|delete|get rid of|erase)\b", re.I)


def _said_off(part: str) -> bool:
    """ "my barber is off", said after a command, tells why; a delete said as a statement
    only stands alone ("the gym class is off")."""
    return not _REMOVE_START.match(part) and first_match(delete.DELETE, part) is not None


# "suit bought", "flights booked", "haircut done": a thing, then that it was done (a part of a
# list of statements; alone, such a message is read with the tasks in view, in statements.py)
_THING_DONE = re.compile(
    r"^(?!(?:i|we|you|u|they|he|she|it|that|this|there|who|what)\b)"
    r"(?P<thing>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,2}?)\s+(?:(?:is|are|was|were|all)\s+)?"
    r"(?P<done>[a-z]+)(?:\s+(?:now|already|too))?[.!]*$",
    re.I,
)


def _thing_done(part: str) -> Intent | None:
    m = _THING_DONE.match(part)
    if not m or not (m["done"].lower() in {"done", "sorted"} or is_past(m["done"])):
        return None
    if m["thing"].split()[0].lower() in TASK_VERBS | {"add", "not", "never", "no"}:
        return None  # "call mum finished" is read by the complete rules
    return Intent("complete", [m["thing"]])


_SOME_OR_ALL = re.compile(r"\b(?:some|all|most|part|half|rest|everything)\b", re.I)


def _completes_joined(parts: list[str], read: list[Intent]) -> tuple[list[str], list[Intent]]:
    """ "suit bought, haircut done, add …": statements of things done next to each other are
    one completion of each thing (one tool call per kind of change)."""
    out_parts: list[str] = []
    out: list[Intent] = []

    def plain(i: Intent) -> bool:  # one thing named, no "it", "all of it" or "some of"
        return (
            i.kind == "complete"
            and len(i.items) == 1
            and not (i.then or i.everything or i.fallback_subject or i.told or _points_back(i))
            and not PLURAL.match(i.items[0])
            and not _SOME_OR_ALL.search(i.items[0])
        )

    for part, intent in zip(parts, read, strict=True):
        last = out[-1] if out else None
        if last and plain(intent) and plain(last):
            joined = " and ".join(last.items + intent.items)  # as "mark X and Y done"
            out[-1] = replace(last, items=[joined])
            out_parts[-1] += ", " + part
            continue
        out_parts.append(part)
        out.append(intent)
    return out_parts, out


def _statements(text: str, quoted: list[str], today: date) -> Intent | None:
    """Several requests said as statements, each naming its own task and changing it with a
    different tool. Every part must read as such a request, or the message is read whole:
    "buy milk and eggs" or "mark salt and pepper done" never split."""
    parts = [_part(p) for p in _STATEMENT_END.split(text) if p and p.strip()]
    parts = [p for p in parts if p]
    if len(parts) < 2 or len(parts) > 4:
        return None
    for before, after in itertools.pairwise(parts):
        commands = _COMMAND_START.match(before) or _REMOVE_START.match(before)
        apart = re.search(rf"{re.escape(before)}\s*[,;.!?]\s*{re.escape(after)}", text)
        if commands and apart and (_EXPLAINS.match(after) or _said_off(after)):
            return None  # "delete the gym task, I cancelled my membership": why, no request
    read = [_understand_one(p, quoted, today) for p in parts]
    # a part read as nothing, or as a bare task, may say a thing done ("suit bought")
    read = [
        (_thing_done(p) or i)
        if i.kind == "help" or (i.kind == "add" and not _ADDING.match(p))
        else i
        for p, i in zip(parts, read, strict=True)
    ]
    parts, read = _completes_joined(parts, read)
    for part, intent in zip(parts, read, strict=True):
        named = bool(intent.items) and not _PRONOUN_SUBJECT.match(intent.items[0])
        # "the deadline is friday" names no task ("the" is all that is left of its name)
        named = named and not names_no_task(" ".join(intent.items))
        acts = intent.kind in _ACTS and named and not intent.everything
        adds = intent.kind == "add" and _ADDING.match(part)
        asks = intent.kind == "list" and re.search(re.escape(part) + r"\s*\?", text)
        if not (acts or adds or asks) or intent.then:
            return None  # a question may come first: "what's due today? also the milk is bought"
    if all(i.kind == "list" for i in read):
        return None
    tools = [_TOOL.get(i.kind, "list_tasks") for i in read]
    if len(set(tools)) != len(tools):
        return None
    first, *rest = read
    first.then = rest
    return first


def _one_update_per_task(read: list[Intent]) -> list[Intent]:
    """ "move X to saturday and also make it high": two changes to one task are one update;
    where both set a field the later wins ("X isn't urgent anymore, set it to medium")."""
    out: list[Intent] = []
    for intent in read:
        last = out[-1] if out else None
        if (
            last is not None
            and intent.kind == last.kind == "update"
            and intent.items == last.items
            and not (intent.new_title or intent.swap or intent.remove_tags)
        ):
            last.details = _said_last(intent.details, last.details)
            continue
        out.append(intent)
    return out


_TOPIC_FIRST = re.compile(
    r"^(?:for|about|regarding|re|on)\s+(?:the\s+|my\s+)?(?:(?P<x>[^,]+?)\s+(?:task|one|item|todo|thing)"
    r"\s*,?|(?:task|todo|item)\s+(?:of\s+|called\s+|named\s+|about\s+)?(?P<y>[^,]+?)\s*,)"
    r"\s*(?:can you\s+|could you\s+|please\s+)?(?P<rest>.*\bit\b.*)$",
    re.I,
)


# "for the party add that we need 12 balloons": a fact to add said of the task named first is
# a note on it (as "for the party task, add that …"), never a task titled "party add that …".
_TOPIC_THEN_NOTE = re.compile(
    r"^(?P<topic>for\s+(?:the|my)\s+[^,.;:!?]{1,40}?)\s+"
    r"(?P<rest>(?:please\s+)?add\s+(?:a\s+note\s+)?(?:that|saying)\s+\S.*)$",
    re.I,
)


def _topic_named(text: str) -> str:
    """ "for the grocery run task can you change it to saturday": "it" is the task named."""
    if note := _TOPIC_THEN_NOTE.match(text):
        return f"{note['topic']}, {note['rest']}"
    m = _TOPIC_FIRST.match(text)
    return re.sub(r"\bit\b", m["x"] or m["y"], m["rest"]) if m else text


def _understand_one(text: str, quoted: list[str], today: date) -> Intent:
    """One request. Several clauses: the one that starts like a command wins, and the others
    may say what its "it" is."""
    clauses = [normalise(c) for c in _CLAUSE.split(text) if c and c.strip()]
    clauses = [c for c in clauses if c]
    # "the garage isn't that important tbh, make it low priority": the command is the clause
    # that starts like one; the rest of the message says what "it" is.
    commands = [c for c in clauses[1:] if _COMMAND_START.match(c)] if len(clauses) > 1 else []
    intent = (
        read_clause(commands[-1], quoted, today) if commands else read_clause(text, quoted, today)
    )
    if commands and (added := _adds_it(intent, text, clauses, commands[-1], quoted, today)):
        return added
    chat = {"help", "greet", "thanks", "confirm", "decline"}
    # "…, bring it forward" with no distance adds no task "bring it forward": the whole is read
    pronoun_add = intent.kind == "add" and any(_VERB_IT.match(i) for i in intent.items)
    if commands and (intent.kind in chat or pronoun_add):
        intent = read_clause(text, quoted, today)
    unscoped = intent.everything and not intent.items and not _scoped(intent)
    if len(clauses) > 1 and (intent.kind == "help" or _points_back(intent) or unscoped):
        read = [(read_clause(c, quoted, today), c) for c in clauses]
        acting = [(i, c) for i, c in read if i.kind not in chat]
        if any(_COMMAND_START.match(c) or _REMOVE_START.match(c) for _, c in acting):
            # "mark buy milk as done, got it on the way home": the second clause says why
            acting = [(i, c) for i, c in acting if not _EXPLAINS.match(c)] or acting
        if acting and intent.kind == "help":
            intent = _with_attributes_after(text, *acting[-1], quoted, today)
            read = [(intent if i is acting[-1][0] else i, c) for i, c in read]
        chosen = next((c for i, c in read if i is intent), commands[-1] if commands else None)
        others = [c for i, c in read if c != chosen and i.kind not in {"confirm", "decline"}]
        same = [i for i, c in read if i.kind == intent.kind and i.items and c != chosen
                and not _PRONOUN_SUBJECT.match(i.items[0])]  # fmt: skip
        scope = [m[0] for c in others if (m := BULK_SCOPE.search(c))]
        all_of_it = intent.items and _ALL_OF_IT.match(intent.items[0])
        if (all_of_it or unscoped) and len(scope) == 1:
            # "…, mark it all done", "I got through everything due today, mark all of it
            # done": that scope (work told as not done gives none)
            # (the scope's words may have been cut into a clause of their own: "everything,
            # due today")
            whole = next((m[0] for m in BULK_SCOPE.finditer(text) if m[0].startswith(scope[0])), "")
            scoped = act(intent.kind, max(scope[0], whole, key=len).replace(",", ""), today)
            told_not_done = any(re.search(rf"\b{NOT_DONE}\b", c, re.I) for c in others)
            if not told_not_done and ((all_of_it and not unscoped) or _scoped(scoped)):
                intent.items, intent.everything, intent.filter = [], True, scoped.filter
        elif _points_back(intent) and same:
            intent.items = same[-1].items  # "I don't need X anymore, delete it"
            intent.fallback_subject = same[-1].fallback_subject
        elif _points_back(intent) and others:
            # "I ticked off 'Order new glasses' and …, could you restore it": a title quoted
            # in the rest of the message is what "it" is
            titles = [quoted[int(q[1])] for c in others for q in QUOTE_RX.finditer(c)]
            # "it's gonna pour all week so the gutters have to wait, set it for the 28th": a
            # clause about "it" (the weather) names no task; the first that names one does
            naming = [c for c in others if not _PRONOUN_SUBJECT.match(_state_removed(c))]
            named = titles[0] if len(titles) == 1 else with_quotes((naming or others)[0], quoted)
            intent.alt_subject = _state_removed(named)
    return intent


_VERB_IT = re.compile(r"^\w+\s+(?:it|that|this|them)\b", re.I)


def _with_attributes_after(
    text: str, intent: Intent, clause: str, quoted: list[str], today: date
) -> Intent:
    """ "so tired. add call the bank, high, tag it work": the clauses after an add that give
    only its attributes are read with it (the same task, now with what they say)."""
    at = text.find(clause)
    if intent.kind != "add" or at < 0:
        return intent
    whole = read_clause(text[at:], quoted, today)
    return whole if whole.kind == "add" and whole.items == intent.items else intent


def _adds_it(
    intent: Intent, text: str, clauses: list[str], chosen: str, quoted: list[str], today: date
) -> Intent | None:
    """ "I need to book the car service, so just put it down for the fifteenth": a change to
    "it" said beside a request to add is said of the task being added (what it says wins)."""
    if not (
        intent.kind == "update"
        and _points_back(intent)
        and not (intent.new_title or intent.swap or intent.remove_tags)
        # "I want to finish the slides earlier, pull it in by two days": a new task has no
        # date to move from, so "it" is a task already on the list
        and not _shifts(intent)
    ):
        return None
    for clause in clauses:
        if clause != chosen and (
            first_match(add.ADD, clause) or _new_task_with_a_day(clause, today)
        ):
            found = _with_attributes_after(
                text, read_clause(clause, quoted, today), clause, quoted, today
            )
            if found.kind == "add" and found.items:
                if not first_match(add.ADD, clause):  # an open task with its words is the one
                    found.names_task = found.items[0]
                found.item_details = [
                    _said_last(intent.details, d) for d in found.item_details or [found.details]
                ]
                found.details = found.item_details[0]
                return found
    return None


def _new_task_with_a_day(clause: str, today: date) -> bool:
    """ "finish history essay by thursday": a task verb and a day of its own say a task."""
    words = clause.split()
    day = take_details(clause, today)[1].due
    return bool(words) and words[0].lower() in TASK_VERBS and day is not None


def _said_last(last: Details, first: Details) -> Details:
    merged = replace(last, tags=list(last.tags))
    fill_details(merged, first)
    return merged


_STATE = re.compile(
    r"\s+(?:is|are|was|were|has been|have been)\s+(?:now\s+|all\s+)?(?:paid|done|finished|sorted|"
    r"complete|completed|booked|sent|handled|taken care of|over)$"
    r"|^(?:i|we)(?:\s+have|'ve)?\s+(?:just\s+|finally\s+|already\s+)?"
    r"|^(?:did|done|finished) (?:that|it|this)$",
    re.I,
)


# How a clause that names a task may start: "turns out we still need printer paper".
_LEAD_IN = re.compile(
    r"^(?:(?:just\s+)?letting you know(?:\s+that)?\s+|fyi\s+|just so you know\s+)?"
    r"(?:(?:it\s+)?turns out(?:\s+that)?\s+)?(?:(?:i|we)\s+(?:still\s+|also\s+)?"
    r"(?:need|have|must|gotta|got)\s+(?:to\s+)?)?"
    # "don't need to buy the tent anymore", "stop the daily vitamin reminder": the task is the rest
    r"(?:(?:i\s+|we\s+)?(?:do not|don't|dont|no longer)\s+(?:need|have|want)\s+(?:to\s+)?"
    r"|(?:stop|cancel|no more)\s+(?:the\s+|my\s+)?(?:daily|weekly|monthly|yearly)?\s*)?",
    re.I,
)
# Words around a task's name in such a clause: "… anymore", "… reminder"
_AROUND_NAME = re.compile(r"\s+(?:any\s*more|after all|reminders?)$", re.I)


def _state_removed(clause: str) -> str:
    """What a clause is about: "the garage is not that important" -> "garage"."""
    clause = _AROUND_NAME.sub("", _LEAD_IN.sub("", clause.strip()))
    subject = re.split(
        # "the mechanic cannot tomorrow", "the dentist couldn't do friday": a modal ends the
        # subject as "is" does
        r"\s+(?:is|are|was|were|has|have|needs?|can|cannot|can't|could|couldn't|will|won't"
        r"|would|wouldn't|does|doesn't|did|didn't|should|got)\b",
        _STATE.sub("", clause.strip()),
        maxsplit=1,
    )[0]
    return clean_title(re.sub(r"^(?:the|a|an|my)\s+", "", subject.strip(), flags=re.I))
