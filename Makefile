# Two commands for a newcomer: `make run` and `make test`. Nothing else needs to be set.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# uv: the one on PATH, else the one `make uv` installs with pip.
UV := $(or $(shell command -v uv 2>/dev/null),$(HOME)/.local/bin/uv)
HOST ?= 127.0.0.1
PORT ?= 8000

# The backend suite also runs on PostgreSQL when a local server answers (CI sets it explicitly).
PG_TEST_URL := postgresql+asyncpg://postgres@127.0.0.1:5432/test
export TEST_DATABASE_URL ?= $(shell pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null && echo $(PG_TEST_URL))

.PHONY: help uv deps migrate run test test-backend lint format clean

help:
	@echo "make run      install what is missing, migrate, start the app"
	@echo "make test     lint + every test (SQLite, and PostgreSQL when it is reachable)"
	@echo "make lint     ruff + mypy"
	@echo "make migrate  apply database migrations (DATABASE_URL or the embedded SQLite)"

uv:
	@test -x "$(UV)" || { echo "Installing uv with pip..."; \
		python3 -m pip install --user --quiet uv || python3 -m pip install --user --quiet --break-system-packages uv; }

deps: uv
	@$(UV) sync --frozen --quiet

migrate: deps
	$(UV) run alembic upgrade head

run: migrate
	@echo "Backend API on http://localhost:$(PORT)  (health: http://localhost:$(PORT)/api/health)"
	$(UV) run uvicorn backend.main:app --host $(HOST) --port $(PORT) --proxy-headers --no-access-log

lint: deps
	$(UV) run ruff check backend tests alembic
	$(UV) run ruff format --check backend tests alembic
	$(UV) run mypy

format: deps
	$(UV) run ruff check --fix backend tests alembic
	$(UV) run ruff format backend tests alembic

test-backend: deps
	@if [ -n "$$TEST_DATABASE_URL" ]; then echo "Backend tests on SQLite and PostgreSQL"; \
		else echo "Backend tests on SQLite (no PostgreSQL at 127.0.0.1:5432)"; fi
	$(UV) run pytest

test: lint test-backend

clean:
	rm -rf .pytest_cache .mypy_cache .ruff_cache
