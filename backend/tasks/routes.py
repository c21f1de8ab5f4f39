from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, status
from starlette.convertors import Convertor, register_url_convertor

from backend.auth.deps import timezone_of
from backend.auth.tokens import TaskUser
from backend.db import SessionDep
from backend.tasks.schemas import TaskCreate, TaskPage, TaskPublic, TaskQuery, TaskUpdate
from backend.tasks.service import TaskService


class _TaskId(Convertor[str]):
    """A task id in a path: any segment but the words of other task routes ("parse"), so
    PATCH /api/tasks/parse is a 405 rather than a 422 about an id; "abc" stays a 422."""

    regex = r"(?!parse$)[^/]+"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("task_id", _TaskId())

# A signed-in session, or a personal access token within its scopes (403 without them).
router = APIRouter(
    prefix="/api/tasks",
    tags=["tasks"],
    responses={
        401: {"description": "Not signed in, or an invalid, expired or revoked access token"},
        403: {"description": "The access token lacks the scope this needs"},
    },
)


def get_task_service(session: SessionDep, request: Request, user: TaskUser) -> TaskService:
    assert user.id is not None
    return TaskService(session, user.id, timezone_of(request, user))


Service = Annotated[TaskService, Depends(get_task_service)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such task of yours"}}


@router.get(
    "", response_model=TaskPage, responses={400: {"description": "Invalid or expired cursor"}}
)
async def list_tasks(service: Service, query: Annotated[TaskQuery, Query()]) -> TaskPage:
    return await service.list(query)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=TaskPublic)
async def create_task(service: Service, body: TaskCreate) -> TaskPublic:
    return await service.create(body)


@router.get("/{task_id:task_id}", response_model=TaskPublic, responses=NOT_FOUND)
async def get_task(service: Service, task_id: int) -> TaskPublic:
    return await service.get(task_id)


@router.patch("/{task_id:task_id}", response_model=TaskPublic, responses=NOT_FOUND)
async def update_task(service: Service, task_id: int, body: TaskUpdate) -> TaskPublic:
    return await service.update(task_id, body)


@router.delete("/{task_id:task_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
async def delete_task(service: Service, task_id: int) -> None:
    await service.delete(task_id)
