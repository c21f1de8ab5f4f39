"""Generated tool arguments over /api/mcp (real uvicorn, the MCP SDK's client): every call answers
(a result or a tool error a person can read), nothing crashes inside a tool, and the session
keeps working after it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.mcp_helpers import mcp_client, new_token, serve, structured
from tests.test_security_input import PROPERTY_SETTINGS

pytestmark = pytest.mark.asyncio

PARAMS = {
    "add_task": ["title", "description", "priority", "due_date", "tags"],
    "list_tasks": ["status", "priority", "tag", "due", "text", "limit"],
    "complete_task": ["task_id", "completed"],
    "update_task": [
        "task_id",
        "title",
        "description",
        "priority",
        "due_date",
        "tags",
        "clear_due_date",
    ],
    "delete_task": ["task_ids", "confirm"],
    "undo_last_change": [],
}
# Text a JSON encoder accepts (no lone surrogates), NUL and other control characters included.
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=300)
scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | texts
    | st.sampled_from(["2030-02-30", "2030-01-01", "high", "all", "week", "tdo_x", "1"])
)
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=12,
)


def arguments(tool: str) -> st.SearchStrategy[dict[str, Any]]:
    known = {name: json_values for name in PARAMS[tool]}
    # Names the tool does not have (a spoofed user among them) must not matter either.
    extra = {"user_id": json_values, "_meta": json_values, "unknown": json_values}
    return st.fixed_dictionaries({}, optional={**known, **extra})


calls = st.lists(
    st.sampled_from(sorted(PARAMS)).flatmap(lambda tool: st.tuples(st.just(tool), arguments(tool))),
    min_size=1,
    max_size=4,
)


@pytest.fixture
async def token(alice: httpx.AsyncClient) -> str:
    await alice.post("/api/tasks", json={"title": "fuzz target"})
    secret: str = (await new_token(alice))["token"]
    return secret


@pytest.fixture
async def url(app: FastAPI) -> AsyncIterator[str]:
    async with serve(app) as mcp_url:
        yield mcp_url


@settings(PROPERTY_SETTINGS, max_examples=40)
@given(batch=calls)
async def test_generated_tool_arguments_never_crash_or_drop_the_session(
    url: str, token: str, batch: list[tuple[str, dict[str, Any]]]
):
    statuses: list[int] = []
    async with mcp_client(url, token, statuses) as c:
        for tool, args in batch:
            result = await c.call_tool(tool, args)  # raises if the stream drops
            if result.is_error:
                text = " ".join(getattr(b, "text", "") for b in result.content)
                assert text.strip(), (tool, args)
                # Refused as invalid or not found, never our own failure (kind "internal").
                assert '"kind":"internal"' not in text.replace(" ", ""), (tool, args, text)
        # The same session still answers.
        assert "tasks" in structured(await c.call_tool("list_tasks", {"status": "all"}))
    assert all(s < 500 for s in statuses), statuses
