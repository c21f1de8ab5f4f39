"""ChatKit's Store on our database: threads, items and attachments, each scoped to its user.

ChatKit objects are stored whole, as their own JSON, and load back equal to what was saved
(naive timestamps included). Beside the JSON, ``created_at`` (normalised to UTC) orders threads
and items, and ``user_id`` scopes every query: another user's thread, item or attachment is
missing (``NotFoundError``), exactly like one that never existed, and a write can never touch a
row that belongs to someone else, not even by reusing its id.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any, get_args

import sqlalchemy as sa
from chatkit.store import NotFoundError, Store, StoreItemType, default_generate_id
from chatkit.types import Attachment, Page, ThreadItem, ThreadMetadata
from pydantic import TypeAdapter
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import col, delete, select
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.chat.context import ChatContext
from backend.chat.models import ChatAttachment, ChatItem, ChatPendingAction, ChatThread
from backend.db import create_sessionmaker

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


def _document(model: Any, *, exclude: set[str] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = _without_nul(model.model_dump(mode="json", exclude=exclude))
    return data


class SQLStore(Store[ChatContext]):
    """The durable ChatKit store. ``SQLStore(sessionmaker)`` or ``SQLStore.from_engine(engine)``."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession]) -> None:
        self._sessionmaker = sessionmaker

    @classmethod
    def from_engine(cls, engine: AsyncEngine) -> SQLStore:
        return cls(create_sessionmaker(engine))

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
        user_id = self._user_id(context)
        async with self._sessionmaker() as session:
            data = (
                await session.exec(
                    select(ChatThread.data).where(
                        ChatThread.id == thread_id, ChatThread.user_id == user_id
                    )
                )
            ).first()
        if data is None:
            raise NotFoundError(f"Thread {thread_id} not found")
        return ThreadMetadata.model_validate(data)

    async def save_thread(self, thread: ThreadMetadata, context: ChatContext) -> None:
        """Insert or update the thread's metadata (a ``Thread``'s items are not stored here)."""
        user_id = self._user_id(context)
        values = {
            "id": thread.id,
            "user_id": user_id,
            "created_at": to_utc(thread.created_at),
            "data": _document(thread, exclude={"items"}),
        }
        async with self._sessionmaker() as session, session.begin():
            saved = await _upsert(
                session,
                ChatThread,
                values,
                update=("created_at", "data"),
                owned=col(ChatThread.user_id) == user_id,
            )
        if not saved:
            raise NotFoundError(f"Thread {thread.id} not found")

    async def load_threads(
        self, limit: int, after: str | None, order: str, context: ChatContext
    ) -> Page[ThreadMetadata]:
        scope = [col(ChatThread.user_id) == self._user_id(context)]
        async with self._sessionmaker() as session:
            rows, has_more = await _keyset_page(session, ChatThread, scope, after, limit, order)
        threads = [ThreadMetadata.model_validate(data) for data in rows]
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
        async with self._sessionmaker() as session:
            rows, has_more = await _keyset_page(session, ChatItem, scope, after, limit, order)
        items = [_items.validate_python(data) for data in rows]
        return Page(data=items, has_more=has_more, after=items[-1].id if has_more else None)

    async def load_recent_items(
        self, thread_id: str, limit: int, context: ChatContext
    ) -> list[ThreadItem]:
        """The newest ``limit`` items of the thread, oldest first (a model's input window)."""
        if limit <= 0:
            return []
        async with self._sessionmaker() as session:
            rows = (
                await session.exec(
                    select(ChatItem.data)
                    .where(
                        ChatItem.thread_id == thread_id,
                        ChatItem.user_id == self._user_id(context),
                    )
                    .order_by(col(ChatItem.created_at).desc(), col(ChatItem.id).desc())
                    .limit(limit)
                )
            ).all()
        return [_items.validate_python(data) for data in reversed(rows)]

    async def add_thread_item(self, thread_id: str, item: ThreadItem, context: ChatContext) -> None:
        # ChatKit may add an item again (a retried stream): an upsert, like save_item.
        await self._save_item(thread_id, item, context)

    async def save_item(self, thread_id: str, item: ThreadItem, context: ChatContext) -> None:
        await self._save_item(thread_id, item, context)

    async def _save_item(self, thread_id: str, item: ThreadItem, context: ChatContext) -> None:
        user_id = self._user_id(context)
        values = {
            "id": item.id,
            "thread_id": thread_id,
            "user_id": user_id,
            "created_at": to_utc(item.created_at),
            "data": _document(item),
        }
        try:
            async with self._sessionmaker() as session, session.begin():
                thread = (
                    await session.exec(
                        select(ChatThread.id).where(
                            ChatThread.id == thread_id, ChatThread.user_id == user_id
                        )
                    )
                ).first()
                saved = thread is not None and await _upsert(
                    session,
                    ChatItem,
                    values,
                    update=("created_at", "data"),
                    # Never another user's item, nor move one out of another thread.
                    owned=sa.and_(
                        col(ChatItem.user_id) == user_id, col(ChatItem.thread_id) == thread_id
                    ),
                )
        except IntegrityError:  # the thread was deleted meanwhile
            saved = False
        if not saved:
            raise NotFoundError(f"Thread {thread_id} or its item {item.id} not found")

    async def load_item(self, thread_id: str, item_id: str, context: ChatContext) -> ThreadItem:
        async with self._sessionmaker() as session:
            data = (
                await session.exec(
                    select(ChatItem.data).where(
                        ChatItem.id == item_id,
                        ChatItem.thread_id == thread_id,
                        ChatItem.user_id == self._user_id(context),
                    )
                )
            ).first()
        if data is None:
            raise NotFoundError(f"Item {item_id} not found")
        return _items.validate_python(data)

    async def delete_thread_item(self, thread_id: str, item_id: str, context: ChatContext) -> None:
        async with self._sessionmaker() as session, session.begin():
            await session.exec(
                delete(ChatItem).where(
                    col(ChatItem.id) == item_id,
                    col(ChatItem.thread_id) == thread_id,
                    col(ChatItem.user_id) == self._user_id(context),
                )
            )

    # attachments (their metadata; file bytes are the AttachmentStore's business)

    async def save_attachment(self, attachment: Attachment, context: ChatContext) -> None:
        user_id = self._user_id(context)
        values = {
            "id": attachment.id,
            "user_id": user_id,
            "created_at": datetime.now(UTC),
            "data": _document(attachment),
        }
        async with self._sessionmaker() as session, session.begin():
            saved = await _upsert(
                session,
                ChatAttachment,
                values,
                update=("data",),
                owned=col(ChatAttachment.user_id) == user_id,
            )
        if not saved:
            raise NotFoundError(f"Attachment {attachment.id} not found")

    async def load_attachment(self, attachment_id: str, context: ChatContext) -> Attachment:
        async with self._sessionmaker() as session:
            data = (
                await session.exec(
                    select(ChatAttachment.data).where(
                        ChatAttachment.id == attachment_id,
                        ChatAttachment.user_id == self._user_id(context),
                    )
                )
            ).first()
        if data is None:
            raise NotFoundError(f"Attachment {attachment_id} not found")
        return _attachments.validate_python(data)

    async def delete_attachment(self, attachment_id: str, context: ChatContext) -> None:
        async with self._sessionmaker() as session, session.begin():
            await session.exec(
                delete(ChatAttachment).where(
                    col(ChatAttachment.id) == attachment_id,
                    col(ChatAttachment.user_id) == self._user_id(context),
                )
            )


