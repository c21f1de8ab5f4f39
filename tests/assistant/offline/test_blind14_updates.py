"""Changes and a question from blind-14 (tests written before the fixes): a relative shift whose
task is named in a wish before it ("I want to finish the presentation a day earlier, move it
up one day"); several fields of one task changed in one sentence ("change the priority of X to
high and the due date to tomorrow"); a tag implied by a remark ("the tickets are for work btw,
tag it"); an indirect yes/no question ("could you tell me whether I have already paid the gas
bill?"); and a time set "to whenever", which drops the time and never touches the priority."""

from __future__ import annotations

from datetime import timedelta

import pytest
from fastapi import FastAPI

from backend.assistant.offline.intents import understand
from tests.assistant.offline.test_adds import TODAY
from tests.assistant.offline.test_multi import _check, _day

FRIDAY = TODAY + timedelta(days=4)  # TODAY is Monday 30 November 2026


# 1. A shift told after a wish that names the task: the task is the wish's words.
@pytest.mark.parametrize(
    ("message", "task", "days"),
    [
        ("I want to finish the presentation a day earlier, move it up one day",  # blind-14
         "finish the presentation", -1),
        ("I want to finish the presentation a day earlier", "finish the presentation", -1),
        ("I'd like to submit the report two days earlier, bring it forward",
         "submit the report", -2),
        ("I want to hand in the essay a day sooner, pull it in by a day", "hand in the essay", -1),
        ("i wanna finish the slides a day earlier, move it up a day", "finish the slides", -1),
        ("we want to paint the fence two days earlier, bring it forward by two days",
         "paint the fence", -2),
        ("I need to send the invoice a day earlier, move it up", "send the invoice", -1),
        ("I would like to do the taxes 2 days sooner", "do the taxes", -2),
        ("I want to finish the presentation earlier, pull it in by two days",
         "finish the presentation", -2),
        ("I want to call the bank a day later, push it back a day", "call the bank", 1),
        ("I'd like to clean the garage two days later", "clean the garage", 2),
    ],
)  # fmt: skip
def test_a_shift_after_a_wish_moves_the_task_the_wish_names(message, task, days) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "update" and intent.details.shift_days == days
    assert [i.lower() for i in intent.items] == [task]


@pytest.mark.parametrize(
    ("message", "items", "days"),
    [
        ("move the presentation up one day", ["presentation"], -1),
        ("bring the essay forward a day", ["essay"], -1),
        ("the electrician can't come until 3 days later than planned", ["electrician"], 3),
    ],
)
def test_shifts_that_name_their_task_read_as_before(message, items, days) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "update" and intent.details.shift_days == days
    assert [i.lower() for i in intent.items] == items


@pytest.mark.asyncio
async def test_the_wish_moves_only_its_task(app: FastAPI) -> None:
    start = [
        {"title": "Finish the presentation", "due_date": _day("+3")},
        {"title": "Rehearse the presentation", "due_date": _day("+4")},
    ]
    turn = "I want to finish the presentation a day earlier, move it up one day"
    await _check(app, start, [turn],
                 {"Finish the presentation": {"due": "+2"},
                  "Rehearse the presentation": {"due": "+4"}})  # fmt: skip


