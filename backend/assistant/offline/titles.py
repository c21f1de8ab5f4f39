"""Is this really a task, and what is its title.

The rules that keep words which name no task out of a title: command words said before a
colon ("make new task: X"), pleasantries ("I hope you're well."), reasons ("because …"),
attributes said in words of their own ("… and make it high priority", "Is for tomorrow.",
"fold laundry #home low"). Each rule is about the shape of the words, never one phrasing.
"""

from __future__ import annotations

import re
from datetime import date

from backend.assistant.offline.dates import find_date
from backend.assistant.offline.language import OBLIGED, SENTENCE_STOP, normalise

# Words that can only be the command around a title, never the task itself.
_COMMAND_WORDS = {
    "add", "new", "task", "tasks", "todo", "to-do", "item", "list", "make", "create", "put",
    "in", "on", "to", "into", "onto", "my", "the", "a", "an", "please", "you", "can", "could",
    "would", "will", "for", "me", "i", "want", "like", "this", "one", "reminder", "another",
    "remind", "set", "up", "write", "down", "here", "is", "some", "just", "quick", "also",
    "so", "ok", "okay", "and", "do", "id", "i'd", "need", "something", "thing", "wanna",
    "adding", "little", "small", "tiny", "register",
}  # fmt: skip
_ADDING_WORDS = {"add", "new", "task", "tasks", "todo", "to-do", "list", "create", "reminder",
                 "adding"}  # fmt: skip
_PREAMBLE = re.compile(
    r"^(?P<pre>[^:,\"\u2063]{1,60}?)\s*(?P<sep>:|,|\s[-\u2013])\s*(?P<rest>\S.*)$"
)
_TASK_WORDS = {"task", "tasks", "todo", "to-do", "item", "reminder"}
# "please to add X" (the "to" of "I want to add" kept after "please"), "I want (to) add X", a
# learner's "I need that you remind me to X"
_TO_COMMAND = re.compile(
    r"^(?:(?:i\s+)?(?:want|would like|'d like|need)\s+(?:that\s+)?(?:you\s+)?"
    # "I want that you put a task: X", "register new task: X": a verb with a task word is the
    # request ("I want you to put the bins out" has no task word: its "put" is the task's)
    r"(?=(?:to\s+)?(?:add\b|remind\s+me\b|"
    r"(?:make|create|put|register)\s+(?:me\s+)?(?:(?:a|an|one|another)\s+)?(?:new\s+)?"
    r"(?:task|todo|to-do|reminder)\b)))?"
    r"(?:to\s+)?"
    r"(?=(?:add|put|create|make|remind|register)\b)",
    re.I,
)
# "set a reminder to X", "add a high priority task to X": the command, and a priority said in it;
# a learner's "add me the task to X", "make for me a task 'X'", "register task 'X'"
_REMINDER_TO = re.compile(
    r"^(?:set(?:\s+up)?|create|make|add|put(?:\s+in)?|schedule|register)\s+"
    r"(?:(?:for\s+)?me\s+(?:a|an|one|another|the)\s+|(?:a|an|one|another)\s+"
    r"|(?<=register\s)(?=(?:reminder|task|todo|to-do)\b))(?:new\s+)?"
    r"(?P<p>(?:high|low|medium|top|urgent|important)(?:[- ]priority)?\s+)?"
    r"(?:reminder|task|todo|to-do)\s+(?:for me\s+)?(?:(?:to|about|that|for)\s+|(?=\u2063Q\d))"
    r"(?P<rest>\S.*)$",
    re.I,
)


# A message that says outright that a task is to be added ("add …", "remind me …", "new task:
# …", "please put …"): its add stands, whatever its words would otherwise suggest (a statement
# about a task, the classifier's guess).
_EXPLICIT_ADD = re.compile(
    r"^(?:(?:please|pls|plz|can you|could you|would you|hey|hi|ok|okay|and|also)\W+)*"
    r"(?:add|create|new|put|set up|jot(?: down)?|write down|note down|log|insert|save|capture|"
    r"remind|remember|don'?t (?:let me )?forget|do not (?:let me )?forget|"
    r"make (?:a |an |another |one more |new )*(?:task|todo|reminder|entry)|set (?:a )?reminder|"
    r"note to self|memo|reminder|quick note|pop|stick|chuck|slot|pencil|bung|"
    r"(?:new )?(?:task|todo|to ?do)(?:\s*[:\-])?)\b",
    re.I,
)


def says_add(message: str) -> bool:
    return bool(_EXPLICIT_ADD.match(normalise(message)))


