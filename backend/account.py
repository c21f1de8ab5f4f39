"""The user's rights over their data: take all of it away (export), or erase the account.

Here rather than in ``backend.auth``: it reads every feature's tables, and auth depends on
none of them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, TypeVar

from fastapi import APIRouter, HTTPException, Request, Response, status
from pydantic import BaseModel, Field
from sqlalchemy import delete
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.assistant.audit import ToolCall
from backend.auth.deps import CurrentUser, HasherDep, SettingsDep, clear_auth_cookie
from backend.auth.models import User as UserRow
from backend.auth.models import UserPublic
from backend.auth.tokens import PersonalAccessToken, TokenPublic
from backend.chat.models import ChatItem, ChatThread
from backend.db import SessionDep, utcnow
from backend.ratelimit import RateLimiter, client_address
from backend.tasks.changes import ChangeItem, ChangeSet
from backend.tasks.models import Task
from backend.tasks.schemas import TaskPublic
from backend.tasks.service import to_public

router = APIRouter(prefix="/api/auth", tags=["auth"])

WRONG_PASSWORD = "The password is not right"  # noqa: S105  (a message)


class Conversation(BaseModel):
    thread: dict[str, Any]  # ChatKit's thread, as items.list and threads.get give it
    items: list[dict[str, Any]]  # ChatKit's items, oldest first


class AssistantAction(BaseModel):
    """One audited tool call (without the user's text: see backend/assistant/audit.py)."""

    thread_id: str | None
    tool: str
    arguments: dict[str, Any]
    outcome: str
    result: dict[str, Any] | None
    error: str | None
    created_at: datetime


class TaskChangeOut(BaseModel):
    task_id: int
    before: dict[str, Any] | None  # the task's whole state; null: it did not exist
    after: dict[str, Any] | None


class ChangeSetOut(BaseModel):
    """One recorded change (kept for undo, CHANGE_RETENTION_DAYS long)."""

    id: int
    source: str
    thread_id: str | None
    undoes: int | None
    created_at: datetime
    undone_at: datetime | None
    tasks: list[TaskChangeOut]


class AccountExport(BaseModel):
    exported_at: datetime
    user: UserPublic
    tasks: list[TaskPublic]
    conversations: list[Conversation]
    assistant_actions: list[AssistantAction]
    access_tokens: list[TokenPublic]  # names, scopes and dates; the secrets are never stored
    changes: list[ChangeSetOut]


class DeleteAccountIn(BaseModel):
    password: str = Field(min_length=1, max_length=1024)


@router.get("/me/export", response_model=AccountExport)
async def export_account(user: CurrentUser, session: SessionDep) -> Response:
    """Everything stored about the caller, as one JSON document (a download)."""
    tasks = await _owned(session, Task, user.id)
    threads = await _owned(session, ChatThread, user.id)
    by_thread: dict[str, list[dict[str, Any]]] = {}
    for item in await _owned(session, ChatItem, user.id):
        by_thread.setdefault(item.thread_id, []).append(_as_chatkit_sends(item.data))
    actions = await _owned(session, ToolCall, user.id)
    tokens = await _owned(session, PersonalAccessToken, user.id)
    change_sets = await _owned(session, ChangeSet, user.id)
    by_set: dict[int, list[TaskChangeOut]] = {}
    recorded = await session.exec(
        select(ChangeItem)
        .join(ChangeSet, col(ChangeSet.id) == col(ChangeItem.change_set_id))
        .where(ChangeSet.user_id == user.id)
        .order_by(col(ChangeItem.id))
    )
    for change in recorded:
        by_set.setdefault(change.change_set_id, []).append(
            TaskChangeOut(task_id=change.task_id, before=change.before, after=change.after)
        )
    export = AccountExport(
        exported_at=utcnow(),
        user=UserPublic.model_validate(user),
        tasks=[to_public(task) for task in tasks],
        conversations=[
            Conversation(thread=_as_chatkit_sends(t.data), items=by_thread.get(t.id, []))
            for t in threads
        ],
        assistant_actions=[
            AssistantAction.model_validate(a, from_attributes=True) for a in actions
        ],
        access_tokens=[TokenPublic.model_validate(t) for t in tokens],
        changes=[
            ChangeSetOut.model_validate({**c.model_dump(), "tasks": by_set.get(c.id or 0, [])})
            for c in change_sets
        ],
    )
    return Response(
        export.model_dump_json(),
        media_type="application/json",
        headers={"Content-Disposition": 'attachment; filename="todo-assistant-export.json"'},
    )


Owned = TypeVar("Owned", Task, ChatThread, ChatItem, ToolCall, PersonalAccessToken, ChangeSet)


async def _owned(session: AsyncSession, model: type[Owned], user_id: int | None) -> list[Owned]:
    """Every row of ``model`` that belongs to the user, oldest first."""
    rows = await session.exec(
        select(model).where(model.user_id == user_id).order_by(col(model.created_at), col(model.id))
    )
    return list(rows)


def _as_chatkit_sends(value: Any) -> Any:
    """Stored ChatKit JSON as the ChatKit API sends it (without null fields)."""
    if isinstance(value, dict):
        return {k: _as_chatkit_sends(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_as_chatkit_sends(v) for v in value]
    return value


@router.delete(
    "/me",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={
        403: {"description": "The password is not right"},
        429: {"description": "Too many password attempts"},
    },
)
async def delete_account(
    body: DeleteAccountIn,
    user: CurrentUser,
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    hasher: HasherDep,
) -> None:
    """Erases the account and everything it owns (tasks, conversations, audit rows, change
    sets: the database's ON DELETE CASCADE keys), after the password is given again: a session alone
    (a borrowed laptop, a stolen cookie) must not be enough to destroy everything."""
    limiter: RateLimiter = request.app.state.rate_limiter
    await limiter.check_login(user.email, client_address(request))  # a password guess too
    if not await hasher.verify(body.password, user.password_hash):
        raise HTTPException(status.HTTP_403_FORBIDDEN, WRONG_PASSWORD)
    await session.exec(delete(UserRow).where(col(UserRow.id) == user.id))
    await session.commit()
    clear_auth_cookie(response, settings)
