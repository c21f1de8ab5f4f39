"""No request holds two pooled connections at once.

If one did, a burst of as many requests as the pool has connections would deadlock: each holds
one and waits for a second that never frees (30 s, then an error). That happened to chat turns
while authentication kept its read open. With a pool of exactly one connection, every request
below either finishes or times out waiting for a second one, so the property is checked
without depending on how requests interleave.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

import backend.db
from backend.main import create_app
from tests.chat_helpers import CHATKIT, call, new_thread, reply_text, say
from tests.conftest import make_settings, signed_up

pytestmark = pytest.mark.asyncio


_create_async_engine = backend.db.create_async_engine


def _one_connection_engine(url: Any, **kwargs: Any) -> AsyncEngine:
    # pool_timeout: a request that needs a second connection fails in seconds, not 30.
    kwargs.update(pool_size=1, max_overflow=0, pool_timeout=3)
    return _create_async_engine(url, **kwargs)


async def test_every_request_works_with_a_single_pooled_connection(
    database_url: str, app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The app's own engine setup (SQLite pragmas, PostgreSQL settings), with a one-connection pool.
    monkeypatch.setattr(backend.db, "create_async_engine", _one_connection_engine)
    application = create_app(make_settings(database_url))
    async with application.router.lifespan_context(application):
        pool = application.state.engine.pool
        assert pool.size() == 1 and pool._max_overflow == 0

        c = await signed_up(application, "pool@example.com")
        try:
            thread_id, events = await new_thread(c, "add buy milk tomorrow")
            assert "buy milk" in reply_text(events).lower()
            events = await say(c, thread_id, "mark buy milk as done")
            assert "milk" in reply_text(events).lower()

            tasks = (await c.get("/api/tasks", params={"status": "completed"})).json()
            assert [t["title"] for t in tasks["items"]] == ["Buy milk"]
            page = await call(c, {"type": "items.list", "params": {"thread_id": thread_id}})
            assert len(page["data"]) >= 4  # two user messages, two replies (and tool items)
            threads = await call(c, {"type": "threads.list", "params": {}})
            assert [t["id"] for t in threads["data"]] == [thread_id]
            r = await c.post(
                CHATKIT, json={"type": "threads.delete", "params": {"thread_id": thread_id}}
            )
            assert r.status_code == 200, r.text
        finally:
            await c.aclose()
