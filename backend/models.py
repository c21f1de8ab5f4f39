"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from backend.assistant.audit import ToolCall
from backend.assistant.confirmations import ChatPendingAction
from backend.auth.models import User
from backend.auth.tokens import PersonalAccessToken
from backend.chat.models import ChatAttachment, ChatItem, ChatThread
from backend.tasks.changes import ChangeItem, ChangeSet
from backend.tasks.models import Task, TaskTag

__all__ = [
    "ChangeItem",
    "ChangeSet",
    "ChatAttachment",
    "ChatItem",
    "ChatPendingAction",
    "ChatThread",
    "PersonalAccessToken",
    "Task",
    "TaskTag",
    "ToolCall",
    "User",
]
