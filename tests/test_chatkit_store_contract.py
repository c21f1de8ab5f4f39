"""chatkit-python's own Store tests, run against SQLStore on every test database.

The tests are ``tests/test_store.py`` of the openai-chatkit sdist of exactly the installed
(locked) version, fetched from PyPI on first use, checked against PyPI's sha256 and cached in
``.cache/chatkit-sdist/<version>/``. Without network (and no cache) the module is skipped.

Upstream imports two helpers the sdist leaves out, ``tests._types.RequestContext`` and
``helpers.mock_store.SQLiteStore``; small stand-ins are lent to the import and removed after.
Upstream's contexts carry string user ids ("test_user", "alternative_user"); they are mapped
onto two real users through the store's one ``_user_id`` hook.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import io
import os
import sys
import tarfile
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import async_sessionmaker
from sqlmodel.ext.asyncio.session import AsyncSession

import tests
from backend.auth.models import User
from backend.chat.store import SQLStore

ROOT = Path(__file__).resolve().parents[1]
VERSION = importlib.metadata.version("openai-chatkit")
CACHE = ROOT / ".cache" / "chatkit-sdist" / VERSION
MEMBER = "tests/test_store.py"
UPSTREAM_USERS = ("test_user", "alternative_user")


def _sdist_release() -> tuple[str, str]:
    """The sdist's URL and sha256, from PyPI's JSON API."""
    with httpx.Client(timeout=30, follow_redirects=True) as client:
        r = client.get(f"https://pypi.org/pypi/openai-chatkit/{VERSION}/json")
        if r.status_code == 404:  # some mirrors serve only the project document
            r = client.get("https://pypi.org/pypi/openai-chatkit/json")
            r.raise_for_status()
            files = r.json()["releases"][VERSION]
        else:
            r.raise_for_status()
            files = r.json()["urls"]
    sdist = next(f for f in files if f["packagetype"] == "sdist")
    return sdist["url"], sdist["digests"]["sha256"]


def _upstream_test_file() -> Path:
    target = CACHE / "test_store.py"
    if target.is_file():
        return target
    url, sha256 = _sdist_release()
    with httpx.Client(timeout=60, follow_redirects=True) as client:
        r = client.get(url)
        r.raise_for_status()
    archive = r.content
    if hashlib.sha256(archive).hexdigest() != sha256:
        raise RuntimeError(f"sha256 mismatch for {url}")
    with tarfile.open(fileobj=io.BytesIO(archive), mode="r:gz") as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(f"/{MEMBER}"))
        source = tar.extractfile(member)
        assert source is not None
        text = source.read()
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = target.with_suffix(f".{os.getpid()}.part")
    partial.write_bytes(text)
    partial.replace(target)  # atomic: a concurrent run never reads half a file
    return target


class RequestContext(BaseModel):
    """Upstream's ``tests/_types.py``, verbatim."""

    user_id: str


class _SQLiteStorePlaceholder:
    """Upstream's own SQLite test store: only its subclass tests use it, and they are not run."""


def _import_upstream(path: Path) -> ModuleType:
    types_module = ModuleType("tests._types")
    types_module.RequestContext = RequestContext  # type: ignore[attr-defined]
    helpers = ModuleType("helpers")
    helpers.__path__ = []  # a package
    mock_store = ModuleType("helpers.mock_store")
    mock_store.SQLiteStore = _SQLiteStorePlaceholder  # type: ignore[attr-defined]
    helpers.mock_store = mock_store  # type: ignore[attr-defined]
    lent = {"tests._types": types_module, "helpers": helpers, "helpers.mock_store": mock_store}

    before = {name: sys.modules.get(name) for name in lent}
    sys.modules.update(lent)
    tests._types = types_module  # type: ignore[attr-defined]
    try:
        name = f"_chatkit_upstream_test_store_{VERSION.replace('.', '_')}"
        spec = importlib.util.spec_from_file_location(name, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        del tests._types  # type: ignore[attr-defined]
        for name, previous in before.items():
            if previous is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = previous


try:
    _upstream_path = _upstream_test_file()
except (httpx.HTTPError, OSError, KeyError, StopIteration) as exc:
    pytest.skip(
        f"openai-chatkit {VERSION} sdist not available ({type(exc).__name__}: {exc}); "
        "its Store contract tests need PyPI once (then .cache/)",
        allow_module_level=True,
    )
_upstream = _import_upstream(_upstream_path)
_UpstreamTestStore: Any = _upstream.TestStore  # not "Test*": pytest must not collect it here


class _ContractStore(SQLStore):
    """SQLStore with upstream's string user ids mapped onto real users."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], users: dict[str, int]):
        super().__init__(sessionmaker)
        self._users = users

    def _user_id(self, context: Any) -> int:
        return self._users[context.user_id]


@pytest.mark.filterwarnings("ignore:Direct usage of named widget classes:DeprecationWarning")
class TestSQLStoreContract(_UpstreamTestStore):
    """Every upstream TestStore test, plus upstream's default-id test, on SQLStore."""

    def setup_method(self, method: Any) -> None:
        """Nothing here: the store needs the database, so ``_fresh_store`` builds it."""

    def teardown_method(self, method: Any) -> None:
        """Nothing here: the test harness empties every table after each test."""

    @pytest.fixture(autouse=True)
    async def _fresh_store(self, app: FastAPI) -> None:
        # Tables start empty (tests/conftest.py), as upstream's reused ids require.
        users: dict[str, int] = {}
        async with app.state.sessionmaker() as session:
            for name in UPSTREAM_USERS:
                user = User(email=f"{name}@example.com", password_hash="not-a-real-hash")
                session.add(user)
                await session.commit()
                assert user.id is not None
                users[name] = user.id
        self.store = _ContractStore(app.state.sessionmaker, users)

    test_default_id_generators_use_default_prefixes = (
        _upstream.TestSqliteStore.test_default_id_generators_use_default_prefixes
    )


def test_the_upstream_suite_was_found() -> None:
    """Guard against an upstream rename silently leaving nothing to run."""
    tests_found = [name for name in dir(TestSQLStoreContract) if name.startswith("test_")]
    assert len(tests_found) >= 15, tests_found
