"""Profile the server under load: ``uv run python -m bench.profile [--users N] [--seconds S]``.

Starts one bench server (SQL store on the bench PostgreSQL database unless ``--db sqlite``),
drives it with N closed-loop users, and records it with py-spy (``--format speedscope`` or a
flame graph SVG, or ``raw`` collapsed stacks). Also prints the top functions by own and total
samples from the collapsed stacks.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.client import new_http
from bench.run import PG_URL
from bench.scenarios import accounts, message, open_threads, prepare_database, warm_up
from bench.server import Server


def top(collapsed: Path, n: int = 40) -> str:
    own: collections.Counter[str] = collections.Counter()
    total: collections.Counter[str] = collections.Counter()
    samples = 0
    for line in collapsed.read_text().splitlines():
        stack, _, count = line.rpartition(" ")
        k = int(count)
        samples += k
        frames = stack.split(";")
        own[frames[-1]] += k
        for f in set(frames):
            total[f] += k
    lines = [f"{samples} samples", "-- own --"]
    lines += [f"{100 * c / samples:5.1f}% {f}" for f, c in own.most_common(n)]
    lines += ["-- total --"]
    lines += [f"{100 * c / samples:5.1f}% {f}" for f, c in total.most_common(n)]
    return "\n".join(lines)


async def main() -> None:
    p = argparse.ArgumentParser(prog="python -m bench.profile", description=__doc__)
    p.add_argument("--db", choices=["postgresql", "sqlite"], default="postgresql")
    p.add_argument("--store", choices=["sql", "memory"], default="sql")
    p.add_argument("--users", type=int, default=1)
    p.add_argument("--seconds", type=float, default=20)
    p.add_argument("--rate", type=int, default=250, help="py-spy samples per second")
    p.add_argument("--format", choices=["raw", "speedscope", "flamegraph"], default="raw")
    p.add_argument("--out", type=Path, default=Path("bench/results/profile"))
    p.add_argument("--no-reset", action="store_true", help="keep the database's data")
    args = p.parse_args()

    scratch = Path(tempfile.mkdtemp(prefix="todo-bench-profile-"))
    url = PG_URL if args.db == "postgresql" else f"sqlite+aiosqlite:///{scratch}/bench.db"
    if not args.no_reset:
        await prepare_database(args.db, url)
    server = Server("profile", url, scratch, store=args.store)
    await server.start()
    try:
        async with new_http() as http:
            await warm_up(http, server)
            users = await accounts(http, server, args.users, "profile")
            await open_threads(users)
            suffix = {"raw": ".txt", "speedscope": ".json", "flamegraph": ".svg"}[args.format]
            out = args.out.with_suffix(suffix)
            out.parent.mkdir(parents=True, exist_ok=True)
            assert server.proc is not None
            cmd = [shutil.which("py-spy") or "py-spy", "record", "--pid", str(server.proc.pid)]
            cmd += ["--rate", str(args.rate), "--duration", str(int(args.seconds))]
            cmd += ["--format", args.format, "--output", str(out), "--nonblocking", "--gil"]
            spy = subprocess.Popen(cmd)  # noqa: ASYNC220, S603
            deadline = time.perf_counter() + args.seconds
            count = 0

            async def loop(user: object) -> None:
                nonlocal count
                while time.perf_counter() < deadline:
                    await user.turn(message())  # type: ignore[attr-defined]
                    count += 1

            cpu0 = server.cpu_seconds()
            await asyncio.gather(*(loop(u) for u in users))
            cpu = server.cpu_seconds() - cpu0
            while spy.poll() is None:  # noqa: ASYNC110
                await asyncio.sleep(0.2)
            turns = [t for u in users for t in u.turns]
            ok = sorted(t.total for t in turns if t.ok) or [float("nan")]
            errors = sorted({t.error for t in turns if t.error})
            if errors:
                print("errors:", *errors[:5], sep="\n  ")
                print((scratch / "profile.log").read_text()[-3000:])
            print(
                f"{count} turns, {len(turns) - len(ok)} errors, "
                f"p50 {1000 * ok[len(ok) // 2]:.1f} ms, server cpu {1000 * cpu / count:.1f} ms/turn"
            )
            if args.format == "raw":
                print(top(out))
            print(f"profile: {out}")
    finally:
        await server.stop()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
