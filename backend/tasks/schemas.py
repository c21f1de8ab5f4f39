"""Task shapes and the validation rules every caller (REST routes, assistant tools) shares."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

import sqlalchemy as sa
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    field_validator,
    model_validator,
)
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from backend.tasks import recurrence

TITLE_MAX = 200
DESCRIPTION_MAX = 2000
TAGS_MAX = 10
TAG_MAX = 32
RECURRENCE_MAX = 200
PAGE_DEFAULT, PAGE_MAX = 50, 100


class Priority(StrEnum):
    low = "low"
    medium = "medium"
    high = "high"

    @property
    def rank(self) -> int:
        return _PRIORITY_RANK[self]

    @classmethod
    def from_rank(cls, rank: int) -> Priority:
        return _PRIORITY_BY_RANK[rank]


_PRIORITY_RANK = {Priority.low: 0, Priority.medium: 1, Priority.high: 2}
_PRIORITY_BY_RANK = {v: k for k, v in _PRIORITY_RANK.items()}

# Control characters (NUL included) have no place in a task and PostgreSQL rejects NUL;
# lone surrogates (JSON "\ud800") cannot be stored by any database.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _clean_text(value: str, *, single_line: bool) -> str:
    value = unicodedata.normalize("NFC", value)
    if _CONTROL.search(value) or (single_line and ("\n" in value or "\r" in value)):
        raise ValueError("must not contain control characters")
    return value.strip()


def _title(value: str) -> str:
    value = _clean_text(value, single_line=True)
    if not value:
        raise ValueError("title must not be empty")
    if len(value) > TITLE_MAX:
        raise ValueError(f"title must be at most {TITLE_MAX} characters")
    return value


def _description(value: str | None) -> str | None:
    if value is None:
        return None
    value = _clean_text(value, single_line=False)
    if len(value) > DESCRIPTION_MAX:
        raise ValueError(f"description must be at most {DESCRIPTION_MAX} characters")
    return value or None


def normalise_tag(value: str) -> str:
    tag = _clean_text(value, single_line=True).lstrip("#").strip().lower()
    if not tag:
        raise ValueError("tags must not be empty")
    if len(tag) > TAG_MAX:
        raise ValueError(f"each tag must be at most {TAG_MAX} characters")
    return tag


def _tags(values: list[str]) -> list[str]:
    tags = list(dict.fromkeys(normalise_tag(v) for v in values))  # de-duplicate, keep order
    if len(tags) > TAGS_MAX:
        raise ValueError(f"a task can have at most {TAGS_MAX} tags")
    return tags


def _due_date(value: object) -> object:
    # Its own message: pydantic's ("invalid date separator") does not say what to send.
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError("due_date must be a real date written YYYY-MM-DD") from None
    return value


def _due_time(value: str | None) -> str | None:
    if value is None:
        return None
    m = _TIME.fullmatch(value.strip())
    if not m:
        raise ValueError("due_time must be a time of day written HH:MM (24-hour), e.g. 09:30")
    return f"{int(m['h']):02d}:{m['m']}"


def _recurrence(value: str | None) -> str | None:
    return recurrence.normalise(value) if value is not None and value.strip() else None


def check_schedule(due_date: date | None, due_time: str | None, rule: str | None) -> None:
    """A time or a repeat is of a day: both need the due date."""
    if due_time is not None and due_date is None:
        raise ValueError("due_time needs a due_date: a time without a day cannot be scheduled")
    if rule is not None and due_date is None:
        raise ValueError("recurrence needs a due_date: the day the repeat starts from")


_TIME = re.compile(r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::00)?")

Title = Annotated[str, Field(max_length=TITLE_MAX * 4), AfterValidator(_title)]
Description = Annotated[
    str | None, Field(max_length=DESCRIPTION_MAX * 4), AfterValidator(_description)
]
Tags = Annotated[list[str], Field(max_length=TAGS_MAX * 4), AfterValidator(_tags)]
DueDate = Annotated[date | None, BeforeValidator(_due_date)]
DueTime = Annotated[str | None, Field(max_length=20, examples=["09:30"]), AfterValidator(_due_time)]
Recurrence = Annotated[
    str | None,
    Field(max_length=RECURRENCE_MAX * 2, examples=["FREQ=WEEKLY;BYDAY=MO,WE"]),
    AfterValidator(_recurrence),
]


class TaskBase(SQLModel):
    """The task fields a client writes, declared once. The table (``models.Task``), Create,
    Update and Public derive from it; the assistant's tool parameters and the frontend's
    types (generated from the OpenAPI schema) follow from those. Priority and tags are
    stored differently from how they are sent (a rank, a table of their own), so they are
    declared by each shape."""

    title: str = SQLField(
        sa_type=sa.String(TITLE_MAX), description=f"At most {TITLE_MAX} characters"
    )
    description: str | None = SQLField(
        default=None, sa_type=sa.String(DESCRIPTION_MAX), description="A longer note"
    )
    due_date: date | None = SQLField(
        default=None,
        description="YYYY-MM-DD, a local date (the time zone of the request or account)",
    )
    # Wall-clock time in the user's zone, so a task due at 09:00 stays at 09:00 across DST.
    due_time: str | None = SQLField(
        default=None,
        sa_type=sa.String(5),
        description="HH:MM (24-hour), local wall-clock time; needs due_date",
    )
    recurrence: str | None = SQLField(
        default=None,
        sa_type=sa.String(RECURRENCE_MAX),
        description=(
            "Repeat rule, an RFC 5545 RRULE body such as FREQ=WEEKLY;BYDAY=MO,WE (FREQ DAILY, "
            "WEEKLY, MONTHLY or YEARLY; INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, COUNT, UNTIL); "
            "needs due_date, the first day. Completing the task moves it to the next day."
        ),
    )


class TaskCreate(TaskBase):
    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    title: Title
    description: Description = None
    priority: Priority = Priority.medium
    due_date: DueDate = None
    due_time: DueTime = None
    recurrence: Recurrence = None
    tags: Tags = Field(default_factory=list)

    @model_validator(mode="after")
    def _schedule(self) -> TaskCreate:
        check_schedule(self.due_date, self.due_time, self.recurrence)
        return self


class TaskUpdate(TaskBase):
    """Any subset of the writable fields; only the fields sent are changed. Clearing the due
    date clears its time and repeat too (the service checks the combination)."""

    model_config = ConfigDict(extra="forbid")  # type: ignore[assignment]

    title: Title | None = None  # type: ignore[assignment]
    description: Description = None
    priority: Priority | None = None
    due_date: DueDate = None
    due_time: DueTime = None
    recurrence: Recurrence = None
    tags: Tags | None = None
    completed: StrictBool | None = None  # true or false: "yes", 1 or "on" are refused

    @field_validator("title", "priority", "tags", "completed", mode="before")
    @classmethod
    def _not_null(cls, v: object) -> object:
        # These may be left out, but not cleared: null is only meaningful for the optional ones.
        if v is None:
            raise ValueError("may be omitted but not null")
        return v


class TaskPublic(TaskBase):
    # Every field is always sent: the schema (and the generated frontend types) say so.
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)  # type: ignore[assignment]

    id: int
    completed: bool
    priority: Priority
    tags: list[str]
    recurrence_text: str | None = Field(
        description='The repeat in words, e.g. "every Monday and Wednesday" (read-only)'
    )
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None
    last_completed_at: datetime | None = Field(
        description="When a repeating task was last done (completing it moves it to its next date)"
    )


TaskStatus = Literal["all", "pending", "completed"]
DueFilter = Literal["overdue", "today", "week"]
SortField = Literal["created", "due", "priority"]
SortOrder = Literal["asc", "desc"]

# The natural direction of each sort when the caller does not say.
DEFAULT_ORDER: dict[SortField, SortOrder] = {"created": "desc", "due": "asc", "priority": "desc"}


class TaskQuery(BaseModel):
    status: TaskStatus = "all"
    priority: Priority | None = None
    tag: str | None = Field(default=None, max_length=TAG_MAX * 4)
    q: str | None = Field(default=None, max_length=TITLE_MAX)
    due: DueFilter | None = None
    sort: SortField = "created"
    order: SortOrder | None = None
    limit: int = Field(default=PAGE_DEFAULT, ge=1, le=PAGE_MAX)
    cursor: str | None = Field(default=None, max_length=500)

    @field_validator("tag")
    @classmethod
    def _tag(cls, v: str | None) -> str | None:
        return normalise_tag(v) if v else None

    @field_validator("q")
    @classmethod
    def _q(cls, v: str | None) -> str | None:
        return _clean_text(v, single_line=True) or None if v else None

    @property
    def direction(self) -> SortOrder:
        return self.order or DEFAULT_ORDER[self.sort]


class TaskPage(BaseModel):
    items: list[TaskPublic]
    next_cursor: str | None
