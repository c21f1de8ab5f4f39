"""The ChatKit wire protocol as one JSON Schema, for the built-in chat UI's generated types.

``python -m backend.chat.protocol_schema`` prints it; frontend/scripts/chatkit-types.mjs turns
it into frontend/lib/chatkit/protocol.ts (``make chatkit-types``; ``make test`` checks it is
current). The requests are what the browser sends (validation schema), the rest is what it
receives (serialization schema). ``x-constants`` carries the server's own names that the UI
must match, so none is copied by hand.
"""

from __future__ import annotations

import json
from typing import Any, Literal

from chatkit.types import ChatKitReq, Page, Thread, ThreadItem, ThreadMetadata, ThreadStreamEvent
from pydantic import TypeAdapter

from backend.chat.server import TASKS_CHANGED
from backend.chat.widgets import TOGGLE, UNDO

Mode = Literal["validation", "serialization"]

PARTS: dict[str, tuple[Any, Mode]] = {
    "request": (ChatKitReq, "validation"),
    "event": (ThreadStreamEvent, "serialization"),
    "item": (ThreadItem, "serialization"),
    "thread": (Thread, "serialization"),
    "threadMetadata": (ThreadMetadata, "serialization"),
    "itemsPage": (Page[ThreadItem], "serialization"),
    "threadsPage": (Page[ThreadMetadata], "serialization"),
}

CONSTANTS = {
    "TASKS_CHANGED_EFFECT": TASKS_CHANGED,
    "TASK_TOGGLE_ACTION": TOGGLE,
    "CHANGES_UNDO_ACTION": UNDO,
}


def protocol_schema() -> dict[str, Any]:
    schemas, definitions = TypeAdapter.json_schemas(
        [(name, mode, TypeAdapter(tp)) for name, (tp, mode) in PARTS.items()],
        ref_template="#/$defs/{model}",
    )
    defs = definitions.get("$defs", {})
    for name in ("itemsPage", "threadsPage"):  # generic Pages get unreadable names: rename
        ref = schemas[(name, "serialization")]["$ref"].rsplit("/", 1)[-1]
        defs[ref]["title"] = name[0].upper() + name[1:]
    for definition in defs.values():
        tidy(definition)
    return {
        "title": "ChatKitProtocol",
        "type": "object",
        "properties": {name: schemas[(name, mode)] for name, (_, mode) in PARTS.items()},
        "required": list(PARTS),
        "additionalProperties": False,
        "$defs": defs,
        "x-constants": CONSTANTS,
    }


def tidy(definition: dict[str, Any]) -> None:
    """Readable, narrowable TypeScript: a property's title would become a type alias of its own
    (``Name11 = string``), and a ``type`` constant with a default would be optional, which
    breaks narrowing a union by ``type``; the server always sends it."""
    properties = definition.get("properties", {})
    for prop in properties.values():
        prop.pop("title", None)
    if "const" in properties.get("type", {}) and "type" not in definition.get("required", []):
        definition["required"] = [*definition.get("required", []), "type"]


if __name__ == "__main__":
    import warnings

    warnings.simplefilter("ignore")  # pydantic: a generic default it cannot serialize
    print(json.dumps(protocol_schema(), indent=1, sort_keys=True))
