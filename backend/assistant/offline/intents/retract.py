"""Requests taken back, and changes meant for later: nothing changes, and the reply says so.

- Taken back in the same message: "mark the grout sealer done... jk, don't, I haven't been to
  the store", "add buy milk. scratch that", "delete the poster task - wait, don't". The marker
  comes after the request, and nothing follows it but a reason.
- Meant for later: "eventually I'll want to delete the old poster task, but not now", "don't
  delete X yet, maybe next week", "at some point I'll need to mark X done, not yet".

A correction after the marker acts on the correction: "delete the gym task, no wait, the yoga
one" (the yoga one), "add milk, jk, add oat milk" (oat milk). A marker that opens the message
("never mind, put it back", "nvm, mark X done instead") takes back nothing said in it.

Read on the whole message, before it is cut into requests (a clause alone cannot tell that a
later one takes it back): ``parse`` is called first by ``understand``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from backend.assistant.offline.parsing import Details, Intent, take_details
from backend.assistant.offline.targets import Decision, Turn

_CHANGES = {"add", "complete", "reopen", "update", "delete"}
_COMMAND_WORDS = (r"add|put|create|remind me|mark|tick|delete|remove|move|push|make|set|change|"
                  r"rename|reopen|undo|complete")  # fmt: skip

# The words that take a request back. Multi-word ones are clear after a bare space too; the
# short ones ("jk", "nvm") only after a pause, so "add call JK" stays a task.
_CLEAR = (r"(?:just (?:kidding|joking)|(?:scratch|cancel|ignore|forget) (?:that|this|all that)|"
          # "… before I forget it": what the user might do, never "forget it!"
          r"never ?mind|(?<!\bi )forget (?:it|about it)|don'?t do (?:it|that)|do not do (?:it|that)|"
          r"(?:wait|actually|no|hmm),? (?:don'?t|do not|no)(?: do (?:it|that))?|"
          r"(?:no,? )?wait,? not (?:yet|now)|(?:i )?changed my mind)")  # fmt: skip
_SHORT = r"(?:jk|j/k|jks|kidding|nvm|nvmd|nah)"
_LEAD = r"(?:(?:oh|ah|um|uh|hmm|wait|no|actually|lol|haha|ok|okay|sorry)[,!]?\s+)*"
_PAUSE = r"(?:\s*(?:[,;:!?]|\.+|\u2026)\s*|\s+[-\u2013\u2014]+\s*|\s*[-\u2013\u2014]{2,}\s*)"
_TAKEN_BACK = re.compile(
    rf"^(?P<request>.+?)(?:{_PAUSE}{_LEAD}(?:{_CLEAR}|{_SHORT})|\s+{_LEAD}{_CLEAR})"
    r"(?![\w'])(?P<tail>.*)$",  # never "forget it's raining"
    re.I,
)
# What may follow the marker and still take the request back: more such words, then a reason.
_FILLER = re.compile(
    rf"^(?:[\s,.;:!?\u2026\-\u2013\u2014]+|(?:{_CLEAR}|{_SHORT}|don'?t|do not|not (?:yet|now)|lol|"
    r"haha|sorry|my bad|leave it|keep it|no|wait|actually|ok|okay|please)(?![\w']))+",
    re.I,
)
# A reason: about the user or the task's state, never a request ("I haven't been to the store",
# "it rained", "I still need it", "because …").
_REASON = re.compile(
    r"^(?:i|i'm|i've|i'd|i'll|im|ive|we|we're|we've|it|it's|its|that|that's|thats|this|they|"
    r"because|cause|'cause|cos|since|as|still|not|haven't|didn't|already|turns out|the .+ "
    r"(?:is|are|was|were|has|have))(?![\w'])",
    re.I,
)
# A correction, not a reason: "wait no, it's thursday", "no, I meant 5pm", "actually high".
_CORRECTS = re.compile(
    r"^(?:i mean|i meant|make it|make that|rather|(?:it|that)(?:'s| is| should be| was)\s+"
    r"(?:\w+day|tomorrow|today|tonight|at|on|due|for|in|next|high|low|medium|urgent|\d))\b",
    re.I,
)
# The words of another task: no day, no priority, no request ("the yoga one", not "the 5pm one").
_OTHER_TASK = re.compile(r"^(?!.*\d)[\w' -]+$")
# "delete the gym task, no wait, the yoga one": the same change, to the other task.
_THE_OTHER = re.compile(
    rf"^(?P<request>.+?){_PAUSE}(?:(?:no|wait|sorry|oops|actually|i mean|i meant)[,!]?\s+)+"
    r"(?:the|my) (?P<x>[\w' -]+?) (?:one|task)(?: instead)?[.!]*$",
    re.I,
)
# "add eggs, never mind the milk": a thing dropped from the request, not the request.
_DROPPED = re.compile(
    rf"^(?P<request>.+?){_PAUSE}(?:never ?mind|nvm)\s+"
    r"(?:the |my )(?P<x>[\w' -]+?)[.!]*$",
    re.I,
)

# Changes said for later (a first-person future, or "should be done"), by verbs that change
# the list: "eventually I'll want to delete the old poster task, but not now".
_LIST_VERB = (r"(?:delete|remove|erase|get rid of|bin|scrap|mark|tick|check off|cross off|"
              r"complete|move|push|postpone|reschedule|rename|archive|deleted|removed|moved|"
              r"renamed|marked|completed)")  # fmt: skip
_FUTURE = (r"(?:(?:i|we)(?:'ll| will| might| may| would|'m going to| am going to|'re going to| are "
           r"going to| want to| wanna| need to| have to| should)|(?:should|can|could|will) be|"
           r"needs? to be)")  # fmt: skip
# (never a bare "later" or "one day": "move it to later today", "push it one day")
_LATER = (r"(?:eventually|at some point|some ?day|one day(?=,? (?:i|we)\b)|sooner or later|later on|maybe later|"
          r"in the future|down the (?:line|road))")  # fmt: skip
_NOT_NOW = r"not (?:now|yet|right now|just yet|for now|at the moment)(?: though| tho)?"
# The change is clearly one to the list: a list-only verb, or the task called a task.
_ON_THE_LIST = re.compile(
    r"\b(?:mark|tick|check off|cross off|rename|task|to-?do|item|reminder|(?:from|off) (?:my|the) list)\b",
    re.I,
)
_NOT_NOW_SAID = re.compile(rf"\b(?:{_NOT_NOW}|not today)\b", re.I)
_LATER_SAID = re.compile(rf"\b{_FUTURE}\b.*\b{_LIST_VERB}\b", re.I)
_WHEN = re.compile(rf"\b(?:{_LATER}|{_NOT_NOW}|not today)\b", re.I)
# "don't delete X yet", "no need to mark X done yet, maybe next week"
_NOT_YET = re.compile(
    rf"^(?:please\s+)?(?:don'?t|do not|no need to|there's no need to)\s+(?:just\s+)?"
    rf"{_LIST_VERB}\b.*\b(?:yet|for now)\b",
    re.I,
)
# "mark X done, not yet", "… but not now": the change is said, then put off.
_PUT_OFF = re.compile(rf"(?:[,;.]|\bbut\b|\s[-\u2013\u2014])\s*(?:but\s+)?{_NOT_NOW}[.!]*$", re.I)
_ADDS = re.compile(r"\b(?:add|remind me|put .+ on|new task|note (?:down|that)|create)\b", re.I)


def parse(message: str, today: date, read: Callable[[str], Intent]) -> Intent | None:
    """The message taken back ("retract") or meant for later ("later"), or a correction after
    its marker read instead; None when it is none of these. ``read`` understands other words."""
    text = re.sub(r"[\u2018\u2019]", "'", message).strip()
    if _meant_later(text, read):
        return Intent("later")
    if dropped := _DROPPED.match(text):
        request = read(dropped["request"])
        if request.kind in _CHANGES:  # "add eggs, never mind the milk": the eggs
            x = dropped["x"].lower()
            kept = [i for i in request.items if x not in i.lower()]
            return replace(request, items=kept) if kept else Intent("retract")
    if (other := _THE_OTHER.match(text)) and _OTHER_TASK.match(other["x"]):
        request = read(other["request"])
        if request.kind in _CHANGES - {"add"} and request.items and not request.then:
            return replace(
                request,
                items=[other["x"]],
                told=None,
                everything=False,
                alt_subject=None,
                fallback_subject=None,
            )
    m = _TAKEN_BACK.match(text)
    if m is None:
        return None
    request = read(m["request"])
    if request.kind not in _CHANGES and not _COMMAND.match(m["request"]):
        return None  # "what's due today? nvm": a question, answered as before
    paused = re.match(rf"{_PAUSE}|$", m["tail"])
    tail = _FILLER.sub("", m["tail"]).strip(" .!")
    if _CORRECTS.match(tail) or (
        tail[:4].lower() == "not " and take_details(tail, today)[1] != Details()
    ):
        return None  # "… actually no, make that normal priority", "… wait no, not friday, thursday"
    if not tail or _REASON.match(tail):
        return Intent("retract")
    if not paused:
        return None  # "… and cancel this week's yoga": no marker, words of a request
    if _starts_request(tail, read):
        return read(tail)  # "add milk, jk, add oat milk": the request said again
    return None  # "…, no wait, friday": a correction read as before


def _meant_later(text: str, read: Callable[[str], Intent]) -> bool:
    if _ADDS.search(text):
        return False  # "remind me to delete the old photos eventually": a task to add
    if _NOT_YET.search(text):
        return True
    if _LATER_SAID.search(text) and _WHEN.search(text) and _ON_THE_LIST.search(text):
        return True  # "eventually I'll want to delete the old poster task"
    if _LATER_SAID.search(text) and _NOT_NOW_SAID.search(text):
        return True  # "I'll want to move the dentist eventually, not right now"
    put_off = _PUT_OFF.search(text)
    if put_off is None:
        return False
    # "mark X done, not yet": a change the rules read, then put off
    return read(text[: put_off.start()]).kind in _CHANGES - {"add"}


_COMMAND = re.compile(rf"^(?:please\s+)?(?:{_COMMAND_WORDS})\b", re.I)


def _starts_request(tail: str, read: Callable[[str], Intent]) -> bool:
    return bool(_COMMAND.match(tail)) and read(tail).kind in _CHANGES | {"undo"}


def handle(turn: Turn) -> Decision:
    if turn.intent.kind == "later":
        return Decision(
            reply="Okay, I've left it as it is for now. Just tell me when you want it done."
        )
    return Decision(reply="Okay, I left it as it is.")
