"""The offline assistant's public evaluation sets as regression gates (`make eval` prints it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.eval.run import GATED_SETS, PASS_MARK, evaluate, load_cases, report

pytestmark = pytest.mark.asyncio


@pytest.mark.parametrize("path", GATED_SETS, ids=lambda p: p.name)
async def test_offline_assistant_meets_the_pass_mark(path: Path):
    cases = load_cases(path=path)
    assert len(cases) >= 150
    outcomes = await evaluate(cases)
    accuracy = report(outcomes)  # failures are printed, so a red run says which and why
    assert accuracy >= PASS_MARK, [o.case_id for o in outcomes if not o.passed]
