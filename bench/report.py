"""The targets of issue #6, checked against a result, and the Markdown table."""

from __future__ import annotations

from typing import Any

TARGET_DB = "postgresql"
X, DASH, LE, GE = "\u00d7", "\u2013", "\u2264", "\u2265"
BEFORE, MEMORY_BEFORE = "sql@before", "memory@before"  # arms of --before REV


def _get(d: Any, *path: Any) -> Any:
    for key in path:
        if not isinstance(d, dict) or key not in d:
            return None
        d = d[key]
    return d


def _ratio(x: float | None, y: float | None) -> float | None:
    return round(x / y, 3) if x is not None and y else None


def _row(
    name: str, value: Any, limit: float, unit: str, *, less: bool = True, before: Any = None
) -> dict[str, Any]:
    met = None if value is None else (value <= limit if less else value >= limit)
    return {
        "target": name,
        "limit": f"{LE if less else GE} {limit:g}{unit}",
        "value": value,
        "unit": unit,
        "met": met,
        "before": before,
    }


def _turns(sc: Any, store: str, what: str, stat: str = "p50") -> Any:
    return _get(sc, store, what, stat) if what.endswith("_ms") else _get(sc, store, what)


def targets(result: dict[str, Any]) -> list[dict[str, Any]]:
    db = _get(result, "databases", TARGET_DB) or {}
    a, b, c, d, e, f = (db.get(k) for k in "abcdef")
    bp, cp = db.get("b_paced"), db.get("c_paced")
    think = "{:g}{}{:g} s".format(
        (pause := (bp or cp or {}).get("think_s") or (0, 0))[0], DASH, pause[1]
    )
    rows = [
        _row("single user, turn with one tool call: p50", _turns(a, "sql", "turn_ms"), 15, " ms",
             before=_turns(a, BEFORE, "turn_ms")),
        _row("single user, turn with one tool call: p99", _turns(a, "sql", "turn_ms", "p99"), 60,
             " ms", before=_turns(a, BEFORE, "turn_ms", "p99")),
        _row("SQL store / in-memory store, p50 turn time (single user)",
             _get(a, "ratio_p50_sql_memory"), 1.3, X,
             before=_ratio(_turns(a, BEFORE, "turn_ms"), _turns(a, MEMORY_BEFORE, "turn_ms"))),
    ]  # fmt: skip
    for users, closed, paced, p99 in ((50, b, bp, 250), (200, c, cp, 1000)):
        for label, sc in ((f"{think} between turns", paced), ("no pause", closed)):
            rows.append(
                _row(f"{users} concurrent users, {label}: errors", _turns(sc, "sql", "errors"), 0,
                     "", before=_turns(sc, BEFORE, "errors"))
            )  # fmt: skip
            rows.append(
                _row(f"{users} concurrent users, {label}: p99", _turns(sc, "sql", "turn_ms", "p99"),
                     p99, " ms", before=_turns(sc, BEFORE, "turn_ms", "p99"))
            )  # fmt: skip
    one = _get(f, "1", "throughput_tps") or _turns(b, "sql", "throughput_tps")
    rows += [
        _row("throughput, one worker (closed loop)", one, 60, " turns/s", less=False,
             before=_turns(b, BEFORE, "throughput_tps")),
        _row("throughput, two workers / one", _get(f, "throughput_ratio"), 1.7, X, less=False),
    ]  # fmt: skip
    for query, row in (_get(d, "queries") or {}).items():
        lo, hi = row["sizes"]
        if query.startswith("one turn"):
            name = f"history: a turn in a {hi:,}-item thread / a {lo}-item thread"
        else:
            name = f"history: {query}, {hi:,} / {lo} rows"
        rows.append(_row(name, row["ratio_p50"], 1.5, X))
    if e:
        name = f"RSS after {e['turns']:,} turns / after {e['checkpoint']:,}"
        rows.append(_row(name, e["rss_growth"], 1.1, X))
    return rows


def _ms(s: dict[str, Any] | None) -> str:
    if not s or s.get("p50") is None:
        return DASH
    return f"{s['p50']:.0f} / {s['p90']:.0f} / {s['p99']:.0f}"


def _v(x: Any) -> str:
    return DASH if x is None else str(x)


