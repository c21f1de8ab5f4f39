"""The load generator's client: the ChatKit protocol over real HTTP (aiohttp), timed.

Each simulated user signs up (cookie session, like the browser), holds its own thread and
sends its turns one after another. A turn is timed from the moment the request is sent to
the first byte of the SSE body, to the first assistant text delta, and to the end of the
stream. The stream is scanned for markers rather than parsed, so the client stays cheap.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from typing import Any

import aiohttp

ORIGIN = "http://localhost:3000"  # an allowed origin: cookie-authenticated writes pass CSRF
PASSWORD = "bench-password-123"  # noqa: S105 - throwaway users of a scratch database
CHATKIT = "/api/chatkit"
COOKIE = "todo_session"

TEXT_DELTA = b'"assistant_message.content_part.text_delta"'
ERROR_EVENT = b'{"type":"error"'
TASKS_CHANGED = b'"tasks.changed"'
_OVERLAP = max(len(TEXT_DELTA), len(ERROR_EVENT), len(TASKS_CHANGED))


def new_http(timeout: float = 120.0, *, keep_alive: bool = True) -> aiohttp.ClientSession:
    """One connection pool for every simulated user (keep-alive, unlimited connections).
    Idle connections are dropped before uvicorn's own keep-alive timeout (5 s) would close
    them: a request sent on a connection the server is closing fails ("connection reset").
    ``keep_alive=False``: a new connection per request, so that with several workers each
    request goes to whichever worker accepts it first (kept-alive connections stay with the
    worker that accepted them, which can leave one worker with all the load)."""
    return aiohttp.ClientSession(
        connector=(
            aiohttp.TCPConnector(limit=0, keepalive_timeout=3)
            if keep_alive
            else aiohttp.TCPConnector(limit=0, force_close=True)
        ),
        timeout=aiohttp.ClientTimeout(total=timeout),
        cookie_jar=aiohttp.DummyCookieJar(),  # each user sends its own cookie
    )


def user_input(text: str) -> dict[str, Any]:
    return {
        "content": [{"type": "input_text", "text": text}],
        "attachments": [],
        "inference_options": {},
    }


@dataclass
class Turn:
    started: float  # perf_counter at send
    total: float  # seconds, send -> end of stream
    ttfb: float | None = None  # send -> first SSE byte
    ttft: float | None = None  # send -> first assistant text delta
    status: int = 0
    error: str | None = None
    tool_effect: bool = False  # the stream carried tasks.changed (the tool ran)
    size: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class User:
    http: aiohttp.ClientSession
    base: str
    email: str
    token: str = ""
    user_id: int = 0
    thread_id: str | None = None
    turns: list[Turn] = field(default_factory=list)

    @property
    def headers(self) -> dict[str, str]:
        return {"Origin": ORIGIN, "Cookie": f"{COOKIE}={self.token}"}

    async def signup(self) -> None:
        async with self.http.post(
            self.base + "/api/auth/signup",
            json={"email": self.email, "password": PASSWORD},
            headers={"Origin": ORIGIN},
        ) as r:
            body = await r.text()
            if r.status != 201:
                raise RuntimeError(f"signup {self.email}: {r.status} {body[:200]}")
            self.token = r.cookies[COOKIE].value
            self.user_id = int(json.loads(body)["id"])

    async def turn(self, text: str, *, new_thread: bool = False) -> Turn:
        """One user message and the whole streamed reply (threads.create on the first)."""
        if new_thread or self.thread_id is None:
            body = {"type": "threads.create", "params": {"input": user_input(text)}}
        else:
            body = {
                "type": "threads.add_user_message",
                "params": {"thread_id": self.thread_id, "input": user_input(text)},
            }
        payload = json.dumps(body).encode()
        headers = {**self.headers, "Content-Type": "application/json"}
        started = time.perf_counter()
        turn = Turn(started=started, total=0.0)
        try:
            async with self.http.post(self.base + CHATKIT, data=payload, headers=headers) as r:
                turn.status = r.status
                if r.status != 200:
                    turn.error = f"HTTP {r.status}: {(await r.text())[:200]}"
                else:
                    await self._read_stream(r, turn, started, body["type"] == "threads.create")
        except (aiohttp.ClientError, TimeoutError, ValueError) as exc:
            turn.error = f"{type(exc).__name__}: {exc}"[:200]
        turn.total = time.perf_counter() - started
        if turn.error is None and turn.ttft is None:
            turn.error = "no assistant text in the stream"
        self.turns.append(turn)
        return turn

    async def _read_stream(
        self, r: aiohttp.ClientResponse, turn: Turn, started: float, creating: bool
    ) -> None:
        tail = b""
        first_line = b""
        async for chunk in r.content.iter_any():
            now = time.perf_counter()
            if turn.ttfb is None:
                turn.ttfb = now - started
            turn.size += len(chunk)
            window = tail + chunk
            if turn.ttft is None and TEXT_DELTA in window:
                turn.ttft = now - started
            if ERROR_EVENT in window and turn.error is None:
                turn.error = "error event in the stream"
            if TASKS_CHANGED in window:
                turn.tool_effect = True
            if creating and self.thread_id is None:
                first_line += chunk
                if b"\n" in first_line:
                    event = json.loads(first_line.split(b"\n", 1)[0].removeprefix(b"data: "))
                    if event.get("type") == "thread.created":
                        self.thread_id = event["thread"]["id"]
                    creating = False
            tail = window[-_OVERLAP:]
        if first_line and self.thread_id is None and turn.error is None:
            turn.error = "threads.create did not answer with the thread"

    async def call(self, body: dict[str, Any]) -> tuple[float, Any]:
        """A non-streaming ChatKit request: (seconds, JSON answer)."""
        payload = json.dumps(body).encode()
        headers = {**self.headers, "Content-Type": "application/json"}
        started = time.perf_counter()
        async with self.http.post(self.base + CHATKIT, data=payload, headers=headers) as r:
            data = await r.read()
            elapsed = time.perf_counter() - started
            if r.status != 200:
                raise RuntimeError(f"{body['type']}: {r.status} {data[:200]!r}")
        return elapsed, json.loads(data)

    async def get(self, path: str) -> tuple[float, Any]:
        started = time.perf_counter()
        async with self.http.get(self.base + path, headers=self.headers) as r:
            data = await r.read()
            elapsed = time.perf_counter() - started
            if r.status != 200:
                raise RuntimeError(f"GET {path}: {r.status} {data[:200]!r}")
        return elapsed, json.loads(data)
