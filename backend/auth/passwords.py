"""Which passwords are refused (NIST SP 800-63B, 5.1.1.2): fewer than 8 characters, or easy to
guess. No composition rules ("a digit and a symbol"): they make passwords harder to remember, not
to guess. Guessability is zxcvbn's estimate, which knows common and leaked passwords, keyboard
patterns, sequences, repeats, dates and l33t substitutions, and is told the account's own email
and name so that neither makes a password.
"""

from __future__ import annotations

import asyncio
import re

from fastapi.exceptions import RequestValidationError
from zxcvbn import zxcvbn

# zxcvbn's score: 0-1 fall to an online attack of ~10^6 guesses; 2 needs ~10^8 guesses, which
# the login throttling (a few per minute per account) puts far out of reach.
MIN_SCORE = 2
TOO_GUESSABLE = "This password is too easy to guess"
# zxcvbn refuses longer input (its matching is quadratic); so many characters are never the
# weak part of a password.
ESTIMATED_CHARS = 72


def guessability_problem(password: str, *personal: str | None) -> str | None:
    """Why this password is refused, in words for the user; None if it is fine."""
    words = [p for value in personal if value for p in [value, *re.split(r"[@.\s_+-]+", value)]]
    result = zxcvbn(password[:ESTIMATED_CHARS], user_inputs=[w for w in words if w])
    if result["score"] >= MIN_SCORE:
        return None
    feedback = result["feedback"]
    reasons = [feedback["warning"], *feedback["suggestions"]]
    explained = " ".join(r.rstrip(".") + "." for r in reasons if r)
    return f"{TOO_GUESSABLE}. {explained or 'Add another word or two.'}"


async def require_hard_to_guess(password: str, *personal: str | None) -> None:
    """A 422 on the password field, like any validation error, if it is easy to guess. In a
    thread: the estimate is pure Python and takes up to ~100 ms for a long password."""
    if problem := await asyncio.to_thread(guessability_problem, password, *personal):
        raise RequestValidationError(
            [{"loc": ("body", "password"), "msg": problem, "type": "value_error"}]
        )
