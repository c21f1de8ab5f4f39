"""``Cache-Control: no-store`` on every auth response (tokens, personal data, errors included)."""

from __future__ import annotations

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send


class NoStoreMiddleware:
    """No cache, the browser's or a shared one, may keep what answers under ``prefix``. A
    middleware rather than a route dependency, so that 401s, 403s and 429s carry it too."""

    def __init__(self, app: ASGIApp, prefix: str = "/api/auth") -> None:
        self.app = app
        self.prefix = prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return

        async def send_no_store(message: Message) -> None:
            if message["type"] == "http.response.start":
                MutableHeaders(scope=message)["Cache-Control"] = "no-store"
            await send(message)

        await self.app(scope, receive, send_no_store)
