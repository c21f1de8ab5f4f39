"""Repeating tasks: an RFC 5545 RRULE body, checked against an allow-list, read with
python-dateutil.

A rule is about days; the task's ``due_time`` is a wall-clock time in the user's zone, so a
task due daily at 09:00 stays at 09:00 across daylight-saving changes. Months without the
rule's day are skipped, as RFC 5545 says ("every month on the 31st" skips April);
``BYMONTHDAY=-1`` is the month's last day. ``COUNT`` is how many times are left, the current
due date included: completing the task counts one off.
"""

from __future__ import annotations

import calendar
import contextlib
import re
from datetime import date, datetime, time

from dateutil.rrule import rrulestr

FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
PARTS = ("FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYMONTH", "COUNT", "UNTIL")
MAX_NUMBER = 1000  # INTERVAL and COUNT
_DAYS = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
         "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}  # fmt: skip
_WEEKDAYS = {"MO", "TU", "WE", "TH", "FR"}
_UNIT = {"DAILY": "day", "WEEKLY": "week", "MONTHLY": "month", "YEARLY": "year"}
_HELP = "e.g. FREQ=WEEKLY;BYDAY=MO,WE"


_INVALID = (
    "repeat rule is not valid: BYDAY takes MO..SU (optionally numbered 1-5 or -1..-5, e.g. "
    "1MO or -1FR), BYMONTHDAY 1..31 or -31..-1, BYMONTH 1..12, UNTIL a date YYYYMMDD"
)
# Values dateutil would accept yet no calendar has (BYMONTHDAY=32): refused up front, or
# finding the "next" day would search to the year 9999.
_VALUES = {
    "BYDAY": re.compile(r"[+-]?[1-5]?(?:MO|TU|WE|TH|FR|SA|SU)"),
    "BYMONTHDAY": re.compile(r"-?(?:[1-9]|[12]\d|3[01])"),
    "BYMONTH": re.compile(r"[1-9]|1[0-2]"),
    "UNTIL": re.compile(r"\d{8}(?:T\d{6}Z?)?"),
}


def _parts(rule: str) -> dict[str, str]:
    body = rule.strip()
    if body.upper().startswith("RRULE:"):
        body = body[6:]
    parts: dict[str, str] = {}
    for chunk in filter(None, (c.strip() for c in body.upper().split(";"))):
        key, sep, value = chunk.partition("=")
        if not sep or not value:
            raise ValueError(f"repeat rule part '{chunk[:20]}' is not NAME=VALUE ({_HELP})")
        if key not in PARTS:
            raise ValueError(
                f"unsupported repeat rule part {key[:20]}: only {', '.join(PARTS)} are allowed"
            )
        if key in parts:
            raise ValueError(f"repeat rule gives {key} twice")
        parts[key] = value
    return parts


def _join(parts: dict[str, str]) -> str:
    return ";".join(f"{key}={parts[key]}" for key in PARTS if key in parts)


def _positive(parts: dict[str, str], key: str) -> None:
    if key in parts and not (parts[key].isdigit() and 1 <= int(parts[key]) <= MAX_NUMBER):
        raise ValueError(f"repeat rule {key} must be a whole number from 1 to {MAX_NUMBER}")


def normalise(rule: str) -> str:
    """The rule in one canonical spelling, or ValueError with a message a person can act on."""
    parts = _parts(rule)
    if "FREQ" not in parts:
        raise ValueError(f"repeat rule needs FREQ ({_HELP})")
    if parts["FREQ"] not in FREQUENCIES:
        raise ValueError(
            f"unsupported repeat frequency {parts['FREQ'][:20]}: use DAILY, WEEKLY, MONTHLY "
            "or YEARLY"
        )
    if "COUNT" in parts and "UNTIL" in parts:
        raise ValueError("repeat rule can end with COUNT or UNTIL, not both")
    _positive(parts, "INTERVAL")
    _positive(parts, "COUNT")
    if parts.get("INTERVAL") == "1":
        del parts["INTERVAL"]
    for key, pattern in _VALUES.items():
        if key in parts and not all(pattern.fullmatch(v) for v in parts[key].split(",")):
            raise ValueError(_INVALID)
    canonical = _join(parts)
    try:
        rrulestr(canonical, dtstart=datetime(2000, 1, 1), ignoretz=True)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError):
        raise ValueError(_INVALID) from None
    if not _can_happen(parts):
        raise ValueError("repeat rule never happens (no such day in those months)")
    return canonical


