"""Understanding one message: what the user wants (an ``Intent``) and the details they gave.

Commands are recognised by how the sentence starts ("add", "mark … done", "move … to"),
after politeness is stripped and typos in command words are fixed. Quoted text is taken
literally and never read as a command: ``add "delete everything"`` adds a task by that name.
To teach it a new phrasing, add a pattern to the intent's list below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from backend.assistant.offline.dates import find_date
from backend.assistant.offline.language import clean_title, fix_typos, normalise, split_list

QUOTE = "\u2063Q{}\u2063"  # the n-th quoted text, hidden while the command is parsed
_QUOTE_RX = re.compile("\u2063Q(\\d+)\u2063")
_QUOTED = re.compile(r'"([^"]+)"|\u201c([^\u201d]+)\u201d|(?<!\w)\'([^\']{2,}?)\'(?!\w)')


@dataclass
class Details:
    priority: str | None = None
    due: date | None = None
    clear_due: bool = False
    tags: list[str] = field(default_factory=list)
    description: str | None = None


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


@dataclass
class Intent:
    kind: str  # add update complete reopen delete list confirm decline greet thanks help
    items: list[str] = field(default_factory=list)  # titles to add, or words naming tasks
    details: Details = field(default_factory=Details)
    item_details: list[Details] = field(default_factory=list)  # add: each task's own details
    new_title: str | None = None
    add_tags: bool = True  # tags given to update are added (False: replace)
    filter: ListFilter = field(default_factory=ListFilter)
    everything: bool = False  # "all", "everything": every task the filter selects
    # "rent is paid, mark it done": the other clause names what "it" is.
    alt_subject: str | None = None


def _rx(*patterns: str) -> list[re.Pattern[str]]:
    return [re.compile(p, re.IGNORECASE) for p in patterns]


_ARTICLE = r"(?:(?:a|an|the|another|new|one more|some)\s+)*"
_TASK_WORD = r"(?:tasks?|todos?|to-?dos?|items?|reminders?|entry|entries)"
_MY_LIST = (
    r"(?:\s+(?:on|to|in|into|onto|from|off)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?list)$"
)

_YES_WORDS = (r"(?:y|ya+|yes+|yeah+|yep+|yup+|yea+|sure|ok|okay|confirm(?:ed)?|correct|right|"
              r"absolutely|definitely|of course|do it|go ahead|go for it|please do|affirmative|"
              r"sounds good|that is right|yes please|i am sure|100%|yes i am sure|go on|carry on|proceed|"
              r"yes go on|do it please|bin it|delete away)")  # fmt: skip
# After a yes, these still only confirm: "yes, delete it please".
_YES_MORE = (
    rf"(?:{_YES_WORDS[3:-1]}|delete it|delete them|remove it|remove them|please|thanks|thank you)"
)
_NO_WORDS = (r"(?:n|no|nope|nah|cancel|don'?t|do not|stop|never ?mind|nvm|keep (?:it|them)|"
             r"not now|hold on|forget it|abort|negative|leave it|no thanks|no thank you|"
             r"don'?t delete(?: it| them)?|do not delete(?: it| them)?|changed my mind|"
             r"actually no|i changed my mind)")  # fmt: skip
YES = _rx(rf"^{_YES_WORDS}(?:[\s,!.]+{_YES_MORE})*$")
NO = _rx(rf"^{_NO_WORDS}(?:[\s,!.]+(?:{_NO_WORDS[3:-1]}|wait|hang on|thanks|thank you))*$")
GREET = _rx(r"^(?:hi|hello|hey|hiya|howdy|yo|good (?:morning|afternoon|evening)|greetings|sup|"
            r"what'?s up)(?: there)?$",
            r"^(?:how are (?:you|u)|how'?s it going|how are things|how do you do)\b.*$")  # fmt: skip
THANKS = _rx(r"^(?:thanks?|thank you|thx|ty|cheers|great|awesome|perfect|nice|cool|"
             r"appreciate it|much appreciated)\b.*$")  # fmt: skip
HELP = _rx(r"^(?:help|\?|what can you (?:actually |really |even )?do|how does this work|what do you do|who are you|"
           r"what are you|how do i use (?:this|you)|commands|options|what can i (?:say|ask))\b")  # fmt: skip

DELETE = _rx(
    r"^(?:delete|remove|erase|drop|trash|scrap|bin|discard|get rid of|throw away|take out|"
    r"kill|nuke|wipe|clear|cancel|ditch|lose|strike|scratch|cross out|axe)\s+(?P<rest>.+)$",
    r"^(?:forget about|forget)\s+(?P<rest>.+)$",
    r"^i (?:don'?t|do not|no longer) (?:need|want) (?P<rest>.+?)(?: anymore| any more)?$",
    r"^(?P<rest>.+?) (?:can|should) (?:be|go) (?:deleted|removed)$",
)
REOPEN = _rx(
    r"^(?:reopen|re-open|uncheck|un-check|untick|un-tick|unmark|un-complete|uncomplete|undo|restore|bring back|reactivate|resurrect)\s+(?P<rest>.+)$",
    r"^(?:mark|set|flag|make|put|move|change|switch)\s+(?P<rest>.+?)\s+(?:back\s+)?(?:to|as|into)\s+(?:not done|undone|incomplete|pending|open|active|to ?do|unfinished)(?: again)?$",
    r"^(?:put|bring|move)\s+(?P<rest>.+?)\s+back(?:\s+(?:on|to|in)\s+(?:my|the)\s+(?:todo\s+|to-do\s+)?list)?$",
    r"^(?:mark|set|flag|make)\s+(?P<rest>.+?)\s+(?:as\s+)?(?:not done|undone|incomplete|not complete"
    r"|not completed|not finished|unfinished|pending|open|active|to ?do)(?: again)?$",
    r"^(?P<rest>.+?)\s+(?:is|are|was|were)(?: actually| still)?\s+(?:not (?:actually |really )?(?:done|finished|complete|completed)"
    r"|still pending|still open|incomplete|unfinished)(?: yet| after all)?$",
    r"^i (?:didn'?t|did not|haven'?t|have not) (?:actually |really |quite )?(?:finish|finished|complete|completed|done|do) (?P<rest>.+)$",
    r"^(?:not done|not finished|undo that|undo)$",
)
_PAST = (r"(?:finished|completed|did|done|bought|called|rang|phoned|paid|sent|cleaned|fixed|booked|"
         r"walked|submitted|wrote|written|read|took|made|got|sorted(?: out)?|handled|mailed|posted|"
         r"emailed|texted|picked up|dropped off|returned|renewed|ordered|washed|cooked|prepared|"
         r"reviewed|filed|printed|scheduled|watered|fed|visited|tidied|vacuumed|ironed|packed|"
         r"collected|replied to|answered|cancelled|canceled|changed|updated|uploaded|signed|"
         r"bought|went to|attended|practiced|practised|studied|repaired|replaced|checked)")  # fmt: skip
COMPLETE = _rx(
    r"^(?:mark|set|flag|make)\s+(?P<rest>.+?)\s+(?:as\s+)?(?:done|complete|completed|finished|off)$",
    r"^(?:cross|tick|check|strike|knock)\s+(?P<rest>.+?)\s+off(?:\s+(?:my|the)\s+list)?$",
    r"^(?:done|finished|completed|complete)\s*[:\-]\s*(?P<rest>.+)$",
    r"^(?P<rest>.+?)\s*(?:[:\-\u2013]|is|are)\s*(?:all\s+)?(?:done|finished|complete|completed)$",
    r"^(?:i am|i'?m|we are|we'?re)\s+(?:all\s+|finally\s+)?(?:done|finished|through) with\s+(?P<rest>.+)$",
    r"^(?:finished|completed|did|done)\s+(?:with\s+)?(?P<rest>.+)$",
    r"^(?P<rest>\S+(?:\s+\S+){0,4}?)\s+(?:all\s+)?(?:done|finished|completed)(?:\s+(?:now|already|today|earlier))?$",
    r"^(?:mark|set)\s+(?:as\s+)?(?:done|complete|completed|finished)\s*(?P<rest>.*)$",
    r"^(?:complete|finish|check off|check|tick off|tick|cross off|close|resolve|done with|"
    r"finished with|completed)\s+(?P<rest>.+?)(?:\s+(?:off|as done))?$",
    rf"^(?:i|we) (?:have |'ve )?(?:just |already |finally |now |actually )?{_PAST} (?P<rest>.+)$",
    r"^(?P<rest>.+?)\s+(?:is|are|was|were|'s)\s+(?:now\s+|all\s+)?(?:done|finished|complete|completed|taken care of)$",
    r"^(?P<rest>(?:it|that|this|that one|this one|them|those|all|both|all of them|both of them)) (?:are |is )?(?:done|complete|finished)(?: now| already)?$",
    r"^(?:done|finished|completed)$",
)
RENAME = _rx(
    r"^(?:rename|retitle|re-title|change the (?:title|name) of|change the (?:title|name) for)\s+"
    r"(?P<target>.+?)\s+(?:to|as|into)\s+(?P<new>.+)$",
    r"^(?:call|name)\s+(?P<target>it|that|this|that one|this one)\s+(?P<new>.+)$",
)
CHANGE = _rx(  # "change/update/set X to Y": Y says what changes (a date, a priority or a title)
    r"^(?:change|update|edit|modify|set|switch)\s+(?P<target>.+?)\s+(?:to|into)\s+(?P<new>.+)$",
)
CORRECTION = _rx(
    r"^(?:no,?\s*|wait,?\s*|sorry,?\s*|oops,?\s*)*(?:i meant|i mean|make that|change that to|correction:?)\s+(?P<new>.+)$"
)
MAKE = _rx(r"^(?:make|set|mark|have)\s+(?P<rest>.+)$")
RESCHEDULE = _rx(
    r"^(?P<rest>.+?)\s+(?:needs?|has|have)\s+(?:to be done|doing|to happen|to get done|to be finished|sorting)\s+.+$",
    r"^(?P<rest>.+?)\s+can wait(?:\s+(?:till|until|to|for))?\s+.+$",
    r"^(?:change|update|set|make|move)\s+(?P<rest>.+?)\s+so(?: that)?\s+(?:it|they)\s+(?:is|are|will be)\s+(?:due\s+)?.+$",
    r"^(?:make|set|move|put|change|push|schedule)\s+(?P<rest>it|that|this|them|those|that one|this one)\s+(?:to\s+|for\s+|due\s+|on\s+)?.+$",
    r"^(?:move|reschedule|push|postpone|delay|shift|bump|defer|put off|push back)\s+(?P<rest>.+)$",
    r"^(?:set|change|update|make)\s+(?:the\s+)?(?:due date|deadline|date)\s+(?:of|for|on)\s+(?P<rest>.+)$",
    r"^(?:make|set)\s+(?P<rest>.+?\s+due\s+.+)$",
    r"^(?P<rest>.+?)\s+(?:is|should be|needs to be)\s+(?:now\s+)?(?:due|done by|finished by)\s+.+$",
)
CLEAR_DUE = _rx(
    r"^(?:take|remove|drop|get)\s+(?:the\s+)?(?:due date|deadline|date)\s+off\s+(?:of\s+)?(?P<rest>.+)$",
    r"^(?:remove|clear|delete|drop|take off)\s+(?:the\s+)?(?:due date|deadline|date)\s+(?:from|of|for|on)\s+(?P<rest>.+)$",
    r"^(?P<rest>.+?)\s+(?:has|needs) no (?:due date|deadline)$",
)
PRIORITY = _rx(
    r"^(?:bump|move|put|set|change|drop|knock|raise|lower)\s+(?P<rest>.+?)\s+(?:down\s+|up\s+)?to\s+(?:a\s+)?(?P<p>high|low|medium|normal|top)(?:\s+priority)?$",
    r"^(?P<rest>.+?)\s+(?:is|are)\s+(?:now\s+)?(?:a\s+)?(?P<p>top|high|low|medium)\s+priority$",
    r"^(?:make|set|mark|change|flag)\s+(?P<rest>.+?)\s+(?:to\s+|as\s+)?(?:a\s+)?"
    r"(?P<p>not urgent|not important|high|low|medium|normal|top|urgent|important|critical)(?:\s+priority)?$",
    r"^(?:set|change|update|make)\s+(?:the\s+)?priority\s+(?:of|for|on)\s+(?P<rest>.+?)\s+(?:to\s+)?"
    r"(?P<p>high|low|medium|normal)$",
    r"^(?P<up>prioriti[sz]e|bump up|escalate|raise the priority of|raise priority of)\s+(?P<rest>.+)$",
    r"^(?P<down>deprioriti[sz]e|de-prioriti[sz]e|lower the priority of|lower priority of)\s+(?P<rest>.+)$",
    r"^(?!(?:add|create|new|remind|schedule|put|i need|i have|todo)\b)(?P<rest>.+?)\s+(?:is|are)\s+(?:now\s+|really\s+|very\s+|super\s+)?(?P<p>urgent|important|critical|high priority|low priority|not urgent|not important)$",
)
TAG = _rx(
    r"^(?:tag|label)\s+(?P<rest>it|that|this|them|those|that one|this one)\s+(?:as\s+|with\s+)?(?P<tags>#?[\w-]+(?:\s*(?:,|and|&)?\s*#?[\w-]+)*)$",
    r"^(?P<retag>change|switch|update|replace)\s+(?:the\s+)?(?:tags?|labels?)\s+(?:on|of|for)\s+(?P<rest>.+?)\s+(?:from\s+#?[\w-]+\s+)?to\s+(?P<tags>.+)$",
    r"^(?:tag|label|categori[sz]e|file)\s+(?P<rest>.+?)\s+(?:as|with|under|in|into)\s+(?P<tags>.+)$",
    r"^(?:add|put)\s+(?:the\s+)?(?:tags?|labels?)\s+(?P<tags>.+?)\s+(?:to|on)\s+(?P<rest>.+)$",
    r"^(?:add|put)\s+(?P<tags>#\S+(?:\s+#\S+)*)\s+(?:to|on)\s+(?P<rest>.+)$",
    r"^(?P<retag>retag|re-tag)\s+(?P<rest>.+?)\s+(?:as|with)\s+(?P<tags>.+)$",
)
NOTE = _rx(
    r"^(?:for|on|to)\s+(?P<rest>.+?),\s*(?:(?:add|put|write|attach|leave)\s+)?(?:a\s+|the\s+)?(?:note|description|comment|details?)\s*(?::|-|saying|that says|reading|of|that)?\s*(?P<note>.+)$",
    r"^(?:add|put|attach|write|leave)\s+(?:a\s+|the\s+)?(?:note|description|comment|details?)\s*(?::|-|saying|that says|reading)\s*(?P<note>.+)$",
    r"^(?:add|put|attach|write|leave|append)\s+(?:a\s+|the\s+)?(?:note|description|details?|comment)"
    r"\s+(?:to|on|for)\s+(?P<rest>.+?)\s*(?::|-|,|saying|that says|reading)\s*(?P<note>.+)$",
    r"^(?:note|description|details?) (?:for|on|to) (?P<rest>.+?)\s*:\s*(?P<note>.+)$",
    r"^(?:describe|annotate)\s+(?P<rest>.+?)\s*(?::|as|with)\s*(?P<note>.+)$",
)
ADD = _rx(
    r"^(?:note to self|memo|reminder|quick note)\s*[:\-]?\s*(?P<rest>.+)$",
    rf"^make\s+{_ARTICLE}{_TASK_WORD}\s*(?:[:\-]|to|for|that says|saying|called|named|about)?\s*(?P<rest>.+)$",
    r"^(?:i'?ve got|i have got|i'?ve gotta|i got)\s+(?:to\s+)?(?P<rest>.+)$",
    r"^(?:pop|stick|chuck|throw|slot|pencil|bung)\s+(?:in\s+)?(?P<rest>.+)$",
    rf"^(?:add|create|new|put|set up|schedule|jot down|write down|note down|log|enter|"
    rf"insert|save|capture|record|plan)\s+{_ARTICLE}(?:{_TASK_WORD}\s*)?(?:[:\-]|to|for|that says|"
    rf"saying|called|named|about|which is)?\s*(?P<rest>.+)$",
    r"^(?:remind me|remember|don'?t let me forget|do not let me forget|do not forget|make sure i|help me remember|"
    r"i must not forget|i mustn'?t forget|don'?t forget|i need a reminder|set a reminder)\s*"
    r"(?:to|about|that i need to|that i have to|that)?\s+(?P<rest>.+)$",
    r"^(?:i\s+)?(?:really\s+|still\s+|also\s+)?(?:need|have|got|must|should|gotta|ought|want|plan|"
    r"intend|'ve got|'ll need|will need|'d like)\s+(?:to\s+)?(?P<rest>.+)$",
    r"^(?:i'?m going to|im going to|i'?m gonna|i will|i'?ll|gotta|need to|have to|must)\s+(?P<rest>.+)$",
    rf"^(?:{_TASK_WORD}|new {_TASK_WORD}|to do)\s*[:\-]\s*(?P<rest>.+)$",
    r"^(?:can you |could you )?(?:please )?(?:add|put)\s+(?P<rest>.+?)" + _MY_LIST,
)
LIST = _rx(
    r"^(?:show|list|display|view|see|give|tell|read|print|get|fetch|check|bring up|pull up|open|"
    r"search|find|look for|look up|filter|remind me what)\b.*$",
    r"^(?:what|whats|what's|which|how many|how much|any|anything|is there|are there|do i have|"
    r"have i|did i|am i|is anything|has anything|do i|where|when)\b.*$",
    rf"^(?:my\s+)?(?:(?:\w+\s+){{0,2}}{_TASK_WORD}|(?:todo|to-do|task) list|list|agenda|schedule)$",
)
_STATUS_ALL = re.compile(r"\b(?:all|every|everything|entire|whole|both)\b", re.I)
_STATUS_DONE = re.compile(
    r"(?<!get )(?<!be )(?<!getting )\b(?:completed|done|finished|closed|checked off|ticked off|accomplished)\b",
    re.I,
)
_STATUS_OPEN = re.compile(r"\b(?:open|pending|left|remaining|outstanding|unfinished|to do|todo|incomplete|not done)\b", re.I)  # fmt: skip


_PRIORITY_WORDS = re.compile(
    r"(?:,?\s*(?:with\s+|at\s+|as\s+|,\s*)?(?:(?:it'?s|it is|this is|that'?s)\s+(?:very\s+|really\s+|super\s+|quite\s+)?)?(?:a\s+)?"
    r"(?:(?P<p>high|low|medium|normal|top)\s*-?\s*(?:priority|prio|pri)"
    r"|priority\s*(?:is\s+|of\s+|[:=]\s*)?(?P<p2>high|low|medium|normal)"
    r"|(?P<hi>urgent(?:ly)?|asap|a\.s\.a\.p\.?|important|critical|top priority|high-priority|!!+)"
    r"|(?P<lo>no rush|not urgent|whenever|someday|low-priority|when i can|at some point|eventually)))(?=\W|$)",
    re.IGNORECASE,
)
_HASHTAG = re.compile(r"(?:^|\s)#(?P<tag>[\w][\w-]{0,31})", re.UNICODE)
_TAG_PHRASE = re.compile(
    r"[,;]?\s*(?:and\s+)?(?:tag(?:ged)?|label(?:ed|led)?|categori[sz]ed?)\s+"
    r"(?:it\s+|them\s+|this\s+|as\s+|with\s+|under\s+)*(?:(?:the\s+)?tags?\s+)?"
    r"(?P<tags>[\w-]+(?:\s*(?:,|and|&)\s*[\w-]+)*)",
    re.IGNORECASE,
)
_LIST_AS_TAG = re.compile(
    r"\s+(?:to|on|in|into|onto)\s+(?:my|the)\s+(?P<tag>[\w-]+)\s+list\b", re.I
)
_NOTE = re.compile(
    r"(?:[,;.]\s*|\s+-\s+|\s+)(?:with\s+(?:a|the)\s+)?(?:note|notes|description|details|desc)\s*(?::|-|saying|that says)\s*(?P<d>.+)$"
    r"|\s*\((?P<paren>[^)]+)\)\s*$",
    re.IGNORECASE,
)
_TIME = re.compile(
    r"\s+(?P<t>(?:at|@|around|by)\s+\d{1,2}(?::\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|h)?|"
    r"(?:at\s+)?(?:noon|midnight)|\d{1,2}(?::\d{2})?\s*(?:am|pm))(?=\W|$)",
    re.IGNORECASE,
)
_NO_DUE = re.compile(r"\b(?:no (?:due date|deadline)|without (?:a )?(?:due date|deadline))\b", re.I)


def _priority_word(word: str) -> str:
    word = word.lower()
    if word in {"top", "urgent", "important", "critical", "high priority"}:
        return "high"
    if word in {"normal"}:
        return "medium"
    if word in {"not urgent", "not important", "low priority"}:
        return "low"
    return word


def _take_details(text: str, today: date) -> tuple[str, Details]:
    """Cut priority, due date, tags and a note out of the text; what is left is the title."""
    details = Details()
    if m := _NOTE.search(text):
        details.description = (m["d"] or m["paren"] or "").strip() or None
        text = text[: m.start()]
    if _NO_DUE.search(text):
        details.clear_due = True
        text = _NO_DUE.sub("", text)
    for m in list(_PRIORITY_WORDS.finditer(text))[:1]:
        if m["p"] or m["p2"]:
            details.priority = _priority_word(m["p"] or m["p2"])
        else:
            details.priority = "high" if m["hi"] else "low"
        text = text[: m.start()] + text[m.end() :]
    if m := _TAG_PHRASE.search(text):
        details.tags += [t for t in split_list(m["tags"]) if t.lower() not in {"it", "as"}]
        text = text[: m.start()] + text[m.end() :]
    if m := _LIST_AS_TAG.search(text):
        if m["tag"].lower() not in {"todo", "to-do", "task", "tasks"}:
            details.tags.append(m["tag"])
        text = text[: m.start()] + text[m.end() :]
    tags = [m["tag"] for m in _HASHTAG.finditer(text)]
    if tags:
        details.tags += tags
        text = _HASHTAG.sub(" ", text)
    if found := find_date(text, today):
        details.due = found.day
        text = text[: found.start] + " " + text[found.end :]
    # A time of day has no field of its own: keep it as the note rather than in the title.
    if m := _TIME.search(text):
        details.description = details.description or m["t"].strip()
        text = text[: m.start()] + text[m.end() :]
    details.tags = list(dict.fromkeys(t.lower() for t in details.tags))
    return text, details


_VERB_PARTICLES = {"up", "out", "off", "in", "on", "down", "back", "over", "away"}


def split_tasks(title: str) -> list[str]:
    """ "buy eggs, bread and butter" -> three tasks, the verb shared; one task stays whole."""
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


_SEGMENTS = re.compile(
    r"\s*(?:,\s*)?\band also\b\s*|\s*;\s*|\s*,?\s*\bplus\b\s*|\s*,\s*also\s+|\.\s+(?:and\s+)?(?:also\s+)?",
    re.IGNORECASE,
)


def _segments(rest: str, today: date) -> list[str]:
    """Parts of a message that are tasks of their own: "X tomorrow and also Y on sunday"."""
    parts = [p for p in _SEGMENTS.split(rest) if p and p.strip()]
    out = []
    for part in parts:
        halves = re.split(r"\s+and\s+", part)
        if len(halves) > 1 and all(find_date(h, today) for h in halves):
            out += halves  # "vet on friday and car wash on saturday"
        else:
            out.append(part)
    return out


_ON_MY_LIST = re.compile(
    r"\s+(?:on|to|in|into|onto)\s+(?:my|the)\s+(?:todo\s+|to-do\s+|task\s+)?(?:list|tasks|todos)\b",
    re.I,
)


def _titles(rest: str, today: date) -> tuple[list[str], Details, list[Details]]:
    rest = _ON_MY_LIST.sub("", rest)
    rest = re.sub(
        rf"^(?:(?:\w+|\d+)\s+(?:more\s+)?{_TASK_WORD}\s*[:\-]?\s*)", "", rest, flags=re.IGNORECASE
    )
    rest = re.sub(
        r"^(?:remember|remind me|don'?t forget|do not forget)\s+to\s+", "", rest.strip(), flags=re.I
    )
    titles: list[str] = []
    per_task: list[Details] = []
    for segment in _segments(rest, today):
        text, details = _take_details(segment, today)
        for title in split_tasks(clean_title(text)):
            if clean_title(title):
                titles.append(clean_title(title))
                per_task.append(details)
    return titles, (per_task[0] if per_task else Details()), per_task


def _subjects(rest: str) -> list[str]:
    """Words naming a task: only articles and "task" trimmed ("by" may be a typo of "buy")."""
    rest = _CUT_CLAUSE.sub("", rest.strip())
    rest = re.sub(r"\s+(?:so\s+)?(?:you|u)\s+can\s+.*$", "", rest, flags=re.I)
    rest = re.sub(
        r"\s+(?:earlier|today|yesterday|this morning|this afternoon|last night|just now|already)$",
        "",
        rest,
        flags=re.I,
    )
    rest = re.sub(_MY_LIST, "", rest, flags=re.IGNORECASE)
    rest = re.sub(rf"\s+(?:{_TASK_WORD}|one|thing|stuff)$", "", rest, flags=re.IGNORECASE)
    rest = re.sub(r"\s+(?:as\s+)?(?:done|complete|completed|finished)$", "", rest, flags=re.I)
    rest = re.sub(
        r"^(?:(?:the|a|an|my|that|this)\s+)+(?=\S)", "", rest.strip(" ,.;:!?\"'"), flags=re.I
    )
    return [rest] if rest else []


def _with_quotes(text: str, quoted: list[str]) -> str:
    return _QUOTE_RX.sub(lambda m: quoted[int(m.group(1))], text)


def _hide_quotes(message: str) -> tuple[str, list[str]]:
    quoted: list[str] = []

    def hide(m: re.Match[str]) -> str:
        quoted.append((m.group(1) or m.group(2) or m.group(3)).strip())
        return QUOTE.format(len(quoted) - 1)

    return _QUOTED.sub(hide, message), quoted


_NOT_TAGS = {"open", "pending", "completed", "done", "finished", "todo", "all", "overdue",
             "remaining", "current", "other", "high", "low", "urgent", "important", "old", "new",
             "latest", "recent", "to-do", "task", "list", "show", "my", "the", "any", "some",
             "outstanding", "upcoming", "today's", "tomorrow's", "priority", "unfinished", "which",
             "what", "how", "many", "these", "those", "your", "our", "every", "more"}  # fmt: skip


_VAGUE_VERBS = {"do", "finish", "complete", "get", "work", "handle", "be", "start"}


def _list_filter(text: str, today: date) -> ListFilter:
    f = ListFilter()
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
    elif re.search(r"\b(?:tomorrow|tmrw|tmr)\b", lower):
        f.due = "tomorrow"
    elif re.search(r"\b(?:this week|the week|next (?:7|seven) days|coming days|week)\b", lower):
        f.due = "week"
    elif found := find_date(lower, today):
        f.due_on = found.day
    if m := _PRIORITY_WORDS.search(lower):
        f.priority = _priority_word(m["p"] or m["p2"] or ("high" if m["hi"] else "low"))
    if m := _HASHTAG.search(text):
        f.tag = m["tag"].lower()
    elif m := re.search(
        r"\b(?:tagged|labell?ed|under|category|in the)\s+(?:as\s+|with\s+)?#?([\w-]+)", lower
    ):
        f.tag = m.group(1) if m.group(1) not in _NOT_TAGS else None
    elif m := re.search(
        r"\bwith (?:the |a )?(?:tag|label) #?([\w-]+)|\bwith (?:the |a )?#?([\w-]+) (?:tag|label)\b",
        lower,
    ):
        f.tag = m.group(1) or m.group(2)
    elif (
        m := re.search(r"\b([\w-]+)\s+(?:tasks|todos|stuff|items|things|list|jobs|bits)\b", lower)
    ) and m.group(1) not in _NOT_TAGS:
        f.word_tag = m.group(1)
    if m := re.search(
        r"\b(?:about|regarding|related to|relating to|concerning|mention(?:ing|s)?|containing|"
        r"with the words?|called|named|involving|on the topic of|to do with|search for|look for|"
        r"find|that says|matching)\s+(?P<t>.+)$",
        text,
        re.IGNORECASE,
    ):
        topic = clean_title(re.sub(r"\b(?:in (?:it|them|the title))\b", "", m["t"]))
        topic = re.sub(rf"\s+{_TASK_WORD}$", "", topic, flags=re.I)
        if topic and topic.lower() not in {"today", "tomorrow", "this week", "me", "now", "later"}:
            f.text = topic
    elif (
        m := re.search(
            r"\b(?:need|have|got|gotta|must|anything|something|stuff|things?) to (?P<verb>[a-z]+)\b(?! done)",
            lower,
        )
    ) and m["verb"] not in _VAGUE_VERBS:
        f.text = m["verb"]  # "what do I need to buy?"
    f.count_only = bool(re.search(r"\bhow many\b", lower))
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
    ]
)
_CLAUSE = re.compile(
    r"\s*(?:,|;|\s[-\u2013]\s|\.\s|!\s|\bso\b|\band then\b|\bthen\b|\bbut\b)\s*", re.I
)
_CUT_CLAUSE = re.compile(
    r"(?:,|;|\s[-\u2013]\s|\s+so\s+|\s+and\s+(?=(?:move|make|set|mark|put|tag|change|push|reschedule)\b))\s*"
    r"(?:put|mark|move|make|set|can|could|please|pls|just|and|you|then|it|tag|change|push|reschedule|thanks)\b.*$",
    re.I,
)
_PRONOUN_SUBJECT = re.compile(r"^(?:it|that|this|that one|this one|them|those|both)$", re.I)


_COMMAND_START = re.compile(
    r"^(?:make|mark|move|set|change|delete|remove|tick|cross|check|put|push|reschedule|rename|"
    r"tag|untick|uncheck|reopen|complete|finish|scratch|drop|bump|prioriti[sz]e|cancel)\b",
    re.IGNORECASE,
)


def understand(message: str, today: date) -> Intent:
    command, quoted = _hide_quotes(message)
    text = normalise(fix_typos(command))
    if not text or _QUOTE_RX.fullmatch(text):
        return Intent("add", quoted) if quoted else Intent("help")
    clauses = [normalise(c) for c in _CLAUSE.split(text) if c and c.strip()]
    clauses = [c for c in clauses if c]
    # "the garage isn't that important tbh, make it low priority": the command is the clause
    # that starts like one; the rest of the message says what "it" is.
    commands = [c for c in clauses[1:] if _COMMAND_START.match(c)] if len(clauses) > 1 else []
    intent = (
        _understand(commands[-1], quoted, today) if commands else _understand(text, quoted, today)
    )
    chat = {"help", "greet", "thanks", "confirm", "decline"}
    if commands and intent.kind in chat:
        intent = _understand(text, quoted, today)
    if len(clauses) > 1 and (
        intent.kind == "help" or (intent.items and _PRONOUN_SUBJECT.match(intent.items[0]))
    ):
        read = [(_understand(c, quoted, today), c) for c in clauses]
        acting = [(i, c) for i, c in read if i.kind not in chat]
        if acting and intent.kind == "help":
            intent = acting[-1][0]
        chosen = next((c for i, c in read if i is intent), commands[-1] if commands else None)
        others = [c for i, c in read if c != chosen and i.kind not in {"confirm", "decline"}]
        same = [i for i, c in read if i.kind == intent.kind and i.items and c != chosen
                and not _PRONOUN_SUBJECT.match(i.items[0])]  # fmt: skip
        if intent.items and _PRONOUN_SUBJECT.match(intent.items[0]) and same:
            intent.items = same[-1].items  # "I don't need X anymore, delete it"
        elif intent.items and _PRONOUN_SUBJECT.match(intent.items[0]) and others:
            intent.alt_subject = _state_removed(_with_quotes(others[0], quoted))
    return intent


_STATE = re.compile(
    r"\s+(?:is|are|was|were|has been|have been)\s+(?:now\s+|all\s+)?(?:paid|done|finished|sorted|"
    r"complete|completed|booked|sent|handled|taken care of|over)$"
    r"|^(?:i|we)\s+(?:have\s+|'ve\s+)?(?:just\s+|finally\s+|already\s+)?"
    r"|^(?:did|done|finished) (?:that|it|this)$",
    re.I,
)


def _state_removed(clause: str) -> str:
    """What a clause is about: "the garage is not that important" -> "garage"."""
    subject = re.split(
        r"\s+(?:is|are|was|were|has|have|needs?|can|should)\b",
        _STATE.sub("", clause.strip()),
        maxsplit=1,
    )[0]
    return clean_title(re.sub(r"^(?:the|a|an|my)\s+", "", subject.strip(), flags=re.I))


def _details_from(new: str, today: date) -> tuple[str, Details]:
    leftover, details = _take_details(new, today)
    return clean_title(
        re.sub(r"^(?:due|for|to|on|at|by|until|till)\s+", "", leftover.strip())
    ), details


def _understand(text: str, quoted: list[str], today: date) -> Intent:
    def literal(s: str) -> str:
        return _with_quotes(s, quoted)

    short = len(text.split()) <= 8
    if short and any(p.match(text) for p in YES):
        return Intent("confirm")
    if short and any(p.match(text) for p in NO):
        return Intent("decline")
    if any(p.match(text) for p in GREET):
        return Intent("greet")
    if any(p.match(text) for p in HELP):
        return Intent("help")
    if re.match(r"^(?:no|nope|nah|wait)\s*,\s*", text, re.I):  # "no, that's not done yet"
        return _understand(re.sub(r"^(?:no|nope|nah|wait)\s*,\s*", "", text), quoted, today)

    if m := re.match(
        r"^(?:is|are|was|do i have|have i got|did i(?: already| ever)?(?: do| finish| complete| get)?|"
        r"have i(?: already)?(?: done| finished| completed)?|when is|when are|when do i(?: have to)?(?: do)?)\s+"
        r"(?P<t>.+?)(?:\s+(?:still\s+)?(?:on|in)\s+(?:my|the|there)(?:\s+(?:list|tasks|todo list))?|\s+on there|\s+done|\s+yet|\s+due)?\??$",
        text,
        re.IGNORECASE,
    ):
        topic = _subjects(literal(m["t"]))
        vague = r"^(?:there|anything|any|something|i|it|that)\b|\b(?:due|overdue|late|slip|behind|priority|tagged)\b"
        if topic and not re.search(vague, topic[0], re.I):
            return Intent("list", filter=ListFilter(status="all", text=topic[0]))
    # Questions about the list come first: "which tasks are low priority?" asks, it does not set.
    if re.match(r"^(?:what|whats|which|how many|do i|did i|have i|am i|are there|is there|tell me|let me know|remind me what|"
                r"any|anything|show|list|search|find|look for|display|view)\b", text, re.I) and not re.match(
        r"^(?:find|look for) (?:and|then) ", text, re.I
    ):  # fmt: skip
        return Intent("list", filter=_list_filter(literal(text), today))

    if m := _first(CORRECTION, text):  # "no wait, I meant thursday": fix what was just said
        leftover, details = _details_from(literal(m["new"]), today)
        if details.due or details.priority or details.tags:
            return Intent("update", ["it"], details=details)
        return Intent("update", ["it"], new_title=clean_title(literal(m["new"])))
    if (
        (m := _first(MAKE, text))
        and not re.match(
            r"^(?:make|set)\s+(?:a|an|the)?\s*(?:new\s+)?(?:task|todo|reminder)\b", text, re.I
        )
        and not re.search(r"\s(?:as\s+)?(?:done|complete|completed|finished)$", text, re.I)
    ):
        # "make the passport thing high priority and due friday"
        leftover, details = _details_from(literal(m["rest"]), today)
        leftover = re.sub(r"\s+(?:and|as|to|due)$", "", leftover.strip(), flags=re.I)
        if (details.due or details.priority or details.tags) and leftover:
            return Intent("update", _subjects(leftover), details=details)
    if m := _first(RENAME, text):
        new = literal(m["new"])
        tail = re.search(r"\s+and\s+(?:move|reschedule|make|set|push|tag|mark)\s+(?:it\s+)?(?P<t>.+)$", new, re.I)  # fmt: skip
        details = _take_details(tail["t"], today)[1] if tail else Details()
        new = new[: tail.start()] if tail else new
        return Intent("update", _subjects(literal(m["target"])), details=details,
                      new_title=clean_title(new))  # fmt: skip
    if re.match(r"^(?:note to self|memo|quick note)\b", text, re.I) and (m := _first(ADD, text)):
        titles, details, each = _titles(literal(m["rest"]), today)
        return Intent("add", titles, details, item_details=each) if titles else Intent("help")
    if m := _first(NOTE, text):
        intent = Intent("update", _subjects(literal(m.groupdict().get("rest") or "it")))
        intent.details.description = literal(m["note"]).strip()
        return intent
    if m := _first(CLEAR_DUE, text):
        intent = Intent("update", _subjects(literal(m["rest"])))
        intent.details.clear_due = True
        return intent
    if m := _first(PRIORITY, text):
        p = "high" if m.groupdict().get("up") else "low" if m.groupdict().get("down") else m["p"]
        intent = Intent("update", _subjects(literal(m["rest"])))
        intent.details.priority = _priority_word(p)
        return intent
    if m := _first(TAG, text):
        intent = Intent(
            "update", _subjects(literal(m["rest"])), add_tags=not m.groupdict().get("retag")
        )
        words = literal(m["tags"]).replace("#", " ").replace(",", " ").split()
        intent.details.tags = [
            w.lower() for w in words if w.lower() not in {"and", "&", "tag", "tags"}
        ]
        return intent
    if m := _first(RESCHEDULE, text):
        rest, details = _take_details(m["rest"], today)
        if details.due is None and not details.clear_due and not details.priority:
            details = _take_details(text[m.end("rest") :], today)[1]  # "X is due on the 30th"
        if details.due is not None or details.clear_due or details.priority or details.tags:
            rest = re.sub(r"\s+(?:to|till|until|for|by|back to|back|out to|off to|off till)\s*$", "", rest.strip(), flags=re.I)  # fmt: skip
            rest = re.sub(r"\s+(?:is|should be|needs to be)\s+(?:now\s+)?(?:due|done by|finished by)\s*$", "", rest, flags=re.I)  # fmt: skip
            return Intent("update", _subjects(literal(rest)), details=details)
    if m := _first(REOPEN, text):
        return _act("reopen", literal(m.groupdict().get("rest") or "it"), today)
    if m := _first(CHANGE, text):
        target, new = literal(m["target"]), literal(m["new"])
        target = re.sub(r"^(?:the\s+)?(?:due date|deadline|date|title|name|priority)\s+(?:of|for|on)\s+", "", target, flags=re.I)  # fmt: skip
        leftover, details = _details_from(new, today)
        if (details.due or details.priority or details.tags) and not leftover:
            return Intent("update", _subjects(target), details=details)
        return Intent("update", _subjects(target), new_title=clean_title(new))

    if m := _first(REOPEN, text):
        return _act("reopen", literal(m.groupdict().get("rest") or "it"), today)
    if m := _first(DELETE, text):
        rest = literal(m["rest"])
        if re.fullmatch(r"(?:the\s+)?(?:due date|deadline)\b.*", rest, re.I):
            return Intent("help")
        return _act("delete", rest, today)
    if m := _first(COMPLETE, text):
        return _act("complete", literal(m.groupdict().get("rest") or "it"), today)

    if m := _first(ADD, text):
        if _QUOTE_RX.search(m["rest"]):  # a quoted title is taken word for word, never parsed
            _, details = _take_details(_ON_MY_LIST.sub("", _QUOTE_RX.sub(" ", m["rest"])), today)
            titles = [quoted[int(i)] for i in _QUOTE_RX.findall(m["rest"])]
            return Intent("add", [t[:1].upper() + t[1:] for t in titles], details)
        titles, details, each = _titles(literal(m["rest"]), today)
        if titles:
            return Intent("add", titles, details, item_details=each)
    if quoted and re.match(r"^(?:add|new|create|put|remind)\b", text, re.I):
        return Intent("add", quoted)
    if any(p.match(text) for p in LIST) or text.endswith("?"):
        return Intent("list", filter=_list_filter(literal(text), today))

    # A bare task: starts with a task verb ("buy eggs, bread and butter"), or carries a date,
    # a priority or a tag ("dentist friday").
    titles, details, each = _titles(literal(text), today)
    first_word = text.split()[0].lower() if text.split() else ""
    question = text.endswith("?") or first_word in {
        "how",
        "why",
        "who",
        "where",
        "when",
        "is",
        "are",
        "can",
        "could",
        "should",
        "would",
        "will",
        "do",
        "does",
    }
    if (
        titles
        and not question
        and len(text.split()) <= 16
        and (first_word in TASK_VERBS or details.due or details.priority or details.tags)
    ):
        return Intent("add", titles, details, item_details=each)
    if short and any(p.match(text) for p in THANKS):
        return Intent("thanks")
    return Intent("help")


def _first(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    return next((m for p in patterns if (m := p.match(text))), None)


_EVERYTHING = re.compile(
    r"^(?:(?:everything|every task|all tasks)\s+(?P<what3>(?:tagged|labell?ed|with|under)\s+.+)|"
    r"all|everything|every task|all (?:my |the |of my |of the )?(?P<what>.*?)(?:\s+(?:tasks?|todos?|items?))?|"
    r"(?:the\s+)?(?P<what2>completed|done|finished|overdue|old)\s+(?:tasks?|todos?|items?|ones)|"
    r"(?:my|the)\s+(?:whole|entire)\s+list|my list|the list)$",
    re.IGNORECASE,
)


_POINTING = re.compile(r"^(?:of\s+)?(?:those|these|them|the above|that|this)(?:\s+ones?)?$", re.I)
_SCOPE_WORDS = _NOT_TAGS | {"of", "tagged", "with", "tag", "label", "ones", "tasks", "task",
                            "things", "stuff", "items", "todos", "completed", "done", "finished",
                            "open", "pending", "everything", "as"}  # fmt: skip


def _act(kind: str, rest: str, today: date | None = None) -> Intent:
    intent = Intent(kind)
    whole = re.sub(_MY_LIST, "", rest.strip(" ,.;:!?"), flags=re.IGNORECASE)
    if m := _EVERYTHING.match(whole):
        what = (m["what"] or m["what2"] or m["what3"] or "").lower()
        if _POINTING.match(what):  # "all of those": the tasks just mentioned, not every task
            intent.items = ["them"]
            return intent
        intent.everything = True
        intent.filter = _list_filter(what, today or date.today())
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
        elif not (_STATUS_DONE.search(what) or _STATUS_OPEN.search(what)):
            intent.filter.status = "all"  # "delete all my tasks": done or not
        return intent
    intent.items = _subjects(rest)
    return intent
