"""Small language helpers: normalising a message, fixing typos in command words, splitting lists."""

from __future__ import annotations

import re

from rapidfuzz import process
from rapidfuzz.distance import OSA

# Words that steer the meaning of a message. Typos are fixed only towards these, so a
# misspelt title word is left alone unless it is one edit from a command word.
_WORDS = """
incomplete undone unfinished uncomplete search reminder reminders schedule
add create new remind delete remove erase complete completed finish finished mark done
reopen rename change move reschedule push postpone show list tasks task todo todos
overdue today tomorrow tonight week priority urgent important high low medium tag tagged
pending open everything please thanks thank help what which anything about due monday
tuesday wednesday thursday friday saturday sunday next yesterday description note
reminder reminders remember list completed delete morning afternoon evening night
"""
VOCABULARY = _WORDS.split()
# Very short slips that edit distance cannot safely catch.
ALIASES = {"ad": "add", "dont": "don't", "im": "i'm", "ive": "i've", "whats": "what's",
           "tmr": "tomorrow", "tmrw": "tomorrow", "u": "you", "pls": "please", "plz": "please",
           "thx": "thanks", "todays": "today's", "wats": "what's", "wat": "what",
           "wot": "what", "r": "are", "ur": "your", "2moro": "tomorrow",
           "2day": "today", "2nite": "tonight", "tonite": "tonight", "chk": "check",
           "em": "them", "cna": "can", "wanna": "want to", "gonna": "going to",
           "wk": "week", "wks": "weeks", "didnt": "did not", "isnt": "is not",
           "arent": "are not", "doesnt": "does not", "smth": "something",
           "sth": "something", "anythin": "anything", "somethin": "something",
           "hve": "have", "hav": "have", "mny": "many",
           # texting shorthand for the words that steer a request (never a task's own words)
           "nxt": "next", "w": "with", "wknd": "weekend", "wkend": "weekend", "mv": "move",
           "tmw": "tomorrow", "2morrow": "tomorrow", "2mrw": "tomorrow", "tomoz": "tomorrow",
           "b4": "before", "abt": "about", "tdy": "today", "mrk": "mark", "dne": "done",
           "bkd": "booked", "cmpltd": "completed", "fnshd": "finished",
           "unmrk": "unmark",
           # the words around a date or a time of day, slipped or shortened
           "mornin": "morning", "evenin": "evening",
           "arvo": "afternoon", "nite": "night", "untill": "until", "mnth": "month"}  # fmt: skip
