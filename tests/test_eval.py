"""The offline assistant's public evaluation set as a regression gate (`make eval` prints it)."""

from __future__ import annotations

import pytest

from tests.eval.run import PASS_MARK, evaluate, load_cases, report

pytestmark = pytest.mark.asyncio


async def test_offline_assistant_meets_the_pass_mark():
    cases = load_cases()
    assert len(cases) >= 150
    outcomes = await evaluate(cases)
    accuracy = report(outcomes)  # failures are printed, so a red run says which and why
    assert accuracy >= PASS_MARK, [o.case_id for o in outcomes if not o.passed]
