"""Hardening, second round (issue 16): forwarded addresses, signup abuse, passwords, headers on
auth responses, production defaults, strict inputs.
"""

from __future__ import annotations

import asyncio
import json
import os
import shlex
import socket
import subprocess
import sys
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
import yaml
from alembic import command
from fastapi import FastAPI

from backend.auth import passwords
from backend.config import Settings
from backend.main import create_app
from tests.chat_helpers import CHATKIT, items, new_thread
from tests.conftest import (
    ALLOWED_ORIGIN,
    PASSWORD,
    ROOT,
    alembic_config,
    make_client,
    make_settings,
)
from tests.test_security_auth import client_from

pytestmark = pytest.mark.asyncio

SPOOFS = [
    {"X-Forwarded-For": f"203.0.113.{i}", "X-Real-IP": f"198.51.100.{i}", "Forwarded": f"for={i}"}
    for i in range(1, 40)
]


@pytest.fixture
async def limited_app(database_url: str, app: FastAPI) -> AsyncIterator[FastAPI]:
    """Tight per-address limits; the default trusted proxies (127.0.0.1, ::1)."""
    settings = make_settings(
        database_url, login_rate_limit_per_ip="5/minute", signup_rate_limit_per_ip="3/minute"
    )
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


async def _wrong_logins(c: httpx.AsyncClient, count: int) -> list[int]:
    codes = []
    for i in range(count):
        r = await c.post(
            "/api/auth/login",
            json={"email": f"victim{i}@example.com", "password": "wrong password"},
            headers=SPOOFS[i],
        )
        codes.append(r.status_code)
    return codes


# ---- 1. forwarded addresses --------------------------------------------------------------


class TestForwardedAddresses:
    async def test_untrusted_caller_cannot_choose_its_address(self, limited_app: FastAPI):
        async with client_from(limited_app, "192.0.2.7") as attacker:
            assert await _wrong_logins(attacker, 7) == [401] * 5 + [429] * 2

    async def test_the_trusted_proxy_passes_the_real_address_on(self, limited_app: FastAPI):
        async with client_from(limited_app, "127.0.0.1") as proxy:
            # Each browser behind the proxy is counted on its own...
            for i in range(7):
                r = await proxy.post(
                    "/api/auth/login",
                    json={"email": f"v{i}@example.com", "password": "wrong password"},
                    headers={"X-Forwarded-For": f"203.0.113.{i}"},
                )
                assert r.status_code == 401
            # ...and one browser is limited.
            codes = []
            for i in range(7):
                r = await proxy.post(
                    "/api/auth/login",
                    json={"email": f"w{i}@example.com", "password": "wrong password"},
                    headers={"X-Forwarded-For": "203.0.113.99"},
                )
                codes.append(r.status_code)
            assert codes == [401] * 5 + [429] * 2

    async def test_trusting_everyone_is_refused(self):
        with pytest.raises(ValueError, match="FORWARDED_ALLOW_IPS"):
            Settings(forwarded_allow_ips="*", jwt_secret="x" * 40)

    async def test_the_shipped_backend_ignores_forwarded_headers_from_others(self, tmp_path: Path):
        """uvicorn started exactly as the Dockerfile starts it, with docker-compose.yml's
        environment: this test's connection (from 127.0.0.1, not the frontend's network) is
        an untrusted client, and its forwarded headers must change nothing."""
        url = f"sqlite+aiosqlite:///{tmp_path / 'app.db'}"
        await asyncio.to_thread(command.upgrade, alembic_config(url), "head")
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
        backend_env = compose["services"]["backend"]["environment"]
        env = {
            **os.environ,
            "APP_ENV": "test",
            "DATA_DIR": str(tmp_path),
            "DATABASE_URL": url,
            "LOGIN_RATE_LIMIT_PER_IP": "5/minute",
            "PASSWORD_HASH_TIME_COST": "1",
            "PASSWORD_HASH_MEMORY_KIB": "1024",
            "LOG_LEVEL": "WARNING",
        }
        if "FORWARDED_ALLOW_IPS" in backend_env:
            env["FORWARDED_ALLOW_IPS"] = backend_env["FORWARDED_ALLOW_IPS"]
        command_line = _dockerfile_command("127.0.0.1", port)
        proc = subprocess.Popen(command_line, cwd=ROOT, env=env)  # noqa: S603, ASYNC220
        try:
            async with httpx.AsyncClient(
                base_url=f"http://127.0.0.1:{port}", headers={"Origin": ALLOWED_ORIGIN}
            ) as c:
                await _wait_ready(c, proc)
                assert await _wrong_logins(c, 7) == [401] * 5 + [429] * 2
        finally:
            proc.terminate()
            proc.wait(10)

    async def test_compose_publishes_only_the_frontend_by_default(self):
        services = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]
        published = {
            name for name, s in services.items() if s.get("ports") and not s.get("profiles")
        }
        assert published == {"frontend"}


