"""How the offline assistant says things: task lines, lists and short confirmations."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from backend.assistant.offline.dates import describe

Task = dict[str, Any]

WHICH_ONE = "Which one do you mean?"
SAY_ALL = 'Say "all of them", or name the ones you mean.'
EXAMPLES = (
    '"add call mom tomorrow at 5pm #family", "what\'s due this week?", '
    '"mark it done", "move the dentist to Friday", "delete buy milk"'
)
_NUMBERED = re.compile(r"^\s*(\d+)\.\s+(.+?)(?:\s+—\s+.*)?$", re.MULTILINE)


def quoted(tasks: list[Task]) -> str:
    """'A', 'B' and 'C'."""
    names = [f"'{t['title']}'" for t in tasks]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def task_line(task: Task, today: date, *, show_done: bool = False) -> str:
    facts = []
    if task.get("due_date"):
        overdue = not task["completed"] and date.fromisoformat(task["due_date"]) < today
        at = f" at {task['due_time']}" if task.get("due_time") else ""
        facts.append(
            ("overdue, was due " if overdue else "due ") + describe(task["due_date"], today) + at
        )
    if task.get("recurrence_text"):
        facts.append(f"repeats {task['recurrence_text']}")
    if task.get("priority") == "high":
        facts.append("high priority")
    elif task.get("priority") == "low":
        facts.append("low priority")
    facts += [f"#{tag}" for tag in task.get("tags", [])]
    check = "✓ " if show_done and task["completed"] else ""
    return f"{check}{task['title']}" + (f" — {', '.join(facts)}" if facts else "")


def numbered(tasks: list[Task], today: date, *, show_done: bool = False) -> str:
    return "\n".join(
        f"{i}. {task_line(t, today, show_done=show_done)}" for i, t in enumerate(tasks, 1)
    )


def numbered_titles(reply: str) -> list[str]:
    """The titles of a numbered list in an earlier reply (what "the second one" points at)."""
    return [m.group(2).removeprefix("✓ ") for m in _NUMBERED.finditer(reply)]


def listed_names(reply: str) -> list[str]:
    """What each line of a numbered list names: its title, or the whole line where another line
    has the same title ("Call the school — due today" and "… — due Tue 8 Dec"), so that "the
    second one" still tells two tasks of one title apart (``find_one`` reads the line)."""
    titles = numbered_titles(reply)
    lines = [m.group(0).split(".", 1)[1].strip() for m in _NUMBERED.finditer(reply)]
    return [line if titles.count(t) > 1 else t for t, line in zip(titles, lines, strict=True)]


def added(tasks: list[Task], today: date) -> str:
    if len(tasks) == 1:
        t = tasks[0]
        extra = task_line(t, today).removeprefix(t["title"]).removeprefix(" — ")
        return f"Added '{t['title']}'" + (f" ({extra})." if extra else ".")
    return f"Added {len(tasks)} tasks:\n{numbered(tasks, today)}"


def moved_on(task: Task, today: date) -> str:
    """A repeating task was done: it is open again, on its next day."""
    at = f" at {task['due_time']}" if task.get("due_time") else ""
    return (
        f"Done for now: '{task['title']}' repeats {task.get('recurrence_text') or 'again'}, "
        f"next due {describe(task['due_date'], today)}{at}."
    )


def ask_which(subject: str, options: list[Task], today: date) -> str:
    options = sorted(options, key=lambda t: t["id"])  # oldest first: a stable order to pick from
    return (
        f"More than one task matches '{subject}'. {WHICH_ONE}\n"
        f"{numbered(options[:6], today, show_done=True)}"
    )


def ask_scope(options: list[Task], today: date) -> str:
    """A bulk request whose scope is unclear: show what it could mean, change nothing."""
    options = sorted(options, key=lambda t: t["id"])
    if len(options) == 1:
        return f"Do you mean '{options[0]['title']}'? Say its name to go ahead."
    return (
        f"I'm not sure which tasks you mean, so I changed nothing. These {len(options)} match:\n"
        f"{numbered(options[:10], today, show_done=True)}\n" + SAY_ALL
    )


def not_found(subject: str, suggestion: Task | None) -> str:
    text = f"I couldn't find a task matching '{subject}'."
    if suggestion:
        text += f" Did you mean '{suggestion['title']}'?"
    return text


def help_text() -> str:
    return (
        "I can add, list, complete, update and delete your tasks. Try: " + EXAMPLES + ". "
        'Ask "what can you do?" any time.'
    )
