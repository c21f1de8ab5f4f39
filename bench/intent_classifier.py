"""A small statistical intent classifier measured against the rules, on a blind set.

    uv run --with scikit-learn==1.9.1 python -m bench.intent_classifier [--test tests/eval/blind-3.yaml]

Corpus (written to bench/results/intent-corpus.tsv, so the training data is kept): every
single-message case of the project's own sets (cases.yaml, blind-1, blind-2), labelled with the
case's intent. Model: TF-IDF over word 1-2-grams and character 2-5-grams, logistic regression
(lbfgs, fixed seed): deterministic, so a rerun gives the same figures. Test: the single-
message cases of the blind set whose intent is one the classifier knows. The rules are scored
on the same messages by mapping ``understand(message).kind`` to the same labels.

This measures the intent decision only (which handler runs), not the whole outcome: the
extraction of titles, dates and priorities stays rule-based either way.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from backend.assistant.offline.intents import understand

SETS = Path("tests/eval")
TRAIN = [SETS / "cases.yaml", SETS / "blind-1.yaml", SETS / "blind-2.yaml"]
CORPUS = Path("bench/results/intent-corpus.tsv")
LABELS = {"add", "complete", "reopen", "update", "delete", "question"}
# The rules' intents in the classifier's labels ("list" answers a question).
RULE_LABEL = {"list": "question", "confirm": "other", "decline": "other", "greet": "other",
              "thanks": "other", "help": "other"}  # fmt: skip
TODAY = date(2026, 11, 21)


def label_of(case: dict[str, Any]) -> str:
    intent = str(case.get("intent") or case["id"].split("-")[0])
    return {"list": "question"}.get(intent, intent)


def single_messages(paths: list[Path]) -> list[tuple[str, str]]:
    out = []
    for path in paths:
        for case in yaml.safe_load(path.read_text()):
            if "say" in case and label_of(case) in LABELS:
                out.append((str(case["say"]), label_of(case)))
    return out


def main() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline, make_union

    parser = argparse.ArgumentParser()
    parser.add_argument("--test", type=Path, default=SETS / "blind-3.yaml")
    args = parser.parse_args()

    train = single_messages(TRAIN)
    CORPUS.parent.mkdir(parents=True, exist_ok=True)
    CORPUS.write_text("".join(f"{label}\t{text}\n" for text, label in train))
    test = single_messages([args.test])
    model = make_pipeline(
        make_union(
            TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
        ),
        LogisticRegression(C=10, max_iter=2000, solver="lbfgs", random_state=0),
    )
    model.fit([t for t, _ in train], [label for _, label in train])

    texts = [t for t, _ in test]
    model.predict(texts[:1])  # the first call loads what it loads lazily; not a decision
    understand(texts[0], TODAY)
    started = time.perf_counter()
    predicted = [model.predict([t])[0] for t in texts]  # one decision at a time, as in a turn
    per_decision = (time.perf_counter() - started) / len(texts) * 1000
    started = time.perf_counter()
    rules = [RULE_LABEL.get(k, k) for k in (understand(t, TODAY).kind for t in texts)]
    per_rule = (time.perf_counter() - started) / len(texts) * 1000

    # Rules first; the classifier only where the rules understood nothing ("help").
    hybrid = [p if r == "other" else r for r, p in zip(rules, predicted, strict=True)]
    print(f"train: {len(train)} messages {dict(Counter(label for _, label in train))}")
    print(f"test:  {len(test)} single-message cases of {args.test.name}\n")
    print(
        "| intent | cases | rules | classifier | rules, then classifier |\n|---|---:|---:|---:|---:|"
    )
    for label in sorted(LABELS):
        rows = [i for i, (_, gold) in enumerate(test) if gold == label]
        r = sum(rules[i] == label for i in rows)
        c = sum(predicted[i] == label for i in rows)
        h = sum(hybrid[i] == label for i in rows)
        print(f"| {label} | {len(rows)} | {r} | {c} | {h} |")
    r_all = sum(r == gold for r, (_, gold) in zip(rules, test, strict=True))
    c_all = sum(p == gold for p, (_, gold) in zip(predicted, test, strict=True))
    h_all = sum(h == gold for h, (_, gold) in zip(hybrid, test, strict=True))
    n = len(test)
    print(
        f"| all | {n} | {r_all} ({r_all / n:.0%}) | {c_all} ({c_all / n:.0%}) | {h_all} ({h_all / n:.0%}) |"
    )
    print(f"\ntime per decision: classifier {per_decision:.2f} ms, rules {per_rule:.2f} ms")


if __name__ == "__main__":
    main()
