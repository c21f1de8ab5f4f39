"""Attacks on authentication: forged tokens, stolen sessions, brute force, leaked passwords.

Complements tests/test_auth.py (the basics). Every token attack is tried through both ways a
token arrives (Bearer header and cookie).
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import time
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from fastapi import FastAPI
from jose import jwt

from backend.auth.security import create_access_token
from backend.main import create_app
from tests.conftest import ALLOWED_ORIGIN, PASSWORD, UserClientFactory, make_client, make_settings

pytestmark = pytest.mark.asyncio


def _b64(data: dict[str, object] | bytes) -> str:
    raw = data if isinstance(data, bytes) else json.dumps(data).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _unsigned(header: dict[str, object], claims: dict[str, object]) -> str:
    return f"{_b64(header)}.{_b64(claims)}."


def forged_tokens(secret: str, uid: int, other_uid: int) -> dict[str, str]:
    now = int(time.time())
    good = {"sub": str(uid), "ver": 0, "exp": now + 600}
    rsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = rsa_key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    signed_ok = jwt.encode(good, secret, algorithm="HS256")
    head, body, sig = signed_ok.split(".")
    return {
        "alg none": _unsigned({"alg": "none", "typ": "JWT"}, good),
        "alg None": _unsigned({"alg": "None", "typ": "JWT"}, good),
        "alg NONE with our signature": f"{_b64({'alg': 'NONE'})}.{body}.{sig}",
        "wrong secret": jwt.encode(good, "not-the-secret-" * 4, algorithm="HS256"),
        "HS512 with our secret": jwt.encode(good, secret, algorithm="HS512"),
        "HS384 with our secret": jwt.encode(good, secret, algorithm="HS384"),
        "RS256 with a stranger's key": jwt.encode(good, pem.decode(), algorithm="RS256"),
        "signature stripped": f"{head}.{body}.",
        "claims swapped to another user": f"{head}.{_b64({**good, 'sub': str(other_uid)})}.{sig}",
        "expired": jwt.encode({**good, "exp": now - 1}, secret, algorithm="HS256"),
        "not yet valid": jwt.encode({**good, "nbf": now + 600}, secret, algorithm="HS256"),
        "no sub": jwt.encode({"ver": 0, "exp": now + 600}, secret, algorithm="HS256"),
        "sub not a string": jwt.encode({**good, "sub": uid}, secret, algorithm="HS256"),
        "no exp": jwt.encode({"sub": str(uid), "ver": 0}, secret, algorithm="HS256"),
        "exp not a number": jwt.encode({**good, "exp": "tomorrow"}, secret, algorithm="HS256"),
        "older token version": jwt.encode({**good, "ver": -1}, secret, algorithm="HS256"),
        "huge": signed_ok + "A" * 50_000,
        "empty segments": "..",
        "not a jwt": "hello",
    }


async def _uid(c: httpx.AsyncClient) -> int:
    return int((await c.get("/api/auth/me")).json()["id"])


@pytest.mark.parametrize("via", ["bearer", "cookie"])
async def test_forged_tokens_are_401_through_header_and_cookie(
    app: FastAPI, user_client: UserClientFactory, via: str
):
    uid = await _uid(await user_client("victim@example.com"))
    other = await _uid(await user_client("other@example.com"))
    settings = app.state.settings
    assert (await _me(app, create_access_token(settings, uid, 0), via)).status_code == 200
    for name, token in forged_tokens(settings.jwt_secret, uid, other).items():
        r = await _me(app, token, via)
        assert r.status_code == 401, (name, r.text)
        assert r.json()["detail"], name
        assert "victim" not in r.text and "Traceback" not in r.text


async def _me(app: FastAPI, token: str, via: str) -> httpx.Response:
    async with make_client(app) as c:
        if via == "bearer":
            return await c.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
        c.cookies.set(app.state.settings.auth_cookie_name, token)
        return await c.get("/api/auth/me")


async def test_deleted_user_token_is_401_everywhere(app: FastAPI, user_client: UserClientFactory):
    c = await user_client("gone@example.com")
    token = create_access_token(app.state.settings, await _uid(c), 0)
    async with app.state.engine.begin() as conn:
        from sqlalchemy import text

        await conn.execute(text("DELETE FROM users WHERE email = 'gone@example.com'"))
    headers = {"Authorization": f"Bearer {token}"}
    async with make_client(app, headers=headers) as bearer:
        for method, path, body in [
            ("GET", "/api/auth/me", None),
            ("GET", "/api/tasks", None),
            ("POST", "/api/tasks", {"title": "x"}),
            ("POST", "/api/chatkit", {"type": "threads.list", "params": {}}),
            ("POST", "/api/auth/logout-all", None),
        ]:
            r = await bearer.request(method, path, json=body)
            assert r.status_code == 401, (method, path, r.text)


class TestLogoutEverywhere:
    async def test_every_session_of_the_user_ends_and_only_theirs(
        self, app: FastAPI, user_client: UserClientFactory
    ):
        browser = await user_client("multi@example.com")
        bystander = await user_client("bystander@example.com")
        tokens = []
        for _ in range(2):  # a phone and a laptop
            r = await browser.post(
                "/api/auth/login", json={"email": "multi@example.com", "password": PASSWORD}
            )
            tokens.append(r.json()["access_token"])
        assert all([(await _me(app, t, "bearer")).status_code == 200 for t in tokens])

        r = await browser.post("/api/auth/logout-all")
        assert r.status_code == 204
        assert "Max-Age=0" in r.headers["set-cookie"]
        assert (await browser.get("/api/auth/me")).status_code == 401
        for t in tokens:
            assert (await _me(app, t, "bearer")).status_code == 401
            assert (await _me(app, t, "cookie")).status_code == 401
        assert (await bystander.get("/api/auth/me")).status_code == 200

        # Logging in again works, with a token of the new version.
        r = await browser.post(
            "/api/auth/login", json={"email": "multi@example.com", "password": PASSWORD}
        )
        assert r.status_code == 200
        assert (await _me(app, r.json()["access_token"], "bearer")).status_code == 200

    async def test_needs_a_session(self, client: httpx.AsyncClient):
        assert (await client.post("/api/auth/logout-all")).status_code == 401


# ---- brute force ------------------------------------------------------------------------


@pytest.fixture
async def throttled_app(database_url: str, app: FastAPI) -> AsyncIterator[FastAPI]:
    """Tight login limits (the suite's default ones are generous). ``app`` empties the tables."""
    settings = make_settings(
        database_url, login_rate_limit_per_account="3/minute", login_rate_limit_per_ip="6/minute"
    )
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


def client_from(app: FastAPI, address: str) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app, client=(address, 40000)),
        base_url="http://testserver",
        headers={"Origin": ALLOWED_ORIGIN},
    )