def only_command_words(text: str) -> bool:
    """ "please add", "new task": words that only say a task is being added."""
    words = set(re.findall(r"[\w'-]+", text.lower()))
    return bool(words) and words <= _COMMAND_WORDS and bool(words & _ADDING_WORDS)


# Talk before a request: "so basically I was thinking that I should add …", "the thing is I …"
_THINKING_ALOUD = re.compile(
    r"^(?:(?:so|well|ok|okay|right|basically|actually)\s+)*(?:(?:the thing is|i was thinking"
    r"|i am thinking|i think|i guess|i suppose|i reckon)(?:\s+that)?\s+)+(?=(?:i|we)\b)",
    re.I,
)


def without_thinking_aloud(text: str) -> str:
    return _THINKING_ALOUD.sub("", text)


# "I must check X every weekday, please make this task": the request to add comes last, and
# what was said before it is the task ("add it" alone; "make/save/set it" only with a task word;
# a learner's "please make reminder", "can you note it", "write it down", "please remember me").
_ADD_THIS_LAST = re.compile(
    r"(?:[,;.!]+\s*|\s+(?:so|and)\s+)(?:(?:so|and|then)\s+)?(?:(?:can|could|would) you\s+)?"
    r"(?:please\s+|pls\s+|just\s+)*(?:(?:add|put)\s+(?:this|it|that)"
    r"|(?:make|create|save|set|keep|put|add|write|note)\s+(?:this|it|that)\s+(?:up\s+)?"
    r"(?:(?:as|into|in|for)\s+)?(?:an?\s+|my\s+)?(?:new\s+)?(?:task|todo|to-do|reminder|item)"
    r"|(?:make|create|set|add)\s+(?:me\s+)?(?:an?\s+|one\s+)?(?:new\s+)?(?:task|todo|to-do|reminder)"
    r"(?:\s+(?:for|of|about)\s+(?:this|it|that))?"
    r"|(?:note|write|jot|save)\s+(?:this|it|that)(?:\s+down)?"
    # a learner's "please remember me", "remind me of it", "don't let me forget"
    r"|(?:remember|remind)\s+(?:me|it)(?:\s+(?:of|about)\s+(?:this|it|that))?"
    r"|(?:do not|don'?t)\s+let\s+me\s+forget(?:\s+(?:this|it|that))?)"
    r"(?:\s+(?:on|to|in|into)\s+(?:my|the)\s+(?:(?:todo|to-do|task)\s+)?list)?"
    r"(?:\s+(?:for me|please|pls|thanks|thank you))*\W*$",
    re.I,
)


# A story, then "so (can you) add X": the request is the words after it (intents decides
# whether the story is only a story).
STORY_SO_ADD = re.compile(
    r"^(?P<story>.{12,}?)(?:\s*[,;.]\s*|\s+)(?:and\s+)?so\s+(?:(?:can|could|would) you\s+)?"
    r"(?:please\s+)?(?:add|put)\s+(?P<rest>\S.*)$",
    re.I,
)


# "add a daily task: X", "set up a weekly reminder to X": how often, said of the task word
# itself, is the task's repeat (not a word of the title, and not lost with the command words).
_REPEATING_TASK = re.compile(
    r"^(?:(?:add|create|make|set up|set|put in|new)\s+)?(?:me\s+)?(?:(?:a|an|one|another)\s+)?"
    r"(?:new\s+)?(?P<often>daily|nightly|weekly|monthly|yearly|annual|fortnightly|biweekly)\s+"
    r"(?:recurring\s+|repeating\s+)?(?:task|todo|to-do|reminder|item)\s*"
    r"(?:[:\-]|to\b|for\b|that says\b|called\b)?\s*(?P<rest>\S.*)$",
    re.I,
)
_OFTEN = {"nightly": "every night", "annual": "yearly"}


def command_preamble(text: str) -> str | None:
    """ "make new task: X", "in list: X", "you add for me a task: X" -> "add X": everything
    before the colon is command words, and one of them says a task is being added. Before a
    comma they must name the task too ("I want add one task, cancel the gym")."""
    said, text = text, _TO_COMMAND.sub("", text)
    if r := _REPEATING_TASK.match(text):
        often = r["often"].lower()
        return f"add {r['rest']} {_OFTEN.get(often, often)}"
    if (last := _ADD_THIS_LAST.search(text)) and last.start() > 0:
        text = text[: last.start()]
    if r := _REMINDER_TO.match(text):
        priority = f", {r['p'].strip()}" if r["p"] else ""
        text = f"add {r['rest']}{priority}"
    m = _PREAMBLE.match(text)
    if m is None:
        return text if text != said else None
    words = set(re.findall(r"[\w'-]+", m["pre"].lower()))
    needed = _ADDING_WORDS if m["sep"] == ":" else _TASK_WORDS
    if words and words <= _COMMAND_WORDS and words & _ADDING_WORDS and words & needed:
        return f"add {m['rest']}"
    return text if text != said else None


