"""What every intent module works with: the message being read, and the shape of a parser.

A parser reads one message (or one clause of it) and returns an ``Intent`` when the message is
its kind, a ``Reread`` to read other text instead, or ``None`` to let the next parser try. The
registry (``intents/__init__.py``) tries them in order; the first answer wins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from backend.assistant.offline.parsing import Intent, with_quotes

# Work told as not done: "did not", "haven't", "couldn't", "never" ("didn't get to the car wash",
# "never got round to the recycling", "but I didn't do the freezer"). Such work is never a
# completion; the one list that complete, reopen and the clause reader all use.
NOT_DONE = r"(?:(?:did|have|has|had|could|was|were)\s*(?:n'?t|not)|never)"


@dataclass(frozen=True)
class Message:
    text: str  # normalised, typos fixed, quoted text hidden
    quoted: list[str]
    today: date

    def literal(self, part: str) -> str:
        """A part of the text with its quoted text put back."""
        return with_quotes(part, self.quoted)

    @property
    def short(self) -> bool:
        return len(self.text.split()) <= 8


@dataclass(frozen=True)
class Reread:
    text: str


Parser = Callable[[Message], Intent | Reread | None]
