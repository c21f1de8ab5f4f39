"""Reading messages into intents (issue 12's themes), with a fixed today: Monday 30 Nov 2026."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand

TODAY = date(2026, 11, 30)  # a Monday
TUE, FRI = date(2026, 12, 1), date(2026, 12, 4)


@pytest.mark.parametrize(
    ("message", "title", "due", "priority", "tags"),
    [
        # a time of day is a field of its own (issue 13), never left in the title
        ("call the plumber tomorrow at 5pm", "call the plumber", TUE, None, []),
        ("add team lunch friday at 12:30", "team lunch", FRI, None, []),
        # every attribute of a comma list is kept; none becomes a task of its own
        ("add finish slides, friday, high, tag work", "finish slides", FRI, "high", ["work"]),
        ("add submit tax return, hi prio, due 2027-04-30", "submit tax return",
         date(2027, 4, 30), "high", []),
        ("add review PR 42 - high - tags work, coding", "review PR 42", None, "high",
         ["work", "coding"]),
        ("pls add pay rent tmrw hi prio", "pay rent", TUE, "high", []),
        # negation
        ("add fix the roof, not urgent", "fix the roof", None, "low", []),
        ("add buy stamps, due today not tomorrow", "buy stamps", TODAY, None, []),
        ("add clean the garage, low priority, no rush", "clean the garage", None, "low", []),
        # filler never becomes a task
        ("I must to send the invoice to client in 5 days, please add",
         "send the invoice to client", date(2026, 12, 5), None, []),
    ],
)  # fmt: skip
def test_one_task_with_its_attributes(
    message: str, title: str, due: date | None, priority: str | None, tags: list[str]
):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == ("add", [title])
    d = intent.item_details[0]
    assert (d.due, d.priority, d.tags) == (due, priority, tags)


@pytest.mark.parametrize(
    ("message", "subject"),
    [
        ("got the tickets", "tickets"),
        ("paid the rent 👍", "rent"),
        ("called mom", "mom"),
        ("booked the flights!", "flights"),
        ("returned the library books yesterday", "library books"),
        ("went to the dentist", "dentist"),
    ],
)
def test_a_statement_of_what_was_done_completes(message: str, subject: str):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items) == ("complete", [subject])


def test_what_is_still_to_do_is_not_a_completion():
    assert understand("got to buy milk", TODAY).kind == "add"


@pytest.mark.parametrize(
    ("message", "subject", "days"),
    [
        ("push the proposal back two days", "proposal", 2),
        ("bring the essay forward a day", "essay", -1),
        ("push car service a week pls", "car service", 7),
        ("push it back two days", "it", 2),
        ("delay the report by 3 days", "report", 3),
    ],
)
def test_relative_date_shifts(message: str, subject: str, days: int):
    intent = understand(message, TODAY)
    assert (intent.kind, intent.items, intent.details.shift_days) == ("update", [subject], days)


def test_a_change_implied_by_a_statement():
    intent = understand("the report is urgent now", TODAY)
    assert (intent.kind, intent.items, intent.details.priority) == ("update", ["report"], "high")


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("mark the report done and add call Sam friday",
         [("complete", ["report"]), ("add", ["call Sam"])]),
        ("paid rent. add pay electricity bill fri hi prio",
         [("complete", ["rent"]), ("add", ["pay electricity bill"])]),
        ("done with the laundry, and push the dishes to tomorrow",
         [("complete", ["laundry"]), ("update", ["dishes"])]),
        ("reopen the essay and add a note: needs a conclusion",
         [("reopen", ["essay"]), ("update", ["essay"])]),
        ("add eggs and bread", [("add", ["eggs", "bread"])]),  # one request, two tasks
        ("rent is paid, mark it done", [("complete", ["it"])]),  # one request about "rent"
    ],
)  # fmt: skip
def test_several_requests_in_one_message(message: str, expected: list[tuple[str, list[str]]]):
    intent = understand(message, TODAY)
    assert [(i.kind, i.items) for i in [intent, *intent.then]] == expected
