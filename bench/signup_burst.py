"""Another user's task list during a burst of signups (issue 16).

Each signup costs an Argon2 hash with the production parameters (time cost 3, 64 MiB). For each
arm a fresh uvicorn server (SQLite in a temp dir) is started; one user with 20 tasks reads
their list over and over, first alone, then while N signups arrive at once. Arms, in one run:

  unbounded   PASSWORD_HASH_CONCURRENCY=64 and no signup limit: every hash at once (what the
              code did before: one thread per hash, up to the default thread pool's size)
  bounded     the default PASSWORD_HASH_CONCURRENCY (cores - 1), no signup limit
  defaults    the default hashing bound and the default SIGNUP_RATE_LIMIT_PER_IP (10/hour)

    uv run python -m bench.signup_burst                 # 30 signups, 2 rounds
    uv run python -m bench.signup_burst --rounds 3 --out bench/results/signup-burst.json
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
ORIGIN = "http://localhost:3000"
PASSWORD = "correct horse battery"  # noqa: S105  (the test users' password)
ARMS: dict[str, dict[str, str]] = {
    "unbounded": {"PASSWORD_HASH_CONCURRENCY": "64", "SIGNUP_RATE_LIMIT_PER_IP": "100000/minute"},
    "bounded": {"SIGNUP_RATE_LIMIT_PER_IP": "100000/minute"},
    "defaults": {},
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start(arm_env: dict[str, str], tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    url = f"sqlite+aiosqlite:///{tmp / 'app.db'}"
    env = {
        **os.environ,
        "APP_ENV": "development",
        "DATA_DIR": str(tmp),
        "DATABASE_URL": url,
        "LOG_LEVEL": "WARNING",
        "ASSISTANT_MODEL": "offline",
        "OPENAI_API_KEY": "",
        "REDIS_URL": "",
        **arm_env,
    }
    for name in ("PASSWORD_HASH_TIME_COST", "PASSWORD_HASH_MEMORY_KIB"):
        env.pop(name, None)  # the production Argon2 parameters
    subprocess.run(
        [sys.executable, "-m", "alembic", "upgrade", "head"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    port = _free_port()
    cmd = [sys.executable, "-m", "uvicorn", "backend.main:app", "--no-proxy-headers"]
    proc = subprocess.Popen(  # noqa: S603
        [*cmd, "--no-access-log", "--host", "127.0.0.1", "--port", str(port)], cwd=ROOT, env=env
    )
    return proc, f"http://127.0.0.1:{port}"


async def _ready(base: str, proc: subprocess.Popen[bytes]) -> None:
    async with httpx.AsyncClient(base_url=base) as c:
        for _ in range(1200):  # 2 minutes: a busy machine starts slowly
            if proc.poll() is not None:
                raise RuntimeError("uvicorn exited")
            try:
                if (await c.get("/api/health")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError("uvicorn did not start")


def _summary(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "n": len(ordered),
        "p50_ms": round(statistics.median(ordered) * 1000, 1),
        "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000, 1),
        "max_ms": round(ordered[-1] * 1000, 1),
    }


async def _run_arm(name: str, signups: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix=f"bench-signup-{name}-") as tmp:
        proc, base = _start(ARMS[name], Path(tmp))
        try:
            await _ready(base, proc)
            # A new connection per request: no keep-alive race with uvicorn's idle timeout.
            async with httpx.AsyncClient(
                base_url=base,
                headers={"Origin": ORIGIN},
                timeout=120,
                limits=httpx.Limits(max_keepalive_connections=0),
            ) as other:
                r = await other.post(
                    "/api/auth/signup", json={"email": "reader@example.com", "password": PASSWORD}
                )
                r.raise_for_status()
                for i in range(20):
                    await other.post("/api/tasks", json={"title": f"Task {i}"})

                async def read() -> float:
                    t0 = time.perf_counter()
                    (await other.get("/api/tasks?limit=50")).raise_for_status()
                    return time.perf_counter() - t0

                idle = [await read() for _ in range(30)]

                async def signup(i: int) -> int:
                    # A client of its own each: a fresh connection, as separate browsers.
                    async with httpx.AsyncClient(
                        base_url=base, headers={"Origin": ORIGIN}, timeout=120
                    ) as c:
                        body = {"email": f"burst{i}@example.com", "password": PASSWORD}
                        return (await c.post("/api/auth/signup", json=body)).status_code

                t0 = time.perf_counter()
                burst = asyncio.gather(*[signup(i) for i in range(signups)])
                during: list[float] = []
                while not burst.done():
                    during.append(await read())
                codes = await burst
                burst_s = time.perf_counter() - t0
        finally:
            proc.terminate()
            proc.wait(10)
    print(f"{name}: during the burst p50 {_summary(during)['p50_ms']} ms", file=sys.stderr)
    return {
        "arm": name,
        "env": ARMS[name],
        "idle": _summary(idle),
        "during_burst": _summary(during),
        "burst_seconds": round(burst_s, 2),
        "signups": {str(c): codes.count(c) for c in sorted(set(codes))},
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--signups", type=int, default=30)
    parser.add_argument("--rounds", type=int, default=2, help="arms run in turn, this many times")
    parser.add_argument("--out", type=Path, default=None, help="write the results as JSON")
    args = parser.parse_args()

    runs = [await _run_arm(arm, args.signups) for _ in range(args.rounds) for arm in ARMS]
    rows = []
    for arm in ARMS:
        mine = [r for r in runs if r["arm"] == arm]
        rows.append(
            {
                "arm": arm,
                "during_p50_ms": statistics.median(r["during_burst"]["p50_ms"] for r in mine),
                "during_p95_ms": statistics.median(r["during_burst"]["p95_ms"] for r in mine),
                "during_max_ms": statistics.median(r["during_burst"]["max_ms"] for r in mine),
                "idle_p50_ms": statistics.median(r["idle"]["p50_ms"] for r in mine),
                "burst_seconds": statistics.median(r["burst_seconds"] for r in mine),
                "signups": mine[-1]["signups"],
            }
        )
    before = rows[0]
    print(
        f"{args.signups} signups at once, production Argon2 (t=3, 64 MiB), {os.cpu_count()} cores"
    )
    print(f"medians of {args.rounds} rounds; ratios against 'unbounded' (the old behaviour)\n")
    print(
        "| arm | idle p50 | during burst p50 | p95 | max | p95 vs unbounded | burst took "
        "| signups |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for row in rows:
        ratio = row["during_p95_ms"] / before["during_p95_ms"]
        print(
            f"| {row['arm']} | {row['idle_p50_ms']} ms | {row['during_p50_ms']} ms | "
            f"{row['during_p95_ms']} ms | {row['during_max_ms']} ms | {ratio:.2f}x | "
            f"{row['burst_seconds']} s | {row['signups']} |"
        )
    if args.out:
        args.out.write_text(json.dumps({"summary": rows, "runs": runs}, indent=2) + "\n")


if __name__ == "__main__":
    asyncio.run(main())
