"""Times of day and repeats in everyday words, found in a message and cut out of it.

Times: "at 9", "5pm", "17:30", "noon", "9 o'clock", and parts of the day with these
defaults: morning 09:00, afternoon 15:00, evening 18:00, tonight and night 20:00, noon
12:00, midnight 23:59 (the end of that day, not its start). A bare hour after "at" is read
as the nearer daytime: 7-11 the morning, 12 noon, 1-6 the afternoon ("at 5" is 17:00,
"3:30" is 15:30; "03:30" and "17:30" are as written),
unless a part of the day says otherwise ("tomorrow morning at 6" is 06:00).

Repeats become an RRULE body (backend/tasks/recurrence.py): "daily", "every monday and
wednesday", "every 2 weeks", "every weekday", "on the 1st of every month", "every year on
march 3", "every other friday", "every morning" (daily at 09:00). A repeat with no date
starts on its next day, today included (``first_day``).
"""

from __future__ import annotations

import calendar
import functools
import re
from dataclasses import dataclass
from datetime import date

from backend.tasks import recurrence

PART_OF_DAY = {"morning": "09:00", "afternoon": "15:00", "evening": "18:00",
               "night": "20:00", "tonight": "20:00"}  # fmt: skip
NOON, MIDNIGHT = "12:00", "23:59"
# When said without a clock: "after work", "before school", "at lunchtime". Once a clock time
# is said too ("after work, actually make that 6pm") these words only repeat it.
VAGUE_TIME = re.compile(
    r"\b(?:(?:after|before)\s+(?:work|school|lunch|dinner|breakfast|class|the gym|my shift)"
    r"|first thing(?:\s+in the morning)?|at lunch(?:time)?)\b",
    re.I,
)

_DAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
_DAY_WORDS = {name.lower(): i for i, name in enumerate(calendar.day_name)} | {
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "weds": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_DAY = "(?:" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)) + ")"
_DAYS_LIST = rf"{_DAY}s?(?:\s*(?:,|and|&|\+|/|or)\s*(?:on\s+)?{_DAY}s?)*"  # "tue + thu", "mon/wed"
_MONTH_WORDS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.lower(): i for i, m in enumerate(calendar.month_abbr) if m
} | {"sept": 9}  # fmt: skip
_MONTH = "(?:" + "|".join(sorted(_MONTH_WORDS, key=len, reverse=True)) + r")\.?"
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "other": 2, "second": 2,
            "couple of": 2, "couple": 2, "few": 3}  # fmt: skip
_N = r"(?:\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_EVERY = r"(?:every|each|evry|everey)"
_ORD = r"(?P<dom>\d{1,2})(?:st|nd|rd|th)?"
_ORD2 = _ORD.replace("dom", "dom2")
_LEAD = r"(?:\b(?:at|by|@|around|from|before|for)\s+)?"
_NTH = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
        "4th": 4, "last": -1}  # fmt: skip


@dataclass(frozen=True)
class Found:
    value: str  # "HH:MM" or an RRULE body
    start: int
    end: int
    day: str | None = None  # what the phrase said of the day ("tonight": today), kept in text


