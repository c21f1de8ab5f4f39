"""confirmations expire in the database: the turn that may answer, and a deadline

Revision ID: 0004
Revises: 0002

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    # A pending request from before this revision has no deadline: it lapses.
    op.execute("DELETE FROM chat_pending_actions")
    with op.batch_alter_table("chat_pending_actions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("answer_turn_id", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("chat_pending_actions", schema=None) as batch_op:
        batch_op.drop_column("expires_at")
        batch_op.drop_column("answer_turn_id")
