"""Pending confirmations, kept in the database beside the thread (never in process memory).

A delete request records what would be deleted and the turn (user message) that asked. It can
be confirmed only from a later turn, so a model cannot ask and confirm in one breath, and it
lives for exactly one more turn: whatever the user says next either confirms it or drops it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import delete
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.chat.models import ChatPendingAction

if TYPE_CHECKING:
    from backend.assistant.tools import Caller

DELETE = "delete"


async def request_delete(session: AsyncSession, caller: Caller, task_ids: list[int]) -> None:
    assert caller.thread_id is not None and caller.turn_id is not None
    await clear(session, caller)
    session.add(
        ChatPendingAction(
            thread_id=caller.thread_id,
            user_id=caller.user_id,
            kind=DELETE,
            payload={"task_ids": task_ids},
            turn_id=caller.turn_id,
        )
    )
    await session.commit()


async def is_confirmed_delete(session: AsyncSession, caller: Caller, task_ids: list[int]) -> bool:
    """True when an earlier turn of this thread asked to delete (at least) these tasks."""
    action = (
        await session.exec(
            select(ChatPendingAction).where(
                ChatPendingAction.thread_id == caller.thread_id,
                ChatPendingAction.user_id == caller.user_id,
                ChatPendingAction.kind == DELETE,
            )
        )
    ).first()
    if action is None or action.turn_id == caller.turn_id:
        return False
    return set(task_ids) <= set(action.payload.get("task_ids", []))


async def clear(session: AsyncSession, caller: Caller) -> None:
    await session.exec(
        delete(ChatPendingAction).where(
            col(ChatPendingAction.thread_id) == caller.thread_id,
            col(ChatPendingAction.user_id) == caller.user_id,
        )
    )
    await session.commit()


async def drop_unanswered(
    session: AsyncSession, user_id: int, thread_id: str, turn_id: str
) -> None:
    """At the end of a turn: a request from an earlier turn was not confirmed now, so it lapses."""
    await session.exec(
        delete(ChatPendingAction).where(
            col(ChatPendingAction.thread_id) == thread_id,
            col(ChatPendingAction.user_id) == user_id,
            col(ChatPendingAction.turn_id) != turn_id,
        )
    )
    await session.commit()
