"""Test harness: the suite runs once per database (the offline assistant's language tests on
SQLite only, see below).

SQLite always; PostgreSQL too when TEST_DATABASE_URL is set (``make test`` sets it when a local
server answers). The schema is built by the real migrations, and every test starts from empty
tables, so no test depends on another or on the order they run in.

``--database sqlite``, ``--database postgresql`` or ``--database none`` (the tests that use no
database) runs one share of the suite, so ``make test`` can run the shares side by side.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

# Before any backend import: the module-level app must not touch the developer's data/.
_TMP = Path(tempfile.mkdtemp(prefix="todo-tests-"))
os.environ["DATA_DIR"] = str(_TMP / "data")
os.environ.setdefault("APP_ENV", "test")

from contextlib import AsyncExitStack

import httpx
import pytest
from agents.models.interface import Model
from alembic import command
from alembic.config import Config
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlmodel import SQLModel

import backend.models  # noqa: F401
from backend.config import Settings
from backend.db import create_engine
from backend.main import create_app

ROOT = Path(__file__).resolve().parents[1]
ALLOWED_ORIGIN = "http://localhost:3000"
PASSWORD = "correct horse battery"

DATABASES = ["sqlite"] + (["postgresql"] if os.environ.get("TEST_DATABASE_URL") else [])


# The offline assistant's language tests read messages through the real app, but what they test is
# the reading, not the storage: on PostgreSQL they would only repeat the SQLite run (about 400
# tests, a minute and more). The safety suite, and every storage, chat and confirmation test
# outside this folder, still run on both databases.
_LANGUAGE_TESTS = "tests/assistant/offline/"
_ON_BOTH_DATABASES = {"tests/assistant/offline/test_safety.py"}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--database",
        choices=("sqlite", "postgresql", "none"),
        help="run only the tests on this database (none: the tests that use no database)",
    )


def _database_of(item: pytest.Item) -> str:
    """The database a collected test runs on, or "none"."""
    params = getattr(item, "callspec", None)
    params = params.params if params is not None else {}
    return str(params.get("database_url") or params.get("scratch_url") or "none")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    only = config.getoption("--database")

    def deselected(item: pytest.Item) -> bool:
        database = _database_of(item)
        if only and database != only:
            return True
        path = item.nodeid.split("::")[0]
        return (
            database == "postgresql"
            and path.startswith(_LANGUAGE_TESTS)
            and path not in _ON_BOTH_DATABASES
        )

    skipped = [item for item in items if deselected(item)]
    if skipped:
        items[:] = [item for item in items if not deselected(item)]
        config.hook.pytest_deselected(items=skipped)


def alembic_config(url: str) -> Config:
    cfg = Config(str(ROOT / "alembic.ini"))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


async def reset_postgres_schema(url: str) -> None:
    engine = create_engine(url)
    async with engine.begin() as conn:
        await conn.execute(text("DROP SCHEMA public CASCADE"))
        await conn.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


def make_settings(database_url: str, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "app_env": "test",
        "data_dir": _TMP / "data",
        "database_url": database_url,
        "jwt_secret": "test-secret-" + "x" * 40,
        "password_hash_time_cost": 1,
        "password_hash_memory_kib": 1024,
        "log_level": "WARNING",
        # Generous: only the rate-limit tests set tight limits (and Redis) themselves.
        "chat_rate_limit": "100000/minute",
        "login_rate_limit_per_account": "100000/minute",
        "login_rate_limit_per_ip": "100000/minute",
        "mcp_rate_limit": "100000/minute",
        "signup_rate_limit_per_ip": "100000/minute",
        "redis_url": "",
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session", params=DATABASES)
async def database_url(request: pytest.FixtureRequest) -> str:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{_TMP / 'suite.db'}"
    else:
        url = os.environ["TEST_DATABASE_URL"]
        await reset_postgres_schema(url)
    await asyncio.to_thread(command.upgrade, alembic_config(url), "head")
    return url


@pytest.fixture(scope="session")
async def app(database_url: str) -> AsyncIterator[FastAPI]:
    application = create_app(make_settings(database_url))
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture(autouse=True)
async def _empty_tables(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    yield
    if "app" not in request.fixturenames:
        return
    application: FastAPI = request.getfixturevalue("app")
    async with application.state.engine.begin() as conn:
        for table in reversed(SQLModel.metadata.sorted_tables):
            await conn.execute(table.delete())


AppFactory = Callable[[Model], Awaitable[FastAPI]]


@pytest.fixture
async def app_with_model(app: FastAPI, database_url: str) -> AsyncIterator[AppFactory]:
    """Another app on the same database, driven by the given model (e.g. a ScriptedModel).
    Depends on ``app`` so its tables are emptied after the test like every other."""
    async with AsyncExitStack() as stack:

        async def factory(model: Model) -> FastAPI:
            application = create_app(make_settings(database_url), model=model)
            await stack.enter_async_context(application.router.lifespan_context(application))
            return application

        yield factory


async def signed_up(app: FastAPI, email: str) -> httpx.AsyncClient:
    c = make_client(app)
    r = await c.post("/api/auth/signup", json={"email": email, "password": PASSWORD})
    assert r.status_code == 201, r.text
    return c


def make_client(
    app: FastAPI, *, base_url: str = "http://testserver", headers: dict[str, str] | None = None
) -> httpx.AsyncClient:
    # By default, what a browser on the frontend sends.
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url=base_url,
        headers={"Origin": ALLOWED_ORIGIN, **(headers or {})},
    )


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with make_client(app) as c:
        yield c


UserClientFactory = Callable[..., Awaitable[httpx.AsyncClient]]


@pytest.fixture
async def user_client(app: FastAPI) -> AsyncIterator[UserClientFactory]:
    """Signs up a fresh user and returns a client holding that user's auth cookie."""
    clients: list[httpx.AsyncClient] = []

    async def factory(email: str | None = None, **headers: str) -> httpx.AsyncClient:
        c = make_client(app, headers=headers)
        clients.append(c)
        email = email or f"user{len(clients)}@example.com"
        r = await c.post("/api/auth/signup", json={"email": email, "password": PASSWORD})
        assert r.status_code == 201, r.text
        return c

    yield factory
    for c in clients:
        await c.aclose()


@pytest.fixture
async def alice(user_client: UserClientFactory) -> httpx.AsyncClient:
    return await user_client("alice@example.com")


@pytest.fixture
async def bob(user_client: UserClientFactory) -> httpx.AsyncClient:
    return await user_client("bob@example.com")


def is_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"
