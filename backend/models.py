"""Every table, imported in one place so Alembic and the tests see the whole schema."""

from backend.auth.models import User
from backend.tasks.models import Task, TaskTag

__all__ = ["Task", "TaskTag", "User"]