_CLOCK = re.compile(
    _LEAD + r"\b(?:(?P<h>\d{1,2})(?:[:.](?P<m>[0-5]\d))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?=\W|$)"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?!\d)(?:\s*(?:h|hrs|hours))?"
    r"|(?P<named>noon|midday|midnight)"
    r"|(?P<hour>\d{1,2})\s*o'?\s*clock)\b",
    re.I,
)
# "at 9": only after "at", and not "at 9 items" or "at the 5th" ("at 9 tonight", "at like 3
# in the afternoon", "at 8 this evening" are times: a word of the day may follow; an ordinal
# ending is a whole word, so "th" of "this" is none).
_BARE_HOUR = re.compile(
    r"\b(?:at|@|around)\s+(?:like\s+|about\s+|around\s+|roughly\s+)?(?P<h>\d{1,2})"
    r"(?![\d:/-]|[.,]\d|\s*(?:(?:st|nd|rd|th)\b|%)|\s*(?!(?:tonight|tonite|today|tomorrow|this|in|on|next|"
    r"every|each|and|or|then|sharp|please|pls|thanks|thx|for|with|to|until|till|oh|ok|actually|"
    r"instead|now)\b)\w)",
    re.I,
)
# "11 morning", "4 in the afternoon", "9 in morning", "7 evening": an hour said right before its part of the
# day is that hour (learner and spoken forms; "at" and am/pm left out). Hours 1-12 only.
_HOUR_THEN_PART = re.compile(
    r"\b(?P<h>1[0-2]|0?[1-9])\s+(?:in\s+(?:the\s+)?)?(?=(?:morning|afternoon|evening)\b)",
    re.I,
)
_HOURS = "one two three four five six seven eight nine ten eleven twelve"
_HOUR_WORDS = {w: i for i, w in enumerate(_HOURS.split(), start=1)}
_HOUR_WORD = r"(?:\d{1,2}|" + "|".join(_HOUR_WORDS) + ")"
# "at quarter past seven", "half past four", "quarter to nine", "half past 5 pm" (the am/pm
# is the phrase's: its "5 pm" alone would lose the half hour)
_SPOKEN = re.compile(
    rf"\b(?:at\s+|around\s+)?(?:a\s+)?(?P<m>quarter|half)\s+(?P<dir>past|to)\s+(?P<h>{_HOUR_WORD})"
    r"(?:\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?=\W|$)|\b)",
    re.I,
)
# Said after an article or a preposition and before a noun, a part of the day describes it:
# "into evening Spanish classes", "the morning paper" (no time); "tomorrow morning", "in the
# evening", "in morning", "morning at 7", "(every friday) evening call grandma" are times;
# "in evening school" is not.
_DETERMINERS = "the a an into for some my our his her their your about of in during"
_AFTER_DETERMINER = "|".join(rf"(?<=\b{w}\s)" for w in _DETERMINERS.split())
_NOT_A_NOUN = (
    r"(?:at|on|in|by|for|before|after|and|or|then|please|pls|plz|thanks|thank|to|with|is|if|so|"
    r"but|every|each|today|tomorrow|tonight|next|this|that|the|a|an|of|sharp|latest|ish|too|as|"
    r"also|works|would|will|should|i|we|it|till|until|from|around|about|preferably|ideally|when|"
    r"ok|okay|yeah|no|not|instead|actually|maybe|mate|" + _DAY + r")"
)
_PART = re.compile(
    r"\b(?:(?P<this>this|tomorrow|tmrw|tomorow|tommorow|" + _DAY + r")\s+)?"
    r"(?P<lead>(?:in|during)\s+the\s+|at\s+)?(?:(?:in|during)\s+)?"  # "in morning" (learners)
    rf"(?(this)|(?(lead)|(?!(?:{_AFTER_DETERMINER})(?:morning|afternoon|evening|night)\s+"
    rf"(?!{_NOT_A_NOUN}\b)[a-z]{{3,}}\b)))"
    r"(?P<part>morning|afternoon|evening|night)\b"
    r"|\b(?P<tonight>tonight|tonite|2nite)\b",
    re.I,
)


# Times said in words become digits before they are read ("ten thirty" -> "10:30", "five pm"
# -> "5pm", "at seven in the evening" -> "at 7 in the evening"). A bare hour word is a time
# only after "at"/"around" and before the end of a part or a part of the day ("at ten" is,
# "chapter ten" is not); hour and minutes need a leading "at", "by", "to"... or am/pm.
_MINUTE_WORDS = {"oh five": 5, "o five": 5, "ten": 10, "fifteen": 15, "twenty": 20,
                 "twenty five": 25, "thirty": 30, "thirty five": 35, "forty": 40,
                 "forty five": 45, "fifty": 50, "fifty five": 55}  # fmt: skip
