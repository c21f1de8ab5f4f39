"""Evaluate the offline assistant on the public case set, through the real HTTP/ChatKit path.

    make eval                       # or: uv run python -m tests.eval.run [--only ID] [--verbose]

Each case: optional starting tasks, one or more user messages, the expected task list after
the last message, and words the last reply must (or must not) contain. A fresh user and a
fresh conversation per case; the server is the real app under uvicorn on a loopback port,
on a throwaway SQLite database, with the offline model.
"""

from __future__ import annotations

import argparse
import asyncio
import calendar
import socket
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import uvicorn
import yaml
from alembic import command

from backend.assistant.offline.classifier.corpus import MEASURED_SETS as CLASSIFIER_MEASURED_SETS
from backend.main import create_app
from backend.tasks.recurrence import normalise, occurrences
from tests.chat_helpers import sse_events, user_input
from tests.conftest import ALLOWED_ORIGIN, PASSWORD, alembic_config, make_settings

CASES = Path(__file__).with_name("cases.yaml")  # the set the regression gate runs
# Two more sets written blind (by someone who never saw the code or cases.yaml), used to
# measure how the rules generalise; they were then used to improve them, so they are no
# longer held out: now they guard against regressions (`make eval` runs all three).
GATED_SETS = [CASES, CASES.with_name("blind-1.yaml"), CASES.with_name("blind-2.yaml")]
# Written blind for issue 12; measured (its first run is in docs/ASSISTANT.md), not yet a gate.
# blind-5 (general), blind-times and blind-undo: written blind for issues 12, 13 and 15 against
# docs/eval/blind-spec-2.md; their first runs (docs/eval/*-first-run.txt) are the reported scores.
# blind-3 and blind-4 also train the intent classifier; every later set is measured there too,
# so its list (corpus.MEASURED_SETS) is the one place a new set is added.
MEASURED_SETS = [
    CASES.with_name(f"{name}.yaml") for name in ("blind-3", "blind-4", *CLASSIFIER_MEASURED_SETS)
]
ALL_SETS = GATED_SETS + MEASURED_SETS
PASS_MARK = 0.95
CONCURRENT_CASES = 4


@dataclass
class Outcome:
    case_id: str
    intent: str
    problems: list[str] = field(default_factory=list)
    reply: str = ""

    @property
    def passed(self) -> bool:
        return not self.problems


def resolve_due(spec: Any, today: date) -> str | None:
    """Expected due dates, written relative to the day the eval runs."""
    if spec is None:
        return None
    spec = str(spec)
    if spec.startswith("today"):
        return str(today + timedelta(days=int(spec[5:] or 0)))
    if spec.startswith("onorafter:"):  # the next such weekday, today included
        target = [d.lower() for d in calendar.day_name].index(spec[10:].lower())
        return str(today + timedelta(days=(target - today.weekday()) % 7))
    if spec.startswith("weekday:"):
        target = [d.lower() for d in calendar.day_name].index(spec[8:].lower())
        return str(today + timedelta(days=(target - today.weekday()) % 7 or 7))
    if spec.startswith("dom:"):
        day = int(spec[4:])
        for months in range(3):
            month_index = today.month - 1 + months
            year, month = today.year + month_index // 12, month_index % 12 + 1
            if day <= calendar.monthrange(year, month)[1] and date(year, month, day) >= today:
                return str(date(year, month, day))
    if spec.startswith("date:"):
        return spec[5:]
    if spec == "end_of_month":
        return str(today.replace(day=calendar.monthrange(today.year, today.month)[1]))
    raise ValueError(f"unknown due spec {spec!r}")


def _task_body(task: dict[str, Any], today: date) -> dict[str, Any]:
    body = {k: task[k] for k in ("title", "priority", "tags", "description") if k in task}
    if "due" in task:
        body["due_date"] = resolve_due(task["due"], today)
    if "time" in task:
        body["due_time"] = task["time"]
    if "repeat" in task:
        body["recurrence"] = task["repeat"]
    return body


