"""CSRF protection for cookie-authenticated requests.

Browsers attach the auth cookie to cross-site form posts, so an unsafe request that relies on
the cookie must come from an allowed origin. Requests carrying a Bearer token are exempt: a
foreign page cannot make the browser add that header. Middleware (rather than a dependency)
so that every route, present and future, is covered.

Without a session cookie, an unsafe request that names a foreign origin is refused too: a
foreign page must not sign the browser in to an account of its choosing (login CSRF).
Scripts, which send no Origin, are unaffected.
"""

from __future__ import annotations

import json
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.requests import HTTPConnection
from starlette.types import ASGIApp, Receive, Scope, Send

from backend.auth.security import parse_bearer

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
            # Exempt only when a real Bearer token is there: the auth dependency then uses it
            # and never the cookie ("Bearer " with nothing usable after it falls back to it).
            if parse_bearer(conn.headers.get("authorization", "")) is None:
                source = self._source(conn)
                if self.cookie_name in conn.cookies:
                    refuse = not self._origin_allowed(conn, source)
                else:  # no session yet: a foreign page must not log the browser in (login CSRF)
                    refuse = source is not None and not self._origin_allowed(conn, source)
                if refuse:
                    await _forbidden(send)
                    return
        await self.app(scope, receive, send)

    @staticmethod
    def _source(conn: HTTPConnection) -> str | None:
        headers: Headers = conn.headers
        return headers.get("origin") or headers.get("referer") or None

    def _origin_allowed(self, conn: HTTPConnection, source: str | None) -> bool:
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
