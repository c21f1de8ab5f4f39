"""Reading tool results back: how they reach hooks and models (JSON text or content parts)."""

from __future__ import annotations

import json
from typing import Any

# How an earlier turn's tool result is shown to the model (the offline model reads it back).
TOOL_RESULT_PREFIX = "Tool result from an earlier turn (not shown to the user): "


def content_text(content: Any) -> str:
    """Text of a message's or a tool output's content: a string, or a list of parts."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "".join(
            str(part.get("text", "") if isinstance(part, dict) else getattr(part, "text", ""))
            for part in content
        )
    return json.dumps(content, default=str) if content is not None else ""


def parse_json(value: Any) -> Any:
    """The JSON value in a string, or the value itself when it is not JSON."""
    if not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value
