"""TodoChatKitServer: one assistant turn, from the stored thread to a stream of ChatKit events."""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from datetime import date, datetime
from typing import Any

from agents import Agent, RunContextWrapper, RunHooks, Runner, Tool
from agents.exceptions import AgentsException, MaxTurnsExceeded
from agents.models.fake_id import FAKE_RESPONSES_ID
from agents.tool_context import ToolContext
from chatkit.actions import Action
from chatkit.agents import AgentContext, ThreadItemConverter, stream_agent_response
from chatkit.errors import CustomStreamError
from chatkit.server import ChatKitServer, NonStreamingResult, StreamingResult
from chatkit.store import NotFoundError
from chatkit.types import (
    AssistantMessageItem,
    ChatKitReq,
    ClientEffectEvent,
    HiddenContextItem,
    ProgressUpdateEvent,
    ThreadItemAddedEvent,
    ThreadItemDoneEvent,
    ThreadItemReplacedEvent,
    ThreadItemUpdatedEvent,
    ThreadMetadata,
    ThreadStreamEvent,
    UserMessageItem,
    WidgetItem,
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
from backend.auth.deps import parse_timezone
from backend.chat import widgets
from backend.chat.context import ChatContext
from backend.chat.store import SQLStore
from backend.tasks import changes
from backend.tasks.changes import ChangeRecorder
from backend.tasks.exceptions import TaskError
from backend.tasks.schemas import TaskPublic
from backend.tasks.service import UTC_ZONE, TaskService

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

    async def widget_to_input(self, item: WidgetItem) -> None:
        # A widget repeats what the reply before it says (and the tool results behind it).
        return None


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
        # A list is shown as a widget after the reply when listing was the turn's last word
        # (not, say, the lookup before a delete's question).
        ctx.listed_tasks = (
            [TaskPublic.model_validate(t) for t in output.get("tasks", [])]
            if tool.name == "list_tasks" and outcome.ok
            else None
        )
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
        case "undo_last_change":
            return "Undoing the last change…"
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

        async with self.sessionmaker() as session:
            if turn_id is not None:  # before the model: a request this turn may not answer lapses
                await confirmations.begin_turn(session, context.user_id, thread.id, turn_id)
            # Every change this turn makes (however many tool calls) lands in one change set.
            change_set_id = await changes.open_change_set(
                session, context.user_id, "chat", thread.id
            )
        agent_ctx = TodoAgentContext(
            thread=thread,
            store=self.store,
            request_context=context,
            turn_id=turn_id,
            change_set_id=change_set_id,
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
        reply: list[str] = []
        try:
            async with asyncio.timeout(self.turn_timeout):
                events = _unique_message_ids(agent_ctx, stream_agent_response(agent_ctx, result))
                async for event in events:
                    if isinstance(event, ThreadItemDoneEvent) and isinstance(
                        event.item, AssistantMessageItem
                    ):
                        reply += [part.text for part in event.item.content]
                    yield event
            if widget := await self._closing_widget(agent_ctx, " ".join(reply)):
                yield ThreadItemDoneEvent(item=widget)
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
            async with self.sessionmaker() as session:
                await changes.drop_if_empty(session, context.user_id, change_set_id)
                if turn_id is not None:
                    await confirmations.end_turn(session, context.user_id, thread.id, turn_id)

    async def _closing_widget(self, ctx: TodoAgentContext, reply: str) -> WidgetItem | None:
        """After the reply: Undo when the turn changed tasks, else the tasks it listed."""
        assert ctx.change_set_id is not None
        summary = ""
        if ctx.changed_task_ids:  # else nothing can be in the turn's change set: no query
            async with self.sessionmaker() as session:
                summary = await changes.summarise(session, ctx.change_set_id)
        if summary:
            return self._widget_item(ctx, widgets.undo_card(ctx.change_set_id, summary), summary)
        if not ctx.listed_tasks:
            return None
        # The tasks the reply names (a model may list broadly and answer about a few).
        low = reply.lower()
        shown = [t for t in ctx.listed_tasks if t.title.lower() in low] or ctx.listed_tasks
        return self._widget_item(
            ctx, widgets.task_list(shown, ctx.today), widgets.list_text(shown, ctx.today)
        )

    def _widget_item(
        self, ctx: TodoAgentContext, widget: widgets.DynamicWidgetRoot, copy_text: str
    ) -> WidgetItem:
        return WidgetItem(
            id=ctx.generate_id("message"),
            thread_id=ctx.thread.id,
            created_at=datetime.now(),
            widget=widget,
            copy_text=copy_text,
        )

    # ---- widget actions: threads.custom_action ----------------------------------------

    async def check_action(
        self, thread_id: str, item_id: str | None, action: Action[str, Any], context: ChatContext
    ) -> widgets.Node:
        """The action as the widget offered it, when the request may run it; else
        ``ActionRefused`` with the status and a message. Nothing has changed either way."""
        if item_id is None:
            raise ActionRefused(400, "An action must come from a widget in the conversation")
        try:
            item = await self.store.load_item(thread_id, item_id, context)
        except NotFoundError:
            raise ActionRefused(404, "Conversation not found") from None
        if not isinstance(item, WidgetItem):
            raise ActionRefused(400, "Only a widget's own buttons can send actions")
        # Exactly an action this widget offered: its type, and every payload field it set
        # (the client may add fields of its own, e.g. a checkbox's value; none is ever read).
        sent = action.payload if isinstance(action.payload, dict) else {}
        offered = next(
            (
                a
                for a in widgets.offered_actions(item.widget)
                if a["type"] == action.type
                and isinstance(a["payload"], dict)
                and all(sent.get(k) == v for k, v in a["payload"].items())
            ),
            None,
        )
        if offered is None:
            raise ActionRefused(400, "This widget does not offer that action (any more)")
        async with self.sessionmaker() as session:
            try:
                if offered["type"] == widgets.TOGGLE:
                    await TaskService(session, context.user_id).get(offered["payload"]["task_id"])
                elif offered["type"] == widgets.UNDO:
                    change = await changes.get_change_set(
                        session, context.user_id, offered["payload"]["change_id"]
                    )
                    if change.undone_at is not None:
                        raise ActionRefused(409, changes.ALREADY_UNDONE)
            except TaskError as exc:  # not the user's task or change: as if it did not exist
                raise ActionRefused(exc.status_code, exc.detail) from None
        return offered

    async def action(
        self,
        thread: ThreadMetadata,
        action: Action[str, Any],
        sender: WidgetItem | None,
        context: ChatContext,
    ) -> AsyncIterator[ThreadStreamEvent]:
        # Checked again here (the route checked before the stream began): only what the
        # widget offered is acted on, with the payload it offered.
        try:
            offered = await self.check_action(
                thread.id, sender.id if sender else None, action, context
            )
        except ActionRefused as refused:
            raise CustomStreamError(refused.message, allow_retry=False) from None
        assert sender is not None
        today = today_in(context.timezone)
        try:
            async with self.sessionmaker() as session:
                if offered["type"] == widgets.TOGGLE:
                    task_id: int = offered["payload"]["task_id"]
                    recorder = ChangeRecorder(context.user_id, "widget", thread.id)
                    tz = parse_timezone(context.timezone) or UTC_ZONE
                    service = TaskService(session, context.user_id, tz, changes=recorder)
                    task = await service.get(task_id)
                    task = await service.set_completed(task_id, not task.completed)
                    verb = "Marked" if task.completed else "Reopened"
                    done = " done" if task.completed else ""
                    assert recorder.change_set_id is not None
                    footer: widgets.UndoOffer | widgets.Note = widgets.UndoOffer(
                        change_id=recorder.change_set_id, text=f"{verb} '{task.title}'{done}."
                    )
                    changed = [task_id]
                else:
                    undone = await changes.undo(
                        session, context.user_id, offered["payload"]["change_id"], "widget",
                        thread.id,
                    )  # fmt: skip
                    footer = widgets.Note(text=changes.describe(undone))
                    changed = undone.result.undone
                redrawn = await self._redraw(session, sender, footer, context, today)
        except TaskError as exc:  # e.g. undone elsewhere a moment ago
            raise CustomStreamError(exc.detail, allow_retry=False) from None
        yield ThreadItemReplacedEvent(item=redrawn)
        if changed:
            yield ClientEffectEvent(name=TASKS_CHANGED, data={"task_ids": changed})

    async def _redraw(
        self,
        session: AsyncSession,
        item: WidgetItem,
        footer: widgets.UndoOffer | widgets.Note,
        context: ChatContext,
        today: date,
    ) -> WidgetItem:
        """The widget again, as the tasks are now: a task list keeps its tasks (those that
        still exist), with the footer; an Undo card becomes the footer alone."""
        ids = widgets.listed_task_ids(item.widget)
        if not ids:
            widget = (
                widgets.note_card(footer.text)
                if isinstance(footer, widgets.Note)
                else widgets.undo_card(footer.change_id, footer.text)
            )
            return item.model_copy(update={"widget": widget, "copy_text": footer.text})
        service = TaskService(session, context.user_id)
        tasks = []
        for task_id in ids:
            try:
                tasks.append(await service.get(task_id))
            except TaskError:
                continue  # deleted since: no longer listed
        widget = widgets.task_list(tasks, today, footer)
        return item.model_copy(
            update={"widget": widget, "copy_text": widgets.list_text(tasks, today)}
        )


class ActionRefused(Exception):
    """A widget action that may not run: the HTTP status and a message for people."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


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
