from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request, Response, status
from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import col, select

from backend.auth.deps import (
    CurrentUser,
    HasherDep,
    SettingsDep,
    clear_auth_cookie,
    parse_timezone,
    set_auth_cookie,
)
from backend.auth.models import LoginIn, LoginOut, SignupIn, User, UserPublic, has_control_chars
from backend.auth.passwords import require_hard_to_guess
from backend.auth.security import create_access_token
from backend.db import SessionDep
from backend.ratelimit import RateLimiter, client_address

router = APIRouter(prefix="/api/auth", tags=["auth"])

BAD_CREDENTIALS = "Incorrect email or password"
EMAIL_TAKEN = "An account with this email already exists"


@router.post(
    "/signup",
    status_code=status.HTTP_201_CREATED,
    response_model=UserPublic,
    responses={
        409: {"description": "An account with this email already exists"},
        422: {"description": "Invalid input, or a password that is easy to guess"},
        429: {"description": "Too many sign-ups from this address"},
    },
)
async def signup(
    body: SignupIn,
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    hasher: HasherDep,
) -> User:
    limiter: RateLimiter = request.app.state.rate_limiter
    await limiter.check_signup(client_address(request))
    await require_hard_to_guess(body.password, body.email, body.name)
    if await session.scalar(select(User.id).where(User.email == body.email)) is not None:
        raise HTTPException(status.HTTP_409_CONFLICT, EMAIL_TAKEN)
    await session.commit()  # the connection goes back to the pool while the hash waits its turn
    tz = parse_timezone(request.headers.get("x-timezone"))
    user = User(
        email=body.email,
        name=body.name,
        password_hash=await hasher.hash(body.password),
        timezone=tz.key if tz else None,
    )
    session.add(user)
    try:
        await session.commit()
    except IntegrityError:  # a concurrent signup won the race for this email
        await session.rollback()
        raise HTTPException(status.HTTP_409_CONFLICT, EMAIL_TAKEN) from None
    assert user.id is not None
    set_auth_cookie(
        response, request, settings, create_access_token(settings, user.id, user.token_version)
    )
    return user


@router.post(
    "/login",
    response_model=LoginOut,
    responses={
        401: {"description": "Wrong email or password (one answer for both)"},
        429: {"description": "Too many attempts for this account or from this address"},
    },
)
async def login(
    body: LoginIn,
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    hasher: HasherDep,
) -> LoginOut:
    email = body.email.strip().lower()
    limiter: RateLimiter = request.app.state.rate_limiter
    await limiter.check_login(email, client_address(request))
    # No stored email has control characters (and PostgreSQL refuses NUL): just a bad credential.
    user = (
        None
        if has_control_chars(email)
        else await session.scalar(select(User).where(User.email == email))
    )
    stored_hash = user.password_hash if user else None
    await session.commit()  # as in signup: no pooled connection held during the hash
    if not await hasher.verify(body.password, stored_hash) or user is None:
        raise HTTPException(
            status.HTTP_401_UNAUTHORIZED, BAD_CREDENTIALS, headers={"WWW-Authenticate": "Bearer"}
        )
    assert user.id is not None
    token = create_access_token(settings, user.id, user.token_version)
    set_auth_cookie(response, request, settings, token)
    return LoginOut(
        access_token=token,
        expires_in=settings.jwt_expire_minutes * 60,
        user=UserPublic.model_validate(user),
    )


@router.post("/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(response: Response, settings: SettingsDep) -> None:
    clear_auth_cookie(response, settings)


@router.post("/logout-all", status_code=status.HTTP_204_NO_CONTENT)
async def logout_all(
    user: CurrentUser, response: Response, session: SessionDep, settings: SettingsDep
) -> None:
    """Log out everywhere: every session token issued so far stops working (the token version
    moves). Personal access tokens are not sessions: each is revoked on its own (DELETE
    /api/tokens/{id}), so connected apps keep working after a sign-out on a lost device."""
    await session.exec(
        update(User)
        .where(col(User.id) == user.id)
        .values(token_version=col(User.token_version) + 1)
    )
    await session.commit()
    clear_auth_cookie(response, settings)


@router.get("/me", response_model=UserPublic)
async def me(user: CurrentUser) -> User:
    return user