WRONG = "wrong password"


async def _login(c: httpx.AsyncClient, email: str, password: str = WRONG) -> int:
    r = await c.post("/api/auth/login", json={"email": email, "password": password})
    if r.status_code == 429:
        retry = int(r.headers["Retry-After"])
        assert 1 <= retry <= 60
        assert r.json() == {
            "detail": "Too many login attempts. Please wait a moment and try again."
        }
    return r.status_code


class TestLoginThrottling:
    async def test_per_account(self, throttled_app: FastAPI):
        async with client_from(throttled_app, "10.0.0.1") as c:
            await c.post("/api/auth/signup", json={"email": "t@example.com", "password": PASSWORD})
            assert [await _login(c, "t@example.com") for _ in range(3)] == [401] * 3
            # Even the right password: the account is locked for the rest of the window.
            assert await _login(c, "T@Example.com ", PASSWORD) == 429
        async with client_from(throttled_app, "10.0.0.2") as other_place:
            assert await _login(other_place, "t@example.com", PASSWORD) == 429
            # Other accounts are not affected.
            await other_place.post(
                "/api/auth/signup", json={"email": "u@example.com", "password": PASSWORD}
            )
            assert await _login(other_place, "u@example.com", PASSWORD) == 200

    async def test_per_client_address(self, throttled_app: FastAPI):
        async with client_from(throttled_app, "10.0.0.3") as sprayer:
            codes = [await _login(sprayer, f"user{i}@example.com") for i in range(7)]
        assert codes == [401] * 6 + [429]  # one password tried on many accounts
        async with client_from(throttled_app, "10.0.0.4") as elsewhere:
            assert await _login(elsewhere, "user0@example.com") == 401

    async def test_a_parallel_burst_gets_exactly_the_limit(
        self, throttled_app: FastAPI, monkeypatch: pytest.MonkeyPatch
    ):
        hasher = throttled_app.state.hasher
        verified = []
        real_verify = hasher.verify

        async def counting_verify(password: str, password_hash: str | None) -> bool:
            verified.append(password)
            return bool(await real_verify(password, password_hash))

        monkeypatch.setattr(hasher, "verify", counting_verify)
        async with client_from(throttled_app, "10.0.0.5") as c:
            codes = await asyncio.gather(*[_login(c, "burst@example.com") for _ in range(12)])
        assert sorted(codes) == [401] * 3 + [429] * 9
        assert len(verified) == 3, "throttled attempts must not even reach the password hash"


