"""``make bench`` / ``uv run python -m bench [--full]``: run the scenarios, write JSON + Markdown.

Every figure comes from real uvicorn servers in subprocesses on loopback, driven over HTTP
by ``bench.client``. The in-memory baseline runs in the same run as the SQL store.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

from bench import scenarios
from bench.report import markdown, targets
from bench.server import ROOT

# Its schema is reset: point BENCH_DATABASE_URL at a database you can spare (default: the local
# `test` database, which the test suite also resets).
PG_URL = os.environ.get("BENCH_DATABASE_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
RESULTS = ROOT / "bench" / "results"


@dataclass(frozen=True)
class Profile:
    name: str
    dbs: tuple[str, ...]  # databases run when --db is not given
    a_turns: int  # (a) one user, sequential turns, per arm
    b_users: int  # (b) concurrent users, closed loop without pauses...
    b_turns: int
    b_paced_turns: int  # ...and pausing ``think`` seconds between turns (0: not run)
    c_users: int
    c_turns: int
    c_paced_turns: int
    think: tuple[float, float]
    budget_s: float  # (b), (c): longest a run may keep starting turns (per arm)
    paced_dbs: tuple[str, ...]  # where the paced variants of (b), (c) run
    d_reps: int  # (d) repetitions of each history query / turn
    d_sizes: tuple[int, ...]  # thread sizes (items), thread counts, task counts
    e_turns: int  # (e) turns in a row watching RSS
    e_checkpoint: int  # RSS compared at this many turns and at the end
    e_dbs: tuple[str, ...]
    f_users: int  # (f) 1 vs 2 workers: closed-loop users x turns
    f_turns: int


QUICK = Profile(
    name="quick",
    dbs=("postgresql",),
    a_turns=60,
    b_users=50,
    b_turns=2,
    b_paced_turns=2,
    c_users=200,
    c_turns=0,
    c_paced_turns=0,
    think=(3.0, 7.0),
    budget_s=60,
    paced_dbs=("postgresql",),
    d_reps=10,
    d_sizes=(10, 10_000),
    e_turns=300,
    e_checkpoint=50,
    e_dbs=("postgresql",),
    f_users=16,
    f_turns=5,
)
FULL = Profile(
    name="full",
    dbs=("postgresql", "sqlite"),
    a_turns=300,
    b_users=50,
    b_turns=20,
    b_paced_turns=10,
    c_users=200,
    c_turns=5,
    c_paced_turns=5,
    think=(3.0, 7.0),
    budget_s=120,
    paced_dbs=("postgresql",),
    d_reps=40,
    d_sizes=(10, 1_000, 10_000),
    e_turns=10_000,
    e_checkpoint=1_000,
    e_dbs=("postgresql",),
    f_users=16,
    f_turns=30,
)
SCENARIOS = ("a", "b", "c", "d", "e", "f")


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": psutil.cpu_count(),
        "memory_gib": round(psutil.virtual_memory().total / 2**30, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in psutil.getloadavg()],
    }


def git_revision() -> str:
    try:
        rev = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--", "backend", "alembic", "bench"],  # noqa: S607
            cwd=ROOT, capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        return rev + ("+dirty" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def checkout(rev: str, into: Path) -> Path:
    """A worktree of ``rev`` (the "before" arms run their app from it). Its .venv is this one:
    the dependencies must be the same."""
    subprocess.run(  # noqa: S603 - git with a revision the user named
        ["git", "worktree", "add", "--detach", "--quiet", str(into), rev],  # noqa: S607
        cwd=ROOT, check=True,
    )  # fmt: skip
    return into


def remove_checkout(path: Path) -> None:
    subprocess.run(  # noqa: S603
        ["git", "worktree", "remove", "--force", str(path)],  # noqa: S607
        cwd=ROOT, check=False, capture_output=True,
    )  # fmt: skip


async def postgres_problem(url: str) -> str | None:
    """None when the bench database answers (it is created when only it is missing)."""
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from backend.db import create_engine

    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        return None
    except Exception as exc:  # reported, not raised
        if "does not exist" not in str(exc):
            return f"PostgreSQL at {make_url(url).host} does not answer: {type(exc).__name__}"
    finally:
        await engine.dispose()
    name = make_url(url).database
    admin = create_engine(make_url(url).set(database="postgres").render_as_string(False))
    try:
        async with admin.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        return None
    except Exception as exc:  # reported, not raised
        return f"cannot create database {name}: {type(exc).__name__}"
    finally:
        await admin.dispose()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--full", action="store_true", help="every scenario at full size")
    p.add_argument(
        "--db",
        default=None,
        help="comma-separated: postgresql,sqlite (default: quick postgresql, full both)",
    )
    p.add_argument(
        "--only",
        default=",".join(SCENARIOS),
        help="scenarios to run, e.g. a,b,d",
    )
    p.add_argument(
        "--before",
        metavar="REV",
        default=None,
        help="also run (a), (b), (c) on PostgreSQL with the app of this git revision "
        "(its SQL and in-memory stores), to measure what the changes since then bought",
    )
    p.add_argument("--pg-url", default=PG_URL, help="PostgreSQL database (its schema is reset)")
    p.add_argument("--out", type=Path, default=None, help="result basename (default: results/)")
    p.add_argument("--keep", action="store_true", help="keep the scratch directory (logs)")
    return p.parse_args(argv)


async def run(args: argparse.Namespace) -> dict[str, Any]:
    profile = FULL if args.full else QUICK
    only = [s for s in args.only.split(",") if s]
    dbs = [d for d in args.db.split(",") if d] if args.db else list(profile.dbs)
    scratch = Path(tempfile.mkdtemp(prefix="todo-bench-"))
    started = time.perf_counter()
    result: dict[str, Any] = {
        "meta": {
            "profile": profile.name,
            "profile_sizes": profile.__dict__,
            "command": " ".join(["python -m bench", *(sys.argv[1:] if sys.argv else [])]),
            "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "revision": git_revision(),
            "machine": machine(),
            "scenarios": only,
            "before": args.before,
            "password_hash": "Argon2 time_cost=1, memory=1 MiB (bench servers only)",
            "scratch": str(scratch),
        },
        "databases": {},
    }
    before = None
    if args.before:
        before = (args.before, checkout(args.before, scratch / "before"))
    try:
        for db in dbs:
            url = args.pg_url if db == "postgresql" else f"sqlite+aiosqlite:///{scratch}/bench.db"
            print(f"== {db}", flush=True)
            if db == "postgresql" and (problem := await postgres_problem(url)):
                print(f"   skipped: {problem}", flush=True)
                result["databases"][db] = {"skipped": problem}
                continue
            result["databases"][db] = await scenarios.run_database(
                db, url, scratch / db, profile, only, before if db == "postgresql" else None
            )
    finally:
        if before is not None:
            remove_checkout(before[1])
        result["meta"]["duration_s"] = round(time.perf_counter() - started, 1)
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    result["targets"] = targets(result)
    return result


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    result = asyncio.run(run(args))
    RESULTS.mkdir(parents=True, exist_ok=True)
    base = args.out or RESULTS / f"latest-{result['meta']['profile']}"
    json_path, md_path = base.with_suffix(".json"), base.with_suffix(".md")
    json_path.write_text(json.dumps(result, indent=2) + "\n")
    md_path.write_text(markdown(result))
    print(md_path.read_text())
    print(f"wrote {json_path} and {md_path} in {result['meta']['duration_s']} s")


RunFn = Callable[..., Awaitable[dict[str, Any]]]