_PLEASANTRY = re.compile(
    r"^(?:(?:hi|hey|hello|good (?:morning|afternoon|evening)|dear \w+|excuse me|hola|bonjour|ciao"
    r"|hallo)"
    r"(?: there| all)?|"
    r"i hope (?:you|your|all)\b.*|hope (?:you|your|all)\b.*|how are you\b.*|"
    r"thanks?\b.*|thank you\b.*|many thanks\b.*|cheers|have a (?:nice|good|great) \w+|"
    # a learner's thanks in their own language: "Grazie mille", "merci beaucoup", "gracias"
    r"(?:grazie|merci|gracias|danke|obrigad[oa]|spasibo|arigato)"
    r"(?: mille| beaucoup| mil| sch[oö]n| muito| tante)?|"
    r"(?:(?:that'?s|it'?s|that is|it is)\s+)?(?:much|greatly|really) appreciated|appreciate it|"
    r"(?:i'?m\s+|i am\s+)?(?:much|very|most|greatly)\s+obliged|"
    r"(?:you'?re|you are)\s+(?:a star|the best))$",
    re.I,
)
_SENTENCE_END = re.compile(rf"(?<={SENTENCE_STOP})\s+")


_GREETING = re.compile(
    r"^(?:hi|hey|hello|hola|bonjour|ciao|hallo|good (?:morning|afternoon|evening)|excuse me)"
    r"(?: there| all| guys| team)?"
    # "Hi there - would you …" too; never "hi - prio" (high priority)
    r"\s*(?:[,!.]|\s-)\s*(?=\S)(?!(?:prio|pri|priority)\b)"
    # "Morning! …": the greeting said short (never "morning, walk the dog": a time of day)
    r"|^(?:morning|afternoon|evening|mornin'?|g'?day)\s*!+\s*(?=\S)",
    re.I,
)


# A comment about the request before it: "sorry if this is a silly question, but …", "sorry
# to bother you, …", "this might be a dumb one, but …".
_META_FIRST = re.compile(
    r"^(?:(?:so\s+|oh\s+)?(?:sorry|apologies)\s+(?:to\s+(?:bother|trouble|ask|pester)|if|for\s+"
    r"(?:bothering|the|asking|this))|i hope\s+(?:this|that|it)|hope\s+(?:this|that|it)|"
    r"(?:this|it)\s+(?:might|may|could)\s+be|quick\s+(?:question|one|favou?r)|i know\s+(?:this|it))"
    # up to a comma, a stop or a spaced dash ("quick one before my shift - order socks, low")
    r"\b(?:(?!\s[-\u2013\u2014]\s)[^,.!?;])*(?:(?:[,.!?;]|\s[-\u2013\u2014])\s*(?:but\s+|and\s+)?(?=\S)|[.!?]*$)",
    re.I,
)


def without_pleasantries(text: str) -> str:
    """Sentences that are only social ("Hi there! I hope you're well.") are no request, nor is
    a greeting before a comma ("hi there, could you …") or a comment about the request."""
    sentences = _SENTENCE_END.split(_GREETING.sub("", text.strip()))
    sentences = [_META_FIRST.sub("", s) for s in sentences]
    kept = [s for s in sentences if s.strip() and not _PLEASANTRY.match(s.strip(" .!?"))]
    return " ".join(kept) if kept else text


