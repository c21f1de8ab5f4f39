"""The durable ChatKit store: exact round trips, keyset pages, and one user never sees another's."""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from chatkit.server import ChatKitServer, NonStreamingResult, StreamingResult
from chatkit.store import NotFoundError
from chatkit.types import (
    AssistantMessageContent,
    AssistantMessageItem,
    ClientToolCallItem,
    FileAttachment,
    HiddenContextItem,
    ImageAttachment,
    InferenceOptions,
    Page,
    SDKHiddenContextItem,
    Thread,
    ThreadItem,
    ThreadMetadata,
    ThreadStreamEvent,
    UserMessageItem,
    UserMessageTextContent,
    WidgetItem,
)
from chatkit.widgets import Card, Col, Text
from fastapi import FastAPI
from pydantic import AnyUrl
from sqlalchemy import func
from sqlmodel import select

from backend.assistant.confirmations import ChatPendingAction
from backend.auth.models import User
from backend.chat.context import ChatContext
from backend.chat.models import ChatItem, ChatThread
from backend.chat.store import ID_PREFIXES, SQLStore

pytestmark = [
    pytest.mark.asyncio,
    # ChatKit deprecates building widgets from its classes (and warns on loading them too).
    pytest.mark.filterwarnings("ignore:Direct usage of named widget classes:DeprecationWarning"),
]

T0 = datetime(2030, 1, 15, 9, 30, 0, 123456)  # naive, as ChatKit stamps them


async def make_user(app: FastAPI, email: str) -> ChatContext:
    async with app.state.sessionmaker() as session:
        user = User(email=email, password_hash="not-a-real-hash")
        session.add(user)
        await session.commit()
        assert user.id is not None
        return ChatContext(user_id=user.id)


@pytest.fixture
def store(app: FastAPI) -> SQLStore:
    return SQLStore(app.state.sessionmaker)


@pytest.fixture
async def ctx_a(app: FastAPI) -> ChatContext:
    return await make_user(app, "a@example.com")


@pytest.fixture
async def ctx_b(app: FastAPI) -> ChatContext:
    return await make_user(app, "b@example.com")


def thread_meta(thread_id: str = "thr_1", created_at: datetime = T0, **kw: Any) -> ThreadMetadata:
    return ThreadMetadata(
        id=thread_id, title="Groceries", created_at=created_at, metadata={"k": [1, "v"]}, **kw
    )


def user_message(
    item_id: str, thread_id: str = "thr_1", created_at: datetime = T0, text: str = "hi"
) -> UserMessageItem:
    return UserMessageItem(
        id=item_id,
        thread_id=thread_id,
        created_at=created_at,
        content=[UserMessageTextContent(text=text)],
        attachments=[],
        inference_options=InferenceOptions(),
    )


def every_kind_of_item(thread_id: str) -> list[ThreadItem]:
    at = [T0 + timedelta(seconds=i) for i in range(6)]
    return [
        UserMessageItem(
            id="msg_user",
            thread_id=thread_id,
            created_at=at[0],
            content=[UserMessageTextContent(text="Remind me to call mom tomorrow")],
            attachments=[
                FileAttachment(
                    id="atc_file",
                    name="list.txt",
                    mime_type="text/plain",
                    thread_id=thread_id,
                    metadata={"source": "upload", "size": 12},
                )
            ],
            quoted_text="call mom",
            inference_options=InferenceOptions(model="offline"),
        ),
        AssistantMessageItem(
            id="msg_assistant",
            thread_id=thread_id,
            created_at=at[1],
            content=[AssistantMessageContent(text="Done: **Call mom** is due tomorrow.")],
        ),
        WidgetItem(
            id="wd_1",
            thread_id=thread_id,
            created_at=at[2],
            widget=Card(
                children=[
                    Col(
                        padding={"x": 4, "y": 3},
                        children=[Text(value="Call mom", weight="medium", size="sm")],
                    )
                ]
            ),
            copy_text="Call mom",
        ),
        ClientToolCallItem(
            id="tc_1",
            thread_id=thread_id,
            created_at=at[3],
            status="completed",
            call_id="call_1",
            name="refresh_tasks",
            arguments={"ids": [1, 2], "nested": {"x": None}},
            output={"ok": True},
        ),
        HiddenContextItem(
            id="hc_1", thread_id=thread_id, created_at=at[4], content={"pending": [3]}
        ),
        SDKHiddenContextItem(
            id="shcx_1", thread_id=thread_id, created_at=at[5], content="user cancelled"
        ),
    ]


