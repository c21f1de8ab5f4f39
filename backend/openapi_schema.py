"""The app's OpenAPI schema as JSON, for the frontend's generated API types.

``python -m backend.openapi_schema`` prints it without starting a server or touching a
database; frontend/scripts/api-types.mjs turns it into frontend/lib/api/schema.ts with
openapi-typescript (``make api-types``; ``make test`` checks the committed file is current).
"""

from __future__ import annotations

import json

from backend.config import Settings
from backend.main import create_app


def schema() -> dict[str, object]:
    # Fixed settings: the schema must not depend on the machine's .env or environment.
    settings = Settings(_env_file=None, database_url="sqlite+aiosqlite:///:memory:")
    return create_app(settings).openapi()


if __name__ == "__main__":
    print(json.dumps(schema(), indent=2, sort_keys=True))
