"""Reach an in-process MCP server from openai-agents: no subprocess, no socket.

openai-agents only ships stdio/SSE/HTTP MCP clients, so this small ``agents.mcp.MCPServer``
subclass wraps ``mcp.Client(server)``, which talks to the server object directly. The client's
context lives in one dedicated task, so ``connect`` and ``cleanup`` may be awaited from
different tasks (FastAPI's lifespan does exactly that). Connect once per process.
"""

from __future__ import annotations

import asyncio
from typing import Any

import mcp
from agents.mcp import MCPServer as AgentsMCPServer
from agents.mcp import MCPToolMetaResolver
from mcp.server.mcpserver import MCPServer
from mcp.types import CallToolResult, GetPromptResult, ListPromptsResult, Tool


class InProcessMCPServer(AgentsMCPServer):
    def __init__(self, server: MCPServer, *, tool_meta_resolver: MCPToolMetaResolver) -> None:
        super().__init__(use_structured_content=True, tool_meta_resolver=tool_meta_resolver)
        self._server = server
        self._client: mcp.Client | None = None
        self._tools: list[Tool] | None = None
        self._task: asyncio.Task[None] | None = None
        self._stop = asyncio.Event()

    @property
    def name(self) -> str:
        return self._server.name

    async def connect(self) -> None:
        if self._task is not None:
            return
        ready: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._stop = asyncio.Event()
        self._task = asyncio.create_task(self._hold_client(ready), name=f"mcp-client-{self.name}")
        await ready

    async def _hold_client(self, ready: asyncio.Future[None]) -> None:
        try:
            async with mcp.Client(self._server) as client:
                self._client = client
                ready.set_result(None)
                await self._stop.wait()
        except BaseException as exc:
            if not ready.done():
                ready.set_exception(exc)
            raise
        finally:
            self._client = None

    async def cleanup(self) -> None:
        if self._task is None:
            return
        self._stop.set()
        task, self._task = self._task, None
        await task

    def _connected(self) -> mcp.Client:
        if self._client is None:
            raise RuntimeError(f"MCP server {self.name!r} is not connected")
        return self._client

    async def list_tools(self, run_context: Any = None, agent: Any = None) -> list[Tool]:
        if self._tools is None:  # the tool set is fixed for the life of the process
            self._tools = list((await self._connected().list_tools()).tools)
        return self._tools

    async def call_tool(
        self, tool_name: str, arguments: dict[str, Any] | None, meta: dict[str, Any] | None = None
    ) -> CallToolResult:
        return await self._connected().call_tool(tool_name, arguments or {}, meta=meta)  # type: ignore[arg-type]

    async def list_prompts(self) -> ListPromptsResult:
        return await self._connected().list_prompts()

    async def get_prompt(
        self, name: str, arguments: dict[str, Any] | None = None
    ) -> GetPromptResult:
        return await self._connected().get_prompt(name, arguments)
