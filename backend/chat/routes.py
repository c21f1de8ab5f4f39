"""``POST /api/chatkit``: the ChatKit protocol, with real HTTP errors decided before any stream.

The SDK answers a malformed body or a missing thread with a 500 or a dropped stream, so every
request is parsed and checked here first: 400 for a bad body, 404 for a thread or item that is
not the caller's, 413/422 for oversize input.
"""

from __future__ import annotations

from chatkit.server import StreamingResult
from chatkit.store import NotFoundError
from chatkit.types import (
    ChatKitReq,
    ThreadsAddUserMessageReq,
    ThreadsCreateReq,
    ThreadsUpdateReq,
    UserMessageInput,
)
from fastapi import APIRouter, HTTPException, Request, Response, status
from fastapi.responses import StreamingResponse
from pydantic import TypeAdapter, ValidationError

from backend.auth.deps import CurrentUser, UserTimezone
from backend.chat.context import ChatContext
from backend.chat.server import TodoChatKitServer
from backend.chat.streaming import DetachedStreams
from backend.observability import current_request_id

router = APIRouter(prefix="/api", tags=["chat"])

MAX_BODY_BYTES = 256 * 1024
MAX_MESSAGE_CHARS = 10_000
MAX_TITLE_CHARS = 200
# Unbuffered and untransformed all the way to the browser (proxies, Next.js, nginx).
SSE_HEADERS = {"Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no"}

_REQUEST: TypeAdapter[ChatKitReq] = TypeAdapter(ChatKitReq)
# Operations this server has nothing behind (no uploads, no voice, no client tools or
# widgets): refused plainly instead of failing inside the SDK.
UNSUPPORTED = {
    "attachments.create": "File attachments are not supported",
    "attachments.delete": "File attachments are not supported",
    "input.transcribe": "Voice input is not supported",
    "threads.add_client_tool_output": "This assistant has no client-side tools",
    "threads.add_structured_input": "This assistant does not ask for structured input",
    "threads.custom_action": "This assistant has no widget actions",
    "threads.sync_custom_action": "This assistant has no widget actions",
}


@router.post(
    "/chatkit",
    responses={
        200: {"description": "JSON, or a text/event-stream for the streaming operations"},
        400: {"description": "Malformed or invalid ChatKit request"},
        404: {"description": "Thread or item not found"},
        413: {"description": "Request body too large"},
        422: {"description": "Message too long or empty"},
    },
)
async def chatkit(request: Request, user: CurrentUser, tz: UserTimezone) -> Response:
    body = await _read_body(request)
    try:
        parsed = _REQUEST.validate_json(body)
    except ValidationError as exc:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, describe_invalid(exc)) from None
    assert user.id is not None
    context = ChatContext(user_id=user.id, timezone=tz.key, request_id=current_request_id())
    server: TodoChatKitServer = request.app.state.chat_server
    await _check(parsed, server, context)

    try:
        result = await server.process(body, context)
    except NotFoundError:  # e.g. a paging cursor ("after") that names nothing of the caller's
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Not found") from None
    if isinstance(result, StreamingResult):
        streams: DetachedStreams = request.app.state.chat_streams
        return StreamingResponse(
            streams.relay(result), media_type="text/event-stream", headers=SSE_HEADERS
        )
    return Response(result.json, media_type="application/json")


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
    try:
        if thread_id := getattr(params, "thread_id", None):
            await server.store.load_thread(thread_id, context)
            if item_id := getattr(params, "item_id", None):
                await server.store.load_item(thread_id, item_id, context)
    except NotFoundError:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "Conversation not found") from None
    if reason := UNSUPPORTED.get(req.type):
        raise HTTPException(status.HTTP_400_BAD_REQUEST, reason)
    if isinstance(req, ThreadsCreateReq | ThreadsAddUserMessageReq):
        _check_message(req.params.input)
    if isinstance(req, ThreadsUpdateReq) and len(req.params.title) > MAX_TITLE_CHARS:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"Title is too long: at most {MAX_TITLE_CHARS} characters",
        )


def _check_message(message: UserMessageInput) -> None:
    text = "".join(getattr(part, "text", "") for part in message.content)
    if len(text) > MAX_MESSAGE_CHARS:
        raise HTTPException(
            status.HTTP_422_UNPROCESSABLE_CONTENT,
            f"Your message is {len(text):,} characters long; the limit is {MAX_MESSAGE_CHARS:,}. "
            "Please shorten it.",
        )
    if not text.strip() and not message.attachments:
        raise HTTPException(status.HTTP_422_UNPROCESSABLE_CONTENT, "Your message is empty")
