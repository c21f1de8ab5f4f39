"""Data rights: a user can take all of their data away (export) and erase their account.

Also what the assistant's audit rows (tool_calls) keep: they go with their thread and their
account, and hold no copies of the user's text.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
import sqlalchemy as sa
from fastapi import FastAPI
from sqlmodel import SQLModel, select

from backend.assistant.audit import ToolCall
from backend.assistant.confirmations import ChatPendingAction
from backend.chat.models import ChatAttachment
from tests.chat_helpers import call, items, new_thread
from tests.conftest import PASSWORD, UserClientFactory, alembic_config
from tests.test_migrations import scratch_url  # noqa: F401  (a fixture)

pytestmark = pytest.mark.asyncio

Rows = dict[str, list[dict[str, Any]]]


async def _uid(c: httpx.AsyncClient) -> int:
    return int((await c.get("/api/auth/me")).json()["id"])


async def _fill(c: httpx.AsyncClient, app: FastAPI, words: str) -> str:
    """Tasks with tags, a conversation in which the assistant used a tool, a pending
    confirmation, an attachment record and a personal access token: a row in every table."""
    uid = await _uid(c)
    r = await c.post("/api/tokens", json={"name": f"{words} script", "scopes": ["tasks:read"]})
    assert r.status_code == 201, r.text
    r = await c.post("/api/tasks", json={"title": f"{words} task", "tags": ["home", words]})
    assert r.status_code == 201
    thread_id, _ = await new_thread(c, f"add {words} milk")
    async with app.state.sessionmaker() as session:
        session.add(
            ChatPendingAction(
                thread_id=thread_id,
                user_id=uid,
                kind="delete",
                payload={},
                turn_id="msg_x",
                expires_at=datetime.now(UTC),
            )
        )
        session.add(ChatAttachment(id=f"atc_{words}", user_id=uid, data={"name": words}))
        await session.commit()
    return thread_id


async def _snapshot(app: FastAPI) -> Rows:
    async with app.state.engine.connect() as conn:
        return {
            t.name: [dict(r._mapping) for r in await conn.execute(sa.select(t))]
            for t in SQLModel.metadata.sorted_tables
        }


def _owner(rows: Rows, table: str, row: dict[str, Any]) -> int:
    """The user a row belongs to, found through its foreign keys (whatever the table)."""
    if table == "users":
        return int(row["id"])
    if row.get("user_id") is not None:
        return int(row["user_id"])
    for fk in SQLModel.metadata.tables[table].foreign_keys:
        parent_table, key = fk.column.table.name, fk.column.name
        parent = next(p for p in rows[parent_table] if p[key] == row[fk.parent.name])
        return _owner(rows, parent_table, parent)
    raise AssertionError(f"cannot tell whose row this is: {table} {row}")


class TestDeleteAccount:
    async def test_nothing_of_the_user_remains_in_any_table(
        self, app: FastAPI, user_client: UserClientFactory
    ):
        alice, bob = await user_client("alice@example.com"), await user_client("bob@example.com")
        a, b = await _uid(alice), await _uid(bob)
        await _fill(alice, app, "alice")
        await _fill(bob, app, "bob")
        before = await _snapshot(app)
        owned = {
            table: {_owner(before, table, row) for row in rows} for table, rows in before.items()
        }
        # The test covers every table: each held rows of both users.
        assert all(owners == {a, b} for owners in owned.values()), owned

        r = await alice.request("DELETE", "/api/auth/me", json={"password": PASSWORD})
        assert r.status_code == 204, r.text
        assert "max-age=0" in r.headers["set-cookie"].lower()

        after = await _snapshot(app)
        for table, rows in after.items():
            assert all(_owner(after, table, row) == b for row in rows), table
            bobs_before = [row for row in before[table] if _owner(before, table, row) == b]
            assert sorted(map(repr, rows)) == sorted(map(repr, bobs_before)), table
        # The session is gone with the account; logging in again fails.
        assert (await alice.get("/api/auth/me")).status_code == 401
        r = await alice.post(
            "/api/auth/login", json={"email": "alice@example.com", "password": PASSWORD}
        )
        assert r.status_code == 401

    @pytest.mark.parametrize("body", [{"password": "wrong password"}, {"password": ""}, {}])
    async def test_needs_the_password(self, app: FastAPI, alice: httpx.AsyncClient, body: Any):
        r = await alice.request("DELETE", "/api/auth/me", json=body)
        assert r.status_code in (403, 422)
        if body.get("password"):
            assert r.status_code == 403
            assert r.json() == {"detail": "The password is not right"}
        assert (await alice.get("/api/auth/me")).status_code == 200

    async def test_needs_a_session(self, client: httpx.AsyncClient):
        r = await client.request("DELETE", "/api/auth/me", json={"password": PASSWORD})
        assert r.status_code == 401


class TestExport:
    async def test_everything_of_the_user_and_nothing_else(
        self, app: FastAPI, user_client: UserClientFactory
    ):
        alice, bob = await user_client("alice@example.com"), await user_client("bob@example.com")
        thread_id = await _fill(alice, app, "alice")
        await _fill(bob, app, "bob")
        r = await alice.get("/api/auth/me/export")
        assert r.status_code == 200
        assert r.headers["cache-control"] == "no-store"
        assert "attachment" in r.headers["content-disposition"]
        data = r.json()
        assert data["user"]["email"] == "alice@example.com"
        tasks = (await alice.get("/api/tasks?limit=100")).json()["items"]
        assert sorted(data["tasks"], key=repr) == sorted(tasks, key=repr) and len(tasks) == 2
        assert [c["thread"]["id"] for c in data["conversations"]] == [thread_id]
        exported = data["conversations"][0]["items"]
        # What the widget shows, plus the tool results the model was given (hidden there).
        assert [i for i in exported if i["type"] != "hidden_context_item"] == await items(
            alice, thread_id
        )
        assert any(i["type"] == "hidden_context_item" for i in exported)
        assert data["assistant_actions"] and all(
            a["thread_id"] == thread_id for a in data["assistant_actions"]
        )
        assert [t["name"] for t in data["access_tokens"]] == ["alice script"]
        assert "token" not in data["access_tokens"][0]  # shown once, at creation, never again
        assert "token_hash" not in r.text
        assert "bob" not in r.text


# ---- audit rows ----------------------------------------------------------------------------


async def _audit_rows(app: FastAPI) -> list[ToolCall]:
    async with app.state.sessionmaker() as session:
        return list(await session.exec(select(ToolCall)))


async def test_audit_rows_go_with_their_thread(app: FastAPI, alice: httpx.AsyncClient):
    first = await _fill(alice, app, "first")
    second = await _fill(alice, app, "second")
    assert {row.thread_id for row in await _audit_rows(app)} == {first, second}
    await call(alice, {"type": "threads.delete", "params": {"thread_id": first}})
    assert {row.thread_id for row in await _audit_rows(app)} == {second}


async def test_audit_rows_keep_no_copy_of_the_users_text(app: FastAPI, alice: httpx.AsyncClient):
    await new_thread(alice, "add buy oat milk")
    rows = await _audit_rows(app)
    assert rows and any(r.tool == "add_task" for r in rows)
    for row in rows:
        assert "oat" not in repr((row.arguments, row.result, row.error)).lower()
    # The task itself is there, of course.
    assert (await alice.get("/api/tasks")).json()["items"][0]["title"].lower() == "buy oat milk"


async def test_migration_0003_keeps_audit_rows_and_drops_their_text(
    scratch_url: str,  # noqa: F811
):
    from alembic import command

    from backend.db import create_engine

    cfg = alembic_config(scratch_url)
    await asyncio.to_thread(command.upgrade, cfg, "0002")
    engine = create_engine(scratch_url)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    async with engine.begin() as conn:
        await conn.execute(
            sa.text(
                "INSERT INTO users (id, email, password_hash, token_version, created_at) "
                "VALUES (1, 'a@example.com', 'x', 0, :now)"
            ),
            {"now": now},
        )
        await conn.execute(
            sa.text(
                "INSERT INTO chat_threads (id, user_id, created_at, data) "
                "VALUES ('thr_1', 1, :now, '{}')"
            ),
            {"now": now},
        )
        for id_, thread in [(1, "thr_1"), (2, "thr_gone"), (3, None)]:
            await conn.execute(
                sa.text(
                    "INSERT INTO tool_calls (id, user_id, thread_id, tool, arguments, outcome, "
                    "result, duration_ms, created_at) VALUES (:id, 1, :thread, 'add_task', "
                    ":args, 'ok', :result, 1.5, :now)"
                ),
                {
                    "id": id_,
                    "thread": thread,
                    "now": now,
                    "args": '{"title": "Secret plan", "priority": "high", "tags": ["x"]}',
                    "result": '{"action": "added", "task": {"id": 7, "title": "Secret plan", '
                    '"description": "more"}, "changed_task_ids": [7]}',
                },
            )
    await asyncio.to_thread(command.upgrade, cfg, "0003")
    async with engine.connect() as conn:
        rows = (
            await conn.execute(sa.text("SELECT id, arguments, result FROM tool_calls ORDER BY id"))
        ).all()
    await engine.dispose()
    # The row of a thread deleted before (its thread would have taken it) is gone; the others
    # are kept, without the task's text.
    assert [r[0] for r in rows] == [1, 3]
    for _, arguments, result in rows:
        text = repr((arguments, result))
        assert "Secret" not in text and "more" not in text
        assert "high" in text and "changed_task_ids" in text
