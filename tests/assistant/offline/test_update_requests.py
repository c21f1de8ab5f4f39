"""Update requests said in other words (blind-7 tuning): advice questions change nothing,
each task named keeps its own attributes, tags taken off, typos put right."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from backend.assistant.offline.matching import candidates
from tests.assistant.offline.safety import TESTS_DAY, by_title, converse

TODAY = date(2026, 11, 30)  # a Monday


@pytest.mark.parametrize(
    "message",
    [
        "shld i move the dentist to friday? idk",
        "hmm, should we push the team lunch to next week? everyone is busy",
        "do you think I should mark the report done? it's mostly finished",
        "is it better to do the taxes tomorrow or on friday? I have no energy today",
        "would it be smarter to make the garage high priority? it's a mess",
        "should I delete the gym task? I never go anyway",
        "Should i rename the essay task to something shorter? Not sure.",
        "better to call mum today or tomorrow? she's busy",
        "shall I set the visa thing to high? it feels urgent",
        "should I water the plants today or tomorrow? so lazy rn",
        "do I need to finish the slides today?? so tired",
    ],
)
def test_a_question_asking_advice_changes_nothing(message: str):
    assert understand(message, TODAY).kind not in {"add", "update", "complete", "delete"}


@pytest.mark.parametrize(
    ("message", "subject"),
    [
        ("can we move the team lunch to wednesday?", "team lunch"),
        ("can we push the plumber to tomorrow", "plumber"),
    ],
)
def test_a_request_asked_as_a_question_still_changes(message: str, subject: str):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == ("update", [subject])


async def test_an_advice_question_with_a_remark_moves_nothing(app: FastAPI):
    start = [{"title": "Water the plants", "due_date": str(TODAY)}]
    t = await converse(app, start, ["should I water the plants today or tomorrow? so tired"], set())
    assert t.problems == []
    assert by_title(t.after)["water the plants"]["due_date"] == str(TODAY)


@pytest.mark.parametrize(
    ("message", "first", "second"),
    [
        ("make the gym low priority and the dentist urgent", ("gym", "low"), ("dentist", "high")),
        ("set the visa to high and the passport to low", ("visa", "high"), ("passport", "low")),
        ("make the tax return high, the photo album low", ("tax return", "high"),
         ("photo album", "low")),
        ("mark the report high and the slides low pls", ("report", "high"), ("slides", "low")),
        ("make car wash low prio and laundry high prio", ("car wash", "low"),
         ("laundry", "high")),
        ("could you make the invoice high and the receipts medium", ("invoice", "high"),
         ("receipts", "medium")),
        ("pls make groceries top priority but the car wash low", ("groceries", "high"),
         ("car wash", "low")),
        ("set the budget to low and the rent to high, thanks", ("budget", "low"),
         ("rent", "high")),
        ("make the bins hi and the hoover lo", ("bins", "high"), ("hoover", "low")),
        ("make the essay medium and the thesis urgent", ("essay", "medium"), ("thesis", "high")),
    ],
)  # fmt: skip
def test_each_task_named_keeps_its_own_priority(
    message: str, first: tuple[str, str], second: tuple[str, str]
):
    intent = understand(message, TODAY)
    got = [(i.items, i.details.priority) for i in [intent, *intent.then]]
    assert got == [([first[0]], first[1]), ([second[0]], second[1])]


def test_each_task_named_keeps_its_own_date():
    intent = understand("make the essay due friday and the slides due monday", TODAY)
    got = [(i.items, i.details.due) for i in [intent, *intent.then]]
    assert got == [(["essay"], date(2026, 12, 4)), (["slides"], date(2026, 12, 7))]


@pytest.mark.parametrize(
    ("message", "items"),
    [
        ("make the tax return high and due friday", ["tax return"]),
        ("make salt and pepper high", ["salt and pepper"]),
    ],
)
def test_attributes_said_apart_or_shared_stay_one_request(message: str, items: list[str]):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.details.priority, intent.then) == (
        "update",
        items,
        "high",
        [],
    )


async def test_two_tasks_each_get_their_own_priority(app: FastAPI):
    start = [{"title": "Tax return"}, {"title": "Photo album"}, {"title": "Dentist forms"}]
    t = await converse(
        app, start, ["make the photo album urgent and the tax return low"],
        {"Tax return", "Photo album"},
    )  # fmt: skip
    assert t.problems == []
    after = by_title(t.after)
    assert after["photo album"]["priority"] == "high"
    assert after["tax return"]["priority"] == "low"
    assert after["dentist forms"]["priority"] == "medium"


@pytest.mark.parametrize(
    ("message", "subject", "tag"),
    [
        ("take the urgent tag off the budget slides", "budget slides", "urgent"),
        ("the slides don't need the urgent tag anymore", "slides", "urgent"),
        ("drop the 'errands' label from the paint task", "paint", "errands"),
        ("take off the urgent tag from the report", "report", "urgent"),
        ("get rid of the home tag on fix the fence", "fix the fence", "home"),
        ("pls remove the #work tag from the slides", "slides", "work"),
        # the first clause names the task itself now ("X isn't urgent anymore" is a change)
        (
            "the budget slides aren't urgent anymore, take the urgent tag off",
            "budget slides",
            "urgent",
        ),
        ("report is done being important lol, remove the important tag", "it", "important"),
        ("lose the high tag on the gym task", "gym", "high"),
        ("untag the gym task from #health", "gym", "health"),
    ],
)
def test_a_tag_taken_off_is_a_tag_whatever_the_word(message: str, subject: str, tag: str):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.remove_tags, intent.details.priority) == (
        "update",
        [subject],
        [tag],
        None,
    )


@pytest.mark.parametrize(
    ("message", "subject"),
    [
        ("remove all the tags from pick up paint", "pick up paint"),
        ("clear all tags on the paint task", "paint"),
        ("strip the tags off the gym task", "gym"),
        ("untag the car wash", "car wash"),
        ("no tags on the dentist please", "dentist"),
        ("the grocery run doesn't need any tags", "grocery run"),
        ("get rid of all the labels on the invoice", "invoice"),
        ("delete the tags from the essay pls", "essay"),
        ("remove every tag from the bike repair", "bike repair"),
        ("clear the bike repair's tags", "bike repair"),
    ],
)
def test_every_tag_taken_off_is_never_a_delete(message: str, subject: str):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.remove_tags) == ("update", [subject], ["*"])


async def test_a_tag_taken_off_keeps_the_others(app: FastAPI):
    start = [{"title": "Prepare the quarterly report", "tags": ["work", "urgent"]},
             {"title": "Buy milk", "tags": ["urgent"]}]  # fmt: skip
    t = await converse(
        app, start, ["the quarterly report isn't urgent anymore, take the urgent tag off"],
        {"Prepare the quarterly report"},
    )  # fmt: skip
    assert t.problems == []
    after = by_title(t.after)
    assert after["prepare the quarterly report"]["tags"] == ["work"]
    assert after["prepare the quarterly report"]["priority"] == "medium"
    assert after["buy milk"]["tags"] == ["urgent"]


async def test_every_tag_taken_off(app: FastAPI):
    start = [{"title": "Paint the shed", "tags": ["home", "diy"]}, {"title": "Buy paint"}]
    t = await converse(
        app, start, ["clear all the labels on the shed painting"], {"Paint the shed"}
    )
    assert t.problems == []
    assert by_title(t.after)["paint the shed"]["tags"] == []


@pytest.mark.parametrize(
    ("message", "subject", "tag"),
    [
        ("tag the fence weekend", "fence", "weekend"),
        ("tag the gym task health", "gym", "health"),
        ("pls tag the car wash saturday", "car wash", "saturday"),
        ("tag the report friday", "report", "friday"),
        ("tag the garden one outdoors", "garden", "outdoors"),
        ("can you tag the invoice work", "invoice", "work"),
        ("also tag the budget slides monday-meeting", "budget slides", "monday-meeting"),
        ("tag tax return urgent", "tax return", "urgent"),
        ("label the bbq prep summer", "bbq prep", "summer"),
        ("also tag the dentist with health", "dentist", "health"),
        ("and tag the hedge one garden", "hedge", "garden"),
    ],
)
def test_the_word_after_the_task_in_a_tag_request_is_the_tag(message: str, subject: str, tag: str):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.details.tags, intent.details.due) == (
        "update",
        [subject],
        [tag],
        None,
    )


async def test_a_tag_added_keeps_the_ones_there(app: FastAPI):
    start = [{"title": "Trim the hedge", "tags": ["garden"]}, {"title": "Wash the car"}]
    t = await converse(app, start, ["also tag the hedge one saturday"], {"Trim the hedge"})
    assert t.problems == []
    hedge = by_title(t.after)["trim the hedge"]
    assert (hedge["tags"], hedge["due_date"]) == (["garden", "saturday"], None)


# (words said, two titles, which is meant: 0, 1, or None when we must ask)
_SIMILAR = [
    ("email to Chang", "Email Professor Chen", "Email Professor Chang", 1),
    ("email to Professor Chen", "Email Professor Chen", "Email Professor Chang", 0),
    ("call with Jon", "Call Jon about the lease", "Call Joan about the car", 0),
    ("Maria", "Text Marie", "Text Maria", 1),
    ("invoice for Lopez", "Send invoice to Lopez", "Send invoice to Lopes", 0),
    ("the Hansen quote", "Chase the Hanson quote", "Chase the Hansen quote", 1),
    ("pick up Lina", "Pick up Lina", "Pick up Nina", 0),
    ("visit Dana", "Visit Dana in hospital", "Visit Diana in hospital", 0),
    ("the Kim report", "Review the Kim report", "Review the Kym report", 0),
    ("gift for Ella", "Buy a gift for Ella", "Buy a gift for Ellie", 0),
    ("email to Chan", "Email Professor Chen", "Email Professor Chang", None),
    ("email", "Email Professor Chen", "Email Professor Chang", None),
]


@pytest.mark.parametrize(("subject", "a", "b", "meant"), _SIMILAR)
def test_the_name_said_exactly_decides_between_similar_tasks(
    subject: str, a: str, b: str, meant: int | None
):
    found = [t["title"] for t in candidates(subject, [{"title": a}, {"title": b}])]
    assert found == ([a, b] if meant is None else [(a, b)[meant]])


async def test_a_change_to_one_of_two_similar_names_changes_that_one(app: FastAPI):
    start = [{"title": "Email Professor Chen"}, {"title": "Email Professor Chang"}]
    t = await converse(
        app, start, ["the email to Chang should be due thursday"], {"Email Professor Chang"}
    )
    assert t.problems == []
    after = by_title(t.after)
    assert after["email professor chang"]["due_date"] is not None
    assert after["email professor chen"]["due_date"] is None


@pytest.mark.parametrize(
    ("message", "subject"),
    [
        ("the team sync is every 2 weeks now, not every week", "team sync"),
        ("the yoga class is on thursdays now, not tuesdays", "yoga class"),
        ("the book club is monthly now instead of weekly", "book club"),
        ("the report is urgent now, not low", "report"),
        ("do the inventory count tomorrow instead of today", "inventory count"),
        ("the standup is at 9:30 now not 9:00", "standup"),
    ],
)
def test_a_change_said_with_the_old_value_changes_the_task(message: str, subject: str):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == ("update", [subject])


@pytest.mark.parametrize(
    ("message", "names"),
    [
        ("water the plants every 3 days instead of every day", "water the plants"),
        ("call grandma on sunday rather than saturday", "call grandma"),
        ("finish the essay monday instead of friday pls", "the essay"),
        ("pay rent on the 1st not the 5th", "pay rent"),
    ],
)
def test_a_task_said_with_its_old_value_names_the_open_task(message: str, names: str):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.names_task) == ("add", names)


def test_words_after_not_that_are_no_value_stay_in_the_title():
    intent = understand("buy salt not pepper", TODAY)
    assert (intent.kind, intent.items) == ("add", ["buy salt not pepper"])


async def test_a_repeat_said_with_the_old_one_changes_the_task(app: FastAPI):
    start = [{"title": "Book club", "due_date": "2026-12-02", "recurrence": "FREQ=WEEKLY"}]
    t = await converse(app, start, ["the book club is every 2 weeks now, not every week"],
                       {"Book club"})  # fmt: skip
    assert t.problems == []
    assert len(t.after) == 1


async def test_a_day_said_with_the_old_one_moves_the_task(app: FastAPI):
    start = [{"title": "Stock take", "due_date": str(TESTS_DAY)}]
    t = await converse(app, start, ["do the stock take tomorrow instead of today"], {"Stock take"})
    assert t.problems == []
    assert len(t.after) == 1 and t.after[0]["due_date"] != str(TESTS_DAY)


@pytest.mark.parametrize(
    ("message", "subject", "swap"),
    [
        ("fix the typo in byu new headphones", "byu new headphones", ("byu", "buy")),
        ("fix the spelling in cal the plumber", "cal the plumber", ("cal", "call")),
        ("there's a typo in the emial to tom, pls fix it", "emial to tom", ("emial", "email")),
        ("I misspelled wahs the car", "wahs the car", ("wahs", "wash")),
        ("fix the typo in pay teh rent", "pay teh rent", ("teh", "the")),
        ("could you fix the typo in bok the flights", "bok the flights", ("bok", "book")),
        ("I spelled it wrong, the lease call is with John not Jon", "lease call Jon",
         ("Jon", "John")),
        ("sorry typo, the meeting is with Sara not Sarah", "meeting Sarah", ("Sarah", "Sara")),
        ("the call is with John not Jon", "call Jon", ("Jon", "John")),
        ("typo on my part, the dinner is with Mira not Myra", "dinner Myra", ("Myra", "Mira")),
    ],
)  # fmt: skip
def test_a_slip_in_a_title_is_put_right(message: str, subject: str, swap: tuple[str, str]):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.swap, intent.new_title) == (
        "update",
        [subject],
        swap,
        None,
    )


def test_a_typo_we_cannot_find_changes_nothing_yet():
    intent = understand("fix the typo in renew passport", TODAY)
    assert (intent.kind, intent.swap, intent.new_title) == ("update", None, None)


async def test_a_typo_is_put_right_in_the_title(app: FastAPI):
    start = [{"title": "Byu new headphones", "priority": "low"}, {"title": "Buy milk"}]
    t = await converse(app, start, ["fix the typo in byu new headphones"], {"Byu new headphones",
                       "Buy new headphones"})  # fmt: skip
    assert t.problems == []
    assert by_title(t.after)["buy new headphones"]["priority"] == "low"


async def test_a_name_spelt_wrong_is_put_right(app: FastAPI):
    start = [{"title": "Call Jon about the lease"}]
    t = await converse(app, start, ["I spelled it wrong, the lease call is with John not Jon"],
                       {"Call Jon about the lease", "Call John about the lease"})  # fmt: skip
    assert t.problems == []
    assert "call john about the lease" in by_title(t.after)


@pytest.mark.parametrize(
    ("message", "subject", "days", "months"),
    [
        ("the electrician can't come until 3 days later than planned, same time", "electrician",
         3, 0),
        ("the exam is a week earlier than we thought", "exam", -7, 0),
        ("the plumber will come 2 days later than planned", "plumber", 2, 0),
        ("my haircut is a day earlier than scheduled now", "haircut", -1, 0),
        ("the delivery is coming two weeks later than expected", "delivery", 14, 0),
        ("the team offsite happens a month later than planned", "team offsite", 0, 1),
        ("the vet appointment is 1 day sooner than planned", "vet appointment", -1, 0),
        ("the piano tuner comes 4 days later than we agreed", "piano tuner", 4, 0),
        ("book fair starts a week later than originally", "book fair", 7, 0),
        ("the gas check won't happen till 5 days later than arranged", "gas check", 5, 0),
    ],
)  # fmt: skip
def test_a_move_said_as_the_distance_from_the_plan(
    message: str, subject: str, days: int, months: int
):
    intent = understand(message, TODAY)
    d = intent.details
    assert (intent.kind, intent.items, d.shift_days, d.shift_months, d.due) == (
        "update",
        [subject],
        days,
        months,
        None,
    )


async def test_a_visit_later_than_planned_moves_from_its_own_day(app: FastAPI):
    start = [{"title": "Electrician visit", "due_date": "2027-01-10", "due_time": "08:00"}]
    t = await converse(app, start, ["the electrician can't come until 3 days later than planned"],
                       {"Electrician visit"})  # fmt: skip
    assert t.problems == []
    assert t.after[0]["due_date"] == "2027-01-13"


@pytest.mark.parametrize(
    ("message", "subject", "name"),
    [
        ("fix the name in the deposit email task, it's Kathrin with an h", "deposit email",
         "Kathrin"),
        ("fix the name in the deposit email task, it's spelled Kathrin", "deposit email",
         "Kathrin"),
        ("correct the name on the deposit email, it's spelt Kathrin", "deposit email", "Kathrin"),
        ("fix the typo in the deposit email, it should be Kathrin", "deposit email", "Kathrin"),
        ("fix the spelling in the dinner task - it's Anna with two ns", "dinner", "Anna"),
        ("fix the name in the call with Phillip, it's Philip with one l", "call with Phillip",
         "Philip"),
        ("fix the typo in the plumber call, his name is Marek", "plumber call", "Marek"),
        ("fix the name in the lease email, it is Jon with no h", None, None),
    ],
)  # fmt: skip
def test_a_name_put_right_without_the_wrong_one(message: str, subject: str | None, name: str):
    intent = understand(message, TODAY)
    if subject is None:  # a letter taken away is not said by these words: nothing guessed
        assert intent.name_fix == "" and intent.swap is None
        return
    assert (intent.kind, intent.items, intent.name_fix, intent.swap) == (
        "update", [subject], name, None
    )  # fmt: skip


@pytest.mark.parametrize(
    ("message", "subject", "swap"),
    [
        ("fix the name in the deposit email, the name is Kathrin not Katrin",
         "deposit email Katrin", ("Katrin", "Kathrin")),
        ("fix the typo in the deposit email, it should be Kathrin not Katrin",
         "deposit email Katrin", ("Katrin", "Kathrin")),
        ("typo in the deposit email: her name is Kathrin, not Katrin", "deposit email Katrin",
         ("Katrin", "Kathrin")),
        ("fix the spelling in the dinner task, it should be Anna, not Ana", "dinner Ana",
         ("Ana", "Anna")),
    ],
)  # fmt: skip
def test_a_name_put_right_with_the_wrong_one_after(
    message: str, subject: str, swap: tuple[str, str]
):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.swap, intent.new_title) == (
        "update", [subject], swap, None
    )  # fmt: skip


@pytest.mark.parametrize(
    "message",
    [
        "fix the name in the deposit email task, it's Kathrin with an h",
        "fix the typo in the deposit email, it should be Kathrin",
        "fix the name in the deposit email, the name is Kathrin not Katrin",
    ],
)
async def test_a_name_put_right_changes_only_that_word(app: FastAPI, message: str):
    start = [{"title": "Email Katrin about the deposit", "priority": "low"},
             {"title": "Email the landlord about the deposit"}]  # fmt: skip
    t = await converse(app, start, [message], {"Email Katrin about the deposit",
                       "Email Kathrin about the deposit"})  # fmt: skip
    assert t.problems == []
    assert by_title(t.after)["email kathrin about the deposit"]["priority"] == "low"
    assert "email the landlord about the deposit" in by_title(t.after)


@pytest.mark.parametrize(
    ("message", "subject", "field", "value"),
    [
        ("the task 'Call Mum' please put high priority, not the neighbour one", "Call Mum",
         "priority", "high"),
        ("the task 'Call Mum' please make it high priority", "Call Mum", "priority", "high"),
        ("'Call Mum' please put high priority", "Call Mum", "priority", "high"),
        ("'Call Mum' - make it high, not the neighbour one", "Call Mum", "priority", "high"),
        ("the task 'Call Mum' put it low, not the other one", "Call Mum", "priority", "low"),
        ("'Call Mum' please set to high priority.", "Call Mum", "priority", "high"),
        ('the task "Pay rent" please move to friday', "Pay rent", "due", date(2026, 12, 4)),
        ("'Pay rent' set it due tomorrow please", "Pay rent", "due", date(2026, 12, 1)),
        ("my task 'Buy milk' please put tag shopping", "Buy milk", "tags", ["shopping"]),
        ("the todo 'Email Tom': can you make it urgent, but not the other one", "Email Tom",
         "priority", "high"),
    ],
)  # fmt: skip
def test_a_quoted_task_then_what_to_change(message: str, subject: str, field: str, value: object):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == ("update", [subject])
    assert getattr(intent.details, field) == value


def test_a_quoted_task_then_more_than_a_change_is_not_read_as_one():
    intent = understand("the task 'Call Mum' please put it on my list for the kids", TODAY)
    assert intent.details.priority is None


@pytest.mark.parametrize(
    "message",
    [
        "the task 'Call Mum' please put high priority, not the neighbour one",
        "'Call Mum' - make it high, not the neighbour one",
    ],
)
async def test_the_quoted_task_changes_not_the_one_like_it(app: FastAPI, message: str):
    start = [{"title": "Call Mum"}, {"title": "Call Mum's neighbour"}]
    t = await converse(app, start, [message], {"Call Mum"})
    assert t.problems == []
    after = by_title(t.after)
    assert after["call mum"]["priority"] == "high"
    assert after["call mum's neighbour"]["priority"] == "medium"


@pytest.mark.parametrize(
    ("message", "subject", "due", "priority"),
    [
        ("hey so the thing about the boiler service I think it's actually needed by thursday "
         "not friday can you fix that and also it's important so bump it up", "boiler service",
         date(2026, 12, 3), "high"),
        ("about the boiler service, it's needed by thursday not friday", "boiler service",
         date(2026, 12, 3), None),
        ("so the thing with the dentist, I think it's on wednesday actually, and it's urgent",
         "dentist", date(2026, 12, 2), "high"),
        ("regarding the car insurance, it is due on the 20th, not the 15th", "car insurance",
         date(2026, 12, 20), None),
        ("the thing about the report, turns out it's important, bump it up please", "report",
         None, "high"),
        ("ok so about the vet appointment it's friday not thursday, can you change that",
         "vet appointment", date(2026, 12, 4), None),
        ("um the thing for the school trip, I think it's needed by tomorrow and also it's "
         "important", "school trip", date(2026, 12, 1), "high"),
        ("as for the passport renewal, it is low priority, not urgent", "passport renewal",
         None, "low"),
    ],
)  # fmt: skip
def test_a_task_brought_up_then_what_is_true_of_it_now(
    message: str, subject: str, due: date | None, priority: str | None
):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == ("update", [subject])
    assert (intent.details.due, intent.details.priority) == (due, priority)


@pytest.mark.parametrize(
    "message",
    [
        "the thing about the boiler service, it's that the engineer never called me back",
        "about the dentist, it was a nightmare last time",
        "so the thing about the party is that nobody replied",
    ],
)
def test_a_task_brought_up_with_a_story_is_no_change(message: str):
    intent = understand(message, TODAY)
    assert not (intent.kind == "update" and intent.details != type(intent.details)())


async def test_two_changes_dictated_about_one_task(app: FastAPI):
    friday = TESTS_DAY + timedelta(days=(4 - TESTS_DAY.weekday()) % 7)
    start = [{"title": "Book the boiler service", "due_date": str(friday)},
             {"title": "Bleed the radiators"}]  # fmt: skip
    message = (
        "hey so the thing about the boiler service I think it's actually needed by "
        "thursday not friday can you fix that and also it's important so bump it up"
    )
    t = await converse(app, start, [message], {"Book the boiler service"})
    assert t.problems == []
    after = by_title(t.after)
    assert after["book the boiler service"]["priority"] == "high"
    assert after["book the boiler service"]["due_date"] != str(friday)
    assert after["bleed the radiators"]["priority"] == "medium"
