"""Undo: "undo", "undo that", "never mind, put it back", "revert that".

Reverts this conversation's latest change through the ``undo_last_change`` tool; the reply is
the tool's own account of what it did (tasks changed since are left alone, and it says so).
"""

from __future__ import annotations

from backend.assistant.offline.intents.base import Message
from backend.assistant.offline.parsing import Intent, rx
from backend.assistant.offline.targets import Decision, ToolCall, Turn

_WHAT = (r"(?:that|this|it|them|those|these|everything|all that|the changes?|that change|"
         r"(?:the|my|your) (?:last|latest|previous) (?:change|one|thing|action|step|edit)|"
         r"(?:the )?last|what you (?:just )?did|the last thing you did|what i (?:just )?did|"
         r"what just happened)")  # fmt: skip
_BACK = (r"(?:put (?:it|that|them|those|everything) back|bring (?:it|that|them) back|"
         r"change (?:it|that|them) back|set (?:it|that|them) back|take (?:it|that) back|"
         r"make it like before|back to how it was|restore (?:it|that|them)|"
         r"go back(?: like before| to before| to how it was)?|ctrl ?\+? ?z(?: that| it)?)")  # fmt: skip
# "scratch that, undo", "nah undo": a word taking the last change back, then the undo itself
_OOPS = (r"(?:never ?mind|nvm|oops|whoops|oh no|ugh|wait|no|nope|nah|actually|my bad|sorry|mistake|"
         r"(?:scratch|cancel|forget|ignore) (?:that|it)|hmm|hm|argh|dang|damn|welp|"
         r"(?:it |that )?is (?:a )?mistake)")  # fmt: skip

# Undo by name: clear in any clause ("that was a mistake, undo it").
UNDO = rx(
    rf"^(?:undo|revert|reverse|roll ?back)(?: {_WHAT})?(?: (?:again|please|pls|plz|now))?$",
    rf"^(?:{_OOPS}[,.!\- ]+)+(?:undo|revert|reverse|roll ?back)(?: {_WHAT})?(?: (?:please|pls|plz))?$",
    rf"^(?:can|could|would) you (?:please )?(?:undo|revert|reverse)(?: {_WHAT})?$",
    r"^(?:that was a mistake|that's wrong|i did not mean that|i didn't mean that)[,.! ]+"
    rf"(?:undo|revert)(?: {_WHAT})?$",
)
# "Put it back" is an undo only as the whole message: after "gym isn't done," it means
# reopen the gym (the clause before names what "it" is).
PUT_BACK = rx(rf"^(?:{_OOPS}[,.!\- ]+)*(?:please )?{_BACK}(?: please)?$")


def is_put_back(text: str) -> bool:
    """The whole (normalised) message asks to put the last change back."""
    return any(p.match(text) for p in PUT_BACK)


def parse(msg: Message) -> Intent | None:
    return Intent("undo") if any(p.match(msg.text) for p in UNDO) else None


def handle(turn: Turn) -> Decision:
    done = turn.convo.done_this_turn("undo_last_change")
    if not done:
        return Decision(calls=[ToolCall("undo_last_change", {})])
    record = done[-1]
    if not record.ok:
        return Decision(reply=record.error_message or "I couldn't undo that.")
    message = record.result.get("message") if isinstance(record.result, dict) else None
    return Decision(reply=str(message or "Done."))
