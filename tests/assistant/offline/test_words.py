"""Words the assistant reads in dates, times, numbers, shifts and task references: times said
in words, days of the month said oddly, texting shorthand, relative shifts either way,
fields taken off, and tasks named with a slip. Today is fixed: Monday 30 Nov 2026."""

from __future__ import annotations

from datetime import date

import pytest
from fastapi import FastAPI

from backend.assistant.offline.dates import find_date
from backend.assistant.offline.intents import understand
from backend.assistant.offline.matching import candidates
from backend.assistant.offline.times import find_time
from tests.assistant.offline.safety import by_title, converse

TODAY = date(2026, 11, 30)  # a Monday


@pytest.mark.parametrize(
    ("text", "rest", "time"),
    [
        ("call the vet tomorrow at ten thirty in the morning", "call the vet tomorrow", "10:30"),
        ("meet Priya at five pm", "meet Priya", "17:00"),
        ("dinner with the Kims at seven in the evening", "dinner with the Kims", "19:00"),
        ("call grandpa at 7 in the evening", "call grandpa", "19:00"),
        ("pick up Noor at half past four", "pick up Noor", "16:30"),
        ("team sync quarter to six", "team sync", "17:45"),
        ("lunch with Ana at noon", "lunch with Ana", "12:00"),
        ("pharmacy run midday", "pharmacy run", "12:00"),
        ("stand-up at nine fifteen", "stand-up", "09:15"),
        ("yoga at six o'clock", "yoga", "18:00"),
        ("train leaves at two forty-five pm", "train leaves", "14:45"),
        ("feed the cat at eight, then sleep", "feed the cat , then sleep", "08:00"),
        ("bake the bread at eleven a.m.", "bake the bread", "11:00"),
        ("water the plants around nine tonight", "water the plants today", "21:00"),
        ("collect the suit by four thirty", "collect the suit", "16:30"),
        ("phone the bank at one", "phone the bank", "13:00"),
        ("quarter past ten dentist", "dentist", "10:15"),
    ],
)  # fmt: skip
def test_times_said_in_words(text: str, rest: str, time: str):
    found = find_time(text)
    assert found is not None
    assert (found[0], found[1].value) == (rest, time)


@pytest.mark.parametrize(
    "text",
    ["read chapter ten", "buy five apples", "the top ten list", "at one point call Jo",
     "book a table for seven", "write two pages"],
)  # fmt: skip
def test_number_words_that_are_no_time_stay(text: str):
    assert find_time(text) is None


@pytest.mark.parametrize(
    ("text", "dom"),
    [
        ("pay the electricity bill, the day 20", 20),
        ("rent day 3", 3),
        ("due on day 5", 5),
        ("water bill day 12 of the month", 12),
        ("pay the nanny on the 20th", 20),
        ("renew insurance on 3rd", 3),
        ("council tax by the 1st", 1),
        ("send invoice for the 15th", 15),
        ("gas bill due the twentieth", 20),
        ("phone bill on the twenty first", 21),
        ("book flights by 28", 28),
        ("hand in form on 9th please", 9),
        ("submit timesheet for the 31st of the month", 31),
        ("vet jab day 2", 2),
        ("school fees, the day 10.", 10),
    ],
)  # fmt: skip
def test_days_of_the_month_said_many_ways(text: str, dom: int):
    found = find_date(text, TODAY)
    assert found is not None and found.day.day == dom


@pytest.mark.parametrize("text", ["day 2 of the trip", "pay rent day 40", "read chapter 3"])
def test_a_day_number_that_is_no_date_stays(text: str):
    assert find_date(text, TODAY) is None


