"""CSRF protection for cookie-authenticated requests.

Browsers attach the auth cookie to cross-site form posts, so an unsafe request that relies on
the cookie must come from an allowed origin. Requests carrying a Bearer token are exempt: a
foreign page cannot make the browser add that header. Middleware (rather than a dependency)
so that every route, present and future, is covered.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Receive, Scope, Send

SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def _origin_of(url: str) -> str | None:
    parts = urlsplit(url)
    if not parts.scheme or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


class CSRFMiddleware:
    def __init__(self, app: ASGIApp, *, allowed_origins: list[str], cookie_name: str) -> None:
        self.app = app
        self.allowed = {o.lower().rstrip("/") for o in allowed_origins}
        self.cookie_name = cookie_name

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] not in SAFE_METHODS:
            conn = HTTPConnection(scope)
            if self._cookie_authenticated(conn) and not self._origin_allowed(conn):
                await _forbidden(send)
                return
        await self.app(scope, receive, send)

    def _cookie_authenticated(self, conn: HTTPConnection) -> bool:
        auth = conn.headers.get("authorization", "")
        return self.cookie_name in conn.cookies and not auth.lower().startswith("bearer ")

    def _origin_allowed(self, conn: HTTPConnection) -> bool:
        headers: Headers = conn.headers
        source = headers.get("origin") or headers.get("referer")
        origin = _origin_of(source) if source and source != "null" else None
        if origin is None:
            return False
        own_origin = f"{conn.url.scheme}://{conn.url.netloc}".lower()
        return origin in self.allowed or origin == own_origin


async def _forbidden(send: Send) -> None:
    body = json.dumps(
        {"detail": "Cross-site request refused: the request did not come from an allowed origin"}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 403,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