def _dockerfile_command(host: str, port: int) -> list[str]:
    """The Dockerfile's uvicorn command line, on this host and port, with this Python."""
    cmd_line = next(
        line for line in (ROOT / "Dockerfile").read_text().splitlines() if line.startswith("CMD")
    )
    shell = json.loads(cmd_line.removeprefix("CMD"))[-1]
    args = shlex.split(shell.split("exec ", 1)[1])
    assert args[0] == ".venv/bin/uvicorn", args
    out = [sys.executable, "-m", "uvicorn"]
    rest = iter(args[1:])
    for arg in rest:
        if arg in ("--host", "--port"):
            out += [arg, host if arg == "--host" else str(port)]
            next(rest)
        else:
            out.append(arg)
    return out


async def _wait_ready(c: httpx.AsyncClient, proc: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        assert proc.poll() is None, "uvicorn exited"
        try:
            if (await c.get("/api/health")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)  # polling a starting process, not ordering events
    raise AssertionError("uvicorn did not start")


# ---- 2. signup ---------------------------------------------------------------------------


class TestSignupAbuse:
    async def test_signups_are_limited_per_address(self, limited_app: FastAPI):
        async with client_from(limited_app, "192.0.2.8") as c:
            codes, retry = [], []
            for i in range(5):
                r = await c.post(
                    "/api/auth/signup",
                    json={"email": f"s{i}@example.com", "password": PASSWORD},
                    headers=SPOOFS[i],
                )
                codes.append(r.status_code)
                retry.append(r.headers.get("Retry-After"))
            assert codes == [201] * 3 + [429] * 2
            assert r.json() == {"detail": "Too many sign-ups from your address. Try again later."}
            assert 1 <= int(retry[-1]) <= 60
        async with client_from(limited_app, "192.0.2.9") as elsewhere:
            r = await elsewhere.post(
                "/api/auth/signup", json={"email": "other@example.com", "password": PASSWORD}
            )
            assert r.status_code == 201

    async def test_refused_signups_cost_no_password_estimate(
        self, limited_app: FastAPI, monkeypatch: pytest.MonkeyPatch
    ):
        estimated: list[str] = []
        real = passwords.guessability_problem

        def counting(password: str, *personal: str | None) -> str | None:
            estimated.append(password)
            return real(password, *personal)

        monkeypatch.setattr(passwords, "guessability_problem", counting)
        async with client_from(limited_app, "192.0.2.10") as c:
            for i in range(5):
                body = {"email": f"e{i}@example.com", "password": PASSWORD}
                await c.post("/api/auth/signup", json=body)
        assert len(estimated) == 3  # the two refused by the limit never reached it

    async def test_password_hashing_runs_at_most_n_at_once(self, database_url: str, app: FastAPI):
        bounded = create_app(make_settings(database_url, password_hash_concurrency=2))
        hasher = bounded.state.hasher
        real_hash = hasher._hash.hash
        lock, more = threading.Lock(), threading.Condition()
        running, peak = [0], [0]

        def watched_hash(password: str) -> str:
            with lock:
                running[0] += 1
                peak[0] = max(peak[0], running[0])
            with more:  # give a third hash the chance to start alongside (it must not)
                more.notify_all()
                more.wait_for(lambda: running[0] > 2, timeout=0.3)
            try:
                return str(real_hash(password))
            finally:
                with lock:
                    running[0] -= 1

        hasher._hash.hash = watched_hash
        async with bounded.router.lifespan_context(bounded), make_client(bounded) as c:
            codes = await asyncio.gather(
                *[
                    c.post(
                        "/api/auth/signup",
                        json={"email": f"h{i}@example.com", "password": PASSWORD},
                    )
                    for i in range(6)
                ]
            )
        assert [r.status_code for r in codes] == [201] * 6
        assert peak[0] == 2

    @pytest.mark.parametrize("path", ["/api/auth/signup", "/api/auth/login"])
    async def test_no_database_connection_is_held_while_hashing(
        self, database_url: str, app: FastAPI, path: str
    ):
        """Requests queued for the hasher must not hold pooled connections: 30 waiting
        signups took the whole pool, and another user's task list waited seconds for one."""
        own = create_app(make_settings(database_url, password_hash_concurrency=1))
        entered, release = threading.Event(), threading.Event()
        hasher = own.state.hasher
        real_hash, real_verify = hasher._hash.hash, hasher._hash.verify

        def blocked(real):  # type: ignore[no-untyped-def]
            def wrapper(*args):  # type: ignore[no-untyped-def]
                entered.set()
                release.wait(10)
                return real(*args)

            return wrapper

        async with own.router.lifespan_context(own), make_client(own) as c:
            body = {"email": "held@example.com", "password": PASSWORD}
            if path.endswith("login"):
                assert (await c.post("/api/auth/signup", json=body)).status_code == 201
            hasher._hash.hash, hasher._hash.verify = blocked(real_hash), blocked(real_verify)
            request = asyncio.ensure_future(c.post(path, json=body))
            assert await asyncio.to_thread(entered.wait, 10)
            checked_out = own.state.engine.pool.checkedout()
            release.set()
            assert (await request).status_code in (200, 201)
        assert checked_out == 0


# ---- 3. passwords ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("password", "why"),
    [
        ("        ", "Repeats"),
        ("password", "common password"),
        ("12345678", "common password"),
        ("qwertyuiop", "common password"),
        ("abcdefgh", "Sequences"),
        ("P@ssw0rd!", "similar to a commonly used password"),
        ("alice.smith@example.com", "easy to guess"),  # the email itself
    ],
)
async def test_guessable_passwords_are_refused_with_the_reason(
    client: httpx.AsyncClient, password: str, why: str
):
    r = await client.post(
        "/api/auth/signup", json={"email": "alice.smith@example.com", "password": password}
    )
    assert r.status_code == 422, r.text
    detail = r.json()["detail"]
    assert detail.startswith("password: This password is too easy to guess"), detail
    assert why in detail