# Texting shorthand that is a word only in its place: "hw many" (not "finish hw"), "4 the kids".
_TEXTING = [
    # "cn u add X", "cud u remind me": "can/could" shortened, known by the "you" after it
    (re.compile(r"\bcn(?=\s+(?:u|you)\b)", re.I), "can"),
    (re.compile(r"\b(?:cud|cld|culd|cood)(?=\s+(?:u|you)\b)", re.I), "could"),
    # "rmnd me 2 email Dana", "remnd me to …": "remind" shortened, known by the "me" after it
    (re.compile(r"\b(?:rmnd|remnd|rmd|rmind|remd|rmdn|remid|remin)(?=\s+me\b)", re.I), "remind"),
    # A learner's "remind me to": "(I need that) you remember me: X", "can you remember me to
    # X", "make me remember to X"; "remember me" with nothing after stays as it is said
    (
        re.compile(
            r"^(?:(?:i|we)\s+(?:need|want|would like|'d like)\s+(?:that\s+)?)?"
            r"(?:(?:can|could|will|would)\s+you\s+)?(?:please\s+)?(?:you\s+)?(?:please\s+)?"
            r"(?:remember\s+me|make\s+me\s+remember)(?:\s*:\s*|\s+to\s+|\s+that\s+(?=\w))",
            re.I,
        ),
        "remind me to ",
    ),
    # "make sure I don't forget to X", "help me not forget to X", "help me remember to X"
    (
        re.compile(
            r"^(?:please\s+)?(?:(?:make\s+sure|ensure)\s+(?:that\s+)?i\s+(?:do\s+not|don'?t|dont|never)"
            r"\s+forget|help\s+me\s+(?:to\s+)?(?:not\s+forget|remember))\s+to\s+(?=\w)",
            re.I,
        ),
        "remind me to ",
    ),
    # "remind me pls to X": the politeness said inside the request
    (re.compile(r"\b(?P<r>remind\s+me)\s+(?:please|pls|plz)\s+(?=to\s)", re.I), r"\g<r> "),
    # "set up a reminder so I remember to X", "a reminder so that I don't forget to X"
    (
        re.compile(
            r"\breminder\s+so\s+(?:that\s+)?i\s+(?:can\s+|will\s+|'ll\s+)?"
            r"(?:remember|do\s+not\s+forget|don'?t\s+forget|will\s+not\s+forget|won'?t\s+forget)"
            r"\s+to\s+(?=\w)",
            re.I,
        ),
        "reminder to ",
    ),
    (re.compile(r"\bhw(?=\s+(?:many|much|do|did|is|are|was|about|long)\b)", re.I), "how"),
    (re.compile(r"(?<![\w:.])4(?=\s+(?:the|my|me|a|an|this|that|them|him|her|us)\b)", re.I), "for"),
    # "remind me 2 feed the cat", "need 2 call mum": "2" after a word taking "to" is "to"
    (
        re.compile(
            r"\b(?P<w>me|need|needs|have|has|got|want|going|forget|ought|remember|how)\s+2"
            r"(?=\s+(?![a-z]+[^s]s\b)(?!more\b)[a-z]{2,}\b)",  # not "2 kids", "2 days"
            re.I,
        ),
        r"\g<w> to",
    ),
    # "…, mark as not done", "tick as done": the task left unsaid is "it" (the one just named)
    (
        re.compile(
            r"\b(?P<w>mark|tick|set|flag)\s+as\s+(?=(?:not\s+|un)?(?:done|complete|completed|"
            r"finished|incomplete|open|pending|to do)\b)",
            re.I,
        ),
        r"\g<w> it as ",
    ),
    # "on teh 15th", "by hte end of the month": a slipped "the" before a date (a title's own
    # slip stays, so "fix the typo in pay teh rent" can still name it)
    (
        re.compile(
            r"\b(?:teh|hte|th)(?=\s+(?:\d|end\b|next\b|first\b|last\b|day\b|week|month\b|"
            r"morning\b|afternoon\b|evening\b|weekend\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b))",
            re.I,
        ),
        "the",
    ),
    # "pick up meds @ noon", "call bob @3pm": "@" before a time is "at" (never an email's "@")
    (
        re.compile(r"(?<!\S)@\s*(?=\d|noon\b|midnight\b|lunch\b|night\b|half\b|quarter\b)", re.I),
        "at ",
    ),
    # a learner's forms: "Please to open again." (an infinitive after "please", at a sentence's
    # start), "it's not finish yet" (the plain verb where the participle goes)
    (
        re.compile(r"(?:^|(?<=[.!?]\s))(?P<p>please|pls|plz)\s+to\s+(?=[a-z]{2,}\b)", re.I),
        r"\g<p> ",
    ),
    # (and without "not": "Homework of math is finish")
    (
        re.compile(r"\b(?P<be>is|are|was|were)\s+(?P<not>not\s+)?finish\b", re.I),
        r"\g<be> \g<not>finished",
    ),
]
# Shorthand for a task's own words: kept as said in titles, read in full when a message is
# matched to a task ("the dentist appt" names "Dentist appointment").
SHORT_FORMS = {"appt": "appointment", "appts": "appointments", "bday": "birthday",
               "b-day": "birthday", "mtg": "meeting", "hw": "homework", "doc": "doctor",
               "dr": "doctor", "pres": "presentation", "xmas": "christmas", "info": "information",
               "docs": "documents", "prescr": "prescription", "vacay": "vacation",
               "groc": "groceries", "grocs": "groceries", "mgr": "manager", "msg": "message",
               "pics": "pictures", "pic": "picture", "bros": "brothers", "bro": "brother",
               "sis": "sister", "gran": "grandma", "nan": "grandma",
               "pw": "password", "pwd": "password", "pword": "password"}  # fmt: skip
