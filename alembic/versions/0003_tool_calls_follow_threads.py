"""tool_calls: a foreign key to the thread (ON DELETE CASCADE), no copies of the user's text

Audit rows now go with their thread (they already went with their account). Rows whose thread
was deleted before this revision are deleted now, as the new key would have done; every other
row is kept, with task titles, descriptions, search text, tags and messages blanked (see
backend/assistant/audit.py, AUDIT_DROPPED_KEYS). The blanking is not undone by a downgrade.

Revision ID: 0003
Revises: 0002

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from backend.assistant.audit import without_user_text

# revision identifiers, used by Alembic.
revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK_NAME = "fk_tool_calls_thread_id_chat_threads"
BATCH = 500


def _json() -> sa.types.TypeEngine[object]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


tool_calls = sa.table(
    "tool_calls",
    sa.column("id", sa.Integer()),
    sa.column("thread_id", sa.String(64)),
    sa.column("arguments", _json()),
    sa.column("result", _json()),
)
chat_threads = sa.table("chat_threads", sa.column("id", sa.String(64)))


def upgrade() -> None:
    """Upgrade schema."""
    conn = op.get_bind()
    conn.execute(
        tool_calls.delete().where(
            tool_calls.c.thread_id.is_not(None),
            tool_calls.c.thread_id.not_in(sa.select(chat_threads.c.id)),
        )
    )
    last = 0
    while rows := conn.execute(
        sa.select(tool_calls.c.id, tool_calls.c.arguments, tool_calls.c.result)
        .where(tool_calls.c.id > last)
        .order_by(tool_calls.c.id)
        .limit(BATCH)
    ).all():
        for id_, arguments, result in rows:
            conn.execute(
                tool_calls.update()
                .where(tool_calls.c.id == id_)
                .values(arguments=without_user_text(arguments), result=without_user_text(result))
            )
        last = rows[-1][0]

    with op.batch_alter_table("tool_calls", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tool_calls_thread_id"), ["thread_id"], unique=False)
        batch_op.create_foreign_key(
            FK_NAME, "chat_threads", ["thread_id"], ["id"], ondelete="CASCADE"
        )


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("tool_calls", schema=None) as batch_op:
        batch_op.drop_constraint(FK_NAME, type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_tool_calls_thread_id"))
