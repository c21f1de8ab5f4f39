"""SQL for the task list: filters and keyset (cursor) pagination. No business rules here."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, select
from sqlmodel.sql.expression import SelectOfScalar

from backend.db import MAX_ID
from backend.tasks.exceptions import InvalidCursor
from backend.tasks.models import Task, TaskTag
from backend.tasks.schemas import SortField, TaskQuery


def _parse_time(value: str) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"(?:[01]\d|2[0-3]):[0-5]\d", value):
        raise ValueError(value)
    return value


WEEK_DAYS = 7  # "due this week" = today and the six days after it


# Each sort's key columns, in order; the id breaks ties. "due" sorts by day, then time, and
# within a day a task with a time comes before one without (an untimed task is "some time
# that day"); tasks without a date come last, in either direction.
def _key_columns(sort: SortField) -> list[Any]:
    columns: dict[SortField, list[Any]] = {
        "created": [Task.created_at],
        "due": [Task.due_date, Task.due_time],
        "priority": [Task.priority],
    }
    return columns[sort]


def _key_values(task: Task, sort: SortField) -> list[Any]:
    return [getattr(task, column.key) for column in _key_columns(sort)]


_KEY_PARSERS: dict[SortField, list[Callable[[Any], Any]]] = {
    "created": [datetime.fromisoformat],
    "due": [date.fromisoformat, _parse_time],
    "priority": [int],
}
_NULLABLE: dict[SortField, list[bool]] = {
    "created": [False],
    "due": [True, True],
    "priority": [False],
}


def encode_cursor(task: Task, query: TaskQuery) -> str:
    keys = [
        v.isoformat() if isinstance(v, date | datetime) else v
        for v in _key_values(task, query.sort)
    ]
    raw = json.dumps({"s": query.sort, "o": query.direction, "k": keys, "id": task.id})
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, query: TaskQuery) -> tuple[list[Any], int]:
    """The cursor's sort keys and id; it must belong to the same sort and order."""
    try:
        raw = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if raw["s"] != query.sort or raw["o"] != query.direction:
            raise InvalidCursor()
        task_id, raw_keys = int(raw["id"]), raw["k"]
        parsers, nullable = _KEY_PARSERS[query.sort], _NULLABLE[query.sort]
        if not isinstance(raw_keys, list) or len(raw_keys) != len(parsers):
            raise InvalidCursor()
        keys: list[Any] = []
        for value, parse, may_be_null in zip(raw_keys, parsers, nullable, strict=True):
            if value is None and not may_be_null:
                raise InvalidCursor()
            keys.append(None if value is None else parse(value))
        # Values no real task has would overflow the database's types (a 500, not a 400).
        if not 0 <= task_id <= MAX_ID or (query.sort == "priority" and keys[0] not in (0, 1, 2)):
            raise InvalidCursor()
        if isinstance(keys[0], datetime):  # as the database will compare it: UTC, in range
            key = keys[0]
            keys[0] = (key if key.tzinfo else key.replace(tzinfo=UTC)).astimezone(UTC)
        return keys, task_id
    except (ValueError, KeyError, TypeError, OverflowError, binascii.Error, json.JSONDecodeError):
        raise InvalidCursor() from None


def _after_cursor(query: TaskQuery, keys: list[Any], task_id: int) -> ColumnElement[bool]:
    """Rows after the cursor's row in the list's order: keys compared one after another,
    nulls last in both directions, then the id."""
    desc = query.direction == "desc"

    def beyond(a: Any, b: Any) -> ColumnElement[bool]:
        return a < b if desc else a > b

    condition: ColumnElement[bool] = beyond(col(Task.id), task_id)
    columns, nullable = _key_columns(query.sort), _NULLABLE[query.sort]
    for column, key, may_be_null in reversed(list(zip(columns, keys, nullable, strict=True))):
        if key is None:
            condition = sa.and_(column.is_(None), condition)
            continue
        later = [beyond(column, key), sa.and_(column == key, condition)]
        if may_be_null:
            later.append(column.is_(None))
        condition = sa.or_(*later)
    return condition


def _filters(query: TaskQuery, now: datetime) -> list[ColumnElement[bool]]:
    today, clock = now.date(), now.strftime("%H:%M")
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
        # Earlier days, and today's tasks whose time has passed ("HH:MM" sorts as text).
        passed = sa.and_(col(Task.due_date) == today, col(Task.due_time) < clock)
        conditions += [
            sa.or_(col(Task.due_date) < today, passed),
            col(Task.completed).is_(False),
        ]
    elif query.due == "today":
        conditions.append(col(Task.due_date) == today)
    elif query.due == "week":
        conditions.append(col(Task.due_date).between(today, today + timedelta(days=WEEK_DAYS - 1)))
    return conditions


def list_statement(user_id: int, query: TaskQuery, now: datetime) -> SelectOfScalar[Task]:
    """One page plus one row (to know whether another page follows). ``now``: the user's
    wall-clock time, for the due filters."""
    desc = query.direction == "desc"
    ordered = []
    for column, may_be_null in zip(_key_columns(query.sort), _NULLABLE[query.sort], strict=True):
        order = column.desc() if desc else column.asc()
        ordered.append(order.nulls_last() if may_be_null else order)
    stmt = select(Task).where(Task.user_id == user_id, *_filters(query, now))
    if query.cursor:
        stmt = stmt.where(_after_cursor(query, *decode_cursor(query.cursor, query)))
    id_order = col(Task.id).desc() if desc else col(Task.id).asc()
    return stmt.order_by(*ordered, id_order).limit(query.limit + 1)