def same_repeat(got: str | None, want: str | None, start: date) -> bool:
    """Two rules mean the same when they give the same next five days from the same start
    ("FREQ=WEEKLY;BYDAY=MO" from a Monday is "FREQ=WEEKLY" from that Monday)."""
    if got is None or want is None:
        return got == want
    try:
        return occurrences(got, start, 5) == occurrences(normalise(want), start, 5)
    except ValueError:
        return False


def compare(expected: list[dict[str, Any]], actual: list[dict[str, Any]], today: date) -> list[str]:
    problems = []
    by_title = {t["title"].lower(): t for t in actual}
    wanted = {e["title"].lower() for e in expected}
    for extra in sorted(set(by_title) - wanted):
        problems.append(f"unexpected task {extra!r}")
    for e in expected:
        got = by_title.get(e["title"].lower())
        if got is None:
            problems.append(f"missing task {e['title']!r} (have {sorted(by_title)})")
            continue
        if "completed" in e and got["completed"] != e["completed"]:
            problems.append(f"{e['title']!r}: completed={got['completed']}, want {e['completed']}")
        if "priority" in e and got["priority"] != e["priority"]:
            problems.append(f"{e['title']!r}: priority={got['priority']}, want {e['priority']}")
        if "due" in e and got["due_date"] != resolve_due(e["due"], today):
            want = resolve_due(e["due"], today)
            problems.append(f"{e['title']!r}: due={got['due_date']}, want {want}")
        if "time" in e and got["due_time"] != e["time"]:
            problems.append(f"{e['title']!r}: time={got['due_time']}, want {e['time']}")
        start = date.fromisoformat(got["due_date"]) if got["due_date"] else today
        if "repeat" in e and not same_repeat(got["recurrence"], e["repeat"], start):
            problems.append(f"{e['title']!r}: repeat={got['recurrence']}, want {e['repeat']}")
        if "tags" in e and sorted(got["tags"]) != sorted(t.lower() for t in e["tags"]):
            problems.append(f"{e['title']!r}: tags={got['tags']}, want {e['tags']}")
        if (
            "description" in e
            and e["description"].lower() not in (got["description"] or "").lower()
        ):
            problems.append(f"{e['title']!r}: description={got['description']!r}")
    return problems


async def run_case(client: httpx.AsyncClient, case: dict[str, Any], n: int, tz: str) -> Outcome:
    outcome = Outcome(case["id"], case.get("intent", case["id"].split("-")[0]))
    today = datetime.now(ZoneInfo(tz)).date()
    email = f"eval{n}-{int(time.time() * 1000)}@example.com"
    r = await client.post("/api/auth/signup", json={"email": email, "password": PASSWORD})
    r.raise_for_status()
    for task in case.get("tasks", []):
        created = (await client.post("/api/tasks", json=_task_body(task, today))).json()
        if task.get("completed"):
            await client.patch(f"/api/tasks/{created['id']}", json={"completed": True})
    before = (await client.get("/api/tasks?limit=100")).json()["items"]

    turns = case.get("turns") or [case["say"]]
    thread_id = None
    for text in turns:
        if thread_id is None:
            body = {"type": "threads.create", "params": {"input": user_input(text)}}
        else:
            body = {"type": "threads.add_user_message",
                    "params": {"thread_id": thread_id, "input": user_input(text)}}  # fmt: skip
        r = await client.post("/api/chatkit", json=body)
        if r.status_code != 200:
            outcome.problems.append(f"{text!r}: HTTP {r.status_code} {r.text[:200]}")
            return outcome
        events = sse_events(r.text)
        thread_id = thread_id or events[0]["thread"]["id"]
        errors = [e for e in events if e["type"] == "error"]
        if errors:
            outcome.problems.append(f"{text!r}: error event {errors[0]}")
        outcome.reply = " ".join(
            part["text"]
            for e in events
            if e["type"] == "thread.item.done" and e["item"]["type"] == "assistant_message"
            for part in e["item"]["content"]
        )

    after = (await client.get("/api/tasks?limit=100")).json()["items"]
    expected = case.get("expect")
    if expected is None:  # nothing should have changed
        unchanged = {(t["title"], t["completed"], t["due_date"]) for t in before}
        if {(t["title"], t["completed"], t["due_date"]) for t in after} != unchanged:
            outcome.problems.append(f"tasks changed: {[t['title'] for t in after]}")
    else:
        outcome.problems += compare(expected, after, today)
    reply = outcome.reply.lower()
    for word in case.get("reply_has", []):
        if str(word).lower() not in reply:
            outcome.problems.append(f"reply lacks {word!r}")
    for word in case.get("reply_not", []):
        if str(word).lower() in reply:
            outcome.problems.append(f"reply contains {word!r}")
    return outcome


