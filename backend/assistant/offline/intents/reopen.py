"""Reopening a completed task ("uncheck X", "X isn't done after all")."""

from __future__ import annotations

from backend.assistant.offline.intents.base import NOT_DONE, Message
from backend.assistant.offline.parsing import Details, Intent, act, first_match, rx, take_details

# The task's words, one clause: "mark the fence as stained, and put the deck back to not done"
# is two requests.
_ONE_CLAUSE = r"(?P<rest>(?:(?!\s+and\s+(?:put|mark|set|move|make|change|flag)\b)[^,;])+?)"

# What a task done "is": "the fence is fixed", "the car is washed" (the words ``complete`` reads).
_DONE_STATE = r"done|finished|complete|completed|sorted|fixed|repaired|paid|booked|sent|[a-z]{3,}ed"

REOPEN = rx(
    r"^(?:reopen|re-open|uncheck|un-check|untick|un-tick|unmark|un-complete|uncomplete|undo|restore|bring back|reactivate|resurrect)\s+(?P<rest>.+)$",
    rf"^(?:mark|set|flag|make|put|move|change|switch)\s+{_ONE_CLAUSE}\s+(?:back\s+)?(?:to|as|into)\s+(?:not done|undone|incomplete|pending|open|active|to ?do|unfinished)(?: again)?$",
    r"^(?:put|bring|move)\s+(?P<rest>.+?)\s+back(?:\s+(?:on|to|in)\s+(?:my|the)\s+(?:todo\s+|to-do\s+)?list)?$",
    rf"^(?:mark|set|flag|make)\s+{_ONE_CLAUSE}\s+(?:as\s+)?(?:not done|undone|incomplete|not complete"
    r"|not completed|not finished|unfinished|pending|open|active|to ?do)(?: again)?$",
    r"^(?P<rest>.+?)\s+(?:is|are|was|were)(?: actually| still)?\s+(?:not (?:actually |really )?(?:done|finished|complete|completed)"
    r"|still pending|still open|incomplete|unfinished)(?:\s+(?:yet|after all|actually|really|either))*$",
    r"^i (?:didn'?t|did not|haven'?t|have not) (?:actually |really |quite )?(?:finish|finished|complete|completed|done|do) (?P<rest>.+)$",
    r"^(?:not done|not finished|undo that|undo)$",
    # "I didn't actually call the plumber": the task is the verb phrase itself.
    r"^(?:i|we) (?:did not|have not) (?:actually |really |even |end up |quite )*"
    r"(?P<rest>(?!(?:want|need|like|know|mean|say|think|ask|add|see)\b)[a-z]+ .+)$",
    # "didn't get to the car wash today, ugh", "never got round to the recycling": work told
    # as not done; an open task stays open, a closed one is open again
    rf"^(?:(?:i|we)\s+)?(?:still\s+)?{NOT_DONE}\s+"
    r"(?:actually |really |quite |even |end up )*(?:(?:get|got)\s+(?:round\s+|around\s+)?to\s+"
    r"|manage(?:d)?\s+to\s+|find\s+(?:the\s+)?time\s+for\s+|do\s+(?=the\b|my\b|our\b))?"
    # ("I never sent it. reopen it": "it" is named by the turn before, and the request says so)
    r"(?!\w+\s+(?:it|that|this|them|those)\b\s*(?:[,.!?]|$))"
    r"(?P<rest>(?!(?:want|need|like|know|mean|say|think|ask|add|see|hear|understand)\w*\b)"
    r"[a-z][^,;.!?]*?)(?:\s+(?:yet|today|tonight|this week|in the end|either))*(?:\s*,.*)?[\s.!?]*$",
    # "the report I marked finished by mistake": a completion taken back.
    r"^(?!(?:i|we)\s)(?P<rest>.+?),?\s+(?:i\s+|we\s+)?(?:mark|marked|ticked|checked|set|closed)\s+(?:it\s+)?(?:as\s+|off\s+)?"
    r"(?:done|finished|complete|completed|off)?\s*(?:by (?:mistake|accident)|accidentally|in error)\b.*$",
    r"^(?:i|we) (?:accidentally |mistakenly )?(?:marked|ticked|checked|closed|mark|tick|check|close)"
    r" (?P<rest>.+?) (?:as )?(?:done|finished|complete|completed|off)?\s*(?:by (?:mistake|accident)"
    r"|accidentally|in error)$",
    # "I marked Call Jon done but I meant Call John": taken back, and the other one done
    r"^(?:i|we) (?:accidentally |mistakenly )?(?:marked|ticked|checked|closed|completed|mark|tick"
    r"|check|close|complete) (?P<rest>.+?)(?: as)?(?: done| finished| complete| completed| off)?"
    r",? but (?:i |we )?(?:meant|mean|wanted)(?: to (?:mark|tick|check|close|complete))? (?P<meant>.+?)"
    r"(?: instead)?$",
    r"^(?:open|reopen) (?P<rest>it|that|this|them) again$|^open again$",
    # "…, open the task again", "…, reopen pls": the task the other clause names ("it")
    r"^(?:open|reopen|re-open)\s+(?:the|that|this)\s+(?:task|todo|one)\s+again$"
    r"|^(?:reopen|re-open|uncheck|untick|unmark)(?:\s+again)?$",
    # "printer paper not done, reopen pls": the state said tersely, with no "is"
    r"^(?P<rest>(?!(?:i|we|you|he|she|they|it|that|this|am|is|are)\b)[^,;]+?)(?<!\bam)"
    r"(?<!\bis)(?<!\bare)\s+not\s+(?:done|finished|complete|completed)"
    r"(?:\s+(?:yet|after all|actually|really|either))*$",
    # "the fence is no longer fixed", "…is not fixed anymore", a learner's "is not more fixed":
    # what was done is undone again
    rf"^(?P<rest>.+?)\s+(?:is|are|was|were)\s+(?:no\s+(?:longer|more)|not\s+(?:more|anymore|any more))"
    rf"\s+(?:{_DONE_STATE})$",
    rf"^(?P<rest>.+?)\s+(?:is|are|was|were)\s+not\s+(?:{_DONE_STATE})\s+(?:anymore|any more|any longer)$",
    r"^(?:i|we) (?:accidentally|mistakenly) (?:marked|ticked|checked|closed) (?P<rest>.+?)"
    r"(?: as)? (?:done|finished|complete|completed|off)$",
)


def parse(msg: Message) -> Intent | None:
    if m := first_match(REOPEN, msg.text):
        rest = msg.literal(m.groupdict().get("rest") or "it")
        # "reopen it for tomorrow": a day or level said with it is a change to the same task
        cut, details = take_details(rest, msg.today)
        change = cut.strip(" ,") and details != Details() and not details.description
        intent = act("reopen", cut if change else rest, msg.today)
        if change:
            intent.then = [Intent("update", intent.items[:1] or ["it"], details)]
        if meant := m.groupdict().get("meant"):
            intent.then = [act("complete", msg.literal(meant), msg.today)]
        return intent
    return None
