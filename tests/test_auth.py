from __future__ import annotations

import base64
import json
import time

import httpx
import pytest
from fastapi import FastAPI
from jose import jwt

from backend.auth.security import create_access_token
from tests.conftest import ALLOWED_ORIGIN, PASSWORD, UserClientFactory, make_client

pytestmark = pytest.mark.asyncio


async def signup(client: httpx.AsyncClient, email: str = "a@example.com", **extra: object):
    return await client.post(
        "/api/auth/signup", json={"email": email, "password": PASSWORD, **extra}
    )


async def test_signup_returns_user_and_sets_cookie(client: httpx.AsyncClient, app: FastAPI):
    r = await signup(client, "  Ada@Example.COM ", name="Ada")
    assert r.status_code == 201
    body = r.json()
    assert body["email"] == "ada@example.com"
    assert body["name"] == "Ada"
    assert isinstance(body["id"], int)
    assert "password" not in json.dumps(body) and "hash" not in json.dumps(body)

    cookie = r.headers["set-cookie"]
    name = app.state.settings.auth_cookie_name
    assert cookie.startswith(f"{name}=")
    assert "HttpOnly" in cookie
    assert "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http in tests

    me = await client.get("/api/auth/me")
    assert me.status_code == 200
    assert me.json()["email"] == "ada@example.com"


async def test_cookie_is_secure_over_https(app: FastAPI):
    async with make_client(app, base_url="https://testserver") as c:
        r = await c.post(
            "/api/auth/signup",
            json={"email": "s@example.com", "password": PASSWORD},
            headers={"Origin": "https://testserver"},
        )
    assert r.status_code == 201
    assert "Secure" in r.headers["set-cookie"]


async def test_signup_saves_time_zone_from_header(client: httpx.AsyncClient):
    r = await client.post(
        "/api/auth/signup",
        json={"email": "tz@example.com", "password": PASSWORD},
        headers={"X-Timezone": "Europe/Paris"},
    )
    assert r.json()["timezone"] == "Europe/Paris"


async def test_duplicate_email_is_409_case_insensitively(client: httpx.AsyncClient):
    assert (await signup(client, "dup@example.com")).status_code == 201
    r = await signup(client, "DUP@example.com")
    assert r.status_code == 409
    assert r.json() == {"detail": "An account with this email already exists"}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"email": "x@example.com", "password": "short"}, "password"),
        ({"email": "x@example.com", "password": "p" * 129}, "password"),
        ({"email": "not-an-email", "password": PASSWORD}, "email"),
        ({"password": PASSWORD}, "email"),
        ({"email": "x@example.com"}, "password"),
        ({"email": "x@example.com", "password": PASSWORD, "name": "n" * 101}, "name"),
    ],
)
async def test_invalid_signup_is_422_with_a_message(
    client: httpx.AsyncClient, payload: dict[str, str], field: str
):
    r = await client.post("/api/auth/signup", json=payload)
    assert r.status_code == 422
    assert r.json()["detail"].startswith(f"{field}:")


async def test_password_limits_are_inclusive(client: httpx.AsyncClient):
    # Hard to guess at both lengths (tests/test_security_hardening.py: guessable ones).
    r8 = await client.post(
        "/api/auth/signup", json={"email": "p8@example.com", "password": "q7#Zk!v2"}
    )
    r128 = await client.post(
        "/api/auth/signup", json={"email": "p128@example.com", "password": "q7#Zk!v2" * 16}
    )
    assert (r8.status_code, r128.status_code) == (201, 201)


async def test_login_returns_token_and_cookie(client: httpx.AsyncClient, app: FastAPI):
    await signup(client, "l@example.com")
    async with make_client(app) as fresh:
        r = await fresh.post(
            "/api/auth/login", json={"email": "L@example.com", "password": PASSWORD}
        )
        assert r.status_code == 200
        body = r.json()
        assert body["token_type"] == "bearer"
        assert body["expires_in"] == app.state.settings.jwt_expire_minutes * 60
        assert body["user"]["email"] == "l@example.com"
        assert "HttpOnly" in r.headers["set-cookie"]
        assert (await fresh.get("/api/auth/me")).status_code == 200

    # The same token works as a Bearer header, without any cookie.
    async with make_client(app) as bearer:
        r = await bearer.get(
            "/api/auth/me", headers={"Authorization": f"Bearer {body['access_token']}"}
        )
        assert r.status_code == 200
        assert r.json()["email"] == "l@example.com"


async def test_wrong_password_and_unknown_email_look_the_same(client: httpx.AsyncClient):
    await signup(client, "known@example.com")
    wrong = await client.post(
        "/api/auth/login", json={"email": "known@example.com", "password": "wrong password"}
    )
    unknown = await client.post(
        "/api/auth/login", json={"email": "nobody@example.com", "password": PASSWORD}
    )
    malformed = await client.post("/api/auth/login", json={"email": "nope", "password": "x"})
    assert wrong.status_code == unknown.status_code == malformed.status_code == 401
    assert wrong.json() == unknown.json() == malformed.json()
    assert wrong.json() == {"detail": "Incorrect email or password"}


async def test_logout_clears_cookie(user_client: UserClientFactory):
    c = await user_client()
    r = await c.post("/api/auth/logout")
    assert r.status_code == 204
    assert "Max-Age=0" in r.headers["set-cookie"] or "expires=" in r.headers["set-cookie"].lower()
    assert (await c.get("/api/auth/me")).status_code == 401


async def test_me_without_credentials_is_401_json(client: httpx.AsyncClient):
    r = await client.get("/api/auth/me")
    assert r.status_code == 401
    assert r.json() == {"detail": "Not authenticated"}


