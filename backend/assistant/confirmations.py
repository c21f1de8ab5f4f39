"""Confirmations: the one owner of actions that wait for the user's yes (today: deletes).

A request records what would be done and the turn (user message) that asked. Only the very next
turn may confirm it, and only within ``WINDOW``. Both limits live in the database, so a crash
mid-turn cannot revive a request: ``begin_turn`` (run before the model at the start of every
turn) lets the first turn after the question claim it and drops it at any later turn, and the
time limit is checked when the yes arrives.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy import delete, or_, update
from sqlmodel import Field, SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.db import JSONDocument, UTCDateTime, utcnow

DELETE = "delete"
WINDOW = timedelta(minutes=10)  # a yes later than this confirms nothing


class ChatPendingAction(SQLModel, table=True):
    """An action awaiting the user's confirmation in the next turn (at most one per thread)."""

    __tablename__ = "chat_pending_actions"

    thread_id: str = Field(
        primary_key=True, foreign_key="chat_threads.id", ondelete="CASCADE", sa_type=sa.String(64)
    )
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    kind: str = Field(sa_type=sa.String(32))
    payload: dict[str, Any] = Field(sa_type=JSONDocument)
    # The id of the user message whose turn asked for it.
    turn_id: str = Field(sa_type=sa.String(64))
    # The turn that may answer it: the first one after the question (set when it begins).
    answer_turn_id: str | None = Field(default=None, sa_type=sa.String(64))
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)


class Asker(Protocol):
    """Who asks: the tool caller (user, thread, turn)."""

    user_id: int
    thread_id: str | None
    turn_id: str | None


def _mine(user_id: int, thread_id: str | None) -> list[Any]:
    return [
        col(ChatPendingAction.thread_id) == thread_id,
        col(ChatPendingAction.user_id) == user_id,
    ]


async def begin_turn(session: AsyncSession, user_id: int, thread_id: str, turn_id: str) -> None:
    """A turn starts: requests an earlier turn already could answer lapse; a new question from
    the previous turn may be answered by this one (and only this one)."""
    pending = ChatPendingAction
    await session.exec(
        delete(pending).where(
            *_mine(user_id, thread_id),
            or_(
                col(pending.expires_at) <= utcnow(),
                sa.and_(
                    col(pending.answer_turn_id).is_not(None),
                    col(pending.answer_turn_id) != turn_id,
                ),
            ),
        )
    )
    await session.exec(
        update(pending)
        .where(
            *_mine(user_id, thread_id),
            col(pending.answer_turn_id).is_(None),
            col(pending.turn_id) != turn_id,
        )
        .values(answer_turn_id=turn_id)
    )
    await session.commit()


async def ask_to_delete(session: AsyncSession, asker: Asker, task_ids: list[int]) -> None:
    assert asker.thread_id is not None and asker.turn_id is not None
    await clear(session, asker.user_id, asker.thread_id)
    session.add(
        ChatPendingAction(
            thread_id=asker.thread_id,
            user_id=asker.user_id,
            kind=DELETE,
            payload={"task_ids": task_ids},
            turn_id=asker.turn_id,
            expires_at=utcnow() + WINDOW,
        )
    )
    await session.commit()


async def delete_is_confirmed(session: AsyncSession, asker: Asker, task_ids: list[int]) -> bool:
    """True when the previous turn asked to delete (at least) these tasks, this turn answers
    it, and it has not expired."""
    action = (
        await session.exec(
            select(ChatPendingAction).where(
                *_mine(asker.user_id, asker.thread_id), ChatPendingAction.kind == DELETE
            )
        )
    ).first()
    if action is None or action.answer_turn_id != asker.turn_id:
        return False
    if action.turn_id == asker.turn_id or action.expires_at <= utcnow():
        return False
    return set(task_ids) <= set(action.payload.get("task_ids", []))


async def clear(session: AsyncSession, user_id: int, thread_id: str | None) -> None:
    await session.exec(delete(ChatPendingAction).where(*_mine(user_id, thread_id)))
    await session.commit()


async def end_turn(session: AsyncSession, user_id: int, thread_id: str, turn_id: str) -> None:
    """Tidy-up when a turn ends (``begin_turn`` makes this unnecessary for safety): a request
    from an earlier turn was not confirmed now, so it lapses."""
    await session.exec(
        delete(ChatPendingAction).where(
            *_mine(user_id, thread_id), col(ChatPendingAction.turn_id) != turn_id
        )
    )
    await session.commit()
