"""Personal access tokens: a secret a user gives a script or an outside AI agent.

The secret (``tdo_`` + 256 random bits) is shown once, at creation; only its SHA-256 is stored.
A slow password hash would buy nothing here: the secret is random, not chosen by a person, so
a fast hash is as safe and keeps verification to one indexed lookup.

A token acts for its user within its scopes (``tasks:read``, ``tasks:write``) on the task API
and on ``/api/mcp``. It cannot manage tokens or do anything else a signed-in session does.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any, Literal

import sqlalchemy as sa
from fastapi import APIRouter, Depends, HTTPException, Request, status
from pydantic import BaseModel, ConfigDict, Field, field_validator
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel, col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.auth.deps import CurrentUser, SettingsDep, bearer_token, get_current_user
from backend.auth.models import User, has_control_chars
from backend.db import IDS_NEVER_REUSED, SessionDep, UTCDateTime, is_row_id, utcnow

TOKEN_PREFIX = "tdo_"  # noqa: S105  (a marker, not a secret)
TASKS_READ, TASKS_WRITE = "tasks:read", "tasks:write"
SCOPES = (TASKS_READ, TASKS_WRITE)
# last_used_at is written at most this often per token: one UPDATE, not one per request.
LAST_USED_RESOLUTION = timedelta(minutes=5)
MAX_EXPIRY_DAYS = 366
_SECRET = re.compile(r"^tdo_[A-Za-z0-9_-]{43}$")

INVALID_TOKEN = "Invalid, expired or revoked access token"  # noqa: S105


class PersonalAccessToken(SQLModel, table=True):
    __tablename__ = "access_tokens"
    __table_args__ = (
        sa.Index("ix_access_tokens_user_created", "user_id", "created_at"),
        IDS_NEVER_REUSED,
    )

    id: int | None = SQLField(default=None, primary_key=True)
    user_id: int = SQLField(foreign_key="users.id", ondelete="CASCADE")
    name: str = SQLField(sa_type=sa.String(100))
    # SHA-256 of the whole secret, hex; the secret itself is never stored.
    token_hash: str = SQLField(sa_column=sa.Column(sa.String(64), nullable=False, unique=True))
    scopes: list[str] = SQLField(sa_type=sa.JSON)
    created_at: datetime = SQLField(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime | None = SQLField(default=None, sa_type=UTCDateTime)
    last_used_at: datetime | None = SQLField(default=None, sa_type=UTCDateTime)


class TokenCreate(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    scopes: list[Literal["tasks:read", "tasks:write"]] = Field(min_length=1)
    expires_in_days: int | None = Field(default=None, ge=1, le=MAX_EXPIRY_DAYS)

    @field_validator("name")
    @classmethod
    def _clean_name(cls, v: str) -> str:
        if has_control_chars(v) or not v.strip():
            raise ValueError("must be a short name without control characters")
        return v.strip()

    @field_validator("scopes")
    @classmethod
    def _read_is_implied(cls, v: list[str]) -> list[str]:
        # Writing without reading makes no sense for a task list: write implies read.
        return [s for s in SCOPES if s in v or s == TASKS_READ]


class TokenPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    scopes: list[str]
    created_at: datetime
    expires_at: datetime | None
    last_used_at: datetime | None


class TokenCreated(TokenPublic):
    token: str = Field(description="The secret; shown only in this response")


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def is_personal_token(secret: str) -> bool:
    """A token of ours by its shape (a session JWT never starts with the prefix)."""
    return secret.startswith(TOKEN_PREFIX)


@dataclass(frozen=True)
class VerifiedToken:
    token_id: int
    user_id: int
    scopes: frozenset[str]
    expires_at: datetime | None
    timezone: str | None

    def allows(self, scope: str) -> bool:
        return scope in self.scopes


async def verify_secret(session: AsyncSession, secret: str) -> VerifiedToken | None:
    """The token this secret belongs to, if it exists, has not expired and its user exists.

    One indexed lookup; ``last_used_at`` is written only when it is older than
    LAST_USED_RESOLUTION, so a busy token costs one UPDATE every few minutes."""
    if not _SECRET.match(secret):
        return None
    row = (
        await session.exec(
            select(PersonalAccessToken, User.timezone)
            .join(User, col(User.id) == PersonalAccessToken.user_id)
            .where(PersonalAccessToken.token_hash == hash_secret(secret))
        )
    ).first()
    if row is None:
        return None
    token, timezone = row
    now = utcnow()
    if token.expires_at is not None and token.expires_at <= now:
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        await session.exec(
            sa.update(PersonalAccessToken)
            .where(col(PersonalAccessToken.id) == token.id)
            .values(last_used_at=now)
        )
    await session.commit()  # ends the read too: the connection goes back to the pool
    assert token.id is not None
    return VerifiedToken(
        token_id=token.id,
        user_id=token.user_id,
        scopes=frozenset(token.scopes),
        expires_at=token.expires_at,
        timezone=timezone,
    )


def _invalid_token(detail: str = INVALID_TOKEN) -> HTTPException:
    return HTTPException(
        status.HTTP_401_UNAUTHORIZED, detail, headers={"WWW-Authenticate": "Bearer"}
    )


async def get_task_user(request: Request, session: SessionDep, settings: SettingsDep) -> User:
    """The user of the task API: a signed-in session, or a personal access token within its
    scopes (reading needs ``tasks:read``, anything else ``tasks:write``)."""
    secret = bearer_token(request)
    if secret is None or not is_personal_token(secret):
        return await get_current_user(request, session, settings)
    verified = await verify_secret(session, secret)
    if verified is None:
        raise _invalid_token()
    needed = TASKS_READ if request.method in ("GET", "HEAD") else TASKS_WRITE
    if not verified.allows(needed):
        raise HTTPException(
            status.HTTP_403_FORBIDDEN, f"This access token lacks the {needed} scope"
        )
    user = await session.get(User, verified.user_id)
    await session.commit()
    if user is None:  # deleted between the two reads
        raise _invalid_token()
    return user


TaskUser = Annotated[User, Depends(get_task_user)]

router = APIRouter(prefix="/api/tokens", tags=["tokens"])
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"description": "No such token of yours"}}


@router.post("", status_code=status.HTTP_201_CREATED, response_model=TokenCreated)
async def create_token(body: TokenCreate, user: CurrentUser, session: SessionDep) -> TokenCreated:
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    assert user.id is not None
    token = PersonalAccessToken(
        user_id=user.id,
        name=body.name,
        token_hash=hash_secret(secret),
        scopes=list(body.scopes),
        expires_at=utcnow() + timedelta(days=body.expires_in_days)
        if body.expires_in_days
        else None,
    )
    session.add(token)
    await session.commit()
    await session.refresh(token)
    return TokenCreated(**TokenPublic.model_validate(token).model_dump(), token=secret)


@router.get("", response_model=list[TokenPublic])
async def list_tokens(user: CurrentUser, session: SessionDep) -> Sequence[PersonalAccessToken]:
    rows = await session.exec(
        select(PersonalAccessToken)
        .where(PersonalAccessToken.user_id == user.id)
        .order_by(col(PersonalAccessToken.created_at).desc(), col(PersonalAccessToken.id).desc())
    )
    return rows.all()


@router.delete("/{token_id}", status_code=status.HTTP_204_NO_CONTENT, responses=NOT_FOUND)
async def revoke_token(token_id: int, user: CurrentUser, session: SessionDep) -> None:
    """Revoking deletes the token: the next request that presents it gets 401."""
    if not is_row_id(token_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such token")
    result = await session.exec(
        sa.delete(PersonalAccessToken).where(
            col(PersonalAccessToken.id) == token_id, col(PersonalAccessToken.user_id) == user.id
        )
    )
    await session.commit()
    if result.rowcount == 0:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "No such token")