_VOCAB_SET = set(VOCABULARY)
# Everyday words one edit from a command word ("that"/"what", "rush"/"push"): never "fixed".
_KEEP_WORDS = """
that this then than them they there these those with from have when were will your what
where which while want went wait work word worn more most must mask make made mail main
mind kind find fine line life like list lost last late rush push post past dash wash
cash call tall fall ball bell sell tell well wall mall dad mom mum kids milk silk gym
ask task tax taxes bill fill pill book cook look took note notes vote home hope done dune bone
tone gone none drone nine some same save safe sale tale take shop show slow snow stop step
schedule scheduled read road rent sent went dent send sand band hand land open oven even
ever over also else plan plant clean clear card care core more store story today toady
talk tank tack walk chalk stalk shot shoe shoes moved postponed rescheduled think chance
mondays tuesdays wednesdays thursdays fridays saturdays sundays
charge charged charging charger
mornings afternoons evenings nights
mode
news
"""
_KEEP = set(_KEEP_WORDS.split())

_POLITE_START = re.compile(
    # a name after a greeting, then the request: "hey Jarvis add X", "hi bot, remind me …"
    r"^(?:(?:hey|hiya|heya|yo|hi|hello|ok(?:ay)?)\s+(?!(?:prio|pri|priority)\b)[a-z]+"
    r"(?:\s*,\s*|\s+)(?=(?:add|create|remind|please|pls|plz|can|could|would)\b)"
    r"|(?:hey|hiya|heya|yo|hi(?![\s,!.:]+(?:prio|pri|priority)\b)|hello|ok(?:ay)?|so|um+|uh+|well|oh|also|and|then|alright|right|please|pls|plz"
    r"|actually|oops|sorry|hmm+|ugh+|argh+|sigh|meh|welp|yikes"
    # bad news broken gently: "I'm afraid the book club …" (never "I'm afraid of spiders")
    r"|(?:i am|i'm) afraid(?: that)?(?!\s+(?:of|to)\b)|unfortunately|sadly"
    r"|wait|nvm|never\s?mind|btw|by the way|(?:good|great|bad|some|big) news"
    # "forget it, just delete it": the question dropped, the request that follows is the one
    # meant (alone, "forget it" still takes a request back)
    r"|forget (?:it|that|about it)(?=\s*[,.;:!-]+\s*(?:just\s+)?(?:delete|remove|bin|drop|scrap|"
    r"trash|ditch|get rid of|mark|tick|complete|move|push)\b)"
    # the assistant addressed ("hey assistant add X", "assistant, remind me …"): with a comma
    # after it, or a request's first word ("assistant coach meeting" is a title)
    r"|(?:assistant|bot|chatbot|robot)(?=\s*[,!:]|\s+(?:add|create|remind|put|please|pls|plz|can|"
    r"could|would|make|mark|delete|remove|move|new|schedule|set|show|list|what|tag|note|i)\b)"
    # "quick one before my shift - X": a lead-in, with when it is said, up to a spaced dash
    # (or to the end: a message's clauses are split at the dash)
    r"|(?:quick one|quick thing|one more thing|another thing|one last thing|real quick)"
    r"(?:\s+(?:before|after|while|during|on)\s+[^-\u2013\u2014,.!?:]{1,30}?(?=\s+[-\u2013\u2014]\s|$))?"
    # "two things, if you don't mind: …": how many requests follow, said before a colon
    r"|(?:two|three|four|a few|a couple of|couple of) (?:things|requests|bits|quick ones)"
    r"(?:,?\s*(?:if you (?:don'?t|do not) mind|please|pls|for you|for me|quickly))?(?=\s*:)"
    r"|kindly|(?:would|do|will) (?:you|u) mind"  # before "would you": "would you mind" whole
    # asking indirectly: "would you mind (adding)", "I was hoping you could", "any chance you
    # could", "it would be great if you could", "would you be able to"
    r"|(?:would |do )?(?:you )?mind(?=[\s,]+\w+ing\b)"
    # "I would be most grateful if you could …": any degree word before the thanks
    r"|(?:i was hoping|(?:i'?d|i would) be (?:(?:so|most|very|really|truly|extremely|ever so) )?"
    r"(?:grateful|glad|happy)|"
    r"it would be (?:great|nice|lovely|good|helpful|amazing)|"
    r"(?:is there )?any chance|do you think)(?: if| that)? you (?:could|can|would|might)"
    r"(?: possibly)?"
    r"|(?:can|could|would|will) you(?: (?:please|kindly|possibly|be able to|"
    r"be (?:so|as) (?:kind|good)(?: as)? to|be (?:kind|good) enough to))*"
    r"|i'?d like you to|please you|you please|i'?d like to|i would like to"
    r"|i was wondering if you could(?: possibly)?|(?:just )?letting you know(?: that)?|fyi"
    # "I was wondering, if you have a moment, whether you could remind me …": each aside in
    # turn; "wondering" only when a "whether/if you could" follows ("I was wondering about
    # the dentist" is no request), "whether you could" only at the start of what is left
    r"|i was (?:just )?wondering(?=[\s,]+(?:(?:if|when) you (?:have|get|got) a (?:moment|minute|"
    r"sec(?:ond)?|chance)[\s,]+)?(?:if|whether) you (?:could|can|would|might)\b)"
    r"|(?:if|when) you (?:have|get|got) a (?:moment|minute|sec(?:ond)?|chance)"
    r"|(?:if|whether) you (?:could|would|might)(?: (?:possibly|please|kindly"
    r"|be (?:so|as) (?:kind|good)(?: as)? to|be (?:kind|good) enough to))*"
    r"|out of (?:pure )?curiosity"
    # a learner's "is possible to put a task?"; "would it be possible to rename X"
    r"|(?:is|would|will|could|might) (?:it )?(?:be )?(?:at all )?possible (?:for you )?to"
    r"|(?:can|could) i(?: get you to)?|i want you to|help me|let'?s|lets|you can|you could|you may"
    r"|(?:can|could|shall) we|we need to|just|quick question|question)"
    r"[\s,!.:]+(?:[-\u2013\u2014]\s+)?)+",  # "ok so - buy milk" (never "so-called")
    re.IGNORECASE,
)
_POLITE_END = re.compile(
    r"(?:[\s,]+(?:please|pls|plz|thanks|thank you|thx|ty|for me|if you can|if possible|"
    r"when you get a chance|"
    r"asap please|too|as well|also|already|lol|haha|cheers|tbh|honestly|"
    r"many thanks|thanks (?:so much|a lot)|thank you (?:so|very) much|much appreciated|"
    r"if (?:it is|it's) not too much (?:trouble|bother)|if you do not mind|if you don't mind|"
    r"mate|x+|thank u|ty+|then|in that case|"  # "ok mark it done then"
    r"\u2714\ufe0f?|\u2713|\u2705|:\)|:d))+\s*$",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")
# "would you mind removing X": the request is "remove X".
_MIND_DOING = re.compile(r"\b((?:would|do|will) (?:you|u) mind)\s+([a-z]{2,}ing)\b", re.I)


_MIND_VERBS = {"remove", "delete", "erase", "add", "create", "mark", "move", "change", "take",
               "put", "get", "set", "push", "reschedule", "rename", "update", "tag", "untag",
               "cancel", "clear", "drop", "scrap", "bin", "ditch", "bump", "make", "tick",
               "untick", "check", "uncheck", "cross", "complete", "finish", "reopen",
               "postpone", "note", "write", "give", "lose", "kill"}  # fmt: skip


def _base_of(gerund: str) -> str:
    """ "removing" -> "remove", "getting" -> "get", "marking" -> "mark" (command verbs)."""
    stem = gerund[:-3].lower()
    for verb in (stem, stem + "e", stem[:-1]):
        if verb in _MIND_VERBS:
            return verb
    return gerund


# Abbreviations whose full stop ends no sentence: "send the invoice to Mr. Keller", "approx.
# 20 chairs", "snacks e.g. fruit". Every pattern that splits sentences uses SENTENCE_STOP.
_ABBREVIATIONS = ("mr", "mrs", "ms", "dr", "st", "prof", "approx", "e.g", "i.e", "vs", "jr",
                  "sr", "mt", "appt", "dept", "ave")  # fmt: skip
_NOT_ABBREVIATION = "".join(rf"(?<!\b(?i:{re.escape(a)}))" for a in _ABBREVIATIONS)
SENTENCE_STOP = rf"(?:{_NOT_ABBREVIATION}\.|[?!])"


def fix_typos(text: str) -> str:
    """Replace words that are one or two edits from a command word (never short words, never
    a capitalised name inside a sentence: "for Lisa" is not "for list")."""

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        lower = word.lower()
        if lower in ALIASES and text[m.end() : m.end() + 1] not in {"/", "&"}:  # "w/" below
            if text[m.start() - 1 : m.start()] == "&":
                return word  # "R&D", "Q&A": an abbreviation, not a texting "r" for "are"
            return ALIASES[lower]
        if len(lower) < 4 or lower in _VOCAB_SET or lower in _KEEP or not lower.isalpha():
            return word
        if _is_name(text, m.start(), word):
            return word
        limit = 1 if len(lower) < 8 else 2
        best = process.extractOne(lower, VOCABULARY, scorer=OSA.distance, score_cutoff=limit)
        # Typos rarely change the first letter: "prescription" is not a slip for "description".
        if not best or best[0][0] != lower[0]:
            return word
        # a slip in a past verb stays past: "sheduled the vet" is "scheduled", never the
        # command "schedule" (which would add a task)
        past = best[0] + ("d" if best[0].endswith("e") else "ed")
        if (
            lower.endswith("ed")
            and not best[0].endswith("ed")
            and OSA.distance(lower, past) < OSA.distance(lower, best[0])
        ):  # only when closer ("reminded" is "reminder", not "remindered")
            return past
        return best[0]

    return re.sub(r"[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*", fix, text)  # "2moro", "b4" too


def _is_name(text: str, start: int, word: str) -> bool:
    """A Capitalised word that does not start a sentence is a name, not a command word."""
    before = text[:start].rstrip()
    ends = re.search(rf"(?:{SENTENCE_STOP}|:)$", before)  # "St. Mary's": no sentence's end
    return word[:1].isupper() and not word.isupper() and bool(before) and not ends


# Spoken hesitations carry no meaning ("add call the garage uh for tomorrow").
_HESITATION = re.compile(r"(?<![\w'])(?:uh+|um+|uhm+|erm+|er|hmm+)(?![\w'])[,.]?\s*", re.I)


_CONTRACTIONS = [
    (re.compile(r"\b(it|that|this|there|he|she)'s\b", re.I), r"\1 is"),
    (re.compile(r"\b(is|are|was|were|has|have|does|do|did)n'?t\b", re.I), r"\1 not"),
    (re.compile(r"\bwon'?t\b", re.I), "will not"),
    # "the second one's done", "hoovering's done"
    (
        re.compile(
            r"(\w)'s\s+(done|finished|complete|completed|paid|sorted|booked|due|overdue|urgent|important)\b",
            re.I,
        ),
        r"\1 is \2",
    ),
    (re.compile(r"\b(when|where|how)'s\b", re.I), r"\1 is"),
]
_TICK = re.compile(r"[\u2714\u2713\u2705\u2611]\ufe0f?")


def expand_contractions(text: str) -> str:
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    if _TICK.search(text):  # a tick means done, unless the words already say so
        text = _TICK.sub("", text)
        if not re.search(r"\b(?:done|finished|completed?)\b", text, re.I):
            text += " done"
    return text


# A command said as a gerund after "would you mind": "(would you mind) adding X" is "add X".
_GERUND_COMMAND = re.compile(
    r"^(add|remov|delet|mark|putt|mov|chang|creat|reschedul|renam|tagg|tick|complet|reopen"
    r"|cancel|push|jott|writ|tell|show|list|giv)ing\b",
    re.I,
)
_GERUND_BASE = {"remov": "remove", "delet": "delete", "putt": "put", "mov": "move",
                "chang": "change", "creat": "create", "reschedul": "reschedule",
                "renam": "rename", "tagg": "tag", "complet": "complete", "jott": "jot",
                "writ": "write", "giv": "give"}  # fmt: skip


# An emoji between two sentences ends the first: "the cactus died 😢 delete its reminder".
_EMOJI_STOP = re.compile(r"(?<=\w)\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]+[\s.!]+(?=[a-z])", re.I)


# A learner's "I have pay the water bill already": the closing "already" (a pleasantry at the
# end elsewhere) says it is done, so it is kept, after "have" ("I have already pay …"), where
# ``complete`` reads it (only for a task's verb). A thing had is no act: "I have a meeting already".
_HAVE_ALREADY = re.compile(
    r"^(?P<have>(?:i|we)\s+(?:have|has))\s+(?P<rest>(?!(?:a|an|the|my|your|his|her|our|their|some|"
    r"any|no|not|to|it|them|this|that|these|those|been|got|had|just|already|never|ever|also|still)\b)"
    # a verb, then its object's article: "pay the water bill" ("I have lots of work" is no act)
    r"[a-z]+(?<!ed)\s+(?:the|my|our|his|her|their|this|that|these|those|a|an)\s.+?)"
    r"[\s,]+already(?=[\s.!?]*$)",
    re.I,
)


# An emoji at either end of a message decorates it ("add get a flu shot 💉", "🎂 order the
# cake"): no title's word. Ticks (done), a cross and a bin say something, so they stay.
_DECORATION = (
    r"(?:(?![\u2714\u2713\u2705\u2611\u274c\U0001F5D1])"
    r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B1B\u2B1C\u2B50\u2B55]"
    r"(?:\ufe0f|\u200d|[\U0001F3FB-\U0001F3FF])*)+"
)
_EDGE_DECORATION = re.compile(rf"^(?:\s*{_DECORATION})+\s*|(?:\s*{_DECORATION})+\s*$")


