"""Greetings, thanks and help: answered without touching tasks."""

from __future__ import annotations

import re

from backend.assistant.offline import replies
from backend.assistant.offline.intents.base import Message, Reread
from backend.assistant.offline.parsing import Intent, rx
from backend.assistant.offline.targets import Decision, Turn

GREET = rx(r"^(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening)|greetings|sup|"
            r"what'?s up)(?: there)?$",
            r"^(?:how are (?:you|u)|how'?s it going|how are things|how do you do)\b.*$")  # fmt: skip

THANKS = rx(r"^(?:thanks?|thank you|thx|ty|cheers|great|awesome|perfect|nice|cool|"
             r"appreciate it|much appreciated)\b.*$")  # fmt: skip

HELP = rx(r"^(?:help|\?|what can you (?:actually |really |even )?do|how does this work|what do you do|who are you|"
           r"what are you|how do i use (?:this|you)|commands|options|what can i (?:say|ask))\b")  # fmt: skip

_INTERJECTION = re.compile(r"^(?:no|nope|nah|wait)\s*,\s*", re.I)

# "clean up my list", "sort out my tasks", "tidy things up", "organise everything": a wish about
# the list as a whole that names no change (delete the done ones? re-date the overdue ones?).
# Nothing is added or changed; we ask what is meant. A thing named ("clean up the garage") is a
# task as ever.
_TIDY = r"(?:clean|tidy|sort|organi[sz]e|reorgani[sz]e|fix|declutter|straighten|rearrange|sort through|go through)"
_THE_LIST = (
    r"(?:(?:all\s+)?(?:my|the)\s+(?:whole\s+|entire\s+)?(?:to-?do\s+|task\s+)?(?:list|tasks|todos|to-dos|"
    r"stuff|things|reminders)|everything|things|it all|all of it|all this|this mess|the mess)"
)
_VAGUE_ABOUT_LIST = rx(
    rf"^(?:help me\s+)?{_TIDY}(?:\s+(?:up|out))?\s+{_THE_LIST}(?:\s+(?:up|out))?"
    r"(?:\s+(?:a bit|a little|for me|please|pls))*$",
    rf"^(?:my|the)\s+(?:to-?do\s+)?(?:list|tasks|todos)\b[^,.;]*[,.;]\s*(?:(?:can|could|would|will) (?:you|u)\s+|please\s+)*"
    rf"{_TIDY}\s+(?:it|them)"
    r"(?:\s+(?:up|out))?(?:\s+(?:a bit|for me|please|pls))*$",
)

# "ugh i have way too much to do this week", "too many things on my plate today", "I'm swamped":
# venting about the workload names no task, so nothing is added (a thing named, "I have to call
# mum this week", is a task as ever: these need an amount, never a verb, after "have").
_AMOUNT = (
    r"(?:(?:way|far|just|so|really|such)\s+)*(?:too much|much|a lot|lots|loads|tons|a ton|"
    r"a million things|(?:too\s+)?many (?:things|tasks)|a mountain)"
    r"(?:\s+(?:of\s+)?(?:stuff|things|work|tasks))?"
)
_WHEN = (
    r"(?:\s+(?:today|tonight|tomorrow|this week(?:end)?|this month|right now|rn|at the moment|"
    r"lately|atm))?"
)
_VENT = rx(
    r"^(?:(?:ugh+|argh+|ugh+h|omg|man|god|sigh|honestly|seriously|geez|jeez|oh god|wow)[,.!]*\s+)*"
    r"(?:(?:i(?:'ve| have)?(?:\s+(?:got|just got))?|i got|i've got|there(?:'s| is)|got)\s+)?"
    rf"{_AMOUNT}\s+(?:to do|on my plate|going on|to get done|to deal with){_WHEN}"
    r"(?:\s+(?:ugh+|lol|honestly|man|omg))*[.!]*$",
    r"^(?:(?:ugh+|argh+|omg|man|sigh|honestly)[,.!]*\s+)*i(?:'m| am)\s+(?:(?:so|really|totally|"
    rf"completely|absolutely)\s+)*(?:swamped|overwhelmed|drowning|buried|snowed under)"
    rf"(?:\s+(?:with|in)\s+(?:work|stuff|things|tasks))?{_WHEN}(?:\s+(?:ugh+|lol|honestly))*[.!]*$",
)

# "write me a short poem about my cat", "can you tell me a joke": content asked of the assistant
# itself ("me", or "you" asked), never a task to add ("write a poem for mum's birthday" is one).
_CONTENT = r"(?:poem|haiku|limerick|story|song|joke|riddle|essay|rap|sonnet|verse|fun fact)s?"
_FOR_ME = rx(
    r"^(?:(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?|please\s+|pls\s+)?"
    r"(?:write|compose|tell|make\s+up|give|sing|come\s+up\s+with)\s+(?:me|us)\s+"
    rf"(?:a|an|some|another|one|(?:a\s+)?few)?\s*(?:\w+\s+){{0,2}}?{_CONTENT}\b",
    r"^(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+)?(?:write|compose|tell|make\s+up|sing)\s+"
    rf"(?:a|an|some|another)\s+(?:\w+\s+){{0,2}}?{_CONTENT}\b",
)


def parse_content_request(msg: Message) -> Intent | None:
    return Intent("offtopic") if any(p.match(msg.text) for p in _FOR_ME) else None


def handle_off_topic(turn: Turn) -> Decision:
    return Decision(
        reply="I can't write that: I only look after your task list, and I haven't added or "
        "changed anything. " + replies.help_text()
    )


def parse_vent(msg: Message) -> Intent | None:
    return Intent("vent") if any(p.match(msg.text) for p in _VENT) else None


def handle_vent(turn: Turn) -> Decision:
    return Decision(
        reply="That sounds like a lot. I haven't added or changed anything. If it helps, ask "
        'me "what\'s due this week?" or tell me one thing to add.'
    )


def parse_greeting(msg: Message) -> Intent | None:
    return Intent("greet") if any(p.match(msg.text) for p in GREET) else None


def parse_help(msg: Message) -> Intent | None:
    return Intent("help") if any(p.match(msg.text) for p in HELP) else None


def parse_interjection(msg: Message) -> Reread | None:
    """ "no, that's not done yet": read what follows the interjection."""
    return Reread(_INTERJECTION.sub("", msg.text)) if _INTERJECTION.match(msg.text) else None


def parse_vague_about_list(msg: Message) -> Intent | None:
    return Intent("unclear") if any(p.match(msg.text) for p in _VAGUE_ABOUT_LIST) else None


def parse_thanks(msg: Message) -> Intent | None:
    return Intent("thanks") if msg.short and any(p.match(msg.text) for p in THANKS) else None


def handle_greeting(turn: Turn) -> Decision:
    return Decision(reply="Hi! " + replies.help_text())


def handle_thanks(turn: Turn) -> Decision:
    return Decision(reply="You're welcome! Anything else for your list?")


def handle_unclear(turn: Turn) -> Decision:
    return Decision(
        reply="I can't tidy the list as a whole, and I won't guess. What would you like me to "
        "do? For example: delete the completed tasks, show what's overdue, or move a task to "
        "another day."
    )


def handle_help(turn: Turn) -> Decision:
    text = turn.convo.user_text.strip()
    if turn.intent.kind == "help" and text and len(turn.convo.user_text) > 3:
        lead = (
            ""
            if re.match(r"^(?:what can|help|how)", text, re.I)
            else ("I'm not sure what you'd like me to do. ")
        )
        return Decision(reply=lead + replies.help_text())
    return Decision(reply=replies.help_text())