@pytest.mark.parametrize(
    ("message", "kind", "items", "due", "tags"),
    [
        ("mv gym to tmrw same time", "update", ["gym"], date(2026, 12, 1), []),
        ("tag passport one w travel", "update", ["passport"], None, ["travel"]),
        ("mv dentist to nxt wk", "update", ["dentist"], date(2026, 12, 7), []),
        ("add lunch w sam 2moro", "add", ["lunch with sam"], date(2026, 12, 1), []),
        ("add call mum tmw", "add", ["call mum"], date(2026, 12, 1), []),
        ("add clean the garage this wknd", "add", ["clean the garage"], date(2026, 12, 5), []),
        ("add hoover the stairs 2mrw pls", "add", ["hoover the stairs"], date(2026, 12, 1), []),
        ("pay rent b4 fri thx", "add", ["pay rent"], date(2026, 12, 4), []),
        ("add email jo abt the lease tdy", "add", ["email jo about the lease"], TODAY, []),
        ("mv the haircut to thurs", "update", ["haircut"], date(2026, 12, 3), []),
        ("tag the invoice w work pls", "update", ["invoice"], None, ["work"]),
        ("add pick up parcel tonite", "add", ["pick up parcel"], TODAY, []),
        ("mv yoga to tues", "update", ["yoga"], date(2026, 12, 1), []),
        ("add dentist appt tmrw", "add", ["dentist appt"], date(2026, 12, 1), []),
        ("add mom's bday card 2moro", "add", ["mom's bday card"], date(2026, 12, 1), []),
    ],
)  # fmt: skip
def test_texting_shorthand(
    message: str, kind: str, items: list[str], due: date | None, tags: list[str]
):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.details.due, intent.details.tags) == (
        kind, items, due, tags,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("message", "items", "days"),
    [
        ("my teacher moved the history essay up a day, can u change it", ["history essay"], -1),
        ("The car service, I want to postpone it one week more please.", ["car service"], 7),
        ("bring the dentist forward two days", ["dentist"], -2),
        ("push back the report a fortnight", ["report"], 14),
        ("move the gym a week later", ["gym"], 7),
        ("the meeting needs to move a day earlier", ["meeting"], -1),
        ("postpone the vet by a week", ["vet"], 7),
        ("delay the tax return two weeks", ["tax return"], 14),
        ("can you bring the essay forward by a day", ["essay"], -1),
        ("push the report back a couple of days pls", ["report"], 2),
        ("bump the haircut back one week", ["haircut"], 7),
        ("move the call 2 days later", ["call"], 2),
        ("boss pushed the review back a week", ["review"], 7),
        ("bring forward the haircut 2 days", ["haircut"], -2),
        ("could you move the picnic three days sooner", ["picnic"], -3),
        ("the landlord postponed the inspection by a fortnight", ["inspection"], 14),
        ("pull the presentation forward a week", ["presentation"], -7),
        ("postpone the dentist for a week", ["dentist"], 7),
        ("push the insurance renewal back a month", ["insurance renewal"], 0),
        ("delay the gym for two days please", ["gym"], 2),
    ],
)  # fmt: skip
def test_relative_shifts_either_way(message: str, items: list[str], days: int):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.details.shift_days) == ("update", items, days)


@pytest.mark.parametrize(
    ("message", "months"),
    [("push the insurance renewal back a month", 1), ("bring the review forward two months", -2),
     ("postpone the trip by a month", 1)],
)  # fmt: skip
def test_a_shift_by_months_keeps_the_day_of_the_month(message: str, months: int):
    assert understand(message, TODAY).details.shift_months == months


@pytest.mark.parametrize(
    "message", ["move the dentist to next month", "push the gym to the end of the month"]
)
def test_a_month_named_is_a_date_not_a_shift(message: str):
    d = understand(message, TODAY).details
    assert (d.shift_days, d.shift_months) == (0, 0) and d.due is not None


@pytest.mark.parametrize(
    "message", ["add call mom in 2 days", "add water the plants every 2 weeks",
                "remind me to renew the visa in three weeks", "I moved the couch 2 days ago"],
)  # fmt: skip
def test_a_date_in_some_days_is_no_shift(message: str):
    assert understand(message, TODAY).details.shift_days == 0


