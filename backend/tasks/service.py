"""TaskService: the only place with task rules. REST routes and assistant tools both call it.

It knows nothing about HTTP: it takes validated schemas, acts for one user, and raises
``TaskError`` subclasses whose messages are safe to show.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.db import is_row_id, utcnow
from backend.tasks import recurrence, repository
from backend.tasks.changes import ChangeRecorder, TaskState, snapshot
from backend.tasks.exceptions import InvalidTask, TaskNotFound
from backend.tasks.models import Task, TaskTag
from backend.tasks.schemas import (
    Priority,
    TaskBase,
    TaskCreate,
    TaskPage,
    TaskPublic,
    TaskQuery,
    TaskUpdate,
    check_schedule,
)

UTC_ZONE = ZoneInfo("UTC")


def to_public(task: Task) -> TaskPublic:
    assert task.id is not None
    return TaskPublic.model_validate(
        {
            **task.model_dump(include=set(TaskPublic.model_fields)),
            "priority": Priority.from_rank(task.priority),
            "tags": task.tags,
            "recurrence_text": recurrence.describe(task.recurrence, task.due_date),
        }
    )


class TaskService:
    def __init__(
        self,
        session: AsyncSession,
        user_id: int,
        tz: ZoneInfo = UTC_ZONE,
        changes: ChangeRecorder | None = None,
    ) -> None:
        self.session = session
        self.user_id = user_id
        self.tz = tz
        self.changes = changes  # records every change for undo (backend/tasks/changes.py)

    def today(self) -> date:
        """Today in the user's time zone: what "due today" and "overdue" are measured against."""
        return datetime.now(self.tz).date()

    def now(self) -> datetime:
        """The user's wall-clock time: a task due today at a time before it is overdue."""
        return datetime.now(self.tz)

    async def create(self, data: TaskCreate) -> TaskPublic:
        now = utcnow()
        task = Task(
            **data.model_dump(include=set(TaskBase.model_fields)),
            user_id=self.user_id,
            priority=data.priority.rank,
            created_at=now,
            updated_at=now,
        )
        task.tag_rows = _tag_rows(data.tags)
        self.session.add(task)
        await self._record(None, task)
        await self.session.commit()
        return to_public(task)

    async def get(self, task_id: int) -> TaskPublic:
        return to_public(await self._owned(task_id))

    async def list(self, query: TaskQuery) -> TaskPage:
        stmt = repository.list_statement(self.user_id, query, self.now())
        rows = list((await self.session.exec(stmt)).all())
        page, more = rows[: query.limit], len(rows) > query.limit
        return TaskPage(
            items=[to_public(t) for t in page],
            next_cursor=repository.encode_cursor(page[-1], query) if more else None,
        )

    async def update(self, task_id: int, data: TaskUpdate) -> TaskPublic:
        task = await self._owned(task_id)
        before = snapshot(task)
        changes = data.model_dump(exclude_unset=True, include=set(TaskBase.model_fields))
        if changes.get("due_date", task.due_date) is None:
            # No day: its time and repeat go with it, unless this very request sets them.
            changes = {"due_time": None, "recurrence": None} | changes
        try:
            check_schedule(
                changes.get("due_date", task.due_date),
                changes.get("due_time", task.due_time),
                changes.get("recurrence", task.recurrence),
            )
        except ValueError as exc:
            raise InvalidTask(str(exc)) from None
        for field, value in changes.items():
            setattr(task, field, value)
        if data.priority is not None:
            task.priority = data.priority.rank
        if data.tags is not None:
            task.tag_rows = _tag_rows(data.tags)
        if data.completed is not None and data.completed != task.completed:
            _complete(task) if data.completed else _reopen(task)
        task.updated_at = utcnow()
        await self._record(before, task)
        await self.session.commit()
        return to_public(task)

    async def set_completed(self, task_id: int, completed: bool) -> TaskPublic:
        return await self.update(task_id, TaskUpdate(completed=completed))

    async def delete(self, task_id: int) -> TaskPublic:
        """Delete and return what was deleted (so callers can say what happened)."""
        task = await self._owned(task_id)
        deleted = to_public(task)
        before = snapshot(task)
        await self.session.delete(task)
        await self._record(before, None, task_id)
        await self.session.commit()
        return deleted

    async def _record(
        self, before: TaskState | None, after: Task | None, task_id: int | None = None
    ) -> None:
        if self.changes is not None:
            await self.session.flush()  # a new task gets its id
            task_id = task_id if after is None else after.id
            assert task_id is not None
            await self.changes.record(self.session, task_id, before, after)

    async def _owned(self, task_id: int) -> Task:
        # Someone else's task and a missing task look the same to the caller.
        if not is_row_id(task_id):
            raise TaskNotFound(task_id)
        task = (
            await self.session.exec(
                select(Task).where(Task.id == task_id, Task.user_id == self.user_id)
            )
        ).first()
        if task is None:
            raise TaskNotFound(task_id)
        return task


def _complete(task: Task) -> None:
    """Done. A repeating task stays open and moves to its next day (the rule counted down);
    when the rule has no next day it completes like any other."""
    now = utcnow()
    task.last_completed_at = now
    following = (
        recurrence.next_occurrence(task.recurrence, task.due_date)
        if task.recurrence and task.due_date
        else None
    )
    if following is None:
        task.completed, task.completed_at = True, now
    else:
        task.due_date, task.recurrence = following


def _reopen(task: Task) -> None:
    task.completed, task.completed_at = False, None


def _tag_rows(tags: list[str]) -> list[TaskTag]:
    return [TaskTag(tag=tag, position=i) for i, tag in enumerate(tags)]
