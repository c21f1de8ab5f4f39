"""Updates blind-17 missed: time granted to a task ("give the attic until the end of the
month"), a tag put on a task named first ("put to the shoes task the tag wedding"), a note added
"to the X task that …", and a follow-up day with a hedge ("add get a flu shot" … "prob friday")."""

from __future__ import annotations

import pytest
from fastapi import FastAPI

from tests.assistant.offline.safety import by_title, converse

pytestmark = pytest.mark.asyncio

ATTIC = [
    {"title": "Clear out the attic", "due_date": "2026-12-02"},
    {"title": "Clear out the garage", "due_date": "2026-12-02"},
]


@pytest.mark.parametrize(
    ("message", "due"),
    [
        ("give the attic until the end of the month", "2026-12-31"),
        ("give the attic until friday", "2026-12-04"),
        ("give the attic till friday please", "2026-12-04"),
        ("please give the attic until the 20th", "2026-12-20"),
        ("give me until friday for the attic", "2026-12-04"),
        ("give me till the end of the month to finish the attic", "2026-12-31"),
        ("give my attic until next week", "2026-12-07"),
    ],
)
async def test_time_given_to_a_task_is_its_due_date(app: FastAPI, message: str, due: str):
    t = await converse(app, ATTIC, [message], {"Clear out the attic"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["clear out the attic"]["due_date"] == due, t.replies
    assert after["clear out the garage"]["due_date"] == "2026-12-02", t.replies
    assert len(t.after) == 2, t.replies


@pytest.mark.parametrize(
    "message", ["add give the dog a bath until friday", "what do I have until friday?"]
)
async def test_give_controls_change_no_task(app: FastAPI, message: str):
    t = await converse(app, ATTIC, [message], {"Give the dog a bath"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["clear out the attic"]["due_date"] == "2026-12-02", t.replies


SHOES = [{"title": "Buy shoes for the wedding"}, {"title": "Go to the gym"}]


@pytest.mark.parametrize(
    ("message", "task", "tag"),
    [
        ("put to the shoes task the tag wedding please", "buy shoes for the wedding", "wedding"),
        ("put to the shoes task the tag wedding", "buy shoes for the wedding", "wedding"),
        ("add to the shoes task the tag party", "buy shoes for the wedding", "party"),
        ("add to the gym one the label health", "go to the gym", "health"),
        ("put on the gym task the tag fitness pls", "go to the gym", "fitness"),
        ("give to the shoes task the tag family", "buy shoes for the wedding", "family"),
    ],
)
async def test_tag_put_on_a_task_named_first(app: FastAPI, message: str, task: str, tag: str):
    t = await converse(app, SHOES, [message], {task})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after[task]["tags"] == [tag], t.replies
    assert len(t.after) == 2, t.replies
    other = next(v for k, v in after.items() if k != task)
    assert other["tags"] == [], t.replies


GIFTS = [
    {"title": "Buy a gift for Nora", "due_date": "2026-12-05"},
    {"title": "Buy a gift for Noah", "due_date": "2026-12-10"},
]


@pytest.mark.parametrize(
    ("message", "note"),
    [
        ("Could you add to the Nora gift task that she likes pottery and the colour green? "
         "Thank you!", "pottery"),
        ("add to the Nora gift task that she likes pottery", "pottery"),
        ("put on the nora gift task: she likes green", "green"),
        ("add to the nora gift task - size M", "size M"),
        ("write in the nora gift task that she reads a lot", "reads a lot"),
        ("pls add to the nora gift task that budget is 50", "budget is 50"),
    ],
)  # fmt: skip
async def test_note_added_to_the_task_named(app: FastAPI, message: str, note: str):
    t = await converse(app, GIFTS, [message], {"Buy a gift for Nora"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert len(t.after) == 2, t.replies
    assert note.lower() in (after["buy a gift for nora"]["description"] or "").lower(), t.replies
    assert not after["buy a gift for noah"]["description"], t.replies


@pytest.mark.parametrize(
    ("message", "titles"),
    [
        ("add to my list buy eggs", {"buy eggs"}),
        ("add buy wrapping paper for the nora gift", {"buy wrapping paper for the nora gift"}),
    ],
)
async def test_note_controls_add_a_task(app: FastAPI, message: str, titles: set[str]):
    t = await converse(app, GIFTS, [message], titles)
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert titles <= set(after), t.replies
    assert not after["buy a gift for nora"]["description"], t.replies


@pytest.mark.parametrize(
    "day", ["prob friday", "probably friday", "prolly friday", "probs friday", "maybe friday",
            "friday", "perhaps friday"],
)  # fmt: skip
async def test_hedged_day_after_an_add_is_its_due_date(app: FastAPI, day: str):
    t = await converse(app, [], ["add get a flu shot 💉", day], {"Get a flu shot"})
    assert t.problems == [], t.problems
    assert [x["title"] for x in t.after] == ["Get a flu shot"], t.replies
    assert t.after[0]["due_date"] == "2026-12-04", t.replies


async def test_a_task_with_a_day_after_an_add_is_its_own(app: FastAPI):
    t = await converse(app, [], ["add get a flu shot", "add call mom friday"],
                       {"Get a flu shot", "Call mom"})  # fmt: skip
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert after["get a flu shot"]["due_date"] is None, t.replies
    assert after["call mom"]["due_date"] == "2026-12-04", t.replies


NEWS = [
    {"title": "Send the team newsletter", "due_date": "2026-12-07",
     "recurrence": "FREQ=WEEKLY;BYDAY=MO"},
    {"title": "Water the plants", "due_date": "2026-12-07", "recurrence": "FREQ=WEEKLY;BYDAY=MO"},
]  # fmt: skip


@pytest.mark.parametrize(
    ("message", "rule"),
    [
        ("the newsletter should go out every 2 weeks now, not weekly. still mondays",
         "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
        ("the newsletter should go out every 2 weeks now, not weekly",
         "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
        ("newsletter goes out every two weeks now, not weekly, still on mondays",
         "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
        ("the newsletter is every 2 weeks, not every week", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
        ("the team newsletter should be every 2 weeks now not weekly",
         "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO"),
    ],
)  # fmt: skip
async def test_a_repeat_said_right_then_wrong(app: FastAPI, message: str, rule: str):
    t = await converse(app, NEWS, [message], {"Send the team newsletter"})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert len(t.after) == 2, t.replies
    # the days kept: said again, or implied by its due date (still a Monday)
    assert after["send the team newsletter"]["recurrence"] in {rule, rule.replace(";BYDAY=MO", "")}
    assert after["send the team newsletter"]["due_date"] == "2026-12-07", t.replies
    assert after["water the plants"]["recurrence"] == "FREQ=WEEKLY;BYDAY=MO", t.replies


@pytest.mark.parametrize(
    "message", ["what repeats every 2 weeks, not weekly?", "is the newsletter every 2 weeks?"]
)
async def test_repeat_controls_change_nothing(app: FastAPI, message: str):
    t = await converse(app, NEWS, [message], set())
    assert t.problems == [], t.problems
    assert sorted(map(str, t.after)) == sorted(map(str, t.before)), t.replies


CALLS = [
    {"title": "Call Dr. Patel", "due_date": "2026-12-02", "due_time": "15:00"},
    {"title": "Team meeting", "due_date": "2026-12-02", "due_time": "09:00"},
]


@pytest.mark.parametrize(
    ("message", "task", "time"),
    [
        ("call w dr patel is at 4 not 3", "call dr. patel", "16:00"),
        ("the call with dr patel is at 4 not 3", "call dr. patel", "16:00"),
        ("call dr patel is at 4pm, not 3pm", "call dr. patel", "16:00"),
        ("the dr patel call is at 5 not 3", "call dr. patel", "17:00"),
        ("the team meeting is at 10 not 9", "team meeting", "10:00"),
        ("team meeting is at 11am not 9am", "team meeting", "11:00"),
    ],
)
async def test_an_hour_said_right_then_wrong(app: FastAPI, message: str, task: str, time: str):
    t = await converse(app, CALLS, [message], {task})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert len(t.after) == 2, t.replies
    assert (after[task]["due_time"] or "")[:5] == time, t.replies
    other = next(v for k, v in after.items() if k != task)
    assert other["due_time"][:5] in {"15:00", "09:00"}, t.replies


async def test_a_room_number_is_still_a_word_of_the_title(app: FastAPI):
    rooms = [{"title": "Book room 3 for the review"}]
    t = await converse(
        app, rooms, ["it's room 4 not 3 for the review"], {"Book room 4 for the review"}
    )
    assert t.problems == [], t.problems


LUIGI = [
    {"title": "Book a table at Luigi's", "due_date": "2026-12-05"},
    {"title": "Go for a swim", "due_date": "2026-12-03", "due_time": "07:00"},
]


@pytest.mark.parametrize(
    ("message", "old", "new"),
    [
        ("so Luigi's is fully booked so change that to book a table at Nonna's instead same day",
         "book a table at luigi's", "book a table at nonna's"),
        ("change the luigi's booking to book a table at Nonna's, same day",
         "book a table at luigi's", "book a table at nonna's"),
        ("change the luigi's booking to book a table at Nonna's instead, same day",
         "book a table at luigi's", "book a table at nonna's"),
        ("change the swim to go for a run, same time", "go for a swim", "go for a run"),
        ("change the swim to go for a run instead, same day and time", "go for a swim",
         "go for a run"),
    ],
)  # fmt: skip
async def test_same_day_after_a_new_title_keeps_the_day(
    app: FastAPI, message: str, old: str, new: str
):
    t = await converse(app, LUIGI, [message], {old, new})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert old not in after and new in after, t.replies
    was = by_title(t.before)[old]
    assert after[new]["due_date"] == was["due_date"], t.replies
    assert after[new]["due_time"] == was["due_time"], t.replies


async def test_same_day_words_inside_a_title_stay(app: FastAPI):
    tasks = [{"title": "Order the cake"}]
    t = await converse(app, tasks, ["rename the cake to order same day delivery cake"],
                       {"Order the cake", "Order same day delivery cake"})  # fmt: skip
    assert t.problems == [], t.problems
    assert "order same day delivery cake" in by_title(t.after), t.replies


LUNCHES = [
    {"title": "Lunch with Jon", "due_date": "2026-12-04"},
    {"title": "Lunch with Dana", "due_date": "2026-12-02"},
    {"title": "Email Sara about the lease"},
]


@pytest.mark.parametrize(
    ("message", "old", "new"),
    [
        ("sorry, I meant John, not Jon - fix the lunch on friday", "lunch with jon",
         "lunch with john"),
        ("I meant John not Jon, fix the lunch task", "lunch with jon", "lunch with john"),
        ("i meant John, not Jon. please fix the lunch", "lunch with jon", "lunch with john"),
        ("oops i meant Sarah, not Sara - fix the email", "email sara about the lease",
         "email sarah about the lease"),
        ("sorry I meant Sarah not Sara, correct the lease email", "email sara about the lease",
         "email sarah about the lease"),
    ],
)  # fmt: skip
async def test_i_meant_a_name_then_the_task_to_fix(app: FastAPI, message: str, old: str, new: str):
    t = await converse(app, LUNCHES, [message], {old, new})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert old not in after and new in after, t.replies
    assert after["lunch with dana"]["due_date"] == "2026-12-02", t.replies
    assert after.get("lunch with jon", after.get("lunch with john"))["due_date"] == "2026-12-04"


async def test_i_meant_a_day_is_no_word_swap(app: FastAPI):
    t = await converse(app, LUNCHES, ["I meant friday, not thursday - fix the lunch with dana"],
                       {"Lunch with Dana"})  # fmt: skip
    assert t.problems == [], t.problems
    assert {"lunch with jon", "lunch with dana"} <= set(by_title(t.after)), t.replies


EMAILS = [
    {"title": "Email the school", "due_date": "2026-12-02"},
    {"title": "Email the coach", "due_date": "2026-12-02"},
]


@pytest.mark.parametrize(
    ("turns", "new"),
    [
        (["what's due tomorrow?", "the coach one should say email the swim coach"],
         "email the swim coach"),
        (["the coach one should say email the swim coach"], "email the swim coach"),
        (["the coach task should read: email the head coach"], "email the head coach"),
        (["what's due tomorrow?", "the coach one needs to say email coach Tim"],
         "email coach tim"),
    ],
)  # fmt: skip
async def test_the_one_named_should_say_a_new_title(app: FastAPI, turns: list[str], new: str):
    t = await converse(app, EMAILS, turns, {"Email the coach", new})
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert new in after and "email the coach" not in after, t.replies
    assert "email the school" in after and len(t.after) == 2, t.replies


async def test_notes_that_should_say_stay_a_note(app: FastAPI):
    t = await converse(app, EMAILS, ["the coach notes should say ask about the kit"],
                       {"Email the coach"})  # fmt: skip
    assert t.problems == [], t.problems
    after = by_title(t.after)
    assert "ask about the kit" in (after["email the coach"]["description"] or ""), t.replies