_HW = "(?:" + "|".join(sorted(_HOUR_WORDS, key=len, reverse=True)) + ")"
_MW = (
    "(?:"
    + "|".join(w.replace(" ", r"[\s-]") for w in sorted(_MINUTE_WORDS, key=len, reverse=True))
    + ")"
)
_AMPM = r"(?:a\.?m\.?|p\.?m\.?|o'?\s*clock)"
_SPELLED = re.compile(
    rf"(?P<lead>\b(?:at|around|by|until|till|to|for|from|@)\s+)?\b(?P<h>{_HW})(?:[\s-]+(?P<m>{_MW}))?"
    rf"(?:\s*(?P<ampm>{_AMPM}))?(?![\w'-])"
    rf"(?P<after>(?=\s+(?:in\s+the\s+(?:morning|afternoon|evening)|at\s+night|tonight|sharp)\b|\s*[,.;!?]|\s*$))?",
    re.I,
)


def _spelled_to_digits(text: str) -> str:
    def digits(m: re.Match[str]) -> str:
        h, minute, ampm, lead = m["h"], m["m"], m["ampm"], m["lead"] or ""
        bare_ok = lead.strip().lower() in {"at", "around", "@"} and m["after"] is not None
        whole = m.start() == 0 and not text[m.end() :].strip(" .!")  # "eleven thirty" alone
        if not (ampm or (minute and (lead or whole)) or bare_ok):
            return m[0]
        hour = _HOUR_WORDS[h.lower()]
        clock = str(hour)
        if minute:
            clock += f":{_MINUTE_WORDS[' '.join(minute.lower().replace('-', ' ').split())]:02d}"
        ampm = re.sub(r"[.\s]", "", ampm or "").lower()
        return f"{lead}{clock}{ampm}" + (" " if ampm.endswith(".") else "")

    return _SPELLED.sub(digits, text)


def _hour(h: int, m: int, ampm: str | None) -> str | None:
    if ampm:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if ampm.lower().startswith("p") else 0)
    return f"{h:02d}:{m:02d}" if 0 <= h <= 23 and 0 <= m <= 59 else None


# A hedged time is the time: "at like ten", "around about 3", "at 10ish", "around sevenish".
_HEDGED = re.compile(
    r"\b(?P<lead>at|around|by|@)\s+(?:(?:like|about|around|roughly|approximately|approx|maybe)\s+)+"
    rf"(?=(?:\d|{_HW}\b|noon\b|midnight\b))",
    re.I,
)
_ISH = re.compile(
    rf"\b(?P<lead>(?:at|around|by|@)\s+)(?P<h>\d{{1,2}}(?::\d\d)?(?:\s*[ap]m)?|{_HW})\s*-?ish\b",
    re.I,
)


def without_hedge(text: str) -> str:
    return _ISH.sub(r"\g<lead>\g<h>", _HEDGED.sub(r"\g<lead> ", text))