def _line(label: str, store: str, s: dict[str, Any]) -> str:
    cells = [
        label,
        store,
        s["turns"],
        f"{s['errors']}" + (f" ({s['not_sent']} not sent)" if s.get("not_sent") else ""),
        _ms(s["ttfb_ms"]),
        _ms(s["ttft_ms"]),
        _ms(s["turn_ms"]),
        _v(s.get("throughput_tps")),
        _v(s.get("server_cpu_ms_per_turn")),
        _v(s.get("db_cpu_ms_per_turn")),
        _v(s.get("peak_rss_mib")),
        f"{_v(s.get('machine_busy_cores'))} / {_v(s.get('others_cpu_cores'))}",
    ]
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _turn_table(db: dict[str, Any]) -> list[str]:
    lines = [
        "| scenario | store | turns | errors | first SSE byte ms p50 / p90 / p99 | first text ms "
        "| end of stream ms | turns/s | server CPU ms/turn | DB CPU ms/turn | peak RSS MiB "
        "| machine busy / others (cores) |",
        "|---|---|---:|---:|---|---|---|---:|---:|---:|---:|---|",
    ]
    for key in ("a", "b", "b_paced", "c", "c_paced"):
        sc = db.get(key)
        if not sc:
            continue
        if key == "a":
            label = "(a) 1 user, sequential"
        else:
            pause = sc.get("think_s")
            how = f"{pause[0]:g}{DASH}{pause[1]:g} s apart" if pause else "no pause"
            label = f"({key[0]}) {sc['users']} users {X} {sc['turns_per_user']}, {how}"
        for store in ("sql", "memory", BEFORE, MEMORY_BEFORE):
            if sc.get(store):
                lines.append(_line(label, store, sc[store]))
    f = db.get("f")
    if f:
        for n in ("1", "2"):
            label = f"(f) {f['users']} users {X} {f['turns_per_user']}, {n} worker(s)"
            lines.append(_line(label, "sql", f[n]))
    return lines


def _history_table(d: dict[str, Any]) -> list[str]:
    lines = [
        f"(d) history scaling: {d['reps']} repetitions, sizes interleaved; every page is full at "
        f"every size (page size = the small size); seeded in {d['seeded_in_s']} s.",
        "",
        "| query | rows | ms p50 / p90 / p99 | rows | ms p50 / p90 / p99 | rows "
        "| ms p50 / p90 / p99 | largest / smallest (p50) |",
        "|---|---:|---|---:|---|---:|---|---:|",
    ]
    for query, row in d["queries"].items():
        sizes = sorted(int(k) for k in row if k not in ("ratio_p50", "sizes"))
        cells = [query]
        for n in sizes:
            cells += [f"{n:,}", _ms(row[str(n)])]
        cells += ["", ""] * (3 - len(sizes))
        cells.append(_v(row["ratio_p50"]))
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def markdown(result: dict[str, Any]) -> str:
    meta = result["meta"]
    m = meta["machine"]
    out = [
        f"# Benchmark results ({meta['profile']} profile)",
        "",
        f"- Command: `{meta['command']}`; {meta['duration_s']} s, started {meta['started_at']}, "
        f"revision {meta['revision']}",
        f"- Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, Python "
        f"{m['python']}; load average at start {m['load_average_at_start']}",
        f"- Bench servers: {meta['password_hash']}; rate limits lifted; offline model; "
        "LOG_LEVEL=INFO (a log line per request); default pool (10 + 10 overflow)",
        "",
    ]
    for db, data in result["databases"].items():
        out += [f"## {db}", ""]
        if data.get("skipped"):
            out += [f"Skipped: {data['skipped']}", ""]
            continue
        out += _turn_table(data)
        out.append("")
        if data.get("d"):
            out += _history_table(data["d"])
            out.append("")
        if e := data.get("e"):
            out += [
                f"(e) {e['turns']:,} turns in a row ({e['users']} users, a new thread every "
                f"{e['new_thread_every']} turns): RSS {e['rss_mib_at_checkpoint']} MiB after "
                f"{e['checkpoint']:,} turns, {e['rss_mib_at_end']} MiB after {e['turns']:,} "
                f"({X}{e['rss_growth']}); turn p50 {e['turn_ms_first']['p50']} ms over the first "
                f"{e['checkpoint']:,} turns, {e['turn_ms_last']['p50']} ms over the last "
                f"{e['checkpoint']:,}; {e['throughput_tps']} turns/s; {e['errors']} errors.",
                "",
            ]
        if f := data.get("f"):
            out += [
                f"(f) two workers / one: {X}{f['throughput_ratio']} throughput; CPU seconds per "
                f"worker with two: {f['2'].get('cpu_s_per_worker')}.",
                "",
            ]
        if data.get("failed"):
            out += [f"Failed scenarios: {data['failed']}", ""]
    out += [
        f"## Targets ({TARGET_DB}, one uvicorn worker)",
        "",
        f"| target | limit | measured | met | before ({result['meta'].get('before') or DASH}) |",
        "|---|---|---:|---|---:|",
    ]
    for t in result["targets"]:
        met = {True: "met", False: "**not met**", None: "not measured"}[t["met"]]
        value = DASH if t["value"] is None else f"{t['value']}{t['unit']}"
        out.append(f"| {t['target']} | {t['limit']} | {value} | {met} | {_v(t['before'])} |")
    return "\n".join(out) + "\n"
