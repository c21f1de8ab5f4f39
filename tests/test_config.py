from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from backend.config import Settings


def test_embedded_defaults_need_no_variables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    for var in ("DATABASE_URL", "JWT_SECRET", "APP_ENV", "DATA_DIR", "ASSISTANT_MODEL"):
        monkeypatch.delenv(var, raising=False)
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.database_url == "sqlite+aiosqlite:///data/app.db"
    secret_file = tmp_path / "data" / "jwt_secret"
    assert settings.jwt_secret == secret_file.read_text()
    assert len(settings.jwt_secret) >= 48
    assert stat.S_IMODE(secret_file.stat().st_mode) == 0o600
    # Generated once: the next start signs with the same secret, so sessions survive restarts.
    assert Settings(_env_file=None).jwt_secret == settings.jwt_secret  # type: ignore[call-arg]


@pytest.mark.parametrize("secret", ["", "short", "changeme", "x" * 31])
def test_production_refuses_a_missing_or_weak_secret(tmp_path: Path, secret: str):
    with pytest.raises(ValidationError, match="JWT_SECRET"):
        Settings(app_env="production", jwt_secret=secret, data_dir=tmp_path)
    assert not (tmp_path / "jwt_secret").exists()  # and never invents one


def test_production_accepts_a_strong_secret(tmp_path: Path):
    s = Settings(app_env="production", jwt_secret="k" * 8 + "Q2x9" * 8, data_dir=tmp_path)
    assert s.jwt_secret.startswith("kkkk")


def test_allowed_origins_from_a_comma_separated_variable(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("ALLOWED_ORIGINS", "https://todo.example.com/, https://admin.example.com")
    s = Settings(jwt_secret="x" * 40)
    assert s.allowed_origins == ["https://todo.example.com", "https://admin.example.com"]
