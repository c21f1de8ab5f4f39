"""TodoChatKitServer: one assistant turn, from the stored thread to a stream of ChatKit events."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

from agents import Agent, RunContextWrapper, RunHooks, Runner, Tool
from agents.exceptions import AgentsException, MaxTurnsExceeded
from agents.models.fake_id import FAKE_RESPONSES_ID
from agents.tool_context import ToolContext
from chatkit.agents import AgentContext, ThreadItemConverter, stream_agent_response
from chatkit.errors import CustomStreamError
from chatkit.server import ChatKitServer, NonStreamingResult, StreamingResult
from chatkit.types import (
    ChatKitReq,
    ClientEffectEvent,
    HiddenContextItem,
    ProgressUpdateEvent,
    ThreadItemAddedEvent,
    ThreadItemDoneEvent,
    ThreadItemUpdatedEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    UserMessageItem,
    is_streaming_req,
)
from openai import APIError, APITimeoutError
from openai.types.responses import ResponseInputTextParam
from openai.types.responses.response_input_item_param import Message
from pydantic import TypeAdapter
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.assistant import confirmations
from backend.assistant.agent import TodoAgentContext, run_config_for, today_in
from backend.assistant.results import TOOL_RESULT_PREFIX, parse_json, read_result
from backend.assistant.titles import TitleWriter
from backend.chat.context import ChatContext
from backend.chat.store import SQLStore

log = logging.getLogger(__name__)

TASKS_CHANGED = "tasks.changed"
HISTORY_ITEMS = 40  # the newest items the agent sees; older ones stay stored but unread
MAX_TURNS = 8  # model calls per user message: enough for list → act → answer, several times

UNAVAILABLE = (
    "The assistant is unavailable right now. Your message is saved; try again in a moment."
)
TOO_SLOW = "The assistant took too long to answer. Your message is saved; try again."
GAVE_UP = "The assistant could not finish this request. Try saying it differently."
TOOL_FAILED = "Something went wrong while working on your tasks. Your message is saved; try again."

# Built once: the SDK's ``process`` builds this adapter (a schema of the whole request union)
# on every call, about 4 ms of CPU, the largest single cost of a turn before this.
CHATKIT_REQUEST: TypeAdapter[ChatKitReq] = TypeAdapter(ChatKitReq)


class ToolCrashed(Exception):
    """A tool failed through no fault of the request: end the turn with an error."""


class ToolResultConverter(ThreadItemConverter):
    """Earlier turns' tool results (stored as hidden items) go back to the model as context."""

    async def hidden_context_to_input(self, item: HiddenContextItem) -> Message | None:
        content = item.content if isinstance(item.content, str) else json.dumps(item.content)
        return Message(
            type="message",
            role="user",
            content=[ResponseInputTextParam(type="input_text", text=TOOL_RESULT_PREFIX + content)],
        )


class TurnHooks(RunHooks[TodoAgentContext]):
    """Make tool calls visible: progress while they run; effects and a record when done."""

    async def on_tool_start(
        self, context: RunContextWrapper[TodoAgentContext], agent: Agent[Any], tool: Tool
    ) -> None:
        args = _tool_arguments(context)
        await context.context.stream(
            ProgressUpdateEvent(icon="sparkle", text=describe_tool_call(tool.name, args))
        )

    async def on_tool_end(
        self,
        context: RunContextWrapper[TodoAgentContext],
        agent: Agent[Any],
        tool: Tool,
        result: object,
    ) -> None:
        ctx = context.context
        outcome, output = read_result(result)
        if outcome.error is not None and outcome.error.kind == "internal":
            raise ToolCrashed(tool.name)
        changed = outcome.changed_task_ids
        if changed:
            ctx.changed_task_ids.update(changed)
            await ctx.stream(ClientEffectEvent(name=TASKS_CHANGED, data={"task_ids": changed}))
        # Stored, never shown: lets the next turn say "it" about a task from this one.
        record = {"tool": tool.name, "arguments": _tool_arguments(context), "result": output}
        await ctx.stream(
            ThreadItemDoneEvent(
                item=HiddenContextItem(
                    id=ctx.generate_id("message"),
                    thread_id=ctx.thread.id,
                    created_at=datetime.now(),
                    content=json.dumps(record, separators=(",", ":")),
                )
            )
        )


def describe_tool_call(tool: str, args: dict[str, Any]) -> str:
    title = args.get("title")
    match tool:
        case "add_task":
            return f"Adding '{title}'…" if title else "Adding a task…"
        case "list_tasks":
            return "Looking through your tasks…"
        case "complete_task":
            return "Reopening the task…" if args.get("completed") is False else "Marking it done…"
        case "update_task":
            return "Updating the task…"
        case "delete_task":
            return "Deleting…" if args.get("confirm") else "Checking what would be deleted…"
    return f"Running {tool}…"