_REASON = re.compile(
    r"(?:,\s*|\s+)(?:(?:because|cause|'cause|cos|cuz|since)\s+"
    r"(?:i|we|you|he|she|they|it|there|my|our|the)\b"
    # "because" said in lower case starts a reason whatever follows ("… because last week I
    # forgot"); "Because of Winn-Dixie" in capitals is a title's word, "the cause of" a noun
    r"|(?-i:because)\s+(?=\w)).*$",
    re.I,
)
# An aside about remembering, up to the end of its clause: "… before I forget (again)", "… so
# I don't forget", "… in case I forget": why it is said, never the task.
_ASIDE = re.compile(
    r"(?:,\s*|\s+)(?:(?:(?:just\s+)?(?:before|in\s+case)\s+i\s+forget|lest\s+i\s+forget)"
    r"\b[^,;.!?]*"  # "… before I forget and lose it": the whole clause
    r"|so\s+(?:that\s+)?i\s+(?:don'?t|do\s+not|won'?t|will\s+not|dont|wont)\s+forget"
    r"(?:\s+(?:it|again|about\s+it|this\s+time))*(?=\s*[,;.!?]|\s*$))",
    re.I,
)
# A condition or a consequence, up to the end of its clause: "… before it expires on the 10th",
# "…, otherwise I lose the refund", and a polite one about the request: "… if that's alright",
# "… if possible", "… if you can"; "… or finance will kill me", "… or they'll cut us off".
_CONDITION = re.compile(
    r"(?:,\s*|\s+)(?:otherwise|or else|or\s+(?:(?:the|my|our|his|her|their|your)\s+)?[\w-]+"
    r"(?:'ll|(?:'re|'s)?\s+(?:will|would|might|(?:is\s+|are\s+)?(?:going to|gonna)))\b"
    r"|(?:before|once|until|till|when)\s+(?:it|they|he|she)\s+"
    r"(?!is\b|are\b|'s\b)|if\s+(?:that|this|possible|at all possible|you)\b)[^,;.!?]*?"
    # up to a request said after it: "… otherwise they'll give it away so add that please"
    r"(?=\s+(?:so|and)\s+(?:please\s+)?(?:add|put|make|set|tag|mark)\b|[,;.!?]|$)",
    re.I,
)
_REASON_KEEPS = re.compile(r"\b(?:urgent|important|asap|(?:high|top|low)\s+prio(?:rity)?)\b", re.I)


def without_reason(text: str) -> str:
    """ "pick up the suit because I need it for the interview": the reason is no part of it,
    but a date or an urgency it gives is kept ("… because it's due tomorrow")."""
    text = _ASIDE.sub("", text)
    for clause in (_REASON, _CONDITION):
        if m := clause.search(text):
            reason = m.group(0)
            kept = [w.group(0) for w in _REASON_KEEPS.finditer(reason)]
            if found := find_date(reason, date.today()):  # only its words, read later
                kept.append(reason[found.start : found.end].strip())
            text = " ".join([text[: m.start()], *kept, text[m.end() :]]).strip()
    return text


_ATTRIBUTE_CLAUSE = re.compile(
    rf"(?:\s*(?:,|{SENTENCE_STOP})\s*|\s+)(?:(?:and|so)\s+)?(?:(?:make|set|mark|put|have)\s+(?:it|this|that)|(?:it|this|that)"
    r"\s+(?:is|should be|has to be|needs to be|must be))\s+(?:as\s+|on\s+|to\s+|at\s+|a\s+)*"
    r"(?=(?:(?:very|really|quite|pretty|super|fairly|rather|kind of|sort of|a bit)\s+)*"
    r"(?:high|hi|low|lo|medium|med|normal|urgent|important|top|due|by|on|#))",
    re.I,
)


_TAG_IT = re.compile(
    r"(?:,\s*|\s+)(?:and\s+)?(?:tag|label)\s+(?:it|this|that)\s+(?:as\s+|with\s+)?(?=\S)", re.I
)


# "tag it home not work", "tag work, not personal", "tagged home instead of office": the tag
# it is not is no tag at all, nor a word of the title.
_NOT_THAT_TAG = re.compile(
    r"(?P<tag>\b(?:tag|tagged|label|labelled|labeled)\s+(?:(?:it|this|that|as|with)\s+)*#?[\w-]+)"
    r"\s*,?\s+(?:not|rather than|instead of|but not)\s+(?:as\s+|the\s+)?#?[\w-]+"
    r"(?:\s+(?:tag|one))?(?=\s*[,.;!?]|\s*$|\s+(?:and|please|pls|thanks)\b)",
    re.I,
)


# A learner's "…, put tag work, put priority high", "give it due friday": the attribute itself.
_PUT_ATTRIBUTE = re.compile(
    r"\s*,\s*(?:and\s+)?(?:put|set|give|add)\s+(?:(?:it|this|that|the|a)\s+)*"
    r"(?=(?:tag|label|priority|prio|due|deadline)\b)",
    re.I,
)


# An attribute said as a sentence in an add's comma list: "…, priority should be high, due
# date is day after tomorrow" -> "…, high priority, due day after tomorrow" (fields, never a
# second request about a task named "priority should be high").
_FIELD_IS = re.compile(
    r"(?P<sep>\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+|its\s+|it'?s\s+)?"
    r"(?:(?P<p>priority|prio)|due\s+date|due\s+day|deadline)\s+"
    r"(?:is|should be|will be|must be|has to be|needs to be|can be|would be|=|:)\s+"
    r"(?:set\s+(?:to|as)\s+|on\s+)?(?P<value>(?:(?!\s+and\s)[^,;])+)",
    re.I,
)


