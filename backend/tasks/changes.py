"""Change sets: what each change to the tasks was, so it can be undone.

A change set is one user action (an assistant turn, a widget click, a dashboard request, a call
from an outside agent) and holds, per task, its whole state before and after (tags included;
None: the task did not exist). ``TaskService`` records into one when it is given a
``ChangeRecorder``, in the same transaction as the change itself.

Undo puts each task back to its state before, but only while it is still exactly as the change
left it: a task changed since is skipped, with a reason, so undo never overwrites newer work.
The undo is itself recorded (``undoes`` names the set it reverted: the dashboard and the chat
see what changed), and such a set cannot be undone in turn: undo always goes back in time,
never forward ("undo" twice in a chat reverts the two latest changes).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

import sqlalchemy as sa
from pydantic import BaseModel, TypeAdapter
from pydantic_core import to_jsonable_python
from sqlalchemy import delete, update
from sqlmodel import Field, SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.db import IDS_NEVER_REUSED, JSONDocument, UTCDateTime, is_row_id, utcnow
from backend.tasks.exceptions import TaskError
from backend.tasks.models import Task, TaskTag

ChangeSource = Literal["chat", "widget", "dashboard", "mcp"]
TaskState = dict[str, Any]  # a task as JSON: every column but the owner, and "tags"

CHANGE_HEADER = "X-Change-Id"  # REST writes name the change set they were recorded in


class ChangeSet(SQLModel, table=True):
    __tablename__ = "change_sets"
    __table_args__ = (
        sa.Index("ix_change_sets_user_thread", "user_id", "thread_id", "id"),
        sa.Index("ix_change_sets_created", "created_at"),
        IDS_NEVER_REUSED,
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    source: str = Field(sa_type=sa.String(16))
    thread_id: str | None = Field(default=None, sa_type=sa.String(100))  # when from a chat
    undoes: int | None = Field(default=None)  # set when this change set is an undo
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    undone_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ChangeItem(SQLModel, table=True):
    __tablename__ = "change_items"
    __table_args__ = IDS_NEVER_REUSED

    id: int | None = Field(default=None, primary_key=True)
    change_set_id: int = Field(foreign_key="change_sets.id", ondelete="CASCADE", index=True)
    task_id: int  # no foreign key: the task may be gone (that is what undo brings back)
    before: TaskState | None = Field(default=None, sa_type=JSONDocument)
    after: TaskState | None = Field(default=None, sa_type=JSONDocument)


class ChangeNotFound(TaskError):
    status_code = 404

    def __init__(self) -> None:
        super().__init__("No such change of yours")


class NotUndoable(TaskError):
    status_code = 409


ALREADY_UNDONE = "This change has already been undone"
UNDO_OF_UNDO = "This is an undo; it cannot be undone in turn. Make the change again instead."


class Skipped(BaseModel):
    id: int
    reason: str


class UndoResult(BaseModel):
    undone: list[int]
    skipped: list[Skipped]


@dataclass
class Undone:
    result: UndoResult
    change_set_id: int | None  # the change set that records the undo (None: nothing undone)
    titles: dict[int, str]  # each undone task's title, to say what happened


def snapshot(task: Task) -> TaskState:
    """The task's whole state as JSON: every column (new ones included without a change
    here), and its tags."""
    state: TaskState = {
        column.key: to_jsonable_python(getattr(task, column.key))
        for column in sa.inspect(Task).columns
        if column.key != "user_id"
    }
    state["tags"] = task.tags
    return state


_ADAPTERS: dict[str, TypeAdapter[Any]] = {}


def _restore(task: Task, state: TaskState) -> None:
    for name, value in state.items():
        if name in ("id", "user_id", "tags") or name not in Task.model_fields:
            continue  # a column dropped since the change was recorded
        if name not in _ADAPTERS:
            _ADAPTERS[name] = TypeAdapter(Task.model_fields[name].annotation or Any)
        setattr(task, name, _ADAPTERS[name].validate_python(value))
    task.tag_rows = [TaskTag(tag=tag, position=i) for i, tag in enumerate(state.get("tags", []))]


def _unchanged_since(current: TaskState | None, after: TaskState | None) -> bool:
    if current is None or after is None:
        return current is after
    # Only the fields the change recorded: a column added later does not make it "changed".
    return all(current.get(key) == value for key, value in after.items())


@dataclass
class ChangeRecorder:
    """Where ``TaskService`` records its changes. ``change_set_id``: an open set to add to
    (a chat turn's, see ``open_change_set``); None: one is created at the first change."""

    user_id: int
    source: ChangeSource
    thread_id: str | None = None
    change_set_id: int | None = None
    undoes: int | None = None
    _checked: bool = field(default=False, repr=False)

    async def record(
        self, session: AsyncSession, task_id: int, before: TaskState | None, after: Task | None
    ) -> None:
        if self.change_set_id is None:
            change_set = ChangeSet(
                user_id=self.user_id,
                source=self.source,
                thread_id=self.thread_id,
                undoes=self.undoes,
            )
            session.add(change_set)
            await session.flush()
            self.change_set_id, self._checked = change_set.id, True
        elif not self._checked:  # a set named from outside must be the user's own
            await _owned_set(session, self.user_id, self.change_set_id)
            self._checked = True
        assert self.change_set_id is not None
        session.add(
            ChangeItem(
                change_set_id=self.change_set_id,
                task_id=task_id,
                before=before,
                after=snapshot(after) if after is not None else None,
            )
        )


async def open_change_set(
    session: AsyncSession, user_id: int, source: ChangeSource, thread_id: str | None = None
) -> int:
    """A change set created ahead of the changes: a chat turn's tool calls (which may run at
    the same time, each in its own session) all add to it. ``drop_if_empty`` at the end."""
    change_set = ChangeSet(user_id=user_id, source=source, thread_id=thread_id)
    session.add(change_set)
    await session.commit()
    assert change_set.id is not None
    return change_set.id


async def drop_if_empty(session: AsyncSession, user_id: int, change_set_id: int) -> None:
    """Delete the set when nothing was recorded in it (one statement)."""
    recorded = sa.exists().where(col(ChangeItem.change_set_id) == change_set_id)
    await session.exec(
        delete(ChangeSet).where(
            col(ChangeSet.id) == change_set_id, col(ChangeSet.user_id) == user_id, ~recorded
        )
    )
    await session.commit()


async def _owned_set(session: AsyncSession, user_id: int, change_set_id: int) -> ChangeSet:
    change_set = (
        await session.exec(
            select(ChangeSet).where(ChangeSet.id == change_set_id, ChangeSet.user_id == user_id)
        )
    ).first()
    if change_set is None:
        raise ChangeNotFound()
    return change_set


async def get_change_set(session: AsyncSession, user_id: int, change_set_id: int) -> ChangeSet:
    """The user's change set (someone else's is "not found", like a missing one)."""
    if not is_row_id(change_set_id):
        raise ChangeNotFound()
    return await _owned_set(session, user_id, change_set_id)


async def latest_undoable(
    session: AsyncSession, user_id: int, thread_id: str | None, source: ChangeSource = "chat"
) -> int | None:
    """The newest change set of this conversation (no conversation: of this source, e.g. the
    outside agents') that changed something and is neither undone nor itself an undo."""
    where = (
        col(ChangeSet.thread_id) == thread_id
        if thread_id is not None
        else sa.and_(col(ChangeSet.thread_id).is_(None), col(ChangeSet.source) == source)
    )
    has_items = sa.exists().where(col(ChangeItem.change_set_id) == col(ChangeSet.id))
    found = await session.exec(
        select(ChangeSet.id)
        .where(
            ChangeSet.user_id == user_id,
            where,
            col(ChangeSet.undone_at).is_(None),
            col(ChangeSet.undoes).is_(None),
            has_items,
        )
        .order_by(col(ChangeSet.id).desc())
        .limit(1)
    )
    return found.first()


async def undo(
    session: AsyncSession,
    user_id: int,
    change_set_id: int,
    source: ChangeSource,
    thread_id: str | None = None,
) -> Undone:
    """Revert a change set. Raises ``ChangeNotFound`` or ``NotUndoable``."""
    change_set = await get_change_set(session, user_id, change_set_id)
    if change_set.undoes is not None:
        raise NotUndoable(UNDO_OF_UNDO)
    # Claimed in one statement: of two undos at the same moment, exactly one proceeds.
    claimed = await session.exec(
        update(ChangeSet)
        .where(col(ChangeSet.id) == change_set_id, col(ChangeSet.undone_at).is_(None))
        .values(undone_at=utcnow())
    )
    if claimed.rowcount != 1:
        await session.rollback()
        raise NotUndoable(ALREADY_UNDONE)

    recorder = ChangeRecorder(user_id, source, thread_id, undoes=change_set_id)
    result = UndoResult(undone=[], skipped=[])
    titles: dict[int, str] = {}
    for task_id, (before, after) in (await _net_changes(session, change_set_id)).items():
        task = (
            await session.exec(select(Task).where(Task.id == task_id, Task.user_id == user_id))
        ).first()
        current = snapshot(task) if task is not None else None
        if reason := await _why_not(session, task_id, current, before, after):
            result.skipped.append(Skipped(id=task_id, reason=reason))
            continue
        if before is None:  # it was added: remove it
            assert task is not None
            await session.delete(task)
            await recorder.record(session, task_id, current, None)
        else:  # changed or deleted: put back every field (a deleted task gets its id back)
            if task is None:
                task = Task(id=task_id, user_id=user_id, title=before["title"])
                session.add(task)
            _restore(task, before)
            await session.flush()
            await recorder.record(session, task_id, current, task)
        result.undone.append(task_id)
        titles[task_id] = str((before or after or {}).get("title", task_id))
    await session.commit()
    return Undone(result, recorder.change_set_id, titles)


async def _net_changes(
    session: AsyncSession, change_set_id: int
) -> dict[int, tuple[TaskState | None, TaskState | None]]:
    """Per task, its state before the set's first change to it and after its last."""
    items = await session.exec(
        select(ChangeItem)
        .where(ChangeItem.change_set_id == change_set_id)
        .order_by(col(ChangeItem.id))
    )
    net: dict[int, tuple[TaskState | None, TaskState | None]] = {}
    for item in items:
        before = net[item.task_id][0] if item.task_id in net else item.before
        net[item.task_id] = (before, item.after)
    return net


async def _why_not(
    session: AsyncSession,
    task_id: int,
    current: TaskState | None,
    before: TaskState | None,
    after: TaskState | None,
) -> str | None:
    name = f"'{(current or after or before or {}).get('title', task_id)}'"  # as it is now
    if _unchanged_since(current, after):
        if before is None and after is None:
            return f"{name} was added and removed again; there is nothing to undo"
        if current is None and await _id_taken(session, task_id):
            return f"{name} cannot be restored under its old number; add it again"
        return None
    if current is None:
        return f"{name} has been deleted since, so it was not brought back"
    if after is None:
        return f"{name} could not be restored"
    return f"{name} has been changed since, so it was left as it is"


async def _id_taken(session: AsyncSession, task_id: int) -> bool:
    # SQLite hands out the highest id again once its task is deleted; another user's task
    # may hold it now (nothing about it is said).
    return (await session.exec(select(Task.id).where(Task.id == task_id))).first() is not None


async def purge_expired(session: AsyncSession, retention_days: int) -> int:
    """Delete change sets older than the retention period; how many went."""
    cutoff = utcnow() - timedelta(days=retention_days)
    expired = select(ChangeSet.id).where(col(ChangeSet.created_at) < cutoff)
    await session.exec(delete(ChangeItem).where(col(ChangeItem.change_set_id).in_(expired)))
    gone = await session.exec(delete(ChangeSet).where(col(ChangeSet.created_at) < cutoff))
    await session.commit()
    return int(gone.rowcount or 0)


def describe(undone: Undone) -> str:
    """The undo in one or two sentences, tasks left alone included (replies and widgets)."""
    names = [f"'{undone.titles[i]}'" for i in undone.result.undone]
    said = []
    if names:
        listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        said.append(f"Undone: {listed} {'is' if len(names) == 1 else 'are'} back as before.")
    said += [f"{s.reason[0].upper()}{s.reason[1:]}." for s in undone.result.skipped]
    return " ".join(said) or "There was nothing to undo."


async def summarise(session: AsyncSession, change_set_id: int) -> str:
    """What a change set did, in a few words ("Added 1 task, changed 2."); empty when it
    holds no change."""
    counts = {"added": 0, "changed": 0, "deleted": 0}
    for before, after in (await _net_changes(session, change_set_id)).values():
        if before is None and after is not None:
            counts["added"] += 1
        elif after is None and before is not None:
            counts["deleted"] += 1
        elif after is not None:
            counts["changed"] += 1
    parts = [f"{verb} {n}" for verb, n in counts.items() if n]
    if not parts:
        return ""
    total = sum(counts.values())
    text = ", ".join(parts) + (" task." if total == 1 else " tasks.")
    return text[0].upper() + text[1:]
