"""Application settings: the one place where configuration and its embedded defaults live.

With no environment variables at all the app runs on a SQLite file under ``data/``, signs
tokens with a secret generated once and kept in ``data/jwt_secret``, and uses the built-in
offline assistant model. Production sets ``APP_ENV=production``, ``DATABASE_URL`` and
``JWT_SECRET``; the app refuses to start with a missing or weak secret there.
"""

from __future__ import annotations

import os
import secrets
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from limits import parse_many
from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_ORIGINS = ["http://localhost:3000", "http://127.0.0.1:3000"]
MIN_SECRET_LENGTH = 32
_WEAK_SECRETS = {"secret", "changeme", "change-me", "dev", "development", "jwt_secret"}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    app_env: Literal["development", "test", "production"] = "development"
    data_dir: Path = Path("data")
    database_url: str = ""  # empty: SQLite file under data_dir
    db_pool_size: int = Field(default=10, ge=1)
    db_echo: bool = False

    jwt_secret: str = ""  # empty (non-production only): generated and kept under data_dir
    jwt_expire_minutes: int = Field(default=60 * 24 * 7, ge=1)
    auth_cookie_name: str = "todo_session"
    cookie_secure: bool | None = None  # None: Secure exactly when the request came over https
    allowed_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(DEFAULT_ORIGINS)
    )
    # Argon2 cost; tests lower it, production keeps the library's recommended values.
    password_hash_time_cost: int = Field(default=3, ge=1)
    password_hash_memory_kib: int = Field(default=65536, ge=1024)
    # Hashes computed at once (signup, login, account deletion); more wait their turn. The
    # default leaves one core to everything else, so a burst of signups cannot starve it.
    password_hash_concurrency: int = Field(
        default_factory=lambda: max(1, (os.cpu_count() or 2) - 1), ge=1
    )
    # Addresses (or networks) of the proxies whose X-Forwarded-For/-Proto are believed, e.g.
    # the frontend's. Everyone else's forwarded headers are ignored: a client must not choose
    # the address its rate limits are counted under.
    forwarded_allow_ips: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: ["127.0.0.1", "::1"]
    )
    # /docs, /redoc and /openapi.json: on, except in production (where True turns them on).
    expose_api_docs: bool | None = None

    assistant_model: str = ""  # empty: "offline" without OPENAI_API_KEY, else DEFAULT_OPENAI_MODEL
    openai_api_key: str = ""
    openai_base_url: str = ""
    assistant_turn_timeout_seconds: float = Field(default=90.0, gt=0)
    # How the offline assistant reads a message's intent: "rules", or "hybrid" (the rules, and
    # the intent classifier where they understood nothing or read a bare add; it scored higher
    # on the unseen eval sets, docs/ASSISTANT.md).
    offline_assistant_intents: Literal["rules", "hybrid"] = "hybrid"

    # Rate limits ("<amount>/<second|minute|hour|day>", several joined by ";"):
    # chat turns per user, login attempts per account and per client address. Counted in this
    # process's memory, or in Redis when REDIS_URL is set (shared by every instance).
    chat_rate_limit: str = "30/minute"
    login_rate_limit_per_account: str = "5/minute"
    login_rate_limit_per_ip: str = "20/minute"
    signup_rate_limit_per_ip: str = "10/hour"
    redis_url: str = ""  # e.g. redis://localhost:6379/0; empty: in-memory, per process
    rate_limit_key_prefix: str = "todo"  # keeps apps that share one Redis apart

    # Where outside agents reach this app (its /api/mcp); names the MCP resource in the token
    # metadata and is an allowed Host/Origin there. Behind a proxy: the public https URL.
    public_url: str = "http://localhost:8000"
    # Requests to /api/mcp per personal access token.
    mcp_rate_limit: str = "120/minute"
    # More Host names /api/mcp answers to, e.g. the name a proxy in front uses ("backend:8000").
    mcp_allowed_hosts: Annotated[list[str], NoDecode] = Field(default_factory=list)
    # Days a change stays undoable; older change sets are purged (at startup, then hourly).
    change_retention_days: int = Field(default=30, ge=1)

    log_level: str = "INFO"

    @field_validator("allowed_origins", "mcp_allowed_hosts", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [o.strip().rstrip("/") for o in value.split(",") if o.strip()]
        return value

    @field_validator("forwarded_allow_ips", mode="before")
    @classmethod
    def _split_proxies(cls, value: object) -> object:
        if isinstance(value, str):
            value = [a.strip() for a in value.split(",") if a.strip()]
        if isinstance(value, list) and "*" in value:
            raise ValueError(
                "FORWARDED_ALLOW_IPS must name the proxies in front of the app (addresses or "
                "networks such as 172.18.0.0/16), never '*': with '*' every client could choose "
                "the address its rate limits are counted under"
            )
        return value

    @field_validator(
        "chat_rate_limit",
        "login_rate_limit_per_account",
        "login_rate_limit_per_ip",
        "mcp_rate_limit",
        "signup_rate_limit_per_ip",
    )
    @classmethod
    def _valid_rate_limit(cls, value: str) -> str:
        try:
            limits = parse_many(value)
        except ValueError:
            limits = []
        if not limits or any(limit.amount < 1 for limit in limits):
            raise ValueError(
                f"{value!r} is not a rate limit; write it like '30/minute' (several: "
                "'10/minute;100/hour')"
            )
        return value

    @field_validator("public_url")
    @classmethod
    def _valid_public_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")) or value.rstrip("/").count("/") > 2:
            raise ValueError("PUBLIC_URL must be an origin like https://todo.example.com")
        return value.rstrip("/")

    @field_validator("redis_url")
    @classmethod
    def _valid_redis_url(cls, value: str) -> str:
        if value and not value.startswith(("redis://", "rediss://")):
            raise ValueError("REDIS_URL must look like redis://host:6379/0 (or rediss://)")
        return value

    @model_validator(mode="after")
    def _fill_embedded_defaults(self) -> Settings:
        if not self.database_url:
            self.database_url = f"sqlite+aiosqlite:///{self.data_dir / 'app.db'}"
        if self.app_env == "production":
            _require_strong_secret(self.jwt_secret)
        elif not self.jwt_secret:
            self.jwt_secret = _load_or_create_dev_secret(self.data_dir / "jwt_secret")
        return self

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def api_docs(self) -> bool:
        if self.expose_api_docs is None:
            return self.app_env != "production"
        return self.expose_api_docs


def _require_strong_secret(secret: str) -> None:
    if len(secret) < MIN_SECRET_LENGTH or secret.lower() in _WEAK_SECRETS:
        raise ValueError(
            "APP_ENV=production needs JWT_SECRET set to a random string of at least "
            f"{MIN_SECRET_LENGTH} characters (tokens signed with a guessable secret can be "
            "forged). Generate one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(48))'"
        )


def _load_or_create_dev_secret(path: Path) -> str:
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(48)
    # O_EXCL: two processes starting at once must agree on one secret.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip()
    with os.fdopen(fd, "w") as f:
        f.write(secret)
    return secret


@lru_cache
def get_settings() -> Settings:
    return Settings()
