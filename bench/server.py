"""A real uvicorn server in a subprocess, and what it costs (CPU time, RSS) while it runs."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import psutil

ROOT = Path(__file__).resolve().parents[1]
# A bench-only, throwaway secret: the servers are on loopback and their data is scratch.
JWT_SECRET = "bench-only-secret-" + "b" * 40


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(database_url: str, data_dir: Path, store: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        # No provider (the offline model), no inherited app settings, bytecode cached.
        if not k.startswith(("OPENAI_", "ASSISTANT_", "DB_", "LOG_", "REDIS_", "CHAT_", "LOGIN_"))
        and k not in ("PYTHONDONTWRITEBYTECODE", "DATABASE_URL", "DATA_DIR", "JWT_SECRET")
    }
    env.update(
        APP_ENV="development",
        DATABASE_URL=database_url,
        DATA_DIR=str(data_dir),
        JWT_SECRET=JWT_SECRET,
        ASSISTANT_MODEL="offline",
        # Argon2 at its cheapest: 200 sign-ups must not dominate the run (production: 3, 64 MiB).
        PASSWORD_HASH_TIME_COST="1",  # noqa: S106 - a cost setting, not a password
        PASSWORD_HASH_MEMORY_KIB="1024",  # noqa: S106
        LOG_LEVEL="INFO",  # the production default: one log line per request
        # The per-user rate limits would refuse a benchmark's back-to-back turns (429).
        CHAT_RATE_LIMIT="1000000/minute",
        LOGIN_RATE_LIMIT_PER_ACCOUNT="1000000/minute",
        LOGIN_RATE_LIMIT_PER_IP="1000000/minute",
        REDIS_URL="",
        BENCH_STORE=store,
    )
    return env


@dataclass
class Server:
    name: str
    database_url: str
    run_dir: Path
    store: str = "sql"  # "sql" | "memory"
    workers: int = 1
    app_dir: Path = ROOT  # where backend/ and bench/ are imported from (another checkout: A/B)
    port: int = 0
    proc: subprocess.Popen[bytes] | None = None
    _ps: psutil.Process | None = None
    _log: Any = None
    startup_s: float = 0.0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self, ready_within: float = 180.0) -> None:
        self.port = free_port()
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self._log = open(self.run_dir / f"{self.name}.log", "ab")  # noqa: SIM115, ASYNC230
        cmd = [
            sys.executable, "-m", "uvicorn", "bench.app:app",
            "--app-dir", str(self.app_dir),
            "--host", "127.0.0.1", "--port", str(self.port),
            "--no-access-log", "--workers", str(self.workers),
        ]  # fmt: skip
        started = time.perf_counter()
        # cwd: the run directory, so no developer .env is read; the app imports from --app-dir.
        self.proc = subprocess.Popen(  # noqa: ASYNC220, S603
            cmd,
            cwd=self.run_dir,
            env=server_env(self.database_url, self.run_dir / "data", self.store),
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self._ps = psutil.Process(self.proc.pid)
        async with aiohttp.ClientSession() as http:
            while True:
                if self.proc.poll() is not None:
                    raise RuntimeError(f"server {self.name} exited; see {self._log.name}")
                with contextlib.suppress(aiohttp.ClientError):
                    async with http.get(self.base + "/api/ready") as r:
                        if r.status == 200 and await self._workers_up():
                            break
                if time.perf_counter() - started > ready_within:
                    raise RuntimeError(f"server {self.name} not ready in {ready_within}s")
                await asyncio.sleep(0.2)
        self.startup_s = time.perf_counter() - started

    async def _workers_up(self) -> bool:
        if self.workers == 1:
            return True
        # Every worker has imported the app (its RSS is far past a bare interpreter's).
        kids = self.worker_pids()
        return len(kids) >= self.workers

    def processes(self) -> list[psutil.Process]:
        assert self._ps is not None
        try:
            return [self._ps, *self._ps.children(recursive=True)]
        except psutil.NoSuchProcess:
            return []

    def cpu_seconds(self) -> float:
        total = 0.0
        for p in self.processes():
            with contextlib.suppress(psutil.NoSuchProcess):
                t = p.cpu_times()
                total += t.user + t.system
        return total

    def rss_bytes(self) -> int:
        total = 0
        for p in self.processes():
            with contextlib.suppress(psutil.NoSuchProcess):
                total += p.memory_info().rss
        return total

    def worker_pids(self) -> list[int]:
        """The processes serving requests: the server itself, or its big children."""
        procs = self.processes()
        if self.workers == 1:
            return [p.pid for p in procs[:1]]
        big = []
        for p in procs[1:]:
            with contextlib.suppress(psutil.Error):
                if p.memory_info().rss > 80 << 20:  # not multiprocessing's little helpers
                    big.append(p.pid)
        return big

    async def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)  # our own child, by its pid
            for _ in range(150):
                if self.proc.poll() is not None:
                    break
                await asyncio.sleep(0.1)
            else:
                self.proc.kill()
                self.proc.wait()
        if self._log is not None:
            self._log.close()
        self.proc = None


class Meter:
    """CPU and memory while a phase runs: the server's tree, this load generator, the
    database backends, and the whole machine (what is left is other people's work).
    One meter may be entered several times (interleaved runs): the figures add up."""

    def __init__(self, server: Server, db_pids: Any = None, interval: float = 0.05) -> None:
        self.server = server
        self.db_pids = db_pids  # async callable -> PostgreSQL backend pids of the bench db
        self.interval = interval
        self.wall = self.server_cpu = self.client_cpu = self.db_cpu = 0.0
        self.machine_busy = self.machine_total = 0.0
        self.peak_rss = self.end_rss = 0
        self._task: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Meter:
        self._wall0 = time.perf_counter()
        self._server0 = self.server.cpu_seconds()
        self._client0 = _own_cpu()
        self._machine0 = psutil.cpu_times()
        self._db0 = await self._db_cpu()
        self.peak_rss = max(self.peak_rss, self.server.rss_bytes())
        self._task = asyncio.create_task(self._sample())
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        self.wall += time.perf_counter() - self._wall0
        self.server_cpu += self.server.cpu_seconds() - self._server0
        self.client_cpu += _own_cpu() - self._client0
        db1 = await self._db_cpu()
        self.db_cpu += sum(v - self._db0.get(pid, 0.0) for pid, v in db1.items())
        m1 = psutil.cpu_times()
        self.machine_busy += _busy(m1) - _busy(self._machine0)
        self.machine_total += sum(m1) - sum(self._machine0)
        self.end_rss = self.server.rss_bytes()
        self.peak_rss = max(self.peak_rss, self.end_rss)

    async def _db_cpu(self) -> dict[int, float]:
        if self.db_pids is None:
            return {}
        out: dict[int, float] = {}
        for pid in await self.db_pids():
            with contextlib.suppress(psutil.Error):
                t = psutil.Process(pid).cpu_times()
                out[pid] = t.user + t.system
        return out

    async def _sample(self) -> None:
        while True:
            self.peak_rss = max(self.peak_rss, self.server.rss_bytes())
            await asyncio.sleep(self.interval)

    def report(self, turns: int) -> dict[str, Any]:
        wall = self.wall or 1e-9
        ncpu = psutil.cpu_count() or 1
        busy = self.machine_busy / self.machine_total * ncpu if self.machine_total else 0.0
        ours = (self.server_cpu + self.client_cpu + self.db_cpu) / wall
        return {
            "wall_s": round(self.wall, 3),
            "server_cpu_s": round(self.server_cpu, 3),
            "server_cpu_ms_per_turn": round(self.server_cpu / turns * 1000, 2) if turns else None,
            "db_cpu_ms_per_turn": round(self.db_cpu / turns * 1000, 2) if turns else None,
            "server_cpu_cores": round(self.server_cpu / wall, 2),
            "client_cpu_cores": round(self.client_cpu / wall, 2),
            "db_cpu_cores": round(self.db_cpu / wall, 2),
            "machine_busy_cores": round(busy, 2),
            "others_cpu_cores": round(max(0.0, busy - ours), 2),
            "peak_rss_mib": round(self.peak_rss / 2**20, 1),
            "end_rss_mib": round(self.end_rss / 2**20, 1),
        }


def _own_cpu() -> float:
    t = psutil.Process().cpu_times()
    return t.user + t.system


def _busy(t: Any) -> float:
    return float(sum(t) - t.idle - getattr(t, "iowait", 0.0))
