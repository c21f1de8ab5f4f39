"""The offline model's own decision time per message, with a 200-task list.

    uv run python -m bench.offline_decide [--iterations 2000]

Times exactly what the model does per call (read the conversation, decide, build the
output items); no HTTP, no database. A greeting is measured in the same run as the floor.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import date, timedelta
from typing import Any

from backend.assistant.offline.model import _decide
from backend.config import get_settings

TODAY = date(2026, 11, 21)
_WORDS = """buy call email pay book renew clean fix send review plan water walk order print milk
mom report taxes dentist car passport plants dog groceries invoice slides garage rent insurance
bank flights hotel gym laundry budget agenda"""
WORDS = _WORDS.split()


def tasks(n: int) -> list[dict[str, Any]]:
    rng = random.Random(7)  # noqa: S311  (reproducible test data, not security)
    out = []
    for i in range(n):
        title = " ".join(rng.sample(WORDS, 3)).capitalize() + f" {i}"
        due = str(TODAY + timedelta(days=rng.randint(-5, 30))) if i % 3 else None
        out.append({"id": i + 1, "title": title, "description": None, "completed": i % 7 == 0,
                    "priority": rng.choice(["low", "medium", "high"]), "due_date": due,
                    "tags": rng.sample(["work", "home", "money"], rng.randint(0, 2)),
                    "created_at": "2026-11-01T00:00:00Z", "updated_at": "2026-11-01T00:00:00Z",
                    "completed_at": None})  # fmt: skip
    return out


def user(text: str) -> dict[str, Any]:
    return {"role": "user", "type": "message", "content": [{"type": "input_text", "text": text}]}


def after_lookup(text: str, listed: list[dict[str, Any]], arguments: dict[str, Any]) -> list[Any]:
    """The second call of a turn: the model looked tasks up and now acts on the result."""
    result = {"tasks": listed, "today": str(TODAY), "more_available": False, "changed_task_ids": []}
    return [
        user(text),
        {"type": "function_call", "call_id": "c1", "name": "list_tasks",
         "arguments": json.dumps(arguments)},
        {"type": "function_call_output", "call_id": "c1", "output": json.dumps(result)},
    ]  # fmt: skip


def scenarios() -> dict[str, list[Any]]:
    all_tasks = tasks(200)
    target = all_tasks[123]["title"]
    lookup = {"status": "all", "text": target.lower(), "limit": 100}
    fuzzy = {"status": "all", "limit": 100}
    typo = target.lower().replace("e", "", 1)
    all_listed = {"status": "all", "limit": 50}
    typo_lookup = {"status": "all", "text": typo, "limit": 100}
    everything = {"tasks": all_tasks, "today": str(TODAY), "more_available": True,
                  "changed_task_ids": []}  # fmt: skip
    return {
        "greeting (floor)": [user("hello")],
        "add with date, priority, tag": [user("remind me to call mom tomorrow at 5pm, urgent")],
        "list: first call": [user("what's due this week?")],
        "list: reply from 200 tasks": after_lookup("show all my tasks", all_tasks, all_listed),
        "complete: match among 200": after_lookup(f"mark {target.lower()} done", all_tasks, lookup),
        "complete with typo: fuzzy over 200": [
            *after_lookup(f"mark {typo} as done", [], typo_lookup),
            {"type": "function_call", "call_id": "c2", "name": "list_tasks",
             "arguments": json.dumps(fuzzy)},
            {"type": "function_call_output", "call_id": "c2", "output": json.dumps(everything)},
        ],
    }  # fmt: skip


# As the app runs it by default: the rules with the intent classifier (OFFLINE_ASSISTANT_INTENTS).
HYBRID = get_settings().offline_assistant_intents == "hybrid"


def measure(items: list[Any], iterations: int) -> list[float]:
    for _ in range(20):  # warm caches (regexes, date parser, the classifier's model)
        _decide(items, TODAY, HYBRID)
    samples = []
    for _ in range(iterations):
        started = time.perf_counter_ns()
        _decide(items, TODAY, HYBRID)
        samples.append((time.perf_counter_ns() - started) / 1e6)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=2000)
    args = parser.parse_args()
    print("| scenario (200 tasks) | p50 ms | p90 ms | p99 ms |\n|---|---:|---:|---:|")
    worst = 0.0
    for name, items in scenarios().items():
        s = sorted(measure(items, args.iterations))
        p50, p90, p99 = (statistics.quantiles(s, n=100)[q - 1] for q in (50, 90, 99))
        worst = max(worst, p50)
        print(f"| {name} | {p50:.3f} | {p90:.3f} | {p99:.3f} |")
    print(f"\nslowest p50: {worst:.3f} ms (target < 5 ms)")


if __name__ == "__main__":
    main()