def _b64(data: dict[str, object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


async def _user_id(c: httpx.AsyncClient) -> int:
    return int((await c.get("/api/auth/me")).json()["id"])


async def _me_with(app: FastAPI, token: str) -> httpx.Response:
    async with make_client(app) as c:
        return await c.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})


async def test_forged_and_expired_tokens_are_rejected(app: FastAPI, user_client: UserClientFactory):
    uid = await _user_id(await user_client())
    secret = app.state.settings.jwt_secret
    now = int(time.time())
    good = create_access_token(app.state.settings, uid, 0)
    assert (await _me_with(app, good)).status_code == 200

    tokens = {
        "expired": jwt.encode({"sub": str(uid), "exp": now - 10}, secret, algorithm="HS256"),
        "other secret": jwt.encode(
            {"sub": str(uid), "exp": now + 600}, "another-secret" * 4, algorithm="HS256"
        ),
        "alg none": _b64({"alg": "none", "typ": "JWT"})
        + "."
        + _b64({"sub": str(uid), "exp": now + 600})
        + ".",
        "HS512": jwt.encode({"sub": str(uid), "exp": now + 600}, secret, algorithm="HS512"),
        "no sub": jwt.encode({"exp": now + 600}, secret, algorithm="HS256"),
        "no exp": jwt.encode({"sub": str(uid)}, secret, algorithm="HS256"),
        "sub not a number": jwt.encode({"sub": "abc", "exp": now + 600}, secret, algorithm="HS256"),
        "garbage": "not.a.token",
    }
    for name, token in tokens.items():
        r = await _me_with(app, token)
        assert r.status_code == 401, name
        assert "detail" in r.json()


async def test_token_of_deleted_user_is_rejected(app: FastAPI, user_client: UserClientFactory):
    uid = await _user_id(await user_client())
    token = create_access_token(app.state.settings, uid, 0)
    async with app.state.engine.begin() as conn:
        from sqlalchemy import text

        await conn.execute(text("DELETE FROM users WHERE id = :id"), {"id": uid})
    assert (await _me_with(app, token)).status_code == 401


async def test_a_deleted_accounts_token_never_opens_a_newer_account(
    app: FastAPI, user_client: UserClientFactory
):
    # SQLite gives the highest id out again once its row is deleted unless the table says
    # AUTOINCREMENT: the next person to sign up took the deleted account's id, and a token the
    # old account kept (same id, same token version 0) opened the new person's account.
    old = await user_client("leaving@example.com")
    token = old.cookies[app.state.settings.auth_cookie_name]
    r = await old.request("DELETE", "/api/auth/me", json={"password": PASSWORD})
    assert r.status_code == 204, r.text
    newcomer = await user_client("newcomer@example.com")
    await newcomer.post("/api/tasks", json={"title": "Private plans"})
    r = await _me_with(app, token)
    assert r.status_code == 401, r.json()


async def test_token_from_an_older_token_version_is_rejected(
    app: FastAPI, user_client: UserClientFactory
):
    uid = await _user_id(await user_client())
    token = create_access_token(app.state.settings, uid, 0)
    async with app.state.engine.begin() as conn:
        from sqlalchemy import text

        await conn.execute(text("UPDATE users SET token_version = 1 WHERE id = :id"), {"id": uid})
    assert (await _me_with(app, token)).status_code == 401


class TestCSRF:
    async def test_cookie_request_from_foreign_origin_is_403(self, user_client: UserClientFactory):
        c = await user_client()
        r = await c.post("/api/tasks", json={"title": "x"}, headers={"Origin": "https://evil.test"})
        assert r.status_code == 403
        assert "origin" in r.json()["detail"]
        assert (await c.get("/api/tasks")).json()["items"] == []

    async def test_cookie_request_without_origin_or_referer_is_403(
        self, user_client: UserClientFactory
    ):
        c = await user_client()
        del c.headers["Origin"]
        r = await c.post("/api/tasks", json={"title": "x"})
        assert r.status_code == 403

    async def test_referer_from_allowed_origin_passes(self, user_client: UserClientFactory):
        c = await user_client()
        del c.headers["Origin"]
        r = await c.post(
            "/api/tasks", json={"title": "x"}, headers={"Referer": f"{ALLOWED_ORIGIN}/dashboard"}
        )
        assert r.status_code == 201

    async def test_every_unsafe_method_is_checked(self, user_client: UserClientFactory):
        c = await user_client()
        task = (await c.post("/api/tasks", json={"title": "keep me"})).json()
        evil = {"Origin": "https://evil.test"}
        assert (
            await c.patch(f"/api/tasks/{task['id']}", json={"title": "x"}, headers=evil)
        ).status_code == 403
        assert (await c.delete(f"/api/tasks/{task['id']}", headers=evil)).status_code == 403
        assert (await c.post("/api/auth/logout", headers=evil)).status_code == 403
        assert (await c.get(f"/api/tasks/{task['id']}")).json()["title"] == "keep me"

    async def test_safe_methods_are_not_checked(self, user_client: UserClientFactory):
        c = await user_client()
        r = await c.get("/api/tasks", headers={"Origin": "https://evil.test"})
        assert r.status_code == 200

    async def test_bearer_requests_are_exempt(self, app: FastAPI, client: httpx.AsyncClient):
        await signup(client, "bearer@example.com")
        r = await client.post(
            "/api/auth/login", json={"email": "bearer@example.com", "password": PASSWORD}
        )
        token = r.json()["access_token"]
        async with make_client(app, headers={"Origin": "https://elsewhere.test"}) as other:
            r = await other.post(
                "/api/tasks",
                json={"title": "via api"},
                headers={"Authorization": f"Bearer {token}"},
            )
        assert r.status_code == 201