# 2. Several fields of one task in one sentence: one update with all of them.
@pytest.mark.parametrize(
    ("message", "task", "fields"),
    [
        ("Kindly change the priority of 'Submit assignment' to high and due date to tomorrow",
         "Submit assignment", {"priority": "high", "due": TODAY + timedelta(days=1)}),  # blind-14
        ("change the priority of the report to high and the due date to friday",
         "report", {"priority": "high", "due": FRIDAY}),
        ("set the priority of the report to high and the deadline to friday",
         "report", {"priority": "high", "due": FRIDAY}),
        ("change the due date of the report to friday and the priority to high",
         "report", {"priority": "high", "due": FRIDAY}),
        ("update the priority of the report to low, and its due date to tomorrow",
         "report", {"priority": "low", "due": TODAY + timedelta(days=1)}),
        ("set the report's priority to low and tag it home",
         "report", {"priority": "low", "tags": ["home"]}),
        ("change the report's due date to friday and its priority to high",
         "report", {"priority": "high", "due": FRIDAY}),
        ("please change the priority of the gym task to medium and the date to friday",
         "gym", {"priority": "medium", "due": FRIDAY}),
        ("change the priority of the report to high and the tag to work",
         "report", {"priority": "high", "tags": ["work"]}),
        ("can you set the due date of the report to tomorrow and the priority to low",
         "report", {"priority": "low", "due": TODAY + timedelta(days=1)}),
        ("change the priority for the report to high and due date to friday",
         "report", {"priority": "high", "due": FRIDAY}),
    ],
)  # fmt: skip
def test_several_fields_of_one_task_change_together(message, task, fields) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "update" and not intent.then and not intent.new_title
    assert [i.lower() for i in intent.items] == [task.lower()]
    for name, value in fields.items():
        assert getattr(intent.details, name) == value, (name, intent.details)


@pytest.mark.parametrize(
    ("message", "items", "field", "value"),
    [
        ("change the priority of the report to high", ["report"], "priority", "high"),
        ("change the due date of the report to friday", ["report"], "due", FRIDAY),
    ],
)
def test_one_field_changes_read_as_before(message, items, field, value) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "update" and getattr(intent.details, field) == value
    assert [i.lower().removeprefix("priority of the ") for i in intent.items] in (items, ["report"])


@pytest.mark.parametrize(
    "message",
    [
        # a second task named: never one update of the first with both fields
        "change the priority of the report to high and the due date of the essay to friday",
        "change the priority of the report to high and the essay to friday",
        "set the priority of the report to high and the priority to low",  # said twice
    ],
)
def test_fields_of_other_tasks_are_not_merged(message) -> None:
    intent = understand(message, TODAY)
    assert not (
        intent.kind == "update"
        and not intent.then
        and intent.details.priority
        and (intent.details.due or intent.details.priority == "low")
        and [i.lower() for i in intent.items] == ["report"]
    ), intent


@pytest.mark.asyncio
async def test_two_fields_change_on_the_quoted_task_only(app: FastAPI) -> None:
    start = [
        {"title": "Submit assignment", "priority": "low", "due_date": _day("+4")},
        {"title": "Submit lab record", "priority": "low"},
    ]
    turn = "Kindly change the priority of 'Submit assignment' to high and due date to tomorrow"
    await _check(app, start, [turn],
                 {"Submit assignment": {"priority": "high", "due": "+1"},
                  "Submit lab record": {"priority": "low"}})  # fmt: skip


# 3. A tag implied by a remark about the task, with "tag it" said (or a tag word said plainly).
@pytest.mark.parametrize(
    ("message", "items", "tag"),
    [
        ("the conference tickets are for work btw, tag it", ["conference tickets"], "work"),
        ("the conference tickets are for work, tag it", ["conference tickets"], "work"),
        ("the dentist appointment is for home, tag it please", ["dentist appointment"], "home"),
        ("the printer ink is a work thing, tag it", ["printer ink"], "work"),
        ("the flowers are for family btw, label it", ["flowers"], "family"),
        ("the gym bag is a health thing, so tag it", ["gym bag"], "health"),
        ("tag it, it's a work thing", ["it"], "work"),
        ("tag it, it is for school", ["it"], "school"),
        ("label that, it's a home one", ["it"], "home"),
        ("that's a home one", ["it"], "home"),
        ("it's a work thing", ["it"], "work"),
        ("this one is a work one", ["it"], "work"),
    ],
)
def test_a_tag_implied_by_a_remark_tags_the_task(message, items, tag) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "update" and intent.details.tags == [tag], intent
    assert [i.lower() for i in intent.items] == items