@pytest.mark.parametrize(
    "password",
    [PASSWORD, "lowercase only but long enough", "Tr0ub4dor&3", "über grüne käse"],
)
async def test_strong_passwords_need_no_composition_rules(client: httpx.AsyncClient, password: str):
    r = await client.post(
        "/api/auth/signup", json={"email": "ok@example.com", "password": password}
    )
    assert r.status_code == 201, r.text


async def test_seven_characters_are_too_few_even_when_random(client: httpx.AsyncClient):
    r = await client.post(
        "/api/auth/signup", json={"email": "s@example.com", "password": "q7#Zk!v"}
    )
    assert r.status_code == 422
    assert r.json()["detail"] == "password: String should have at least 8 characters"


# ---- 4. auth responses are never cached ----------------------------------------------------


async def test_auth_responses_are_not_stored(client: httpx.AsyncClient):
    responses = [
        await client.post(
            "/api/auth/signup", json={"email": "c@example.com", "password": PASSWORD}
        ),
        await client.post("/api/auth/login", json={"email": "c@example.com", "password": PASSWORD}),
        await client.post("/api/auth/login", json={"email": "c@example.com", "password": "nope"}),
        await client.get("/api/auth/me"),
        await client.post("/api/auth/logout"),
    ]
    assert [r.status_code for r in responses] == [201, 200, 401, 200, 204]
    assert all(r.headers.get("cache-control") == "no-store" for r in responses)


# ---- 5. production defaults ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "docs", "status"),
    [("production", None, 404), ("production", True, 200), ("development", None, 200)],
)
async def test_api_docs_are_off_in_production_unless_asked_for(
    env: str, docs: bool | None, status: int
):
    settings = make_settings("sqlite+aiosqlite://", app_env=env, expose_api_docs=docs)
    async with make_client(create_app(settings)) as c:
        assert (await c.get("/openapi.json")).status_code == status
        assert (await c.get("/docs")).status_code == status
        assert (await c.get("/redoc")).status_code == status


@pytest.mark.parametrize("value", ["yes", "true", 1, 0, "1", "on"])
async def test_booleans_in_bodies_are_strict(alice: httpx.AsyncClient, value: object):
    task = (await alice.post("/api/tasks", json={"title": "Buy milk"})).json()
    r = await alice.patch(f"/api/tasks/{task['id']}", json={"completed": value})
    assert r.status_code == 422
    assert r.json()["detail"] == "completed: Input should be a valid boolean"
    assert (await alice.get(f"/api/tasks/{task['id']}")).json()["completed"] is False


@pytest.mark.parametrize("title", ["Family\x00", "a\x07b", "line\nbreak", "tab\there", "\x1b[31m"])
async def test_thread_titles_refuse_control_characters(alice: httpx.AsyncClient, title: str):
    thread_id, _ = await new_thread(alice, "show my tasks")
    r = await alice.post(
        CHATKIT, json={"type": "threads.update", "params": {"thread_id": thread_id, "title": title}}
    )
    assert r.status_code == 422
    assert r.json()["detail"] == "Title must not contain control characters"


async def test_retry_after_a_non_user_item_is_a_4xx_before_any_stream(
    alice: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
):
    thread_id, _ = await new_thread(alice, "show my tasks")
    assistant = [i for i in await items(alice, thread_id) if i["type"] != "user_message"]
    assert assistant
    for item in assistant:
        r = await alice.post(
            CHATKIT,
            json={
                "type": "threads.retry_after_item",
                "params": {"thread_id": thread_id, "item_id": item["id"]},
            },
        )
        assert r.status_code == 400, r.text
        assert r.headers["content-type"].startswith("application/json")
        assert r.json() == {"detail": "Only a message you sent can be retried"}
    assert "Traceback" not in caplog.text
