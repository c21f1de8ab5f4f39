"""The language tests run on one day, Tuesday 1 December 2026, the day their dates were written
for ("friday" is the 4th): the app takes today from the clock, so without this a test saying
"due friday" is "2026-12-04" would pass only that week. The clock ticks from noon UTC (the same
day in every time zone a test uses); only these tests travel, so the eval gates and the other
tests, which talk to servers in other processes, keep the real clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import time_machine

from tests.assistant.offline.safety import TESTS_DAY


@pytest.fixture(autouse=True)
def _on_the_tests_day() -> Iterator[None]:
    noon = datetime(TESTS_DAY.year, TESTS_DAY.month, TESTS_DAY.day, 12, tzinfo=UTC)
    with time_machine.travel(noon, tick=True):
        yield