# A detail said after an add's task is its note, never a title or a task of its own: "add call
# the insurance company, their number is 555-0142", "…, the address is 12 Oak St", "…, code is
# 4512", "…, ask for Maria" (a person, capitalised: "and ask for a refund" is the task's own).
_DETAIL = re.compile(
    r"(?:\s*[,;]\s*|\s+-\s+|\s+and\s+)(?P<d>(?:(?:(?:their|his|her|its|the|my|our|your)\s+)?"
    r"(?:(?:phone|mobile|cell|office|door|gate|access|entry|booking|reference|order|confirmation)\s+)?"
    r"(?:number|phone|address|code|email|e-mail|postcode|zip|zip code|pin|password|website|room"
    r"|extension|ext|ref|reference|contact)\s+(?:is|=|:)\s+\S"
    r"|(?-i:ask for [A-Z][\w'-]*\b))[^,;]*)",
    re.I,
)


_SAYS_NEW = re.compile(r"^(?:add|create|new|remind|put|note|make|jot|write|schedule)\b", re.I)


def _detail_as_note(text: str) -> str:
    """The detail moved to the end as a note; attributes said after it stay attributes
    ("…, phone number is 555-0199, high priority")."""
    if (m := _DETAIL.search(text)) is None or m.start() == 0 or not _SAYS_NEW.match(text):
        return text  # "I need to X, note: Y" would read as a note on a task "I need to X"
    return f"{text[: m.start()]}{text[m.end() :]}, note: {m['d'].strip()}"


def _field_said(m: re.Match[str]) -> str:
    return f", {m['value']} priority" if m["p"] else f", due {m['value']}"


# "…, repeats yearly, first one is due today": when a repeat starts, said as a sentence of an
# add's comma list, never a second request about a task named "first" (``dates`` reads
# "starting today").
_FIRST_ONE_IS = re.compile(
    r",\s*(?:and\s+)?(?:the\s+)?first\s+(?:one|time|payment|occurrence)\s+"
    r"(?:is|'s|will\s+be|should\s+be)\s+(?:due\s+(?:on\s+)?|on\s+|(?=(?:today|tonight|tomorrow"
    r"|tmrw|next|this|the\s+\d|\d|mon|tue|wed|thu|fri|sat|sun)))",
    re.I,
)


def attribute_clauses_as_commas(text: str) -> str:
    """ "X on thursday and make it high priority" -> "X on thursday, high priority": an
    attribute said in a clause of its own is a comma part, which attribute reading handles
    ("…, tag it work" -> "…, tagged work": said of this task, not a request about another)."""
    text = _FIRST_ONE_IS.sub(", starting ", text)
    text = _detail_as_note(_FIELD_IS.sub(_field_said, text))
    text = _PUT_ATTRIBUTE.sub(", ", _NOT_THAT_TAG.sub(r"\g<tag>", text))
    return _TAG_IT.sub(", tagged ", _ATTRIBUTE_CLAUSE.sub(", ", text))


# "she says hi": a greeting passed on, no priority
_TRAILING_PRIORITY = re.compile(
    r"(?<=\S)(?<!\bsay)(?<!\bsays)(?<!\bsaid)\s+(?P<p>high|hi|low|lo)$", re.I
)


def trailing_priority(title: str) -> tuple[str, str | None]:
    """ "fold laundry low", "Pay water bill HIGH": a bare priority word ending a title of
    at least two other words is its priority (a title never ends in one)."""
    m = _TRAILING_PRIORITY.search(title)
    if m is None or len(title[: m.start()].split()) < 2:
        return title, None
    word = m["p"].lower()
    # "… and its kind of important so high": the words that led to the priority go with it
    rest = _LED_TO_PRIORITY.sub("", title[: m.start()])
    rest = rest if len(rest.split()) >= 2 else title[: m.start()]
    return rest, "high" if word in {"high", "hi"} else "low"


_LED_TO_PRIORITY = re.compile(
    r"(?:\s+(?:and|but))?(?:\s+(?:oh|so|also|then|ok|okay|make it|make that|mark it|set it))+$",
    re.I,
)


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


# "she'd love that", "he needs it back", "it is about the trip": a remark about the task,
# said after it, never a task of its own (a task starts with what to do, not who).
_REMARK = re.compile(
    r"^(?:she|he|they|it|its|this|that|which)(?:'d|'s|'ll|'re|\s+(?:is|was|would|will|needs?|wants?|"
    r"has|had|said|says|loves?|likes?|asked|should|can|could|might|may|must))\b"
    r"|^(?:it\s+is|its)\s+(?:about|regarding)\b",
    re.I,
)


def is_remark(part: str) -> bool:
    return bool(_REMARK.match(part.strip(" ,.;:!?")))


