"""Finding the task a user means from the words they used (fuzzy, via rapidfuzz)."""

from __future__ import annotations

from typing import Any

from rapidfuzz import fuzz, process, utils

Task = dict[str, Any]

MATCH = 72  # a score at or above this can be the task meant
CLEAR_WIN = 10  # the best must beat the runner-up by this much, or we ask
SUGGEST = 45  # below MATCH but at or above this: offered as "did you mean"


def _score(subject: str, title: str) -> float:
    a, b = utils.default_process(subject), utils.default_process(title)
    if not a or not b:
        return 0.0
    if a == b:
        return 101.0  # an exact title beats any fuzzy match
    # token_set: "milk" in "buy milk"; WRatio: typos ("by mlk"); words: "grocerys".
    return max(fuzz.WRatio(a, b), fuzz.token_set_ratio(a, b) - 5, _word_match(a, b) - 3)


_STOP = {"the", "a", "an", "my", "to", "of", "for", "and", "on", "in", "with", "one", "task"}


def _word_match(subject: str, title: str) -> float:
    """How well each word said matches some word of the title (typos per word)."""
    said = [w for w in subject.split() if w not in _STOP]
    words = [w for w in title.split() if w not in _STOP]
    if not said or not words:
        return 0.0
    return sum(max(fuzz.ratio(s, w) for w in words) for s in said) / len(said)


def candidates(subject: str, tasks: list[Task]) -> list[Task]:
    """The tasks the words could mean: one when clear, several when it is ambiguous."""
    scored = sorted(((_score(subject, t["title"]), t) for t in tasks), key=lambda p: -p[0])
    scored = [(s, t) for s, t in scored if s >= MATCH]
    if not scored:
        return []
    best = scored[0][0]
    return [t for s, t in scored if best - s < CLEAR_WIN] if best < 101 else [scored[0][1]]


def closest(subject: str, tasks: list[Task]) -> Task | None:
    if not tasks:
        return None
    found = process.extractOne(
        subject, {i: t["title"] for i, t in enumerate(tasks)}, scorer=_score_processor
    )
    return tasks[found[2]] if found and found[1] >= SUGGEST else None


def _score_processor(subject: str, title: str, **_: Any) -> float:
    return _score(subject, title)


def prefer(found: list[Task], completed: bool) -> list[Task]:
    """Among equally good matches, the ones in the state the action needs."""
    wanted = [t for t in found if t["completed"] is completed]
    return wanted or found
