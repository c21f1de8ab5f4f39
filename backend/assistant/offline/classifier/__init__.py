"""A small statistical intent classifier, run in pure Python (dict lookups and sums).

It reads a message as word 1-2-grams and character 3-5-grams of each word, keeps those in its
vocabulary, scales them to unit length and scores each intent with a linear model (multinomial
logistic regression) trained by ``train.py`` on the corpus ``corpus.py`` generates (both kept in
this folder: ``corpus.tsv``, ``model.json``). No numpy or scikit-learn at run time: training
writes the weights to JSON, and ``features`` is the one featuriser both sides use, so the
scores here are scikit-learn's own (``tests/assistant/offline/test_classifier.py`` checks it).

It only chooses an intent; ``combine.py`` says when it is asked and how the rules then read the
dates, priorities and titles.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).parent
MODEL_PATH = HERE / "model.json"
LABELS = ("add", "complete", "reopen", "update", "delete", "question", "other")

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[?!#>]")


class ModelMissing(RuntimeError):
    """The trained model file is not there (or not readable)."""


def features(text: str, vocabulary: dict[str, int] | None = None) -> dict[str, float]:
    """The message's n-grams with counts, scaled to unit length; with a vocabulary, only the
    n-grams in it (the others are ignored, as they are at training time)."""
    words = _TOKEN.findall(text.lower())
    grams: dict[str, float] = {}
    padded = ["<s>", *words, "</s>"]
    for word in words:
        grams["w:" + word] = grams.get("w:" + word, 0.0) + 1.0
        marked = f" {word} "
        for n in (3, 4, 5):
            for j in range(len(marked) - n + 1):
                key = "c:" + marked[j : j + n]
                grams[key] = grams.get(key, 0.0) + 1.0
    for a, b in itertools.pairwise(padded):
        key = f"b:{a} {b}"
        grams[key] = grams.get(key, 0.0) + 1.0
    if vocabulary is not None:
        grams = {k: v for k, v in grams.items() if k in vocabulary}
    norm = math.sqrt(sum(v * v for v in grams.values())) or 1.0
    return {k: v / norm for k, v in grams.items()}


@dataclass(frozen=True)
class Classifier:
    labels: tuple[str, ...]
    vocabulary: dict[str, int]  # n-gram -> row of ``weights``
    weights: list[list[float]]  # one row per n-gram, one column per label
    intercepts: list[float]

    def scores(self, text: str) -> list[float]:
        out = list(self.intercepts)
        for gram, value in features(text, self.vocabulary).items():
            row = self.weights[self.vocabulary[gram]]
            for k, w in enumerate(row):
                out[k] += w * value
        return out

    def predict(self, text: str) -> tuple[str, float]:
        """The likeliest intent and its probability (softmax of the scores)."""
        scores = self.scores(text)
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        best = scores.index(top)
        return self.labels[best], exps[best] / sum(exps)

    def word_weight(self, word: str, label: str) -> float:
        """How much the word alone says "this intent" (its unigram weight)."""
        row = self.vocabulary.get("w:" + word.lower())
        return 0.0 if row is None else self.weights[row][self.labels.index(label)]


def from_json(data: dict[str, object]) -> Classifier:
    grams = list(data["vocabulary"])  # type: ignore[call-overload]
    return Classifier(
        labels=tuple(data["labels"]),  # type: ignore[arg-type]
        vocabulary={g: i for i, g in enumerate(grams)},
        weights=list(data["weights"]),  # type: ignore[call-overload]
        intercepts=list(data["intercepts"]),  # type: ignore[call-overload]
    )


@lru_cache(maxsize=4)
def load(path: Path = MODEL_PATH) -> Classifier:
    try:
        data = json.loads(path.read_text())
    except FileNotFoundError as exc:
        raise ModelMissing(
            f"intent classifier model not found at {path}: train it with `uv run --with "
            "scikit-learn==1.9.1 python -m backend.assistant.offline.classifier.train` "
            "(or set OFFLINE_ASSISTANT_INTENTS=rules)"
        ) from exc
    return from_json(data)