def normalise(text: str) -> str:
    """Trimmed, single-spaced, with politeness and trailing punctuation removed."""
    text = _EMOJI_STOP.sub(". ", text)
    text = _HESITATION.sub("", expand_contractions(text.replace("\u2019", "'")))
    text = re.sub(r"(?<!\S)w/(?=\s)", "with", text)  # "tag dentist w/ health"
    for pattern, word in _TEXTING:
        text = pattern.sub(word, text)
    text = _MIND_DOING.sub(lambda m: f"{m[1]} {_base_of(m[2])}", text)
    text = _SPACES.sub(" ", text).strip()
    text = _HAVE_ALREADY.sub(r"\g<have> already \g<rest>", text)
    previous = None
    while previous != text:
        previous = text
        text = _EDGE_DECORATION.sub("", text).strip()
        text = _POLITE_START.sub("", text).strip()
        if previous != text:  # "would you mind adding X": a gerund only after politeness
            text = _GERUND_COMMAND.sub(lambda m: _GERUND_BASE.get(m[1].lower(), m[1]), text)
        text = _POLITE_END.sub("", text).strip()
        text = text.strip(" .!?;")
    return text


# Punctuation said aloud by someone dictating: "call the garage comma tomorrow comma high
# priority full stop". "period", "colon" and "dash" are words too ("log my period"), so they
# are punctuation only where another spoken mark shows the message is dictated.
_SPOKEN_MARKS = [
    (re.compile(r"\s*\bcomma\b", re.I), ","),
    (re.compile(r"\s*\b(?:full stop|new line|new paragraph|next line)\b", re.I), "."),
    (re.compile(r"\s*\bsemi-?colon\b", re.I), ";"),
    (re.compile(r"\s*\bquestion mark\b", re.I), "?"),
    (re.compile(r"\s*\bexclamation (?:mark|point)\b", re.I), "!"),
]
_DICTATED_ONLY = [
    (re.compile(r"\s*\bperiod\b", re.I), "."),
    (re.compile(r"\s*\bcolon\b", re.I), ":"),
    (re.compile(r"\s+\bdash\b", re.I), " -"),
]


