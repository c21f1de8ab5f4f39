"""``POST /api/chatkit``: the ChatKit protocol, with real HTTP errors decided before any stream.

The SDK answers a malformed body or a missing thread with a 500 or a dropped stream, so every
request is parsed and checked here first: 400 for a bad body, 404 for a thread or item that is
not the caller's, 413/422 for oversize input, 429 for too many turns. Once a stream has
started, a failure ends it with an in-band ChatKit error event, never a cut connection.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterable, AsyncIterator

from chatkit.server import StreamingResult
from chatkit.store import NotFoundError
from chatkit.types import (
    ChatKitReq,
    ErrorEvent,
    ThreadsAddUserMessageReq,
    ThreadsCreateReq,
    ThreadsCustomActionReq,
    ThreadsRetryAfterItemReq,
    ThreadsUpdateReq,
    UserMessageInput,
    UserMessageTagContent,
    is_streaming_req,
)
from fastapi import APIRouter, HTTPException, Request, Response, status
from fastapi.responses import StreamingResponse
from pydantic import ValidationError

from backend.auth.deps import CurrentUser, UserTimezone
from backend.auth.models import has_control_chars
from backend.chat.context import ChatContext
from backend.chat.server import CHATKIT_REQUEST, ActionRefused, TodoChatKitServer
from backend.chat.streaming import DetachedStreams
from backend.observability import current_request_id
from backend.ratelimit import RateLimiter

log = logging.getLogger(__name__)

router = APIRouter(prefix="/api", tags=["chat"])

MAX_BODY_BYTES = 256 * 1024
MAX_MESSAGE_CHARS = 10_000
MAX_TITLE_CHARS = 200
MAX_PAGE_SIZE = 1000
# Every id this server hands out ("thr_…", "msg_…") looks like this; anything else names nothing
# (and must not reach the database: PostgreSQL refuses NUL, for one).
_ID = re.compile(r"^[A-Za-z0-9_-]{1,100}$")
STREAM_FAILED = "Something went wrong on our side. Please try again in a moment."
# Unbuffered and untransformed all the way to the browser (proxies, Next.js, nginx).
SSE_HEADERS = {"Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no"}

# Operations this server has nothing behind (no uploads, no voice, no client tools, no
# synchronous actions): refused plainly instead of failing inside the SDK.
UNSUPPORTED = {
    "attachments.create": "File attachments are not supported",
    "attachments.delete": "File attachments are not supported",
    "input.transcribe": "Voice input is not supported",
    "threads.add_client_tool_output": "This assistant has no client-side tools",
    "threads.add_structured_input": "This assistant does not ask for structured input",
    "threads.sync_custom_action": "Widget actions are sent as threads.custom_action",
}


@router.post(
    "/chatkit",
    responses={
        200: {"description": "JSON, or a text/event-stream for the streaming operations"},
        400: {"description": "Malformed or invalid ChatKit request"},
        404: {"description": "Thread or item not found"},
        413: {"description": "Request body too large"},
        422: {"description": "Message too long or empty"},
        429: {"description": "Too many assistant turns; see Retry-After"},
    },
)
async def chatkit(request: Request, user: CurrentUser, tz: UserTimezone) -> Response:
    body = await _read_body(request)
    try:
        parsed = CHATKIT_REQUEST.validate_json(body)
    except ValidationError as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, describe_invalid(exc)) from None
    assert user.id is not None
    context = ChatContext(user_id=user.id, timezone=tz.key, request_id=current_request_id())
    server: TodoChatKitServer = request.app.state.chat_server
    await _check(parsed, server, context)
    if is_streaming_req(parsed):  # a turn of the assistant: what costs model calls
        limiter: RateLimiter = request.app.state.rate_limiter
        await limiter.check_chat_turn(user.id)

    try:
        result = await server.handle(parsed, context)
    except NotFoundError:  # e.g. a paging cursor ("after") that names nothing of the caller's
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Not found") from None
    if isinstance(result, StreamingResult):
        streams: DetachedStreams = request.app.state.chat_streams
        return StreamingResponse(
            streams.relay(_errors_in_band(result)),
            media_type="text/event-stream",
            headers=SSE_HEADERS,
        )
    return Response(result.json, media_type="application/json")


async def _errors_in_band(source: AsyncIterable[bytes]) -> AsyncIterator[bytes]:
    """ChatKit turns errors inside a reply into error events itself, but not those around it
    (saving the thread or the user's message, e.g. while the database is away): those would
    cut the stream. End it with an error event instead, which the widget shows with a retry."""
    try:
        async for chunk in source:
            yield chunk
    except Exception:
        log.exception("chat stream failed")
        event = ErrorEvent(message=STREAM_FAILED, allow_retry=True)
        yield b"data: " + event.model_dump_json().encode() + b"\n\n"


async def _read_body(request: Request) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise _too_large()
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY_BYTES:
            raise _too_large()
    if not body.strip():
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Request body is empty")
    return bytes(body)


def _too_large() -> HTTPException:
    return HTTPException(
        status.HTTP_413_CONTENT_TOO_LARGE,
        f"Request body is larger than {MAX_BODY_BYTES // 1024} KiB",
    )


def describe_invalid(exc: ValidationError) -> str:
    error = exc.errors()[0]
    match error["type"]:
        case "json_invalid" | "json_type":
            return "Request body is not valid JSON"
        case "union_tag_not_found" | "model_attributes_type" | "model_type" | "dict_type":
            return "Request must be a JSON object with a 'type' naming a ChatKit operation"
        case "union_tag_invalid":
            return f"Unknown ChatKit request type {error.get('input', {}).get('type')!r}"[:200]
    # Skip the discriminator step ("threads.create") in the location.
    loc = ".".join(str(p) for p in error["loc"][1:]) or "request"
    return f"Invalid ChatKit request: {loc}: {error['msg']}"


async def _check(req: ChatKitReq, server: TodoChatKitServer, context: ChatContext) -> None:
    """Refuse, with the right status, what would otherwise fail inside the SDK or the stream."""
    params = req.params
    if not all(_ID.match(i) for i in _ids_in(params)):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Conversation not found")
    item = None
    try:
        if thread_id := getattr(params, "thread_id", None):
            await server.store.load_thread(thread_id, context)
            if item_id := getattr(params, "item_id", None):
                item = await server.store.load_item(thread_id, item_id, context)
    except NotFoundError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Conversation not found") from None
    # The SDK would fail inside the stream (an in-band error and a traceback in the log).
    if isinstance(req, ThreadsRetryAfterItemReq) and getattr(item, "type", None) != "user_message":
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "Only a message you sent can be retried")
    if reason := UNSUPPORTED.get(req.type):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, reason)
    if isinstance(req, ThreadsCreateReq | ThreadsAddUserMessageReq):
        _check_message(req.params.input)
    if isinstance(req, ThreadsUpdateReq):
        _check_title(req.params.title)
    if isinstance(req, ThreadsCustomActionReq):  # the widget offered it; its task is yours
        try:
            await server.check_action(
                req.params.thread_id, req.params.item_id, req.params.action, context
            )
        except ActionRefused as refused:
            raise HTTPException(refused.status, refused.message) from None
    if (limit := getattr(params, "limit", None)) is not None and limit > MAX_PAGE_SIZE:
        raise HTTPException(
            status.HTTP_400_BAD_REQUEST,
            f"Invalid ChatKit request: params.limit: at most {MAX_PAGE_SIZE}",
        )


def _check_title(title: str) -> None:
    if len(title) > MAX_TITLE_CHARS:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"Title is too long: at most {MAX_TITLE_CHARS} characters",
        )
    if has_control_chars(title):  # line breaks, tabs and escapes included: a title is one line
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, "Title must not contain control characters"
        )


def _ids_in(params: object) -> list[str]:
    ids = [getattr(params, name, None) for name in ("thread_id", "item_id", "after")]
    ids += getattr(params, "item_ids", None) or []
    return [i for i in ids if i is not None]


def _check_message(message: UserMessageInput) -> None:
    # Nothing stores attachments, and the model input has no place for tags: refused here
    # rather than saved into the thread, where they would break every later turn.
    if message.attachments:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, UNSUPPORTED["attachments.create"])
    if any(isinstance(part, UserMessageTagContent) for part in message.content):
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT, "Tagged mentions are not supported"
        )
    text = "".join(getattr(part, "text", "") for part in message.content)
    text += message.quoted_text or ""
    if len(text) > MAX_MESSAGE_CHARS:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"Your message is {len(text):,} characters long; the limit is {MAX_MESSAGE_CHARS:,}. "
            "Please shorten it.",
        )
    if not text.strip():
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "Your message is empty")