# Words that only talk about a task's attributes once those are read: "I'd like it marked (as
# high priority)", "would be good to have it done (by the 15th)", "(the) deadline is (friday)",
# "(the) last day is (the 28th)", a learner's "limit date is (friday)".
_ATTRIBUTE_TALK_TEXT = """
    i'd i'm we'd it'd like love prefer want wanted ideally marked mark done finished sorted
    ready deadline date due fixed particular specific set have having get got put down make
    keep need needs needed say said let's lets until till before after
    last final day limit latest
"""
_ATTRIBUTE_TALK = frozenset(_ATTRIBUTE_TALK_TEXT.split())
_OBLIGATION = (
    r"(?:really\s+|still\s+|also\s+|just\s+|then\s+)?(?:need|needs|have to|has to|must|should|"
    r"gotta|got to|ought|want to|wanna|would like to|like to|love to|plan to|intend to|"
    r"have got to|'ve got to|am going to|are going to)\b"
)
# Someone telling something: "landlord texted", "my sister reminded me", "the school called".
_TOLD = (
    r"(?:[\w'-]+\s+){1,3}?(?:just\s+)?(?:texted|emailed|messaged|called|rang|phoned|wrote|said|"
    r"told|asked|mentioned|reminded|replied|warned|confirmed|announced)\b"
)
_TOLD_START = re.compile(rf"^(?:(?:ok|okay|so|well|um|uh|and|oh)\s+)*{_TOLD}", re.I)


def is_told(part: str) -> bool:
    """Whether a part reports what someone said: a story, never a task."""
    return bool(_TOLD_START.match(part.strip()))


# The shapes of a part that is no task: a condition, reason, consequence or concession ("if
# that's alright", "or I'll get fined", "just in case"); a hedge, a meta comment or thanks
# ("not sure what yet", "sorry if this is a silly question", "hope that makes sense"); a
# statement by someone ("we ran out", "I promised her"; "I need to X" is a task, and so is
# "I'll X") or about something ("my tooth has been hurting", "the studio closed down").
_NOT_A_TASK = re.compile(
    r"^(?:(?:and|but|so|oh|also|just|anyway|ok|okay|well|um|uh|please|pls|plz)\s+)*(?:"
    r"(?:if|unless|since|as|because|cause|cos|cuz|though|although|even though|otherwise|"
    r"or else|or (?:i|we|you|it|they|he|she)|so that|in case|no matter|whenever|"
    r"when you (?:can|get|have))\b"
    # when, around something else: "…, before my shift", "…, on my way to work"
    r"|(?:before|after|ahead of|in time for|on (?:my|the|our) way)\s+(?!(?:that|this|it)\b)"
    r"|(?:not|no idea|no clue|no worries|no problem|hope|hopefully|sorry|thanks|thank you|"
    r"cheers|i know|i think|i guess|i suppose|i believe|i reckon|let'?s|let me know|you know|"
    r"lol|haha|fingers crossed|wish me luck|after all)\b"
    rf"|(?:i|we|you|he|she|they|it|its|there|this|that|which)(?:'m|'re|'ve|'d|'s)?\s+(?!{_OBLIGATION})"
    r"|(?:my|our|his|her|their|your|the)\s+(?:[\w'-]+\s+){1,4}?(?:is|are|was|were|has|have|had|"
    r"keeps?|kept|broke|came|went|found|said|says|told|did|does|won't|can't|\w{2,}(?<!e)ed)\b"
    # someone doing something: "Dr. Lee is coming", "landlord gets grumpy"
    r"|(?:[\w'.-]+\s+){1,3}?(?:is|are|was|were|will be)\s+\w{2,}ing\b"
    r"|[\w'-]+\s+(?:gets|got|keeps|kept|is|are|was|were|has|had|will)\b"
    rf"|{_TOLD}"
    # a plea, not a task: "plz dont let me forget"
    r"|(?:do not|don'?t)\s+(?:let\s+(?:me|us)\s+)?forget\b"
    # the change said again: "…, please treat it like that", "treat it as such"
    r"|treat\s+(?:it|that|this|them)\s+(?:like\s+(?:that|so|one|it)|as\s+such|accordingly)\b"
    # the tasks already named, counted: "…, both tmrw pls", "all three for friday"
    r"|(?:both|each|all\s+(?:three|four|five|of\s+them))(?:\s+of\s+(?:them|these|those))?\s*$"
    # another task left open: "…, still have to do the TA one", "the garage one can wait"
    r"|still\b|(?:[\w'-]+\s+){1,4}?(?:still|not yet|can wait)\b"
    r")",
    re.I,
)


