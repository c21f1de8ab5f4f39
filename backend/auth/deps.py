"""Request dependencies: who is asking, and in which time zone."""

from __future__ import annotations

from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import Depends, HTTPException, Request, Response, status

from backend.auth.models import User
from backend.auth.security import (
    InvalidToken,
    PasswordHasher,
    decode_access_token,
    parse_bearer,
)
from backend.config import Settings
from backend.db import SessionDep

NOT_AUTHENTICATED = "Not authenticated"


def get_app_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_hasher(request: Request) -> PasswordHasher:
    hasher: PasswordHasher = request.app.state.hasher
    return hasher


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
HasherDep = Annotated[PasswordHasher, Depends(get_hasher)]


def bearer_token(request: Request) -> str | None:
    return parse_bearer(request.headers.get("authorization", ""))


def request_token(request: Request, settings: Settings) -> str | None:
    """The Bearer header wins over the cookie (the CSRF check relies on the same order)."""
    return bearer_token(request) or request.cookies.get(settings.auth_cookie_name) or None


def _unauthorized(detail: str = NOT_AUTHENTICATED) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"}
    )


async def get_current_user(request: Request, session: SessionDep, settings: SettingsDep) -> User:
    token = request_token(request, settings)
    if token is None:
        raise _unauthorized()
    try:
        claims = decode_access_token(settings, token)
    except InvalidToken:
        raise _unauthorized("Invalid or expired session, please log in again") from None
    user = await session.get(User, claims.user_id)
    if user is None or user.token_version != claims.token_version:
        raise _unauthorized("Invalid or expired session, please log in again")
    # End the read now: the connection goes back to the pool (the user stays loaded). Holding
    # it while the chat route's store and tools take their own connections deadlocked under
    # load: with as many requests in flight as the pool has connections, each held one and
    # waited 30 s for a second.
    await session.commit()
    return user


CurrentUser = Annotated[User, Depends(get_current_user)]


def parse_timezone(name: str | None) -> ZoneInfo | None:
    if not name or len(name) > 64:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def timezone_of(request: Request, user: User) -> ZoneInfo:
    """X-Timezone if it names a real zone, else the user's saved zone, else UTC."""
    return (
        parse_timezone(request.headers.get("x-timezone"))
        or parse_timezone(user.timezone)
        or ZoneInfo("UTC")
    )


def get_timezone(request: Request, user: CurrentUser) -> ZoneInfo:
    return timezone_of(request, user)


UserTimezone = Annotated[ZoneInfo, Depends(get_timezone)]


def set_auth_cookie(response: Response, request: Request, settings: Settings, token: str) -> None:
    secure = (
        settings.cookie_secure
        if settings.cookie_secure is not None
        else request.url.scheme == "https"
    )
    response.set_cookie(
        settings.auth_cookie_name,
        token,
        max_age=settings.jwt_expire_minutes * 60,
        httponly=True,
        secure=secure,
        samesite="lax",
        path="/",
    )


def clear_auth_cookie(response: Response, settings: Settings) -> None:
    response.delete_cookie(settings.auth_cookie_name, path="/", httponly=True, samesite="lax")
