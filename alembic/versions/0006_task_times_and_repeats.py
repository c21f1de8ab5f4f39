"""tasks: a due time, a repeat rule, and when a repeating task was last done

Revision ID: 0006
Revises: 0005

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema. New nullable columns only: every existing task keeps its data and has
    no time and no repeat."""
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.add_column(sa.Column("due_time", sa.String(length=5), nullable=True))
        batch_op.add_column(sa.Column("recurrence", sa.String(length=200), nullable=True))
        batch_op.add_column(
            sa.Column("last_completed_at", sa.DateTime(timezone=True), nullable=True)
        )


def downgrade() -> None:
    """Downgrade schema (the times and repeats are lost; the tasks stay)."""
    with op.batch_alter_table("tasks", schema=None) as batch_op:
        batch_op.drop_column("last_completed_at")
        batch_op.drop_column("recurrence")
        batch_op.drop_column("due_time")
