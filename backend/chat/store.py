"""ChatKit's Store on our database: threads, items and attachments, each scoped to its user.

ChatKit objects are stored whole, as their own JSON, and load back equal to what was saved
(naive timestamps included). Beside the JSON, ``created_at`` (normalised to UTC) orders threads
and items, and ``user_id`` scopes every query: another user's thread, item or attachment is
missing (``NotFoundError``), exactly like one that never existed, and a write can never touch a
row that belongs to someone else, not even by reusing its id.

Every call but ``delete_thread`` is one statement (two for a later page), run in autocommit: a
statement is atomic by itself, so no BEGIN/COMMIT (or the ROLLBACK that ends a read) surrounds
it. A chat turn makes about six store calls; each is one database round trip.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, get_args

import sqlalchemy as sa
from chatkit.store import NotFoundError, Store, StoreItemType, default_generate_id
from chatkit.types import Attachment, Page, ThreadItem, ThreadMetadata
from pydantic import TypeAdapter
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, async_sessionmaker
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.assistant.confirmations import ChatPendingAction
from backend.chat.context import ChatContext
from backend.chat.models import ChatAttachment, ChatItem, ChatThread
from backend.db import UTCDateTime, create_sessionmaker

# ChatKit's own prefixes ("thr", "msg", "tc", ...), read off its default generator.
ID_PREFIXES: dict[StoreItemType, str] = {
    kind: default_generate_id(kind).rsplit("_", 1)[0] for kind in get_args(StoreItemType)
}

_items: TypeAdapter[ThreadItem] = TypeAdapter(ThreadItem)
_attachments: TypeAdapter[Attachment] = TypeAdapter(Attachment)

_Keyed = type[ChatThread] | type[ChatItem]


def new_id(kind: StoreItemType) -> str:
    """ChatKit's prefix and a full UUID (ChatKit's default keeps only 32 random bits)."""
    return f"{ID_PREFIXES[kind]}_{uuid.uuid4().hex}"


def to_utc(value: datetime) -> datetime:
    """ChatKit stamps naive local times (``datetime.now()``): read naive as local, give UTC."""
    return value.astimezone(UTC)


def _without_nul(value: Any) -> Any:
    # PostgreSQL's JSONB cannot hold U+0000, and no message needs one: drop it everywhere.
    if isinstance(value, str):
        return value.replace("\x00", "") if "\x00" in value else value
    if isinstance(value, dict):
        return {_without_nul(k): _without_nul(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_nul(v) for v in value]
    return value


def _json(model: Any, *, exclude: set[str] | None = None) -> str:
    """The object's JSON document (pydantic's serializer: no intermediate dicts), NULs dropped."""
    text = model.model_dump_json(exclude=exclude)
    if "\\u0000" in text:  # a NUL somewhere (or that escape, typed out): the exact, slower way
        text = json.dumps(_without_nul(model.model_dump(mode="json", exclude=exclude)))
    return text


class SQLStore(Store[ChatContext]):
    """The durable ChatKit store. ``SQLStore(sessionmaker)`` or ``SQLStore.from_engine(engine)``."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self._sessionmaker = sessionmaker
        engine: AsyncEngine = sessionmaker.kw["bind"]
        dialect = engine.dialect.name
        # PostgreSQL: the same pool, the connection in autocommit while this store holds it.
        # SQLite's driver opens a transaction only before a write (committed by _connect),
        # and switching its isolation level would cost two trips to its thread per call.
        self._engine = engine
        self._autocommit = (
            engine.execution_options(isolation_level="AUTOCOMMIT")
            if dialect == "postgresql"
            else None
        )
        self._save_thread_sql = _upsert(dialect, ChatThread, update=("created_at", "data"))
        self._save_item_sql = _upsert(
            dialect, ChatItem, update=("created_at", "data"), only_into_own_thread=True
        )
        self._save_attachment_sql = _upsert(dialect, ChatAttachment, update=("data",))

    @classmethod
    def from_engine(cls, engine: AsyncEngine) -> SQLStore:
        return cls(create_sessionmaker(engine))

    @asynccontextmanager
    async def _connect(self, *, write: bool = False) -> AsyncIterator[AsyncConnection]:
        if self._autocommit is not None:
            async with self._autocommit.connect() as conn:
                yield conn
            return
        async with self._engine.connect() as conn:
            yield conn
            if write:
                await conn.commit()

    def _user_id(self, context: ChatContext) -> int:
        """The owner every query is scoped to (the one hook to map other contexts)."""
        return int(context.user_id)

    # ids

    def generate_thread_id(self, context: ChatContext) -> str:
        return new_id("thread")

    def generate_item_id(
        self, item_type: StoreItemType, thread: ThreadMetadata, context: ChatContext
    ) -> str:
        return new_id(item_type)

    # threads

    async def load_thread(self, thread_id: str, context: ChatContext) -> ThreadMetadata:
        stmt = select(_text(ChatThread)).where(
            ChatThread.id == thread_id, ChatThread.user_id == self._user_id(context)
        )
        async with self._connect() as conn:
            data = (await conn.execute(stmt)).scalar_one_or_none()
        if data is None:
            raise NotFoundError(f"Thread {thread_id} not found")
        return ThreadMetadata.model_validate_json(data)

    async def save_thread(self, thread: ThreadMetadata, context: ChatContext) -> None:
        """Insert or update the thread's metadata (a ``Thread``'s items are not stored here)."""
        values = {
            "id": thread.id,
            "user_id": self._user_id(context),
            "created_at": to_utc(thread.created_at),
            "data": _json(thread, exclude={"items"}),
        }
        async with self._connect(write=True) as conn:
            saved = (await conn.execute(self._save_thread_sql, values)).first() is not None
        if not saved:
            raise NotFoundError(f"Thread {thread.id} not found")

    async def load_threads(
        self, limit: int, after: str | None, order: str, context: ChatContext
    ) -> Page[ThreadMetadata]:
        scope = [col(ChatThread.user_id) == self._user_id(context)]
        async with self._connect() as conn:
            rows, has_more = await _keyset_page(conn, ChatThread, scope, after, limit, order)
        threads = [ThreadMetadata.model_validate_json(data) for data in rows]
        return Page(data=threads, has_more=has_more, after=threads[-1].id if has_more else None)

    async def delete_thread(self, thread_id: str, context: ChatContext) -> None:
        user_id = self._user_id(context)
        async with self._sessionmaker() as session, session.begin():
            # The foreign keys cascade too; explicit deletes keep a database without them tidy.
            for model in (ChatItem, ChatPendingAction):
                await session.exec(
                    delete(model).where(
                        col(model.thread_id) == thread_id, col(model.user_id) == user_id
                    )
                )
            await session.exec(
                delete(ChatThread).where(
                    col(ChatThread.id) == thread_id, col(ChatThread.user_id) == user_id
                )
            )

    # items

    async def load_thread_items(
        self,
        thread_id: str,
        after: str | None,
        limit: int,
        order: str,
        context: ChatContext,
    ) -> Page[ThreadItem]:
        """A page of the thread's items; another user's thread simply has none."""
        scope = [
            col(ChatItem.thread_id) == thread_id,
            col(ChatItem.user_id) == self._user_id(context),
        ]
        async with self._connect() as conn:
            rows, has_more = await _keyset_page(conn, ChatItem, scope, after, limit, order)
        items = [_items.validate_json(data) for data in rows]
        return Page(data=items, has_more=has_more, after=items[-1].id if has_more else None)

    async def load_recent_items(
        self, thread_id: str, limit: int, context: ChatContext
    ) -> list[ThreadItem]:
        """The newest ``limit`` items of the thread, oldest first (a model's input window)."""
        if limit <= 0:
            return []
        stmt = (
            select(_text(ChatItem))
            .where(ChatItem.thread_id == thread_id, ChatItem.user_id == self._user_id(context))
            .order_by(col(ChatItem.created_at).desc(), col(ChatItem.id).desc())
            .limit(limit)
        )
        async with self._connect() as conn:
            rows = (await conn.execute(stmt)).scalars().all()
        return [_items.validate_json(data) for data in reversed(rows)]

    async def add_thread_item(self, thread_id: str, item: ThreadItem, context: ChatContext) -> None:
        # ChatKit may add an item again (a retried stream): an upsert, like save_item.
        await self._save_item(thread_id, item, context)

    async def save_item(self, thread_id: str, item: ThreadItem, context: ChatContext) -> None:
        await self._save_item(thread_id, item, context)

    async def _save_item(self, thread_id: str, item: ThreadItem, context: ChatContext) -> None:
        values = {
            "id": item.id,
            "thread_id": thread_id,
            "user_id": self._user_id(context),
            "created_at": to_utc(item.created_at),
            "data": _json(item),
        }
        try:
            async with self._connect(write=True) as conn:
                saved = (await conn.execute(self._save_item_sql, values)).first() is not None
        except IntegrityError:  # the thread was deleted meanwhile
            saved = False
        if not saved:
            raise NotFoundError(f"Thread {thread_id} or its item {item.id} not found")

    async def load_item(self, thread_id: str, item_id: str, context: ChatContext) -> ThreadItem:
        stmt = select(_text(ChatItem)).where(
            ChatItem.id == item_id,
            ChatItem.thread_id == thread_id,
            ChatItem.user_id == self._user_id(context),
        )
        async with self._connect() as conn:
            data = (await conn.execute(stmt)).scalar_one_or_none()
        if data is None:
            raise NotFoundError(f"Item {item_id} not found")
        return _items.validate_json(data)

    async def delete_thread_item(self, thread_id: str, item_id: str, context: ChatContext) -> None:
        stmt = delete(ChatItem).where(
            col(ChatItem.id) == item_id,
            col(ChatItem.thread_id) == thread_id,
            col(ChatItem.user_id) == self._user_id(context),
        )
        async with self._connect(write=True) as conn:
            await conn.execute(stmt)

    # attachments (their metadata; file bytes are the AttachmentStore's business)

    async def save_attachment(self, attachment: Attachment, context: ChatContext) -> None:
        values = {
            "id": attachment.id,
            "user_id": self._user_id(context),
            "created_at": datetime.now(UTC),
            "data": _json(attachment),
        }
        async with self._connect(write=True) as conn:
            saved = (await conn.execute(self._save_attachment_sql, values)).first() is not None
        if not saved:
            raise NotFoundError(f"Attachment {attachment.id} not found")

    async def load_attachment(self, attachment_id: str, context: ChatContext) -> Attachment:
        stmt = select(_text(ChatAttachment)).where(
            ChatAttachment.id == attachment_id,
            ChatAttachment.user_id == self._user_id(context),
        )
        async with self._connect() as conn:
            data = (await conn.execute(stmt)).scalar_one_or_none()
        if data is None:
            raise NotFoundError(f"Attachment {attachment_id} not found")
        return _attachments.validate_json(data)

    async def delete_attachment(self, attachment_id: str, context: ChatContext) -> None:
        stmt = delete(ChatAttachment).where(
            col(ChatAttachment.id) == attachment_id,
            col(ChatAttachment.user_id) == self._user_id(context),
        )
        async with self._connect(write=True) as conn:
            await conn.execute(stmt)


