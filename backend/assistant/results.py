"""The one typed tool result, and reading results back (JSON text or content parts).

Every tool answers with a ``ToolResult``: ok, or an error of a kind; the ids of the tasks it
changed; its data. A failed call travels as an MCP error whose text is the same JSON, so the
server hooks and the offline model read one type (``read_result``) and never match error text.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

# invalid: the request cannot be done as asked (the message says why); not_found: no such task;
# refused: not allowed here (no user, no conversation); internal: our fault, the turn ends.
ErrorKind = Literal["invalid", "not_found", "refused", "internal"]


class ToolFailure(BaseModel):
    kind: ErrorKind
    message: str


class ToolResult(BaseModel):
    ok: bool = True
    error: ToolFailure | None = None
    changed_task_ids: list[int] = []

    @classmethod
    def failed(cls, kind: ErrorKind, message: str) -> ToolResult:
        return cls(ok=False, error=ToolFailure(kind=kind, message=message))


def read_result(value: Any) -> tuple[ToolResult, dict[str, Any]]:
    """A tool's output (JSON text, content parts or a dict) as the typed envelope and its
    whole data. Output that is not a tool result counts as an internal failure."""
    if isinstance(value, dict) and value.get("type") == "text":  # one content part
        value = value.get("text", "")
    data = value if isinstance(value, dict) else parse_json(content_text(value))
    if isinstance(data, str) and "{" in data:
        # A failed call arrives as the MCP SDK's error text: "Error executing tool X: {…}".
        data = parse_json(data[data.index("{") :])
    if isinstance(data, dict):
        try:
            return ToolResult.model_validate(data), data
        except ValidationError:
            pass
    failure = ToolResult.failed("internal", "The tool returned something unreadable")
    return failure, failure.model_dump()


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
