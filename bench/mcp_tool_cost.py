"""Where a list_tasks tool call spends its time, without HTTP: the todo MCP server reached in
process (``mcp.Client(server)``), with and without the ``tool_calls`` audit write.

    uv run python -m bench.mcp_tool_cost [--calls 150] [--rounds 2]

SQLite in a scratch directory, one user, 50 pending tasks; the arms alternate per round.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

import mcp

import backend.assistant.tools as tools
from bench.scenarios import prepare_database
from bench.stats import summary

ARGS = {"status": "pending", "limit": 20}


async def run(calls: int, rounds: int) -> None:
    from backend.auth.models import User
    from backend.db import create_engine, create_sessionmaker
    from backend.tasks.models import Task

    url = f"sqlite+aiosqlite:///{Path(tempfile.mkdtemp(prefix='bench-tool-')) / 'bench.db'}"
    await prepare_database("sqlite", url)
    engine = create_engine(url)
    sessionmaker = create_sessionmaker(engine)
    async with sessionmaker() as session:
        user = User(email="bench@example.com", password_hash="-")  # noqa: S106  (no login)
        session.add(user)
        await session.commit()
        await session.refresh(user)
        assert user.id is not None
        session.add_all(Task(user_id=user.id, title=f"task {i}") for i in range(50))
        await session.commit()
    meta = {"user_id": user.id}
    audit = tools._audit

    async def no_audit(*_: Any, **__: Any) -> None:
        return None

    async with mcp.Client(tools.create_todo_mcp_server(sessionmaker)) as client:

        async def arm() -> dict[str, Any]:
            samples: list[float] = []
            for i in range(calls + 10):
                started = time.perf_counter()
                result = await client.call_tool("list_tasks", ARGS, meta=meta)
                assert not result.is_error
                if i >= 10:  # the first ten warm up
                    samples.append(time.perf_counter() - started)
            return summary(samples)

        for n in range(rounds):
            tools._audit = audit  # type: ignore[assignment]
            with_audit = await arm()
            tools._audit = no_audit  # type: ignore[assignment]
            without = await arm()
            print(f"round {n + 1}: with audit {with_audit}\n         without   {without}")
        tools._audit = audit  # type: ignore[assignment]
    await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--calls", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    asyncio.run(run(args.calls, args.rounds))


if __name__ == "__main__":
    main()
