"""Repeat rules: validation, the next day, and the words (backend/tasks/recurrence.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from backend.tasks.recurrence import describe, next_occurrence, normalise


def days_after(rule: str, start: date, n: int) -> list[date]:
    """Complete the task n times: the due dates it moves through."""
    seen, due = [], start
    for _ in range(n):
        following = next_occurrence(rule, due)
        if following is None:
            break
        due, rule = following
        seen.append(due)
    return seen


class TestNormalise:
    def test_one_spelling(self):
        assert normalise(" rrule:byday=mo,we;FREQ=weekly;INTERVAL=1 ") == "FREQ=WEEKLY;BYDAY=MO,WE"
        assert normalise("FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1") == (
            "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1"
        )

    @pytest.mark.parametrize(
        ("rule", "message"),
        [
            ("BYDAY=MO", "needs FREQ"),
            ("FREQ=SECONDLY", "unsupported repeat frequency SECONDLY"),
            ("FREQ=DAILY;BYSETPOS=1", "unsupported repeat rule part BYSETPOS"),
            ("FREQ=DAILY;WKST=MO", "unsupported repeat rule part WKST"),
            ("FREQ=DAILY;FREQ=WEEKLY", "gives FREQ twice"),
            ("FREQ=DAILY;COUNT", "is not NAME=VALUE"),
            ("FREQ=DAILY;COUNT=0", "COUNT must be a whole number from 1"),
            ("FREQ=DAILY;INTERVAL=-2", "INTERVAL must be a whole number"),
            ("FREQ=MONTHLY;BYMONTHDAY=32", "repeat rule is not valid"),
            ("FREQ=YEARLY;BYMONTH=13", "repeat rule is not valid"),
            ("FREQ=DAILY;UNTIL=tomorrow", "repeat rule is not valid"),
            ("FREQ=YEARLY;BYMONTH=4;BYMONTHDAY=31", "never happens"),
        ],
    )
    def test_refused_with_a_reason(self, rule: str, message: str):
        with pytest.raises(ValueError, match=message):
            normalise(rule)


class TestNextDay:
    def test_strictly_after_the_due_date(self):
        assert next_occurrence("FREQ=DAILY", date(2030, 1, 1)) == (date(2030, 1, 2), "FREQ=DAILY")
        # Due on a day the rule does not name: the rule's next day.
        assert days_after("FREQ=WEEKLY;BYDAY=MO", date(2030, 1, 2), 2) == [
            date(2030, 1, 7),
            date(2030, 1, 14),
        ]

    def test_every_31st_skips_shorter_months(self):
        assert days_after("FREQ=MONTHLY;BYMONTHDAY=31", date(2030, 1, 31), 4) == [
            date(2030, 3, 31),
            date(2030, 5, 31),
            date(2030, 7, 31),
            date(2030, 8, 31),
        ]

    def test_last_day_of_the_month(self):
        assert days_after("FREQ=MONTHLY;BYMONTHDAY=-1", date(2030, 1, 31), 3) == [
            date(2030, 2, 28),
            date(2030, 3, 31),
            date(2030, 4, 30),
        ]

    def test_leap_day_comes_back_in_four_years(self):
        assert days_after("FREQ=YEARLY", date(2028, 2, 29), 2) == [
            date(2032, 2, 29),
            date(2036, 2, 29),
        ]
        assert days_after("FREQ=MONTHLY;BYMONTHDAY=29", date(2029, 1, 29), 2) == [
            date(2029, 3, 29),  # no 29 February in 2029
            date(2029, 4, 29),
        ]

    def test_across_a_dst_change_the_wall_time_stays(self):
        """Europe/Berlin moves its clocks forward on 2030-03-31. The rule is about days and
        the task keeps its "09:00" wall time, so from 09:00 on the 30th to 09:00 on the 31st
        is 23 hours of real time, not 24: the task is not shifted to 10:00."""
        berlin = ZoneInfo("Europe/Berlin")
        assert days_after("FREQ=DAILY", date(2030, 3, 30), 2) == [
            date(2030, 3, 31),
            date(2030, 4, 1),
        ]
        nine = [datetime(2030, 3, day, 9, 0, tzinfo=berlin) for day in (30, 31)]
        assert (nine[1].astimezone(UTC) - nine[0].astimezone(UTC)).total_seconds() == 23 * 3600

    def test_until_in_the_past_has_no_next_day(self):
        assert next_occurrence("FREQ=DAILY;UNTIL=20291231", date(2030, 1, 1)) is None
        assert next_occurrence("FREQ=WEEKLY;UNTIL=20300105T235959Z", date(2030, 1, 1)) is None
        assert next_occurrence("FREQ=DAILY;UNTIL=20300102", date(2030, 1, 1)) == (
            date(2030, 1, 2),
            "FREQ=DAILY;UNTIL=20300102",
        )

    def test_count_is_what_is_left_and_runs_out(self):
        assert days_after("FREQ=DAILY;COUNT=3", date(2030, 1, 1), 5) == [
            date(2030, 1, 2),
            date(2030, 1, 3),
        ]
        assert next_occurrence("FREQ=DAILY;COUNT=1", date(2030, 1, 1)) is None

    def test_interval_and_weekdays(self):
        assert days_after("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", date(2030, 1, 4), 2) == [
            date(2030, 1, 18),
            date(2030, 2, 1),
        ]
        assert days_after("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", date(2030, 1, 4), 2) == [
            date(2030, 1, 7),
            date(2030, 1, 8),
        ]


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("FREQ=DAILY", "every day"),
        ("FREQ=DAILY;INTERVAL=3", "every 3 days"),
        ("FREQ=WEEKLY;BYDAY=MO,WE", "every Monday and Wednesday"),
        ("FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "every weekday"),
        ("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "every 2 weeks on Friday"),
        ("FREQ=WEEKLY;INTERVAL=2", "every 2 weeks"),
        ("FREQ=MONTHLY;BYMONTHDAY=1", "every month on the 1st"),
        ("FREQ=MONTHLY;BYMONTHDAY=-1", "every month on the last day"),
        ("FREQ=MONTHLY;BYDAY=1MO", "every month on the first Monday"),
        ("FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=3", "every year on March 3"),
        ("FREQ=DAILY;COUNT=1", "every day, this is the last time"),
        ("FREQ=DAILY;UNTIL=20300301", "every day, until 1 Mar 2030"),
    ],
)
def test_in_words(rule: str, text: str):
    assert describe(rule) == text


def test_in_words_from_the_due_date():
    assert describe("FREQ=YEARLY", date(2030, 7, 14)) == "every year on July 14"
    assert describe("FREQ=MONTHLY", date(2030, 7, 14)) == "every month on the 14th"
    assert describe(None) is None