def find_time(text: str, said_part: str | None = None) -> tuple[str, Found] | None:
    """The time said in the text, and the text with the phrase cut out (a part of the day
    keeps its day: "tomorrow evening" leaves "tomorrow", "tonight" leaves "today").
    ``said_part``: a part of the day said elsewhere ("every night at 9": 21:00)."""
    text = _spelled_to_digits(without_hedge(text))
    part = _PART.search(text)
    part_name = (part["part"] or "tonight").lower() if part else said_part
    value: str | None = None
    found: tuple[int, int] | None = None
    spoken = _SPOKEN.search(text)
    if (m := _CLOCK.search(text)) and not (spoken and spoken.start() <= m.start() < spoken.end()):
        if m["named"]:
            value = MIDNIGHT if m["named"].lower() == "midnight" else NOON
        elif m["ampm"]:
            value = _hour(int(m["h"]), int(m["m"] or 0), m["ampm"])
        elif m["h24"] and not m["h24"].startswith("0") and int(m["h24"]) <= 12:
            value = _bare(int(m["h24"]), part_name, int(m["m24"]))  # "3:30": 15:30
        elif m["h24"]:
            value = _hour(int(m["h24"]), int(m["m24"]), None)
        elif m["hour"]:
            value = _bare(int(m["hour"]), part_name)
        found = (m.start(), m.end())
    elif m := spoken:
        h = int(m["h"]) if m["h"].isdigit() else _HOUR_WORDS[m["h"].lower()]
        minutes = 30 if m["m"].lower() == "half" else 15
        if m["dir"].lower() == "to":
            h, minutes = (h - 2) % 12 + 1, 60 - minutes
        value = _hour(h, minutes, m["ampm"]) if m["ampm"] else _bare(h, part_name, minutes)
        found = (m.start(), m.end())
    elif (m := _BARE_HOUR.search(text)) or (m := _HOUR_THEN_PART.search(text)):
        value, found = _bare(int(m["h"]), part_name), (m.start(), m.end())
    if value is None and part:
        value = PART_OF_DAY[part_name or "tonight"]
    if value is None:
        return None
    cut = text
    if found:
        cut = cut[: found[0]] + " " + cut[found[1] :]
    if part and (p := _PART.search(cut)):  # the part of the day goes too, its day stays
        day = "today" if p["tonight"] or (p["this"] or "").lower() == "this" else p["this"]
        cut = cut[: p.start()] + (f" {day} " if day else " ") + cut[p.end() :]
    start = found[0] if found else part.start() if part else 0
    return re.sub(r"\s{2,}", " ", cut).strip(), Found(value, start, start)


def _bare(h: int, part: str | None, minute: int = 0) -> str | None:
    """An hour said without am/pm: the part of the day decides, else the nearer daytime."""
    if not 0 <= h <= 23:
        return None
    if h > 12 or h == 0:
        hour = h
    elif part in ("afternoon", "evening", "night", "tonight") and h < 12:
        hour = h + 12
    elif part == "morning":
        hour = h % 12
    else:
        hour = h + 12 if h <= 6 else h
    return f"{hour:02d}:{minute:02d}"


def _number(word: str) -> int:
    word = word.lower()
    return int(word) if word.isdigit() else _NUMBERS[word]


def _days(words: str) -> list[str]:
    found = re.findall(_DAY, words, re.I)
    codes = [_DAY_CODES[_DAY_WORDS[w.lower()]] for w in found]
    return sorted(dict.fromkeys(codes), key=_DAY_CODES.index)


def _rule(freq: str, n: int = 1, **parts: str) -> str:
    body = f"FREQ={freq}" + (f";INTERVAL={n}" if n > 1 else "")
    return body + "".join(f";{k.upper()}={v}" for k, v in parts.items() if v)