@pytest.mark.parametrize(
    ("message", "items", "field"),
    [
        ("no fixed time for the call with Ben, just sometime tomorrow", ["call with Ben"], "time"),
        ("drop the time from the dentist", ["dentist"], "time"),
        ("the dentist, no time needed", ["dentist"], "time"),
        ("take the time off the haircut pls", ["haircut"], "time"),
        ("the gym does not need a time any more", ["gym"], "time"),
        ("remove the set time on the school run", ["school run"], "time"),
        ("no exact time for yoga", ["yoga"], "time"),
        ("stop repeating the balcony plants task, the neighbour has them now",
         ["balcony plants"], "repeat"),
        ("yoga doesn't repeat anymore", ["yoga"], "repeat"),
        ("the gym is no longer weekly", ["gym"], "repeat"),
        ("bins are not weekly any more", ["bins"], "repeat"),
        ("water plants doesnt need to repeat any more", ["water plants"], "repeat"),
        ("turn off the weekly repeat on the bins", ["bins"], "repeat"),
        ("make the team lunch a one-time thing", ["team lunch"], "repeat"),
        ("drop the deadline for the essay", ["essay"], "due"),
        ("remove the due date from the tax return", ["tax return"], "due"),
        ("the novel has no deadline", ["novel"], "due"),
    ],
)  # fmt: skip
def test_a_field_taken_off(message: str, items: list[str], field: str):
    intent = understand(message, TODAY)
    d = intent.details
    cleared = {"time": d.clear_time, "repeat": d.clear_repeat, "due": d.clear_due}
    assert (intent.kind, intent.items, cleared[field]) == ("update", items, True)
    assert [f for f, on in cleared.items() if on] == [field]


@pytest.mark.parametrize(
    "message",
    ["every monday not every friday water plants", "not every day", "I have no time to read"],
)
def test_words_like_a_clear_that_clear_nothing(message: str):
    d = understand(message, TODAY).details
    assert not (d.clear_time or d.clear_repeat)


_TASKS = [
    {"title": "Vacuum the living room"},
    {"title": "Clean the bathroom"},
    {"title": "Buy flowers for anniversary"},
    {"title": "Buy flour"},
    {"title": "Schedule the dentist appointment"},
    {"title": "Renew the passport"},
    {"title": "Reply to the landlord"},
    {"title": "Organise the birthday party"},
    {"title": "Pay the electricity bill"},
    {"title": "Practise the presentation"},
]


@pytest.mark.parametrize(
    ("said", "title"),
    [
        ("vaccuming", "Vacuum the living room"),
        ("the vacumming", "Vacuum the living room"),
        ("clening the bathrom", "Clean the bathroom"),
        ("anniversery flowers", "Buy flowers for anniversary"),
        ("flowers for the aniversary", "Buy flowers for anniversary"),
        ("dentist appt", "Schedule the dentist appointment"),
        ("dentist apointment", "Schedule the dentist appointment"),
        ("pasport", "Renew the passport"),
        ("passprt renewal", "Renew the passport"),
        ("landlrod", "Reply to the landlord"),
        ("bday party", "Organise the birthday party"),
        ("birthdy party", "Organise the birthday party"),
        ("electricty bill", "Pay the electricity bill"),
        ("practicing the presentaton", "Practise the presentation"),
        ("presenation", "Practise the presentation"),
    ],
)  # fmt: skip
def test_a_task_named_with_a_slip_is_found(said: str, title: str):
    assert [t["title"] for t in candidates(said, _TASKS)] == [title]


@pytest.mark.parametrize("said", ["hoovering", "groceries", "car", "party games for kids"])
def test_a_slip_never_picks_an_unrelated_task(said: str):
    assert candidates(said, _TASKS) == []


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("I wrote wrong the title, please it should be 'Buy flowers for anniversary'",
         "Buy flowers for anniversary"),
        ("typo in the title, it should be Call the electrician", "Call the electrician"),
        ("fix the spelling: Pick up the prescription", "Pick up the prescription"),
        ('oops I spelled it wrong, it should be "Book the restaurant"', "Book the restaurant"),
        ("the title should be 'Dentist checkup'", "Dentist checkup"),
        ("the correct title is Renew the passport", "Renew the passport"),
        ("sorry I typed the name wrong, should be Email Joanna about the lease",
         "Email Joanna about the lease"),
        ("I misspelled it, the right name is Vacuum the stairs", "Vacuum the stairs"),
        ("spelling mistake - correct the title to Water the begonias", "Water the begonias"),
        ("fix the typo: Practise the presentation", "Practise the presentation"),
        ("it's spelled 'Reply to the landlord'", "Reply to the landlord"),
        ("my typo, the name must be Collect the parcel", "Collect the parcel"),
        ("title is wrong, it should say 'Buy flour'", "Buy flour"),
        ("wrong spelling, the title needs to be Organise the birthday party",
         "Organise the birthday party"),
        ("I typed it badly, it should read Pay the electricity bill", "Pay the electricity bill"),
    ],
)  # fmt: skip
def test_a_title_put_right_renames_the_task_it_is_closest_to(message: str, title: str):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.new_title) == ("update", [title], title)


