"""First chat turn after the app starts versus later turns (offline model, SQLite, in-process).

    uv run python -m bench.first_turn

Each run is a fresh process (lazy imports and one-time set-up are what it measures): the app
starts (its lifespan runs), a user signs up, then three chat turns are timed end to end.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from alembic import command

from backend.main import create_app
from tests.chat_helpers import new_thread, say
from tests.conftest import alembic_config, make_client, make_settings


async def main() -> None:
    data = Path(tempfile.mkdtemp(prefix="first-turn-"))
    url = f"sqlite+aiosqlite:///{data / 'bench.db'}"
    await asyncio.to_thread(command.upgrade, alembic_config(url), "head")
    app = create_app(make_settings(url, data_dir=data))
    started = time.perf_counter()
    async with app.router.lifespan_context(app):
        startup = time.perf_counter() - started
        async with make_client(app) as client:
            await client.post(
                "/api/auth/signup",
                json={"email": "b@example.com", "password": "correct horse battery staple"},
            )
            timings = []
            t = time.perf_counter()
            thread_id, _ = await new_thread(client, "add buy milk tomorrow")
            timings.append(time.perf_counter() - t)
            for text in ("mark it done", "what's due this week?"):
                t = time.perf_counter()
                await say(client, thread_id, text)
                timings.append(time.perf_counter() - t)
    ms = ", ".join(f"{x * 1000:.0f}" for x in timings)
    print(f"startup (lifespan) {startup * 1000:.0f} ms; turns 1, 2, 3: {ms} ms")


if __name__ == "__main__":
    asyncio.run(main())
