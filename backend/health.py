from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

router = APIRouter(prefix="/api", tags=["health"])

READY_TIMEOUT_SECONDS = 3


@router.get("/health")
async def health() -> dict[str, str]:
    """The process is up (liveness); says nothing about the database."""
    return {"status": "ok"}


@router.get("/ready", responses={503: {"description": "The database does not answer"}})
async def ready(request: Request) -> JSONResponse:
    """The database answers (readiness): a load balancer should route here only when 200."""
    engine: AsyncEngine = request.app.state.engine
    try:
        async with asyncio.timeout(READY_TIMEOUT_SECONDS), engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
    except Exception:
        return JSONResponse(
            {"status": "unavailable", "detail": "The database is not answering"}, status_code=503
        )
    return JSONResponse({"status": "ok"})
