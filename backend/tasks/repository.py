"""SQL for the task list: filters and keyset (cursor) pagination. No business rules here."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.tasks.exceptions import InvalidCursor
from backend.tasks.models import Task, TaskTag
from backend.tasks.schemas import SortField, TaskQuery

WEEK_DAYS = 7  # "due this week" = today and the six days after it
MAX_ID = 2**31 - 1  # ids are 32-bit integers in the database


def _sort_column(sort: SortField) -> Any:
    return {"created": Task.created_at, "due": Task.due_date, "priority": Task.priority}[sort]


def _sort_value(task: Task, sort: SortField) -> Any:
    return {"created": task.created_at, "due": task.due_date, "priority": task.priority}[sort]


_KEY_PARSERS: dict[SortField, Callable[[Any], Any]] = {
    "created": datetime.fromisoformat,
    "due": date.fromisoformat,
    "priority": int,
}


def encode_cursor(task: Task, query: TaskQuery) -> str:
    value = _sort_value(task, query.sort)
    if isinstance(value, date | datetime):
        value = value.isoformat()
    raw = json.dumps({"s": query.sort, "o": query.direction, "k": value, "id": task.id})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, query: TaskQuery) -> tuple[Any, int]:
    """The cursor's sort key and id; it must belong to the same sort and order."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if raw["s"] != query.sort or raw["o"] != query.direction:
            raise InvalidCursor()
        key, task_id = raw["k"], int(raw["id"])
        if key is not None:
            key = _KEY_PARSERS[query.sort](key)
        elif query.sort != "due":
            raise InvalidCursor()
        # Values no real task has would overflow the database's types (a 500, not a 400).
        if not 0 <= task_id <= MAX_ID or (query.sort == "priority" and key not in (0, 1, 2)):
            raise InvalidCursor()
        if isinstance(key, datetime):  # as the database will compare it: UTC, in range
            key = (key if key.tzinfo else key.replace(tzinfo=UTC)).astimezone(UTC)
        return key, task_id
    except (ValueError, KeyError, TypeError, OverflowError, binascii.Error, json.JSONDecodeError):
        raise InvalidCursor() from None


def _after_cursor(query: TaskQuery, key: Any, task_id: int) -> ColumnElement[bool]:
    column = _sort_column(query.sort)
    desc = query.direction == "desc"

    def beyond(a: Any, b: Any) -> ColumnElement[bool]:
        return a < b if desc else a > b

    id_beyond = beyond(col(Task.id), task_id)
    if key is None:  # only due dates are nullable, and tasks without one come last
        return sa.and_(column.is_(None), id_beyond)
    condition = sa.or_(beyond(column, key), sa.and_(column == key, id_beyond))
    if query.sort == "due":
        condition = sa.or_(condition, column.is_(None))
    return condition


def _filters(query: TaskQuery, today: date) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if query.status != "all":
        conditions.append(col(Task.completed).is_(query.status == "completed"))
    if query.priority is not None:
        conditions.append(col(Task.priority) == query.priority.rank)
    if query.tag:
        conditions.append(
            sa.exists().where(col(TaskTag.task_id) == col(Task.id), col(TaskTag.tag) == query.tag)
        )
    if query.q:
        conditions.append(
            sa.or_(
                col(Task.title).icontains(query.q, autoescape=True),
                col(Task.description).icontains(query.q, autoescape=True),
            )
        )
    if query.due == "overdue":
        conditions += [col(Task.due_date) < today, col(Task.completed).is_(False)]
    elif query.due == "today":
        conditions.append(col(Task.due_date) == today)
    elif query.due == "week":
        conditions.append(col(Task.due_date).between(today, today + timedelta(days=WEEK_DAYS - 1)))
    return conditions


def list_statement(user_id: int, query: TaskQuery, today: date) -> SelectOfScalar[Task]:
    """One page plus one row (to know whether another page follows)."""
    column = _sort_column(query.sort)
    desc = query.direction == "desc"
    ordered = column.desc() if desc else column.asc()
    if query.sort == "due":
        ordered = ordered.nulls_last()
    stmt = select(Task).where(Task.user_id == user_id, *_filters(query, today))
    if query.cursor:
        stmt = stmt.where(_after_cursor(query, *decode_cursor(query.cursor, query)))
    id_order = col(Task.id).desc() if desc else col(Task.id).asc()
    return stmt.order_by(ordered, id_order).limit(query.limit + 1)
