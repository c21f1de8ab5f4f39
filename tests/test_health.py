from __future__ import annotations

import httpx
import pytest

from backend.main import create_app
from tests.conftest import make_client, make_settings

pytestmark = pytest.mark.asyncio


async def test_health(client: httpx.AsyncClient):
    r = await client.get("/api/health")
    assert (r.status_code, r.json()) == (200, {"status": "ok"})


async def test_ready_when_database_answers(client: httpx.AsyncClient):
    r = await client.get("/api/ready")
    assert (r.status_code, r.json()["status"]) == (200, "ok")


async def test_ready_is_503_when_database_is_down():
    # Port 9 (discard) on loopback: nothing listens, so connecting fails at once.
    app = create_app(make_settings("postgresql+asyncpg://nobody@127.0.0.1:9/none"))
    async with app.router.lifespan_context(app), make_client(app) as c:
        ready = await c.get("/api/ready")
        assert ready.status_code == 503
        assert ready.json()["status"] == "unavailable"
        assert (await c.get("/api/health")).status_code == 200
        # A request that needs the database fails cleanly too, without internals.
        r = await c.post("/api/auth/login", json={"email": "a@b.c", "password": "whatever1"})
        assert r.status_code == 503
        assert "asyncpg" not in r.text and "Traceback" not in r.text


async def test_request_id_is_echoed_or_generated(client: httpx.AsyncClient):
    r = await client.get("/api/health", headers={"X-Request-ID": "abc-123"})
    assert r.headers["x-request-id"] == "abc-123"
    generated = (await client.get("/api/health", headers={"X-Request-ID": "bad id!"})).headers
    assert generated["x-request-id"] != "bad id!" and len(generated["x-request-id"]) == 32


async def test_unknown_route_is_json_404(client: httpx.AsyncClient):
    r = await client.get("/api/nope")
    assert r.status_code == 404 and r.json() == {"detail": "Not Found"}
