"""The chat's widgets: task data in, a ChatKit widget out. The one place that draws them.

Two widgets, built only from the components both chat UIs render (ListView, ListViewItem, Row,
Col, Box, Text, Title, Caption, Badge, Button, Checkbox, Spacer, Divider, Card):

- a task list (a list answer): one row per task with a toggle (``task.toggle``), the title,
  due date and time, priority when not medium, and tags; a footer may offer Undo or say what
  an undo did;
- an Undo card (``changes.undo``) after a reply that changed tasks.

Built as chatkit's ``DynamicWidgetRoot`` (what ``WidgetTemplate.build`` returns) from plain
data: no user text passes through a template, and the named widget classes (deprecated) are
not used.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date, timedelta
from typing import Any, Literal

from chatkit.actions import ActionConfig
from chatkit.widgets import DynamicWidgetRoot, WidgetRoot
from pydantic import BaseModel

from backend.tasks.schemas import TaskPublic

TOGGLE: Literal["task.toggle"] = "task.toggle"
UNDO: Literal["changes.undo"] = "changes.undo"
ActionType = Literal["task.toggle", "changes.undo"]

Node = dict[str, Any]


class UndoOffer(BaseModel):
    """A footer: what just changed, and its Undo."""

    change_id: int
    text: str


class Note(BaseModel):
    """A footer (or a card) that only says something: what an undo did."""

    text: str


def action(kind: ActionType, **payload: int) -> Node:
    # Whole, defaults included: a stored widget reads back (and is sent) exactly as drawn.
    return ActionConfig(type=kind, payload=payload).model_dump()


def task_list(
    tasks: Sequence[TaskPublic], today: date, footer: UndoOffer | Note | None = None
) -> DynamicWidgetRoot:
    rows = [_task_row(task, today) for task in tasks]
    if footer is not None:
        rows.append({"type": "ListViewItem", "key": "footer", "children": [_footer(footer)]})
    return DynamicWidgetRoot.model_validate({"type": "ListView", "children": rows})


def undo_card(change_id: int, text: str) -> DynamicWidgetRoot:
    """The small Undo at the end of a reply that changed tasks."""
    return DynamicWidgetRoot.model_validate(
        {
            "type": "Card",
            "size": "sm",
            "children": [_footer(UndoOffer(change_id=change_id, text=text))],
        }
    )


def note_card(text: str) -> DynamicWidgetRoot:
    return DynamicWidgetRoot.model_validate(
        {"type": "Card", "size": "sm", "children": [_footer(Note(text=text))]}
    )


def list_text(tasks: Sequence[TaskPublic], today: date) -> str:
    """The list as plain text (the widget's copy text)."""
    return "\n".join(
        f"[{'x' if t.completed else ' '}] {t.title}"
        + "".join(f" · {fact}" for fact in _facts(t, today))
        for t in tasks
    )


def offered_actions(widget: WidgetRoot) -> list[Node]:
    """Every action the widget offers (its buttons', toggles' and rows' actions)."""
    return list(_actions(widget.model_dump(mode="json")))


def listed_task_ids(widget: WidgetRoot) -> list[int]:
    """The tasks a task list shows, in order (empty for any other widget)."""
    return [
        a["payload"]["task_id"]
        for a in offered_actions(widget)
        if a.get("type") == TOGGLE and isinstance(a.get("payload"), dict)
    ]


def _actions(node: Any) -> Iterator[Node]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key.endswith("Action") and isinstance(value, dict) and "type" in value:
                yield {"type": value["type"], "payload": value.get("payload")}
            else:
                yield from _actions(value)
    elif isinstance(node, list):
        for value in node:
            yield from _actions(value)


def _task_row(task: TaskPublic, today: date) -> Node:
    badges: list[Node] = []
    if task.priority != "medium":
        high = task.priority == "high"
        badges.append(
            {
                "type": "Badge",
                "label": "High" if high else "Low",
                "color": "danger" if high else "secondary",
                "size": "sm",
            }
        )
    badges += [
        {"type": "Badge", "label": f"#{tag}", "color": "info", "variant": "outline", "size": "sm"}
        for tag in task.tags
    ]
    details: list[Node] = []
    if due := _due_text(task, today):
        overdue = not task.completed and task.due_date is not None and task.due_date < today
        details.append({"type": "Caption", "value": due, "color": "danger" if overdue else None})
    details += badges
    text: list[Node] = [
        {
            "type": "Text",
            "value": task.title,
            "lineThrough": task.completed or None,
            "color": "secondary" if task.completed else None,
        }
    ]
    if details:
        text.append({"type": "Row", "gap": 1, "wrap": "wrap", "children": details})
    return {
        "type": "ListViewItem",
        "key": f"task-{task.id}",
        "gap": 3,
        "align": "center",
        "children": [
            {
                "type": "Checkbox",
                "name": f"task-{task.id}",
                "defaultChecked": task.completed,
                "onChangeAction": action(TOGGLE, task_id=task.id),
            },
            {"type": "Col", "gap": 1, "flex": 1, "children": text},
        ],
    }


def _footer(footer: UndoOffer | Note) -> Node:
    children: list[Node] = [{"type": "Caption", "value": footer.text}]
    if isinstance(footer, UndoOffer):
        children += [
            {"type": "Spacer"},
            {
                "type": "Button",
                "label": "Undo",
                "size": "sm",
                "variant": "outline",
                "onClickAction": action(UNDO, change_id=footer.change_id),
            },
        ]
    return {"type": "Row", "gap": 2, "align": "center", "children": children}


def _facts(task: TaskPublic, today: date) -> list[str]:
    facts = [due] if (due := _due_text(task, today)) else []
    if task.priority != "medium":
        facts.append(f"{task.priority} priority")
    return facts + [f"#{tag}" for tag in task.tags]


def _due_text(task: TaskPublic, today: date) -> str | None:
    if task.due_date is None:
        return None
    days = {
        today: "today",
        today + timedelta(days=1): "tomorrow",
        today - timedelta(days=1): "yesterday",
    }
    when = days.get(task.due_date) or f"{task.due_date:%a} {task.due_date.day} {task.due_date:%b}"
    if task.due_date.year != today.year and task.due_date not in days:
        when += f" {task.due_date.year}"
    if task.due_time is not None:
        when += f" {task.due_time}"
    overdue = not task.completed and task.due_date < today
    return f"Overdue, {when}" if overdue else f"Due {when}"
