"""The migrations build exactly the schema the models describe, and undo cleanly."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, make_url
from sqlmodel import SQLModel

from backend.db import create_engine
from tests.conftest import alembic_config

pytestmark = pytest.mark.asyncio

APP_TABLES = {
    "users",
    "tasks",
    "task_tags",
    "chat_threads",
    "chat_items",
    "chat_attachments",
    "chat_pending_actions",
    "tool_calls",
    "access_tokens",
    "change_sets",
    "change_items",
}


@pytest.fixture(params=["sqlite", "postgresql"])
async def scratch_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """An empty database of its own, so the migration round trip touches nothing else."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'migrations.db'}"
        return
    base = os.environ.get("TEST_DATABASE_URL")
    if not base:
        pytest.skip("TEST_DATABASE_URL is not set")
    name = f"migrations_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    async with admin.connect() as conn:
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        async with admin.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        await admin.dispose()


async def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    async with engine.connect() as conn:
        names = await conn.run_sync(lambda c: set(inspect(c).get_table_names()))
    await engine.dispose()
    return names - {"alembic_version"}


async def _schema_diff(url: str) -> list[object]:
    engine = create_engine(url)

    def diff(conn: Connection) -> list[object]:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return list(compare_metadata(ctx, SQLModel.metadata))

    async with engine.connect() as conn:
        result = await conn.run_sync(diff)
    await engine.dispose()
    return result


async def _alembic(url: str, action: str, target: str) -> None:
    await asyncio.to_thread(getattr(command, action), alembic_config(url), target)


async def test_upgrade_downgrade_upgrade_and_no_drift(scratch_url: str):
    await _alembic(scratch_url, "upgrade", "head")
    assert await _tables(scratch_url) == APP_TABLES
    assert await _schema_diff(scratch_url) == [], "models and migrations disagree"

    await _alembic(scratch_url, "downgrade", "base")
    assert await _tables(scratch_url) == set()

    await _alembic(scratch_url, "upgrade", "head")
    assert await _tables(scratch_url) == APP_TABLES
    assert await _schema_diff(scratch_url) == []


async def _run(url: str, *statements: str) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    rows: list[tuple[object, ...]] = []
    async with engine.begin() as conn:
        for statement in statements:
            result = await conn.execute(text(statement))
            if result.returns_rows:
                rows = [tuple(row) for row in result]
    await engine.dispose()
    return rows


async def test_0006_keeps_tasks_and_adds_times_and_repeats(scratch_url: str):
    """Tasks written before 0006 keep every field; they have no time and no repeat, and the
    new columns take data. Downgrading keeps the tasks too."""
    await _alembic(scratch_url, "upgrade", "0005")
    await _run(
        scratch_url,
        "INSERT INTO users (email, password_hash, created_at, timezone) "
        "VALUES ('m@example.com', 'x', CURRENT_TIMESTAMP, 'UTC')",
        "INSERT INTO tasks (user_id, title, description, completed, priority, due_date, "
        "created_at, updated_at) SELECT id, 'Pay rent', 'flat', false, 2, '2027-03-01', "
        "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM users",
    )
    await _alembic(scratch_url, "upgrade", "0006")
    rows = await _run(
        scratch_url,
        "UPDATE tasks SET due_time = '09:30', recurrence = 'FREQ=MONTHLY;BYMONTHDAY=1'",
        "SELECT title, description, priority, due_date, due_time, recurrence, "
        "last_completed_at FROM tasks",
    )
    assert [(r[0], r[1], r[2], str(r[3]), r[4], r[5], r[6]) for r in rows] == [
        ("Pay rent", "flat", 2, "2027-03-01", "09:30", "FREQ=MONTHLY;BYMONTHDAY=1", None)
    ]
    await _alembic(scratch_url, "downgrade", "0005")
    rows = await _run(scratch_url, "SELECT title, due_date FROM tasks")
    assert [(r[0], str(r[1])) for r in rows] == [("Pay rent", "2027-03-01")]


async def test_0008_keeps_every_row_and_never_gives_an_id_out_twice(scratch_url: str):
    """0008 rebuilds SQLite's tables (AUTOINCREMENT): the rows, and the rows pointing at them
    (a task's tags), survive the rebuild; afterwards a deleted row's id is not handed out again."""
    await _alembic(scratch_url, "upgrade", "0007")
    await _run(
        scratch_url,
        "INSERT INTO users (email, password_hash, created_at) "
        "VALUES ('m@example.com', 'x', CURRENT_TIMESTAMP)",
        "INSERT INTO tasks (user_id, title, completed, priority, created_at, updated_at) "
        "SELECT id, 'Pay rent', false, 2, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM users",
        "INSERT INTO task_tags (task_id, tag, position) SELECT id, 'home', 0 FROM tasks",
    )
    await _alembic(scratch_url, "upgrade", "0008")
    rows = await _run(
        scratch_url,
        "SELECT u.email, t.title, g.tag FROM users u JOIN tasks t ON t.user_id = u.id "
        "JOIN task_tags g ON g.task_id = t.id",
    )
    assert rows == [("m@example.com", "Pay rent", "home")]
    (old_id,) = (await _run(scratch_url, "SELECT id FROM users"))[0]
    rows = await _run(
        scratch_url,
        "DELETE FROM users",
        "INSERT INTO users (email, password_hash, created_at) "
        "VALUES ('n@example.com', 'x', CURRENT_TIMESTAMP)",
        "SELECT id FROM users",
    )
    assert rows[0][0] != old_id
