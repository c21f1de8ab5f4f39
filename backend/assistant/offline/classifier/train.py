"""Train the intent classifier on ``corpus.tsv`` and write ``model.json``.

    uv run --with scikit-learn==1.9.1 python -m backend.assistant.offline.classifier.train

scikit-learn is a development tool only, pinned in the command above: this script uses it,
the app does not. Deterministic: the corpus is fixed, the solver (lbfgs) has no randomness,
and the weights are rounded, so a rerun writes the same file.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from backend.assistant.offline.classifier import LABELS, MODEL_PATH, features
from backend.assistant.offline.classifier.corpus import CORPUS_PATH, read

MIN_COUNT = 2  # an n-gram seen in fewer messages is not in the vocabulary
C = 10.0  # inverse regularisation strength
DIGITS = 5  # weights rounded: a small, stable file


def vocabulary(texts: list[str]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(features(text).keys())
    grams = sorted(g for g, n in counts.items() if n >= MIN_COUNT)
    return {g: i for i, g in enumerate(grams)}


def fit(rows: list[tuple[str, str]]) -> tuple[dict[str, Any], Any]:
    """The model as JSON data, and the fitted scikit-learn estimator (for the tests)."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    texts = [text for _, text in rows]
    vocab = vocabulary(texts)
    data, indices, indptr = [], [], [0]
    for text in texts:
        for gram, value in features(text, vocab).items():
            indices.append(vocab[gram])
            data.append(value)
        indptr.append(len(indices))
    x = csr_matrix((data, indices, indptr), shape=(len(texts), len(vocab)))
    model = LogisticRegression(C=C, max_iter=5000, solver="lbfgs", tol=1e-6)
    model.fit(x, [LABELS.index(label) for label, _ in rows])
    labels = [LABELS[int(k)] for k in model.classes_]
    weights = [[round(float(w), DIGITS) for w in row] for row in model.coef_.T]
    out = {
        "labels": labels,
        "vocabulary": list(vocab),
        "weights": weights,
        "intercepts": [round(float(b), DIGITS) for b in model.intercept_],
        "trained_on": f"{len(rows)} messages of corpus.tsv",
    }
    return out, (model, vocab)


def dump(model: dict[str, Any]) -> str:
    return json.dumps(model, separators=(",", ":")) + "\n"


def train(corpus: Path = CORPUS_PATH, out: Path = MODEL_PATH) -> dict[str, Any]:
    model, _ = fit(read(corpus))
    out.write_text(dump(model))
    return model


if __name__ == "__main__":
    model = train()
    size = MODEL_PATH.stat().st_size
    print(f"{len(model['vocabulary'])} n-grams, {size / 1024:.0f} KiB -> {MODEL_PATH}")
