"""The quick-add parser's decision time (POST /api/tasks/parse, issue 13).

    uv run python -m bench.quick_add [--rounds 20]

Lines: every single-message "add" case of the gated eval sets (cases.yaml, blind-1, blind-2),
as people type them. Each line is parsed alone, as one request does (``parse_line``: title,
date, time, priority, tags, repeat), ``rounds`` times; the figures are per line. The ratio
compares it with the offline model's whole decision for the same message (``understand``:
which intent, and its details), measured in the same run, so the cost of the parser is
a ratio and not a guess. In process: no HTTP and no database (the endpoint adds its auth
and JSON around this).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import yaml

from backend.assistant.offline.intents import understand
from backend.assistant.quickadd import parse_line
from bench.stats import ratio, summary

SETS = [Path("tests/eval") / name for name in ("cases.yaml", "blind-1.yaml", "blind-2.yaml")]
TODAY = date(2026, 11, 30)


def lines() -> list[str]:
    out = []
    for path in SETS:
        for case in yaml.safe_load(path.read_text()):
            if "say" in case and str(case.get("intent") or case["id"]).startswith("add"):
                out.append(str(case["say"]))
    return out


def timed(fn: Callable[[str, date], object], texts: list[str], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        for text in texts:  # one decision per call, as in a request
            started = time.perf_counter()
            fn(text, TODAY)
            samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    texts = lines()
    for text in texts:  # warm up: dateparser and the regexes load lazily
        parse_line(text, TODAY)
        understand(text, TODAY)
    parse = summary(timed(parse_line, texts, args.rounds))
    decide = summary(timed(understand, texts, args.rounds))
    print(f"{len(texts)} lines x {args.rounds} rounds")
    print(f"parse_line  (quick add) ms: {parse}")
    print(f"understand  (offline)   ms: {decide}")
    print(f"ratio parse/understand p50: {ratio(parse['p50'], decide['p50'])}")


if __name__ == "__main__":
    main()
