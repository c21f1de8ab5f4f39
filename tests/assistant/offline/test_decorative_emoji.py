"""An emoji at either end of a message decorates it: it is no word of a title ("add: practice
guitar this evening 🎸" is "Practice guitar"), and it does not hide a "please" or a date said
before it ("spanish homework every tuesday pls 🙏"). Ticks keep their meaning (found by
blind-17's first run: six titles kept their emoji)."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand
from backend.assistant.offline.language import normalise

TODAY = date(2026, 12, 1)


@pytest.mark.parametrize(
    ("message", "title"),
    [
        ("add: practice guitar this evening 🎸", "practice guitar"),
        ("water the orchid every 3 days 🌸", "water the orchid"),
        ("thurs 7pm call Grandma ☎️", "call Grandma"),
        ("🎂 order the cake for Emma's party saturday!! 🎉", "order the cake for Emma's party"),
        ("add get a flu shot 💉", "get a flu shot"),
        ("spanish homework every tuesday pls 🙏", "spanish homework"),
        ("add buy dog food 🐶🐶", "buy dog food"),
        ("📚 return the library books tomorrow", "return the library books"),
        ("remind me to call the vet 🐈\u200d\u2b1b", "call the vet"),
        ("add book a haircut 💇🏽\u200d\u2640\ufe0f", "book a haircut"),
        ("add pay the gas bill 🔥🔥 high priority", "pay the gas bill"),
        ("🚗 add wash the car", "wash the car"),
    ],
)  # fmt: skip
def test_an_emoji_at_an_end_is_no_part_of_the_title(message: str, title: str):
    intent = understand(message, TODAY)
    assert intent.kind == "add", intent
    assert [i.lower() for i in intent.items] == [title.lower()], intent.items


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        ("flights bkd ✅", "complete"),
        ("paid the rent 👍", "complete"),
        ("the cactus died 😢 delete its reminder", "delete"),
    ],
)
def test_emoji_that_say_something_still_do(message: str, kind: str):
    assert understand(message, TODAY).kind == kind


def test_ticks_and_a_bin_at_the_ends_are_not_decoration():
    assert "🗑" in normalise("🗑️ the drone beach thing, delete")
    assert normalise("❌ dentist").startswith("❌")


@pytest.mark.parametrize(
    "message", ["spoke to grandma, she says hi 😊", "she says hi", "mum said hi"]
)
def test_a_greeting_passed_on_adds_no_task(message: str):
    """Once the emoji no longer hid it, "she says hi" read as a task "she says", high priority."""
    assert understand(message, TODAY).kind != "add"


def test_a_bare_hi_after_a_title_is_still_high_priority():
    intent = understand("pay water bill hi", TODAY)
    assert (intent.kind, intent.items, intent.details.priority) == (
        "add",
        ["pay water bill"],
        "high",
    )