def no_task(part: str) -> bool:
    """Whether a part said after a task, its attributes already read, is no task of its own.
    The one place this is decided: only filler or talk about attributes (whose attributes then
    join the task), a remark about the task, or one of the shapes above."""
    part = part.strip(" ,.;:!?")
    words = re.findall(r"[\w']+", part.lower())
    return (
        not words
        or all(w in FILLER_WORDS or w in _ATTRIBUTE_TALK for w in words)
        or is_attribute_talk(part)
        or is_remark(part)
        or bool(_NOT_A_TASK.match(part))
    )


def sentence_tag(leftover: str) -> str | None:
    """ "It's for work." said after a task: the word is its tag."""
    m = _FOR_TAG.match(leftover.strip(" ,.;:!?"))
    return m["tag"].lower() if m else None


# Words that never name a task on their own: function words, fillers, corrections, politeness
# and verdicts ("so low priority would be perfect"). One place for this vocabulary: a part of a
# message made only of these words is no task (its attributes join the task it is said about).
_FILLER_TEXT = """
    a an the this that these those it its is are was were be been being am
    i me my we us our you your he she they them there here
    so and or but then also too as at all of in on to for with by from up
    would will could can should shall may might must do does did
    no not yes yeah yep nope ok okay wait sorry oops actually mean meant rather instead
    please pls plz thanks thank just really very quite pretty kind bit fairly super one rush
    perfect great fine good nice ideal best better lovely brilliant cool awesome
    now again anyway maybe probably prob probs prolly perhaps like if everything something
    anything bunch lot much guess
    suppose think works
    though alright possible approx approximately roughly around ish
    add put write down list task tasks note
"""
FILLER_WORDS = frozenset(_FILLER_TEXT.split())


def names_no_task(words: str) -> bool:
    """ "there is at all", "so would be perfect", "wait no": no word that could name a task."""
    found = re.findall(r"[\w']+", words.lower())
    rest = " ".join(found[1:])
    if (
        found[:1] in (["it"], ["this"], ["that"])
        and (m := OBLIGED.match(rest))
        and not rest[m.end() :]
    ):
        return True  # "it must be done"
    return bool(found) and all(w in FILLER_WORDS for w in found)


# "(that) I have to send X", "we need to X", "I forgot to X": the person and the modal (or a verb
# of intent) say a task, not its title.
_SUBJECT_MODAL = re.compile(
    r"^(?:down\s+)?(?:that\s+)?(?:i|we)\s+(?:really\s+|still\s+|also\s+)?"
    r"(?:(?:have|need|must|should|gotta|ought|'ve got|have got|will need|'ll need)\s+(?:to\s+)?"
    r"|(?:forgot|promised|want|wanted|plan|planned|'d like|would like)\s+to\s+)",  # "I forgot to X"
    re.I,
)
# A command said after a date or a repeat: "every year on march 3 remind me of Anna's birthday".
_LATE_COMMAND = re.compile(
    r"^(?:remind me|remember|don'?t forget|do not forget|don'?t let me forget)\s+"
    r"(?:to|of|about)\s+",
    re.I,
)


# A story told before the action: "I was just talking to my sister and she reminded me that
# we have to book the cabin": the request starts at the person and the modal.
_STORY_THEN_ACTION = re.compile(
    # someone else told it ("she reminded me"; "I called the plumber" is a thing done)
    r"^(?P<story>.*?\b(?!(?:i|we)\b)[\w']+\s+(?:just\s+)?(?:texted|emailed|messaged|called|rang|"
    r"phoned|wrote|said|told|asked|mentioned|reminded|warned)\b.*?)\s+(?:that\s+)?"
    r"(?P<action>(?:i|we)\s+(?:really\s+|still\s+|also\s+)?(?:have to|need to|must|gotta|"
    r"have got to|'ve got to|should)\s+\w.*)$",
    re.I,
)


# "…, so add that please (and make it high)", "… put it on my list pls": the request to add
# what was just said, after it, asks nothing more (its attribute clause stays)
_ADD_THAT = re.compile(
    r"(?:\s*,\s*|\s+)(?:so\s+|and\s+)?(?:(?:can|could)\s+you\s+)?(?:please\s+)?"
    r"(?:add|put|save|note|write)\s+(?:that|it|this)(?:\s+(?:down|in|on\s+(?:my|the)\s+list))?"
    r"(?:\s+(?:please|pls|for me))*(?=\s+and\s|\s*[,.!?]|\s*$)",
    re.I,
)


def from_the_action(text: str) -> str:
    """The words from the action on, when a story is told before it."""
    m = _STORY_THEN_ACTION.match(text.strip())
    if m is None:
        return text
    return _ADD_THAT.sub("", re.sub(r"^we\b", "I", m["action"], flags=re.I))  # ADD reads "I …"


