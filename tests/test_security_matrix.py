"""Generated matrices over every route of the OpenAPI schema (and every ChatKit operation):

- isolation: user B, holding user A's ids, gets 404 or nothing, and A's data stays as it was;
- CSRF: every unsafe route refuses a cookie-authenticated request from a foreign, "null" or
  missing origin (403), and does nothing; Bearer requests are unaffected.

A new route fails these tests until it is classified in ROUTES; a new path parameter fails
until PATH_IDS says whose id to put there.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from backend.errors import api_routes
from tests.chat_helpers import CHATKIT, call, items, new_thread, say
from tests.conftest import ALLOWED_ORIGIN, PASSWORD, UserClientFactory, make_client
from tests.test_chat_isolation import all_operations, attack_bodies

pytestmark = pytest.mark.asyncio

# What each route is, as far as another user's data goes.
ROUTES = {
    ("GET", "/api/health"): "public",
    ("GET", "/api/ready"): "public",
    ("POST", "/api/auth/signup"): "public",
    ("POST", "/api/auth/login"): "public",
    ("POST", "/api/auth/logout"): "own session",
    ("POST", "/api/auth/logout-all"): "own session",
    ("GET", "/api/auth/me"): "own session",
    ("GET", "/api/auth/me/export"): "own session",
    ("DELETE", "/api/auth/me"): "own session",  # needs the password: B's example one is wrong
    ("GET", "/api/tasks"): "own collection",
    ("POST", "/api/tasks"): "own collection",
    ("POST", "/api/tasks/parse"): "own collection",  # reads a line, saves nothing
    ("GET", "/api/tasks/{task_id}"): "owned item",
    ("PATCH", "/api/tasks/{task_id}"): "owned item",
    ("DELETE", "/api/tasks/{task_id}"): "owned item",
    ("POST", "/api/changes/{change_id}/undo"): "owned item",
    ("GET", "/api/tokens"): "own collection",
    ("POST", "/api/tokens"): "own collection",
    ("DELETE", "/api/tokens/{token_id}"): "owned item",
    ("POST", "/api/chatkit"): "chatkit",  # every operation: tests/test_chat_isolation.py
}
PATH_IDS = {
    "task_id": "task",
    "token_id": "token",
    "change_id": "change",
}  # path parameter -> which of A's objects it names
MISSING_ID = 987654
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
SECRET = "ferns"  # in A's task title, tags and chat: must never reach B


def operations(app: FastAPI) -> list[tuple[str, str, dict[str, Any]]]:
    schema = app.openapi()
    return [
        (method.upper(), path, op)
        for path, ops in schema["paths"].items()
        for method, op in ops.items()
    ]


def example(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    """A valid value for a JSON schema (the simple shapes FastAPI generates); a field whose
    format words cannot say (a time, a repeat rule) gives its own example."""
    if schema.get("examples"):
        return schema["examples"][0]
    if "$ref" in schema:
        return example(components[schema["$ref"].rsplit("/", 1)[1]], components)
    if "anyOf" in schema:
        options = [s for s in schema["anyOf"] if s.get("type") != "null"]
        return example(options[0], components)
    if "enum" in schema:
        return schema["enum"][-1]
    match schema.get("type"):
        case "object":
            props = schema.get("properties", {})
            return {name: example(sub, components) for name, sub in props.items()}
        case "array":
            return [example(schema.get("items", {}), components)]
        case "boolean":
            return True
        case "integer" | "number":
            return max(1, schema.get("minimum", 1))
        case "string":
            if schema.get("format") == "date":
                return "2031-01-01"
            if schema.get("format") == "email" or "email" in schema.get("title", "").lower():
                return "pwned@example.com"
            text = "pwned-by-bob".ljust(schema.get("minLength", 0), "x")
            return text[: schema.get("maxLength", len(text))]
    raise AssertionError(f"no example for schema {schema}")


def request_for(
    app: FastAPI, path: str, op: dict[str, Any], ids: dict[str, int]
) -> tuple[str, Any]:
    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        assert name in PATH_IDS, f"classify the path parameter {name!r} in PATH_IDS"
        return str(ids[PATH_IDS[name]])

    url = re.sub(r"\{(\w+)\}", fill, path)
    body = None
    if content := op.get("requestBody", {}).get("content", {}).get("application/json"):
        body = example(content["schema"], app.openapi()["components"]["schemas"])
    return url, body


async def alice_world(alice: httpx.AsyncClient) -> dict[str, Any]:
    created = await alice.post(
        "/api/tasks", json={"title": f"Water the {SECRET}", "tags": [SECRET]}
    )
    task = created.json()
    thread_id, _ = await new_thread(alice, f"add a task to feed the {SECRET}")
    await say(alice, thread_id, "what's on my list?")
    item_id = (await items(alice, thread_id))[0]["id"]
    token = (
        await alice.post("/api/tokens", json={"name": f"{SECRET} script", "scopes": ["tasks:read"]})
    ).json()
    return {
        "task": task["id"],
        "thread": thread_id,
        "item": item_id,
        "token": token["id"],
        "change": int(created.headers["X-Change-Id"]),
    }


async def snapshot(alice: httpx.AsyncClient) -> Any:
    me = (await alice.get("/api/auth/me")).json()
    tasks = (await alice.get("/api/tasks?limit=100")).json()["items"]
    each = [(await alice.get(f"/api/tasks/{t['id']}")).json() for t in tasks]
    threads = (await call(alice, {"type": "threads.list", "params": {"limit": 100}}))["data"]
    chat = [(t, await items(alice, t["id"])) for t in threads]
    tokens = (await alice.get("/api/tokens")).json()
    return me, tasks, each, chat, tokens


async def test_every_route_is_classified(app: FastAPI):
    found = {(m, p) for m, p, _ in operations(app)}
    assert found == set(ROUTES), "classify the new route in ROUTES"
    routes = list(api_routes(app))
    assert {(m, p) for p, r in routes for m in r.methods} == found
    hidden = [path for path, r in routes if not r.include_in_schema]
    assert hidden == [], "a route hidden from the schema escapes these matrices"
    assert set(attack_bodies("t", "i")) == all_operations(), "classify the ChatKit operation"


async def test_isolation_matrix(
    app: FastAPI, alice: httpx.AsyncClient, user_client: UserClientFactory
):
    ids = await alice_world(alice)
    bob = await user_client("bob@example.com")
    before = await snapshot(alice)
    missing = dict.fromkeys(ids, MISSING_ID)

    for method, path, op in operations(app):
        kind = ROUTES[(method, path)]
        if kind == "chatkit":
            for name, params in attack_bodies(ids["thread"], ids["item"]).items():
                r = await bob.post(CHATKIT, json={"type": name, "params": params})
                assert r.status_code in (200, 400, 404), (name, r.status_code)
                if "thread_id" in params:
                    assert r.status_code == 404, (name, r.text)
                assert SECRET not in r.text, name
            continue
        url, body = request_for(app, path, op, ids)
        theirs = await bob.request(method, url, json=body)
        assert SECRET not in theirs.text and "alice@" not in theirs.text, (method, path)
        assert theirs.status_code < 500, (method, path, theirs.text)
        if kind == "owned item":
            # Exactly what a missing id gets: nothing tells B that A's id exists.
            missing_url, _ = request_for(app, path, op, missing)
            nothing = await bob.request(method, missing_url, json=body)
            assert theirs.status_code == nothing.status_code == 404, (method, path)
            assert theirs.json()["detail"].replace(str(ids["task"]), "N") == nothing.json()[
                "detail"
            ].replace(str(MISSING_ID), "N")
        if kind == "own collection" and method == "GET":
            listed = theirs.json()
            assert (listed["items"] if isinstance(listed, dict) else listed) == []
        if path == "/api/auth/logout-all":  # B's own sessions end; log B in again
            r = await bob.post(
                "/api/auth/login", json={"email": "bob@example.com", "password": PASSWORD}
            )
            assert r.status_code == 200

    assert await snapshot(alice) == before


# ---- CSRF ------------------------------------------------------------------------------

FOREIGN = "https://evil.example"
ATTACKS: dict[str, dict[str, str]] = {
    "foreign Origin": {"Origin": FOREIGN},
    "Origin null": {"Origin": "null"},
    "foreign Referer only": {"Referer": f"{FOREIGN}/page"},
    "look-alike Origin": {"Origin": f"{ALLOWED_ORIGIN}.evil.example"},
    "allowed origin as a Referer path": {"Referer": f"{FOREIGN}/{ALLOWED_ORIGIN}"},
    "no Origin, no Referer": {},
    "empty Bearer beside the cookie": {"Origin": FOREIGN, "Authorization": "Bearer "},
    "blank Bearer beside the cookie": {"Origin": FOREIGN, "Authorization": "Bearer \u00a0"},
}
CSRF_DETAIL = "Cross-site request refused: the request did not come from an allowed origin"


def unsafe_requests(app: FastAPI, ids: dict[str, Any]) -> list[tuple[str, str, Any]]:
    out: list[tuple[str, str, Any]] = []
    for method, path, op in operations(app):
        if method not in UNSAFE:
            continue
        if path == CHATKIT:
            for name, params in attack_bodies(ids["thread"], ids["item"]).items():
                out.append((method, path, {"type": name, "params": params}))
            continue
        url, body = request_for(app, path, op, ids)
        out.append((method, url, body))
    # Log-outs last, so the Bearer pass below keeps its session until the end.
    return sorted(out, key=lambda r: "logout" in r[1])


async def _send(app: FastAPI, cookie: str | None, method: str, url: str, body: Any, **headers: str):
    async with make_client(app) as c:
        del c.headers["Origin"]
        if cookie:
            c.cookies.set(app.state.settings.auth_cookie_name, cookie)
        raw = {k: v.encode("latin-1") for k, v in headers.items()}  # as on the wire
        return await c.request(method, url, json=body, headers=raw)


async def test_csrf_on_every_unsafe_route(app: FastAPI, alice: httpx.AsyncClient):
    ids = await alice_world(alice)
    cookie = alice.cookies[app.state.settings.auth_cookie_name]
    before = await snapshot(alice)
    requests = unsafe_requests(app, ids)
    assert len(requests) >= len(all_operations()) + 6

    for method, url, body in requests:
        for attack, headers in ATTACKS.items():
            r = await _send(app, cookie, method, url, body, **headers)
            assert r.status_code == 403, (attack, method, url, body, r.status_code)
            assert r.json() == {"detail": CSRF_DETAIL}
    assert await snapshot(alice) == before  # nothing happened, and A is still logged in

    # The same requests with a Bearer token from anywhere are not CSRF-checked.
    token = (
        await alice.post(
            "/api/auth/login", json={"email": "alice@example.com", "password": PASSWORD}
        )
    ).json()["access_token"]
    for method, url, body in requests:
        r = await _send(
            app, None, method, url, body, Origin=FOREIGN, Authorization=f"Bearer {token}"
        )
        # (DELETE /api/auth/me answers 403 too, for the example body's wrong password.)
        assert CSRF_DETAIL not in r.text, (method, url, r.text)


async def test_login_csrf_a_foreign_page_cannot_sign_the_browser_in(
    app: FastAPI, client: httpx.AsyncClient
):
    await client.post(
        "/api/auth/signup", json={"email": "mallory@example.com", "password": PASSWORD}
    )
    creds = {"email": "mallory@example.com", "password": PASSWORD}
    for path, body in [
        ("/api/auth/login", creds),
        ("/api/auth/signup", {**creds, "email": "m2@example.com"}),
    ]:
        r = await _send(app, None, "POST", path, body, Origin=FOREIGN)
        assert r.status_code == 403, path
        assert "set-cookie" not in r.headers
    # Scripts send no Origin, and the app's own pages are allowed.
    assert (await _send(app, None, "POST", "/api/auth/login", creds)).status_code == 200
    r = await _send(app, None, "POST", "/api/auth/login", creds, Origin=ALLOWED_ORIGIN)
    assert r.status_code == 200
