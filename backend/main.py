"""The FastAPI application: ``uvicorn backend.main:app``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from backend.auth.csrf import CSRFMiddleware
from backend.auth.routes import router as auth_router
from backend.auth.security import PasswordHasher
from backend.config import Settings, get_settings
from backend.db import create_engine, create_sessionmaker
from backend.errors import install_error_handlers
from backend.health import router as health_router
from backend.observability import RequestLogMiddleware, configure_logging
from backend.tasks.routes import router as tasks_router


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    configure_logging(settings.log_level)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        engine = create_engine(
            settings.database_url, pool_size=settings.db_pool_size, echo=settings.db_echo
        )
        app.state.engine = engine
        app.state.sessionmaker = create_sessionmaker(engine)
        try:
            yield
        finally:
            await engine.dispose()

    app = FastAPI(title="Todo Assistant API", version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    app.state.hasher = PasswordHasher(settings)

    install_error_handlers(app)
    app.add_middleware(
        CSRFMiddleware,
        allowed_origins=settings.allowed_origins,
        cookie_name=settings.auth_cookie_name,
    )
    app.add_middleware(RequestLogMiddleware)  # outermost: sees every response, 403s included

    app.include_router(health_router)
    app.include_router(auth_router)
    app.include_router(tasks_router)
    return app


app = create_app()
