"""Rate limits on chat turns (per user), in memory and shared through Redis.

Redis tests use the local server (REDIS_TEST_URL, default redis://127.0.0.1:6379/0) under a key
prefix of their own, and are skipped when it does not answer.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import AsyncExitStack
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
from fastapi import FastAPI
from pydantic import ValidationError

from backend.main import create_app
from backend.ratelimit import TOO_MANY_CHAT_TURNS
from tests.chat_helpers import CHATKIT, items, user_input
from tests.conftest import PASSWORD, make_client, make_settings

pytestmark = pytest.mark.asyncio

REDIS_URL = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/0")


def redis_answers(url: str = REDIS_URL) -> bool:
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "", parts.port or 6379), timeout=0.5):
            return True
    except OSError:
        return False


needs_redis = pytest.mark.skipif(not redis_answers(), reason=f"no Redis at {REDIS_URL}")

AppMaker = Callable[..., Any]


@pytest.fixture
async def make_app(database_url: str, app: FastAPI) -> AsyncIterator[AppMaker]:
    """Apps with the given settings on the suite's database (``app`` empties its tables)."""
    async with AsyncExitStack() as stack:

        async def factory(**overrides: object) -> FastAPI:
            application = create_app(make_settings(database_url, **overrides))
            await stack.enter_async_context(application.router.lifespan_context(application))
            return application

        yield factory


def create_req(text: str) -> dict[str, Any]:
    return {"type": "threads.create", "params": {"input": user_input(text)}}


def add_req(thread_id: str, text: str) -> dict[str, Any]:
    return {
        "type": "threads.add_user_message",
        "params": {"thread_id": thread_id, "input": user_input(text)},
    }


async def turn(c: httpx.AsyncClient, body: dict[str, Any]) -> httpx.Response:
    r = await c.post(CHATKIT, json=body)
    if r.status_code == 429:
        assert r.json() == {"detail": TOO_MANY_CHAT_TURNS}
        assert 1 <= int(r.headers["Retry-After"]) <= 60
    return r


async def signed_up_on(app: FastAPI, email: str) -> httpx.AsyncClient:
    c = make_client(app)
    assert (
        await c.post("/api/auth/signup", json={"email": email, "password": PASSWORD})
    ).status_code == 201
    return c


async def test_chat_turns_are_limited_per_user(make_app: AppMaker):
    app = await make_app(chat_rate_limit="3/minute")
    alice = await signed_up_on(app, "alice@example.com")
    bob = await signed_up_on(app, "bob@example.com")

    first = await turn(alice, create_req("hello"))
    thread_id = first.text.split('"id":"', 1)[1].split('"', 1)[0]
    assert (await turn(alice, add_req(thread_id, "thanks"))).status_code == 200
    user_msg = (await items(alice, thread_id))[0]["id"]
    retry = {
        "type": "threads.retry_after_item",
        "params": {"thread_id": thread_id, "item_id": user_msg},
    }
    assert (await turn(alice, retry)).status_code == 200  # a retry is a turn too

    stored = await items(alice, thread_id)
    for body in (add_req(thread_id, "one more"), create_req("new thread"), retry):
        r = await turn(alice, body)
        assert r.status_code == 429, body["type"]
    assert await items(alice, thread_id) == stored, "a refused turn stores nothing"

    # Reading is not a turn, and other users have their own budget.
    for body in (
        {"type": "threads.list", "params": {}},
        {"type": "items.list", "params": {"thread_id": thread_id}},
        {"type": "threads.get_by_id", "params": {"thread_id": thread_id}},
        {"type": "threads.update", "params": {"thread_id": thread_id, "title": "renamed"}},
    ):
        assert (await alice.post(CHATKIT, json=body)).status_code == 200, body["type"]
    assert (await turn(bob, create_req("hi"))).status_code == 200


async def test_bad_requests_do_not_use_up_the_budget(make_app: AppMaker):
    app = await make_app(chat_rate_limit="1/minute")
    alice = await signed_up_on(app, "alice@example.com")
    for body in (create_req(""), create_req("x" * 10_001), add_req("thr_missing", "hi")):
        assert (await alice.post(CHATKIT, json=body)).status_code in (404, 422)
    assert (await turn(alice, create_req("hello"))).status_code == 200
    assert (await turn(alice, create_req("again"))).status_code == 429


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("chat_rate_limit", "lots"),
        ("chat_rate_limit", "0/minute"),
        ("login_rate_limit_per_ip", ""),
        ("login_rate_limit_per_account", "5/fortnight"),
        ("redis_url", "localhost:6379"),
    ],
)
async def test_misconfigured_limits_stop_the_start_with_a_reason(name: str, value: str):
    with pytest.raises(ValidationError) as exc:
        make_settings("sqlite+aiosqlite://", **{name: value})
    assert name in str(exc.value)


@needs_redis
async def test_limits_are_shared_through_redis(make_app: AppMaker):
    shared = {
        "redis_url": REDIS_URL,
        "rate_limit_key_prefix": f"test-{uuid.uuid4().hex}",
        "chat_rate_limit": "3/minute",
        "login_rate_limit_per_account": "3/minute",
    }
    one, two = await make_app(**shared), await make_app(**shared)
    assert one.state.rate_limiter.shared
    alice_one = await signed_up_on(one, "alice@example.com")
    alice_two = make_client(two)
    alice_two.cookies = alice_one.cookies

    codes = [
        (await turn(c, create_req(f"turn {i}"))).status_code
        for i, c in enumerate([alice_one, alice_two, alice_one, alice_two, alice_one])
    ]
    assert codes == [200, 200, 200, 429, 429]  # neither process alone saw three turns

    wrong = {"email": "alice@example.com", "password": "wrong password"}
    codes = [
        (await c.post("/api/auth/login", json=wrong)).status_code
        for c in (alice_one, alice_two, alice_one, alice_two)
    ]
    assert codes == [401, 401, 401, 429]


async def test_redis_down_falls_back_to_per_process_limits(make_app: AppMaker):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        dead = f"redis://127.0.0.1:{s.getsockname()[1]}/0"
    app = await make_app(redis_url=dead, chat_rate_limit="2/minute")
    alice = await signed_up_on(app, "alice@example.com")
    codes = [(await turn(alice, create_req(f"turn {i}"))).status_code for i in range(3)]
    assert codes == [200, 200, 429]
