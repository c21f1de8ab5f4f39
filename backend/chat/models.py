"""Chat tables: ChatKit threads, items and attachments (the tool-call audit and pending
confirmations live with their owner, ``backend.assistant``).

ChatKit objects are kept whole as JSON (``data``), exactly as ChatKit dumped them, so they load
back equal; the columns beside them exist to scope (``user_id``) and to order (``created_at``).
"""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from backend.db import JSONDocument, UTCDateTime, utcnow


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
