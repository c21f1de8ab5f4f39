"""The benchmark's ASGI entry: ``uvicorn bench.app:app``.

The app of ``backend.main``, configured by the environment like production; ``BENCH_STORE``
picks the ChatKit store: ``sql`` (default, the real ``SQLStore``) or ``memory`` (the
in-memory baseline). Nothing else differs between the two.
"""

from __future__ import annotations

import os

from backend.chat.store import SQLStore
from backend.main import create_app
from bench.memory_store import MemoryStore

STORE = os.environ.get("BENCH_STORE", "sql")
if STORE not in ("sql", "memory"):
    raise SystemExit(f"BENCH_STORE must be 'sql' or 'memory', not {STORE!r}")

app = create_app(store_factory=MemoryStore if STORE == "memory" else SQLStore)  # type: ignore[arg-type]