def _text(model: type[ChatThread] | type[ChatItem] | type[ChatAttachment]) -> Any:
    """The stored document as JSON text: pydantic parses that straight into the ChatKit model,
    with no intermediate dicts (JSONB's text form on PostgreSQL, the stored text on SQLite)."""
    return sa.cast(col(model.data), sa.Text)


def _upsert(
    dialect: str,
    model: type[ChatThread] | type[ChatItem] | type[ChatAttachment],
    *,
    update: tuple[str, ...],
    only_into_own_thread: bool = False,
) -> sa.TextClause:
    """INSERT, or UPDATE the existing row only where it belongs to the same user (and, for an
    item, the same thread); ``only_into_own_thread``: nothing at all unless the item's thread is
    the user's. One statement, so concurrent writers are safe; it returns no row when nothing
    was written (the id is taken by a row that is not ours, or the thread is not the user's).

    Written out rather than built with ``postgresql.insert(...).on_conflict_do_update()``:
    SQLAlchemy never caches the compiled form of those (their ``inherit_cache`` is False), and
    compiling them anew on every call cost more CPU than the rest of the store together. This
    text is compiled once. The document arrives as JSON text (``:data``).
    """
    table: sa.Table = model.__table__  # type: ignore[union-attr]
    if dialect not in ("postgresql", "sqlite"):  # pragma: no cover - the app runs on these two
        raise NotImplementedError(f"no upsert for {dialect}")
    names = [c.name for c in table.columns]
    jsonb = dialect == "postgresql"
    binds = ", ".join("CAST(:data AS JSONB)" if n == "data" and jsonb else f":{n}" for n in names)
    owned = [f"{table.name}.user_id = excluded.user_id"]
    if only_into_own_thread:
        threads = ChatThread.__tablename__
        source = (
            f"SELECT {binds} WHERE EXISTS "  # noqa: S608 - names from the models, values bound
            f"(SELECT 1 FROM {threads} WHERE {threads}.id = :thread_id "
            f"AND {threads}.user_id = :user_id)"
        )
        owned.append(f"{table.name}.thread_id = excluded.thread_id")  # never move an item
    else:
        source = f"VALUES ({binds})"
    sql = (
        f"INSERT INTO {table.name} ({', '.join(names)}) {source} "
        f"ON CONFLICT (id) DO UPDATE SET {', '.join(f'{n} = excluded.{n}' for n in update)} "
        f"WHERE {' AND '.join(owned)} RETURNING {table.name}.id"
    )
    types: dict[str, Any] = {
        "id": sa.String(),
        "thread_id": sa.String(),
        "user_id": sa.Integer(),
        "created_at": UTCDateTime(),
        "data": sa.Text(),
    }
    return sa.text(sql).bindparams(*(sa.bindparam(n, type_=types[n]) for n in names))


async def _keyset_page(
    conn: AsyncConnection,
    model: _Keyed,
    scope: list[ColumnElement[bool]],
    after: str | None,
    limit: int,
    order: str,
) -> tuple[list[str], bool]:
    """Up to ``limit`` documents (JSON text) ordered by (created_at, id), strictly after the
    row ``after``."""
    limit = max(limit, 1)
    desc = order == "desc"
    created, ident = col(model.created_at), col(model.id)
    stmt = select(_text(model)).where(*scope)
    if after is not None:
        cursor = (
            await conn.execute(select(created).where(*scope, ident == after))
        ).scalar_one_or_none()
        if cursor is None:
            raise NotFoundError(f"{after} not found")

        def beyond(a: Any, b: Any) -> ColumnElement[bool]:
            return a < b if desc else a > b

        stmt = stmt.where(
            sa.or_(beyond(created, cursor), sa.and_(created == cursor, beyond(ident, after)))
        )
    if desc:
        stmt = stmt.order_by(created.desc(), ident.desc())
    else:
        stmt = stmt.order_by(created.asc(), ident.asc())
    rows = list((await conn.execute(stmt.limit(limit + 1))).scalars().all())
    return rows[:limit], len(rows) > limit
