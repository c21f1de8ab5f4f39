"""Task shapes and the validation rules every caller (REST routes, assistant tools) shares."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StrictBool, field_validator

TITLE_MAX = 200
DESCRIPTION_MAX = 2000
TAGS_MAX = 10
TAG_MAX = 32
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


Title = Annotated[str, Field(max_length=TITLE_MAX * 4), AfterValidator(_title)]
Description = Annotated[
    str | None, Field(max_length=DESCRIPTION_MAX * 4), AfterValidator(_description)
]
Tags = Annotated[list[str], Field(max_length=TAGS_MAX * 4), AfterValidator(_tags)]


class TaskCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    title: Title
    description: Description = None
    priority: Priority = Priority.medium
    due_date: date | None = None
    tags: Tags = Field(default_factory=list)


class TaskUpdate(BaseModel):
    """Any subset of the writable fields; only the fields sent are changed."""

    model_config = ConfigDict(extra="forbid")

    title: Title | None = None
    description: Description = None
    priority: Priority | None = None
    due_date: date | None = None
    tags: Tags | None = None
    completed: StrictBool | None = None  # true or false: "yes", 1 or "on" are refused

    @field_validator("title", "priority", "tags", "completed", mode="before")
    @classmethod
    def _not_null(cls, v: object) -> object:
        # These may be left out, but not cleared: null is only meaningful for the optional ones.
        if v is None:
            raise ValueError("may be omitted but not null")
        return v


class TaskPublic(BaseModel):
    id: int
    title: str
    description: str | None
    completed: bool
    priority: Priority
    due_date: date | None
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    completed_at: datetime | None


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