def without_spoken_punctuation(text: str) -> str:
    """Dictated punctuation words as the marks they stand for."""
    said = text
    for pattern, mark in _SPOKEN_MARKS:
        text = pattern.sub(mark, text)
    if text != said:
        for pattern, mark in _DICTATED_ONLY:
            text = pattern.sub(mark, text)
    return text


def clean_title(text: str) -> str:
    """A task title from leftover words: no dangling connectors, quotes or punctuation."""
    text = _SPACES.sub(" ", text).strip(" ,.;:!?-\u2013\u2014\"'")
    connectors = r"(?:to|by|on|for|at|due|and|with|from|until|before|the|a|an|that|which|is|are)"
    text = re.sub(rf"^(?:{connectors}\s+)+", "", text, flags=re.IGNORECASE)
    text = re.sub(rf"(?:\s+{connectors})+$", "", text, flags=re.IGNORECASE)
    return text.strip(" ,.;:!?-\u2013\u2014\"'")  # en and em dashes too: "lab report —"


def split_list(text: str) -> list[str]:
    """ "eggs, bread and butter" -> ["eggs", "bread", "butter"]; one item stays whole."""
    parts = [p.strip() for p in re.split(r"\s*(?:,|;|\band\b|&|\+|\bplus\b)\s*", text) if p.strip()]
    return parts or [text]


