"""schemathesis over the app's own OpenAPI schema, in process: generated requests to every
operation (authenticated with a Bearer token) never get a 5xx, and every answer matches what
the schema says (status codes, content types, bodies, headers).

Bounded (a few dozen examples per operation) to stay fast; the examples are derandomized so a
failure reproduces. schemathesis runs the app in its own event-loop thread, so this test builds
an app of its own on the suite's database.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.python import asgi
from schemathesis.specs.openapi.checks import positive_data_acceptance

from backend.main import app as default_app
from backend.main import create_app
from tests.conftest import PASSWORD, make_settings


@pytest.fixture
def st_app(database_url: str, app: FastAPI) -> Iterator[dict[str, Any]]:
    """A fresh app with a signed-in user and a few tasks (``app`` empties the tables after)."""
    application = create_app(make_settings(database_url))
    with asgi.get_client(application) as client:
        creds = {"email": "fuzz@example.com", "password": PASSWORD}
        assert client.post("/api/auth/signup", json=creds).status_code == 201
        client.cookies.clear()  # Bearer only: a script, not a browser
        token = client.post("/api/auth/login", json=creds).json()["access_token"]
        auth = {"Authorization": f"Bearer {token}"}
        for title in ("first", "second", "third"):
            client.post("/api/tasks", json={"title": title, "tags": ["x"]}, headers=auth)
    yield {"app": application, "headers": auth}
    asgi.shutdown_lifespans()  # schemathesis keeps apps running until the process exits


# The schema is the same whatever the settings: read it off the module-level app, without
# starting it; the requests go to the fixture's app.
schema = schemathesis.openapi.from_dict(default_app.openapi())


@schema.parametrize()
@settings(
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_no_server_errors_and_no_schema_violations(case: Any, st_app: dict[str, Any]) -> None:
    if case.path == "/api/auth/logout-all":
        pytest.skip("ends the session every other example relies on (see test_security_auth)")
    case.call_and_validate(
        app=st_app["app"],
        headers=st_app["headers"],
        # A schema cannot say everything the rules do (no control characters, a cursor must be
        # one we issued, a ChatKit body is described by ChatKit): refusing such "schema-valid"
        # requests with a 4xx is right. Every other check runs, server errors first.
        excluded_checks=[positive_data_acceptance],
    )
