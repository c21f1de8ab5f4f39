"""The ``todo`` MCP server: the assistant's task tools.

Each tool is a thin caller of ``TaskService``; none takes a user argument. The acting user
arrives in the request ``_meta`` (put there from the authenticated run context by the adapter),
and a call without it is refused. Every call is written to the ``tool_calls`` audit table.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated, Any, Literal, TypeVar
from zoneinfo import ZoneInfo

from mcp.server.mcpserver import AcceptedElicitation, Context, MCPServer, Resolve
from mcp.server.mcpserver.exceptions import ToolError
from pydantic import BaseModel, ValidationError
from pydantic_core import to_jsonable_python
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.assistant import confirmations
from backend.assistant.results import ErrorKind, ToolResult
from backend.auth.deps import parse_timezone
from backend.chat.models import ToolCall
from backend.errors import validation_message
from backend.tasks.exceptions import TaskError, TaskNotFound
from backend.tasks.schemas import (
    DueFilter,
    TaskCreate,
    TaskPublic,
    TaskQuery,
    TaskStatus,
    TaskUpdate,
)
from backend.tasks.service import TaskService

log = logging.getLogger(__name__)

# The SDK wraps every resolved argument (the caller, below) in ``AcceptedElicitation[Any]``.
# pydantic caches parameterized classes weakly, so without this reference the class is rebuilt
# after each garbage collection: ~1 ms of CPU in a tool call.
_ACCEPTED = AcceptedElicitation[Any]

SERVER_NAME = "todo"
LIST_LIMIT_DEFAULT, LIST_LIMIT_MAX = 20, 50


class Caller(BaseModel):
    """Who is acting, from the request ``_meta``; never from the model's arguments."""

    user_id: int
    thread_id: str | None = None
    turn_id: str | None = None
    timezone: str = "UTC"

    @property
    def tz(self) -> ZoneInfo:
        return parse_timezone(self.timezone) or ZoneInfo("UTC")


def current_caller(ctx: Context) -> Caller:
    meta: dict[str, Any] = dict(ctx.request_context.meta or {})
    try:
        return Caller.model_validate({k: meta[k] for k in Caller.model_fields if k in meta})
    except ValidationError:
        # Fail closed: without an authenticated user no tool touches any data.
        raise _failed(
            "refused", "No authenticated user for this tool call; nothing was done"
        ) from None


CallerDep = Annotated[Caller, Resolve(current_caller)]
# Inline literals rather than the Priority enum: a $ref under anyOf defeats strict schemas.
PriorityName = Literal["low", "medium", "high"]


def _failed(kind: ErrorKind, message: str) -> ToolError:
    """A failed call: an MCP error whose text is the typed result, as JSON."""
    return ToolError(ToolResult.failed(kind, message).model_dump_json())


# Results: the typed ToolResult, each with its data and the tasks it changed (so the server
# can tell open views to refresh).
class TaskChange(ToolResult):
    action: Literal["added", "completed", "reopened", "updated", "deleted"]
    task: TaskPublic


class TaskListResult(ToolResult):
    tasks: list[TaskPublic]
    today: date
    more_available: bool


class DeleteResult(ToolResult):
    status: Literal["confirmation_required", "deleted"]
    tasks: list[TaskPublic]
    message: str


ResultT = TypeVar("ResultT", bound=ToolResult)


