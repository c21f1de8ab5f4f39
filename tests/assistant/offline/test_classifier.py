"""The intent classifier (``offline/classifier/``): its model file, its pure-Python inference,
and how it is combined with the rules (``OFFLINE_ASSISTANT_INTENTS=hybrid``).

The tests that train need scikit-learn, which the app does not depend on:
``uv run --with scikit-learn==1.9.1 pytest tests/assistant/offline/test_classifier.py``.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from backend.assistant.offline.classifier import MODEL_PATH, ModelMissing, features, load
from backend.assistant.offline.classifier.combine import Chosen, combined, instead
from backend.assistant.offline.classifier.corpus import CORPUS_PATH, build, read
from backend.assistant.offline.intents import understand
from backend.assistant.offline.model import OfflineModel
from backend.assistant.offline.parsing import Intent
from backend.assistant.offline.targets import Decision
from tests.assistant.offline.safety import converse

TODAY = date(2026, 11, 21)


def test_the_corpus_is_generated_reproducibly_and_kept():
    assert build() == read(CORPUS_PATH)


def test_the_corpus_never_holds_a_message_of_a_measured_set():
    from backend.assistant.offline.classifier.corpus import (
        MEASURED_SETS,
        TRAIN_SETS,
        measured_messages,
    )

    assert not set(MEASURED_SETS) & set(TRAIN_SETS)
    held_out = measured_messages()
    assert "remind me to get groceries tomorrow" in held_out  # a blind-5 message
    assert not {text.lower() for _, text in read(CORPUS_PATH)} & held_out


def test_loading_a_missing_model_fails_clearly(tmp_path: Path):
    with pytest.raises(ModelMissing, match=r"not found at .*train"):
        load(tmp_path / "model.json")


def test_a_hybrid_model_without_its_file_fails_at_startup(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
):
    import backend.assistant.offline.model as model_module

    def missing() -> None:
        load(tmp_path / "absent.json")

    monkeypatch.setattr(model_module, "load_classifier", missing)
    with pytest.raises(ModelMissing):
        OfflineModel(intents="hybrid")
    OfflineModel(intents="rules")  # the rules alone never need it


def test_features_are_unit_length_and_vocabulary_bound():
    grams = features("chk off the cat pls")
    assert abs(sum(v * v for v in grams.values()) - 1) < 1e-9
    assert "w:chk" in grams and "b:<s> chk" in grams and "c: ca" in grams
    assert set(features("chk off the cat pls", {"w:cat": 0})) == {"w:cat"}


@pytest.fixture(scope="module")
def trained() -> tuple[dict[str, Any], Any]:
    pytest.importorskip("sklearn")
    from backend.assistant.offline.classifier.train import fit

    return fit(read(CORPUS_PATH))


def test_training_is_deterministic_and_gives_the_committed_model(
    trained: tuple[dict[str, Any], Any],
):
    from backend.assistant.offline.classifier.train import dump

    model, _ = trained
    assert dump(model) == MODEL_PATH.read_text()


def test_inference_matches_scikit_learn_on_the_corpus(trained: tuple[dict[str, Any], Any]):
    from scipy.sparse import csr_matrix

    _, (estimator, vocab) = trained
    classifier = load()
    texts = [text for _, text in read(CORPUS_PATH)]
    rows = [features(t, vocab) for t in texts]
    data = [v for r in rows for v in r.values()]
    indices = [vocab[g] for r in rows for g in r]
    indptr = [0]
    for r in rows:
        indptr.append(indptr[-1] + len(r))
    x = csr_matrix((data, indices, indptr), shape=(len(texts), len(vocab)))
    theirs = estimator.decision_function(x)
    for text, scores in zip(texts, theirs, strict=True):
        ours = classifier.scores(text)
        assert max(abs(a - float(b)) for a, b in zip(ours, scores, strict=True)) < 1e-2
    labels = [classifier.labels[int(k)] for k in estimator.predict(x)]
    assert [classifier.predict(t)[0] for t in texts] == labels


# The combination: the rules decide, the classifier only where they understood nothing.


def test_a_message_the_rules_do_not_understand_gets_the_classifiers_intent():
    message = "the car's been washed"
    assert understand(message, TODAY).kind == "help"
    intent = understand(message, TODAY, hybrid=True)
    assert intent.kind == "complete"
    assert intent.items and "car" in intent.items[0].lower()


def test_what_the_rules_understand_stays_theirs():
    for message in ["add buy milk tomorrow", "mark the rent done", "what's due today?", "hello"]:
        assert understand(message, TODAY, hybrid=True) == understand(message, TODAY)


def test_a_question_is_never_read_as_a_change():
    message = "is the report high priority?"
    assert understand(message, TODAY, hybrid=True).kind not in {"update", "complete", "delete"}


def test_a_pronoun_alone_is_left_to_the_rules():
    rules = understand("hmm it", TODAY)
    assert combined("hmm it", rules, TODAY) == rules


def _user(text: str) -> dict[str, Any]:
    return {"role": "user", "type": "message", "content": [{"type": "input_text", "text": text}]}


async def _turn(message: str, listed: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """One hybrid turn where every lookup answers ``listed``: the tools it called, in order."""
    model = OfflineModel(today=TODAY, intents="hybrid")
    items: list[Any] = [_user(message)]
    called: list[tuple[str, dict[str, Any]]] = []
    for n in range(6):
        output = (await model.get_response(None, items)).output
        calls = [o for o in output if o.type == "function_call"]
        if not calls:
            return called
        for c in calls:
            called.append((c.name, json.loads(c.arguments)))
            args = json.loads(c.arguments)
            if c.name == "list_tasks":
                result: dict[str, Any] = {"tasks": listed, "more_available": False}
            else:  # what the tool would say it changed
                task = _task(args.get("task_id", 99), args.get("title", "?"))
                result = {"task": {**task, **args, "recurrence_text": ""}}
            result |= {"today": str(TODAY), "changed_task_ids": []}
            items += [
                {"type": "function_call", "call_id": f"c{n}", "name": c.name,
                 "arguments": c.arguments},
                {"type": "function_call_output", "call_id": f"c{n}", "output": json.dumps(result)},
            ]  # fmt: skip
    raise AssertionError(f"no reply after {called}")


def _task(task_id: int, title: str) -> dict[str, Any]:
    at = "2026-11-01T00:00:00Z"
    return {"id": task_id, "title": title, "description": None, "completed": False,
            "priority": "medium", "due_date": None, "tags": [], "created_at": at,
            "updated_at": at, "completed_at": None}  # fmt: skip


async def test_a_classifier_complete_with_no_matching_task_changes_nothing():
    message = "the car's been washed"
    assert understand(message, TODAY, hybrid=True).kind == "complete"
    called = await _turn(message, [_task(1, "Buy milk")])
    assert called and {name for name, _ in called} == {"list_tasks"}  # looked, changed nothing


def test_a_classifier_change_that_finds_no_task_gives_way_to_the_rules_add():
    rules = Intent("add", ["Gym session"])
    chosen = Chosen("update", ["gym session"], rules=rules)
    assert instead(chosen, Decision(reply="No such task.", no_such_task=True)) is rules
    assert instead(chosen, Decision(reply="Did you mean 'Gym'?")) is None  # a near miss asks
    assert instead(rules, Decision(no_such_task=True)) is None  # the rules' own reading stands


async def test_a_name_with_attributes_and_no_such_task_is_added():
    message = "gym session 17:30 tomorrow"
    assert understand(message, TODAY, hybrid=True).kind == "add"  # the rules look for it first
    called = await _turn(message, [_task(1, "Buy milk")])
    [(name, args)] = [c for c in called if c[0] != "list_tasks"]
    assert name == "add_task" and args["title"].lower().startswith("gym session")


async def test_a_classifier_change_of_a_named_task_changes_only_that_task():
    called = await _turn(
        "gym session 17:30 tomorrow", [_task(1, "Gym session"), _task(2, "Buy milk")]
    )
    [(name, args)] = [c for c in called if c[0] != "list_tasks"]
    assert name == "update_task" and args["task_id"] == 1


def test_a_task_to_do_is_never_read_as_a_completion():
    message = "pick up the dry cleaning I dropped off friday"
    assert understand(message, TODAY, hybrid=True).kind == "add"


@pytest.mark.parametrize(
    "message",
    # blind-14: after "mark call anna done", "and annabel too" reached the classifier as
    # "annabel", which it read as a delete (0.71): a name alone asks to change nothing
    ["annabel", "call annabel", "the garage", "gym", "dentist", "annabel too", "milk", "the vet"],
)
def test_a_name_alone_is_never_a_classifier_change(message: str):
    rules = understand(message, TODAY)
    assert combined(message, rules, TODAY).kind not in {"complete", "reopen", "delete"}


@pytest.mark.parametrize(
    "message", ["drop gym", "the car's been washed", "gym task can go", "scrap the gym"]
)
def test_a_change_word_with_the_name_still_reaches_the_classifier(message: str):
    assert understand(message, TODAY, hybrid=True).kind in {"complete", "delete"}


async def test_a_name_after_a_completion_completes_it_in_the_app(app: FastAPI):
    start = [{"title": "Call Anna"}, {"title": "Call Annabel"}, {"title": "Call the garage"}]
    t = await converse(app, start, ["mark call anna done", "and annabel too"],
                       {"Call Anna", "Call Annabel"})  # fmt: skip
    assert t.problems == [], t.problems
    assert {x["title"] for x in t.after if x["completed"]} == {"Call Anna", "Call Annabel"}
