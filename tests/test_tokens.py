"""Personal access tokens: created and revoked from a session, used on the task API within scope."""

from __future__ import annotations

from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlmodel import select

from backend.auth.tokens import LAST_USED_RESOLUTION, PersonalAccessToken, hash_secret
from backend.db import utcnow
from tests.conftest import PASSWORD, make_client
from tests.mcp_helpers import READ, READ_WRITE, new_token, set_token

pytestmark = pytest.mark.asyncio


def bearer(app: FastAPI, secret: str) -> httpx.AsyncClient:
    # A script: no cookie, no Origin.
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://testserver",
        headers={"Authorization": f"Bearer {secret}"},
    )


async def test_created_once_listed_without_secret_and_stored_hashed(
    app: FastAPI, alice: httpx.AsyncClient
):
    created = await new_token(alice, READ, expires_in_days=30)
    secret = created["token"]
    assert secret.startswith("tdo_") and len(secret) == 47
    assert created["scopes"] == READ and created["last_used_at"] is None
    assert created["expires_at"] is not None

    listed = (await alice.get("/api/tokens")).json()
    assert [t["id"] for t in listed] == [created["id"]]
    assert "token" not in listed[0]

    async with app.state.sessionmaker() as session:
        stored = (await session.exec(select(PersonalAccessToken))).one()
    assert stored.token_hash == hash_secret(secret)
    assert secret not in stored.model_dump_json()


async def test_write_implies_read_and_bad_bodies_are_422(alice: httpx.AsyncClient):
    assert (await new_token(alice, ["tasks:write"]))["scopes"] == READ_WRITE
    for body in (
        {"name": "x", "scopes": ["admin"]},
        {"name": "x", "scopes": []},
        {"name": " ", "scopes": READ},
        {"name": "x", "scopes": READ, "expires_in_days": 0},
        {"name": "x" * 101, "scopes": READ},
    ):
        r = await alice.post("/api/tokens", json=body)
        assert r.status_code == 422, body


async def test_token_works_on_the_task_api_within_its_scopes(
    app: FastAPI, alice: httpx.AsyncClient
):
    await alice.post("/api/tasks", json={"title": "from the browser"})
    reader = (await new_token(alice, READ))["token"]
    writer = (await new_token(alice, READ_WRITE))["token"]
    async with bearer(app, reader) as r_client, bearer(app, writer) as w_client:
        listed = await r_client.get("/api/tasks")
        assert listed.status_code == 200
        assert [t["title"] for t in listed.json()["items"]] == ["from the browser"]
        refused = await r_client.post("/api/tasks", json={"title": "nope"})
        assert refused.status_code == 403 and "tasks:write" in refused.json()["detail"]
        task_id = listed.json()["items"][0]["id"]
        assert (
            await r_client.patch(f"/api/tasks/{task_id}", json={"completed": True})
        ).status_code == 403
        assert (await r_client.delete(f"/api/tasks/{task_id}")).status_code == 403

        added = await w_client.post("/api/tasks", json={"title": "from a script"})
        assert added.status_code == 201
    titles = {t["title"] for t in (await alice.get("/api/tasks")).json()["items"]}
    assert titles == {"from the browser", "from a script"}


async def test_a_token_sees_only_its_users_tasks(
    app: FastAPI, alice: httpx.AsyncClient, bob: httpx.AsyncClient
):
    bobs = (await bob.post("/api/tasks", json={"title": "bob's"})).json()
    secret = (await new_token(alice))["token"]
    async with bearer(app, secret) as c:
        assert (await c.get("/api/tasks")).json()["items"] == []
        assert (await c.get(f"/api/tasks/{bobs['id']}")).status_code == 404
        assert (await c.delete(f"/api/tasks/{bobs['id']}")).status_code == 404
    assert (await bob.get(f"/api/tasks/{bobs['id']}")).status_code == 200


async def test_a_token_cannot_manage_tokens_or_use_other_routes(
    app: FastAPI, alice: httpx.AsyncClient
):
    secret = (await new_token(alice))["token"]
    async with bearer(app, secret) as c:
        assert (await c.get("/api/tokens")).status_code == 401
        assert (await c.post("/api/tokens", json={"name": "n", "scopes": READ})).status_code == 401
        assert (await c.get("/api/auth/me")).status_code == 401
        assert (await c.post("/api/auth/logout-all")).status_code == 401
    assert len((await alice.get("/api/tokens")).json()) == 1


