"""The intent classifier against the rules: the intent decision alone, and its time.

    uv run python -m bench.intent_classifier [--sets blind-5 blind-times] [--repeat 200]

Scores, on the single-message cases of sets the classifier never saw (blind-5, blind-times;
labels as in ``classifier/corpus.py``), which intent each reader chooses: the rules
(``understand(...).kind``), the classifier alone, and the hybrid (``combine.combined``: the
rules, with the classifier where they understood nothing or read a bare add). This is the
intent only; the end-to-end score (titles, dates, the task changed) is the eval runner's
(``OFFLINE_ASSISTANT_INTENTS=hybrid uv run python -m tests.eval.run --cases ...``).

Time per decision: the classifier's ``predict`` (pure Python, the model loaded once), p50 and
p95 over every test message repeated ``--repeat`` times, one message at a time; then the whole
``understand`` of each message, rules alone and hybrid.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter
from datetime import date

import yaml

from backend.assistant.offline.classifier import LABELS, load
from backend.assistant.offline.classifier.combine import combined
from backend.assistant.offline.classifier.corpus import EVAL, case_label
from backend.assistant.offline.intents import understand

TODAY = date(2026, 11, 21)
# The rules' intents in the classifier's labels.
RULE_LABEL = {"list": "question", "confirm": "other", "decline": "other", "greet": "other",
              "thanks": "other", "help": "other", "undo": "other"}  # fmt: skip


def messages(name: str) -> list[tuple[str, str]]:
    out = []
    for case in yaml.safe_load((EVAL / f"{name}.yaml").read_text()):
        label = case_label(case) if "say" in case else None
        if label:
            out.append((label, str(case["say"])))
    return out


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sets", nargs="+", default=["blind-5", "blind-times"])
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    model = load()
    everything: list[str] = []
    for name in args.sets:
        test = messages(name)
        everything += [t for _, t in test]
        rules = [understand(t, TODAY) for _, t in test]
        rule_labels = [RULE_LABEL.get(r.kind, r.kind) for r in rules]
        alone = [model.predict(t)[0] for _, t in test]
        hybrid = [
            RULE_LABEL.get(k, k)
            for k in (
                combined(t, r, TODAY, model).kind for (_, t), r in zip(test, rules, strict=True)
            )
        ]
        print(f"\n{name}: {len(test)} single-message cases {dict(Counter(g for g, _ in test))}")
        print("| intent | cases | rules | classifier | hybrid |\n|---|---:|---:|---:|---:|")
        for label in LABELS:
            rows = [i for i, (gold, _) in enumerate(test) if gold == label]
            if rows:
                r = sum(rule_labels[i] == label for i in rows)
                c = sum(alone[i] == label for i in rows)
                h = sum(hybrid[i] == label for i in rows)
                print(f"| {label} | {len(rows)} | {r} | {c} | {h} |")
        n = len(test)
        totals = [sum(p == g for p, (g, _) in zip(col, test, strict=True))
                  for col in (rule_labels, alone, hybrid)]  # fmt: skip
        print("| all | {} | {} | {} | {} |".format(n, *(f"{t} ({t / n:.1%})" for t in totals)))
        changed = [
            (t, r, h) for (_, t), r, h in zip(test, rule_labels, hybrid, strict=True) if r != h
        ]
        for text, r, h in changed:
            print(f"  hybrid changed: {text!r}: {r} -> {h}")

    model.predict(everything[0])  # loaded and warm; not a decision
    times = []
    for _ in range(args.repeat):
        for text in everything:
            started = time.perf_counter()
            model.predict(text)
            times.append((time.perf_counter() - started) * 1000)
    print(
        f"\nclassifier decision time over {len(times)} decisions: p50 {statistics.median(times):.3f}"
        f" ms, p95 {percentile(times, 0.95):.3f} ms, max {max(times):.3f} ms"
    )
    for hybrid in (False, True):  # the whole reading of a message, rules alone and hybrid
        whole = []
        for _ in range(max(1, args.repeat // 10)):
            for text in everything:
                started = time.perf_counter()
                understand(text, TODAY, hybrid)
                whole.append((time.perf_counter() - started) * 1000)
        print(
            f"understand(hybrid={hybrid}) over {len(whole)} messages: p50"
            f" {statistics.median(whole):.3f} ms, p95 {percentile(whole, 0.95):.3f} ms"
        )
    started = time.perf_counter()
    load.cache_clear()
    load()
    print(f"model load (once per process): {(time.perf_counter() - started) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
