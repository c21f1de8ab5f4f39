"""What every chat request carries into the ChatKit server, the store and the assistant.

A neutral module: the chat layer builds it, the assistant reads it, and neither imports the
other for it (dependencies run chat -> assistant -> tasks).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChatContext:
    """The signed-in user (the only thing the store reads) and the request's circumstances."""

    user_id: int
    timezone: str = "UTC"
    request_id: str = "-"
