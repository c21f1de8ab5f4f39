"""Alembic environment: async, one code path for SQLite and PostgreSQL.

The database URL comes from the caller (``config.set_main_option("sqlalchemy.url", ...)``,
as the tests do) or else from the app's settings, so ``make migrate`` needs no variables.
"""

import asyncio
import logging

from alembic import context
from alembic.autogenerate.api import AutogenContext
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel

import backend.models  # noqa: F401  (registers every table on SQLModel.metadata)
from backend.config import get_settings
from backend.db import UTCDateTime, create_engine

config = context.config
if config.cmd_opts is not None:  # run from the command line: show what it does
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
target_metadata = SQLModel.metadata


def _url() -> str:
    return config.get_main_option("sqlalchemy.url") or get_settings().database_url


def _render_item(type_: str, obj: object, autogen_context: AutogenContext) -> str | bool:
    # Migrations must not import app code: write our UTC timestamp type as a plain one.
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(**kwargs: object) -> None:
    context.configure(
        target_metadata=target_metadata,
        render_item=_render_item,
        render_as_batch=_url().startswith("sqlite"),  # SQLite cannot ALTER most things in place
        compare_type=True,
        **kwargs,
    )


def run_migrations_offline() -> None:
    _configure(url=_url(), literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def _run_sync(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        # A migration that rebuilds a table (SQLite's only way to change most things) drops
        # the old one, and with foreign keys on that drop would cascade to the rows that point
        # at it. Off for the migration, as SQLite's documentation asks; it only takes effect
        # outside a transaction, hence the commit. The app's connections turn it back on.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
    _configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()


async def run_migrations_online() -> None:
    engine = create_engine(_url())
    async with engine.connect() as connection:
        await connection.run_sync(_run_sync)
    await engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    asyncio.run(run_migrations_online())
