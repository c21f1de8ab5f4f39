"""Changing a task: rename, re-date, re-prioritise, tag, note, clear the due date, and
corrections of what was just said. Several parsers, each placed in the registry's order."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from backend.assistant.offline import replies
from backend.assistant.offline.dates import add_months, describe, in_month_of
from backend.assistant.offline.intents import add
from backend.assistant.offline.intents.base import Message
from backend.assistant.offline.language import SENTENCE_STOP, VOCABULARY, clean_title
from backend.assistant.offline.matching import said_in_full, shares_a_word, stem
from backend.assistant.offline.parsing import (
    BULK_SCOPE,
    QUOTE_RX,
    TASK_VERBS,
    Details,
    Intent,
    details_from,
    fill_details,
    first_match,
    priority_word,
    rx,
    schedule_args,
    subjects,
    take_details,
    titles_in,
)
from backend.assistant.offline.statements import named_by_a_word, referred
from backend.assistant.offline.targets import (
    LOOKUP_LIMIT,
    PRONOUN,
    Decision,
    ToolCall,
    Turn,
    carries,
    failures,
    find_targets,
    has_word,
    lookup,
)
from backend.assistant.offline.times import CLEAR_REPEAT, CLEAR_TIME, find_time
from backend.assistant.offline.titles import FILLER_WORDS, is_told, names_no_task, says_add

RENAME = rx(
    r"^(?:mind\s+)?(?:renam(?:e|ing)|retitl(?:e|ing)|re-title|change the (?:title|name) of|change the (?:title|name) for)\s+"
    r"(?P<target>.+?)\s+(?:to|as|into)\s+(?P<new>.+)$",
    r"^(?:call|name|rename|retitle)\s+(?P<target>it|that|this|that one|this one)\s+(?P<new>.+)$",
    # "rename to Call Dr Hussain", "change the name to …": no task said, the last one meant
    r"^(?:renam(?:e|ing)|retitl(?:e|ing)|change the (?:title|name))(?P<target>)\s+(?:to|as)\s+(?P<new>.+)$",
    # "the title of the dentist task should be Dentist checkup", "X should be called Y"
    r"^(?:the\s+)?(?:title|name)\s+(?:of|for|on)\s+(?P<target>.+?)\s+(?:should be|must be|is now|needs to be)\s+(?P<new>.+)$",
    r"^(?P<target>.+?)\s+(?:should|must)\s+be\s+(?:called|named|renamed(?:\s+to)?|titled)\s+(?P<new>.+)$",
    # "the coach one should say email the swim coach": only "the … one/task" (never "the
    # insurance notes should say …": a note)
    r"^(?P<target>(?:the|my)\s+\S+(?:\s+\S+)?\s+(?:one|task))\s+(?:should|must|needs? to)\s+(?:say|read)\s*:?\s+(?P<new>.+)$",
    # "call the gym one Go swimming instead": only "the … one/task", never "call the plumber …"
    r"^(?:call|name)\s+(?P<target>the\s+\S+(?:\s+\S+)?\s+(?:one|task|thing))\s+(?P<new>.+)$",
    # "make the gym task say Go for a run", "I'd like the lawn task to say Mow the front lawn"
    r"^(?:make|have|let|i'?d like|i would like|i want)\s+(?P<target>.+?)\s+(?:to\s+)?"
    r"(?:say|read|be called|be named|be titled)\s*:?\s+(?P<new>.+)$",
    # "update the 'Call Jim' task so that it says 'Call Jim about the fence'"
    r"^(?:updat(?:e|ing)|chang(?:e|ing)|edit(?:ing)?|fix|amend)\s+(?P<target>.+?),?\s+so\s+(?:that\s+)?"
    r"(?:it|the title|the name)\s+(?:says|reads|is called|is named|is titled)\s*:?\s+(?P<new>.+)$",
)
# The task named first, then the new title: "the cake task, call it Order the birthday cake",
# "the cake one: change the title to Pick up the cake". The new title runs to the end.
RENAME_NAMED_FIRST = rx(
    r"^(?P<target>[^,:;]+?)\s*(?:,|:|;|\s-)\s*(?:(?:call|name|rename|retitle)\s+(?:it|that|this)|"
    r"(?:change|update|set|make)\s+(?:the\s+|its\s+)?(?:title|name))(?:\s+(?:to|as|into))?\s*:?\s+(?P<new>.+)$",
)
# "… instead", "… instead of water the garden": the old title, never part of the new one
# "… to book a table at Nonna's instead (,) same day": the day kept, said after the new title
_SAME_WHEN = r"(?:[,\s]+(?:(?:on|for|at)\s+)?(?:the\s+)?same\s+(?:day|date|time|day and time))"
_INSTEAD_TAIL = re.compile(
    rf"(?:[,\s]+(?:instead(?:\s+of\s+.+?)?|rather than\s+.+?){_SAME_WHEN}?|{_SAME_WHEN})[.!]*$",
    re.I,
)
# "…, I misheard the name", "… - typo sorry": why the title changes, said after a break; a
# clause of its own (its subject a pronoun, or an apology), never part of the new title.
_REASON_TAIL = re.compile(
    r"\s*(?:[,;.]|\s-)\s+(?:i|i'm|i've|im|we|we've|it|it's|its|that|that's|this|there|my|"
    r"sorry|typo|oops|whoops|misheard|misspelled|spelled|wrong)\b.*$",
    re.I,
)


def _new_title(msg: Message, said: str) -> str:
    """The new title as said, without the reason or the old title after it."""
    return _INSTEAD_TAIL.sub("", _REASON_TAIL.sub("", msg.literal(said)))


def _title_said(new: str) -> str:
    """A new title without "instead" or "same day" after it (when words are left)."""
    kept = clean_title(_INSTEAD_TAIL.sub("", new))
    return kept if kept and not names_no_task(kept) else clean_title(new)


CHANGE = rx(  # "change/update/set X to Y": Y says what changes (a date, a priority or a title)
    r"^(?:mind\s+)?(?:chang(?:e|ing)|updat(?:e|ing)|edit(?:ing)?|modify|set|switch|swap)\s+(?P<target>.+?)\s+(?:over\s+)?(?:to|into)\s+(?P<new>.+)$",
)

CORRECTION = rx(
    r"^(?:no,?\s*|wait,?\s*|sorry,?\s*|oops,?\s*)*(?:i meant|i mean|make that|change that to|correction:?)\s+(?P<new>.+)$"
)
# "no sorry, is wednesday not tuesday": a correction that only says attributes again.
BARE_CORRECTION = re.compile(
    r"^(?:(?:no|nope|sorry|oops|wait|actually)[,!.]?\s+)+(?:(?:it|that)\s+)?(?:is\s+|should be\s+)?"
    r"(?P<new>.+)$",
    re.I,
)

MAKE = rx(r"^(?:make|set|mark|have)\s+(?P<rest>.+)$")

# A subject said first is one sentence: "add X? It needs to be done by Friday" asks no change.
_SUBJECT = rf"(?P<rest>(?:(?!{SENTENCE_STOP}\s).)+?)"

RESCHEDULE = rx(
    rf"^{_SUBJECT}\s+(?:needs?|has|have)\s+(?:to be done|doing|to happen|to get done|to be finished|sorting)\s+.+$",
    # "X can wait till friday", "expense claims can slip to the end of the month"
    r"^(?P<rest>.+?)\s+(?:can|could|may)\s+(?:wait|slip|slide)(?:\s+(?:till|until|to|for))?\s+.+$",
    r"^(?:change|update|set|make|move)\s+(?P<rest>.+?)\s+so(?: that)?\s+(?:it|they)\s+(?:is|are|will be)\s+(?:due\s+)?.+$",
    r"^(?:make|set|move|put|change|push|schedule)\s+(?P<rest>it|that|this|them|those|that one|this one)\s+(?:to\s+|for\s+|due\s+|on\s+)?.+$",
    # A fragment about the tasks just named: "both for fri", "them both to monday".
    r"^(?P<rest>both|them both|both of them|all of them|them|those|that one|this one)\s+(?:to|for|on|due|by)\s+.+$",
    r"^(?:move|reschedule|push|postpone|delay|shift|bump|defer|put off|push back|bring)\s+(?P<rest>.+)$",
    r"^(?:set|change|update|make)\s+(?:the\s+)?(?:due date|deadline|date)\s+(?:of|for|on)\s+(?P<rest>.+)$",
    r"^(?:make|set)\s+(?P<rest>.+?\s+due\s+.+)$",
    rf"^{_SUBJECT}\s+(?:is|should be|needs to be)\s+(?:now\s+)?(?:due|done by|finished by)\s+.+$",
    rf"^{_SUBJECT}\s+(?:should|must|needs to|has to)\s+be\s+(?:on|for|by)\s+.+$",
    # "the farrier needs to move to saturday" (never "I need to move to Berlin": a task to add)
    rf"^(?!(?:i|we|you|u)\s){_SUBJECT}\s+(?:(?:needs?|has|have|has got|have got|got|ought)\s+to\s+"
    r"(?:be\s+)?(?:move|moved|push|pushed|shift|shifted|rescheduled|changed|go|put off)|"
    r"needs?\s+(?:moving|pushing|shifting|rescheduling))\s+(?:back\s+)?(?:to|till|until|for|on)\s+.+$",
    # The task first, then the move: "groceries move to sat", "phone bill please move to the 20th".
    # No task named: "…, please change for the friday": "it", which the other clause names.
    r"^(?:change|move|push|reschedule|put|set|shift)\s+(?P<rest>it|that|this)?\s*(?:to|for|till|until|on)(?:\s+\S+){1,3}$",
    rf"^{_SUBJECT}\s+(?:please\s+)?(?:(?:got|has been|have been|was|were|is being|is|are)\s+)?(?:move|moves|moved|push|pushed|shift|shifted|reschedule|"
    rf"change|changed|goes|go)\s+(?:it\s+)?(?:back\s+)?(?:to|till|until|for|on)\s+.+$",
)

CLEAR_DUE = rx(
    r"^(?:take|remove|drop|get)\s+(?:the\s+)?(?:due date|deadline|date)\s+off\s+(?:of\s+)?(?P<rest>.+)$",
    r"^(?:remove|clear|delete|drop|take off)\s+(?:the\s+)?(?:due date|deadline|date)\s+(?:from|of|for|on)\s+(?P<rest>.+)$",
    r"^(?P<rest>.+?)\s+(?:has|needs) no (?:due date|deadline)$",
)

# "just became", "has become", "suddenly got", "is now": how a task's urgency is said to change
_BECAME = (
    r"(?:(?:has|have|'s|just|now|suddenly|all of a sudden|kind of|kinda)\s+)*"
    r"(?:became|become|becomes|got|gets|turned|went)(?:\s+(?:into|to))?"
)
PRIORITY = rx(
    r"^(?:bump|move|put|set|change|drop|knock|raise|lower)\s+(?P<rest>.+?)\s+(?:down\s+|up\s+|back\s+)?(?:to|on|at|as)\s+(?:a\s+)?(?P<p>high|low|medium|normal|top)(?:\s+priority)?$",
    r"^(?P<rest>.+?)\s+(?:is|are)\s+(?:now\s+)?(?:a\s+)?(?P<p>top|high|low|medium)\s+priority$",
    # a change of state said of a task: "the tax return just became top priority", "X has
    # become urgent", "X suddenly got really important" (only the task's name comes before)
    rf"^(?P<rest>.+?)\s+{_BECAME}\s+(?:(?:a|the|my|really|very|super|suddenly|now)\s+)*"
    r"(?P<p>top|high|low|urgent|important|critical)(?:\s+priority)?(?:\s+now)?$",
    # (never "make a task X …, very important": that adds X)
    r"^(?:make|set|mark|change|flag)\s+(?!(?:a|an|one|another|new)\s+(?:new\s+)?(?:task|todo|reminder)\b)"
    r"(?P<rest>.+?)\s+(?:(?:back|down|up)\s+)?(?:to\s+|as\s+)?(?:a\s+)?"
    r"(?P<p>not urgent|not important|high|low|medium|normal|top|urgent|important|critical)(?:\s+priority)?$",
    # "put it high": only of a task said before ("put X high" may be a task to add)
    r"^put\s+(?P<rest>it|that|this|them|that one|this one)\s+(?:as\s+)?(?:a\s+)?"
    r"(?P<p>high|low|medium|normal|top|urgent)(?:\s+priority)?$",
    r"^(?:set|change|update|make)\s+(?:the\s+)?priority\s+(?:of|for|on)\s+(?P<rest>.+?)\s+(?:to\s+)?"
    r"(?P<p>high|low|medium|normal)$",
    r"^(?P<up>prioriti[sz]e|bump up|escalate|raise the priority of|raise priority of)\s+(?P<rest>.+)$",
    r"^(?P<down>deprioriti[sz]e|de-prioriti[sz]e|lower the priority of|lower priority of)\s+(?P<rest>.+)$",
    r"^(?P<down>no (?:rush|hurry))\s+(?:on|for|with)\s+(?P<rest>.+)$",
    # never of a task said with its obligation: "I must (to) send X friday, is urgent" adds it
    r"^(?!(?:add|create|new|remind|schedule|put|todo|make\s+(?:a|an|one|another)\s+(?:new\s+)?(?:task|todo|reminder)|(?:i|we)\s+(?:need|have|must|should|gotta|got to|ought))\b)(?P<rest>.+?)\s+(?:is|are)\s+(?:now\s+|really\s+|very\s+|super\s+)?(?P<p>urgent|important|critical|high priority|low priority|not urgent|not important)(?:\s+now)?$",
    # "the shelf is not urgent anymore", "the shelf is no longer important": lowered
    r"^(?!(?:add|create|new|remind|schedule|put|todo)\b)(?P<rest>.+?)\s+(?:is|are)\s+(?P<down>(?:not|no longer)\s+(?:(?:that|so|very|really)\s+)?(?:urgent|important|pressing|a priority))(?:\s+(?:anymore|any more|any longer|now))?$",
    # the level first: "hi prio on the tax thing", "high priority for the visa please"
    r"^(?:make\s+it\s+|set\s+)?(?P<p>high|hi|low|lo|medium|normal|top)\s+(?:priority|prio|pri)\s+(?:on|for|to)\s+(?P<rest>.+)$",
)

TAG = rx(
    r"^(?:tag|label)\s+(?P<rest>that one|this one|them both|both of them|all of them|both|it|that|this|them|those)\s+(?:as\s+|with\s+)?(?!(?:the|my|of|these|those)\s)(?!.*\b(?:tasks?|ones|with|as)\b)(?P<tags>#?[\w-]+(?:\s*(?:,|and|&)?\s*#?[\w-]+)*)$",
    r"^(?P<retag>change|switch|update|replace)\s+(?:the\s+)?(?:tags?|labels?)\s+(?:on|of|for)\s+(?P<rest>.+?)\s+(?:from\s+#?[\w-]+\s+)?to\s+(?P<tags>.+)$",
    r"^(?:(?:also|and|then|now|pls|please)\s+)*(?:tag|label|categori[sz]e|file)\s+(?P<rest>.+?)\s+(?:as|with|under|in|into)\s+(?P<tags>.+)$",
    r"^(?:add|put)\s+(?:the\s+)?(?:tags?|labels?)\s+(?P<tags>.+?)\s+(?:to|on)\s+(?P<rest>.+)$",
    # the task first: "put to the shoes task the tag wedding", "add on the gym one the label health"
    r"^(?:add|put|give)\s+(?:to|on|onto)\s+(?P<rest>.+?)\s+(?:the\s+|a\s+)?(?:tags?|labels?)\s+(?P<tags>.+)$",
    r"^(?:add|put)\s+(?P<tags>#\S+(?:\s+#\S+)*)\s+(?:to|on)\s+(?P<rest>.+)$",
    r"^(?:add|put|stick)\s+(?:the\s+|a\s+)(?P<tags>#?[\w-]+)\s+(?:tag|label)\s+(?:to|on|onto)\s+(?P<rest>.+)$",
    r"^(?P<retag>retag|re-tag)\s+(?P<rest>.+?)\s+(?:as|with)\s+(?P<tags>.+)$",
    # no "as": "tag the fence weekend", "tag the fence one weekend" ("on"): the last word is
    # the tag, even a day ("tag the report friday"), and the words before name the task
    r"^(?:(?:also|and|then|now|pls|please)\s+)*(?:tag|label)\s+(?!(?:the|a|an|my|our)\s+\S+$)(?=\S+\s+\S+\s)(?P<rest>[^+&,]+?)(?<!\band)(?<!\bor)\s+(?:on\s+|one\s+)?"
    r"(?P<tags>#?[\w-]+)[.!]*$",
)

_NOTE_VERB = r"add|put|write(?:\s+down)?|jot(?:\s+down)?|note(?:\s+down)?|append|include|change|update|edit|set"
_NOTES_OF_TASK = r"(?:the\s+|my\s+)?(?!(?:a|an|the|my|its|their|some|any|more)\s)(?P<rest>(?:(?!\bnotes?\b|\band\s).)+?)(?<!\ba)(?<!\ban)(?:'s)?\s+(?:task\s+)?(?:notes?|description)"
_LITTLE = r"(?:(?:little|short|quick|small|brief|tiny)\s+)?"
NOTE = rx(
    # The note quoted after the task, in a sentence of its own: "add a little note to the speech
    # task? Just 'mention the canoe trip'. Thank you!" (what follows the quote is a remark)
    rf"^(?:add|put|attach|write|leave|append|make)\s+(?:a\s+|the\s+)?{_LITTLE}(?:note|comment)\s+(?:to|on|for|in)\s+"
    r"(?P<rest>.+?)\s*[?.!:,-]\s*(?:(?:just|simply|only|it should say|saying|say|like)\s*:?\s*)?"
    r"(?P<note>\u2063Q\d+\u2063)(?:\s*[.!]\s+.*)?[.!]*$",
    r"^(?:change|update|replace|edit|set)\s+(?:the\s+)?(?:notes?|description|comment|details?)\s+(?:on|of|for|in)\s+"
    r"(?P<rest>.+?)\s+(?:to|with)\s*:?\s*(?P<note>.+)$",
    r"^(?:for|on|to)\s+(?P<rest>.+?)(?:,\s*|\s+(?=(?:add|put|write|attach|leave)\s))(?:(?:add|put|write|attach|leave)\s+)?(?:a\s+|the\s+)?(?:note|description|comment|details?)\s*(?::|-|saying|that says|reading|of|that)?\s*(?P<note>.+)$",
    rf"^(?:add|put|attach|write|leave|make)\s+(?:a\s+|the\s+)?{_LITTLE}(?:note|description|comment|details?)\s*(?::|-|saying|that says|reading|that(?!\s+(?:says|reads)\b))\s*(?P<note>.+)$",
    rf"^(?:add|put|attach|write|leave|append|set|make)\s+(?:a\s+|the\s+)?{_LITTLE}(?:note|description|details?|comment)"
    r"\s+(?:to|on|for)\s+(?P<rest>.+?)\s*(?::|-|,|saying|that says|reading)\s*(?P<note>.+)$",
    r"^(?:a\s+)?(?:note|description|details?) (?:for|on|to) (?P<rest>.+?)\s*(?::|\s+saying|\s+that says)\s*(?P<note>.+)$",
    r"^(?:describe|annotate)\s+(?P<rest>.+?)\s*(?::|as|with)\s*(?P<note>.+)$",
    # "add oat milk to its notes", "put the gate code in the description of the party"
    r"^(?:add|put|write|append|include|jot)\s+(?P<note>.+?)\s+(?:to|in|into|on)\s+(?:its|it'?s|the|their)\s+"
    r"(?:notes?|description|details?|comments?)(?:\s+(?:of|for|on)\s+(?P<rest>[^,;.]+))?"
    r"(?:\s*[,;.]\s+.*)?$",  # "…, we ran out": the reason, never the note
    # The notes named by their task: "update the party notes, the budget is now 350",
    # "write in the vet task notes that …", "the insurance notes should say …", "bike notes - …"
    rf"^(?:(?:{_NOTE_VERB})\s+(?:in|into|to|under|on)\s+|(?:change|update|edit|set|replace)\s+){_NOTES_OF_TASK}\s*(?:,|:|\s-|\s+to\s*:?|\s+with\s*:?|"
    r"\s+that)\s*(?P<note>.+)$",
    # "put in the notes for the dentist that …", "add to the description of X that …",
    # "in the notes of X put that …", "notes for the flight: seat 14C"
    rf"^(?:(?:{_NOTE_VERB})\s+)?(?:in|into|to|under|on)?\s*(?:the\s+)?(?:notes?|description|details)\s+"
    rf"(?:for|of|on|about)\s+(?P<rest>.+?)\s*(?::|\s-|,|\s+that|\s+(?:{_NOTE_VERB})(?:\s+that|\s*:))\s*(?P<note>.+)$",
    # "add to the Nora gift task that she likes pottery", "put on the vet task: bring the card":
    # the word "task" ends the name, and what follows is the note
    r"^(?:add|put|write|append|jot(?:\s+down)?|note(?:\s+down)?)\s+(?:to|on|in|into|under)\s+(?P<rest>(?:the|my|our)\s+"
    r"(?:(?!\btasks?\b).)+?\s+task)\s*(?::|\s-|,|\s+that\b)\s*(?P<note>\S.*)$",
    # "add a note to the plumber task that the gate code is 2231"
    rf"^(?:add|put|attach|write|leave)\s+(?:a\s+|the\s+)?{_LITTLE}(?:note|comment)\s+(?:to|on|for)\s+(?P<rest>.+?)"
    r"\s+(?:that|saying)\s+(?P<note>.+)$",
    # dictated, with no pause: "add a note to it bring the printed agenda" (only after "it":
    # after a task's name nothing says where the name ends and the note begins)
    rf"^(?:(?:and|also|then|oh and)\s+)?(?:add|put|attach|write|leave|append)\s+(?:a\s+|the\s+)?{_LITTLE}"
    r"(?:note|comment)\s+(?:to|on|for)\s+(?P<rest>this one|that one|this task|that task|it|this|that)"
    r"\s+(?!(?:that|saying|and|too|as well|also|please|pls|now|then)\b)(?P<note>\w.+)$",
    # "jot down under the car service: …", "for the passport, jot down that …"
    rf"^(?:{_NOTE_VERB})\s+(?:under|for|on)\s+(?!(?:me|us|myself)\b)(?P<rest>.+?)\s*(?::|\s-|,|\s+that)\s*(?P<note>.+)$",
    rf"^(?:for|on|under)\s+(?P<rest>.+?),\s*(?:also\s+)?(?:{_NOTE_VERB})\s+(?:that\s*|:\s*)(?P<note>.+)$",
    # "gym session - note: locker 12", "car service: remember the code is 4411" (not
    # "remember to …": that is a task)
    r"^(?P<rest>[^:,-]+?)\s*(?:-|:|,)\s*(?:note|nb|fyi|remember(?!\s+to\b))\s*:?\s+(?:that\s+)?(?P<note>.+)$",
)

# No task named: "put in the notes his number is 555-0142", "write in its notes: side gate",
# "add to the description that …": the notes of the task in view ("it"). Only as a whole
# message: after an add ("add book the hotel, put in the notes that …") they are the new task's.
NOTE_FOR_IT = rx(
    rf"^(?:{_NOTE_VERB})(?:\s+down)?\s+(?:in|into|to|on)\s+(?:the|its|it'?s)\s+"
    r"(?:notes?|description|details)\b(?:\s+(?:for|of|on)\s+(?:it|this|that|this one|that one))?"
    r"(?:\s*:|\s+-|\s*,|\s+that\b)?\s*(?P<note>\S.*)$",
)

# No verb: "the insurance notes should say …", "bike repair notes - chain is rusty" (never a
# title with "notes" in it: "send thank-you notes, …", "write up notes: …" start with a verb).
# A verb first is a request with its own rule ("…, and put in the notes: …" is the new task's).
NOTES_SAID = rx(
    rf"^(?!(?:{_NOTE_VERB})\s){_NOTES_OF_TASK}\s*(?::|\s-|\s+(?:should|must)\s+(?:say|read|be)\s*:?)\s*(?P<note>.+)$",
)

_SWAP = re.compile(r"^(?P<right>[\w' -]+?),?\s+not\s+(?P<wrong>[\w' -]+?)[.!]?$", re.I)


# "…, please fix it", "…, can you correct that": the request said after the words
_FIX_IT = (
    r"(?:\s*[,;.!-]?\s*(?:(?:can|could|would)\s+(?:you|u)\s+|please\s+|pls\s+)?"
    r"(?:fix|correct|change|update)\s+(?:it|that|this)(?:\s+please|\s+pls)?)?[.!]*"
)
TYPO = rx(
    r"^(?:fix|correct)\s+(?:the\s+)?(?:typo|spelling|mistake|title|name)\s+(?:in|of|on)\s+(?P<rest>.+?),?"
    r"\s+(?:it\s+)?should be\s+(?P<right>[\w'-]+)$",
    r"^(?:it\s+)?(?:should be|is)\s+(?P<right>[\w'-]+),?\s+not\s+(?P<wrong>[\w'-]+),?\s+(?:in|on|for)\s+(?P<rest>.+)$",
    # "it's Cathy with a C, not Kathy - can you fix the email task"
    r"^(?:it\s+is\s+)?(?P<right>[\w'-]+)(?:\s+with\s+(?:an?|one|two|double|a double)\s+[a-z](?:'?s)?)?,?\s+not\s+"
    r"(?P<wrong>[\w'-]+)(?:,|\s+-)?\s+"
    r"(?:(?:can|could|would) you\s+|please\s+)?(?:fix|correct|change|update)\s+(?P<rest>.+)$",
    # "I spelled it wrong, the lease call is with John not Jon": the task, then the words
    r"^(?:.*?\b(?:wrong|typo|misspel\w*|mistake|spelling)\b[^,;:.!]*[,;:.!-]+\s+)?(?P<rest>.+?)\s+(?:is|are|was|should be)\s+"
    r"(?:with|for|to|from|about|at|by)\s+(?P<right>[\w'-]+),?\s+(?:and\s+)?not\s+(?:with\s+)?(?P<wrong>[\w'-]+)"
    rf"{_FIX_IT}$",
    # the task first, then the word: "the Jon email task - it's John with an h, not Jon, fix it"
    r"^(?P<rest>[^,:;]+?)\s*(?:,|:|;|\s-)\s*(?:it\s+is|its|should be|it should be)\s+(?P<right>[\w'-]+)"
    rf"(?:\s+with\s+(?:an?|one|two|double|a double|(?:only|just)\s+one)\s+\w+)?,?\s+(?:and\s+)?not\s+"
    rf"(?P<wrong>[\w'-]+){_FIX_IT}$",
    # the task first: "the lease call should say John not Jon"
    r"^(?P<rest>.+?)\s+(?:should|must)\s+(?:say|read|be|have)\s+(?P<right>[\w'-]+)"
    r",?\s+(?:and\s+)?not\s+(?P<wrong>[\w'-]+)$",
)


# A title said again with a slip put right: "I wrote the title wrong, it should be 'Buy
# flowers for anniversary'", "fix the spelling: Call the electrician". The title said is also
# how the task is found (a typo fix is close to the old title), so an unclear one asks.
_SLIP = (
    r"(?:typo|spelling|spelt|spelled|misspel\w*|wrong(?:ly)?|mistake|incorrect|not right|"
    r"(?:correct|right|proper)\s+(?:title|name)|"
    r"(?:wrote|typed|spelt|spelled)\s+(?:it\s+|the\s+\w+\s+)?(?:wrong|badly|incorrectly))"
)
TITLE_FIX = rx(
    r"^(?:.*?\b)?(?:(?:the\s+)?(?:title|name|it|that|this|correct\s+(?:title|spelling|one))\s+)?(?:should|must|has to|needs to)\s+"
    r"(?:be|say|read)\s*:?\s*(?P<new>.+)$",
    r"^(?:.*?\b)?(?:the\s+)?(?:correct|right|proper)\s+(?:title|name|spelling)\s+(?:is|would be)\s*:?\s*(?P<new>.+)$",
    r"^(?:.*?\b)?(?:fix|correct|change)\s+(?:the\s+)?(?:title|name|spelling|typo)(?:\s+(?:of|in|on)\s+(?:it|that|this))?"
    r"\s*(?:to|as|into|:)\s*(?P<new>.+)$",
    r"^(?:.*?\b)?(?:it\s+is\s+|it's\s+)?(?:spelt|spelled|written)\s+"
    r"(?!(?:(?:it|that|this|the\s+\w+|\w+)\s+)?(?:wrong|badly|incorrectly)\b)(?P<new>.+)$",
)


def parse_title_fix(msg: Message) -> Intent | None:
    text = msg.text
    if not (m := first_match(TITLE_FIX, text)):
        return None
    new = msg.literal(m["new"]).strip(" .!")
    quoted = bool(QUOTE_RX.search(m["new"]))
    if not (quoted or re.search(rf"\b{_SLIP}", text, re.I)):
        return None  # "it should be friday" is a date; a new title needs a cue or quotes
    rest, details = take_details(new, msg.today)
    if not quoted and (details.due or details.priority or details.schedule or not rest.strip()):
        return None
    if (len(new.split()) < 2 or re.fullmatch(r"\S+,?\s+not\s+\S+", new)) and not quoted:
        return None  # one word ("John, not Jon") is a word put right, not a whole title
    return Intent("update", [new], new_title=clean_title(new))


# A typo said to be there, but not which: "fix the typo in byu new headphones".
TYPO_UNSAID = rx(
    r"^(?:(?:can|could|would) you\s+)?(?:fix|correct|sort out|clean up)\s+(?:the\s+|a\s+|that\s+)?"
    r"(?:typos?|spelling(?:\s+mistakes?)?|misspellings?|spelling errors?)\s+(?:in|of|on)\s+(?P<rest>.+)$",
    r"^(?:there'?s|there is|i made|i have)\s+(?:a\s+)?(?:typo|spelling mistake|misspelling)\s+in\s+"
    r"(?P<rest>.+?)(?:[,;.]?\s+(?:pls\s+|please\s+)?(?:fix|correct)\s+(?:it|that)(?:\s+pls|\s+please)?)?$",
    r"^(?P<rest>.+?)\s+(?:has|have)\s+(?:a\s+)?(?:typo|spelling mistake)(?:\s+in\s+it)?"
    r"(?:[,;.]?\s+(?:pls\s+|please\s+)?(?:fix|correct)\s+(?:it|that)(?:\s+pls|\s+please)?)?$",
    r"^(?:i\s+)?(?:misspelled|misspelt|mistyped)\s+(?P<rest>.+?)(?:[,;.]?\s+(?:pls\s+|please\s+)?(?:fix|correct)\s+(?:it|that))?$",
)
# Words a slip is put right towards: the command words and the verbs tasks start with.
_KNOWN = sorted(
    {*VOCABULARY, *TASK_VERBS, "new", "the", "and", "for", "with", "from", "one", "task"}
)


def _slip(words: list[str]) -> tuple[str, str] | None:
    """The one word said that is a slip of a known word ("byu": "buy"), as (wrong, right)."""
    slips = []
    for word in words:
        lower = word.lower()
        if len(lower) < 3 or lower in _KNOWN or not lower.isalpha():
            continue
        found = process.extractOne(lower, _KNOWN, scorer=OSA.distance, score_cutoff=1)
        if found and abs(len(found[0]) - len(lower)) <= 1:
            slips.append((word, found[0]))
    return slips[0] if len(slips) == 1 else None


_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?m\.?)?", re.I)


def parse_typo_fix(msg: Message) -> Intent | None:
    """A word of a title put right: "fix the typo in 'cal the electrician', should be call",
    "it should be John, not Jon, in the call task". Only that word changes."""
    if not first_match(TYPO, msg.text) and (m := first_match(TYPO_UNSAID, msg.text)):
        target = msg.literal(m["rest"])
        slip = _slip(re.findall(r"[\w'-]+", target))
        # none: the title's slip of a word said, else we ask what
        return Intent("update", subjects(target) or ["it"], swap=slip, typo_in=target)
    if not (m := first_match(TYPO, msg.text)):
        return None
    target, right = msg.literal(m["rest"]), m["right"]
    wrong = m.groupdict().get("wrong")
    if any(
        (said := take_details(w, msg.today)[1]).due or said.time or _is_level(w)
        for w in (right, wrong or "")
    ):
        return None  # "X should be friday, not thursday": a date, not a word of the title
    if re.fullmatch(_CLOCK, right) and re.search(rf"\bat\s+{re.escape(right)}\b", msg.text, re.I):
        return None  # "the call is at 4 not 3": an hour, not a word of the title
    if wrong is None:  # the word of the title most like the right one
        words = re.findall(r"[\w'-]+", target)
        found = process.extractOne(right, words, scorer=fuzz.ratio) if words else None
        if found is None or found[0].lower() == right.lower():
            return None
        if found[1] < 60:  # no word said is like it: the title's word like it (a name put right)
            return Intent("update", subjects(target) or ["it"], name_fix=right)
        wrong = found[0]
    subject = subjects(target)
    if re.search(rf"\b{_SLIP}", target, re.I):
        subject = [wrong]  # "I misspelled it - it's Mateo, not Matteo": the task with that word
    elif subject and not re.search(rf"\b{re.escape(wrong)}\b", subject[0], re.I):
        subject = [f"{subject[0]} {wrong}"]  # "the call task" + "Jon": the task with that word
    return Intent("update", subject or ["it"], swap=(wrong, right))


# A name put right without the wrong one said: "typo, his name is Kowalski", "fix the typo in
# the lease email one, her name is Sarah". The title word most like the name changes.
NAME_FIX = rx(
    r"^(?:(?:fix|correct)\s+(?:the\s+)?(?:typo|spelling|name)(?:\s+(?:in|of|on)\s+(?P<rest>.+?))?|"
    r"(?:i\s+)?(?:made\s+a\s+)?(?:typo|misspel\w*|spelt it wrong|spelled it wrong|wrong spelling)(?:\s+(?:in|of|on)\s+(?P<rest2>.+?))?)"
    r"\s*[,;:.!-]+\s*(?:(?P<name>(?:his|her|their|its|the)\s+(?:(?:last|first|sur)\s*)?name\s+is|"
    r"it(?:'?s|\s+is)\s+(?:spelt|spelled|written)|"
    # "it's Kathrin with an h": the name with the letter the title lacks
    r"it(?:'?s|\s+is)(?=\s+[a-z][\w'-]+\s+with\s+(?:an?|one|two|double|a\s+double)\s+[a-z](?:'?s)?\b))|"
    r"(?:it\s+)?should be)\s+(?P<right>[a-z][\w'-]+)"
    r"(?:\s+with\s+(?:an?|one|two|double|a\s+double)\s+[a-z](?:'?s)?)?"
    r"(?:,?\s+not\s+(?P<wrong>[a-z][\w'-]+))?[.!]*$",
)
# A name spelt out with its letter and no typo word: "oops it's Steven with a v" just after
# "text Stephen about the BBQ". The letter says it is a spelling; the task is the one in view.
NAME_SPELT = re.compile(
    r"^(?:(?:it|that|he|she)\s+is|its)\s+(?P<right>[a-z][\w'-]+)\s+with\s+(?:an?|one|two|double|a\s+double)\s+"
    r"[a-z]{1,2}(?:'?s)?(?:,?\s+not\s+(?P<wrong>[a-z][\w'-]+))?[.!]*$",
    re.I,
)
# The right word said first, the wrong one after "not": "it's actually the plumber I need to
# call, not the electrician". Only the task with the wrong word, and only that word, changes.
NOT_THE = rx(
    r"^(?:it'?s|it is|it was)\s+(?:actually\s+|really\s+)?(?:the\s+|an?\s+)?(?P<right>[a-z]+)\b[^,;]*?"
    r",?\s+not\s+(?:the\s+|an?\s+)?(?P<wrong>[a-z]+)[.!]*$",
)


def parse_name_fix(msg: Message) -> Intent | None:
    if m := first_match(NAME_FIX, msg.text):
        rest = m["rest"] or m["rest2"]
        if rest and not m["name"] and not m["wrong"]:
            return None  # "fix the typo in X, should be call": parse_typo_fix's word
        subject = subjects(msg.literal(rest)) if rest else []
        if m["wrong"]:  # "the name is Kathrin, not Katrin": only the task with that word
            subject = [f"{subject[0]} {m['wrong']}"] if subject else [m["wrong"]]
            return Intent("update", subject, swap=(m["wrong"], m["right"]))
        return Intent("update", subject or ["it"], name_fix=m["right"])
    if m := NAME_SPELT.match(msg.text):
        if m["wrong"]:
            return Intent("update", [m["wrong"]], swap=(m["wrong"], m["right"]))
        return Intent("update", ["it"], name_fix=m["right"])
    if m := first_match(NOT_THE, msg.text):
        right, wrong = m["right"], m["wrong"]
        if any(take_details(w, msg.today)[1] != Details() or _is_level(w) for w in (right, wrong)):
            return None  # "it's friday, not thursday": a date
        return Intent("update", [wrong], swap=(wrong, right))
    return None


# A new name told as news: "they call it choir practice now, not rehearsal", "it's called
# the book club now not reading group", "it's choir practice now not rehearsal". Only the task
# with the old word(s) changes, and only those words (a tail like "so can you rename that one,
# everything else stays the same" asks nothing more; one that says a date or a level is left
# to the other rules).
NOW_CALLED = re.compile(
    r"^(?:(?:(?:they|we|people|everyone|everybody|you)\s+(?:calls?|names?)\s+it|it\s+is\s+(?:now\s+)?(?:called|named))"
    r"\s+(?:(?:the|a|an)\s+)?(?P<right>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3}?)(?:\s+now)?"
    r"|it\s+is\s+(?:(?:the|a|an)\s+)?(?P<right2>[a-z][\w'-]*(?:\s+[a-z][\w'-]*){0,3}?)\s+now)"
    r",?\s+(?:and\s+)?not\s+(?:(?:the|a|an)\s+)?(?P<wrong>[a-z][\w'-]*(?:\s+(?!any\s?more\b|now\b)[a-z][\w'-]*)?)"
    r"(?:\s+(?:any\s?more|now))?"
    r"(?P<tail>\s*[,;.!-]\s*.*|\s+(?:so|though)\b.*)?$",
    re.I,
)


def parse_now_called(msg: Message) -> Intent | None:
    if not (m := NOW_CALLED.match(msg.text)):
        return None
    right, wrong = m["right"] or m["right2"], m["wrong"]
    for words in (right, wrong):
        rest, said = take_details(words, msg.today)
        if (said != Details() and not rest.strip()) or _is_level(words):
            return None  # "it's friday now, not thursday": a date ("the daily sync" is a name)
    if m["tail"] and take_details(m["tail"], msg.today)[1] != Details():
        return None  # more said than the name
    return Intent("update", [wrong], swap=(wrong, right))


def _is_level(word: str) -> bool:
    return priority_word(word) in {"high", "medium", "low"}


_SWAP_THEN_TASK = re.compile(
    r"^(?P<right>[a-z][\w'-]*),?\s+not\s+(?P<wrong>[a-z][\w'-]*)\s*(?:[,;.:]|\s-+)\s*"
    r"(?:(?:please|pls|can you|could you)\s+)?(?:fix|correct|change|update)\s+(?P<rest>.+?)[.!]*$",
    re.I,
)


def parse_correction(msg: Message) -> Intent | None:
    """ "no wait, I meant thursday": fix what was just said."""
    if m := first_match(CORRECTION, msg.text):
        fix = _SWAP_THEN_TASK.match(msg.literal(m["new"]))
        if fix and not any(
            (said := take_details(w, msg.today)[1]).due or said.time or _is_level(w)
            for w in (fix["right"], fix["wrong"])
        ):
            # "I meant John, not Jon - fix the lunch on friday": the word swapped in the task
            # named (its day only says which task), never a change of that day
            named = clean_title(take_details(fix["rest"], msg.today)[0])
            subject = subjects(named)
            if subject and not re.search(rf"\b{re.escape(fix['wrong'])}\b", subject[0], re.I):
                subject = [f"{subject[0]} {fix['wrong']}"]
            return Intent("update", subject or [fix["wrong"]], swap=(fix["wrong"], fix["right"]))
        _, details = details_from(msg.literal(m["new"]), msg.today)
        if details.due or details.priority or details.tags or details.schedule:
            return Intent("update", ["it"], details=details)
        if swap := _SWAP.match(msg.literal(m["new"])):  # "I meant John, not Jon"
            return Intent("update", ["it"], swap=(swap["wrong"], swap["right"]))
        if re.match(r"the other (?:one|task)\b", m["new"], re.I):
            return Intent("help")  # another task meant, not a new title ("the other one, X")
        return Intent("update", ["it"], new_title=_title_said(msg.literal(m["new"])))
    if m := BARE_CORRECTION.match(msg.text):
        leftover, details = details_from(msg.literal(m["new"]), msg.today)
        if (details.due or details.priority) and not leftover:
            return Intent("update", ["it"], details=details)
    return None


def parse_make(msg: Message) -> Intent | None:
    """ "make the passport thing high priority and due friday"."""
    text = msg.text
    if (
        (m := first_match(MAKE, text))
        and not re.match(
            r"^(?:make|set)\s+(?:a|an|the)?\s*(?:new\s+)?(?:task|todo|reminder)\b", text, re.I
        )
        and not re.search(r"\s(?:as\s+)?(?:done|complete|completed|finished)$", text, re.I)
        and not add.MAKES_A_NOTE.match(text)  # "make a note for me to X on monday" adds X
    ):
        if each := _each_own(msg.literal(m["rest"]), msg.today):
            return each
        leftover, details = details_from(msg.literal(m["rest"]), msg.today)
        leftover = re.sub(r"\s+(?:and|as|to|due)$", "", leftover.strip(), flags=re.I)
        leftover = re.sub(r"\s+(?:(?:due\s+)?date|deadline)$", "", leftover, flags=re.I)
        # "set it back to normal priority": "back" says it was so before, it names no task
        leftover = re.sub(r"\s+back$", "", leftover, flags=re.I)
        if details.repeat or details.due:  # "make it repeat every week", "make X happen every
            # sunday", "make it happen friday": the verb of when it is names no task
            leftover = re.sub(
                r"\s+(?:repeat|recur|happen|occur|come up|take place)$", "", leftover, flags=re.I
            )
        if (details.due or details.priority or details.tags or details.schedule) and leftover:
            return Intent("update", subjects(leftover), details=details)
    return None


_LEVEL_LAST = re.compile(
    r"(?:^|\s+)(?:(?:to|as|on|at)\s+)?(?:a\s+)?(?P<p>high|hi|low|lo|medium|normal|top|urgent|important)"
    r"(?:\s+(?:priority|prio|pri))?$",
    re.I,
)


def _each_own(rest: str, today: date) -> Intent | None:
    """ "the tax return high and the photo album low": each task keeps the attributes said
    with it, so two tasks named each with its own make two requests. Attributes said alone
    ("…high and due friday") belong to the task before; a task named bare ("X and Y high")
    shares, so it is no split (None)."""
    named: list[tuple[str, Details]] = []
    joined = False  # "high and due friday": all said of one task
    for part in re.split(r"\s*(?:[,;]|\band\b|\bbut\b)\s*", rest):
        leftover, details = details_from(part, today)
        if not details.priority and (level := _LEVEL_LAST.search(leftover)):
            details.priority = priority_word(level["p"])  # "the tax return high"
            leftover = leftover[: level.start()]
        leftover = re.sub(r"\s+(?:as|to|on|at|due)$", "", leftover.strip(), flags=re.I)
        if details == Details() and not leftover:
            continue  # "…, and"
        if details == Details() or (not leftover and not named):
            return None
        if leftover:
            named.append((leftover, details))
        else:
            fill_details(named[-1][1], details)
            joined = True
    if len(named) < 2 and not joined:
        return None
    first, *more = [Intent("update", subjects(n), details=d) for n, d in named]
    first.then = more
    return first


_SCHEDULE_FILLER = re.compile(
    r"^(?:(?:please|ok|okay|and|so|make|set|have|for|on|from|of|it'?s|is|the task)\b\s*)+|"
    r"\s*\b(?:any\s*more|needed|please|for it|is fine|then|(?:just\s+)?(?:some\s*time|whenever|any\s*time)"
    r"(?:\s+(?:today|tomorrow|that day|this week|on the day))?)\b\s*$",
    re.I,
)


# "yoga is just a one-off now", "the plumber can come anytime tomorrow": the task is before it
_BEING = re.compile(
    r"\s+(?:is|are|was|were|will be|should be|"
    r"(?:can|could|will|may|might)\s+(?:come|do|make|fit|see|happen|be|start|go)\b)\b",
    re.I,
)


# A time set "to whenever": the time goes ("whenever" is no priority here, unlike "do it
# whenever"). "change the time of the dentist to whenever", "the dentist time can be anytime".
_TIME_TO_ANY = re.compile(
    r"^(?:(?:change|set|update|make|move|switch|put)\s+)?(?:the\s+)?"
    r"(?:(?:due\s+)?time\s+(?:of|for|on)\s+(?P<x1>.+?)|(?P<x2>.+?)(?:'s|\s+is)?\s+(?:due\s+)?time|"
    r"(?:due\s+)?time)\s+(?:to\s+(?:be\s+)?|can\s+be\s+|should\s+be\s+|is\s+)?"
    r"(?:whenever|any\s*time)(?:\s+(?:please|pls|is fine|now))*[.!]*$",
    re.I,
)


_WHY_CLAUSE = re.compile(
    r"(?:\s*[,;]\s*|\s+-\s+|\s+(?=because|since|cause|cuz)\b)(?:because|since|cause|cuz|as|"
    r"(?:i|we)(?:'m|'re|'ll|'ve|\s+am|\s+are|\s+will|\s+have|\s+was|\s+were)|im)\s.*$",
    re.I,
)


def parse_clear_schedule(msg: Message) -> Intent | None:
    """ "stop repeating the gym task", "no time needed for it", "make it one-off"."""
    text = msg.text
    if m := _TIME_TO_ANY.match(text):
        return Intent(
            "update", _named(msg.literal(m["x1"] or m["x2"] or "")), Details(clear_time=True)
        )
    if not (CLEAR_TIME.search(text) or CLEAR_REPEAT.search(text)) or _ADDS.match(text):
        return None
    # "stop repeating the plants one, I'm moving out next week": a reason said after it sets
    # nothing (its "next week" is when the speaker moves, not when the task is due)
    text = _WHY_CLAUSE.sub("", text) or text
    rest, details = take_details(text, msg.today)
    # The task is named in the first part that names anything: "stop repeating the balcony
    # plants, the neighbour has them now"; "no fixed time for the call, just sometime tomorrow".
    named = ""
    for part in re.split(r"\s*[,;]\s*|\s+-\s+|\s+(?:because|since|as)\s+", rest):
        part = _SCHEDULE_FILLER.sub("", clean_title(part).strip(" ,.!"))
        part = _SCHEDULE_FILLER.sub("", part).strip(" ,.!")
        part = _BEING.split(part, maxsplit=1)[0]  # "yoga is just a one-off now": yoga
        if part and not _POINTING.match(part):
            named = part
            break
    return Intent("update", subjects(msg.literal(named) or "it"), details=details)


def parse_rename_named_first(msg: Message) -> Intent | None:
    if m := first_match(RENAME_NAMED_FIRST, msg.text):
        new = _new_title(msg, m["new"]).strip(" .!")
        return Intent("update", _target(msg, m["target"]), new_title=clean_title(new))
    return None


# The task named first, quoted or as "the task X", then what to do with it: "the task 'Call Mum'
# please put high priority", "'Call Mum' - make it high, not the neighbour one". "Not the other
# one" only says which task is NOT meant: the name said is the one that changes.
NAMED_THEN_CHANGE = re.compile(
    r"^(?:(?:the|my)\s+(?:task|todo|to-do|item|one)\s+)?(?P<target>\u2063Q\d+\u2063)\s*[,:;.-]?\s*"
    r"(?:(?:please|pls|can you|could you|kindly|just)\s+)*(?:put|make|set|mark|change|move|give)\s+"
    r"(?:it\s+|this\s+|that\s+)?(?P<rest>.+?)(?:[,;]?\s+(?:but\s+)?not\s+the\s+[\w' -]+?\s+one)?[.!?]*$",
    re.I,
)
_LEVEL_WORDS = re.compile(r"^(?:(?:to|as|on|at|a|the|priority|prio|level|date|due)\s*)*$", re.I)


def parse_named_then_change(msg: Message) -> Intent | None:
    if not (m := NAMED_THEN_CHANGE.match(msg.text)):
        return None
    leftover, details = details_from(msg.literal(m["rest"]), msg.today)
    if not details.priority and (level := _LEVEL_LAST.search(leftover)):  # "put it high"
        details.priority = priority_word(level["p"])
        leftover = leftover[: level.start()]
    if details == Details() or not _LEVEL_WORDS.match(leftover):
        return None  # more said than attributes: not only a change of this task
    return Intent("update", _target(msg, m["target"]), details=details)


# A task brought up first, then what is true of it now, dictated: "so the thing about the boiler
# service, I think it's actually needed by thursday not friday, can you fix that and also it's
# important so bump it up". Every clause must be only attributes and such filler words, else
# it is not read this way.
TOPIC_THEN_CHANGES = re.compile(
    r"^(?:(?:hey|hi|so|ok|okay|um|uh|erm|right|oh|and)[,\s]+)*"
    r"(?:(?:the\s+)?(?:thing|one|task|bit)\s+(?:about|for|with)|about|regarding|re:?|as for|concerning)\s+"
    r"(?P<t>[^,;]+?)[,;]?\s+(?:(?:i think|i guess|i believe|turns out|apparently)[,\s]+)?"
    r"(?:it|that)\s+(?:is|was|will be)\s+(?P<rest>.+)$",
    re.I,
)
# ... or as "the X thing/task/one" with no "about": "you know the garage cleanup thing it can
# totally wait honestly just make it low priority"
TOPIC_THING = re.compile(
    r"^(?:(?:you know|hey|hi|so|ok|okay|um|uh|erm|right|oh|and)[,\s]+)*"
    r"(?:the|that|my)\s+(?P<t>[\w'-]+(?:\s+[\w'-]+){0,4}?)\s+(?:thing|task|one|item)(?:\s*[,;:]|\s+-)?\s+"
    r"(?P<rest>(?:it|that)\b.+)$",
    re.I,
)
# "it can (totally) wait": the task is not urgent, said as a fact about it
_CAN_WAIT = re.compile(
    r"\b(?:it|that|this)\s+can\s+(?:(?:totally|definitely|easily|probably|really|surely|honestly|just)\s+)*wait\b",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"\s*[,;.]\s*|\s+(?:and\s+)?also\s+|\s+and\s+(?=it\b)", re.I)
# the words that say no more than "change it": the shared filler, and the words of a change
_FILLER = FILLER_WORDS | {"needed", "wanted", "required", "due", "fix", "change", "update", "bump",
                          "make", "set", "honestly", "totally", "seriously", "definitely"}  # fmt: skip
_RAISE = re.compile(
    r"\b(?:bump|push|move|put)\s+(?:it|that)\s+up\b|\b(?:more\s+)?important\b", re.I
)


def parse_topic_then_changes(msg: Message) -> Intent | None:
    if not (m := TOPIC_THEN_CHANGES.match(msg.text) or TOPIC_THING.match(msg.text)):
        return None
    details = Details()
    for clause in _CLAUSE_BREAK.split(msg.literal(m["rest"])):
        leftover, said = details_from(clause, msg.today)
        if _CAN_WAIT.search(leftover):  # "it can totally wait": low, unless a level is said
            said.priority = said.priority or "low"
            leftover = _CAN_WAIT.sub(" ", leftover)
        if not said.priority and (level := _LEVEL_LAST.search(leftover)):  # "make it low"
            said.priority = priority_word(level["p"])
            leftover = leftover[: level.start()]
        if not said.priority and _RAISE.search(leftover):  # "it's important so bump it up"
            said.priority = "high"
            leftover = _RAISE.sub(" ", leftover)
        words = re.findall(r"[a-z']+", leftover.lower())
        if any(w not in _FILLER for w in words):
            return None  # more said than a change of the task
        fill_details(details, said)
    if not _changes_something(details):
        return None
    return Intent("update", subjects(msg.literal(m["t"])), details=details)


def parse_rename(msg: Message) -> Intent | None:
    if m := first_match(RENAME, msg.text):
        new = _new_title(msg, m["new"])
        tail = re.search(r"\s+and\s+(?P<verb>move|reschedule|make|set|push|tag|mark)\s+(?:it\s+)?(?P<t>.+)$", new, re.I)  # fmt: skip
        details = take_details(tail["t"], msg.today)[1] if tail else Details()
        if tail and tail["verb"].lower() == "tag" and not details.tags:  # "… and tag it travel"
            details.tags = [w.lower().lstrip("#") for w in re.findall(r"#?[\w-]+", tail["t"])
                            if w.lower() not in {"as", "well", "too", "also", "and", "with"}]  # fmt: skip
        new = new[: tail.start()] if tail else new
        return Intent("update", _target(msg, m["target"] or "it"), details=details,
                      new_title=clean_title(new))  # fmt: skip
    return None


_ASKING = re.compile(
    r"^(?:what|whats|which|where|when|who|how|did|do|does|is|are|was|were|any|anything|have|has)\b",
    re.I,
)


def parse_note_request(msg: Message) -> Intent | None:
    """A note for a task, read from the whole message: a note's words are the user's own
    ("…, the budget is now 350 euros, ask Tom") and are never cut into requests of their own.
    A question about notes ("what's in the flight notes?") asks, it writes nothing."""
    if _ASKING.match(msg.text) or add.parse_note_to_self(msg):  # "note to self: …" adds
        return None
    if (said := parse_note(msg)) is None and (m := first_match(NOTE_FOR_IT, msg.text)):
        said = Intent("update", ["it"])  # "put in the notes his number is …": the task in view
        said.details.description = msg.literal(m["note"]).strip()
    return said


# "change the note on X to …", "update the party notes, …": the old note goes. Any other way of
# giving a note ("also note that …", "add a note: …") keeps it and adds the new one after it.
_REPLACES_NOTE = re.compile(
    r"^(?:change|update|replace|edit|rewrite|overwrite|correct|fix)\b[^,:;]*?"
    r"\b(?:notes?|description|comment|details?)\b",
    re.I,
)


def parse_note(msg: Message) -> Intent | None:
    m = first_match(NOTE, msg.text)
    if m is None and (said := first_match(NOTES_SAID, msg.text)):
        first = said["rest"].split()[0].lower()
        m = None if first in TASK_VERBS else said
    if m and _ADDS.match(m.groupdict().get("rest") or ""):
        return None  # "add book a hotel, note: near the station": a new task with its note
    if m:
        named = msg.literal(m.groupdict().get("rest") or "it").strip(" -,:")
        intent = Intent("update", subjects(named) or ["it"])
        intent.details.description = msg.literal(m["note"]).strip()
        intent.details.replace_note = bool(_REPLACES_NOTE.match(msg.text))
        return intent
    return None


def parse_clear_due(msg: Message) -> Intent | None:
    if m := first_match(CLEAR_DUE, msg.text):
        intent = Intent("update", subjects(msg.literal(m["rest"])))
        intent.details.clear_due = True
        return intent
    return None


def parse_priority(msg: Message) -> Intent | None:
    if m := first_match(PRIORITY, msg.text):
        p = "high" if m.groupdict().get("up") else "low" if m.groupdict().get("down") else m["p"]
        # "change 'pay the electric' to tomorrow and low priority": the day is a change too
        rest, said = take_details(msg.literal(m["rest"]), msg.today)
        if not (said.due or said.time):
            rest, said = msg.literal(m["rest"]), Details()
        intent = Intent("update", _named(rest), said)
        intent.details.priority = priority_word(p)
        return intent
    return None


def _target(msg: Message, said: str) -> list[str]:
    """A quoted title names its task word for word ("rename 'buy stuff' to …" keeps "stuff")."""
    if QUOTE_RX.fullmatch(said.strip()):
        return [msg.literal(said.strip())]
    return subjects(msg.literal(said))


def _named(rest: str) -> list[str]:
    """The words naming the task; none ("set to medium") means "it", named by another clause."""
    if re.fullmatch(r"\s*(?:to|as|on|for|it)?\s*", rest, re.I):
        return ["it"]
    return subjects(rest)


_TAG_WORD = r"\u2063Q\d+\u2063|[\w-]+"  # a word, or a quoted one: "the 'errands' label"
_UNTAG_VERB = r"(?:remove|delete|take|drop|strip|clear|get rid of|lose|ditch|scrap)(?:\s+off)?"
UNTAG = rx(
    # "take the urgent tag off": no task said, the other clause names it ("it")
    rf"^{_UNTAG_VERB}\s+(?:the\s+|that\s+)?#?(?P<old>{_TAG_WORD})\s+(?:tag|label)\s*"
    r"(?:(?:off of|off|from|on|of)\s+(?P<rest>.+?)|off)?(?:\s+(?:too|as well|please|pls|now))*$",
    r"^(?P<rest>.+?)\s+(?:does not|doesn't|do not|don't|no longer)\s+(?:need|needs|have|has)\s+"
    rf"(?:the|that|its|a)\s+#?(?P<old>{_TAG_WORD})\s+(?:tag|label)(?:\s+any\s*more)?$",
    r"^(?:untag|un-tag)\s+(?P<rest>.+?)\s+(?:from\s+|as\s+)?#(?P<old>[\w-]+)$",
    # a tag swapped: "move the gym task from personal to health"
    r"^(?:move|change|switch|retag|re-tag)\s+(?P<rest>.+?)\s+from\s+#?(?P<old>[\w-]+)\s+to\s+#?(?P<new>[\w-]+)$",
)
# The tag first, then its tasks: "remove #urgent from everything", "untag urgent from all tasks"
# ("untag the gym task from work" names the task first: ``UNTAG``).
UNTAG_FROM = rx(
    rf"^(?:untag|un-tag|{_UNTAG_VERB})\s+#(?P<old>[\w-]+)\s+(?:from|off(?:\s+of)?|on)\s+(?P<rest>.+)$",
    r"^(?:untag|un-tag)\s+#?(?P<old>[\w-]+)\s+(?:from|on|off)\s+(?P<rest>everything|(?:all|every)\b.*)$",
)
# Every tag taken off: "remove all the tags from X", "clear X's labels", "untag X".
ALL_TAGS = "*"
UNTAG_ALL = rx(
    rf"^{_UNTAG_VERB}\s+(?:all\s+(?:of\s+)?|every\s+|any\s+)?(?:the\s+|its\s+|their\s+)?"
    r"(?:tags?|labels?)\s+(?:off of|off|from|on|of|for|in)\s+(?P<rest>.+?)(?:\s+(?:please|pls|now))?$",
    rf"^{_UNTAG_VERB}\s+(?P<rest>.+?)'s\s+(?:tags?|labels?)(?:\s+(?:please|pls|now))?$",
    r"^(?:untag|un-tag)\s+(?!.*#)(?P<rest>.+?)(?:\s+(?:completely|entirely|please|pls))?$",
    r"^(?:no|without)\s+(?:more\s+)?(?:tags?|labels?)\s+(?:on|for)\s+(?P<rest>.+)$",
    r"^(?P<rest>.+?)\s+(?:does not|doesn't|do not|don't|shouldn't|should not)\s+(?:need|have)\s+"
    r"(?:any\s+)?(?:tags?|labels?)(?:\s+(?:at all|any\s*more))?$",
    r"^(?:take|strip)\s+(?P<rest>.+?)\s+(?:off|of)\s+(?:all|every)\s+(?:tags?|labels?)$",
)
# "X isn't on friday, it's on wednesday", "X isn't a home thing, it's work": said wrong, then right.
NOT_BUT = rx(
    r"^(?P<rest>.+?)\s+(?:is|are) not\s+(?:on\s+|a\s+|an\s+)?(?P<old>[\w-]+)(?:\s+(?:thing|task|one))?"
    r",?\s+(?:it|they)\s+(?:is|are)\s+(?:on\s+|a\s+|an\s+)?(?P<new>[\w-]+)(?:\s+(?:thing|task|one))?$",
)


# "the bank call doesn't need a specific time (any more)": that field is cleared.
NOT_NEEDED = re.compile(
    r"^(?P<rest>.+?)\s+(?:does not|do not|no longer|will not|won't)\s+(?:need|needs|have|has|require)s?\s+"
    r"(?:a\s+|an\s+|any\s+)?(?:specific\s+|particular\s+|set\s+|exact\s+|fixed\s+)?"
    r"(?P<what>(?:due\s+)?time|time of day|(?:due\s+)?date|deadline)\b.*$",
    re.I,
)
_LEVEL = r"(?:high|hi|low|lo|medium|normal|urgent|top|important)"
# "the dentist isn't high priority, just normal": the level said after the "not" counts.
NOT_THIS_LEVEL = re.compile(
    rf"^(?P<rest>.+?)\s+(?:is|are)\s+not\s+(?:a\s+|that\s+|really\s+)?{_LEVEL}(?:\s+(?:priority|prio))?"
    rf"(?:\s+any\s*more)?,?\s+(?:(?:just|only|but|rather|more like|it is|they are|it should be)\s+)+"
    rf"(?:a\s+)?(?P<p>{_LEVEL})(?:\s+(?:priority|prio|one))?$",
    re.I,
)
# "the tax return is medium, not high": the level said before the "not" counts.
LEVEL_NOT_THAT = re.compile(
    rf"^(?P<rest>.+?)\s+(?:is|are|should be)\s+(?:now\s+|just\s+|only\s+)?(?:a\s+)?(?P<p>{_LEVEL})"
    rf"(?:\s+(?:priority|prio))?,?\s+(?:and\s+)?not\s+(?:a\s+)?{_LEVEL}(?:\s+(?:priority|prio))?$",
    re.I,
)
# "the report doesn't need to be urgent" (low); "I'd like the report to be high priority".
LEVEL_WANTED = rx(
    r"^(?P<rest>.+?)\s+(?:does not|do not|no longer)\s+(?:need|needs|have|has)\s+to be\s+(?:so\s+|that\s+)?"
    r"(?P<down>urgent|important|high(?:\s+priority)?)(?:\s+any\s*more)?$",
    rf"^(?:i'?d like|i would like|i want|i'?d prefer)\s+(?P<rest>.+?)\s+to be\s+(?:a\s+)?(?P<p>{_LEVEL})"
    r"(?:\s+(?:priority|prio))?$",
)
# "the gym is actually on thursday", "the flight is at 7am now": when a task happens.
HAPPENS = re.compile(
    r"^(?P<rest>.+?)\s+(?:is|are)\s+(?P<cue>actually\s+|now\s+|really\s+)?(?P<when>(?:on|at|for)\s+.+?)"
    r"(?P<cue2>\s+(?:now|instead|actually))?$",
    re.I,
)
# "put the gym on saturday instead": a change of a task said like an add.
INSTEAD = re.compile(
    r"^(?:(?:put|make|set|have|do|schedule|move|change)\s+)?(?P<rest>.+?)\s+(?:instead|rather)$",
    re.I,
)
# "yoga is on wednesdays now, not mondays", "rent should be on the 1st, not the 20th".
RIGHT_NOT_WRONG = re.compile(
    r"^(?P<rest>.+?)\s+(?:is|are|should be|needs to be|happens)\s+(?:now\s+)?(?P<new>(?:on|for|due|by|at)\s+.+?)"
    r"(?:\s+now)?,?\s+(?:and\s+)?not\s+(?:on\s+|for\s+)?(?P<old>.+)$",
    re.I,
)
# "the newsletter should go out every 2 weeks now, not weekly. still mondays": a repeat said
# right then wrong is the task's new repeat (the days kept, as said)
REPEAT_NOT_WRONG = re.compile(
    r"^(?P<rest>.+?)\s+(?:(?:should|will|must|needs? to|has to|is going to)\s+)?(?:now\s+)?"
    r"(?:go(?:es)? out|happens?|repeats?|recurs?|runs?|be|is|are)\s+(?:now\s+)?(?P<new>every\s+.+?)"
    r"(?:\s+now)?,?\s+(?:and\s+)?not\s+(?P<old>weekly|daily|monthly|yearly|annually|every\s+[\w ]+?)"
    r"(?:\s*[.;,]?\s+(?:but\s+)?(?:still|keep(?:\s+it)?)\s+(?:on\s+)?"
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?s?)?[.!]*$",
    re.I,
)
DEADLINE_GIVEN = rx(
    # "the landlord said I have until monday for the contract"
    r"^(?:.+?\s+(?:said|says|told me|confirmed)\s+(?:that\s+)?)?(?:i|we)\s+(?:now\s+)?(?:have|got|get)\s+"
    r"(?:until|till|til|up to|through)\s+(?P<when>.+?)\s+(?:for|to do|to finish|to send|to submit|to get|with)\s+"
    r"(?P<rest>.+)$",
    # "give the attic until the end of the month", "give me till friday for the report":
    # time granted to a named task is its new due date
    r"^(?:please\s+)?give\s+(?:(?:me|us)\s+)?(?P<rest>(?:the|my|our)\s+.+?)\s+(?:until|till|til|up to)\s+"
    r"(?P<when>.+)$",
    r"^(?:please\s+)?give\s+(?:me|us)\s+(?:until|till|til|up to)\s+(?P<when>.+?)\s+(?:for|to do|to finish)\s+"
    r"(?P<rest>.+)$",
    # "the deadline for the essay is now friday", "the essay deadline got moved to friday"
    r"^(?:the\s+)?(?:deadline|due date)\s+(?:for|of|on)\s+(?P<rest>.+?)\s+(?:is|was|got|has been)\s+"
    r"(?:now\s+)?(?:(?:moved|changed|pushed|extended|put back|postponed|delayed)\s+)?(?:to\s+|until\s+)?(?P<when>.+)$",
    r"^(?P<rest>.+?)(?:'s)?\s+(?:deadline|due date)\s+(?:is|was|got|has been)\s+(?:now\s+)?"
    r"(?:(?:moved|changed|pushed|extended|put back|postponed|delayed)\s+)?(?:to\s+|until\s+)?(?P<when>.+)$",
    # "the report isn't due till friday": the day said is its new due date
    r"^(?P<rest>.+?)\s+(?:is|are)\s+not\s+(?:due|needed)\s+(?:until|till|til|before)\s+(?P<when>.+)$",
    # "I'd like the report to be done by friday", "I want the gym to be on saturday"
    r"^(?:i'?d like|i would like|i want|i need|i'?d prefer)\s+(?P<rest>.+?)\s+to be\s+(?:done\s+|due\s+|finished\s+)?"
    r"(?:by|on|for)\s+(?P<when>.+)$",
    # "the dentist moved my appointment to thursday": who said it, and what moved
    r"^(?P<who>.+?)\s+(?:moved?|pushed|shifted|rescheduled?|changed?|postponed?|bumped)\s+"
    r"(?:my|our|the|his|her|their)\s+(?P<rest>[\w-]+(?:\s+[\w-]+)?)\s+(?:to|till|until|for)\s+(?P<when>.+)$",
)
# "the visa documents, I need more time, one more week please", "give the essay another day".
MORE_TIME = re.compile(
    r"\b(?:(?P<n>\d+|a|an|one|two|three|four|five|six|seven|couple of|few)\s+(?:more|extra)|another)"
    r"\s+(?P<unit>days?|weeks?)\b",
    re.I,
)
_ASKING_TIME = re.compile(
    r"\b(?:(?:i|we)\s+(?:need|want|could use|would like|'d like)\s+(?:some\s+|a bit\s+|a little\s+)?"
    r"(?:more|extra)\s+time(?:\s+(?:for|on|with))?|(?:please\s+)?(?:give|get)(?:\s+(?:me|us))?|"
    r"(?:i|we)\s+need|needs|please|for|on|to|with)\b",
    re.I,
)
# An add's opening ("I have …", "I need …") that is still about time for a task.
_TIME_GIVEN = re.compile(
    r"^(?:i|we)\s+(?:now\s+)?(?:have|got|get)\s+(?:until|till|til|up to|through)\b|\b(?:more time|extension)\b"
    r"|\s(?:instead|rather)$|^(?:i'?d like|i would like|i want|i'?d prefer)\s+(?:the|my)\s+\S+.*\s+to be\s",
    re.I,
)
_POINTING = re.compile(r"^(?:it|that|this|that one|this one)$", re.I)
_PEOPLE = re.compile(r"^(?:i|we|they|he|she|you|someone|somebody)$", re.I)


def parse_said_differently(msg: Message) -> Intent | None:
    """Statements that imply a change to a task: a field no longer needed, a level or a day
    said wrong then right, a deadline someone gave. Only ever an update of the task named."""
    text = msg.text
    if _ADDS.match(text):
        return None
    # "I need to see the doctor on monday, not tuesday" is a new task; "I have until monday
    # for the contract", "I need more time", "put the gym on saturday instead" are not.
    if first_match(add.ADD, text) and not _TIME_GIVEN.search(text):
        return None
    if m := INSTEAD.match(text):
        leftover, details = take_details(m["rest"], msg.today)
        leftover = re.sub(r"\s+(?:to|on|for|at|by)$", "", leftover.strip(), flags=re.I)
        if _changes_something(details) and leftover:
            return Intent("update", _named(msg.literal(leftover)), details=details)
    if m := first_match(LEVEL_WANTED, text):
        level = "low" if m.groupdict().get("down") else priority_word(m["p"])
        return Intent("update", _named(msg.literal(m["rest"])), details=Details(priority=level))
    if (m := HAPPENS.match(text)) and not _PEOPLE.match(m["rest"]):
        leftover, details = details_from(m["when"], msg.today)
        title = clean_title(msg.literal(re.sub(r"^(?:the|my|our)\s+", "", m["rest"], flags=re.I)))
        if (details.due or details.schedule) and not leftover and _POINTING.match(title):
            return Intent("update", ["it"], details=details)  # "it is on friday": the last task
        # "… is at 4 not 3": the old value said, so the task is there to change
        corrects = re.search(r"\bnot\s+\S", m["when"], re.I)
        if (
            (details.due or details.schedule)
            and not leftover
            and title
            and (m["cue"] or m["cue2"] or corrects)
        ):
            return Intent("update", subjects(title), details=details)  # "… is now on monday"
        if is_told(title):
            return None  # "my landlord texted and the inspection is on the 9th": a story
        if (details.due or details.schedule) and not leftover and title:
            # an open task by that name changes; otherwise it is a new task
            return Intent("add", [title], details, item_details=[details], names_task=title)
    if m := NOT_NEEDED.match(text):
        intent = Intent("update", _named(msg.literal(m["rest"])))
        if "time" in m["what"].lower():
            intent.details.clear_time = True
        else:
            intent.details.clear_due = True
        return intent
    if m := NOT_THIS_LEVEL.match(text) or LEVEL_NOT_THAT.match(text):
        return Intent("update", _named(msg.literal(m["rest"])),
                      details=Details(priority=priority_word(m["p"])))  # fmt: skip
    if m := RIGHT_NOT_WRONG.match(text):
        leftover, details = details_from(m["new"], msg.today)
        _, old = details_from(m["old"], msg.today)
        if (details.due or details.schedule) and (old.due or old.schedule) and not leftover:
            return Intent("update", _named(msg.literal(m["rest"])), details=details)
    if m := REPEAT_NOT_WRONG.match(text):
        leftover, details = details_from(m["new"], msg.today)
        _, old = details_from(m["old"], msg.today)
        if details.repeat and not leftover.strip(" .,!") and old.repeat != details.repeat:
            return Intent(
                "update", _named(msg.literal(m["rest"])), details=Details(repeat=details.repeat)
            )
    asks_time = re.search(r"\b(?:give|needs?|want|more time|extension)\b", text, re.I)
    if (m := MORE_TIME.search(text)) and (m["n"] or asks_time) and not _MOVE_VERB.match(text):
        rest = _ASKING_TIME.sub(" ", text[: m.start()] + " " + text[m.end() :])
        rest = re.sub(r"\s*[,;:.!-]\s*", " ", rest).strip()
        n = m["n"] or "1"
        days = (int(n) if n.isdigit() else _NUMBER[n.lower()]) * (
            7 if m["unit"].lower().startswith("week") else 1
        )
        if rest:
            return Intent("update", _named(msg.literal(rest)), details=Details(shift_days=days))
    if m := first_match(DEADLINE_GIVEN, text):
        leftover, details = details_from(m["when"], msg.today)
        if details.due and not leftover:
            rest = m["rest"]
            who = (m.groupdict().get("who") or "").strip()
            if who and not _PEOPLE.match(who):  # "the dentist" + "appointment"
                rest = re.sub(r"^(?:the|my|our)\s+", "", who, flags=re.I) + " " + rest
            return Intent("update", _named(msg.literal(rest)), details=details)
        # "the essay deadline got extended by a week": a distance, from its own due date
        moved = re.search(r"\b(?:extended|moved|pushed|put back|postponed|delayed)\b", text, re.I)
        if (
            moved
            and (shift := _shift(m["when"]))
            and not shift.rest.strip(" .!")
            and not shift.minutes
        ):
            return Intent("update", _named(msg.literal(m["rest"])), details=shift.details())
    return None


# "change the quarterly report: friday, high, tag work": the new attributes as a list.
CHANGE_LIST = re.compile(r"^(?:change|update|edit|set|modify)\s+(?P<rest>[^:]+?\s*:\s*.+)$", re.I)


def parse_attribute_list(msg: Message) -> Intent | None:
    if (m := CHANGE_LIST.match(msg.text)) and not re.match(
        r"^(?:the\s+)?(?:notes?|description|comment|title|name)\b", m["rest"], re.I
    ):
        titles, details, _ = titles_in(msg.literal(m["rest"]), msg.today)
        if len(titles) == 1 and _changes_something(details):
            return Intent("update", subjects(titles[0]), details=details)
    return None


def parse_bare_attributes(msg: Message) -> Intent | None:
    """A name and attributes with no command ("quarterly report: friday, high, work", "tax hi
    prio"): the add it reads as, marked as perhaps naming an open task (``handle_add`` looks).
    A bare name with only a date stays an add ("dentist friday")."""
    bare = add.parse_bare_task(msg)
    if bare is None or len(bare.items) != 1:
        return None
    details = bare.item_details[0] if bare.item_details else bare.details
    if BULK_SCOPE.fullmatch(bare.items[0]) and details != Details():
        return Intent("update", bare.items, details)  # "all exam tasks high prio": no task
    listed = re.match(r"^[^:,]+?(?:\s*[:,]|\s+-)\s*\S", msg.text)  # "name: attributes"
    if listed or ((details.priority or details.tags) and not (details.due or details.schedule)):
        named = subjects(bare.items[0])
        bare.names_task = named[0] if named else None
    return bare


def handle_add(turn: Turn) -> Decision:
    """An add that may name an open task: the update of that task, or else the add."""
    intent = turn.intent
    if intent.names_task and not turn.convo.done_this_turn("add_task"):
        details = intent.item_details[0] if intent.item_details else intent.details
        as_update = Turn(
            Intent("update", [intent.names_task], details=details), turn.convo, turn.today
        )
        if turn.convo.done_this_turn("update_task"):
            return handle(as_update)
        found = _open_task_named(as_update)
        if found:
            return found if isinstance(found, Decision) else _change(as_update, found)
        if _corrects_day_of_last_task(turn, details):
            # "add pick up Grandma on sunday" … "oh wait, her flight lands saturday, not
            # sunday": the words say why; the day replaced is the one the task was just given
            return handle(Turn(Intent("update", ["it"], details=details), turn.convo, turn.today))
        due_then = _due_on_the_day_replaced(turn, details)
        if isinstance(due_then, Decision):
            return due_then
        if due_then:
            # "wait, Lucy lands on the 4th of March, not tomorrow": the one open task due on
            # the day replaced that has a word said ("Pick up Lucy from the airport")
            update = Intent("update", [due_then[0]["title"]], details=details)
            return _change(Turn(update, turn.convo, turn.today), due_then)
    return add.handle(turn)


def _due_on_the_day_replaced(turn: Turn, d: Details) -> list[dict[str, Any]] | Decision:
    """The one open task due on the day a correction replaces ("…, not tomorrow") whose title
    has a word of the words said; none, or several: the add stands."""
    named = turn.intent.names_task
    if not (d.due and d.replaced_due and named) or says_add(turn.convo.user_text):
        return []
    listed = lookup(turn.convo, status="pending", limit=LOOKUP_LIMIT)
    if isinstance(listed, ToolCall):
        return Decision(calls=[listed])
    old = d.replaced_due.isoformat()
    found = [t for t in listed if t.get("due_date") == old and shares_a_word(named, t["title"])]
    return found if len(found) == 1 else []


def _corrects_day_of_last_task(turn: Turn, d: Details) -> bool:
    """A new day said with the day it replaces, when the one task the conversation was last
    about is due on that old day (and the words name no open task of their own)."""
    if not (d.due and d.replaced_due) or says_add(turn.convo.user_text):
        return False
    recent = turn.convo.recent_tasks()
    return (
        len(recent) == 1
        and not recent[0].get("completed")
        and recent[0].get("due_date") == d.replaced_due.isoformat()
    )


def _changes_something(d: Details) -> bool:
    return bool(d.due or d.priority or d.tags or d.schedule or d.clear_due or d.shift_minutes)


def _open_task_named(turn: Turn) -> list[dict[str, Any]] | Decision:
    """The one open task whose title has every word said (none, or several: the add stands)."""
    # The words as meant: "the cake pickup" has the words of "Pick up the cake"; "with" joins
    # the words without naming ("call w dr patel" is "Call Dr. Patel")
    # (the words as said count too: "dr patel" is "Dr. Patel", not only "doctor patel")
    skip = {"the", "a", "an", "my", "with"}
    words = [w for w in said_in_full(turn.intent.items[0]).split() if w not in skip]
    said = [w for w in turn.intent.items[0].split() if w.lower() not in skip]
    if not words:
        return []
    # Found by its longest word, then every word checked: the title may order them otherwise.
    listed = lookup(
        turn.convo, status="pending", text=max(said or words, key=len), limit=LOOKUP_LIMIT
    )
    if isinstance(listed, ToolCall):
        return Decision(calls=[listed])
    named = [
        t for t in listed
        if all(has_word(t["title"], w) for w in words) or (said and all(has_word(t["title"], w) for w in said))
    ]  # fmt: skip
    return named if len(named) == 1 else []


# "printer ink isn't a work thing, remove that tag", "… isn't work related, untag it": the tag
# is the one the message names, never every tag of the task.
NOT_THAT_TAG = re.compile(
    r"^(?P<rest>.+?)\s+(?:is|are)\s+not\s+(?:a\s+|an\s+|really\s+)?(?P<tag>[\w-]+)"
    r"(?:[\s-]+(?:thing|task|one|stuff|related|item))?\s*(?:[,;.]|\s-|\s+so)\s*(?:please\s+|pls\s+)?"
    r"(?:(?:remove|drop|delete|lose|clear|strip|take off)\s+(?:that|the|this)\s+(?:tag|label)"
    r"|untag\s+(?:it|that|this)|take\s+(?:that|the|this)\s+(?:tag|label)\s+off(?:\s+it)?)(?:\s+please|\s+pls)?[.!]*$",
    re.I,
)


def parse_not_that_tag(msg: Message) -> Intent | None:
    if not (m := NOT_THAT_TAG.match(msg.text)):
        return None
    tag = m["tag"].lower().lstrip("#")
    if take_details(tag, msg.today)[1] != Details() or tag in {"done", "finished", "urgent"}:
        return None  # "X is not done, …", a level or a day: no tag's name
    return Intent("update", _named(msg.literal(m["rest"])), remove_tags=[tag])


def parse_untag(msg: Message) -> Intent | None:
    """Tags taken off, or swapped: never a delete, and never a date ("from monday to friday")."""
    tag_first = first_match(UNTAG_FROM, msg.text)
    if not tag_first and (m := first_match(UNTAG_ALL, msg.text)):
        return Intent(
            "update", _named(msg.literal(m["rest"])), add_tags=False, remove_tags=[ALL_TAGS]
        )
    if not (m := tag_first or first_match(UNTAG, msg.text) or first_match(NOT_BUT, msg.text)):
        return None
    old, new = msg.literal(m["old"]).lower(), (m.groupdict().get("new") or "").lower()
    _, said_old = take_details(old, msg.today)
    if tag_first or re.search(r"\b(?:tag|label)s?\b", m[0], re.I):
        said_old = Details()  # "take the urgent tag off": a tag, whatever word it is
    _, said_new = take_details(new, msg.today)
    if new and (said_new.due or said_new.priority):
        if m.re in NOT_BUT:  # "not on friday, it's on wednesday": the right one counts
            return Intent("update", _named(msg.literal(m["rest"])), details=said_new)
        return None  # "move X from monday to friday" is a reschedule
    if said_old.due or said_old.priority:
        return None
    intent = Intent("update", _named(msg.literal(m["rest"] or "")), remove_tags=[old])
    intent.details.tags = [new] if new else []
    return intent


_TAG_CORRECTED = re.compile(
    r"(?:[,\s]+(?:no|nope|sorry|wait|oops|actually|i mean|i meant)\b)+[,\s]*(?:as\s+)?", re.I
)


def parse_tag(msg: Message) -> Intent | None:
    if m := first_match(TAG, msg.text):
        intent = Intent(
            "update", subjects(msg.literal(m["rest"])), add_tags=not m.groupdict().get("retag")
        )
        # The tags end with the sentence ("tag it choir? the concert is soon"); several are
        # a list ("work, home", "work and home"), otherwise it is one word.
        said = re.split(r"[.?!;]", msg.literal(m["tags"]))[0]
        # "as pharmacy, no sorry, as work": the tags said after the correction replace it
        said = _TAG_CORRECTED.split(said, maxsplit=1)[-1] or said
        words = said.replace("#", " ").replace(",", " , ").split()
        if not {",", "and", "&", "not", "instead"} & {w.lower() for w in words}:
            words = words[:1]
        # "as personal, not work": the tag after "not" (or "instead of") is taken off
        negated = False
        for word in (w.lower() for w in words):
            if word in {"not", "instead", "rather"}:
                negated = True
            elif word not in {"and", "&", "tag", "tags", ",", "of", "than"}:
                (intent.remove_tags if negated else intent.details.tags).append(word)
                negated = False
        return intent
    return None


_NUMBER = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "couple of": 2, "couple": 2, "few": 3, "a couple of": 2, "a couple": 2,
           "a few": 3}  # fmt: skip
# A shift's unit in days, months or minutes: (days, months, minutes) for one of it.
_UNITS = {"day": (1, 0, 0), "week": (7, 0, 0), "fortnight": (14, 0, 0), "month": (0, 1, 0),
          "hour": (0, 0, 60), "hr": (0, 0, 60), "minute": (0, 0, 1), "min": (0, 0, 1)}  # fmt: skip
_EARLIER = {"forward", "earlier", "early", "up", "sooner", "soon", "before"}
_SHIFT = re.compile(
    r"\s*\b(?P<dir>back|forward|later|earlier|out|up|sooner|off)?\s*(?:by\s+)?"
    r"(?:(?P<half>half\s+an?\s+)|(?P<n>\d+|"
    + "|".join(sorted(_NUMBER, key=len, reverse=True))
    + r")\s*)?(?:more\s+|extra\s+)?"
    r"(?<![a-z])(?P<unit>days?|weeks?|fortnights?|months?|hours?|hrs?|minutes?|mins?)(?:\s+(?P<dir2>back|forward|later|earlier|sooner|(?:more\s+)?(?:early|earlier|late|later|soon)|more|extra|further|before|after))?\b",
    re.I,
)


class Shift(NamedTuple):
    rest: str  # the words without the shift
    days: int = 0
    months: int = 0
    minutes: int = 0

    def details(self) -> Details:
        return Details(shift_days=self.days, shift_months=self.months, shift_minutes=self.minutes)

    def __bool__(self) -> bool:
        return bool(self.days or self.months or self.minutes)


def _shift(text: str) -> Shift:
    """ "the essay forward a day" -> ("the essay", -1); "the proposal back two days" -> +2;
    "the car service one week more" -> +7; "up a day" and "a day earlier" are earlier;
    "the call back an hour" -> 60 minutes later."""
    for m in _SHIFT.finditer(text):
        unit = m["unit"].lower().rstrip("s")
        if m["n"] is None and m["half"] is None and unit != "fortnight":
            continue
        before = text[: m.start()].rstrip()
        delaying = re.search(r"\b(?:postpone|delay|put off|push)", before, re.I)  # "… for a week"
        absolute = re.match(
            r"\s+(?:from\s+(?:now|today)|time|out|ago)\b", text[m.end() :], re.I
        ) or re.search(
            r"\b(?:in|to|within|every|each)$"
            if delaying
            else r"\b(?:in|for|to|within|every|each)$",
            before,
            re.I,
        )  # "in 5 days", "for 5 days from now": a date, not a shift
        pulled_in = re.match(r"\s*by\b", m[0], re.I) and re.search(r"\bin$", before, re.I)
        if absolute and not pulled_in:  # "pull it in by two days" is a shift
            continue
        n = 1 if m["n"] is None else int(m["n"]) if m["n"].isdigit() else _NUMBER[m["n"].lower()]
        days, months, minutes = (n * k for k in _UNITS[unit])
        if m["half"]:
            days, months, minutes = 0, 0, _UNITS[unit][2] // 2
            if not minutes:
                continue  # "half a day": no time said
        # a learner's "one day more early" is "a day earlier"
        said = {(m["dir"] or "").lower(), re.sub(r"^more\s+", "", (m["dir2"] or "").lower())}
        earlier = bool(said & _EARLIER) and not said & {"back", "later", "more", "extra"}
        rest = text[: m.start()] + " " + text[m.end() :]
        rest = re.sub(r"\s+(?:back|forward|up|in)$", "", rest.strip(), flags=re.I)
        sign = -1 if earlier else 1
        return Shift(rest, sign * days, sign * months, sign * minutes)
    return Shift(text)


# A move said anywhere in the message, with how far: "my teacher moved the essay up a day",
# "the car service, I want to postpone it one week more", "bring the dentist forward two days".
_MOVE_VERB = re.compile(
    r"\b(?P<verb>(?P<past>moved|pushed|postponed|delayed|shifted|bumped|brought|put\s+off|pulled|rescheduled)"
    r"|move|push|postpone|delay|shift|bump|bring|put\s+off|pull|reschedule|defer|change)\b",
    re.I,
)
_SHIFT_FILLER = re.compile(
    r"^(?:(?:i|we)\s+(?:want|would like|'d like|need)\s+to|(?:can|could|would)\s+(?:you|u)|please|pls|"
    r"(?:it|that|this)\s+(?:needs|has)\s+to|needs\s+to|has\s+to|should|to|and|so|then|just|"
    r"back|forward|up|off|out)\b\s*|"
    r"\s*\b(?:please|pls|thanks|thx|if you can|for me|too|for|by|it|them|that|this|back|forward|up|"
    r"(?:needs?|has|have)\s+to(?:\s+be)?|should(?:\s+be)?|will\s+have\s+to|must)$",
    re.I,
)


# No verb of moving, but the distance from the plan: "the electrician can't come until 3 days
# later than planned", "the exam is a week earlier than we thought".
_PLAN = r"than\s+(?:planned|scheduled|expected|originally|(?:we|i)\s+(?:thought|planned|said|had|agreed|arranged|expected)|before|agreed|arranged)\b"
_THAN_PLANNED = re.compile(
    rf"\b(?:later|earlier|sooner|after|before)\s+{_PLAN}|\b(?:later|earlier|sooner)(?:\s+now)?[.!]*$",
    re.I,
)  # "… 3 days later than planned", "dinner is half an hour later"
_THAN_PLAN = re.compile(rf"\s*\b{_PLAN}", re.I)
# A time of day said later or earlier anywhere, not only at the end: "Sven asked to start half
# an hour later on wednesday", "the standup starts an hour earlier tomorrow".
_TIME_LATER = re.compile(r"\b(?:hours?|hrs?|minutes?|mins?)\s+(?:later|earlier|sooner)\b", re.I)
_STATED_VERB = re.compile(
    r"\s+(?:can'?t|cannot|can not|won'?t|will|is|isn'?t|are|aren'?t|has|have|got|was|were|needs?|"
    r"should|must|comes?|came|moved|happens?|does|do|starts?|begins?|asked|asks|wants?|wanted)\b",
    re.I,
)


_WISH = re.compile(
    r"^(?:i|we)\s+(?:really\s+|just\s+)?(?:want|wanna|would\s+like|'d\s+like|need|have)\s+to\s+"
    r"(?P<t>\w+\s+.+)$",
    re.I,
)
# "I need the presentation ready 2 days earlier than planned": the task is the thing wanted
# ready (a state word after it), never "I"
_WANTED_READY = re.compile(
    r"^(?:i|we)\s+(?:really\s+|just\s+)?(?:want|need|would\s+like|'d\s+like)\s+"
    r"(?P<t>(?:the|my|our)\s+.+?)\s+(?:to\s+be\s+)?(?:ready|done|finished|completed|sorted|"
    r"handed\s+in|submitted|sent)$",
    re.I,
)


def _shift_from_plan(msg: Message) -> Intent | None:
    """ "the electrician can't come until 3 days later than planned": the task said first."""
    if not (_THAN_PLANNED.search(msg.text) or _TIME_LATER.search(msg.text)):
        return None
    shift = _shift(msg.text)
    if shift and (ready := _WANTED_READY.match(_THAN_PLAN.sub("", shift.rest).strip(" ,.!"))):
        return Intent("update", _named(msg.literal(ready["t"])), details=shift.details())
    if shift and (wish := _WISH.match(_THAN_PLAN.sub("", shift.rest).strip(" ,.!"))):
        # "I want to finish the presentation a day earlier": the task is what the wish names
        return Intent("update", _named(msg.literal(wish["t"])), details=shift.details())
    if not shift:
        return None
    if not (said := _STATED_VERB.search(msg.text)):
        # "finish the presentation a day earlier" ("I'd like to" cut as politeness): the task
        # is the command's words, never a new task or one closed
        first = shift.rest.split()[0].lower() if shift.rest.split() else ""
        if first not in TASK_VERBS or _ADDS.match(shift.rest):
            return None
        return Intent(
            "update", _named(msg.literal(_THAN_PLAN.sub("", shift.rest))), details=shift.details()
        )
    named = subjects(msg.literal(msg.text[: said.start()]))
    return Intent("update", named or ["it"], details=shift.details())


# No verb at all, a task's words then how far and which way: "pack for the trip one day earlier
# pls", "dentist 2 days later", "the report a week sooner please".
_SHIFT_LAST = re.compile(
    r"\s+(?:(?:\d+|" + "|".join(sorted(_NUMBER, key=len, reverse=True)) + r")\s+)"
    r"(?:days?|weeks?|fortnights?|months?)\s+(?:later|earlier|sooner|back|forward)"
    r"(?:\s+(?:instead|then|please|pls|thanks|thank you|thx))*[\s.!]*$",
    re.I,
)


def _shift_said_after(msg: Message) -> Intent | None:
    if not (m := _SHIFT_LAST.search(msg.text)) or not (shift := _shift(msg.text[m.start() :])):
        return None
    named = _strip_filler(msg.text[: m.start()])
    if not named or _PEOPLE.match(named) or _STATED_VERB.search(named):
        return None  # "she came 2 days later": a story, no task named
    return Intent("update", subjects(msg.literal(named)) or [named], details=shift.details())


def parse_shift(msg: Message) -> Intent | None:
    text = msg.text
    if _ADDS.match(text):
        return None
    if not (verb := _MOVE_VERB.search(text)):
        return _shift_from_plan(msg) or _shift_said_after(msg)
    rest, days, months, minutes = _shift(text)
    if not (days or months or minutes):
        return None
    rest = _THAN_PLAN.sub("", rest)  # "pushed 3 days later than planned": no task's words
    # "bring the haircut forward 2 days": the direction may stand apart from the distance
    later = re.search(r"\b(?:back|later|more|extra|postpone|postponed|delay|delayed)\b", text, re.I)
    if (
        days > 0
        and not later
        and (
            re.search(r"\b(?:forward|earlier|sooner)\b", text, re.I)
            or verb["verb"].lower() in {"bring", "brought", "pull", "pulled"}
        )
    ):
        days, months, minutes = -days, -months, -minutes
    clauses = [
        c.strip()
        for c in re.split(r"\s*[,;]\s*|\s+(?:so|and)\s+(?:can|could)\s+", rest)
        if c.strip()
    ]
    named = ""
    for clause in clauses:
        v = _MOVE_VERB.search(clause)
        if v is None:
            continue
        # "my teacher moved the essay": who moved it is no task; the words after the verb are
        words = (
            clause[v.end() :]
            if v["past"] or clause[: v.start()].strip() == ""
            else clause[: v.start()] + " " + clause[v.end() :]
        )
        named = _strip_filler(words)
        if not named and v["past"]:  # "the team meeting got pushed back": the task said first
            named = _strip_filler(_BEEN.sub("", clause[: v.start()]))
        break
    if not named:  # "the car service, I want to postpone it": the task named in another clause
        others = [_strip_filler(c) for c in clauses if not _MOVE_VERB.search(c)]
        named = next((o for o in others if o), "")
    if not named or _PEOPLE.match(named):
        named = "it"
    details = Details(shift_days=days, shift_months=months, shift_minutes=minutes)
    return Intent("update", _named(msg.literal(named)), details=details)


_BEEN = re.compile(r"\s*\b(?:got|has been|have been|was|were|is|are|been|just)\s*$", re.I)


def _strip_filler(words: str) -> str:
    previous = None
    words = words.strip(" ,.!")
    while previous != words:
        previous = words
        words = _SHIFT_FILLER.sub("", words).strip(" ,.!")
    return words


_ADDS = re.compile(r"^(?:add|create|new|remind|note)\b", re.I)  # a new task's own schedule


# "I must (to) go to the pharmacy tomorrow": a person and what they must do name no task to move.
_PERSON_MUST = re.compile(
    r"^(?:i|we)\s+(?:really\s+|still\s+|also\s+)?(?:must|need|needs|have|has|should|gotta|got|"
    r"ought|will|want|'ll|'ve got)(?:\s+to)?$",
    re.I,
)


_SCOPE_CLAUSE = re.compile(
    r"\b(?:everything|all|tasks|ones|things|stuff|todos)\s+(?:that|which)(?:\s+(?:is|are))?$", re.I
)


_SAME_DAY = re.compile(
    r"[\s,;-]*\b(?:(?:but\s+)?(?:keep\s+)?(?:it\s+)?(?:on\s+)?(?:the\s+)?same\s+(?:day|date)|"
    r"(?:but\s+)?keep\s+(?:it\s+on\s+)?the\s+(?:day|date))(?:\s+(?:please|pls))?\s*$",
    re.I,
)


def _only_when(said: str, today: date) -> bool:
    left, details = take_details(said, today)
    return not left.strip(" ,") and bool(details.due or details.time)


# A delete whose task is told by its due day ("delete the school call that's due today"): the
# day picks the task, it is no new day for it.
_DELETE_THE_ONE_DUE = re.compile(
    r"^(?:delete|remove|erase|bin|trash|scrap|get rid of)\s+.+?\s+(?:that|which)\s+(?:is|was)\s+due\b",
    re.I,
)


def parse_reschedule(msg: Message) -> Intent | None:
    text = msg.text
    if _ADDS.match(text):  # "remind me to go to the gym every tuesday": an add, not a move
        return None
    if _DELETE_THE_ONE_DUE.match(text):  # "delete the school call that's due today": a delete
        return None
    if (m := first_match(RESCHEDULE, text)) and _PERSON_MUST.match((m["rest"] or "").strip()):
        return None
    if m and _SCOPE_CLAUSE.search(m["rest"] or ""):
        return None  # "I did everything that is due today": a scope, not "X is due today"
    if m and m["rest"] and _only_when(m["rest"], msg.today):
        # "tomorrow at 7:30 go for a run": a day said first, then something to do, is an add
        # ("friday moved to monday" is no task to do: read as before)
        then = text[m.end("rest") :].split()
        if then and then[0].lower() in TASK_VERBS:
            return None
    if (m := first_match(RESCHEDULE, text)) and (
        shifted := _shift(text[max(m.start("rest"), 0) :])
    ):
        named = subjects(msg.literal(shifted.rest or "it"))
        return Intent("update", named, details=shifted.details())
    if m := first_match(RESCHEDULE, text):
        rest, details = take_details(m["rest"] or "it", msg.today)
        if details.due is None and not details.clear_due and not details.priority and not details.schedule:  # fmt: skip
            details = take_details(text[max(m.end("rest"), 0) :], msg.today)[
                1
            ]  # "X is due on the 30th"
        if details.due is not None or details.clear_due or details.priority or details.tags or details.schedule:  # fmt: skip
            # "move yoga to the evening, same day": the day kept is said of the task, no name
            rest = _SAME_DAY.sub("", rest)
            rest = re.sub(r"\s+(?:to|till|until|for|by|back to|back|out to|off to|off till|over to|over)(?:\s+the)?\s*$", "", rest.strip(), flags=re.I)  # fmt: skip
            rest = re.sub(r"\s+(?:is|should be|needs to be)\s+(?:now\s+)?(?:due|done by|finished by)\s*$", "", rest, flags=re.I)  # fmt: skip
            rest = re.sub(
                r"\s+(?:should|must|needs to|has to)\s+be(?:\s+on)?\s*$", "", rest, flags=re.I
            )
            rest = re.sub(r"\s+(?:(?:due\s+)?date|deadline)$", "", rest.strip(), flags=re.I)
            if (
                old := re.search(r"\s+from\s+(?P<day>\S+(?:\s+\S+)?)$", rest, re.I)
            ) and take_details(old["day"], msg.today)[
                1
            ].due:  # "move dentist from tue to thu": the old day names no task
                rest = rest[: old.start()]
            return Intent("update", _named(msg.literal(rest)), details=details)
    return None


def parse_change(msg: Message) -> Intent | None:
    """ "change/update/set X to Y": Y says what changes (a date, a priority or a title)."""
    if m := first_match(CHANGE, msg.text):
        quoted = QUOTE_RX.fullmatch(m["target"].strip())
        target, new = msg.literal(m["target"]), msg.literal(m["new"])
        # "change the time of X to …", "change X's date to …": a field other than the title was
        # named, so what follows is never the new title (a value we cannot read is asked about)
        when_said = bool(_WHEN_FIELD.search(target)) and not quoted
        target = re.sub(r"^(?:the\s+)?(?:due date|deadline|date|title|name|priority|(?:due\s+)?(?:time|hour))\s+(?:of|for|on)\s+", "", target, flags=re.I)  # fmt: skip
        if re.fullmatch(
            r"(?:the\s+|its\s+)?(?:due date|deadline|date|title|name|priority|(?:due\s+)?(?:time|hour))",
            target,
            re.I,
        ):
            target = "it"  # "for the school run, change the time to 11:30": another part names it
        target = re.sub(
            r"\s+(?:due date|deadline|date|title|name|priority|(?:due\s+)?time)$",
            "",
            target,
            flags=re.I,
        )
        leftover, details = details_from(new, msg.today)
        named = [target] if quoted else subjects(target)
        if (details.due or details.priority or details.tags or details.schedule) and not leftover:
            return Intent("update", named, details=details)
        if not quoted and (later := _later_split(m, msg)):
            return later
        if when_said:
            said = Intent("update", named)  # nothing read: the handler asks what to change
            # "change the time of the dentist to 11": with the time named, a bare hour is one
            hour = find_time("at " + re.sub(r"[\s.!?]*(?:please|pls|thanks)?[\s.!?]*$", "", new))
            if (
                re.search(r"\b(?:time|hour)\b", m["target"], re.I)
                and hour
                and not hour[0].strip(" ,.!?")
            ):
                said.details.time = hour[1].value
            return said
        # "… to book a table at Nonna's instead, same day": neither is part of the new title
        return Intent("update", named, new_title=_title_said(new))
    return None


# A field other than the title named in "change the time of X to …", "change X due date to …"
_WHEN_FIELD = re.compile(
    r"^(?:the\s+|its\s+)?(?:due date|deadline|date|day|priority|(?:due\s+)?(?:time|hour))\b"
    r"|\b(?:due date|deadline|date|priority|(?:due\s+)?time)$",
    re.I,
)


# Where the new value may start, after the first "to": "change the visit to the museum to
# saturday", "change the visit to grandmother for day after tomorrow".
_VALUE_START = re.compile(r"\s+(?:to|for|on|till|until)\s+", re.I)


def _later_split(m: re.Match[str], msg: Message) -> Intent | None:
    """ "change X to Y": when Y is not all attributes, a later "to"/"for" may start them, and a
    sentence or remark after them ("…, please? My daughter will drive me then") is no title.
    Only attributes and nothing else count: else Y is a new title, as said."""
    text = msg.text
    if m["new"].split()[0].lower() in TASK_VERBS:
        return None  # "change call mum to call mum on sunday": a title said again
    for split in _VALUE_START.finditer(text, m.start("new") - 4):
        value = re.split(rf"\s*(?:[,;]|{SENTENCE_STOP}(?:\s|$))\s*", text[split.end() :])[0]
        leftover, details = details_from(value, msg.today)
        said = details.due or details.priority or details.schedule
        if said and not clean_title(leftover).strip(" ,.?!"):
            target = msg.literal(text[m.start("target") : split.start()])
            return Intent("update", subjects(target), details=details)
    return None


# "rename that one": a word that points, where the new title should be
_NO_NEW_TITLE = re.compile(
    r"^(?:one|ones|it|that|this|them|(?:the\s+)?task|too|as well|again)"
    r"(?:\s+(?:again|too|as well|please|then|now))*$",
    re.I,
)


def handle(turn: Turn) -> Decision:
    done = turn.convo.done_this_turn("update_task")
    if done:
        return Decision(
            reply=" ".join(filter(None, [describe_updates(done, turn), failures(done)]))
        )
    if turn.intent.new_title and _NO_NEW_TITLE.match(turn.intent.new_title):
        return Decision(reply="What should the new title be? Say, for example: rename it to "
                        "Choir practice.")  # fmt: skip
    if (named := _named_for_name_fix(turn)) is not None:
        return named
    if (added := turn.intent.else_add) and turn.convo.done_this_turn("add_task"):
        return add.handle(Turn(added, turn.convo, turn.today))
    found = find_targets(turn, done_wanted=None)
    if isinstance(found, Decision) and not found.calls and turn.intent.story:
        found = _named_in_story(turn) or found
    if isinstance(found, Decision) and (found.no_such_task or found.suggestion) and added:
        # "pay the car insurance, it's due the 15th" names no task (several: we ask which)
        return add.handle(Turn(added, turn.convo, turn.today))
    if isinstance(found, Decision):
        return found
    if turn.intent.everything:
        found = _in_bulk_scope(turn.intent, found)
        if isinstance(found, Decision):
            return found
        if not _scoped(turn.intent):  # "make everything high priority": never guessed
            return Decision(reply=replies.ask_scope(found, turn.today))
    if _THAT_TAG & set(turn.intent.remove_tags):
        tag = _tag_shown(turn, found)
        if tag is None:
            return Decision(reply="Which tag should I take off? Tell me its name.")
        turn.intent.remove_tags = [tag]
    return _change(turn, found)


def _named_in_story(turn: Turn) -> list[dict[str, Any]] | Decision | None:
    """ "the landlord wants the keys back by the 28th, …": the story's words, read with the
    open tasks in view, name one task (``statements``), or none is guessed."""
    tasks = lookup(turn.convo, status="all", limit=LOOKUP_LIMIT)
    if isinstance(tasks, ToolCall):
        return Decision(calls=[tasks])
    story, open_tasks = turn.intent.story or "", [t for t in tasks if not t["completed"]]
    found = referred(story, open_tasks) or named_by_a_word(story, open_tasks)
    return found if len(found) == 1 else None


_THAT_TAG = {"that", "this", "the"}  # "remove that tag from both of them": no tag's name said


def _tag_shown(turn: Turn, found: list[dict[str, Any]]) -> str | None:
    """The one tag the previous reply showed ("#urgent") that every one of these tasks carries."""
    shown = dict.fromkeys(re.findall(r"#([\w-]+)", turn.convo.previous_reply.lower()))
    tags = [tag for tag in shown if all(carries(t, tag) for t in found)]
    return tags[0] if len(tags) == 1 else None


def _scoped(intent: Intent) -> bool:
    """A bulk change names its tasks: by a tag, a word, a level or a day ("all my exam tasks"),
    or by the tag it takes off ("remove the urgent tag from everything")."""
    f = intent.filter
    named = f.tag or f.word_tag or f.text or f.priority or f.due or f.due_on or f.repeats
    return bool(named) or bool(intent.remove_tags and ALL_TAGS not in intent.remove_tags)


def _in_bulk_scope(intent: Intent, found: list[dict[str, Any]]) -> list[dict[str, Any]] | Decision:
    """Only the tasks a bulk change would change: a tag taken off changes those that carry it."""
    if not intent.remove_tags or ALL_TAGS in intent.remove_tags:
        return found
    tagged = [t for t in found if any(carries(t, tag) for tag in intent.remove_tags)]
    tags = " and ".join(f"#{tag}" for tag in intent.remove_tags)
    return tagged or Decision(reply=f"No open task has the tag {tags}, so I changed nothing.")


def _change(turn: Turn, found: list[dict[str, Any]]) -> Decision:
    intent, d = turn.intent, turn.intent.details
    calls = []
    for task in found:
        changes: dict[str, Any] = {}
        if intent.new_title and len(found) == 1:
            changes["title"] = intent.new_title[:1].upper() + intent.new_title[1:]
        swap = intent.swap
        if intent.typo_in and not swap and len(found) == 1:
            swap = _title_slip(task["title"], intent.typo_in)
        if swap and len(found) == 1:
            title = _swapped(task["title"], *swap)
            if title != task["title"]:
                changes["title"] = title
        if d.due:
            changes["due_date"] = str(_in_own_month(d.due, d, task, turn.today))
        if d.shift_days or d.shift_months:  # from its own due date, else from today
            base = date.fromisoformat(task["due_date"]) if task.get("due_date") else turn.today
            base = add_months(base, d.shift_months) if d.shift_months else base
            changes["due_date"] = str(base + timedelta(days=d.shift_days))
        if d.shift_minutes:
            if not task.get("due_time"):  # no time to move from: ask rather than guess one
                return Decision(reply=f"{replies.quoted([task])} has no set time to move.")
            changes |= _moved_time(task, d.shift_minutes, turn.today)
        if d.clear_due:
            changes["clear_due_date"] = True
        elif d.schedule:  # a time or repeat keeps the task's own day when none is said
            own = date.fromisoformat(task["due_date"]) if task.get("due_date") else None
            changes |= schedule_args(d, turn.today, own)
        if d.priority:
            changes["priority"] = d.priority
        if d.tags or intent.remove_tags:
            existing = task.get("tags", []) if intent.add_tags else []
            tags = [t for t in [*existing, *d.tags] if t not in intent.remove_tags]
            changes["tags"] = list(dict.fromkeys(tags))
        if d.description and (note := _with_note(task.get("description"), d)) is not None:
            changes["description"] = note
        if changes:
            calls.append(ToolCall("update_task", {"task_id": task["id"], **changes}))
    if not calls and d.description:  # the note said is the one the task has
        return Decision(reply=f"{replies.quoted(found)} already has that note.")
    if not calls:
        return Decision(reply=f"What should I change about {replies.quoted(found)}?")
    return Decision(calls=calls)


def _swapped(title: str, wrong: str, right: str) -> str:
    """The title with the wrong word(s) put right. Words of the right phrase the title already
    has just before them are not said twice: "Choir rehearsal", ("rehearsal", "choir
    practice"): "Choir practice"."""
    words = right.split()
    lead = ""
    for n in range(len(words) - 1, 0, -1):
        said = r"\s+".join(re.escape(w) for w in words[:n])
        if re.search(rf"\b{said}\s+{re.escape(wrong)}\b", title, re.I):
            lead = rf"{said}\s+"
            break
    return re.sub(
        rf"\b{lead}{re.escape(wrong)}\b",
        lambda w: right[:1].upper() + right[1:] if w[0][:1].isupper() else right,
        title,
        flags=re.I,
    )


def _name_slip(title: str, name: str) -> tuple[str, str] | None:
    """The one title word that is the name misspelt ("Kowalczyk" for "Kowalski"): same first
    letter, close enough, not the name itself."""
    near = [
        w for w in re.findall(r"[\w'-]+", title)
        if w[0].lower() == name[0].lower() and w.lower() != name.lower() and len(w) > 2
        and fuzz.ratio(w.lower(), name.lower()) >= 60
    ]  # fmt: skip
    return (near[0], name) if len(near) == 1 else None


def _named_for_name_fix(turn: Turn) -> Decision | None:
    """ "her name is Sarah": of the tasks the words name (or the one just talked about), the one
    with a word like the name; None when it is not one name put right, or no task has it."""
    intent = turn.intent
    name = intent.name_fix
    if not name:
        return None
    subject = intent.items[0] if intent.items else "it"
    if PRONOUN.match(subject):
        pool = turn.convo.recent_tasks()
    else:
        listed = lookup(turn.convo, status="all", limit=LOOKUP_LIMIT)
        if isinstance(listed, ToolCall):
            return Decision(calls=[listed])
        pool = [t for t in listed if shares_a_word(subject, t["title"])]
    fits = [t for t in pool if _name_slip(t["title"], name)]
    if len(fits) != 1:
        return Decision(reply=f"Which task should say '{name}'? Tell me its title as it is now.")
    intent.swap = _name_slip(fits[0]["title"], name)
    return _change(turn, fits)


def _title_slip(title: str, said: str) -> tuple[str, str] | None:
    """The one word of the title that is a slip of a word said ("swimmng" for "swimming"), else
    of a known word ("byu"), as (wrong, right); None when there is not exactly one."""
    said_words = {w.lower() for w in re.findall(r"[a-z]{3,}", said, re.I)}
    slips = set()
    for word in re.findall(r"[\w'-]+", title):
        lower = word.lower()
        if len(lower) < 3 or not lower.isalpha() or lower in said_words:
            continue
        near = [
            s for s in said_words
            if s[0] == lower[0] and stem(s) != stem(lower)
            and OSA.distance(s, lower) <= (1 if len(lower) <= 5 else 2)
        ]  # fmt: skip
        if len(near) == 1:
            slips.add((word, near[0]))
        elif not near and (known := _slip([word])):
            slips.add(known)
    return slips.pop() if len(slips) == 1 else None


def _in_own_month(due: date, d: Details, task: dict[str, Any], today: date) -> date:
    """ "due on the 20th, not the 25th" of a task due 25 May: the 20th of May, while that is
    still ahead; so is "move it to the 28th" (later in its own month). With no old day said,
    an earlier day is the next one ("rent should be on the 1st"); a day said with its month
    (or a weekday) stands as said."""
    own = date.fromisoformat(task["due_date"]) if task.get("due_date") else None
    same = in_month_of(own, d.day_of_month) if own and d.day_of_month else None
    if not same or same < today or (same < own and not d.replaces_day):  # type: ignore[operator]
        return due
    return same


def _moved_time(task: dict[str, Any], minutes: int, today: date) -> dict[str, str]:
    """The task's own day and time moved by ``minutes``: past midnight is the next day."""
    day = date.fromisoformat(task["due_date"]) if task.get("due_date") else today
    hour, minute = (int(x) for x in task["due_time"][:5].split(":"))
    moved = datetime.combine(day, datetime.min.time()) + timedelta(
        hours=hour, minutes=minute + minutes
    )
    return {"due_date": str(moved.date()), "due_time": moved.strftime("%H:%M")}


def _with_note(old: str | None, d: Details) -> str | None:
    """The task's note after ``d``'s: the new one added on a line of its own after the old, or
    in its place when the user asked to change it; None when it is there already."""
    new, old = d.description or "", (old or "").strip()
    if d.replace_note or not old:
        return new
    return None if new.casefold() in old.casefold() else f"{old}\n{new}"


def describe_updates(records: list[Any], turn: Turn) -> str:
    lines = []
    for r in records:
        if not r.ok:
            continue
        task, args = r.result["task"], r.arguments
        facts = []
        if "title" in args:
            facts.append(f"renamed to '{task['title']}'")
        if "due_date" in args:
            facts.append("due " + describe(task["due_date"], turn.today))
        if args.get("clear_due_date"):
            facts.append("no due date now")
        if "due_time" in args:
            facts.append(f"at {task['due_time']}")
        if args.get("clear_due_time"):
            facts.append("no set time now")
        if "recurrence" in args:
            facts.append(f"repeats {task['recurrence_text']}")
        if args.get("clear_recurrence"):
            facts.append("no longer repeats")
        if "priority" in args:
            facts.append(f"{task['priority']} priority")
        if "tags" in args:
            tags = " ".join(f"#{t}" for t in task["tags"])
            facts.append(f"tags {tags}" if tags else "no tags now")
        if "description" in args:
            facts.append("note changed" if turn.intent.details.replace_note else "note added")
        subject = f"'{task['title']}'" if "title" not in args else "Task"
        lines.append(f"Updated {subject}: {', '.join(facts)}.")
    return " ".join(lines)


# Several fields of one task in one sentence: "change the priority of X to high and the due
# date to tomorrow", "set X's priority to low and tag it home". One update with every field;
# a value that is not one (or a field said twice) leaves the message to the other readers.
_FIELD = r"(?:priority|prio|due\s+date|due\s+day|deadline|date|due|tags?|labels?|due\s+time|time)"
_FIELD_VERB = r"(?:change|set|update|make|switch|put|move)"
_FIELDS_OF = re.compile(
    rf"^(?:(?:can|could|would)\s+(?:you|u)\s+|please\s+|pls\s+|kindly\s+)*{_FIELD_VERB}\s+"
    rf"(?:(?:the|its)\s+(?P<f1>{_FIELD})\s+(?:of|for|on)\s+(?P<x1>.+?)"
    rf"|(?P<x2>.+?)(?:'s|\s+is)\s+(?P<f2>{_FIELD}))\s+to\s+(?P<rest>.+)$",  # "'s due": "is due"
    re.I,
)
_NEXT_FIELD = re.compile(
    rf"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:(?:the|its)\s+)?{_FIELD}\s+to\b|(?:tag|label)\s+it\b)",
    re.I,
)
_FIELD_SAID = re.compile(
    rf"^(?:(?:the|its)\s+)?(?P<f>{_FIELD})\s+to\s+(?P<v>.+)$|^(?:tag|label)\s+it\s+(?:as\s+)?(?P<tag>.+)$",
    re.I,
)


def _field_value(field: str, value: str, today: date) -> Details | None:
    value = value.strip(" .!,").removesuffix(" please").strip()
    field = field.lower()
    if field.startswith(("prio", "priority")):
        p = priority_word(re.sub(r"\s+priority$", "", value, flags=re.I))
        return Details(priority=p) if p in {"high", "medium", "low"} else None
    if field.startswith(("tag", "label")):
        tag = value.lstrip("#").lower()
        return Details(tags=[tag]) if re.fullmatch(r"[\w-]{1,32}", tag) else None
    rest, details = take_details(value if field.endswith("time") else f"by {value}", today)
    if clean_title(rest) or details.priority or details.tags:
        return None
    if field.endswith("time"):
        return details if details.time and not details.due else None
    return details if details.due else None


def parse_field_changes(msg: Message) -> Intent | None:
    if not (m := _FIELDS_OF.match(msg.text)):
        return None
    pieces = _NEXT_FIELD.split(m["rest"])
    if len(pieces) < 2:
        return None  # one field: the other readers know it
    said = [(m["f1"] or m["f2"], pieces[0])]
    for piece in pieces[1:]:
        if not (f := _FIELD_SAID.match(piece.strip())):
            return None
        said.append(("tag", f["tag"]) if f["tag"] else (f["f"], f["v"]))
    merged: dict[str, Any] = {}
    for field, value in said:
        if (details := _field_value(field, value, today=msg.today)) is None:
            return None
        changed = {k: v for k, v in vars(details).items() if v != getattr(Details(), k)}
        if changed.keys() & merged.keys():
            return None  # the same field twice: not ours to choose
        merged |= changed
    return Intent("update", _target(msg, m["x1"] or m["x2"]), details=Details(**merged))


# A tag told as what the task is for, with "tag it" said: "the conference tickets are for work
# btw, tag it", "tag it, it's a work thing". Without "tag it", only a usual tag word said of
# "it" ("that's a home one"): "that's a big one" tags nothing.
_TAG_IT = (
    r"(?:so\s+)?(?:(?:please|pls|can you|could you|just)\s+)*(?:tag|label)\s+(?:it|that|this|them)"
)
_IS_FOR = (
    r"\s+(?:is|are)\s+(?:(?:for|from)\s+(?:my\s+|the\s+)?(?P<for>[\w-]+)"
    r"|an?\s+(?P<kind>[\w-]+)\s+(?:thing|one|task|item|errand|job))"
    r"(?:\s+(?:btw|by the way|tbh|fyi|really|obviously))*"
)
IMPLIED_TAG = rx(
    rf"^(?P<x>.+?){_IS_FOR}\s*[,.;!-]+\s*{_TAG_IT}(?:\s+(?:accordingly|as such|please|pls|too|then))*$",
    rf"^{_TAG_IT}\s*[,.;:-]+\s*(?P<x>it|that|this|they){_IS_FOR}$",
)
_USUAL_TAGS = {"work", "home", "personal", "school", "family", "health", "errands", "finance",
               "shopping", "household", "house", "uni", "college", "office", "garden", "kids",
               "pets", "car", "travel", "social", "fitness", "money"}  # fmt: skip
_THAT_ONE_IS = re.compile(rf"^(?P<x>it|that|this|this one|that one){_IS_FOR}$", re.I)


def parse_implied_tag(msg: Message) -> Intent | None:
    m = first_match(IMPLIED_TAG, msg.text)
    if m is None and (m := _THAT_ONE_IS.match(msg.text)) is None:
        return None
    tag = (m["for"] or m["kind"]).lower()
    if m.re is _THAT_ONE_IS and (not m["kind"] or tag not in _USUAL_TAGS):
        # no "tag it": only "a <usual tag word> one" ("that's a big one", "is for the kids"
        # tag nothing)
        return None
    if take_details(tag, msg.today)[1] != Details() or tag in {"me", "you", "him", "her", "us"}:
        return None  # "the tickets are for friday": a day, no tag
    said = m["x"].strip()
    items = ["it"] if PRONOUN.match(said) or said.lower() in {"this one", "that one"} else []
    return Intent("update", items or _target(msg, said), details=Details(tags=[tag]))
