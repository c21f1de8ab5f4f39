"""Task tables; the fields a client writes come from ``schemas.TaskBase``. Tags live in
their own table so "has tag X" is an indexed lookup everywhere."""

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import Field, Relationship, SQLModel

from backend.db import IDS_NEVER_REUSED, UTCDateTime, utcnow
from backend.tasks.schemas import TaskBase


class Task(TaskBase, table=True):
    __tablename__ = "tasks"
    __table_args__ = (
        # One index per sort order of the list endpoint, each led by the owner.
        sa.Index("ix_tasks_user_created", "user_id", "created_at", "id"),
        sa.Index("ix_tasks_user_due", "user_id", "due_date", "id"),
        sa.Index("ix_tasks_user_priority", "user_id", "priority", "id"),
        sa.CheckConstraint("priority BETWEEN 0 AND 2", name="ck_tasks_priority"),
        IDS_NEVER_REUSED,
    )

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="users.id", ondelete="CASCADE")
    completed: bool = Field(default=False)
    # 0 low, 1 medium, 2 high: an integer so "sort by priority" is an index scan.
    priority: int = Field(default=1, sa_type=sa.SmallInteger)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # A repeating task stays open when done; this is when it was last done.
    last_completed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)

    tag_rows: list["TaskTag"] = Relationship(
        sa_relationship_kwargs={
            "cascade": "all, delete-orphan",
            "lazy": "selectin",
            "order_by": "TaskTag.position",
        }
    )

    @property
    def tags(self) -> list[str]:
        return [row.tag for row in self.tag_rows]


class TaskTag(SQLModel, table=True):
    __tablename__ = "task_tags"
    __table_args__ = (sa.Index("ix_task_tags_tag_task", "tag", "task_id"),)

    task_id: int | None = Field(
        default=None, foreign_key="tasks.id", ondelete="CASCADE", primary_key=True
    )
    tag: str = Field(sa_type=sa.String(32), primary_key=True)
    position: int = Field(default=0, sa_type=sa.SmallInteger)
