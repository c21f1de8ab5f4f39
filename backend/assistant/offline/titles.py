"""Is this really a task, and what is its title.

The rules that keep words which name no task out of a title: command words said before a
colon ("make new task: X"), pleasantries ("I hope you're well."), reasons ("because …"),
attributes said in words of their own ("… and make it high priority", "Is for tomorrow.",
"fold laundry #home low"). Each rule is about the shape of the words, never one phrasing.
"""

from __future__ import annotations

import re

# Words that can only be the command around a title, never the task itself.
_COMMAND_WORDS = {
    "add", "new", "task", "tasks", "todo", "to-do", "item", "list", "make", "create", "put",
    "in", "on", "to", "into", "onto", "my", "the", "a", "an", "please", "you", "can", "could",
    "would", "will", "for", "me", "i", "want", "like", "this", "one", "reminder", "another",
    "remind", "set", "up", "write", "down", "here", "is", "some", "just", "quick", "also",
    "so", "ok", "okay", "and", "do", "id", "i'd", "need",
}  # fmt: skip
_ADDING_WORDS = {"add", "new", "task", "tasks", "todo", "to-do", "list", "create", "reminder"}
_PREAMBLE = re.compile(r"^(?P<pre>[^:\"\u2063]{1,60}?)\s*:\s*(?P<rest>\S.*)$")


def command_preamble(text: str) -> str | None:
    """ "make new task: X", "in list: X", "you add for me a task: X" -> "add X": everything
    before the colon is command words, and one of them says a task is being added."""
    m = _PREAMBLE.match(text)
    if m is None:
        return None
    words = re.findall(r"[\w'-]+", m["pre"].lower())
    if words and set(words) <= _COMMAND_WORDS and set(words) & _ADDING_WORDS:
        return f"add {m['rest']}"
    return None


_PLEASANTRY = re.compile(
    r"^(?:(?:hi|hey|hello|good (?:morning|afternoon|evening)|dear \w+)(?: there| all)?|"
    r"i hope (?:you|your|all)\b.*|hope (?:you|your|all)\b.*|how are you\b.*|"
    r"thanks?\b.*|thank you\b.*|many thanks\b.*|cheers|have a (?:nice|good|great) \w+)$",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def without_pleasantries(text: str) -> str:
    """Sentences that are only social ("Hi there! I hope you're well.") are no request."""
    sentences = _SENTENCE_END.split(text.strip())
    kept = [s for s in sentences if not _PLEASANTRY.match(s.strip(" .!?"))]
    return " ".join(kept) if kept else text


_REASON = re.compile(
    r"(?:,\s*|\s+)(?:because|cause|'cause|cos|cuz|since)\s+"
    r"(?:i|we|you|he|she|they|it|there|my|our|the|of)\b.*$",
    re.I,
)


def without_reason(text: str) -> str:
    """ "pick up the suit because I need it for the interview": the reason is no part of it."""
    return _REASON.sub("", text)


_ATTRIBUTE_CLAUSE = re.compile(
    r"(?:,\s*|\s+)(?:and\s+)?(?:(?:make|set|mark|put|have)\s+(?:it|this|that)|(?:it|this|that)"
    r"\s+(?:is|should be|has to be|needs to be|must be))\s+(?:as\s+|on\s+|to\s+|at\s+|a\s+)*"
    r"(?=(?:very\s+)?(?:high|hi|low|lo|medium|normal|urgent|important|top|due|by|on|#))",
    re.I,
)


def attribute_clauses_as_commas(text: str) -> str:
    """ "X on thursday and make it high priority" -> "X on thursday, high priority": an
    attribute said in a clause of its own is a comma part, which attribute reading handles."""
    return _ATTRIBUTE_CLAUSE.sub(", ", text)


_TRAILING_PRIORITY = re.compile(r"(?<=\S)\s+(?P<p>high|hi|low|lo)$", re.I)


def trailing_priority(title: str) -> tuple[str, str | None]:
    """ "fold laundry low", "Pay water bill HIGH": a bare priority word ending a title of
    at least two other words is its priority (a title never ends in one)."""
    m = _TRAILING_PRIORITY.search(title)
    if m is None or len(title[: m.start()].split()) < 2:
        return title, None
    word = m["p"].lower()
    return title[: m.start()], "high" if word in {"high", "hi"} else "low"


_TALK = re.compile(
    r"^(?:(?:and|so|but)\s+)?(?:(?:it|this|that|which|they)\s+)?(?:is|are|'s|needs?|has|have|"
    r"must|should|will|can)?\s*(?:to\s+)?(?:be\s+)?(?:done|finished|ready|due|for|set)?$"
    r"|^(?:(?:her|his|their|its|my|our|the)\s+)?\w+\s+(?:is|are|was)$",
    re.I,
)


def is_attribute_talk(leftover: str) -> bool:
    """What is left of "It needs to be done by Friday." or "her birthday is on 15" once the
    date is read: words about an attribute, never a task of their own."""
    return bool(_TALK.match(leftover.strip(" ,.;:!?")))


_FOR_TAG = re.compile(
    r"^(?:it|this|that)\s+is\s+(?:for|a)\s+(?P<tag>[a-z][\w-]*)(?:\s+(?:thing|task|one))?$", re.I
)


def sentence_tag(leftover: str) -> str | None:
    """ "It's for work." said after a task: the word is its tag."""
    m = _FOR_TAG.match(leftover.strip(" ,.;:!?"))
    return m["tag"].lower() if m else None