class TodoChatKitServer(ChatKitServer[ChatContext]):
    def __init__(
        self,
        store: SQLStore,
        agent: Agent[TodoAgentContext],
        sessionmaker: async_sessionmaker[AsyncSession],
        titles: TitleWriter,
        *,
        turn_timeout: float = 90.0,
    ) -> None:
        super().__init__(store)
        self.sql_store = store
        self.agent = agent
        self.sessionmaker = sessionmaker
        self.titles = titles
        self.turn_timeout = turn_timeout
        self.converter = ToolResultConverter()
        self.hooks = TurnHooks()

    async def warm_up(self) -> None:
        """At startup, not in a user's first turn: convert the tools once and let the model
        load what it loads lazily."""
        await self.agent.get_mcp_tools(RunContextWrapper(context=None))
        for server in self.agent.mcp_servers:  # no caller: refused before any data is read,
            await server.call_tool("list_tasks", {})  # but the result types are built now
        model_warm_up = getattr(self.agent.model, "warm_up", None)
        if callable(model_warm_up):
            await model_warm_up()

    async def process(
        self, request: str | bytes | bytearray, context: ChatContext
    ) -> StreamingResult | NonStreamingResult:
        return await self.handle(CHATKIT_REQUEST.validate_json(request), context)

    async def handle(
        self, request: ChatKitReq, context: ChatContext
    ) -> StreamingResult | NonStreamingResult:
        """``process`` for a request the caller has already parsed (and checked)."""
        if is_streaming_req(request):
            return StreamingResult(self._process_streaming(request, context))
        return NonStreamingResult(await self._process_non_streaming(request, context))

    async def respond(
        self,
        thread: ThreadMetadata,
        input_user_message: UserMessageItem | None,
        context: ChatContext,
    ) -> AsyncIterator[ThreadStreamEvent]:
        history = await self.sql_store.load_recent_items(thread.id, HISTORY_ITEMS, context)
        turn_id = input_user_message.id if input_user_message else _last_user_message_id(history)
        title_task = None
        if thread.title is None and input_user_message is not None:
            title_task = asyncio.create_task(self.titles.title_for(_text_of(input_user_message)))

        if turn_id is not None:  # before the model: a request this turn may not answer lapses
            async with self.sessionmaker() as session:
                await confirmations.begin_turn(session, context.user_id, thread.id, turn_id)
        agent_ctx = TodoAgentContext(
            thread=thread,
            store=self.store,
            request_context=context,
            turn_id=turn_id,
            today=today_in(context.timezone),
        )
        result = Runner.run_streamed(
            self.agent,
            await self.converter.to_agent_input(history),
            context=agent_ctx,
            max_turns=MAX_TURNS,
            hooks=self.hooks,
            run_config=run_config_for(self.agent, agent_ctx),
        )
        try:
            async with asyncio.timeout(self.turn_timeout):
                events = _unique_message_ids(agent_ctx, stream_agent_response(agent_ctx, result))
                async for event in events:
                    yield event
        except TimeoutError:
            raise CustomStreamError(TOO_SLOW, allow_retry=True) from None
        except ToolCrashed:
            raise CustomStreamError(TOOL_FAILED, allow_retry=True) from None
        except MaxTurnsExceeded:
            raise CustomStreamError(GAVE_UP, allow_retry=True) from None
        except (APIError, APITimeoutError, AgentsException, ConnectionError) as exc:
            if _caused_by(exc, ToolCrashed):  # the SDK wraps errors raised in hooks
                raise CustomStreamError(TOOL_FAILED, allow_retry=True) from None
            log.warning("model provider failed: %s", type(exc).__name__)
            raise CustomStreamError(UNAVAILABLE, allow_retry=True) from None
        except asyncio.CancelledError:
            if title_task is not None:
                title_task.cancel()
                title_task = None
            raise
        finally:
            result.cancel()  # the client may be gone: stop calling the model and the tools
            if title_task is not None:  # never raises: falls back to a heuristic title
                thread.title = await title_task
            if turn_id is not None:
                async with self.sessionmaker() as session:
                    await confirmations.end_turn(session, context.user_id, thread.id, turn_id)


async def _unique_message_ids(
    ctx: AgentContext[ChatContext], events: AsyncIterator[ThreadStreamEvent]
) -> AsyncIterator[ThreadStreamEvent]:
    """Chat Completions models give every message the same placeholder id; ChatKit keys items
    by id, so replace it with a fresh one per message."""
    current: str | None = None
    async for event in events:
        if isinstance(event, ThreadItemAddedEvent) and event.item.id == FAKE_RESPONSES_ID:
            current = ctx.generate_id("message")
            event.item.id = current
        elif isinstance(event, ThreadItemUpdatedEvent) and event.item_id == FAKE_RESPONSES_ID:
            event.item_id = current or event.item_id
        elif isinstance(event, ThreadItemDoneEvent) and event.item.id == FAKE_RESPONSES_ID:
            event.item.id = current or ctx.generate_id("message")
            current = None
        yield event


def _text_of(message: UserMessageItem) -> str:
    return "".join(getattr(part, "text", "") for part in message.content).strip()


def _last_user_message_id(items: list[Any]) -> str | None:
    return next((i.id for i in reversed(items) if isinstance(i, UserMessageItem)), None)


def _tool_arguments(context: RunContextWrapper[Any]) -> dict[str, Any]:
    raw = context.tool_arguments if isinstance(context, ToolContext) else None
    parsed = parse_json(raw)
    return parsed if isinstance(parsed, dict) else {}


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False
