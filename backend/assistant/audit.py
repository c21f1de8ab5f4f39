"""The audit of every assistant tool call (``tool_calls``), from our chat and from outside agents
over MCP alike: which tool, on which task ids, with what outcome. It goes with its thread and its
account, and keeps none of the user's text.
"""

from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

from backend.db import IDS_NEVER_REUSED, JSONDocument, UTCDateTime, utcnow

# The user's own words in a tool call (task titles and descriptions, search text, tags,
# messages quoting them): the audit keeps what was done and to which task ids, not what the
# tasks said, so that deleting a task leaves no copy of its text behind (the conversation is
# the user's record of that, and goes when they delete it).
AUDIT_DROPPED_KEYS = frozenset({"title", "description", "q", "text", "tag", "tags", "message"})
AUDIT_DROPPED = "[not kept]"


def without_user_text(value: Any) -> Any:
    """``value`` (JSON) with every field named in AUDIT_DROPPED_KEYS blanked, at any depth."""
    if isinstance(value, dict):
        return {
            k: (AUDIT_DROPPED if v not in (None, [], "") else v)
            if k in AUDIT_DROPPED_KEYS
            else without_user_text(v)
            for k, v in value.items()
        }
    if isinstance(value, list):
        return [without_user_text(v) for v in value]
    return value


class ToolCall(SQLModel, table=True):
    """Audit of every assistant tool call: goes with its thread and its account."""

    __tablename__ = "tool_calls"
    __table_args__ = (
        sa.Index("ix_tool_calls_user_created", "user_id", "created_at"),
        sa.CheckConstraint("outcome IN ('ok', 'error')", name="ck_tool_calls_outcome"),
        IDS_NEVER_REUSED,
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    thread_id: str | None = Field(
        default=None,
        foreign_key="chat_threads.id",
        ondelete="CASCADE",
        index=True,  # deleting a thread finds its audit rows
        sa_type=sa.String(64),
    )
    # Where the call came from: "chat" (our assistant) or "mcp" (an outside agent, with the
    # personal access token it used; no foreign key, so the record outlives the token).
    source: str = Field(
        default="chat", sa_type=sa.String(16), sa_column_kwargs={"server_default": "chat"}
    )
    token_id: int | None = Field(default=None)
    tool: str = Field(sa_type=sa.String(64))
    arguments: dict[str, Any] = Field(sa_type=JSONDocument)
    outcome: str = Field(sa_type=sa.String(16))
    result: dict[str, Any] | None = Field(default=None, sa_type=JSONDocument)
    error: str | None = Field(default=None, sa_type=sa.String(500))
    duration_ms: float
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


@sa.event.listens_for(ToolCall, "before_insert")
@sa.event.listens_for(ToolCall, "before_update")
def _drop_user_text(_mapper: Any, _connection: Any, row: ToolCall) -> None:
    """Whoever writes an audit row, it keeps no user text."""
    row.arguments = without_user_text(row.arguments)
    row.result = without_user_text(row.result)
