"""Thread titles: written by the model when one is configured, else a heuristic."""

from __future__ import annotations

import asyncio
import logging
import re

from agents import Agent, Runner
from agents.models.interface import Model

log = logging.getLogger(__name__)

TITLE_MAX = 48
TITLE_TIMEOUT_SECONDS = 4.0
_FILLER = re.compile(
    r"^(?:(?:hi|hey|hello|please|pls|can you|could you|would you|i need to|i want to)[\s,!]+)+",
    re.IGNORECASE,
)


def heuristic_title(text: str) -> str:
    first_line = next((line for line in text.splitlines() if line.strip()), "").strip()
    words = _FILLER.sub("", first_line).strip(" ?!.,") or first_line or "New chat"
    if len(words) > TITLE_MAX:
        words = words[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(" ,.;:") + "…"
    return words[0].upper() + words[1:]


class TitleWriter:
    def __init__(self, model: Model | None, timeout: float = TITLE_TIMEOUT_SECONDS) -> None:
        self.timeout = timeout
        self.agent = (
            Agent(
                name="Title writer",
                model=model,
                instructions="Write a title of at most 6 words for a chat that starts with the "
                "user's message below. Reply with the title only, no quotes or punctuation.",
            )
            if model is not None
            else None
        )

    async def title_for(self, first_message: str) -> str:
        """Never raises: a slow or failing model falls back to the heuristic."""
        fallback = heuristic_title(first_message)
        if self.agent is None:
            return fallback
        try:
            async with asyncio.timeout(self.timeout):
                result = await Runner.run(self.agent, first_message[:2000])
            title = str(result.final_output).strip().strip("\"'").strip()
            return title[:TITLE_MAX] if title else fallback
        except Exception as exc:
            log.info("title model failed (%s); using the heuristic", type(exc).__name__)
            return fallback