# Each pattern and how it becomes a rule; the first that matches wins.
_UNITS = {"day": "DAILY", "week": "WEEKLY", "month": "MONTHLY", "year": "YEARLY"}
# fmt: off
_REPEATS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.I), kind)
    for p, kind in [
        (
            rf"\b{_EVERY}\s+(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|last)\s+(?P<day>{_DAY})(?:\s+of\s+(?:the|every|each)\s+month)?\b",
            "nth_day",
        ),
        (
            rf"\b(?:on\s+)?(?:the\s+)?(?P<nth>first|1st|second|2nd|third|3rd|fourth|4th|last)\s+(?P<day>{_DAY})\s+of\s+(?:every|each|the)\s+month\b",
            "nth_day",
        ),
        (
            rf"\b(?:on\s+)?(?:the\s+)?last\s+day\s+of\s+(?:every|each|the)\s+month\b|\b{_EVERY}\s+last\s+day\s+of\s+the\s+month\b|\b(?:monthly\s+)?on\s+the\s+last\s+day\s+of\s+the\s+month\b",
            "month_end",
        ),
        (
            # (a learner's "the day 15 of the month" is the 15th, once: ``dates``)
            rf"\b(?:on\s+)?(?:the\s+)?(?<!\bday\s){_ORD}\s+(?:day\s+)?of\s+(?:every|each|the)\s+month\b(?:\s+every\s+month)?",
            "month_day",
        ),
        (
            rf"\b{_EVERY}\s+(?P<dom>\d{{1,2}})(?:st|nd|rd|th)\s+(?:day\s+)?(?:of\s+the\s+month)?\b",
            "month_day",
        ),
        (rf"\b(?:{_EVERY}\s+month|monthly)\s+on\s+the\s+{_ORD}\b", "month_day"),
        (
            rf"\b(?:on\s+)?(?:the\s+)?{_ORD}\s+(?:of\s+)?every\s+month\b|\bthe\s+{_ORD2}\s+monthly\b",
            "month_day",
        ),
        (
            rf"\b(?:{_EVERY}\s+year|yearly|annually)\s+on\s+(?:the\s+)?(?:(?P<mon>{_MONTH})\s+{_ORD}|{_ORD2}\s+(?:of\s+)?(?P<mon2>{_MONTH}))\b",
            "year_day",
        ),
        (
            rf"\b(?:on\s+)?(?:(?P<mon>{_MONTH})\s+{_ORD}|(?:the\s+)?{_ORD2}\s+(?:of\s+)?(?P<mon2>{_MONTH}))\s+(?:every\s+year|each\s+year|yearly|annually)\b",
            "year_day",
        ),
        (
            rf"\b{_EVERY}\s+(?:(?P<mon>{_MONTH})\s+{_ORD}|{_ORD2}\s+(?:of\s+)?(?P<mon2>{_MONTH}))\b",
            "year_day",
        ),
        (
            r"\b(?:(?:on\s+)?(?:every\s+)?(?:week\s?days|work\s?days|working\s+days)|every\s+(?:week\s?day|work\s?day|working\s+day)|(?:each|every)\s+weekday|(?<!from\s)mon(?:day)?\s*(?:-|to|through|thru)\s*fri(?:day)?)\b",
            "weekdays",
        ),
        (r"\b(?:every\s+weekend|on\s+weekends|weekends)\b", "weekends"),
        (
            rf"\b{_EVERY}\s+(?P<n>{_N})\s+(?P<unit>day|week|month|year)s?(?:\s+on\s+(?P<days>{_DAYS_LIST}))?\b",
            "interval",
        ),
        (rf"\b{_EVERY}\s+(?P<n>other|second)\s+(?P<days>{_DAYS_LIST})\b", "other_days"),
        (rf"\b{_EVERY}\s+(?:single\s+)?(?P<days>{_DAYS_LIST})(?=\W|$)", "days"),
        (
            r"\b(?:on\s+)?(?P<days>(?:mon|tues|wednes|thurs|fri|satur|sun)days)(?:\s*(?:,|and|&)\s*(?:mon|tues|wednes|thurs|fri|satur|sun)days)*\b",
            "plural_days",
        ),
        (
            rf"\b(?:{_EVERY}\s+(?:single\s+)?|once\s+(?:a|per|every)\s+)(?P<unit>day|week|month|year)\b",
            "unit",
        ),
        (
            rf"\b{_EVERY}\s+(?P<part>morning|afternoon|evening|night)\b|\bnightly\b",
            "daily_part",
        ),
        (
            # "the weekly update", "my daily standup": an adjective, not a repeat
            r"(?<!\bthe\s)(?<!\bmy\s)(?<!\bour\s)(?<!\byour\s)(?<!\ba\s)(?<!\bthis\s)"
            r"\b(?P<adverb>daily|everyday|weekly|monthly|yearly|annually|fortnightly|biweekly|bi-weekly)\b",
            "adverb",
        ),
    ]
]
# fmt: on
_ADVERBS = {
    "daily": "FREQ=DAILY",
    "everyday": "FREQ=DAILY",
    "weekly": "FREQ=WEEKLY",
    "monthly": "FREQ=MONTHLY",
    "yearly": "FREQ=YEARLY",
    "annually": "FREQ=YEARLY",
    "fortnightly": "FREQ=WEEKLY;INTERVAL=2",
    "biweekly": "FREQ=WEEKLY;INTERVAL=2",
    "bi-weekly": "FREQ=WEEKLY;INTERVAL=2",
}  # fmt: skip


