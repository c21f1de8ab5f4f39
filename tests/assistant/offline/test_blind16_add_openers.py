"""blind-16's adds whose titles kept words said before the request (tests written before the
fixes): a vocative ("hey assistant add …"), a misspelt "cn u", a venting sentence before
"anyway add …", a label ending in ':' ("tomorrow need: X", "add schedule: X"), guillemets and
typographic quotes, and "first one on <date>" said of a repeat (no second task)."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

TODAY = date(2026, 12, 1)  # a Tuesday


async def _added(app: FastAPI, message: str, title: str) -> dict:
    t = await converse(app, [], [message], {title})
    assert t.problems == [], t.problems
    titles = by_title(t.after)
    assert set(titles) == {title.lower()}, (titles.keys(), t.replies)
    assert title.lower() in t.replies[0].lower(), t.replies
    return titles[title.lower()]


# --- a misspelt "can you" ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("cn u add clean the gutters", "Clean the gutters"),  # blind-16
        ("cn you add buy milk", "Buy milk"),
        ("cn u pls add call the dentist", "Call the dentist"),
        ("cud u add water the plants", "Water the plants"),
        ("cld u add book a table", "Book a table"),
        ("cn u remind me to pay rent", "Pay rent"),
    ],
)
async def test_a_misspelt_can_you_is_no_title(app: FastAPI, message: str, title: str):
    await _added(app, message, title)


# --- a vocative ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("hey assistant add a reminder to buy a present for Jake's wedding on the 20th and mark "
         "it as high priority thanks", "Buy a present for Jake's wedding"),  # blind-16
        ("hey assistant add clean the oven", "Clean the oven"),
        ("assistant, add call the bank", "Call the bank"),
        ("ok assistant remind me to water the plants", "Water the plants"),
        ("hi bot add buy stamps", "Buy stamps"),
        ("hey assistant, please add renew the passport", "Renew the passport"),
        ("hey Jarvis add buy milk", "Buy milk"),
        ("hi bot, remind me to call mum", "Call mum"),
        ("hey there add defrost the freezer", "Defrost the freezer"),
    ],
)  # fmt: skip
async def test_the_assistant_addressed_is_no_title(app: FastAPI, message: str, title: str):
    await _added(app, message, title)


async def test_jake_wedding_keeps_its_day_and_priority(app: FastAPI):
    task = await _added(
        app,
        "hey assistant add a reminder to buy a present for Jake's wedding on the 20th and mark "
        "it as high priority thanks",
        "Buy a present for Jake's wedding",
    )
    assert task["priority"] == "high" and task["due_date"] == "2026-12-20"


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("add email the assistant manager", "Email the assistant manager"),
        ("add hire an assistant", "Hire an assistant"),
        ("add assistant coach meeting", "Assistant coach meeting"),
    ],
)
async def test_assistant_as_a_word_of_the_title_stays(app: FastAPI, message: str, title: str):
    await _added(app, message, title)


# --- venting, then "anyway add …" -----------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("my boss just dumped another thing on me at 5pm, classic. anyway add review the vendor "
         "contract for monday, high priority, work tag", "Review the vendor contract"),  # blind-16
        ("what a day, honestly. anyway add call the plumber", "Call the plumber"),
        ("the printer jammed again, typical. anyway, add order toner", "Order toner"),
        ("so tired of meetings lol. anyways add book the dentist", "Book the dentist"),
        ("ugh the traffic was awful! anyway please add buy bread", "Buy bread"),
    ],
)  # fmt: skip
async def test_venting_before_anyway_add_is_no_title(app: FastAPI, message: str, title: str):
    await _added(app, message, title)


async def test_vendor_contract_keeps_its_attributes(app: FastAPI):
    task = await _added(
        app,
        "my boss just dumped another thing on me at 5pm, classic. anyway add review the vendor "
        "contract for monday, high priority, work tag",
        "Review the vendor contract",
    )
    assert task["priority"] == "high" and task["due_date"] == "2026-12-07"
    assert task["tags"] == ["work"] and task["due_time"] is None


@pytest.mark.parametrize(
    ("message", "title"),
    [("add call Anyway Ltd", "Call Anyway Ltd"), ("add email anyway", "Email anyway")],
)
async def test_anyway_inside_a_title_stays(app: FastAPI, message: str, title: str):
    await _added(app, message, title)


async def test_anyway_add_after_a_task_adds_both(app: FastAPI):
    t = await converse(app, [], ["buy milk. anyway add buy eggs"], {"Buy milk", "Buy eggs"})
    assert t.problems == [], t.problems
    assert set(by_title(t.after)) == {"buy milk", "buy eggs"}, t.replies


async def test_the_assistant_addressed_then_a_question_adds_nothing(app: FastAPI):
    t = await converse(app, [], ["hey assistant what's due today?"], set())
    assert t.problems == [] and t.after == [], t.replies


# --- a label ending in ':' ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "title", "due", "time"),
    [
        ("tomorrow need: buy train tickets. add please", "Buy train tickets", "2026-12-02", None),
        ("Please add schedule: visit the immigration office, 10 o'clock tomorrow",
         "Visit the immigration office", "2026-12-02", "10:00"),  # blind-16
        ("friday need: pick up the parcel", "Pick up the parcel", "2026-12-04", None),
        ("tomorrow need: call the landlord. please add", "Call the landlord", "2026-12-02", None),
        ("add schedule: dentist appointment friday", "Dentist appointment", "2026-12-04", None),
        ("add need: buy batteries", "Buy batteries", None, None),
        ("please add schedule: call the school tomorrow", "Call the school", "2026-12-02", None),
    ],
)  # fmt: skip
async def test_a_label_before_a_colon_is_no_title(
    app: FastAPI, message: str, title: str, due: str | None, time: str | None
):
    task = await _added(app, message, title)
    assert (task["due_date"], task["due_time"]) == (due, time), task


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("add review schedule", "Review schedule"),
        ("add buy need-to-have items", "Buy need-to-have items"),
        ("add update the schedule", "Update the schedule"),
        ("add print the work schedule", "Print the work schedule"),
    ],
)
async def test_schedule_and_need_inside_a_title_stay(app: FastAPI, message: str, title: str):
    await _added(app, message, title)


# --- guillemets and typographic quotes -------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "title", "due"),
    [
        ("I would like that you create a task « call the insurance » for friday please",
         "Call the insurance", "2026-12-04"),  # blind-16
        ("add «call the bank» tomorrow", "Call the bank", "2026-12-02"),
        ("add \u2018water the plants\u2019 tomorrow", "Water the plants", "2026-12-02"),
        ("create a task \u201cbook flights\u201d for friday", "Book flights", "2026-12-04"),
        ("add \u201epay the rent\u201c tomorrow", "Pay the rent", "2026-12-02"),
        ("add \u2039renew the visa\u203a", "Renew the visa", None),
    ],
)  # fmt: skip
async def test_typographic_quotes_work_like_quotes(
    app: FastAPI, message: str, title: str, due: str | None
):
    task = await _added(app, message, title)
    assert task["due_date"] == due, task


# --- "first one on <date>" said of a repeat -----------------------------------------------


@pytest.mark.parametrize(
    ("message", "title", "due", "repeat"),
    [
        ("add pay the car insurance, every year, first one on 15 March 2027",
         "Pay the car insurance", "2027-03-15", "FREQ=YEARLY"),  # blind-16
        ("add water the garden, every week, first one on friday",
         "Water the garden", "2026-12-04", "FREQ=WEEKLY"),
        ("add pay the gym, every month, first payment on 5 January 2027",
         "Pay the gym", "2027-01-05", "FREQ=MONTHLY"),
        ("add service the boiler every year, first one is on 10 April 2027",
         "Service the boiler", "2027-04-10", "FREQ=YEARLY"),
    ],
)  # fmt: skip
async def test_first_one_on_a_day_starts_the_repeat(
    app: FastAPI, message: str, title: str, due: str, repeat: str
):
    t = await converse(app, [], [message], {title})
    assert t.problems == [], t.problems
    titles = by_title(t.after)
    assert set(titles) == {title.lower()}, (titles.keys(), t.replies)
    assert titles[title.lower()]["due_date"] == due, titles


@pytest.mark.parametrize(
    ("message", "title"),
    [("add finish the first one on friday", "Finish the first one"),
     ("add make my first payment on friday", "Make my first payment")],
)  # fmt: skip
async def test_a_first_thing_named_keeps_its_words(app: FastAPI, message: str, title: str):
    task = await _added(app, message, title)
    assert task["due_date"] == "2026-12-04", task


# --- "for the X add that Y": a note on the task X names ---------------------------------------

PARTY = [
    {"title": "Plan the birthday party", "description": "Saturday at the park"},
    {"title": "Book the dentist"},
]


@pytest.mark.parametrize(
    ("message", "note"),
    [
        ("for the party add that we need 12 balloons", "12 balloons"),  # blind-16
        ("for the birthday party add that Sam brings the cake", "Sam brings the cake"),
        ("for the party add a note that the cake is chocolate", "the cake is chocolate"),
        ("for my party add that we need 3 tables", "3 tables"),
    ],
)
async def test_for_the_task_add_that_is_a_note_on_it(app: FastAPI, message: str, note: str):
    t = await converse(app, PARTY, [message], {"Plan the birthday party"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert set(after) == {"plan the birthday party", "book the dentist"}, t.replies
    assert note in (after["plan the birthday party"]["description"] or ""), t.replies


async def test_for_a_task_not_there_add_that_adds_no_junk_task(app: FastAPI):
    t = await converse(app, PARTY, ["for the wedding add that we need 12 balloons"], set())
    assert t.problems == [], t.problems
    assert sorted(map(str, t.after)) == sorted(map(str, t.before)), t.replies
