"""docs/widgets-example.json is what backend/chat/widgets.py draws today: the built-in chat
UI's renderer is written against it. ``UPDATE_WIDGET_EXAMPLE=1`` rewrites it."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from typing import Any

from chatkit.types import WidgetItem
from chatkit.widgets import DynamicWidgetRoot

from backend.chat import widgets
from backend.tasks.schemas import Priority, TaskPublic
from tests.conftest import ROOT

EXAMPLE = ROOT / "docs" / "widgets-example.json"
NOW = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)
TODAY = date(2026, 11, 30)


def _task(
    id: int, title: str, priority: Priority, due: date | None, tags: list[str], done=False,
    due_time: str | None = None,
):  # fmt: skip
    return TaskPublic(
        id=id, title=title, description=None, completed=done, priority=priority, due_date=due,
        due_time=due_time, recurrence=None, recurrence_text=None, tags=tags, created_at=NOW,
        updated_at=NOW, completed_at=NOW if done else None, last_completed_at=None,
    )  # fmt: skip


TASKS = [
    _task(12, "Pay rent", Priority.high, TODAY, ["home"], due_time="09:00"),
    _task(15, "Call mom", Priority.medium, date(2026, 11, 28), []),
    _task(17, "Buy milk", Priority.low, None, ["shopping", "errands"], done=True),
]


def _item(item_id: str, widget: DynamicWidgetRoot, copy_text: str) -> dict[str, Any]:
    item = WidgetItem(
        id=item_id,
        thread_id="thr_example",
        created_at=datetime(2026, 11, 30, 8, 0, 5),
        widget=widget,
        copy_text=copy_text,
    )
    data: dict[str, Any] = json.loads(item.model_dump_json(exclude_none=True))  # as sent
    return data


def example() -> dict[str, Any]:
    undone = "Undone: 'Buy milk' is back as before."
    return {
        "_about": (
            "Generated from backend/chat/widgets.py by tests/test_widgets_example.py (see "
            "docs/CONTRACT.md, 'Widgets and actions'): widget items as the server sends them "
            "(thread.item.done, thread.item.replaced, items.list)."
        ),
        "list_widget_item": _item(
            "msg_list", widgets.task_list(TASKS, TODAY), widgets.list_text(TASKS, TODAY)
        ),
        "list_widget_item_after_toggle": _item(
            "msg_list",
            widgets.task_list(
                TASKS, TODAY, widgets.UndoOffer(change_id=42, text="Marked 'Pay rent' done.")
            ),
            widgets.list_text(TASKS, TODAY),
        ),
        "undo_widget_item": _item(
            "msg_undo",
            widgets.undo_card(41, "Added 1 task, changed 1."),
            "Added 1 task, changed 1.",
        ),
        "undo_widget_item_after_undo": _item("msg_undo", widgets.note_card(undone), undone),
        "custom_action_request": {
            "type": "threads.custom_action",
            "params": {
                "thread_id": "thr_example",
                "item_id": "msg_list",
                "action": {"type": "task.toggle", "payload": {"task_id": 12}},
            },
        },
    }


def test_the_example_file_is_current():
    text = json.dumps(example(), indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_WIDGET_EXAMPLE"):
        EXAMPLE.write_text(text)
    assert EXAMPLE.read_text() == text, "run with UPDATE_WIDGET_EXAMPLE=1 and commit the file"


def test_only_components_both_uis_render():
    allowed = {
        "ListView", "ListViewItem", "Row", "Col", "Box", "Text", "Title", "Caption", "Badge",
        "Button", "Checkbox", "Spacer", "Divider", "Card",
    }  # fmt: skip
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "type" in node:  # a component (actions are skipped below)
                found.add(node["type"])
            for key, value in node.items():
                if not key.endswith("Action"):
                    walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for key, item in example().items():
        if key.endswith("_item"):
            walk(item["widget"])
    assert found and found <= allowed, found - allowed