def ordinal(text: str) -> int | None:
    """ "the second one", "#2", "number 3", "3rd" -> 1-based position."""
    words = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "last": -1}  # fmt: skip
    m = re.fullmatch(
        r"(?:the\s+)?(?:(?P<word>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
        r"|last)|(?:#|no\.?\s*|number\s+)?(?P<num>\d{1,2})(?:st|nd|rd|th)?)"
        r"(?:\s+(?:one|task|item|todo))?",
        text.strip().lower(),
    )
    if not m:
        return None
    return words[m["word"]] if m["word"] else int(m["num"])


# Irregular past forms: "went for my run" names the task "Go for a run".
_BASE_FORMS = {"went": "go", "did": "do", "bought": "buy", "paid": "pay", "wrote": "write",
               "sent": "send", "made": "make", "took": "take", "got": "get", "ran": "run",
               "brought": "bring", "met": "meet", "gave": "give", "found": "find",
               "sold": "sell", "told": "tell", "drove": "drive", "swept": "sweep",
               "fed": "feed", "rang": "ring", "spoke": "speak", "saw": "see"}  # fmt: skip


def base_form(phrase: str) -> str:
    """The phrase with its first word in the present: "went for my run" -> "go for my run"."""
    first, _, rest = phrase.partition(" ")
    base = _BASE_FORMS.get(first.lower())
    return f"{base} {rest}".strip() if base else phrase


