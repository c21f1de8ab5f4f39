"""Every eval message decided by the offline model, one line per decision, to diff two checkouts.

    uv run python -m bench.offline_replay > /tmp/after.txt   # then the same in the old checkout

A change meant only to be faster (caches, a quicker matcher) must give byte-identical output.
No HTTP and no database: each case's starting tasks answer every lookup the model makes (up
to four rounds), on a fixed "today", so the output depends on the model's code alone.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from backend.assistant.offline.model import _decide
from backend.config import get_settings
from bench.offline_decide import user
from tests.eval.run import resolve_due

TODAY = date(2026, 11, 30)
EVAL = Path(__file__).resolve().parents[1] / "tests" / "eval"
ROUNDS = 4


def _tasks(case: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "id": i + 1,
            "title": t["title"],
            "description": None,
            "completed": bool(t.get("completed")),
            "priority": t.get("priority", "medium"),
            "due_date": resolve_due(t.get("due"), TODAY),
            "tags": t.get("tags", []),
            "created_at": "2026-11-01T00:00:00Z",
            "updated_at": "2026-11-01T00:00:00Z",
            "completed_at": None,
        }
        for i, t in enumerate(case.get("tasks") or [])
    ]


def _shown(output: list[Any]) -> list[Any]:
    return [
        ["call", o.name, o.arguments] if o.type == "function_call" else ["say", o.content[0].text]
        for o in output
    ]


def main() -> None:
    hybrid = get_settings().offline_assistant_intents == "hybrid"
    decisions = 0
    for path in sorted(EVAL.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text()):
            listed = json.dumps({"tasks": _tasks(case), "today": str(TODAY),
                                 "more_available": False, "changed_task_ids": []})  # fmt: skip
            for text in case.get("turns") or [case["say"]]:
                items: list[Any] = [user(text)]
                for round_ in range(ROUNDS):
                    output = _decide(items, TODAY, hybrid)
                    decisions += 1
                    print(path.stem, case["id"], round_, json.dumps(_shown(output)))
                    calls = [o for o in output if o.type == "function_call"]
                    if not calls or any(c.name != "list_tasks" for c in calls):
                        break
                    for c in calls:  # the lookup answered with the case's tasks
                        items += [
                            {"type": "function_call", "call_id": c.call_id, "name": c.name,
                             "arguments": c.arguments},
                            {"type": "function_call_output", "call_id": c.call_id,
                             "output": listed},
                        ]  # fmt: skip
    print(f"{decisions} decisions", file=sys.stderr)


if __name__ == "__main__":
    main()
