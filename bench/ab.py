"""What each change bought: ``uv run python -m bench.ab REV [REV ...] [--turns N]``.

Runs scenario (a), one user's sequential turns, against the app of every named git revision
(``.`` is the working tree) in one run, arms interleaved in blocks so the machine's noise
hits all of them alike. Each revision runs from its own worktree on the bench PostgreSQL
database (``BENCH_DATABASE_URL``, schema reset) with this checkout's dependencies.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

from bench.client import new_http
from bench.run import PG_URL, RESULTS, checkout, remove_checkout
from bench.scenarios import accounts, prepare_database, running, single_user, warm_up
from bench.server import ROOT, Server


def table(out: dict[str, Any], base: str) -> str:
    lines = [
        "| revision | turn ms p50 / p99 | p50 vs first | server CPU ms/turn | turns/s | errors |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for rev, s in out.items():
        t = s["turn_ms"]
        lines.append(
            f"| {rev} | {t['p50']} / {t['p99']} | {t['p50'] / out[base]['turn_ms']['p50']:.2f} "
            f"| {s['server_cpu_ms_per_turn']} | {s['throughput_tps']} | {s['errors']} |"
        )
    return "\n".join(lines)


async def main() -> None:
    p = argparse.ArgumentParser(prog="python -m bench.ab", description=__doc__)
    p.add_argument("revisions", nargs="+", help="git revisions, oldest first; '.': working tree")
    p.add_argument("--turns", type=int, default=300, help="turns per revision")
    p.add_argument("--out", type=Path, default=RESULTS / "ab")
    args = p.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="todo-bench-ab-"))
    trees = {rev: ROOT if rev == "." else checkout(rev, scratch / rev) for rev in args.revisions}
    try:
        await prepare_database("postgresql", PG_URL)
        arms = {
            rev: Server(rev.replace(".", "working-tree"), PG_URL, scratch / "logs", app_dir=d)
            for rev, d in trees.items()
        }
        async with running(*arms.values()), new_http() as http:
            await asyncio.gather(*(warm_up(http, s) for s in arms.values()))
            (account,) = await accounts(http, arms[args.revisions[0]], 1, "ab")
            out = await single_user(http, arms, account, args.turns, None)
    finally:
        for d in trees.values():
            if d != ROOT:
                remove_checkout(d)
        shutil.rmtree(scratch, ignore_errors=True)
    result = {rev: out[rev] for rev in args.revisions}
    args.out.with_suffix(".json").write_text(json.dumps(result, indent=2) + "\n")
    md = table(result, args.revisions[0])
    args.out.with_suffix(".md").write_text(md + "\n")
    print(md)


if __name__ == "__main__":
    asyncio.run(main())
