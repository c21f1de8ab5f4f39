"""Chat tables: ChatKit threads, items and attachments, tool-call audit (pending confirmations
live with their owner, ``backend.assistant.confirmations``).

ChatKit objects are kept whole as JSON (``data``), exactly as ChatKit dumped them, so they load
back equal; the columns beside them exist to scope (``user_id``) and to order (``created_at``).
"""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from sqlmodel import Field, SQLModel

from backend.db import UTCDateTime, utcnow

# JSONB on PostgreSQL (binary, indexable), JSON text on SQLite.
JSONDocument: Any = sa.JSON().with_variant(JSONB(), "postgresql")


class ChatThread(SQLModel, table=True):
    __tablename__ = "chat_threads"
    __table_args__ = (sa.Index("ix_chat_threads_user_created", "user_id", "created_at", "id"),)

    id: str = Field(primary_key=True, sa_type=sa.String(64))
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    # The thread's ChatKit created_at, in UTC: the key the thread list is ordered by.
    created_at: datetime = Field(sa_type=UTCDateTime)
    # ThreadMetadata.model_dump(mode="json") without the items.
    data: dict[str, Any] = Field(sa_type=JSONDocument)


class ChatItem(SQLModel, table=True):
    __tablename__ = "chat_items"
    __table_args__ = (sa.Index("ix_chat_items_thread_created", "thread_id", "created_at", "id"),)

    id: str = Field(primary_key=True, sa_type=sa.String(64))
    thread_id: str = Field(foreign_key="chat_threads.id", ondelete="CASCADE", sa_type=sa.String(64))
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    created_at: datetime = Field(sa_type=UTCDateTime)
    # The ThreadItem's model_dump(mode="json").
    data: dict[str, Any] = Field(sa_type=JSONDocument)


class ChatAttachment(SQLModel, table=True):
    __tablename__ = "chat_attachments"

    id: str = Field(primary_key=True, sa_type=sa.String(64))
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    data: dict[str, Any] = Field(sa_type=JSONDocument)


class ToolCall(SQLModel, table=True):
    """Audit of every assistant tool call. No foreign key to the thread: it outlives the chat."""

    __tablename__ = "tool_calls"
    __table_args__ = (
        sa.Index("ix_tool_calls_user_created", "user_id", "created_at"),
        sa.CheckConstraint("outcome IN ('ok', 'error')", name="ck_tool_calls_outcome"),
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    thread_id: str | None = Field(default=None, sa_type=sa.String(64))
    tool: str = Field(sa_type=sa.String(64))
    arguments: dict[str, Any] = Field(sa_type=JSONDocument)
    outcome: str = Field(sa_type=sa.String(16))
    result: dict[str, Any] | None = Field(default=None, sa_type=JSONDocument)
    error: str | None = Field(default=None, sa_type=sa.String(500))
    duration_ms: float
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