# Interjections left at the end of a title: "buy milk oh (and make it urgent)".
_TRAILING_FILLER = re.compile(r"(?:\s+(?:oh|ah|well|yeah|ok|okay|so|also|then|pls|please))+$", re.I)


def without_lead_in(title: str) -> str:
    """What is left of a title once a person, a modal or a reminder command is cut off, and
    an interjection at its end."""
    title = _LATE_COMMAND.sub("", _SUBJECT_MODAL.sub("", title.strip()))
    return _TRAILING_FILLER.sub("", title)


# Musing before a request: "hmm what else... oh right, I should …", "let me think. ok, …":
# the words of someone thinking aloud, never a question or a task (only before more words;
# never "ok", "yes", "right" alone, which may answer our question).
_MUSING_WORDS = (
    r"(?:hmm+|um+|uh+|oh|ah+|oh right|ah right|oh yes|oh yeah|well|anyway|what else|what was it|"
    r"let me think|let me see|let us see|lemme think|lemme see|where was i)"
)
_MUSING = re.compile(
    rf"^(?:{_MUSING_WORDS}(?:\s+{_MUSING_WORDS})*\s*(?:\.{{2,}}|\u2026|[,.!?-])\s*)+(?=\w)", re.I
)
# A detail first wondered about, then settled: "thursday maybe? yeah let's say thursday",
# "friday or saturday... ok let's go with saturday": the settled words stand, no doubt is left.
_SETTLED = re.compile(
    r"(?P<wondered>\b[\w']+\s+(?:maybe|perhaps)|\b[\w']+\s+or\s+[\w']+)\s*(?:\.{2,}|\u2026|[?.!,])*\s*"
    r"(?:(?:yeah|yes|yep|ok|okay|right|so|actually|hmm+)[\s,.]+)*"
    r"(?:let'?s|let us)\s+(?:say|go with|do|make it|put|keep it at)\s+(?P<settled>[^.?!]+)[.?!]*$",
    re.I,
)


# Signing off at the end: "…, and yeah I think that's it for now", "… ok that's all thanks".
_SIGN_OFF = re.compile(
    r"(?:[\s,.;!]+(?:and|so|ok(?:ay)?|yeah|yep|um+|uh+|well|oh|anyway)\b)*"
    r"[\s,.;!]+(?:i think\s+|i guess\s+)?"
    r"(?:that'?s|that is|that was)\s+(?:it|all|everything)(?:\s+(?:for now|for today|from me))?"
    r"(?:[\s,.;!]+(?:thanks|thank you|thx|cheers|bye))?[\s.!]*$",
    re.I,
)


# A shrug said as a sentence of its own between two others: "got the rejection email today.
# whatever. get rid of that follow-up task": how the user feels, no task nor any request.
_SHRUG = re.compile(
    r"(?<=[.!?])\s+(?:whatever|oh well|meh|ugh+|sigh|typical|such is life|c'?est la vie)"
    r"\s*(?:\.{2,}|\u2026|[.!])+(?=\s+\w)",
    re.I,
)


def without_musing(text: str) -> str:
    text = _SHRUG.sub("", text.strip())
    text = _SIGN_OFF.sub("", _MUSING.sub("", text))
    return _SETTLED.sub(lambda m: f" {m['settled']}", text).strip()


# Said again after an apology: "por favor add task comprar leche... ay sorry, english: buy milk,
# tomorrow", "addd tsk mlk oops sorry, I mean: buy milk". Group "in" marks a restatement in
# English, which always replaces what came before.
_RESTATED = re.compile(
    r"^(?P<before>.+?)\s*(?:\.{2,}|\u2026|[,.!?;-])*\s+(?:(?:ay|oh|oops|whoops|ah|uh|argh)[\s,!.]+)*"
    r"(?:sorry|oops|whoops|my bad|pardon|apologies)\b"
    r"(?:\s*(?:[,!.:;-]+\s*)+|\s+(?=(?:in\s+)?english\b|i mean))"
    r"(?:(?P<in>(?:in\s+)?english(?:\s+please)?)\s*[:,-]?\s*|(?:i mean|i meant)\s*[:,-]?\s*)?"
    r"(?P<after>\w.*)$",
    re.I,
)


def restatement(text: str) -> tuple[str, str, bool] | None:
    """The words before an apology, those said again after it, and whether these are said to
    be in English. Not "hello, sorry to bother you", nor "no sorry, it is wednesday": a
    restatement replaces words of some length (at least three)."""
    m = _RESTATED.match(text.strip())
    if m is None or len(re.findall(r"[\w']+", m["before"])) < 3:
        return None
    return m["before"], m["after"], bool(m["in"])
