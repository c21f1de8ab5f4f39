"""Seed history straight into the database (scenario d): threads of 10 to 10,000 items, users
with 10 to 10,000 threads or tasks. Items and threads are copies of ones a real turn stored,
so the server reads exactly what it would have written itself."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncEngine

from backend.chat.models import ChatItem, ChatThread
from backend.tasks.models import Task, TaskTag

BATCH = 1000
TAGS = ("work", "home", "errands", "health", "money")
WORDS = ("buy milk", "call mom", "pay rent", "book dentist", "fix bike", "write report",
         "water plants", "renew passport", "email Sam", "plan trip")  # fmt: skip


def _batches(rows: Iterable[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


async def _insert(engine: AsyncEngine, table: sa.Table, rows: Iterable[dict[str, Any]]) -> None:
    async with engine.begin() as conn:
        for batch in _batches(rows):
            await conn.execute(table.insert(), batch)


async def templates(engine: AsyncEngine, thread_id: str) -> tuple[dict[str, Any], list[dict]]:
    """A real thread's document and its items' documents, oldest first."""
    async with engine.connect() as conn:
        thread = (
            await conn.execute(sa.select(ChatThread.data).where(ChatThread.id == thread_id))  # type: ignore[arg-type]
        ).scalar_one()
        items = (
            await conn.execute(
                sa.select(ChatItem.data)  # type: ignore[call-overload]
                .where(ChatItem.thread_id == thread_id)
                .order_by(ChatItem.created_at, ChatItem.id)
            )
        ).scalars()
        return dict(thread), [dict(i) for i in items]


def _new_id(old: str) -> str:
    return f"{old.rsplit('_', 1)[0]}_{uuid.uuid4().hex}"


def _stamp(start: datetime, i: int) -> datetime:
    return start + timedelta(seconds=i)


async def thread_with_items(
    engine: AsyncEngine,
    user_id: int,
    template: tuple[dict[str, Any], list[dict[str, Any]]],
    n_items: int,
    title: str,
) -> str:
    """A new thread of the user's with ``n_items`` items (copies of the template's, in turn
    order), dated in the past so that new turns come after them."""
    thread_doc, item_docs = template
    thread_id = f"thr_{uuid.uuid4().hex}"
    start = datetime.now() - timedelta(seconds=n_items + 60)  # naive local, as ChatKit stamps
    doc = {**thread_doc, "id": thread_id, "title": title, "created_at": start.isoformat()}
    await _insert(
        engine,
        ChatThread.__table__,  # type: ignore[attr-defined]
        [{"id": thread_id, "user_id": user_id, "created_at": start.astimezone(UTC), "data": doc}],
    )

    def items() -> Iterator[dict[str, Any]]:
        for i in range(n_items):
            src = item_docs[i % len(item_docs)]
            at = _stamp(start, i + 1)
            item_id = _new_id(src["id"])
            data = {**src, "id": item_id, "thread_id": thread_id, "created_at": at.isoformat()}
            yield {
                "id": item_id,
                "thread_id": thread_id,
                "user_id": user_id,
                "created_at": at.astimezone(UTC),
                "data": data,
            }

    await _insert(engine, ChatItem.__table__, items())  # type: ignore[attr-defined]
    return thread_id


async def threads(
    engine: AsyncEngine, user_id: int, thread_doc: dict[str, Any], n_threads: int
) -> None:
    start = datetime.now() - timedelta(seconds=n_threads + 60)

    def rows() -> Iterator[dict[str, Any]]:
        for i in range(n_threads):
            at = _stamp(start, i)
            thread_id = f"thr_{uuid.uuid4().hex}"
            data = {
                **thread_doc,
                "id": thread_id,
                "title": f"Chat {i}",
                "created_at": at.isoformat(),
            }
            yield {
                "id": thread_id,
                "user_id": user_id,
                "created_at": at.astimezone(UTC),
                "data": data,
            }

    await _insert(engine, ChatThread.__table__, rows())  # type: ignore[attr-defined]


async def tasks(
    engine: AsyncEngine, user_id: int, n_tasks: int, *, all_match: bool = False, seed: int = 7
) -> None:
    """``n_tasks`` varied tasks: a third done, priorities and due dates spread, tags on half,
    "milk" in a tenth of the titles. ``all_match``: every task pending, high priority,
    overdue, tagged "work" and about milk, so that every filtered page is a full one."""
    rnd = random.Random(seed)  # noqa: S311 - test data, not secrets
    now = datetime.now(UTC) - timedelta(seconds=n_tasks + 60)
    today = date.today()
    task_rows: list[dict[str, Any]] = []
    for i in range(n_tasks):
        done = not all_match and rnd.random() < 0.33
        at = now + timedelta(seconds=i)
        due = today + timedelta(rnd.randint(-30, 60)) if rnd.random() > 0.3 else None
        task_rows.append(
            {
                "user_id": user_id,
                "title": f"{'buy milk' if all_match else WORDS[i % len(WORDS)]} {i}",
                "description": None if i % 3 else f"details for task {i}",
                "completed": done,
                "priority": 2 if all_match else rnd.choice((0, 1, 1, 2)),
                "due_date": today - timedelta(1 + i) if all_match else due,
                "created_at": at,
                "updated_at": at,
                "completed_at": at if done else None,
            }
        )
    table: sa.Table = Task.__table__  # type: ignore[attr-defined]
    tag_rows: list[dict[str, Any]] = []
    async with engine.begin() as conn:
        for batch in _batches(task_rows):
            ids = (await conn.execute(table.insert().returning(table.c.id), batch)).scalars()
            for n, task_id in enumerate(ids):
                if all_match:
                    tag_rows.append({"task_id": task_id, "tag": "work", "position": 0})
                elif n % 2 == 0:
                    for position, tag in enumerate(rnd.sample(TAGS, rnd.randint(1, 2))):
                        tag_rows.append({"task_id": task_id, "tag": tag, "position": position})
        for batch in _batches(tag_rows):
            await conn.execute(TaskTag.__table__.insert(), batch)  # type: ignore[attr-defined]
