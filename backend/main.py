"""The FastAPI application: ``uvicorn backend.main:app``."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from agents.models.interface import Model
from fastapi import FastAPI
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from backend.account import router as account_router
from backend.assistant import remote
from backend.assistant.agent import build_agent, caller_meta
from backend.assistant.mcp_adapter import InProcessMCPServer
from backend.assistant.models import build_model, is_offline
from backend.assistant.quickadd import router as quickadd_router
from backend.assistant.titles import TitleWriter
from backend.assistant.tools import create_todo_mcp_server
from backend.auth.csrf import CSRFMiddleware
from backend.auth.nostore import NoStoreMiddleware
from backend.auth.routes import router as auth_router
from backend.auth.security import PasswordHasher
from backend.auth.tokens import router as tokens_router
from backend.bodylimit import BodySizeLimitMiddleware
from backend.chat.routes import router as chat_router
from backend.chat.server import TodoChatKitServer
from backend.chat.store import SQLStore
from backend.chat.streaming import DetachedStreams
from backend.config import Settings, get_settings
from backend.db import create_engine, create_sessionmaker
from backend.errors import install_error_handlers
from backend.health import router as health_router
from backend.observability import RequestLogMiddleware, configure_logging
from backend.ratelimit import RateLimiter
from backend.tasks.changes import purge_expired
from backend.tasks.changes_routes import router as changes_router
from backend.tasks.routes import router as tasks_router

SHUTDOWN_GRACE_SECONDS = 10
PURGE_INTERVAL_SECONDS = 3600

log = logging.getLogger(__name__)

StoreFactory = Callable[[async_sessionmaker[AsyncSession]], SQLStore]


def create_app(
    settings: Settings | None = None,
    model: Model | None = None,
    store_factory: StoreFactory = SQLStore,
) -> FastAPI:
    """``model`` replaces the configured agent model (tests pass a scripted one); thread
    titles still come from the configured model (the heuristic when offline).
    ``store_factory`` builds the ChatKit store (the benchmarks' in-memory baseline)."""
    settings = settings or get_settings()
    configure_logging(settings.log_level)
    # Built now, not in the lifespan: a wrong model setting stops the start with its reason.
    configured_model = build_model(settings)
    title_model = None if is_offline(settings) else configured_model

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(
            settings.database_url, pool_size=settings.db_pool_size, echo=settings.db_echo
        )
        sessionmaker = create_sessionmaker(engine)
        app.state.engine = engine
        app.state.sessionmaker = sessionmaker
        # One MCP server: reached in process by our assistant (one connection per process;
        # tools open their own DB sessions) and over HTTP at /api/mcp by outside agents.
        todo_server = create_todo_mcp_server(
            sessionmaker, **remote.server_options(settings, sessionmaker)
        )
        app.state.mcp_http_app = remote.build_http_app(
            todo_server, settings, app.state.rate_limiter
        )
        todo_tools = InProcessMCPServer(todo_server, tool_meta_resolver=caller_meta)
        await todo_tools.connect()
        app.state.chat_server = TodoChatKitServer(
            store_factory(sessionmaker),
            build_agent(model or configured_model, todo_tools),
            sessionmaker,
            TitleWriter(title_model),
            turn_timeout=settings.assistant_turn_timeout_seconds,
        )
        await app.state.chat_server.warm_up()
        app.state.chat_streams = streams = DetachedStreams()
        # Once before serving (so it never competes with the first requests), then hourly.
        await _purge_changes(sessionmaker, settings.change_retention_days)
        purging = asyncio.create_task(
            _purge_changes_hourly(sessionmaker, settings.change_retention_days),
            name="purge-changes",
        )
        try:
            async with remote.serving(todo_server):
                yield
        finally:
            purging.cancel()
            # Let replies in flight finish (or save their partial answer) before closing.
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(SHUTDOWN_GRACE_SECONDS):
                    await streams.wait_idle()
            await todo_tools.cleanup()
            await engine.dispose()

    docs = settings.api_docs
    app = FastAPI(
        title="Todo Assistant API",
        version="0.1.0",
        lifespan=lifespan,
        openapi_url="/openapi.json" if docs else None,
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
    )
    app.state.settings = settings
    app.state.hasher = PasswordHasher(settings)
    app.state.rate_limiter = RateLimiter(settings)

    install_error_handlers(app)
    app.add_middleware(
        CSRFMiddleware,
        allowed_origins=settings.allowed_origins,
        cookie_name=settings.auth_cookie_name,
    )
    app.add_middleware(NoStoreMiddleware)
    app.add_middleware(BodySizeLimitMiddleware)
    app.add_middleware(RequestLogMiddleware)  # sees every response, 403s included
    # Outermost: the client address everything after sees (rate limits, logs) is the
    # connection's, or the one a trusted proxy forwarded. Done here, not by uvicorn's
    # --proxy-headers, so that one setting (FORWARDED_ALLOW_IPS, never '*') decides.
    app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=settings.forwarded_allow_ips)

    app.include_router(health_router)
    app.include_router(auth_router)
    app.include_router(account_router)
    app.include_router(quickadd_router)  # before tasks_router: /parse is no task id
    app.include_router(tasks_router)
    app.include_router(changes_router)
    app.include_router(tokens_router)
    app.include_router(chat_router)
    remote.mount(app)
    return app


async def _purge_changes(
    sessionmaker: async_sessionmaker[AsyncSession], retention_days: int
) -> None:
    """Undo history older than CHANGE_RETENTION_DAYS goes."""
    try:
        async with sessionmaker() as session:
            if purged := await purge_expired(session, retention_days):
                log.info("purged %d change sets older than %d days", purged, retention_days)
    except Exception:  # the database may be away for a while: try again next time
        log.exception("could not purge old change sets")


async def _purge_changes_hourly(
    sessionmaker: async_sessionmaker[AsyncSession], retention_days: int
) -> None:
    while True:
        await asyncio.sleep(PURGE_INTERVAL_SECONDS)
        await _purge_changes(sessionmaker, retention_days)


app = create_app()
