# Backend image: FastAPI + uvicorn. Migrations run at start (see docker-compose.yml).
FROM python:3.11-slim

ENV TZ=UTC PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1 UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy
RUN pip install --no-cache-dir uv

WORKDIR /app
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project
COPY backend ./backend
COPY alembic ./alembic
COPY alembic.ini ./
RUN uv sync --frozen --no-dev

RUN useradd --create-home app && mkdir -p /app/data && chown app /app/data
USER app
EXPOSE 8000
# --no-proxy-headers: the app itself believes X-Forwarded-For only from FORWARDED_ALLOW_IPS
# (docker-compose.yml: the frontend's network), never from everyone.
CMD ["sh", "-c", ".venv/bin/alembic upgrade head && exec .venv/bin/uvicorn backend.main:app --host 0.0.0.0 --port 8000 --no-proxy-headers"]
