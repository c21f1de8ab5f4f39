"""The baseline: a ChatKit Store that keeps everything in process memory (benchmarks only).

It behaves like ``SQLStore`` where the server can tell (user scoping, upserts, keyset pages
ordered by (created_at, id), ``load_recent_items``) and is as cheap as a store can be: no
serialization and no copies of items (neither ChatKit nor this server changes an item once it
is saved; a loaded thread is copied, shallowly, because the server sets its title). It is the
floor the durable store is compared with: same server, same tools and auth on the database,
only the chat history kept in dicts.
"""

from __future__ import annotations

from typing import Any

from chatkit.store import NotFoundError, Store, StoreItemType
from chatkit.types import Attachment, Page, ThreadItem, ThreadMetadata

from backend.chat.context import ChatContext
from backend.chat.store import new_id, to_utc


class MemoryStore(Store[ChatContext]):
    def __init__(self, _sessionmaker: Any = None) -> None:
        # user id -> thread id -> ...
        self._threads: dict[int, dict[str, ThreadMetadata]] = {}
        self._items: dict[int, dict[str, dict[str, ThreadItem]]] = {}
        self._attachments: dict[int, dict[str, Attachment]] = {}

    def generate_thread_id(self, context: ChatContext) -> str:
        return new_id("thread")

    def generate_item_id(
        self, item_type: StoreItemType, thread: ThreadMetadata, context: ChatContext
    ) -> str:
        return new_id(item_type)

    # threads

    async def load_thread(self, thread_id: str, context: ChatContext) -> ThreadMetadata:
        thread = self._threads.get(context.user_id, {}).get(thread_id)
        if thread is None:
            raise NotFoundError(f"Thread {thread_id} not found")
        return thread.model_copy()

    async def save_thread(self, thread: ThreadMetadata, context: ChatContext) -> None:
        # Metadata only (a Thread's items are not kept here), as a new object.
        fields = {k: v for k, v in thread if k in ThreadMetadata.model_fields}
        stored = ThreadMetadata.model_construct(**fields)
        self._threads.setdefault(context.user_id, {})[thread.id] = stored
        self._items.setdefault(context.user_id, {}).setdefault(thread.id, {})

    async def load_threads(
        self, limit: int, after: str | None, order: str, context: ChatContext
    ) -> Page[ThreadMetadata]:
        threads = list(self._threads.get(context.user_id, {}).values())
        return _page(threads, after, limit, order)

    async def delete_thread(self, thread_id: str, context: ChatContext) -> None:
        self._threads.get(context.user_id, {}).pop(thread_id, None)
        self._items.get(context.user_id, {}).pop(thread_id, None)

    # items

    def _thread_items(self, thread_id: str, context: ChatContext) -> dict[str, ThreadItem]:
        items = self._items.get(context.user_id, {}).get(thread_id)
        if items is None:
            raise NotFoundError(f"Thread {thread_id} not found")
        return items

    async def load_thread_items(
        self, thread_id: str, after: str | None, limit: int, order: str, context: ChatContext
    ) -> Page[ThreadItem]:
        items = list(self._items.get(context.user_id, {}).get(thread_id, {}).values())
        return _page(items, after, limit, order)

    async def load_recent_items(
        self, thread_id: str, limit: int, context: ChatContext
    ) -> list[ThreadItem]:
        if limit <= 0:
            return []
        items = self._items.get(context.user_id, {}).get(thread_id, {})
        newest = sorted(items.values(), key=_key)[-limit:]
        return newest

    async def add_thread_item(self, thread_id: str, item: ThreadItem, context: ChatContext) -> None:
        await self.save_item(thread_id, item, context)

    async def save_item(self, thread_id: str, item: ThreadItem, context: ChatContext) -> None:
        self._thread_items(thread_id, context)[item.id] = item

    async def load_item(self, thread_id: str, item_id: str, context: ChatContext) -> ThreadItem:
        item = self._items.get(context.user_id, {}).get(thread_id, {}).get(item_id)
        if item is None:
            raise NotFoundError(f"Item {item_id} not found")
        return item

    async def delete_thread_item(self, thread_id: str, item_id: str, context: ChatContext) -> None:
        self._items.get(context.user_id, {}).get(thread_id, {}).pop(item_id, None)

    # attachments

    async def save_attachment(self, attachment: Attachment, context: ChatContext) -> None:
        self._attachments.setdefault(context.user_id, {})[attachment.id] = attachment

    async def load_attachment(self, attachment_id: str, context: ChatContext) -> Attachment:
        attachment = self._attachments.get(context.user_id, {}).get(attachment_id)
        if attachment is None:
            raise NotFoundError(f"Attachment {attachment_id} not found")
        return attachment

    async def delete_attachment(self, attachment_id: str, context: ChatContext) -> None:
        self._attachments.get(context.user_id, {}).pop(attachment_id, None)


def _key(obj: Any) -> tuple[Any, str]:
    return (to_utc(obj.created_at), obj.id)


def _page(objs: list[Any], after: str | None, limit: int, order: str) -> Page[Any]:
    ordered = sorted(objs, key=_key, reverse=order == "desc")
    start = 0
    if after is not None:
        ids = [o.id for o in ordered]
        if after not in ids:
            raise NotFoundError(f"{after} not found")
        start = ids.index(after) + 1
    limit = max(limit, 1)
    chunk = ordered[start : start + limit]
    has_more = start + limit < len(ordered)
    return Page(
        data=chunk,
        has_more=has_more,
        after=chunk[-1].id if has_more and chunk else None,
    )
