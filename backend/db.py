"""Async database access: one code path for SQLite (aiosqlite) and PostgreSQL (asyncpg)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, Request
from sqlalchemy import event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect, make_url
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlmodel.ext.asyncio.session import AsyncSession

# PostgreSQL connections are renewed after this long (also bounds a silently dead one's life).
POOL_RECYCLE_SECONDS = 30 * 60


# Ids are 32-bit integers in the database: a larger id in a path names nothing (and must not
# reach the driver, which cannot bind it). Every lookup by id checks ``is_row_id`` first.
MAX_ID = 2**31 - 1


# For every table with a generated id: SQLite otherwise hands the highest id out again once its
# row is deleted (a deleted account's id to the next sign-up, which its old token then opened).
# PostgreSQL's sequences never reuse one. Migration 0008 rebuilt the existing tables with it.
IDS_NEVER_REUSED: dict[str, Any] = {"sqlite_autoincrement": True}


def is_row_id(value: int) -> bool:
    return 1 <= value <= MAX_ID


def utcnow() -> datetime:
    return datetime.now(UTC)


# JSONB on PostgreSQL (binary, indexable), JSON text on SQLite.
JSONDocument: Any = sa.JSON().with_variant(JSONB(), "postgresql")


class UTCDateTime(sa.TypeDecorator[datetime]):
    """Timestamps that are always timezone-aware UTC in Python.

    PostgreSQL stores ``timestamptz``; SQLite has no time zones, so it stores naive UTC and
    the zone is re-attached on the way out.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def create_engine(database_url: str, *, pool_size: int = 10, echo: bool = False) -> AsyncEngine:
    url = make_url(database_url)
    kwargs: dict[str, Any] = {"echo": echo}
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs["connect_args"] = {"timeout": 30}
    else:
        kwargs.update(
            pool_size=pool_size,
            max_overflow=pool_size,
            pool_recycle=POOL_RECYCLE_SECONDS,
            # Plan every statement for its own parameters. PostgreSQL soon switches a prepared
            # statement to one generic plan, made for an average thread: "the newest 40 items"
            # of a 10,000-item thread then read and sorted the whole thread (a turn 23 -> 54 ms
            # in bench (d)). Re-planning costs every turn ~7% (bench/README.md).
            connect_args={"server_settings": {"plan_cache_mode": "force_custom_plan"}},
        )
    engine = create_async_engine(url, **kwargs)
    if url.get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_on_connect)
    else:
        event.listen(engine.sync_engine, "checkout", _replace_closed_connection)
    return engine


def _replace_closed_connection(_dbapi_conn: Any, record: Any, _proxy: Any) -> None:
    """A pooled connection the server has closed (a restart, an idle timeout, a terminated
    backend) is replaced at checkout instead of failing the request that drew it.

    Checked locally, without a round trip: SQLAlchemy's ``pool_pre_ping`` costs three on
    asyncpg (BEGIN; SELECT; ROLLBACK) at every checkout, and a chat turn checks out about ten
    connections. A link that dies silently (no FIN) is the one case this misses; the failing
    statement then invalidates the pool, and ``pool_recycle`` bounds a connection's age.
    """
    is_closed = getattr(record.driver_connection, "is_closed", None)  # asyncpg's own check
    if callable(is_closed) and is_closed():
        raise DisconnectionError("the database closed this connection")


def _sqlite_on_connect(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL lets readers proceed while one writer commits; busy_timeout waits instead of failing.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, class_=AsyncSession, expire_on_commit=False)


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    sessionmaker: async_sessionmaker[AsyncSession] = request.app.state.sessionmaker
    async with sessionmaker() as session:
        yield session


# Closed as soon as the endpoint has returned (scope="function"), not after the response has
# been sent: a streamed chat reply must not hold a pooled connection (idle in transaction)
# for its whole length. With the default scope every open stream held one, so 20 concurrent
# replies took the whole pool and the next database access in each of them waited 30 s.
SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]
