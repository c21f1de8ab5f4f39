"""OfflineModel: an openai-agents ``Model`` that answers with rules instead of a network call.

It speaks the same protocol as a real model (function calls, then a streamed message), so the
agent, the MCP tools and ChatKit run exactly as they do with OpenAI.
"""

from __future__ import annotations

import copy
import json
import re
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from typing import Any

from agents import ModelResponse, Usage
from agents.models.interface import Model
from openai.types.responses import (
    Response,
    ResponseCompletedEvent,
    ResponseContentPartAddedEvent,
    ResponseContentPartDoneEvent,
    ResponseCreatedEvent,
    ResponseFunctionToolCall,
    ResponseOutputItemAddedEvent,
    ResponseOutputItemDoneEvent,
    ResponseOutputMessage,
    ResponseOutputText,
    ResponseStreamEvent,
    ResponseTextDeltaEvent,
    ResponseTextDoneEvent,
)

from backend.assistant.offline.brain import Decision, decide
from backend.assistant.offline.classifier import load as load_classifier
from backend.assistant.offline.conversation import read_conversation
from backend.assistant.offline.dates import warm_up

OutputItem = ResponseFunctionToolCall | ResponseOutputMessage
MODEL_NAME = "offline"


def _new_id(prefix: str) -> str:
    return f"{prefix}_{uuid.uuid4().hex}"


def _output(decision: Decision) -> list[OutputItem]:
    if decision.calls:
        return [
            ResponseFunctionToolCall(
                id=_new_id("fc"),
                call_id=_new_id("call"),
                type="function_call",
                name=call.name,
                arguments=json.dumps(call.arguments),
                status="completed",
            )
            for call in decision.calls
        ]
    return [
        ResponseOutputMessage(
            id=_new_id("msg"),
            type="message",
            role="assistant",
            status="completed",
            content=[ResponseOutputText(type="output_text", text=decision.reply, annotations=[])],
        )
    ]


def _response(output: list[OutputItem]) -> Response:
    return Response(
        id=_new_id("resp"),
        created_at=0,
        model=MODEL_NAME,
        object="response",
        output=list(output),
        tool_choice="auto",
        tools=[],
        parallel_tool_calls=True,
        status="completed",
    )


def _decide(input: Any, today: date | None, hybrid: bool = False) -> list[OutputItem]:
    return _output(decide(read_conversation(input), today or datetime.now(UTC).date(), hybrid))


def _chunks(text: str) -> list[str]:
    """Word-sized deltas, so the reply streams like a real model's."""
    return re.findall(r"\S+\s*|\s+", text) or [text]


# Messages that exercise every stage of a decision (dates, typos, matching, replies).
_WARM_UP = ["add buy milk tomorrow at 5pm #home, high priority", "mark milk done", "what's due?"]


class OfflineModel(Model):
    """``today`` is the user's date for one turn: the run context gives it (``for_turn``);
    never read out of the prompt's wording. ``intents``: "rules", or "hybrid" (the rules with
    the intent classifier, ``classifier/``; its model is loaded now, so a missing file fails at
    startup, not mid-turn)."""

    def __init__(self, today: date | None = None, intents: str = "rules") -> None:
        warm_up()  # the date library loads its data on first use: do it now, not mid-reply
        self.today = today
        self.hybrid = intents == "hybrid"
        if self.hybrid:
            load_classifier()

    def for_turn(self, today: date) -> OfflineModel:
        turn = copy.copy(self)
        turn.today = today
        return turn

    async def warm_up(self) -> None:
        """Answer a few messages once, at startup, so the first user's turn does not pay for
        lazy imports, compiled patterns, the date library's data and the response types'
        schemas (pydantic builds them on first use: ~0.5 s)."""
        for text in _WARM_UP:
            async for _ in self.stream_response(None, text):
                pass

    async def get_response(
        self, system_instructions: Any, input: Any, *args: Any, **kwargs: Any
    ) -> ModelResponse:
        output = _decide(input, self.today, self.hybrid)
        return ModelResponse(output=list(output), usage=Usage(), response_id=None)

    async def stream_response(
        self, system_instructions: Any, input: Any, *args: Any, **kwargs: Any
    ) -> AsyncIterator[ResponseStreamEvent]:
        output = _decide(input, self.today, self.hybrid)
        seq = iter(range(1_000_000))
        yield ResponseCreatedEvent(
            type="response.created", response=_response([]), sequence_number=next(seq)
        )
        for index, item in enumerate(output):
            if isinstance(item, ResponseFunctionToolCall):
                yield ResponseOutputItemAddedEvent(
                    type="response.output_item.added",
                    item=item,
                    output_index=index,
                    sequence_number=next(seq),
                )
            else:
                async for event in _stream_message(item, index, seq):
                    yield event
            yield ResponseOutputItemDoneEvent(
                type="response.output_item.done",
                item=item,
                output_index=index,
                sequence_number=next(seq),
            )
        yield ResponseCompletedEvent(
            type="response.completed", response=_response(output), sequence_number=next(seq)
        )


async def _stream_message(
    item: ResponseOutputMessage, index: int, seq: Any
) -> AsyncIterator[ResponseStreamEvent]:
    text = item.content[0].text  # type: ignore[union-attr]
    part = ResponseOutputText(type="output_text", text="", annotations=[])
    yield ResponseOutputItemAddedEvent(
        type="response.output_item.added",
        item=item.model_copy(update={"content": [], "status": "in_progress"}),
        output_index=index,
        sequence_number=next(seq),
    )
    yield ResponseContentPartAddedEvent(
        type="response.content_part.added",
        item_id=item.id,
        output_index=index,
        content_index=0,
        part=part,
        sequence_number=next(seq),
    )
    for chunk in _chunks(text):
        yield ResponseTextDeltaEvent(
            type="response.output_text.delta",
            item_id=item.id,
            output_index=index,
            content_index=0,
            delta=chunk,
            logprobs=[],
            sequence_number=next(seq),
        )
    yield ResponseTextDoneEvent(
        type="response.output_text.done",
        item_id=item.id,
        output_index=index,
        content_index=0,
        text=text,
        logprobs=[],
        sequence_number=next(seq),
    )
    yield ResponseContentPartDoneEvent(
        type="response.content_part.done",
        item_id=item.id,
        output_index=index,
        content_index=0,
        part=item.content[0],
        sequence_number=next(seq),
    )
