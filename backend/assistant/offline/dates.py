"""Due dates in everyday words: find the phrase in a message and resolve it to a day.

Relative phrases ("tomorrow", "next friday", "in 3 days", "by the 15th") are resolved here,
exactly and fast, against today in the user's time zone; calendar dates ("march 3",
"2027-01-05", "12/25") go to dateparser. Every future-looking phrase means the next such day.
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import dateparser

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
WEEKDAY_ABBR = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                "fri": 4, "sat": 5, "sun": 6}  # fmt: skip
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "couple of": 2, "few": 3,
                "a couple of": 2, "a few": 3}  # fmt: skip
MONTHS = "|".join(
    sorted({m.lower() for m in calendar.month_name[1:]} | {m.lower() for m in calendar.month_abbr[1:]}
           | {"sept"}, key=len, reverse=True)
)  # fmt: skip

_DAY = r"(?:" + "|".join(sorted(list(WEEKDAYS) + list(WEEKDAY_ABBR), key=len, reverse=True)) + r")"
_NUM = r"(?:\d+|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")"
_ORD = r"(?P<dom>\d{1,2})(?:st|nd|rd|th)"
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
)
ORDINAL_WORDS = {w: i for i, w in enumerate(_ORDINALS.split(), start=1)} | {
    "twenty-first": 21, "twenty first": 21, "twenty-second": 22, "twenty second": 22,
    "twenty-third": 23, "twenty third": 23, "twenty-fourth": 24, "twenty fourth": 24,
    "twenty-fifth": 25, "twenty fifth": 25, "thirtieth": 30, "thirty-first": 31,
    "thirty first": 31,
}  # fmt: skip
_ORD_WORD = "(?:" + "|".join(sorted(ORDINAL_WORDS, key=len, reverse=True)) + ")"
# A day of the month said without its suffix or in words, only after a word that says a
# date is coming and at the end of a part: "on 15", "to the 20", "for the fifteenth".
_END = r"(?=\s*$|\s*[,.;!?]|\s+(?:and|so|at|please|pls|then|too|as well)\b)"
_TOMORROW = r"(?:tomorrow|tmrw?|tmw|tomorow|tommorow|tommorrow)"
# Whole words only: "inspection day after tmrw" must not lose its "on".
# "…, every year, first one on 15 March": the first of a repeat is when it starts ("finish the
# first one on friday", "my first payment on friday" keep their words: a thing named).
_FIRST_ONE = (
    r"(?:(?:^|(?<=,))\s*the\s+|(?<!\bthe\s)(?<!\bthis\s)(?<!\bthat\s)(?<!\bmy\s)(?<!\byour\s)"
    r"(?<!\bour\s)(?<!\bhis\s)(?<!\bher\s)\b)first\s+(?:one|time|payment|instalment|installment|occurrence)"
    r"\s+(?:is\s+|will\s+be\s+|being\s+)?(?:on\s+|from\s+|due\s+)?"
)
_LEAD = (
    rf"(?:{_FIRST_ONE}|\b(?:starting|beginning)\s+(?:on\s+|from\s+)?"
    r"|\b(?:due|by|on|for|before|until|till|at|from)\s+)?"
)

# Each alternative is one way people name a day; named groups tell which.
_PHRASE = re.compile(
    _LEAD
    + r"\b(?:"  # a whole word: "mowed" holds no "wed"
    + r"(?P<today>today|tonight|this (?:morning|afternoon|evening)|later today|end of (?:the )?day|eod)"
    + r"|(?P<overmorrow>(?:(?:the )?day )?after " + _TOMORROW + r")"
    + r"|(?P<tomorrow>" + _TOMORROW + r")(?: (?:morning|afternoon|evening|night))?"
    # "in a week's time", "in two days' time", "in a week from today": the possessive, "time"
    # and "from now/today" are the phrase's (never a second date, "today")
    + r"|(?P<in_n>in " + _NUM + r" (?P<unit>days?|weeks?|months?))"
    + r"(?:(?:'s|s'|')? time\b| from (?:now|today)\b)?"
    + r"|(?P<n_from_now>(?P<n2>" + _NUM + r") (?P<unit2>days?|weeks?|months?)(?:'s|')? (?:from now|from today|later|out|time))"
    + r"|(?P<weekend>(?:this |next |the )?weekend)"
    + r"|(?P<end_week>(?:the )?end of (?:the |this )?(?:week|wk)|eow)"
    # "end of mth", "end of mo", "eom": the shorthand of office mail
    + r"|(?P<end_month>(?:the )?end of (?:the |this )?(?:month|mth|mnth|mo)|eom)"
    + r"|(?P<next_week>next week)"
    + r"|(?P<next_month>next month)"
    # "friday the 4th": one day, named twice
    + r"|" + _DAY + r",? (?:the )?(?P<wd_dom>\d{1,2})(?:st|nd|rd|th)\b"
    + r"|(?:(?P<which>this|next|coming|this coming) )?(?P<weekday>" + _DAY + r")\b(?: (?:morning|afternoon|evening|night))?"
    + r"|(?:the )?(?=\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:" + MONTHS + r")\b)"  # "the 3rd of January"
    + r"(?P<calendar2>\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:" + MONTHS + r")(?:,? \d{4})?)"
    + r"|(?:the )?" + _ORD + r"(?: of (?:the |this |next )?month)?"
    # "the day 20" (non-native): the 20th, when nothing follows or the month is named
    + r"|(?:the )?day (?P<dom_day>\d{1,2})(?:(?: of (?:the |this |next )?month)\b|" + _END + r")"
    + r"|(?:(?<=\bon )|(?<=\bby )|(?<=\bto )|(?<=\bfor )|(?<=\btill )|(?<=\buntil )|(?<=\bbefore )|(?<=\bdue ))(?:the )?(?:(?P<dom_n>\d{1,2})|(?P<dom_w>"
    + _ORD_WORD + r"))(?: of (?:the |this |next )?month)?" + _END
    + r"|(?P<calendar>(?:(?:" + MONTHS + r")\.? \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?)"
    + r"|(?:\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:" + MONTHS + r")(?:,? \d{4})?)"
    + r"|(?:\d{4}-\d{2}-\d{2})|(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?))"
    # "by tomorrow itself", "today itself" (Indian English): the emphasis is the phrase's
    # "tomorrow evening only" at the end of a part: the same emphasis ("buy only organic milk
    # tomorrow" keeps its "only": it is said before the day, of the thing)
    + r")\b(?:\s+itself\b|\s+only(?=\s*$|\s*[,.;!?]))?"
    # "weekend mode", "friday vibes": a day word naming a mood, not a day
    + r"(?!\s+(?:mode|vibes?)\b)",
    re.IGNORECASE,
)  # fmt: skip


@dataclass(frozen=True)
class FoundDate:
    day: date
    start: int
    end: int  # the phrase's span in the text, so callers can cut it out of a title
    day_of_month: int | None = None  # "the 20th" said alone: no month said


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def _next_weekday(today: date, weekday: int) -> date:
    ahead = (weekday - today.weekday()) % 7 or 7  # "friday" said on a friday: next week's
    return today + timedelta(days=ahead)


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _day_of_month(today: date, dom: int) -> date | None:
    for months in range(0, 3):  # the next month that has that day, this one included
        base = add_months(today.replace(day=1), months)
        if dom <= calendar.monthrange(base.year, base.month)[1]:
            candidate = base.replace(day=dom)
            if candidate >= today:
                return candidate
    return None


def _calendar(text: str, today: date) -> date | None:
    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": datetime(today.year, today.month, today.day),
            "PREFER_DATES_FROM": "future",
            "DATE_ORDER": "MDY",
            "REQUIRE_PARTS": ["day", "month"],
        },
    )
    return parsed.date() if parsed else None


def _resolve(m: re.Match[str], today: date) -> date | None:
    g = m.groupdict()
    if g["today"]:
        return today
    if g["overmorrow"]:
        return today + timedelta(days=2)
    if g["tomorrow"]:
        return today + timedelta(days=1)
    if g["in_n"] or g["n_from_now"]:
        if g["in_n"]:
            n, unit = (
                _number(re.sub(r"^in | (?:days?|weeks?|months?)$", "", g["in_n"].lower())),
                g["unit"],
            )
        else:
            n, unit = _number(g["n2"]), g["unit2"]
        unit = unit.lower()
        if unit.startswith("month"):
            return add_months(today, n)
        return today + timedelta(days=n * (7 if unit.startswith("week") else 1))
    if g["weekend"]:
        saturday = _next_weekday(today, 5) if today.weekday() != 5 else today
        return saturday + timedelta(days=7) if g["weekend"].lower().startswith("next") else saturday
    if g["end_week"]:
        return today + timedelta(days=(4 - today.weekday()) % 7)
    if g["end_month"]:
        return today.replace(day=calendar.monthrange(today.year, today.month)[1])
    if g["next_week"]:
        return _next_weekday(today, 0)
    if g["next_month"]:
        return add_months(today.replace(day=1), 1)
    if g["weekday"]:
        name = g["weekday"].lower()
        return _next_weekday(today, WEEKDAYS.get(name, WEEKDAY_ABBR.get(name, 0)))
    if g["calendar2"]:
        return _calendar(g["calendar2"], today)
    if g["wd_dom"]:
        return _day_of_month(today, int(g["wd_dom"]))
    if g["dom"] or g["dom_n"] or g["dom_day"]:
        return _day_of_month(today, int(g["dom"] or g["dom_n"] or g["dom_day"]))
    if g["dom_w"]:
        return _day_of_month(today, ORDINAL_WORDS[g["dom_w"].lower()])
    if g["calendar"]:
        return _calendar(g["calendar"], today)
    return None


def _bare_day_of_month(m: re.Match[str]) -> int | None:
    g = m.groupdict()
    if said := g["dom"] or g["dom_n"] or g["dom_day"]:
        return int(said)
    return ORDINAL_WORDS[g["dom_w"].lower()] if g["dom_w"] else None


def in_month_of(day: date, dom: int) -> date | None:
    """That day of ``day``'s month, if the month has it."""
    try:
        return day.replace(day=dom)
    except ValueError:
        return None


