"""What-if patches: proposed fixes outside the files the benchmark work may change, applied
to the bench server only when asked (``BENCH_WHATIF=typeadapter,mcp-tools,auth-release``), so
the report can say what each would buy. Never applied to the figures measured against the
targets; each mirrors the fix proposed in bench/README.md.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request

from backend.auth.deps import get_current_user
from backend.auth.models import User
from backend.db import SessionDep

WHATIFS = ("typeadapter", "mcp-tools", "auth-release")


def apply(app: FastAPI, names: list[str]) -> None:
    unknown = set(names) - set(WHATIFS)
    if unknown:
        raise SystemExit(f"unknown BENCH_WHATIF {sorted(unknown)}; known: {WHATIFS}")
    if "typeadapter" in names:
        _cache_chatkit_request_adapter()
    if "mcp-tools" in names:
        _convert_mcp_tools_once()
    if "auth-release" in names:
        _release_auth_connection(app)


def _cache_chatkit_request_adapter() -> None:
    """chatkit's ``ChatKitServer.process`` builds ``TypeAdapter[ChatKitReq]`` on every request
    (a schema build of the whole request union). Proposed: build it once (override
    ``process`` in ``TodoChatKitServer``, or let the route hand over the request it already
    parsed)."""
    import chatkit.server
    from pydantic import TypeAdapter

    cache: dict[Any, TypeAdapter[Any]] = {}

    class CachedTypeAdapter:
        def __class_getitem__(cls, _item: Any) -> type[CachedTypeAdapter]:
            return cls

        def __new__(cls, tp: Any) -> Any:  # type: ignore[misc]
            if tp not in cache:
                cache[tp] = TypeAdapter(tp)
            return cache[tp]

    chatkit.server.TypeAdapter = CachedTypeAdapter  # type: ignore[attr-defined,misc]


def _convert_mcp_tools_once() -> None:
    """openai-agents converts every MCP tool to a FunctionTool (strict JSON schema included) at
    every model call. The tool set is fixed for the process. Proposed: an ``Agent`` subclass in
    ``backend/assistant/agent.py`` that keeps the first ``get_mcp_tools`` result."""
    from agents import Agent

    original = Agent.get_mcp_tools
    cache: dict[int, Any] = {}

    async def get_mcp_tools(self: Any, run_context: Any) -> Any:
        key = id(self)
        if key not in cache:
            cache[key] = await original(self, run_context)
        return cache[key]

    Agent.get_mcp_tools = get_mcp_tools  # type: ignore[method-assign]


def _release_auth_connection(app: FastAPI) -> None:
    """``get_current_user`` reads the user and leaves its transaction open, so the request
    holds a pooled connection while the route (the ChatKit store, the tools) needs another:
    with as many requests in flight as the pool has connections, every one of them waits for
    a second connection that never frees (30 s, then a 500). Proposed: end the read right
    after loading the user (``await session.commit()``; objects stay loaded)."""
    app.dependency_overrides[get_current_user] = _current_user_released


async def _current_user_released(request: Request, session: SessionDep) -> User:
    user = await get_current_user(request, session, request.app.state.settings)
    await session.commit()  # ends the read: the connection goes back to the pool
    return user
