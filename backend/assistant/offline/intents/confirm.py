"""Yes and no: answers to the question a delete asks; the delete's confirmation is checked by
the tool against the database (``backend/assistant/confirmations.py``)."""

from __future__ import annotations

from backend.assistant.offline import replies
from backend.assistant.offline.intents.base import Message
from backend.assistant.offline.parsing import Intent, rx
from backend.assistant.offline.targets import Decision, ToolCall, Turn, delete_outcome

_YES_WORDS = (r"(?:y|ya+|yes+|yeah+|yep+|yup+|yea+|sure|ok|okay|confirm(?:ed)?|correct|right|"
              r"absolutely|definitely|of course|do it|go ahead|go for it|please do|affirmative|"
              r"sounds good|that is right|yes please|i am sure|100%|yes i am sure|go on|carry on|proceed|"
              r"yes go on|do it please|bin it|delete away)")  # fmt: skip

_YES_MORE = (
    rf"(?:{_YES_WORDS[3:-1]}|(?:delete|remove|erase|bin)(?: it| them| both| all| everything)?|"
    # "yes both", "yes, everything": the pending request says which tasks, never these words
    r"both|all|everything|all of them|both of them|please|thanks|thank you|exactly|"
    # "yes is correct", "yes, that's the one" (a learner's "yes is right")
    r"(?:(?:that|this|it)\s+)?(?:is\s+)?(?:correct|right|the one|the right one)|that one|this one)"
)

_NO_WORDS = (r"(?:n|no|nope|nah|cancel|don'?t|do not|stop|never ?mind|nvm|keep (?:it|them)|"
             r"not now|hold on|forget it|abort|negative|leave it|no thanks|no thank you|"
             r"don'?t delete(?: it| them)?|do not delete(?: it| them)?|changed my mind|"
             r"actually no|i changed my mind)")  # fmt: skip

YES = rx(rf"^{_YES_WORDS}(?:[\s,!.]+{_YES_MORE})*$")

NO = rx(rf"^{_NO_WORDS}(?:[\s,!.]+(?:{_NO_WORDS[3:-1]}|wait|hang on|thanks|thank you))*$")


def parse_yes(msg: Message) -> Intent | None:
    return Intent("confirm") if msg.short and any(p.match(msg.text) for p in YES) else None


def parse_no(msg: Message) -> Intent | None:
    return Intent("decline") if msg.short and any(p.match(msg.text) for p in NO) else None


def handle_yes(turn: Turn) -> Decision:
    done = turn.convo.done_this_turn("delete_task")
    if done:
        return Decision(reply=delete_outcome(done[-1]))
    asked = turn.convo.pending_delete()
    if asked is None:
        return Decision(reply="Okay! What would you like to do with your tasks?")
    return Decision(
        calls=[ToolCall("delete_task", {"task_ids": asked.task_ids(), "confirm": True})]
    )


def handle_no(turn: Turn) -> Decision:
    asked = turn.convo.pending_delete()
    if asked is not None:
        return Decision(reply=f"Okay, I won't delete {replies.quoted(asked.tasks())}.")
    return Decision(reply="Okay. Anything else I can do for your tasks?")