def create_todo_mcp_server(sessionmaker: async_sessionmaker[AsyncSession]) -> MCPServer:
    server = MCPServer(
        SERVER_NAME,
        instructions="Manage the signed-in user's todo list. Task ids come from list_tasks.",
    )

    async def run(
        caller: Caller,
        tool: str,
        arguments: dict[str, Any],
        body: Callable[[TaskService, AsyncSession], Awaitable[ResultT]],
    ) -> ResultT:
        """Run one tool call for the caller, audited, with errors the model can relay."""
        started = time.perf_counter()
        result: ResultT | None = None
        error: str | None = None
        try:
            async with sessionmaker() as session:
                result = await body(TaskService(session, caller.user_id, caller.tz), session)
                return result
        except TaskError as exc:
            error = exc.detail
            raise _failed(
                "not_found" if isinstance(exc, TaskNotFound) else "invalid", error
            ) from None
        except ValidationError as exc:
            error = validation_message(list(exc.errors()))  # type: ignore[arg-type]
            raise _failed("invalid", error) from None
        except Exception:
            error = "internal error"
            log.exception("tool %s failed", tool)
            raise _failed(
                "internal", f"{tool} failed unexpectedly; nothing more was changed"
            ) from None
        finally:
            await _audit(sessionmaker, caller, tool, arguments, result, error, started)

    @server.tool()
    async def add_task(
        caller: CallerDep,
        title: str,
        description: str | None = None,
        priority: PriorityName = "medium",
        due_date: date | None = None,
        tags: list[str] | None = None,
    ) -> TaskChange:
        """Add a task. due_date is YYYY-MM-DD (resolve words like "tomorrow" first)."""
        args = {
            "title": title,
            "description": description,
            "priority": priority,
            "due_date": due_date,
            "tags": tags or [],
        }

        async def body(service: TaskService, _: AsyncSession) -> TaskChange:
            task = await service.create(TaskCreate.model_validate(args))
            return TaskChange(action="added", task=task, changed_task_ids=[task.id])

        return await run(caller, "add_task", args, body)

    @server.tool()
    async def list_tasks(
        caller: CallerDep,
        status: TaskStatus = "pending",
        priority: PriorityName | None = None,
        tag: str | None = None,
        due: DueFilter | None = None,
        text: str | None = None,
        limit: int = LIST_LIMIT_DEFAULT,
    ) -> TaskListResult:
        """List the user's tasks, soonest due first (undated last, oldest first among them).
        due: overdue | today | week; text searches titles and descriptions."""
        args = {
            "sort": "due",
            "status": status,
            "priority": priority,
            "tag": tag,
            "due": due,
            "q": text,
            "limit": max(1, min(limit, LIST_LIMIT_MAX)),
        }

        async def body(service: TaskService, _: AsyncSession) -> TaskListResult:
            page = await service.list(TaskQuery.model_validate(args))
            return TaskListResult(
                tasks=page.items, today=service.today(), more_available=page.next_cursor is not None
            )

        return await run(caller, "list_tasks", args, body)

    @server.tool()
    async def complete_task(caller: CallerDep, task_id: int, completed: bool = True) -> TaskChange:
        """Mark a task done, or reopen it with completed=false."""
        args = {"task_id": task_id, "completed": completed}

        async def body(service: TaskService, _: AsyncSession) -> TaskChange:
            task = await service.set_completed(task_id, completed)
            action: Literal["completed", "reopened"] = "completed" if completed else "reopened"
            return TaskChange(action=action, task=task, changed_task_ids=[task.id])

        return await run(caller, "complete_task", args, body)

    @server.tool()
    async def update_task(
        caller: CallerDep,
        task_id: int,
        title: str | None = None,
        description: str | None = None,
        priority: PriorityName | None = None,
        due_date: date | None = None,
        tags: list[str] | None = None,
        clear_due_date: bool = False,
    ) -> TaskChange:
        """Change a task: rename, describe, reprioritise, reschedule (YYYY-MM-DD) or retag
        (tags replaces the whole list). Only the fields given are changed;
        clear_due_date=true removes the due date."""
        given = {
            "title": title,
            "description": description,
            "priority": priority,
            "due_date": due_date,
            "tags": tags,
        }
        changes: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
        if clear_due_date:
            changes["due_date"] = None

        async def body(service: TaskService, _: AsyncSession) -> TaskChange:
            if not changes:
                raise TaskError("Nothing to change: give at least one field")
            task = await service.update(task_id, TaskUpdate.model_validate(changes))
            return TaskChange(action="updated", task=task, changed_task_ids=[task.id])

        return await run(caller, "update_task", {"task_id": task_id, **changes}, body)

    @server.tool()
    async def delete_task(
        caller: CallerDep, task_ids: list[int], confirm: bool = False
    ) -> DeleteResult:
        """Delete tasks, in two steps. First call without confirm: nothing is deleted; ask the
        user to confirm. Only after the user says yes in a later message, call again with the
        same ids and confirm=true."""
        args = {"task_ids": task_ids, "confirm": confirm}

        async def body(service: TaskService, session: AsyncSession) -> DeleteResult:
            ids = list(dict.fromkeys(task_ids))
            if not ids:
                raise TaskError("Say which task to delete")
            if caller.thread_id is None or caller.turn_id is None:
                raise TaskError("Deleting needs a conversation to confirm in")
            tasks = [await service.get(task_id) for task_id in ids]
            if confirm and await confirmations.delete_is_confirmed(session, caller, ids):
                deleted = [await service.delete(task_id) for task_id in ids]
                await confirmations.clear(session, caller.user_id, caller.thread_id)
                names = ", ".join(f"'{t.title}'" for t in deleted)
                return DeleteResult(
                    status="deleted",
                    tasks=deleted,
                    message=f"Deleted {names}.",
                    changed_task_ids=ids,
                )
            await confirmations.ask_to_delete(session, caller, ids)
            names = ", ".join(f"'{t.title}'" for t in tasks)
            return DeleteResult(
                status="confirmation_required",
                tasks=tasks,
                message=f"Nothing deleted yet. Ask the user to confirm deleting {names}.",
            )

        return await run(caller, "delete_task", args, body)

    return server


async def _audit(
    sessionmaker: async_sessionmaker[AsyncSession],
    caller: Caller,
    tool: str,
    arguments: dict[str, Any],
    result: BaseModel | None,
    error: str | None,
    started: float,
) -> None:
    # Its own transaction: a failed call is recorded too.
    try:
        async with sessionmaker() as session:
            session.add(
                ToolCall(
                    user_id=caller.user_id,
                    thread_id=caller.thread_id,
                    tool=tool,
                    arguments=_jsonable(arguments),
                    outcome="error" if error else "ok",
                    result=result.model_dump(mode="json") if result else None,
                    error=error[:500] if error else None,
                    duration_ms=(time.perf_counter() - started) * 1000,
                )
            )
            await session.commit()
    except Exception:
        log.exception("could not record tool call %s", tool)


def _jsonable(value: dict[str, Any]) -> dict[str, Any]:
    jsonable: dict[str, Any] = to_jsonable_python(value)
    return jsonable
