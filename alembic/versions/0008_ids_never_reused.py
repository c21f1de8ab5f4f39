"""ids are never given out twice on SQLite (AUTOINCREMENT)

Revision ID: 0008
Revises: 0007

Without AUTOINCREMENT, SQLite hands the highest id out again once its row is deleted: a new
account took a deleted account's id (so a token the old account kept opened the new one), and a
new task took a deleted task's id (so undoing the delete failed). AUTOINCREMENT can only be set
when a table is created, so on SQLite each table with a generated id is rebuilt, rows and
indexes kept. PostgreSQL's sequences never hand an id out twice: nothing to do there.
"""

from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ["users", "tasks", "access_tokens", "change_sets", "change_items", "tool_calls"]


def _rebuild(autoincrement: bool) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in TABLES:
        # The batch copies columns, constraints and indexes; env.py turns foreign keys off
        # for SQLite migrations, so dropping the old table cascades to nothing.
        with op.batch_alter_table(
            table, recreate="always", table_kwargs={"sqlite_autoincrement": autoincrement}
        ):
            pass


def upgrade() -> None:
    _rebuild(autoincrement=True)


def downgrade() -> None:
    _rebuild(autoincrement=False)
