"""The scenarios, (a) to (f), for one database."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import random
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aiohttp
import psutil
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from bench import seed
from bench.client import Turn, User, new_http
from bench.report import BEFORE, MEMORY_BEFORE
from bench.server import ROOT, Meter, Server
from bench.stats import ratio, summary

if TYPE_CHECKING:
    from bench.run import Profile

MESSAGE = "add a task to buy milk {n}"  # the offline model calls add_task exactly once
WARMUP_TURNS = 8
E_NEW_THREAD_EVERY = 50  # (e): a user starts a new conversation every this many turns
E_USERS = 4
_RUN = uuid.uuid4().hex[:6]
_counter = itertools.count()


def message() -> str:
    return MESSAGE.format(n=next(_counter))


def email(tag: str) -> str:
    return f"{tag}-{_RUN}-{next(_counter)}@bench.example.com"


async def bounded(limit: int, jobs: Iterable[Awaitable[Any]]) -> list[Any]:
    gate = asyncio.Semaphore(limit)

    async def one(job: Awaitable[Any]) -> Any:
        async with gate:
            return await job

    return await asyncio.gather(*(one(j) for j in jobs))


def log(text: str) -> None:
    print(text, flush=True)


# database


async def prepare_database(db: str, url: str) -> None:
    """An empty schema migrated to head (PostgreSQL: the bench database's schema is reset)."""
    from backend.db import create_engine

    if db == "postgresql":
        engine = create_engine(url)
        async with engine.begin() as conn:
            await conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            await conn.execute(text("CREATE SCHEMA public"))
        await engine.dispose()
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    await asyncio.to_thread(command.upgrade, cfg, "head")


class PgBackends:
    """PIDs of the PostgreSQL backends serving the bench database (for their CPU time)."""

    def __init__(self, url: str) -> None:
        from backend.db import create_engine

        self.engine = create_engine(url, pool_size=1)

    async def __call__(self) -> list[int]:
        async with self.engine.connect() as conn:
            rows = await conn.execute(
                text(
                    "SELECT pid FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            )
            return [int(r[0]) for r in rows]

    async def close(self) -> None:
        await self.engine.dispose()


# helpers


def turn_summary(turns: list[Turn], meter: Meter | None = None) -> dict[str, Any]:
    ok = [t for t in turns if t.ok]
    errors = [t for t in turns if not t.ok]
    out: dict[str, Any] = {
        "turns": len(turns),
        "errors": len(errors),
        "error_samples": sorted({t.error or "" for t in errors})[:5],
        "without_tool_effect": sum(1 for t in ok if not t.tool_effect),
        "ttfb_ms": summary([t.ttfb for t in ok if t.ttfb is not None]),
        "ttft_ms": summary([t.ttft for t in ok if t.ttft is not None]),
        "turn_ms": summary([t.total for t in ok]),
    }
    if meter is not None:
        out["throughput_tps"] = round(len(ok) / meter.wall, 2) if meter.wall else None
        out.update(meter.report(len(turns)))
    return out


def brief(s: dict[str, Any]) -> str:
    t = s["turn_ms"]
    return (
        f"p50 {t['p50']} p99 {t['p99']} ms, {s.get('throughput_tps')} turns/s, "
        f"errors {s['errors']}, server cpu {s.get('server_cpu_ms_per_turn')} ms/turn"
    )


async def accounts(http: aiohttp.ClientSession, server: Server, n: int, tag: str) -> list[User]:
    """Signed-up users (on the shared database: valid on every server of this run)."""
    users = [User(http, server.base, email(tag)) for _ in range(n)]
    await bounded(8, (u.signup() for u in users))
    return users


def on(server: Server, users: list[User]) -> list[User]:
    """The same accounts talking to ``server``, each with no thread yet."""
    return [replace(u, base=server.base, thread_id=None, turns=[]) for u in users]


async def open_threads(users: list[User]) -> None:
    """Each user's thread, created by a first turn that is not counted."""
    await bounded(16, (u.turn(message()) for u in users))
    for u in users:
        u.turns.clear()


async def warm_up(http: aiohttp.ClientSession, server: Server, users: int = 1) -> None:
    """First requests pay for imports and caches; with several workers, reach each of them."""
    team = await accounts(http, server, users, "warmup")

    async def run(user: User) -> None:
        for _ in range(WARMUP_TURNS):
            await user.turn(message())

    await asyncio.gather(*(run(u) for u in team))


async def closed_loop(
    users: list[User],
    turns: int,
    think: tuple[float, float] | None = None,
    budget_s: float | None = None,
) -> None:
    """Every user sends its next message as soon as the previous reply has ended (``think``:
    after a pause drawn between these seconds, the first one too, so users start spread out);
    the first of a user's turns opens its thread (threads.create), the others add to it.
    ``budget_s``: no turn starts later than this (a server stuck on its pool would otherwise
    hold the run for many times 30 s); the turns not sent are counted as not sent."""
    rnd = random.Random(42)  # noqa: S311 - pauses, not secrets
    deadline = time.perf_counter() + budget_s if budget_s else None

    async def run(user: User) -> None:
        for _ in range(turns):
            if think is not None:
                await asyncio.sleep(rnd.uniform(*think))
            if deadline is not None and time.perf_counter() > deadline:
                return
            await user.turn(message())

    await asyncio.gather(*(run(u) for u in users))


@contextlib.asynccontextmanager
async def running(*servers: Server) -> AsyncIterator[None]:
    try:
        await asyncio.gather(*(s.start() for s in servers))
        yield
    finally:
        await asyncio.gather(*(s.stop() for s in servers), return_exceptions=True)


# (a) one user, sequential turns, every arm interleaved in blocks (noise hits all alike)


async def single_user(
    http: aiohttp.ClientSession,
    servers: dict[str, Server],
    account: User,
    turns: int,
    db_pids: Any,
) -> dict[str, Any]:
    users = {name: on(s, [account])[0] for name, s in servers.items()}
    await open_threads(list(users.values()))
    meters = {name: Meter(s, db_pids) for name, s in servers.items()}
    blocks = 10
    names = list(servers)
    for block in range(blocks):
        for name in names if block % 2 == 0 else names[::-1]:
            async with meters[name]:
                for _ in range(turns // blocks):
                    await users[name].turn(message())
    out: dict[str, Any] = {name: turn_summary(users[name].turns, meters[name]) for name in names}
    for name in names:
        log(f"   {name}: {brief(out[name])}")
    if "memory" in out:
        for name in names:
            if name != "memory":
                out[f"ratio_p50_{name}_memory"] = ratio(
                    out[name]["turn_ms"]["p50"], out["memory"]["turn_ms"]["p50"]
                )
    return out


# (b), (c) concurrent users, closed loop


async def concurrent_users(
    servers: dict[str, Server],
    users: list[User],
    turns: int,
    db_pids: Any,
    tag: str,
    think: tuple[float, float] | None = None,
    budget_s: float | None = None,
) -> dict[str, Any]:
    out: dict[str, Any] = {"users": len(users), "turns_per_user": turns, "think_s": think}
    for name, server in servers.items():
        team = on(server, users)
        meter = Meter(server, db_pids)
        async with meter:
            await closed_loop(team, turns, think, budget_s)
        out[name] = turn_summary([t for u in team for t in u.turns], meter)
        out[name]["not_sent"] = len(users) * turns - out[name]["turns"]
        log(f"   {tag} {name}: {brief(out[name])}")
    if "sql" in out and "memory" in out:
        out["ratio_p50_sql_memory"] = ratio(
            out["sql"]["turn_ms"]["p50"], out["memory"]["turn_ms"]["p50"]
        )
    return out


# (d) history scaling


TASK_QUERIES = {
    "pending, newest first": "status=pending",
    "pending high priority by due date": "status=pending&priority=high&sort=due",
    "tag": "tag=work",
    "overdue by due date": "due=overdue&sort=due",
    "text search": "q=milk",
}


async def history(
    http: aiohttp.ClientSession, server: Server, url: str, sizes: tuple[int, ...], reps: int
) -> dict[str, Any]:
    from backend.db import create_engine

    engine = create_engine(url)
    small, big = min(sizes), max(sizes)
    try:
        owner, threads_small, threads_big, tasks_small, tasks_big = await accounts(
            http, server, 5, "d"
        )
        # Templates: what a real turn stores (a thread opened, then one more turn).
        await owner.turn(message())
        await owner.turn(message())
        assert owner.thread_id is not None
        template = await seed.templates(engine, owner.thread_id)
        t0 = time.perf_counter()
        by_size = {
            n: await seed.thread_with_items(engine, owner.user_id, template, n, f"{n} items")
            for n in sizes
        }
        # A turn in a small thread grows it by a third: each repetition gets a fresh one.
        fresh_small = [
            await seed.thread_with_items(engine, owner.user_id, template, small, "fresh")
            for _ in range(reps)
        ]
        await seed.threads(engine, threads_small.user_id, template[0], small)
        await seed.threads(engine, threads_big.user_id, template[0], big)
        await seed.tasks(engine, tasks_small.user_id, small, all_match=True)
        await seed.tasks(engine, tasks_big.user_id, big)
        seeded_s = time.perf_counter() - t0
        # Statistics as autovacuum keeps them: the planner must know what was just loaded.
        async with engine.connect() as conn:
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text("ANALYZE"))
    finally:
        await engine.dispose()

    timings: dict[str, dict[int, list[float]]] = {}

    def record(kind: str, size: int, seconds: float) -> None:
        timings.setdefault(kind, {}).setdefault(size, []).append(seconds)

    errors: list[str] = []
    turn_users = {n: replace(owner, thread_id=by_size[n], turns=[]) for n in sizes}
    page = small  # every page is a full one, at every size: the same work but finding it
    for rep in range(reps):
        for n in sizes:  # interleaved: noise spreads over every size alike
            params = {"thread_id": by_size[n], "limit": page, "order": "desc"}
            body = {"type": "items.list", "params": params}
            record("items.list first page", n, (await owner.call(body))[0])
            user = turn_users[n]
            if n == small:
                user.thread_id = fresh_small[rep]
            turn = await user.turn(message())
            if turn.ok:
                record("one turn (add_task)", n, turn.total)
            else:
                errors.append(turn.error or "")
        for n, user in ((small, threads_small), (big, threads_big)):
            body = {"type": "threads.list", "params": {"limit": page, "order": "desc"}}
            record("threads.list first page", n, (await user.call(body))[0])
        for name, query in TASK_QUERIES.items():
            for n, user in ((small, tasks_small), (big, tasks_big)):
                path = f"/api/tasks?{query}&limit={page}"
                record(f"GET /api/tasks {name}", n, (await user.get(path))[0])

    rows: dict[str, Any] = {}
    for kind, per_size in timings.items():
        row: dict[str, Any] = {str(n): summary(v) for n, v in sorted(per_size.items())}
        lo, hi = min(per_size), max(per_size)
        row["ratio_p50"] = ratio(row[str(hi)]["p50"], row[str(lo)]["p50"])
        row["sizes"] = [lo, hi]
        rows[kind] = row
        p50s = ", ".join(f"{n}: {row[str(n)]['p50']} ms" for n in sorted(per_size))
        log(f"   {kind}: {p50s}, x{row['ratio_p50']}")
    return {"reps": reps, "seeded_in_s": round(seeded_s, 1), "errors": errors[:5], "queries": rows}


# (e) many turns in a row, watching the server's memory


async def many_turns(
    http: aiohttp.ClientSession, server: Server, total: int, checkpoint: int, db_pids: Any
) -> dict[str, Any]:
    users = await accounts(http, server, E_USERS, "e")
    done = 0
    samples: list[dict[str, Any]] = []
    every = max(total // 40, 1)
    rss_at: dict[int, float] = {}
    lat: list[tuple[int, float]] = []
    errors = 0
    started = time.perf_counter()

    async def run(user: User) -> None:
        nonlocal done, errors
        mine = 0
        while done < total:
            turn = await user.turn(message(), new_thread=mine % E_NEW_THREAD_EVERY == 0)
            user.turns.clear()  # thousands of turns: keep only what is needed
            mine += 1
            done += 1
            errors += not turn.ok
            if turn.ok:
                lat.append((done, turn.total))
            if done % every == 0 or done in (checkpoint, total):
                rss = server.rss_bytes() / 2**20
                samples.append(
                    {
                        "turns": done,
                        "rss_mib": round(rss, 1),
                        "s": round(time.perf_counter() - started, 1),
                    }
                )
                if done in (checkpoint, total):
                    rss_at[done] = rss

    meter = Meter(server, db_pids)
    async with meter:
        await asyncio.gather(*(run(u) for u in users))
    first = [t for n, t in lat if n <= checkpoint]
    last = [t for n, t in lat if n > total - checkpoint]
    out = {
        "turns": done,
        "users": E_USERS,
        "new_thread_every": E_NEW_THREAD_EVERY,
        "errors": errors,
        "checkpoint": checkpoint,
        "rss_mib_at_checkpoint": round(rss_at.get(checkpoint, 0.0), 1),
        "rss_mib_at_end": round(rss_at.get(total, 0.0), 1),
        "rss_growth": ratio(rss_at.get(total), rss_at.get(checkpoint)),
        "turn_ms_first": summary(first),
        "turn_ms_last": summary(last),
        "throughput_tps": round(done / meter.wall, 2),
        "samples": samples,
        **meter.report(done),
    }
    rss = (out["rss_mib_at_checkpoint"], out["rss_mib_at_end"], out["rss_growth"])
    log(f"   RSS {rss[0]} MiB at {checkpoint} turns, {rss[1]} MiB at {done} (x{rss[2]})")
    return out


# (f) one worker or two


async def workers(
    url: str, run_dir: Path, users_n: int, turns: int, db_pids: Any
) -> dict[str, Any]:
    out: dict[str, Any] = {"users": users_n, "turns_per_user": turns}
    for n in (1, 2):
        server = Server(f"workers{n}", url, run_dir, workers=n)
        # The same client for both: a new connection per request (see new_http).
        async with running(server), new_http(keep_alive=False) as http:
            await warm_up(http, server, users=4 * n)
            team = await accounts(http, server, users_n, f"f{n}")
            cpu0 = _per_process_cpu(server)
            meter = Meter(server, db_pids)
            async with meter:
                await closed_loop(team, turns)
            cpu1 = _per_process_cpu(server)
            out[f"{n}"] = turn_summary([t for u in team for t in u.turns], meter)
            out[f"{n}"]["cpu_s_per_worker"] = [
                round(cpu1[pid] - cpu0.get(pid, 0.0), 2)
                for pid in server.worker_pids()
                if pid in cpu1
            ]
            log(f"   {n} worker(s): {brief(out[f'{n}'])}")
    out["throughput_ratio"] = ratio(out["2"]["throughput_tps"], out["1"]["throughput_tps"])
    return out


def _per_process_cpu(server: Server) -> dict[int, float]:
    out: dict[int, float] = {}
    for p in server.processes():
        with contextlib.suppress(psutil.Error):
            t = p.cpu_times()
            out[p.pid] = t.user + t.system
    return out


# one database, every scenario asked for


async def run_database(
    db: str,
    url: str,
    run_dir: Path,
    profile: Profile,
    only: list[str],
    before: tuple[str, Path] | None = None,
) -> dict[str, Any]:
    """``before``: (revision, its checkout), run as the extra arms "sql@before" and
    "memory@before" in (a), (b), (c)."""
    await prepare_database(db, url)
    pg = PgBackends(url) if db == "postgresql" else None
    out: dict[str, Any] = {"failed": {}}

    @contextlib.asynccontextmanager
    async def scenario(key: str) -> AsyncIterator[None]:
        """A scenario that fails is recorded as failed; the others still run."""
        started = time.perf_counter()
        try:
            yield
        except Exception as exc:  # reported in the result, not raised
            log(f"   ({key}) failed: {type(exc).__name__}: {exc}")
            out["failed"][key] = f"{type(exc).__name__}: {exc}"[:300]
        out.setdefault("durations_s", {})[key] = round(time.perf_counter() - started, 1)

    try:
        if {"a", "b", "c", "d"} & set(only):
            sql = Server("sql", url, run_dir)
            memory = Server("memory", url, run_dir, store="memory")
            arms = {"sql": sql, "memory": memory}
            if before is not None:
                _, app_dir = before
                arms[BEFORE] = Server(BEFORE, url, run_dir, app_dir=app_dir)
                arms[MEMORY_BEFORE] = Server(MEMORY_BEFORE, url, run_dir, "memory", app_dir=app_dir)
            async with running(*arms.values()), new_http() as http:
                await asyncio.gather(*(warm_up(http, s) for s in arms.values()))
                if "a" in only:
                    log(" (a) one user, sequential turns")
                    async with scenario("a"):
                        (account,) = await accounts(http, sql, 1, "a")
                        out["a"] = await single_user(http, arms, account, profile.a_turns, pg)
                busy = {k: v for k, v in arms.items() if k != MEMORY_BEFORE}
                paced = {k: v for k, v in arms.items() if k in ("sql", BEFORE)}
                for key, n_users, turns, paced_turns in (
                    ("b", profile.b_users, profile.b_turns, profile.b_paced_turns),
                    ("c", profile.c_users, profile.c_turns, profile.c_paced_turns),
                ):
                    if key not in only or not turns:
                        continue
                    async with scenario(key):
                        team = await accounts(http, sql, n_users, key)
                        log(f" ({key}) {n_users} concurrent users x {turns} turns, no pause")
                        out[key] = await concurrent_users(
                            busy, team, turns, pg, key, budget_s=profile.budget_s
                        )
                    if paced_turns and db in profile.paced_dbs:
                        think = profile.think
                        log(f" ({key}) {n_users} users x {paced_turns} turns, {think} s apart")
                        async with scenario(f"{key}_paced"):
                            out[f"{key}_paced"] = await concurrent_users(
                                paced,
                                team,
                                paced_turns,
                                pg,
                                f"{key} paced",
                                think,
                                profile.budget_s,
                            )
                if "d" in only:
                    log(" (d) history scaling")
                    async with scenario("d"):
                        out["d"] = await history(http, sql, url, profile.d_sizes, profile.d_reps)
        if "e" in only and db in profile.e_dbs:
            log(f" (e) {profile.e_turns} turns in a row")
            server = Server("rss", url, run_dir)
            async with scenario("e"), running(server), new_http() as http:
                await warm_up(http, server)
                out["e"] = await many_turns(http, server, profile.e_turns, profile.e_checkpoint, pg)
        if "f" in only:
            log(f" (f) 1 vs 2 workers, {profile.f_users} users x {profile.f_turns} turns")
            async with scenario("f"):
                out["f"] = await workers(url, run_dir, profile.f_users, profile.f_turns, pg)
    finally:
        if pg is not None:
            await pg.close()
    return out