# Words that never name a task: the small words of a sentence, and what is said about a task
# (its state, when) rather than what it is. Shared by statements.py and matching.py.
_NAMES_NO_TASK = """
    a an the my our your his her their its it this that these those them they i we you he
    she me us of to for on in at by with from about into onto over up off out back and or but so
    then now just already finally still again actually really also too very all both any some
    is are was were be been being am has have had do does did done not no never yet after
    ever can could would will should must shall may might gotta have to need needs needed want
    wanted finish finished complete completed sorted task tasks todo thing things one ones
    today tonight yesterday tomorrow morning afternoon evening night week earlier later
    turns turned out looks look looked great good fine nice ok okay well lol haha yes yeah
    please thanks thank close closed marked tick ticked check checked cross crossed
    mistake accident by wait oh hey hi hello sure so what which how why when there here
    off it's i've i'm we've ive im"""
NAMES_NO_TASK = set(_NAMES_NO_TASK.split())

# "until friday it must be done", "the report has to be finished by monday": still to do, so
# never a report that it is done, and "it must be done" alone names no task
OBLIGED = re.compile(
    r"\b(?:must|has to|have to|needs? to|should|ought to|got to|gotta|is to|are to)\s+be\s+"
    r"(?:done|finished|completed?|sorted|ready|submitted|sent|paid)\b",
    re.I,
)

# Irregular past forms and participles -> the verb a task title uses.
IRREGULAR_PAST = {"went": "go", "gone": "go", "did": "do", "done": "do", "bought": "buy",
                  "paid": "pay", "wrote": "write", "written": "write", "sent": "send",
                  "made": "make", "took": "take", "taken": "take", "got": "get", "gotten": "get",
                  "brought": "bring", "met": "meet", "gave": "give", "given": "give",
                  "found": "find", "sold": "sell", "told": "tell", "drove": "drive", "fed": "feed",
                  "rang": "ring", "rung": "ring", "spoke": "speak", "saw": "see", "seen": "see",
                  "had": "have", "ate": "eat", "eaten": "eat", "left": "leave", "kept": "keep",
                  "came": "come", "ran": "run", "read": "read", "put": "put", "swept": "sweep",
                  "hung": "hang", "dug": "dig", "won": "win", "broke": "break",
                  "broken": "break"}  # fmt: skip
_NOT_PAST = {"need", "feed", "seed", "speed", "bed", "red", "shed", "weed", "breed", "exceed",
             "proceed", "succeed", "wed", "bleed", "embed", "shred", "sled", "hundred",
             "indeed", "tired", "scared", "bored", "worried", "excited", "supposed", "used",
             "interested"}  # fmt: skip


def is_past(word: str) -> bool:
    """A past form or participle ("washed", "paid"): what was done, never the thing itself."""
    w = word.lower()
    if w in IRREGULAR_PAST and w not in {"read", "put", "done"}:
        return True
    return w.endswith("ed") and len(w) > 4 and w not in _NOT_PAST
