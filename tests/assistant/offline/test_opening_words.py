"""Opening words that are no part of a title: a greeting like "yo" ("yo add practice guitar
every day lol" kept "Yo add") and a formal thanks with a degree word ("I would be most grateful
if you could add …" became the title)."""

from __future__ import annotations

from datetime import date

import pytest

from backend.assistant.offline.intents import understand

TODAY = date(2026, 12, 1)

ADDS = [
    ("yo add practice guitar every day lol", "practice guitar"),
    ("yo remind me to call mom", "call mom"),
    ("yo, add milk", "milk"),
    ("yo can you add buy eggs", "buy eggs"),
    ("Yo! add pay the phone bill", "pay the phone bill"),
    ("Good afternoon. I would be most grateful if you could add a reminder for me to telephone "
     "the dentist on Friday.", "telephone the dentist"),
    ("I would be most grateful if you could add buy milk", "buy milk"),
    ("I would be very grateful if you could remind me to call the bank tomorrow", "call the bank"),
    ("I'd be really grateful if you could add water the plants", "water the plants"),
    ("I would be extremely grateful if you could add renew my passport", "renew my passport"),
    ("I'd be ever so grateful if you could add book the vet", "book the vet"),
    ("I would be truly grateful if you could remind me to email Sarah", "email sarah"),
]  # fmt: skip


@pytest.mark.parametrize(("message", "title"), ADDS)
def test_the_opening_is_no_title(message: str, title: str):
    said = understand(message, TODAY)
    assert said.kind == "add" and [i.lower() for i in said.items] == [title], said


# near misses: "yo" inside a word stays
@pytest.mark.parametrize(
    ("message", "title"),
    [("add yoga class friday", "yoga class"), ("add call yo-yo club", "call yo-yo club")],
)
def test_yo_in_a_title_stays(message: str, title: str):
    said = understand(message, TODAY)
    assert [i.lower() for i in said.items] == [title], said
