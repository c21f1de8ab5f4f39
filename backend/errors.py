"""Errors at the edge: every failure is JSON ``{detail}``, and no internals reach a client."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import InterfaceError, OperationalError

from backend.observability import current_request_id
from backend.tasks.exceptions import TaskError

log = logging.getLogger("backend.errors")

DB_UNAVAILABLE = "The service is temporarily unavailable, please try again shortly"


def _field_name(loc: tuple[int | str, ...]) -> str:
    # ("body", "tags", 3) -> "tags[3]"; ("query", "limit") -> "limit"
    parts = [p for p in loc if p not in ("body", "query", "path", "header", "cookie")]
    name = ""
    for part in parts:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name or "request"


def validation_message(errors: list[dict[str, object]]) -> str:
    first = errors[0] if errors else {"loc": (), "msg": "Invalid request"}
    msg = str(first.get("msg", "Invalid request")).removeprefix("Value error, ")
    loc = first.get("loc", ())
    return f"{_field_name(tuple(loc) if isinstance(loc, list | tuple) else ())}: {msg}"


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")).removeprefix("Value error, ")}
        for e in exc.errors()
    ]
    return JSONResponse(
        {"detail": validation_message(list(exc.errors())), "errors": errors}, status_code=422
    )


async def _task_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, TaskError)
    return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)


async def _database_unavailable(_: Request, exc: Exception) -> JSONResponse:
    log.warning("database unavailable: %s", type(exc).__name__)
    return JSONResponse({"detail": DB_UNAVAILABLE}, status_code=503, headers={"Retry-After": "5"})


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return JSONResponse(
        {"detail": "Something went wrong on our side", "request_id": current_request_id()},
        status_code=500,
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(TaskError, _task_error)
    for exc_type in (OperationalError, InterfaceError, ConnectionError):
        app.add_exception_handler(exc_type, _database_unavailable)
    app.add_exception_handler(Exception, _unexpected)
