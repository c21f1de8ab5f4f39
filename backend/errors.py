"""Errors at the edge: every failure is JSON ``{detail}``, and no internals reach a client.

The OpenAPI schema says so too: every error response is documented with that one shape, and
each operation lists the statuses the app's layers can give it (auth 401, CSRF 403, body size
413, database down 503), so clients and schema-driven tests can rely on the schema.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from fastapi import FastAPI, Request, routing
from fastapi.dependencies.models import Dependant
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from backend.auth.deps import get_current_user
from backend.db import get_session
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


async def _database_error(request: Request, exc: Exception) -> JSONResponse:
    """A driver error: the connection died under the query (server restarted, network cut) is
    an outage (503); anything else is a bug (500)."""
    assert isinstance(exc, DBAPIError)
    if exc.connection_invalidated or _is_disconnect(exc.orig):
        return await _database_unavailable(request, exc)
    return await _unexpected(request, exc)


def _is_disconnect(error: BaseException | None) -> bool:
    name = type(error).__name__ if error is not None else ""
    return isinstance(error, ConnectionError | TimeoutError) or name in {
        "ConnectionDoesNotExistError",  # asyncpg: the server closed the connection
        "CannotConnectNowError",  # asyncpg: the server is starting or shutting down
        "AdminShutdownError",  # PostgreSQL terminated the backend (restart, pg_terminate)
        "ConnectionFailureError",
        "InterfaceError",
    }


async def _http_error(request: Request, exc: Exception) -> Response:
    """Starlette's answer, except that a 405 lists every method the path has (Starlette's own
    lists only those of the first route it matched)."""
    assert isinstance(exc, StarletteHTTPException)
    if exc.status_code == 405:
        allowed = set()
        # The routes' own patterns: "/api/tasks/parse" is no "/api/tasks/{task_id}".
        for _, route in api_routes(request.app):
            if route.path_regex.fullmatch(request.url.path):
                allowed |= {method.upper() for method in route.methods or ()}
        if "GET" in allowed:
            allowed.add("HEAD")
        if allowed:
            exc.headers = {**(exc.headers or {}), "Allow": ", ".join(sorted(allowed))}
    return await http_exception_handler(request, exc)


def api_routes(app: FastAPI) -> Iterator[tuple[str, APIRoute]]:
    """Every API route with its full path (routers included with a prefix too)."""
    iter_contexts = getattr(routing, "iter_route_contexts", None)
    if iter_contexts is None:  # FastAPI before nested route contexts: a flat list
        for route in app.routes:
            if isinstance(route, APIRoute):
                yield route.path_format, route
        return
    for context in iter_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute):
            yield context.path_format or route.path_format, route


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error", exc_info=exc)
    return JSONResponse(
        {"detail": "Something went wrong on our side", "request_id": current_request_id()},
        status_code=500,
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(TaskError, _task_error)
    # (PoolTimeout: every connection busy; the database is overloaded rather than down.)
    for exc_type in (OperationalError, InterfaceError, PoolTimeout, ConnectionError, TimeoutError):
        app.add_exception_handler(exc_type, _database_unavailable)
    app.add_exception_handler(DBAPIError, _database_error)
    app.add_exception_handler(Exception, _unexpected)
    app.openapi = lambda: _openapi_with_errors(app)  # type: ignore[method-assign]


# ---- the error responses in the OpenAPI schema ---------------------------------------------


class FieldError(BaseModel):
    loc: list[str | int]
    msg: str


class ErrorOut(BaseModel):
    """Every error response: a message meant for people, and more for some statuses."""

    detail: str
    errors: list[FieldError] | None = None  # 422: every invalid field
    request_id: str | None = None  # 500: quote it when reporting the problem


_GENERIC = {
    "400": "Malformed request body (not JSON, not UTF-8, nested too deeply)",
    "401": "Not authenticated, or the session ended",
    "403": "Cross-site request refused (CSRF check)",
    "413": "Request body too large",
    "422": "Invalid request: `detail` names the first invalid field, `errors` lists all",
    "429": "Too many requests; retry after `Retry-After` seconds",
    "503": "The database is unavailable; retry after `Retry-After` seconds",
}
_RETRY_AFTER = {
    "Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}},
}
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


def _uses(dependant: Dependant, call: Any) -> bool:
    return dependant.call is call or any(_uses(d, call) for d in dependant.dependencies)


def _openapi_with_errors(app: FastAPI) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = FastAPI.openapi(app)  # FastAPI's own (it caches it), then amended in place
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    error_schema = ErrorOut.model_json_schema(ref_template="#/components/schemas/{model}")
    components.update(error_schema.pop("$defs"))
    components["ErrorOut"] = error_schema
    for path_format, route in api_routes(app):
        if not route.include_in_schema:
            continue
        path = schema["paths"][path_format]
        for method in route.methods or ():
            responses = path[method.lower()]["responses"]
            codes = set()
            if _uses(route.dependant, get_current_user):
                codes.add("401")
            if method in UNSAFE_METHODS:
                codes |= {"403", "413"}
            if route.body_field is not None:
                codes.add("400")
            if _uses(route.dependant, get_session):
                codes.add("503")
            for code in codes:
                responses.setdefault(code, {"description": _GENERIC[code]})
            for code, response in responses.items():
                if code.startswith(("4", "5")):
                    response["description"] = response.get("description") or _GENERIC[code]
                    response["content"] = {
                        "application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}
                    }
                    if code in ("429", "503"):
                        response["headers"] = _RETRY_AFTER
    return schema
