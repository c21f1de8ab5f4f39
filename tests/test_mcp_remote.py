"""/api/mcp: the assistant's MCP server over Streamable HTTP, reached by the MCP SDK's own client
through a real uvicorn server, authenticated by personal access tokens."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from mcp.shared.exceptions import MCPError
from mcp.types import ElicitResult
from sqlalchemy import text
from sqlmodel import col, select

from backend.assistant.audit import ToolCall
from backend.db import utcnow
from tests.conftest import make_settings
from tests.mcp_helpers import (
    INITIALIZE,
    MCP_HEADERS,
    READ,
    error_text,
    mcp_client,
    new_token,
    serve,
    set_token,
    structured,
)

pytestmark = pytest.mark.asyncio

TOOLS = {
    "add_task", "list_tasks", "complete_task", "update_task", "delete_task", "undo_last_change",
}  # fmt: skip


@pytest.fixture
async def url(app: FastAPI) -> AsyncIterator[str]:
    async with serve(app) as mcp_url:
        yield mcp_url


async def titles(c: httpx.AsyncClient) -> list[str]:
    return [t["title"] for t in (await c.get("/api/tasks?status=all")).json()["items"]]


async def test_lists_the_tools_and_calls_each_one(app: FastAPI, url: str, alice: httpx.AsyncClient):
    token = await new_token(alice)
    async with mcp_client(url, token["token"]) as c:
        tools = {t.name: t for t in (await c.list_tools()).tools}
        assert set(tools) == TOOLS
        hints = {
            name: (a.read_only_hint, a.destructive_hint, a.idempotent_hint)
            for name, t in tools.items()
            if (a := t.annotations) is not None
        }
        assert hints == {
            "list_tasks": (True, None, None),
            "add_task": (False, False, False),
            "complete_task": (False, False, True),
            "update_task": (False, False, True),
            "delete_task": (False, True, True),
            "undo_last_change": (False, False, False),
        }
        assert all(
            t.output_schema and t.title and len(t.description or "") > 80 for t in tools.values()
        )
        assert "confirm=true" in (tools["delete_task"].description or "")
        assert all("user" not in str(t.input_schema) for t in tools.values())

        added = structured(await c.call_tool("add_task", {"title": "Buy milk", "priority": "high"}))
        task_id = added["task"]["id"]
        listed = structured(await c.call_tool("list_tasks", {}))
        assert [t["title"] for t in listed["tasks"]] == ["Buy milk"]
        updated = structured(
            await c.call_tool("update_task", {"task_id": task_id, "title": "Buy oat milk"})
        )
        assert updated["task"]["title"] == "Buy oat milk"
        done = structured(await c.call_tool("complete_task", {"task_id": task_id}))
        assert done["task"]["completed"] is True

        # No elicitation support in this client: without confirm nothing is deleted.
        asked = structured(await c.call_tool("delete_task", {"task_ids": [task_id]}))
        assert asked["status"] == "confirmation_required"
        assert "confirm=true" in asked["message"]
        assert await titles(alice) == ["Buy oat milk"]
        gone = structured(
            await c.call_tool("delete_task", {"task_ids": [task_id], "confirm": True})
        )
        assert gone["status"] == "deleted"
    assert await titles(alice) == []

    async with app.state.sessionmaker() as session:
        audit = (await session.exec(select(ToolCall).order_by(col(ToolCall.id)))).all()
    assert [a.tool for a in audit] == [
        "add_task",
        "list_tasks",
        "update_task",
        "complete_task",
        "delete_task",
        "delete_task",
    ]
    assert {(a.source, a.token_id, a.outcome) for a in audit} == {("mcp", token["id"], "ok")}


async def test_delete_asks_through_elicitation_when_the_client_supports_it(
    url: str, alice: httpx.AsyncClient
):
    secret = (await new_token(alice))["token"]
    answers: list[bool] = [False, True]
    asked: list[str] = []

    async def user_answers(_context: Any, params: Any) -> ElicitResult:
        asked.append(params.message)
        return ElicitResult(action="accept", content={"confirm": answers.pop(0)})

    await alice.post("/api/tasks", json={"title": "Old plan"})
    async with mcp_client(url, secret, elicitation_callback=user_answers) as c:
        task_id = structured(await c.call_tool("list_tasks", {}))["tasks"][0]["id"]
        kept = structured(await c.call_tool("delete_task", {"task_ids": [task_id]}))
        assert kept["status"] == "confirmation_required"
        assert await titles(alice) == ["Old plan"]
        deleted = structured(await c.call_tool("delete_task", {"task_ids": [task_id]}))
        assert deleted["status"] == "deleted"
    assert asked == ["Delete 'Old plan'? This cannot be undone."] * 2
    assert await titles(alice) == []


async def test_two_users_tokens_are_isolated_and_meta_cannot_name_another_user(
    app: FastAPI, url: str, alice: httpx.AsyncClient, bob: httpx.AsyncClient
):
    alices_task = (await alice.post("/api/tasks", json={"title": "alice's secret"})).json()
    alice_id = (await alice.get("/api/auth/me")).json()["id"]
    bob_secret = (await new_token(bob))["token"]
    async with mcp_client(url, bob_secret) as c:
        listed = await c.call_tool("list_tasks", {"status": "all"}, meta={"user_id": alice_id})
        assert structured(listed)["tasks"] == []
        for tool, args in [
            ("complete_task", {"task_id": alices_task["id"]}),
            ("update_task", {"task_id": alices_task["id"], "title": "pwned"}),
            ("delete_task", {"task_ids": [alices_task["id"]], "confirm": True}),
        ]:
            result = await c.call_tool(tool, args, meta={"user_id": alice_id})
            assert "not found" in error_text(result).lower(), tool
        spoofed = structured(
            await c.call_tool("add_task", {"title": "bob's"}, meta={"user_id": alice_id})
        )
    assert await titles(alice) == ["alice's secret"]
    assert await titles(bob) == ["bob's"]
    assert spoofed["task"]["title"] == "bob's"


async def test_a_read_only_token_cannot_write(url: str, alice: httpx.AsyncClient):
    await alice.post("/api/tasks", json={"title": "keep me"})
    secret = (await new_token(alice, READ))["token"]
    async with mcp_client(url, secret) as c:
        task_id = structured(await c.call_tool("list_tasks", {}))["tasks"][0]["id"]
        for tool, args in [
            ("add_task", {"title": "nope"}),
            ("complete_task", {"task_id": task_id}),
            ("update_task", {"task_id": task_id, "title": "nope"}),
            ("delete_task", {"task_ids": [task_id], "confirm": True}),
        ]:
            message = error_text(await c.call_tool(tool, args))
            assert "read-only" in message and "tasks:write" in message, tool
            assert "Nothing was changed" in message
    tasks = (await alice.get("/api/tasks?status=all")).json()["items"]
    assert [(t["title"], t["completed"]) for t in tasks] == [("keep me", False)]


async def test_revoking_a_token_mid_session_stops_the_next_call(url: str, alice: httpx.AsyncClient):
    token = await new_token(alice)
    statuses: list[int] = []
    async with mcp_client(url, token["token"], statuses) as c:
        structured(await c.call_tool("add_task", {"title": "before revoke"}))
        assert 401 not in statuses
        assert (await alice.delete(f"/api/tokens/{token['id']}")).status_code == 204
        with pytest.raises(MCPError):
            await c.call_tool("add_task", {"title": "after revoke"})
        assert statuses[-1] == 401
    assert await titles(alice) == ["before revoke"]


async def raw_post(url: str, authorization: str | None, **headers: str) -> httpx.Response:
    if authorization is not None:
        headers["Authorization"] = authorization
    async with httpx.AsyncClient() as c:
        return await c.post(url, json=INITIALIZE, headers={**MCP_HEADERS, **headers})


async def test_missing_malformed_expired_revoked_and_orphaned_tokens_get_401(
    app: FastAPI, url: str, alice: httpx.AsyncClient
):
    expired = await new_token(alice, expires_in_days=1)
    await set_token(app, expired["id"], expires_at=utcnow() - timedelta(seconds=1))
    revoked = await new_token(alice)
    await alice.delete(f"/api/tokens/{revoked['id']}")
    session_jwt = alice.cookies[app.state.settings.auth_cookie_name]
    base = url.removesuffix("/api/mcp")
    metadata = "http://localhost:8000/.well-known/oauth-protected-resource/api/mcp"

    for authorization in [
        None,
        "Basic abc",
        "Bearer",
        "Bearer tdo_short",
        "Bearer tdo_" + "x" * 43,
        f"Bearer {expired['token']}",
        f"Bearer {revoked['token']}",
        f"Bearer {session_jwt}",  # a browser session is not an access token
    ]:
        r = await raw_post(url, authorization)
        assert r.status_code == 401, (authorization, r.status_code, r.text)
        assert f'resource_metadata="{metadata}"' in r.headers["www-authenticate"], authorization

    live = await new_token(alice)
    assert (await raw_post(url, f"Bearer {live['token']}")).status_code == 200
    async with app.state.engine.begin() as conn:
        await conn.execute(text("DELETE FROM users"))
    assert (await raw_post(url, f"Bearer {live['token']}")).status_code == 401

    async with httpx.AsyncClient() as c:
        doc = (await c.get(f"{base}/.well-known/oauth-protected-resource/api/mcp")).json()
    assert doc["resource"] == "http://localhost:8000/api/mcp"
    assert doc["bearer_methods_supported"] == ["header"]
    assert "tasks:read" in doc["scopes_supported"]


async def test_foreign_host_and_origin_are_refused(url: str, alice: httpx.AsyncClient):
    secret = (await new_token(alice))["token"]
    bearer = f"Bearer {secret}"
    assert (await raw_post(url, bearer)).status_code == 200
    assert (await raw_post(url, bearer, Origin="http://localhost:3000")).status_code == 200
    assert (await raw_post(url, bearer, Host="evil.example")).status_code == 421
    assert (await raw_post(url, bearer, Origin="https://evil.example")).status_code == 403


async def test_an_oversized_request_is_refused(url: str, alice: httpx.AsyncClient):
    secret = (await new_token(alice))["token"]
    big = {**INITIALIZE, "params": {**INITIALIZE["params"], "padding": "x" * 100_000}}
    async with httpx.AsyncClient() as c:
        r = await c.post(
            url, json=big, headers={**MCP_HEADERS, "Authorization": f"Bearer {secret}"}
        )
    assert r.status_code == 413


async def test_each_token_is_rate_limited_on_its_own_and_extra_hosts_are_allowed(
    database_url: str, app: FastAPI
):
    limited = await _app(database_url, mcp_rate_limit="3/minute", mcp_allowed_hosts="backend:8000")
    async with limited.router.lifespan_context(limited), serve(limited) as url:
        async with httpx.AsyncClient(base_url=url.removesuffix("/api/mcp")) as browser:
            browser.headers["Origin"] = "http://localhost:3000"
            await browser.post(
                "/api/auth/signup",
                json={"email": "rl@example.com", "password": "correct horse battery"},
            )
            first = await new_token(browser)
            second = await new_token(browser)
        codes = [(await raw_post(url, f"Bearer {first['token']}")).status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        r = await raw_post(url, f"Bearer {first['token']}")
        assert int(r.headers["retry-after"]) >= 1
        assert (await raw_post(url, f"Bearer {second['token']}")).status_code == 200
        # MCP_ALLOWED_HOSTS: a proxy's name for the backend is accepted there.
        behind_proxy = await raw_post(url, f"Bearer {second['token']}", Host="backend:8000")
        assert behind_proxy.status_code == 200


async def _app(database_url: str, **overrides: object) -> FastAPI:
    from backend.main import create_app

    return create_app(make_settings(database_url, **overrides))