def _to_rule(m: re.Match[str], kind: str) -> tuple[str, str | None] | None:
    """The rule, and a part of the day the phrase says ("every morning")."""
    g = m.groupdict()
    if kind == "nth_day":
        return _rule("MONTHLY", byday=f"{_NTH[g['nth'].lower()]}{_days(g['day'])[0]}"), None
    if kind == "month_end":
        return _rule("MONTHLY", bymonthday="-1"), None
    if kind == "month_day":
        dom = int(g["dom"] or g["dom2"])
        return (_rule("MONTHLY", bymonthday=str(dom)), None) if 1 <= dom <= 31 else None
    if kind == "year_day":
        month = _MONTH_WORDS[(g["mon"] or g["mon2"]).lower().rstrip(".")]
        dom = int(g["dom"] or g["dom2"])
        if not 1 <= dom <= calendar.monthrange(2000, month)[1]:
            return None
        return _rule("YEARLY", bymonth=str(month), bymonthday=str(dom)), None
    if kind == "weekdays":
        return _rule("WEEKLY", byday="MO,TU,WE,TH,FR"), None
    if kind == "weekends":
        return _rule("WEEKLY", byday="SA,SU"), None
    if kind == "interval":
        n = _number(g["n"])
        if not 1 <= n <= recurrence.MAX_NUMBER:
            return None
        days = ",".join(_days(g["days"])) if g["days"] else ""
        return _rule(_UNITS[g["unit"].lower()], n, byday=days), None
    if kind == "other_days":
        return _rule("WEEKLY", 2, byday=",".join(_days(g["days"]))), None
    if kind in ("days", "plural_days"):
        named = _days(m.group(0))
        return (_rule("WEEKLY", byday=",".join(named)), None) if named else None
    if kind == "unit":
        return _rule(_UNITS[g["unit"].lower()]), None
    if kind == "daily_part":
        return _rule("DAILY"), (g["part"] or "night").lower()
    return _ADVERBS[g["adverb"].lower()], None


@dataclass(frozen=True)
class Repeat:
    rule: str
    time: str | None  # "every morning" says a time too
    part: str | None = None  # ... and its part of the day: "every night at 9" is 21:00


# How long a repeat lasts, said right after it: "every day for 7 days", "for 3 weeks", "5 times".
_FOR_COUNT = re.compile(
    rf"\s+(?:for\s+(?:the\s+next\s+)?(?P<n>{_N})\s+(?P<unit>day|week|month|time)s?"
    rf"|(?P<times>{_N})\s+times)\b",
    re.I,
)
_DAYS_IN = {("DAILY", "day"): 1, ("DAILY", "week"): 7, ("WEEKLY", "week"): 1,
            ("MONTHLY", "month"): 1}  # fmt: skip


def _with_count(rule: str, m: re.Match[str]) -> str | None:
    """The rule ending after the times said ("every day for 2 weeks": COUNT=14); None when
    the length cannot be counted in the rule's own steps."""
    n = _number(m["n"] or m["times"])
    unit = "time" if m["times"] else m["unit"].lower()
    if "COUNT" in rule or "INTERVAL" in rule:
        return None
    if unit != "time":
        per = _DAYS_IN.get((rule.split(";")[0].removeprefix("FREQ="), unit))
        if per is None:
            return None
        byday = re.search(r"BYDAY=([A-Z,]+)", rule)
        n *= per * (len(byday[1].split(",")) if byday and per == 1 and unit == "week" else 1)
    return f"{rule};COUNT={n}" if 1 <= n <= recurrence.MAX_NUMBER else None


@functools.lru_cache(maxsize=1024)  # like dates.find_date: the same words, many times a decision
def find_repeat(text: str) -> tuple[str, Repeat] | None:
    """The repeat said in the text, and the text without it (and how long it lasts)."""
    for pattern, kind in _REPEATS:
        for m in pattern.finditer(text):
            made = _to_rule(m, kind)
            if made is None:
                continue
            rule, end = made[0], m.end()
            if (c := _FOR_COUNT.match(text, end)) and (counted := _with_count(rule, c)):
                rule, end = counted, c.end()
            rest = text[: m.start()] + " " + text[end:]
            part = made[1]
            time = PART_OF_DAY[part] if part else None
            return re.sub(r"\s{2,}", " ", rest).strip(), Repeat(rule, time, part)
    return None


