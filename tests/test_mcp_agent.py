"""An outside agent: an openai-agents ``Agent`` with ``MCPServerStreamableHttp`` and the offline
model, talking to /api/mcp over real HTTP with a personal access token."""

from __future__ import annotations

from datetime import date
from typing import Any

import httpx
import pytest
from agents import Agent, Runner
from agents.mcp import MCPServerStreamableHttp
from fastapi import FastAPI
from sqlmodel import col, select

from backend.assistant.audit import ToolCall
from backend.assistant.offline.model import OfflineModel
from tests.mcp_helpers import new_token, serve

pytestmark = pytest.mark.asyncio


async def tasks_of(c: httpx.AsyncClient) -> list[tuple[str, bool]]:
    items = (await c.get("/api/tasks?status=all")).json()["items"]
    return [(t["title"], t["completed"]) for t in items]


async def test_add_list_complete_delete_with_confirmation(app: FastAPI, alice: httpx.AsyncClient):
    token = await new_token(alice)
    history: list[Any] = []
    async with (
        serve(app) as url,
        MCPServerStreamableHttp(
            {"url": url, "headers": {"Authorization": f"Bearer {token['token']}"}},
            name="todo-over-http",
            cache_tools_list=True,
            use_structured_content=True,
        ) as todo,
    ):
        agent = Agent(
            name="Someone else's agent",
            instructions=f"Today is {date.today():%A %Y-%m-%d}.",
            model=OfflineModel(),
            mcp_servers=[todo],
        )

        async def say(text: str) -> str:
            result = await Runner.run(agent, [*history, {"role": "user", "content": text}])
            history[:] = result.to_input_list()
            return str(result.final_output)

        await say("add buy milk")
        assert await tasks_of(alice) == [("Buy milk", False)]
        assert "Buy milk" in await say("what's on my list?")
        await say("mark buy milk as done")
        assert await tasks_of(alice) == [("Buy milk", True)]

        asked = await say("delete buy milk")
        assert "Buy milk" in asked and "?" in asked
        assert await tasks_of(alice) == [("Buy milk", True)]  # nothing deleted before yes
        await say("yes")
        assert await tasks_of(alice) == []

    async with app.state.sessionmaker() as session:
        audit = (await session.exec(select(ToolCall).order_by(col(ToolCall.id)))).all()
    assert {(a.source, a.token_id) for a in audit} == {("mcp", token["id"])}
    deletes = [a.arguments for a in audit if a.tool == "delete_task"]
    assert [d["confirm"] for d in deletes] == [False, True]