async def evaluate(cases: list[dict[str, Any]], tz: str = "UTC") -> list[Outcome]:
    data = Path(tempfile.mkdtemp(prefix="todo-eval-"))
    url = f"sqlite+aiosqlite:///{data / 'eval.db'}"
    await asyncio.to_thread(command.upgrade, alembic_config(url), "head")
    app = create_app(make_settings(url, data_dir=data))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    serving = asyncio.create_task(server.serve(sockets=[sock]))
    base = f"http://127.0.0.1:{sock.getsockname()[1]}"
    headers = {"Origin": ALLOWED_ORIGIN, "X-Timezone": tz}
    outcomes: list[Outcome | None] = [None] * len(cases)
    pending = iter(enumerate(cases))

    async def worker() -> None:
        # One client per worker (its TLS context costs ~0.1 s to build), its cookies cleared
        # before each case: the signup in run_case makes it a fresh user.
        async with httpx.AsyncClient(base_url=base, headers=headers, timeout=30) as client:
            for n, case in pending:
                client.cookies.clear()
                outcomes[n] = await run_case(client, case, n, tz)

    try:
        # A few cases at a time: a case spends about half its time waiting on SQLite's thread,
        # so overlapping them halves a set's time. Each case is its own user, so they cannot
        # see each other's tasks (which this also exercises).
        await asyncio.gather(*(worker() for _ in range(CONCURRENT_CASES)))
    finally:
        server.should_exit = True
        await serving
    return [o for o in outcomes if o is not None]


def load_cases(only: str | None = None, path: Path = CASES) -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = yaml.safe_load(path.read_text())
    ids = Counter(c["id"] for c in cases)
    duplicated = [i for i, n in ids.items() if n > 1]
    if duplicated:
        raise ValueError(f"duplicate case ids: {duplicated}")
    return [c for c in cases if not only or only in c["id"]]


def report(outcomes: list[Outcome], *, verbose: bool = False) -> float:
    by_intent: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_intent[o.intent].append(o)
    for o in outcomes:
        if not o.passed or verbose:
            mark = "PASS" if o.passed else "FAIL"
            print(f"{mark} {o.case_id}: {'; '.join(o.problems)}\n     reply: {o.reply!r}")
    print("\naccuracy by intent:")
    for intent, group in sorted(by_intent.items()):
        ok = sum(o.passed for o in group)
        print(f"  {intent:<10} {ok:>3}/{len(group):<3} {ok / len(group):6.1%}")
    passed = sum(o.passed for o in outcomes)
    accuracy = passed / len(outcomes) if outcomes else 0.0
    print(f"\n{passed} passed, {len(outcomes) - passed} failed")
    print(f"accuracy: {accuracy:.1%} on {len(outcomes)} cases (pass mark {PASS_MARK:.0%})")
    return accuracy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run the cases whose id contains this")
    parser.add_argument("--verbose", action="store_true", help="show passing cases too")
    parser.add_argument("--timezone", default="UTC")
    parser.add_argument(
        "--cases", type=Path, nargs="+", default=[CASES], help="case files (YAML); --all: every set"
    )
    parser.add_argument("--all", action="store_true", help="run every public set")
    args = parser.parse_args()
    sets = ALL_SETS if args.all else args.cases
    accuracy = 1.0
    for path in sets:
        print(f"\n=== {path.name}")
        outcomes = asyncio.run(evaluate(load_cases(args.only, path), args.timezone))
        score = report(outcomes, verbose=args.verbose)
        if path not in MEASURED_SETS:
            accuracy = min(accuracy, score)
    sys.exit(0 if accuracy >= PASS_MARK else 1)


if __name__ == "__main__":
    main()