async def _upsert(
    session: AsyncSession,
    model: type[ChatThread] | type[ChatItem] | type[ChatAttachment],
    values: dict[str, Any],
    *,
    update: tuple[str, ...],
    owned: ColumnElement[bool],
) -> bool:
    """INSERT, or UPDATE the existing row only where ``owned`` holds for it: one statement, so
    concurrent writers are safe. False when the id is taken by a row that is not ours."""
    table: sa.Table = model.__table__  # type: ignore[union-attr]
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        stmt: Any = postgresql.insert(table)
    elif dialect == "sqlite":
        stmt = sqlite.insert(table)
    else:  # pragma: no cover - the app runs on these two only
        raise NotImplementedError(f"no upsert for {dialect}")
    stmt = stmt.values(**values)
    stmt = stmt.on_conflict_do_update(
        index_elements=[table.c.id],
        set_={name: stmt.excluded[name] for name in update},
        where=owned,
    ).returning(table.c.id)
    # Nothing returned: the conflicting row failed the ownership condition and was left alone.
    return (await session.exec(stmt)).first() is not None


async def _keyset_page(
    session: AsyncSession,
    model: _Keyed,
    scope: list[ColumnElement[bool]],
    after: str | None,
    limit: int,
    order: str,
) -> tuple[list[dict[str, Any]], bool]:
    """Up to ``limit`` documents ordered by (created_at, id), strictly after the row ``after``."""
    limit = max(limit, 1)
    desc = order == "desc"
    created, ident = col(model.created_at), col(model.id)
    stmt = select(model.data).where(*scope)
    if after is not None:
        cursor = (
            await session.exec(select(model.created_at).where(*scope, ident == after))
        ).first()
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
    rows = [dict(data) for data in (await session.exec(stmt.limit(limit + 1))).all()]
    return rows[:limit], len(rows) > limit
