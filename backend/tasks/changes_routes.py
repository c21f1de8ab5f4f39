"""``POST /api/changes/{id}/undo``: revert one change set (see backend/tasks/changes.py)."""

from __future__ import annotations

from fastapi import APIRouter, Response

from backend.auth.tokens import TaskUser
from backend.db import SessionDep
from backend.tasks import changes
from backend.tasks.changes import CHANGE_HEADER, UndoResult

router = APIRouter(
    prefix="/api/changes",
    tags=["tasks"],
    responses={
        401: {"description": "Not signed in, or an invalid, expired or revoked access token"},
        403: {"description": "The access token lacks the scope this needs"},
    },
)


@router.post(
    "/{change_id}/undo",
    response_model=UndoResult,
    responses={
        404: {"description": "No such change of yours"},
        409: {"description": "Already undone, or itself an undo"},
    },
)
async def undo_change(
    change_id: int, user: TaskUser, session: SessionDep, response: Response
) -> UndoResult:
    """Revert the change set; tasks changed since are skipped, each with a reason. The undo
    is recorded too (its id in X-Change-Id), and cannot itself be undone."""
    assert user.id is not None
    undone = await changes.undo(session, user.id, change_id, "dashboard")
    if undone.change_set_id is not None:
        response.headers[CHANGE_HEADER] = str(undone.change_set_id)
    return undone.result