# The same words are searched for a date several times in one decision (each reading of the
# message, each re-run of a handler after a lookup): the scan is the costly part of a reading.
@functools.lru_cache(maxsize=1024)
def find_date(text: str, today: date) -> FoundDate | None:
    """The last date phrase in the text (people usually end with the when)."""
    found = None
    for m in _PHRASE.finditer(text):
        day = _resolve(m, today)
        if day is not None:
            found = FoundDate(day, m.start(), m.end(), _bare_day_of_month(m))
    return found


# Words that may stand around a date naming a task by its due day: "the one due tomorrow",
# "the task for friday", "tomorrow's task", "friday's one".
_AROUND_DATE = re.compile(
    r"^(?:(?:the|my|that|one|task|item|thing|todo|reminder|due|for|on|is|that's|'s|s)\b\W*)*$",
    re.I,
)


def days_said(text: str, today: date) -> set[date]:
    """Every day the text names ("the call for tomorrow, I'll do it today": two)."""
    return {day for m in _PHRASE.finditer(text) if (day := _resolve(m, today)) is not None}


def named_by_date(subject: str, today: date) -> date | None:
    """The due day a subject names, when a date is all it says ("tomorrow's task"); a bare
    date ("friday") may be a title's word, so it is read as a name."""
    when = find_date(subject, today)
    if when is None:
        return None
    around = f"{subject[: when.start]} {subject[when.end :]}".strip()
    return when.day if around and _AROUND_DATE.match(around) else None


# A list of all tasks describes every due date: the same few days, many times, on every reply.
@functools.lru_cache(maxsize=1024)
def describe(day: date | str | None, today: date) -> str:
    """A due date as people say it: "today", "tomorrow", "Friday", "Mon 1 Dec"."""
    if day is None:
        return ""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    delta = (day - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    if 1 < delta < 7:
        return day.strftime("%A")
    label = day.strftime("%a %-d %b")
    return label + (f" {day.year}" if day.year != today.year else "")


def warm_up() -> None:
    _calendar("january 1", date(2000, 1, 1))