@pytest.mark.parametrize(
    "message",
    ["it should be friday", "I made a mistake, the meeting should be tuesday",
     "the report should be high priority"],
)  # fmt: skip
def test_a_date_or_level_said_right_is_no_new_title(message: str):
    assert understand(message, TODAY).new_title is None


async def test_a_typo_in_the_task_word_completes_the_task_meant(app: FastAPI):
    start = [{"title": "Vacuum the living room"}, {"title": "Clean the bathroom"}]
    t = await converse(app, start, ["finshed the vaccuming"], {"Vacuum the living room"})
    assert t.problems == []
    after = by_title(t.after)
    assert after["vacuum the living room"]["completed"] is True
    assert after["clean the bathroom"]["completed"] is False


async def test_a_title_put_right_updates_and_adds_nothing(app: FastAPI):
    start = [{"title": "Buy flowers for Anniversery"}, {"title": "Buy flour"}]
    t = await converse(
        app, start, ["I wrote wrong the title, it should be 'Buy flowers for anniversary'"],
        {"Buy flowers for Anniversery", "Buy flowers for anniversary"},
    )  # fmt: skip
    assert t.problems == []
    assert set(by_title(t.after)) == {"buy flowers for anniversary", "buy flour"}


async def test_a_title_put_right_that_names_no_task_changes_nothing(app: FastAPI):
    start = [{"title": "Buy flour"}, {"title": "Walk the dog"}]
    t = await converse(app, start, ["typo, it should be 'Call the electrician'"], set())
    assert t.problems == []
    assert set(by_title(t.after)) == {"buy flour", "walk the dog"}


async def test_a_shift_said_after_the_task_moves_it_from_its_own_day(app: FastAPI):
    start = [{"title": "Car service", "due_date": "2026-12-02"}, {"title": "Dentist"}]
    t = await converse(
        app, start, ["The car service, I want to postpone it one week more please."],
        {"Car service"},
    )  # fmt: skip
    assert t.problems == []
    assert by_title(t.after)["car service"]["due_date"] is not None


async def test_a_yes_to_a_delete_beside_a_suggestion_confirms_the_delete(app: FastAPI):
    start = [{"title": "Cancel Netflix trial"}, {"title": "Cancel dentist on Monday"}]
    t = await converse(
        app, start, ["del the netflix thing, already did it on my phone", "yep"],
        {"Cancel Netflix trial"},
    )  # fmt: skip
    assert t.problems == []
    after = by_title(t.after)
    assert set(after) == {"cancel dentist on monday"}
    assert after["cancel dentist on monday"]["completed"] is False


# "the tag is work": the tag named after "is"/"should be", never a tag "is" (blind-9, a junk
# tag on the task named).
@pytest.mark.parametrize(
    ("message", "tags"),
    [
        ("Please put it high priority and the tag is work", ["work"]),
        ("make it high, the tag is work", ["work"]),
        ("add buy paint, the tag is home", ["home"]),
        ("add call the vet, tag is pets", ["pets"]),
        ("move it to friday and the label is errands", ["errands"]),
        ("add revise chapter 4, the tag should be school", ["school"]),
    ],
)
def test_the_tag_is_named_after_is(message: str, tags: list[str]):
    assert understand(message, TODAY).details.tags == tags