async def count(app: FastAPI, model: type[ChatThread] | type[ChatItem]) -> int:
    async with app.state.sessionmaker() as session:
        return (await session.exec(select(func.count()).select_from(model))).one()


class TestRoundTrip:
    async def test_thread_and_every_kind_of_item(self, store: SQLStore, ctx_a: ChatContext):
        thread = thread_meta()
        items = every_kind_of_item(thread.id)
        await store.save_thread(thread, ctx_a)
        for item in items:
            await store.add_thread_item(thread.id, item, ctx_a)

        assert await store.load_thread(thread.id, ctx_a) == thread
        page = await store.load_thread_items(thread.id, None, 20, "asc", ctx_a)
        assert page.data == items and not page.has_more and page.after is None
        for item in items:
            assert await store.load_item(thread.id, item.id, ctx_a) == item

    async def test_aware_timestamps_and_null_title_round_trip(
        self, store: SQLStore, ctx_a: ChatContext
    ):
        plus5 = timezone(timedelta(hours=5))
        thread = ThreadMetadata(
            id="thr_x", title=None, created_at=datetime(2030, 1, 1, tzinfo=plus5)
        )
        await store.save_thread(thread, ctx_a)
        loaded = await store.load_thread("thr_x", ctx_a)
        assert loaded == thread and loaded.created_at.utcoffset() == timedelta(hours=5)

    async def test_attachments(self, store: SQLStore, ctx_a: ChatContext):
        file = FileAttachment(id="atc_f", name="a.txt", mime_type="text/plain", metadata={"a": 1})
        image = ImageAttachment(
            id="atc_i",
            name="a.png",
            mime_type="image/png",
            preview_url=AnyUrl("https://example.com/a.png"),
        )
        for attachment in (file, image):
            await store.save_attachment(attachment, ctx_a)
            assert await store.load_attachment(attachment.id, ctx_a) == attachment

        renamed = file.model_copy(update={"name": "b.txt", "thread_id": "thr_1"})
        await store.save_attachment(renamed, ctx_a)
        assert await store.load_attachment(file.id, ctx_a) == renamed

        await store.delete_attachment(file.id, ctx_a)
        with pytest.raises(NotFoundError):
            await store.load_attachment(file.id, ctx_a)
        assert await store.load_attachment(image.id, ctx_a) == image

    async def test_save_thread_with_items_stores_only_metadata(
        self, app: FastAPI, store: SQLStore, ctx_a: ChatContext
    ):
        meta = thread_meta()
        thread = Thread(**meta.model_dump(), items=Page(data=[user_message("msg_1")]))
        await store.save_thread(thread, ctx_a)

        loaded = await store.load_thread(meta.id, ctx_a)
        assert type(loaded) is ThreadMetadata and loaded == meta
        assert (await store.load_thread_items(meta.id, None, 10, "asc", ctx_a)).data == []
        async with app.state.sessionmaker() as session:
            row = (await session.exec(select(ChatThread))).one()
        assert "items" not in row.data and row.data["id"] == meta.id

    async def test_title_update_is_an_upsert(self, app: FastAPI, store: SQLStore, ctx_a):
        thread = thread_meta()
        await store.save_thread(thread, ctx_a)
        thread.title = "Renamed"
        await store.save_thread(thread, ctx_a)
        assert (await store.load_thread(thread.id, ctx_a)).title == "Renamed"
        assert await count(app, ChatThread) == 1

    async def test_add_thread_item_twice_updates_in_place(
        self, app: FastAPI, store: SQLStore, ctx_a: ChatContext
    ):
        await store.save_thread(thread_meta(), ctx_a)
        await store.add_thread_item("thr_1", user_message("msg_1", text="first"), ctx_a)
        await store.add_thread_item("thr_1", user_message("msg_1", text="second"), ctx_a)
        item = await store.load_item("thr_1", "msg_1", ctx_a)
        assert isinstance(item, UserMessageItem)
        assert item.content == [UserMessageTextContent(text="second")]
        assert await count(app, ChatItem) == 1

        assistant = AssistantMessageItem(id="msg_2", thread_id="thr_1", created_at=T0, content=[])
        await store.save_item("thr_1", assistant, ctx_a)  # save_item inserts too
        assistant.content = [AssistantMessageContent(text="streamed")]
        await store.save_item("thr_1", assistant, ctx_a)
        assert await store.load_item("thr_1", "msg_2", ctx_a) == assistant

    async def test_nul_characters_are_dropped_not_fatal(self, store: SQLStore, ctx_a):
        # PostgreSQL's JSONB rejects U+0000; a user could still type one.
        await store.save_thread(thread_meta(), ctx_a)
        await store.add_thread_item("thr_1", user_message("msg_1", text="a\x00b"), ctx_a)
        item = await store.load_item("thr_1", "msg_1", ctx_a)
        assert isinstance(item, UserMessageItem)
        assert item.content == [UserMessageTextContent(text="ab")]

    async def test_an_escape_written_out_is_text_not_a_nul(self, store: SQLStore, ctx_a):
        # The backslash, "u0000" typed as text: kept exactly, and not taken for a NUL.
        await store.save_thread(thread_meta(), ctx_a)
        text = "a\\u0000b \\\\u0000 \x00"
        await store.add_thread_item("thr_1", user_message("msg_1", text=text), ctx_a)
        item = await store.load_item("thr_1", "msg_1", ctx_a)
        assert isinstance(item, UserMessageItem)
        assert item.content == [UserMessageTextContent(text=text.replace("\x00", ""))]

    async def test_missing_things_are_not_found(self, store: SQLStore, ctx_a: ChatContext):
        with pytest.raises(NotFoundError):
            await store.load_thread("thr_nope", ctx_a)
        with pytest.raises(NotFoundError):  # no such thread to add to
            await store.add_thread_item("thr_nope", user_message("msg_1", "thr_nope"), ctx_a)
        await store.save_thread(thread_meta(), ctx_a)
        with pytest.raises(NotFoundError):
            await store.load_item("thr_1", "msg_nope", ctx_a)
        with pytest.raises(NotFoundError):
            await store.load_attachment("atc_nope", ctx_a)
        # Deleting what is not there is not an error.
        await store.delete_thread_item("thr_1", "msg_nope", ctx_a)
        await store.delete_attachment("atc_nope", ctx_a)
        await store.delete_thread("thr_nope", ctx_a)


