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

.PHONY: help uv deps migrate run test test-backend test-backend-sqlite test-backend-postgresql \
	test-backend-none lint format clean bench eval classifier \
	frontend-deps frontend-build lint-frontend test-frontend chatkit-types api-types

# Frontend (frontend/, Next.js): Node 20.19+ and npm. `make run` serves its production build.
FRONTEND_PORT ?= 3000
FRONTEND_SOURCES := $(shell find frontend/app frontend/components frontend/lib -type f 2>/dev/null) \
	$(wildcard frontend/proxy.ts frontend/next.config.ts frontend/postcss.config.mjs frontend/tsconfig.json)
export NEXT_TELEMETRY_DISABLED := 1
# Never download browsers: the browser tests launch Debian's /usr/bin/chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

help:
	@echo "make run      install what is missing, migrate, build, start backend + frontend (http://localhost:3000)"
	@echo "make test     lint, then side by side: every backend test (SQLite, and PostgreSQL when reachable) and the frontend's tests"
	@echo "make test-frontend  eslint, tsc, vitest, next build, browser tests (Playwright + Debian chromium)"
	@echo "make lint     ruff + mypy"
	@echo "make chatkit-types  regenerate frontend/lib/chatkit/protocol.ts from chatkit's models"
	@echo "make api-types      regenerate frontend/lib/api/schema.ts from the backend's OpenAPI schema"
	@echo "make migrate  apply database migrations (DATABASE_URL or the embedded SQLite)"
	@echo "make eval     the offline assistant's evaluation sets (accuracy by intent, every failure)"
	@echo "make classifier   regenerate the intent classifier's corpus, retrain it, run its tests (scikit-learn)"
	@echo "make bench    chat benchmarks, quick profile (make bench ARGS=--full: everything, ~45 min)"

uv:
	@test -x "$(UV)" || { echo "Installing uv with pip..."; \
		python3 -m pip install --user --quiet uv || python3 -m pip install --user --quiet --break-system-packages uv; }

# --compile-bytecode: the .pyc files are written once here, so no Python process (pytest, the
# test servers, alembic) compiles the dependencies from source again when PYTHONDONTWRITEBYTECODE
# is set, as on CI (~3 s of CPU per process start otherwise).
deps: uv
	@$(UV) sync --frozen --quiet --compile-bytecode

migrate: deps
	$(UV) run alembic upgrade head

# The backend first (on $(PORT)), then the frontend's production server (on $(FRONTEND_PORT)),
# which forwards /api/* to it. Ctrl-C (or either one exiting) stops both. TZ=UTC: ChatKit stamps
# naive local times on conversations, and UTC is how the frontend reads them.
run: migrate frontend-build
	@trap 'kill $$backend $$frontend 2>/dev/null; wait' EXIT INT TERM; \
	TZ=UTC $(UV) run uvicorn backend.main:app --host $(HOST) --port $(PORT) --no-proxy-headers --no-access-log & backend=$$!; \
	until (exec 3<>/dev/tcp/$(HOST)/$(PORT)) 2>/dev/null; do \
		kill -0 $$backend 2>/dev/null || { echo "The backend did not start."; exit 1; }; sleep 0.5; done; \
	(cd frontend && BACKEND_URL=http://$(HOST):$(PORT) NODE_OPTIONS="--import ./client-address.mjs" exec node_modules/.bin/next start -H $(HOST) -p $(FRONTEND_PORT)) & frontend=$$!; \
	until (exec 3<>/dev/tcp/$(HOST)/$(FRONTEND_PORT)) 2>/dev/null; do \
		kill -0 $$frontend 2>/dev/null || { echo "The frontend did not start."; exit 1; }; sleep 0.5; done; \
	echo; echo "  Todo Assistant: http://localhost:$(FRONTEND_PORT)    (API: http://localhost:$(PORT)/api/health)"; echo; \
	wait -n

lint: deps
	$(UV) run ruff check backend tests alembic bench
	$(UV) run ruff format --check backend tests alembic bench
	$(UV) run mypy

format: deps
	$(UV) run ruff check --fix backend tests alembic
	$(UV) run ruff format backend tests alembic

# The backend suite in three shares, run side by side (tests/conftest.py, --database): the tests
# on SQLite, those on PostgreSQL (when reachable) and those that use no database.
BACKEND_SHARES := $(addprefix test-backend-,sqlite none $(if $(TEST_DATABASE_URL),postgresql))

test-backend: deps
	@if [ -n "$$TEST_DATABASE_URL" ]; then echo "Backend tests on SQLite and PostgreSQL"; \
		else echo "Backend tests on SQLite (no PostgreSQL at 127.0.0.1:5432)"; fi
	@$(MAKE) --no-print-directory -j3 --output-sync=target $(BACKEND_SHARES)

$(BACKEND_SHARES): test-backend-%: deps
	$(UV) run pytest --database $*

# Lint first (it fails fast); then the backend's shares and the frontend's tests side by side, so
# both cores stay busy until the end. Each part's output is printed whole when that part ends
# (--output-sync), not interleaved.
test: lint
	@$(MAKE) --no-print-directory -j4 --output-sync=target $(BACKEND_SHARES) test-frontend

# npm ci only when node_modules is missing or the lock file changed.
frontend/node_modules/.package-lock.json: frontend/package-lock.json frontend/package.json
	cd frontend && npm ci --no-audit --no-fund
	@touch $@

frontend-deps: frontend/node_modules/.package-lock.json

# Rebuilt only when a source file changed (make run); test-frontend always builds.
frontend/.next/BUILD_ID: frontend/node_modules/.package-lock.json $(FRONTEND_SOURCES)
	cd frontend && npm run build

frontend-build: frontend/.next/BUILD_ID

lint-frontend: frontend-deps
	cd frontend && npm run lint
	cd frontend && npm run typecheck

# The built-in chat UI's protocol types, generated from chatkit's pydantic models (the server's).
chatkit-types: frontend-deps deps
	cd frontend && UV="$(UV)" node scripts/chatkit-types.mjs

# The REST API's types (tasks and the rest), generated from the app's OpenAPI schema.
api-types: frontend-deps deps
	cd frontend && UV="$(UV)" node scripts/api-types.mjs

# The browser tests start their own backend (SQLite in a temp dir) and `next start` on free ports.
test-frontend: frontend-deps deps lint-frontend
	cd frontend && UV="$(UV)" node scripts/chatkit-types.mjs --check
	cd frontend && UV="$(UV)" node scripts/api-types.mjs --check
	cd frontend && npm test
	cd frontend && npm run build
	cd frontend && UV="$(UV)" npm run e2e

eval: deps
	$(UV) run python -m tests.eval.run --all

# The offline assistant's intent classifier: corpus -> model.json, then the tests that need
# scikit-learn (pinned here; never a dependency of the app). Both files are committed.
SKLEARN := --with scikit-learn==1.9.1
classifier: deps
	$(UV) run python -m backend.assistant.offline.classifier.corpus
	$(UV) run $(SKLEARN) python -m backend.assistant.offline.classifier.train
	$(UV) run $(SKLEARN) pytest tests/assistant/offline/test_classifier.py -q

bench: deps
	$(UV) run python -m bench $(ARGS)

clean:
	rm -rf .pytest_cache .mypy_cache .ruff_cache