@pytest.mark.parametrize(
    "message",
    [
        "that's a big one",  # no tag word: nothing tagged
        "it's a hard one",
        "it's for the kids",  # "for X" without "tag it": a person, a day, no tag
        "the tickets are for friday",
        "the tickets are for friday, tag it",  # a day, no tag
        "tag it",  # no tag said
    ],
)
def test_remarks_without_a_tag_tag_nothing(message) -> None:
    intent = understand(message, TODAY)
    assert not (intent.kind == "update" and intent.details.tags)


@pytest.mark.asyncio
async def test_the_implied_tag_lands_on_the_task(app: FastAPI) -> None:
    await _check(app, [{"title": "Book conference tickets"}],
                 ["the conference tickets are for work btw, tag it"],
                 {"Book conference tickets": {"tags": ["work"]}})  # fmt: skip


# 4. An indirect yes/no question about one task is that question, asked directly.
@pytest.mark.parametrize(
    "message",
    [
        "Could you tell me whether I have already paid the gas bill?",  # blind-14
        "could you tell me if I paid the gas bill?",
        "can you tell me whether I've paid the gas bill",
        "I was wondering if I already paid the gas bill",
        "I was wondering whether I have paid the gas bill?",
        "do you know if I paid the gas bill?",
        "do you know whether I have already paid the gas bill",
        "would you tell me whether I have paid the gas bill already?",
        "I'd like to know if I paid the gas bill",
        "any idea if I already paid the gas bill?",
        "can you check whether I paid the gas bill?",
        "could you let me know if I've already paid the gas bill?",
        "do you know if the gas bill has been paid",
        "could you check if the gas bill is paid?",
    ],
)
def test_an_indirect_question_asks_about_the_task(message) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "list" and intent.filter.asks == "done", intent.filter
    assert intent.filter.text and "gas bill" in intent.filter.text.lower()


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("could you tell me what's due today?", "list"),
        ("have I paid the gas bill?", "list"),
        ("could you mark the gas bill as paid?", "complete"),
        ("I was wondering if there is anything due today", "list"),
        ("tell me if I need to call the bank", "list"),
    ],
)
def test_other_questions_read_as_before(message, kind) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == kind


@pytest.mark.asyncio
async def test_the_indirect_question_answers_about_the_gas_bill(app: FastAPI) -> None:
    from tests.assistant.offline.safety import converse

    t = await converse(
        app,
        [{"title": "Pay gas bill", "completed": True}, {"title": "Pay water bill"}],
        ["Could you tell me whether I have already paid the gas bill?"],
        {"Pay gas bill", "Pay water bill"},
    )
    assert "gas" in t.replies[-1].lower() and "water" not in t.replies[-1].lower(), t.replies


# 5. A time set "to whenever" drops the time; the priority is never touched.
@pytest.mark.parametrize(
    "message",
    [
        "change the time of the dentist to whenever",
        "set the time of the dentist to whenever",
        "change the dentist's time to whenever",
        "change the time for the dentist to anytime",
        "set the dentist time to whenever",
        "make the time of the dentist whenever",
        "change the time of the dentist to any time",
        "the time for the dentist can be whenever",
        "update the dentist time to whenever",
        "change the time to whenever",
    ],
)
def test_a_time_set_to_whenever_drops_the_time(message) -> None:
    intent = understand(message, TODAY)
    assert intent.kind == "update" and intent.details.clear_time, intent
    assert intent.details.priority is None
    assert [i.lower() for i in intent.items] in (["dentist"], ["it"])


@pytest.mark.parametrize(
    ("message", "priority"),
    [
        ("the dentist can wait, do it whenever", "low"),
        ("add call mum whenever", "low"),
    ],
)
def test_whenever_as_no_rush_still_reads_low(message, priority) -> None:
    assert understand(message, TODAY).details.priority == priority


@pytest.mark.asyncio
async def test_a_time_to_whenever_keeps_the_priority(app: FastAPI) -> None:
    start = [{"title": "Dentist", "due_date": _day("+1"), "due_time": "10:00", "priority": "high"}]
    await _check(app, start, ["change the time of the dentist to whenever"],
                 {"Dentist": {"due": "+1", "time": "", "priority": "high"}})  # fmt: skip