def _can_happen(parts: dict[str, str]) -> bool:
    """BYMONTH=2;BYMONTHDAY=30 names no day at all (and dateutil would search for years)."""
    if "BYMONTH" not in parts or "BYMONTHDAY" not in parts:
        return True
    days = [int(d) for d in parts["BYMONTHDAY"].split(",")]
    months = [int(m) for m in parts["BYMONTH"].split(",")]
    return any(d < 0 or d <= calendar.monthrange(2000, m)[1] for d in days for m in months)


def next_occurrence(rule: str, due: date) -> tuple[date, str] | None:
    """The next day strictly after ``due``, and the rule to keep (COUNT counted down), or None
    when the rule has no further day (COUNT used up, UNTIL passed)."""
    parts = _parts(rule)
    if "COUNT" in parts:
        if int(parts["COUNT"]) <= 1:
            return None
        parts["COUNT"] = str(int(parts["COUNT"]) - 1)
    start = datetime.combine(due, time())
    following = rrulestr(rule, dtstart=start, ignoretz=True).after(start)
    return (following.date(), _join(parts)) if following is not None else None


def occurrences(rule: str, start: date, n: int) -> list[date]:
    """The first n days of the rule from ``start`` (start itself when it matches)."""
    at = datetime.combine(start, time())
    rr = rrulestr(rule, dtstart=at, ignoretz=True)
    out: list[date] = []
    for day in rr:
        if len(out) == n:
            break
        out.append(day.date())
    return out


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _month_day(value: str) -> str:
    n = int(value)
    if n == -1:
        return "the last day"
    return f"the {_ordinal(n)}" if n > 0 else f"the {_ordinal(-n)} to last day"


_NTH = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth", -1: "last",
        -2: "second to last"}  # fmt: skip


def _weekday(value: str) -> str:
    name, number = _DAYS[value[-2:]], value[:-2].lstrip("+")
    if not number:
        return name
    n = int(number)
    return f"the {_NTH.get(n, _ordinal(abs(n)) + (' to last' if n < 0 else ''))} {name}"


def describe(rule: str | None, due: date | None = None) -> str | None:
    """The rule in words: "every Monday and Wednesday", "every month on the 1st"."""
    if not rule:
        return None
    try:
        parts = _parts(rule)
    except ValueError:
        return None
    freq, n = parts.get("FREQ", "DAILY"), int(parts.get("INTERVAL", "1"))
    unit = _UNIT.get(freq, "day")
    every = f"every {n} {unit}s" if n > 1 else f"every {unit}"
    days = parts["BYDAY"].split(",") if "BYDAY" in parts else []
    details: list[str] = []
    if days and set(days) == _WEEKDAYS and freq in ("DAILY", "WEEKLY") and n == 1:
        every = "every weekday"
    elif days and freq in ("DAILY", "WEEKLY") and n == 1 and all(len(d) == 2 for d in days):
        every = "every " + _and([_DAYS[d] for d in days])
    elif days:
        details.append("on " + _and([_weekday(d) for d in days]))
    months = [calendar.month_name[int(m)] for m in parts.get("BYMONTH", "").split(",") if m]
    if "BYMONTHDAY" in parts:
        month_days = parts["BYMONTHDAY"].split(",")
        if freq == "YEARLY" and len(months) == 1 and all(int(d) > 0 for d in month_days):
            details.append(f"on {months[0]} {_and(month_days)}")
            months = []
        else:
            details.append("on " + _and([_month_day(d) for d in month_days]))
    elif freq == "YEARLY" and not months and not days and due is not None:
        details.append(f"on {calendar.month_name[due.month]} {due.day}")
    elif freq == "MONTHLY" and not days and due is not None:
        details.append(f"on the {_ordinal(due.day)}")
    if months:
        details.append("in " + _and(months))
    text = " ".join([every, *details])
    if "COUNT" in parts:
        count = int(parts["COUNT"])
        text += ", this is the last time" if count == 1 else f", {count} times left"
    if "UNTIL" in parts:
        until = parts["UNTIL"][:8]
        with contextlib.suppress(ValueError):  # normalise() checked it; stored data may not be
            text += f", until {datetime.strptime(until, '%Y%m%d'):%-d %b %Y}"
    return text