async def test_revoked_expired_unknown_and_malformed_tokens_are_401(
    app: FastAPI, alice: httpx.AsyncClient
):
    revoked = await new_token(alice)
    expired = await new_token(alice, expires_in_days=1)
    await set_token(app, expired["id"], expires_at=utcnow() - timedelta(seconds=1))
    assert (await alice.delete(f"/api/tokens/{revoked['id']}")).status_code == 204
    assert (await alice.delete(f"/api/tokens/{revoked['id']}")).status_code == 404
    for secret in (
        revoked["token"],
        expired["token"],
        "tdo_" + "A" * 43,
        "tdo_short",
        "tdo_" + "!" * 43,
    ):
        async with bearer(app, secret) as c:
            r = await c.get("/api/tasks")
        assert r.status_code == 401, secret
        assert r.headers["www-authenticate"].startswith("Bearer")


async def test_a_token_of_a_deleted_user_is_refused(app: FastAPI, alice: httpx.AsyncClient):
    secret = (await new_token(alice))["token"]
    async with app.state.engine.begin() as conn:
        await conn.execute(text("DELETE FROM users"))
    async with bearer(app, secret) as c:
        assert (await c.get("/api/tasks")).status_code == 401


async def test_revoking_someone_elses_token_is_404(
    alice: httpx.AsyncClient, bob: httpx.AsyncClient
):
    alices = await new_token(alice)
    assert (await bob.delete(f"/api/tokens/{alices['id']}")).status_code == 404
    assert (await bob.get("/api/tokens")).json() == []
    assert len((await alice.get("/api/tokens")).json()) == 1


@pytest.mark.parametrize("token_id", [0, 2**31, 2**63])
async def test_revoking_an_id_no_row_can_have_is_404(alice: httpx.AsyncClient, token_id: int):
    # 2**63 reached SQLite's driver and failed with a 500 (found by schemathesis)
    assert (await alice.delete(f"/api/tokens/{token_id}")).status_code == 404


async def test_last_used_is_written_at_most_once_per_resolution(
    app: FastAPI, alice: httpx.AsyncClient
):
    created = await new_token(alice, READ)

    async def last_used() -> object:
        async with app.state.sessionmaker() as session:
            token = await session.get(PersonalAccessToken, created["id"])
            assert token is not None
            return token.last_used_at

    async with bearer(app, created["token"]) as c:
        await c.get("/api/tasks")
        first = await last_used()
        assert first is not None
        await c.get("/api/tasks")
        assert await last_used() == first  # a second request soon after writes nothing
        # Once the recorded use is older than the resolution, the next request moves it.
        stale_time = utcnow() - LAST_USED_RESOLUTION - timedelta(seconds=1)
        await set_token(app, created["id"], last_used_at=stale_time)
        stale = await last_used()
        await c.get("/api/tasks")
        assert await last_used() > stale  # type: ignore[operator]
    listed = (await alice.get("/api/tokens")).json()
    assert listed[0]["last_used_at"] is not None


async def test_token_routes_need_a_session(app: FastAPI):
    async with make_client(app) as c:
        assert (await c.get("/api/tokens")).status_code == 401
        assert (await c.post("/api/tokens", json={"name": "n", "scopes": READ})).status_code == 401


async def test_logging_out_everywhere_ends_sessions_but_not_connected_apps(
    app: FastAPI, alice: httpx.AsyncClient
):
    # The documented choice (docs/SECURITY.md): a personal token is revoked on its own, so one
    # lost laptop does not disconnect every app; its own revocation still works at once.
    token = await new_token(alice)
    assert (await alice.post("/api/auth/logout-all")).status_code == 204
    assert (await alice.get("/api/auth/me")).status_code == 401
    async with bearer(app, token["token"]) as c:
        assert (await c.get("/api/tasks")).status_code == 200
        owner = await alice.post(
            "/api/auth/login", json={"email": "alice@example.com", "password": PASSWORD}
        )
        assert owner.status_code == 200
        assert (await alice.delete(f"/api/tokens/{token['id']}")).status_code == 204
        assert (await c.get("/api/tasks")).status_code == 401
