"""An emphasis after a day ("by tomorrow itself", "today itself": Indian English) belongs to
the day phrase, never to the title (blind-14 kept "Submit electricity bill itself")."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand

TODAY = date(2026, 12, 1)

ITSELF = [
    ("Kindly add one task: submit electricity bill by tomorrow itself.", "submit electricity bill",
     date(2026, 12, 2)),
    ("add pay rent today itself", "pay rent", TODAY),
    ("please add call the bank by friday itself", "call the bank", date(2026, 12, 4)),
    ("add submit the form by monday itself please", "submit the form", date(2026, 12, 7)),
    ("add renew the license by the 15th itself", "renew the license", date(2026, 12, 15)),
    ("remind me to pay the school fees tomorrow itself", "pay the school fees", date(2026, 12, 2)),
    ("add book the tickets in 2 days itself", "book the tickets", date(2026, 12, 3)),
    ("add send the report by next monday itself", "send the report", date(2026, 12, 7)),
    ("kindly add task: call the plumber today itself", "call the plumber", TODAY),
    ("add get the passport photos by saturday itself", "get the passport photos",
     date(2026, 12, 5)),
]  # fmt: skip


@pytest.mark.parametrize(("message", "title", "due"), ITSELF)
def test_itself_after_a_day_is_no_title(message: str, title: str, due: date):
    said = understand(message, TODAY)
    assert said.kind == "add" and [i.lower() for i in said.items] == [title], said
    assert said.details.due == due, said


def test_itself_without_a_day_stays():
    said = understand("add fix the door itself", TODAY)
    assert [i.lower() for i in said.items] == ["fix the door itself"]