# ---- passwords never logged ------------------------------------------------------------


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())
        if record.exc_info:
            self.lines.append(logging.Formatter().formatException(record.exc_info))


@pytest.fixture
def all_logs() -> Iterator[_Capture]:
    """Every logger, at DEBUG (our own logger does not propagate to the root)."""
    capture = _Capture()
    loggers = [logging.getLogger(), logging.getLogger("backend")]
    saved = [(lg, lg.level) for lg in loggers]
    for lg in loggers:
        lg.addHandler(capture)
        lg.setLevel(logging.DEBUG)
    yield capture
    for lg, level in saved:
        lg.removeHandler(capture)
        lg.setLevel(level)


async def test_passwords_are_never_logged_nor_echoed(
    database_url: str, app: FastAPI, all_logs: _Capture
):
    secret = "Sup3r-Secret-Passphrase-42"
    # SQL echo and DEBUG logs on: the most talkative the app can be.
    noisy = create_app(make_settings(database_url, db_echo=True, log_level="DEBUG"))
    logging.getLogger("backend").addHandler(all_logs)  # configure_logging replaced handlers
    async with noisy.router.lifespan_context(noisy), make_client(noisy) as c:
        responses = [
            await c.post("/api/auth/signup", json={"email": "p@example.com", "password": secret}),
            await c.post("/api/auth/signup", json={"email": "p@example.com", "password": secret}),
            await c.post("/api/auth/signup", json={"email": "bad", "password": secret}),
            await c.post(
                "/api/auth/signup", json={"email": "q@example.com", "password": secret * 10}
            ),
            await c.post("/api/auth/login", json={"email": "p@example.com", "password": secret}),
            await c.post(
                "/api/auth/login", json={"email": "p@example.com", "password": secret[:-1]}
            ),
            await c.post("/api/auth/login", json={"email": "nobody@x.io", "password": secret}),
            await c.post("/api/auth/login", json={"email": ["p"], "password": [secret]}),
        ]
    assert [r.status_code for r in responses] == [201, 409, 422, 422, 200, 401, 401, 422]
    assert len(all_logs.lines) > 10, "the capture saw nothing: the test would prove nothing"
    logged = "\n".join(all_logs.lines)
    assert secret not in logged
    assert secret[:-1] not in logged
    for r in responses:
        assert secret[:-1] not in r.text
