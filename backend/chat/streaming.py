"""Run each ChatKit stream in a task of its own, detached from the request.

When a client disconnects, Starlette cancels the response inside an anyio cancel scope, and
anyio cancellation is level-triggered: every later ``await`` in that scope is cancelled too.
ChatKit's cancellation handling (saving the partial reply) and our own end-of-turn cleanup
both need to await the database, so they would silently fail. Here the stream runs in a plain
asyncio task that the request only relays from; a disconnect cancels that task exactly once,
and its cleanup runs to completion.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterable, AsyncIterator

_DONE = object()


class DetachedStreams:
    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def relay(self, source: AsyncIterable[bytes]) -> AsyncIterator[bytes]:
        queue: asyncio.Queue[object] = asyncio.Queue()  # replies are small: no back-pressure

        async def pump() -> None:
            try:
                async for chunk in source:
                    queue.put_nowait(chunk)
            except asyncio.CancelledError:
                return  # the client left; ChatKit has already done its cleanup
            except BaseException as exc:
                queue.put_nowait(exc)
                return
            queue.put_nowait(_DONE)

        task = asyncio.create_task(pump(), name="chatkit-stream")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return self._drain_queue(queue, task)

    async def _drain_queue(
        self, queue: asyncio.Queue[object], task: asyncio.Task[None]
    ) -> AsyncIterator[bytes]:
        try:
            while (item := await queue.get()) is not _DONE:
                if isinstance(item, BaseException):
                    raise item
                assert isinstance(item, bytes)
                yield item
        finally:
            task.cancel()  # no-op when it has finished; otherwise the client is gone

    async def wait_idle(self) -> None:
        """Until every stream, finished or cancelled, has completed its cleanup."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)