def first_day(rule: str, start: date) -> date:
    """The rule's first day on or after ``start``: a repeat with no date starts there. Its
    interval counts from that day, so it is left out here: "every other tuesday" said on a
    Wednesday starts next Tuesday (the rule counted from today's week gave the one after)."""
    every = ";".join(p for p in rule.split(";") if not p.startswith("INTERVAL="))
    days = recurrence.occurrences(every, start, 1)
    return days[0] if days else start


# Changes to a task's time or repeat said on their own ("no time needed", "stop repeating").
_QUALIFIER = r"(?:(?:specific|particular|set|fixed|exact|precise|certain)\s+)?"
_REPEAT_WORD = (
    r"(?:daily|weekly|monthly|yearly|annually|fortnightly|every\s+(?:day|week|month|year|\w+day))"
)
CLEAR_TIME = re.compile(
    rf"\b(?:no\s+{_QUALIFIER}(?:due\s+)?time(?:\s+of\s+day)?(?:\s+(?:needed|necessary|required|any\s*more))?"
    rf"(?=\s*$|\s*[,.;!]|\s+(?:for|on|with|in)\s+(?:the|my|that|this|it)\b|\s+(?:needed|necessary|required|any\s*more)\b)|"
    rf"no\s+{_QUALIFIER}time\s+(?:needed|necessary|required)|no\s+(?:specific|particular|set|fixed|exact|precise|certain)\s+time|"
    rf"(?:remove|clear|drop|delete|take\s+(?:off|out|away)|get\s+rid\s+of|lose|scrap|unset|cancel)\s+(?:the\s+)?{_QUALIFIER}(?:due\s+)?time(?:\s+of\s+day)?(?!\s+(?:to|for|at)\s+\d)|"
    r"take\s+(?:the\s+)?(?:due\s+)?time\s+(?:off|away)|any\s*time(?:\s+(?:of\s+(?:the\s+)?day|is\s+fine))?|whenever\s+(?:that\s+)?day|without\s+a\s+time|all[-\s]day|"
    r"(?:does|do|will|should)\s+not\s+(?:need|have)\s+(?:to\s+be\s+at\s+)?(?:a\s+|any\s+)?"
    + _QUALIFIER
    + r"time)\b",
    re.I,
)
CLEAR_REPEAT = re.compile(
    r"\b(?:(?:stop|don'?t|do\s+not|no\s+longer|never)\s+(?:it\s+)?(?:needs?\s+to\s+)?(?:repeat(?:ing)?|recurr?(?:ing)?)|"
    r"(?:does|do|will|should|need)\s+not\s+(?:need\s+to\s+)?(?:repeat|recur)(?:\s+any\s*more)?|"
    r"(?:no|without\s+(?:a\s+)?)\s*(?:more\s+)?(?:repeats?|repetition|recurrence|repeating)|"
    r"(?:remove|clear|cancel|drop|delete|turn\s+off|end|stop|scrap|get\s+rid\s+of)\s+(?:the\s+)?(?:"
    + _REPEAT_WORD
    + r"\s+)?(?:repeat(?:ing)?|recurrence|repetition|schedule|repeat\s+rule)|"
    r"no\s+longer\s+"
    + _REPEAT_WORD
    + r"(?=\s*$|\s*[,.;!]|\s+(?:for|on|with|any\s*more)\b)|not\s+"
    + _REPEAT_WORD
    + r"\s+any\s*more|"
    r"(?:just|only)\s+once|(?:a\s+|make\s+it\s+)one[-\s](?:off|time)(?:\s+thing)?|one-off|one\s+time\s+only|not\s+(?:repeating|recurring)|"
    r"(?:make\s+it\s+)?non[-\s]?(?:repeating|recurring))\b",
    re.I,
)
