from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status
from starlette.convertors import Convertor, register_url_convertor

from backend.auth.deps import timezone_of
from backend.auth.tokens import TaskUser
from backend.db import SessionDep
from backend.tasks.changes import CHANGE_HEADER, ChangeRecorder
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
    # Every write through the API is one change set, named in the X-Change-Id header.
    recorder = ChangeRecorder(user.id, "dashboard")
    return TaskService(session, user.id, timezone_of(request, user), changes=recorder)


Service = Annotated[TaskService, Depends(get_task_service)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such task of yours"}}


def _name_change(service: TaskService, response: Response) -> None:
    if service.changes is not None and service.changes.change_set_id is not None:
        response.headers[CHANGE_HEADER] = str(service.changes.change_set_id)


@router.get(
    "", response_model=TaskPage, responses={400: {"description": "Invalid or expired cursor"}}
)
async def list_tasks(service: Service, query: Annotated[TaskQuery, Query()]) -> TaskPage:
    return await service.list(query)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=TaskPublic)
async def create_task(service: Service, body: TaskCreate, response: Response) -> TaskPublic:
    task = await service.create(body)
    _name_change(service, response)
    return task


@router.get("/{task_id:task_id}", response_model=TaskPublic, responses=NOT_FOUND)
async def get_task(service: Service, task_id: int) -> TaskPublic:
    return await service.get(task_id)


@router.patch("/{task_id:task_id}", response_model=TaskPublic, responses=NOT_FOUND)
async def update_task(
    service: Service, task_id: int, body: TaskUpdate, response: Response
) -> TaskPublic:
    task = await service.update(task_id, body)
    _name_change(service, response)
    return task


@router.delete("/{task_id:task_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
async def delete_task(service: Service, task_id: int, response: Response) -> None:
    await service.delete(task_id)
    _name_change(service, response)