class TestPagination:
    @pytest.mark.parametrize("order", ["asc", "desc"])
    async def test_walking_all_pages_returns_each_item_once(
        self, store: SQLStore, ctx_a: ChatContext, order: str
    ):
        await store.save_thread(thread_meta(), ctx_a)
        # 25 items; pairs share a timestamp, so (created_at, id) must break the ties.
        items = [
            user_message(f"msg_{i:02d}", created_at=T0 + timedelta(seconds=i // 2))
            for i in range(25)
        ]
        for item in reversed(items):  # insertion order must not matter
            await store.add_thread_item("thr_1", item, ctx_a)
        expected = [i.id for i in (items if order == "asc" else reversed(items))]

        seen: list[str] = []
        pages: list[tuple[int, bool, str | None]] = []
        after: str | None = None
        while True:
            page = await store.load_thread_items("thr_1", after, 10, order, ctx_a)
            seen += [i.id for i in page.data]
            pages.append((len(page.data), page.has_more, page.after))
            if not page.has_more:
                break
            after = page.after
        assert seen == expected
        assert pages == [(10, True, expected[9]), (10, True, expected[19]), (5, False, None)]

    async def test_an_exact_fit_has_no_more(self, store: SQLStore, ctx_a: ChatContext):
        await store.save_thread(thread_meta(), ctx_a)
        for i in range(10):
            await store.add_thread_item("thr_1", user_message(f"msg_{i}"), ctx_a)
        page = await store.load_thread_items("thr_1", None, 10, "asc", ctx_a)
        assert len(page.data) == 10 and not page.has_more and page.after is None

    @pytest.mark.parametrize("order", ["asc", "desc"])
    async def test_threads_are_listed_by_creation(
        self, store: SQLStore, ctx_a: ChatContext, order: str
    ):
        ids = [f"thr_{i:02d}" for i in range(12)]
        for i, thread_id in enumerate(reversed(ids)):
            await store.save_thread(thread_meta(thread_id, T0 - timedelta(minutes=i)), ctx_a)
        expected = ids if order == "asc" else ids[::-1]
        first = await store.load_threads(5, None, order, ctx_a)
        second = await store.load_threads(5, first.after, order, ctx_a)
        third = await store.load_threads(5, second.after, order, ctx_a)
        assert [t.id for p in (first, second, third) for t in p.data] == expected
        assert (first.has_more, first.after) == (True, expected[4])
        assert (second.has_more, second.after) == (True, expected[9])
        assert (third.has_more, third.after) == (False, None)

    async def test_an_unknown_cursor_is_not_found(
        self, store: SQLStore, ctx_a: ChatContext, ctx_b: ChatContext
    ):
        await store.save_thread(thread_meta(), ctx_a)
        await store.add_thread_item("thr_1", user_message("msg_1"), ctx_a)
        await store.save_thread(thread_meta("thr_b"), ctx_b)
        await store.add_thread_item("thr_b", user_message("msg_b", "thr_b"), ctx_b)
        with pytest.raises(NotFoundError):
            await store.load_thread_items("thr_1", "msg_gone", 10, "asc", ctx_a)
        with pytest.raises(NotFoundError):  # someone else's item is no cursor either
            await store.load_thread_items("thr_1", "msg_b", 10, "asc", ctx_a)
        with pytest.raises(NotFoundError):
            await store.load_threads(10, "thr_b", "asc", ctx_a)

    async def test_load_recent_items(self, store: SQLStore, ctx_a: ChatContext):
        await store.save_thread(thread_meta(), ctx_a)
        items = [user_message(f"msg_{i}", created_at=T0 + timedelta(seconds=i)) for i in range(7)]
        for item in items:
            await store.add_thread_item("thr_1", item, ctx_a)
        assert await store.load_recent_items("thr_1", 3, ctx_a) == items[-3:]
        assert await store.load_recent_items("thr_1", 50, ctx_a) == items
        assert await store.load_recent_items("thr_1", 0, ctx_a) == []


@pytest.fixture
def local_zone() -> Iterator[None]:
    """Run in a local zone far from UTC, where "naive means UTC" would misorder items."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Kolkata"  # +05:30, no daylight saving
    time.tzset()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()


class TestTimestamps:
    async def test_naive_local_times_order_with_aware_ones(
        self, app: FastAPI, store: SQLStore, ctx_a: ChatContext, local_zone: None
    ):
        await store.save_thread(thread_meta(), ctx_a)
        naive_local = datetime(2030, 1, 15, 12, 0)  # 06:30 UTC in Kolkata
        items = [
            user_message("msg_utc_0600", created_at=datetime(2030, 1, 15, 6, 0, tzinfo=UTC)),
            user_message("msg_naive", created_at=naive_local),
            user_message(
                "msg_ny_0200",  # 07:00 UTC
                created_at=datetime(2030, 1, 15, 2, 0, tzinfo=timezone(timedelta(hours=-5))),
            ),
        ]
        for item in reversed(items):
            await store.add_thread_item("thr_1", item, ctx_a)

        page = await store.load_thread_items("thr_1", None, 10, "asc", ctx_a)
        assert page.data == items  # and the naive time came back naive, untouched
        async with app.state.sessionmaker() as session:
            column = (
                await session.exec(select(ChatItem.created_at).where(ChatItem.id == "msg_naive"))
            ).one()
        assert column == datetime(2030, 1, 15, 6, 30, tzinfo=UTC)


class TestConstruction:
    async def test_from_engine(self, app: FastAPI, ctx_a: ChatContext):
        store = SQLStore.from_engine(app.state.engine)
        await store.save_thread(thread_meta(), ctx_a)
        assert await SQLStore(app.state.sessionmaker).load_thread("thr_1", ctx_a) == thread_meta()


class TestIds:
    async def test_full_uuids_with_chatkit_prefixes(self, store: SQLStore, ctx_a: ChatContext):
        thread_id = store.generate_thread_id(ctx_a)
        prefix, hex_part = thread_id.split("_")
        assert prefix == "thr" and len(hex_part) == 32 and int(hex_part, 16) >= 0
        thread = thread_meta(thread_id)
        for kind, prefix in ID_PREFIXES.items():
            if kind == "thread":
                continue
            item_id = store.generate_item_id(kind, thread, ctx_a)
            head, hex_part = item_id.rsplit("_", 1)
            assert head == prefix and len(hex_part) == 32 and int(hex_part, 16) >= 0
        assert {ID_PREFIXES[k] for k in ("message", "tool_call", "task", "workflow")} == {
            "msg",
            "tc",
            "tsk",
            "wf",
        }
        assert len({store.generate_thread_id(ctx_a) for _ in range(100)}) == 100


class TestIsolation:
    async def _a_with_data(self, store: SQLStore, ctx_a: ChatContext) -> list[ThreadItem]:
        await store.save_thread(thread_meta(), ctx_a)
        items = every_kind_of_item("thr_1")
        for item in items:
            await store.add_thread_item("thr_1", item, ctx_a)
        await store.save_attachment(
            FileAttachment(id="atc_a", name="a.txt", mime_type="text/plain"), ctx_a
        )
        return items

    async def _a_is_unchanged(
        self, store: SQLStore, ctx_a: ChatContext, items: list[ThreadItem]
    ) -> None:
        assert await store.load_thread("thr_1", ctx_a) == thread_meta()
        assert (await store.load_thread_items("thr_1", None, 50, "asc", ctx_a)).data == items
        assert await store.load_attachment("atc_a", ctx_a) == FileAttachment(
            id="atc_a", name="a.txt", mime_type="text/plain"
        )

    async def test_b_cannot_read_a(self, store: SQLStore, ctx_a: ChatContext, ctx_b):
        await self._a_with_data(store, ctx_a)
        with pytest.raises(NotFoundError):
            await store.load_thread("thr_1", ctx_b)
        assert (await store.load_threads(10, None, "asc", ctx_b)).data == []
        assert (await store.load_thread_items("thr_1", None, 10, "asc", ctx_b)).data == []
        assert await store.load_recent_items("thr_1", 10, ctx_b) == []
        with pytest.raises(NotFoundError):
            await store.load_item("thr_1", "msg_user", ctx_b)
        with pytest.raises(NotFoundError):
            await store.load_attachment("atc_a", ctx_b)

    async def test_b_cannot_write_over_a(self, store: SQLStore, ctx_a: ChatContext, ctx_b):
        items = await self._a_with_data(store, ctx_a)
        hijack = thread_meta()
        hijack.title = "mine now"
        with pytest.raises(NotFoundError):  # same thread id, other user: refused
            await store.save_thread(hijack, ctx_b)
        with pytest.raises(NotFoundError):  # adding to A's thread
            await store.add_thread_item("thr_1", user_message("msg_new"), ctx_b)
        with pytest.raises(NotFoundError):
            await store.save_item("thr_1", user_message("msg_user", text="x"), ctx_b)
        # Reusing A's item id from B's own thread does not touch A's item either.
        await store.save_thread(thread_meta("thr_b"), ctx_b)
        with pytest.raises(NotFoundError):
            await store.add_thread_item("thr_b", user_message("msg_user", "thr_b"), ctx_b)
        with pytest.raises(NotFoundError):
            await store.save_attachment(
                FileAttachment(id="atc_a", name="evil.txt", mime_type="text/plain"), ctx_b
            )
        await self._a_is_unchanged(store, ctx_a, items)
        assert (await store.load_thread_items("thr_b", None, 10, "asc", ctx_b)).data == []

    async def test_b_cannot_delete_a(self, store: SQLStore, ctx_a: ChatContext, ctx_b):
        items = await self._a_with_data(store, ctx_a)
        await store.delete_thread_item("thr_1", "msg_user", ctx_b)
        await store.delete_attachment("atc_a", ctx_b)
        await store.delete_thread("thr_1", ctx_b)
        await self._a_is_unchanged(store, ctx_a, items)

    async def test_a_same_id_race_has_one_owner(self, store: SQLStore, ctx_a, ctx_b):
        results = await asyncio.gather(
            store.save_thread(thread_meta("thr_race"), ctx_a),
            store.save_thread(thread_meta("thr_race"), ctx_b),
            return_exceptions=True,
        )
        assert sorted(type(r).__name__ for r in results) == ["NoneType", "NotFoundError"]
        winner = ctx_a if results[0] is None else ctx_b
        loser = ctx_b if winner is ctx_a else ctx_a
        assert (await store.load_thread("thr_race", winner)).id == "thr_race"
        with pytest.raises(NotFoundError):
            await store.load_thread("thr_race", loser)


class TestDeletion:
    async def test_delete_thread_takes_its_items_and_pending_actions(
        self, app: FastAPI, store: SQLStore, ctx_a: ChatContext
    ):
        for thread_id in ("thr_1", "thr_2"):
            await store.save_thread(thread_meta(thread_id), ctx_a)
            for i in range(3):
                item = user_message(f"msg_{thread_id}_{i}", thread_id)
                await store.add_thread_item(thread_id, item, ctx_a)
        async with app.state.sessionmaker() as session:
            session.add(
                ChatPendingAction(
                    thread_id="thr_1",
                    user_id=ctx_a.user_id,
                    kind="delete",
                    payload={"task_ids": [1]},
                    turn_id="msg_thr_1_2",
                    expires_at=datetime.now(UTC),
                )
            )
            await session.commit()

        await store.delete_thread("thr_1", ctx_a)
        with pytest.raises(NotFoundError):
            await store.load_thread("thr_1", ctx_a)
        assert (await store.load_thread_items("thr_1", None, 10, "asc", ctx_a)).data == []
        assert len((await store.load_thread_items("thr_2", None, 10, "asc", ctx_a)).data) == 3
        assert await count(app, ChatItem) == 3
        async with app.state.sessionmaker() as session:
            assert (await session.exec(select(ChatPendingAction))).all() == []

    async def test_delete_item(self, store: SQLStore, ctx_a: ChatContext):
        await store.save_thread(thread_meta(), ctx_a)
        for i in range(2):
            await store.add_thread_item("thr_1", user_message(f"msg_{i}"), ctx_a)
        await store.delete_thread_item("thr_1", "msg_0", ctx_a)
        page = await store.load_thread_items("thr_1", None, 10, "asc", ctx_a)
        assert [i.id for i in page.data] == ["msg_1"]

    async def test_deleting_the_user_deletes_their_chats(
        self, app: FastAPI, store: SQLStore, ctx_a: ChatContext, ctx_b: ChatContext
    ):
        for ctx, thread_id in ((ctx_a, "thr_a"), (ctx_b, "thr_b")):
            await store.save_thread(thread_meta(thread_id), ctx)
            await store.add_thread_item(thread_id, user_message(f"m_{thread_id}", thread_id), ctx)
        async with app.state.sessionmaker() as session:
            await session.delete(await session.get(User, ctx_a.user_id))
            await session.commit()
        assert await count(app, ChatThread) == 1 and await count(app, ChatItem) == 1
        assert (await store.load_threads(10, None, "asc", ctx_b)).data[0].id == "thr_b"


class _EchoServer(ChatKitServer[ChatContext]):
    """The smallest ChatKit server: it answers every message with one assistant message."""

    async def respond(
        self, thread: ThreadMetadata, input_user_message: UserMessageItem | None, context: Any
    ) -> AsyncIterator[ThreadStreamEvent]:
        from chatkit.types import ThreadItemDoneEvent

        thread.title = "Echo"
        yield ThreadItemDoneEvent(
            item=AssistantMessageItem(
                id=self.store.generate_item_id("message", thread, context),
                thread_id=thread.id,
                created_at=datetime.now(),
                content=[AssistantMessageContent(text="echo")],
            )
        )


class TestWithChatKitServer:
    async def test_a_conversation_through_chatkit(self, store: SQLStore, ctx_a, ctx_b):
        server = _EchoServer(store)

        async def call(body: dict[str, Any], ctx: ChatContext) -> Any:
            import json

            result = await server.process(json.dumps(body), ctx)
            if isinstance(result, StreamingResult):
                return [json.loads(chunk.removeprefix(b"data: ")) async for chunk in result]
            assert isinstance(result, NonStreamingResult)
            return json.loads(result.json)

        user_input = {
            "content": [{"type": "input_text", "text": "hello"}],
            "attachments": [],
            "inference_options": {},
        }
        events = await call({"type": "threads.create", "params": {"input": user_input}}, ctx_a)
        thread_id = events[0]["thread"]["id"]
        assert thread_id.startswith("thr_") and len(thread_id) == 4 + 32

        listed = await call({"type": "threads.list", "params": {}}, ctx_a)
        assert [t["id"] for t in listed["data"]] == [thread_id]
        assert listed["data"][0]["title"] == "Echo"
        params = {"thread_id": thread_id, "order": "asc"}
        items = await call({"type": "items.list", "params": params}, ctx_a)
        assert [i["type"] for i in items["data"]] == ["user_message", "assistant_message"]

        assert (await call({"type": "threads.list", "params": {}}, ctx_b))["data"] == []
        with pytest.raises(NotFoundError):
            await call({"type": "threads.get_by_id", "params": {"thread_id": thread_id}}, ctx_b)

        await call({"type": "threads.delete", "params": {"thread_id": thread_id}}, ctx_a)
        assert (await call({"type": "threads.list", "params": {}}, ctx_a))["data"] == []
