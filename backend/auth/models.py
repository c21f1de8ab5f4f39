import unicodedata
from datetime import datetime

import sqlalchemy as sa
from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator
from sqlmodel import Field as SQLField
from sqlmodel import SQLModel

from backend.db import IDS_NEVER_REUSED, UTCDateTime, utcnow

PASSWORD_MIN, PASSWORD_MAX = 8, 128


def has_control_chars(value: str) -> bool:
    """Control characters (NUL included, which PostgreSQL refuses) or lone surrogates
    (which no database can encode)."""
    return any(unicodedata.category(ch) in ("Cc", "Cs") for ch in value)


class User(SQLModel, table=True):
    __tablename__ = "users"
    __table_args__ = IDS_NEVER_REUSED

    id: int | None = SQLField(default=None, primary_key=True)
    # Stored lower-case, so the unique index is case-insensitive on every database.
    email: str = SQLField(sa_column=sa.Column(sa.String(320), nullable=False, unique=True))
    name: str | None = SQLField(default=None, sa_type=sa.String(100))
    password_hash: str = SQLField(sa_type=sa.String(255))
    timezone: str | None = SQLField(default=None, sa_type=sa.String(64))
    # Bumped to invalidate every token issued before ("log out everywhere").
    token_version: int = SQLField(default=0, sa_column_kwargs={"server_default": "0"})
    created_at: datetime = SQLField(default_factory=utcnow, sa_type=UTCDateTime)


class SignupIn(BaseModel):
    email: EmailStr = Field(max_length=320)
    # How guessable it is is checked by the route (backend/auth/passwords.py), after the rate
    # limit: the estimate costs up to ~100 ms of CPU.
    password: str = Field(min_length=PASSWORD_MIN, max_length=PASSWORD_MAX)
    name: str | None = Field(default=None, max_length=100)

    @field_validator("email", mode="before")
    @classmethod
    def _normalise_email(cls, v: object) -> object:
        return v.strip().lower() if isinstance(v, str) else v

    @field_validator("name", mode="before")
    @classmethod
    def _blank_name_is_none(cls, v: object) -> object:
        if isinstance(v, str) and has_control_chars(v):
            raise ValueError("must not contain control characters")
        return (v.strip() or None) if isinstance(v, str) else v


class LoginIn(BaseModel):
    # No format rules here: a malformed email is just a bad credential (401, not 422).
    email: str = Field(max_length=320)
    password: str = Field(max_length=1024)


class UserPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    name: str | None
    timezone: str | None
    created_at: datetime


class LoginOut(BaseModel):
    access_token: str
    token_type: str = "bearer"  # noqa: S105  (a scheme name, not a secret)
    expires_in: int
    user: UserPublic
