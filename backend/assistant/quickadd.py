"""Quick add: one line of plain words read into a task's fields, saving nothing.

``POST /api/tasks/parse`` runs the offline assistant's own reading of an "add" request (the
title, date, time, priority, tags and repeat it would pass to ``add_task``), so the
dashboard's quick-add box and the assistant agree. It lives in the assistant layer because
the parser does (tasks never import the assistant); ``backend/main.py`` includes the router.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from backend.assistant.offline.language import clean_title
from backend.assistant.offline.parsing import schedule_args, take_details
from backend.auth.deps import timezone_of
from backend.auth.tokens import TaskUser
from backend.tasks import recurrence
from backend.tasks.schemas import TITLE_MAX, Priority, TaskBase, normalise_tag

# Generous: a line people type, with room for a pasted title to be reported as too long.
TEXT_MAX = TITLE_MAX * 4

# A command word in front is the add intent's, not the title's ("add", "remind me to").
_COMMAND = re.compile(r"^\s*(?:add|new task|todo|remind me to|remember to)\s*[:\-]?\s+", re.I)

router = APIRouter(prefix="/api/tasks", tags=["tasks"])


class ParseRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=TEXT_MAX, description="One line, as typed")


class ParsedTask(TaskBase):
    """What the line says, in the shape ``POST /api/tasks`` takes (plus the repeat in words).
    The title is not cut: one over the limit comes back as it is, for the form to flag."""

    model_config = ConfigDict(json_schema_serialization_defaults_required=True)  # type: ignore[assignment]

    priority: Priority
    tags: list[str]
    recurrence_text: str | None


def parse_line(text: str, today: date) -> ParsedTask:
    """The offline model's reading of one task (its "add" intent's details)."""
    # One space between words, as the chat's messages are normalised: the date and time
    # patterns were written for that (runs of spaces make some of them backtrack for seconds).
    rest, details = take_details(" ".join(text.split()), today)
    rest = _COMMAND.sub("", rest)
    title = clean_title(rest)
    title = title[:1].upper() + title[1:]
    schedule = schedule_args(details, today)
    due = date.fromisoformat(schedule["due_date"]) if "due_date" in schedule else details.due
    tags: list[str] = []
    for tag in details.tags:
        try:
            tags.append(normalise_tag(tag))
        except ValueError:
            continue  # a tag that could not be saved is left out rather than failing the line
    rule = schedule.get("recurrence")
    return ParsedTask(
        title=title,
        description=details.description,
        priority=Priority(details.priority or "medium"),
        due_date=due,
        due_time=schedule.get("due_time"),
        recurrence=rule,
        recurrence_text=recurrence.describe(rule, due),
        tags=list(dict.fromkeys(tags)),
    )


@router.post(
    "/parse",
    response_model=ParsedTask,
    responses={401: {"description": "Not signed in, or an invalid access token"}},
)
async def parse_task(body: ParseRequest, request: Request, user: TaskUser) -> ParsedTask:
    """Read one line of quick add into task fields; nothing is saved."""
    today = datetime.now(timezone_of(request, user)).date()  # "today" is the user's
    return parse_line(body.text, today)
