"""Models for the fault tests: a reply that stops halfway until the test lets it go on.

``GatedModel(gate)`` streams ``PARTIAL``, then awaits ``gate()`` (an event the test sets, or
nothing ever, for a process that is going to be killed), then finishes the reply. The test
watches the stream for ``PARTIAL``: that is "mid-stream", reached without sleeping.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from agents import ModelResponse, Usage
from agents.models.interface import Model
from openai.types.responses import (
    Response,
    ResponseCompletedEvent,
    ResponseContentPartAddedEvent,
    ResponseCreatedEvent,
    ResponseOutputItemAddedEvent,
    ResponseOutputItemDoneEvent,
    ResponseOutputMessage,
    ResponseOutputText,
    ResponseStreamEvent,
    ResponseTextDeltaEvent,
)

PARTIAL = "Half of an answer"
REST = " and the other half."
HANG = "[hang]"  # a user message with this makes the subprocess model hang (tests/fault_server.py)
# The first reply to a user message with this fails as if the provider were down; a retry works.
FAIL_ONCE = "[fail-once]"


def _response(output: list[Any]) -> Response:
    return Response(
        id=f"resp_{uuid.uuid4().hex}",
        created_at=0,
        model="gated",
        object="response",
        output=output,
        tool_choice="auto",
        tools=[],
        parallel_tool_calls=True,
        status="completed",
    )


def _message(text: str, status: Any = "completed") -> ResponseOutputMessage:
    return ResponseOutputMessage(
        id=f"msg_{uuid.uuid4().hex}",
        type="message",
        role="assistant",
        status=status,
        content=[ResponseOutputText(type="output_text", text=text, annotations=[])] if text else [],
    )


async def forever() -> None:
    await asyncio.Event().wait()


class GatedModel(Model):
    def __init__(self, gate: Callable[[], Awaitable[None]] = forever) -> None:
        self.gate = gate
        self.calls = 0

    async def get_response(self, *args: Any, **kwargs: Any) -> ModelResponse:
        return ModelResponse(output=[_message(PARTIAL + REST)], usage=Usage(), response_id=None)

    async def stream_response(
        self, *args: Any, **kwargs: Any
    ) -> AsyncIterator[ResponseStreamEvent]:
        self.calls += 1
        done = _message(PARTIAL + REST)
        n = iter(range(100))
        yield ResponseCreatedEvent(
            type="response.created", response=_response([]), sequence_number=next(n)
        )
        yield ResponseOutputItemAddedEvent(
            type="response.output_item.added",
            item=done.model_copy(update={"content": [], "status": "in_progress"}),
            output_index=0,
            sequence_number=next(n),
        )
        yield ResponseContentPartAddedEvent(
            type="response.content_part.added",
            item_id=done.id,
            output_index=0,
            content_index=0,
            part=ResponseOutputText(type="output_text", text="", annotations=[]),
            sequence_number=next(n),
        )
        for delta in (PARTIAL, REST):
            yield ResponseTextDeltaEvent(
                type="response.output_text.delta",
                item_id=done.id,
                output_index=0,
                content_index=0,
                delta=delta,
                logprobs=[],
                sequence_number=next(n),
            )
            if delta == PARTIAL:
                await self.gate()
        yield ResponseOutputItemDoneEvent(
            type="response.output_item.done", item=done, output_index=0, sequence_number=next(n)
        )
        yield ResponseCompletedEvent(
            type="response.completed", response=_response([done]), sequence_number=next(n)
        )


def last_user_text(input: Any) -> str:
    if isinstance(input, str):
        return input
    for item in reversed(input or []):
        if isinstance(item, dict) and item.get("role") == "user":
            content = item.get("content")
            if isinstance(content, str):
                return content
            return " ".join(str(p.get("text", "")) for p in content or [] if isinstance(p, dict))
    return ""


async def provider_down() -> AsyncIterator[ResponseStreamEvent]:
    raise ConnectionError("the model provider is unreachable")
    yield  # an async generator, like a real stream  # pragma: no cover


class HangOnMarker(Model):
    """The given model, except that a user message containing HANG gets a reply that stops
    after PARTIAL and never goes on (until the process is killed), and one containing
    FAIL_ONCE fails the first time it is answered."""

    def __init__(self, inner: Model) -> None:
        self.inner = inner
        self.gated = GatedModel(forever)
        self.failed: set[str] = set()

    async def get_response(self, *args: Any, **kwargs: Any) -> ModelResponse:
        return await self.inner.get_response(*args, **kwargs)

    def stream_response(
        self, system_instructions: Any, input: Any, *args: Any, **kwargs: Any
    ) -> AsyncIterator[ResponseStreamEvent]:
        text = last_user_text(input)
        if FAIL_ONCE in text and text not in self.failed:
            self.failed.add(text)
            return provider_down()
        model = self.gated if HANG in text else self.inner
        return model.stream_response(system_instructions, input, *args, **kwargs)
