# Sourcedesk: `make demo` runs the product, `make test` runs the checks and tests.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo serve worker test lint pytest bench crosscheck-model clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)

## A ready instance on http://$(HOST):$(PORT): migrate, seed, users (passwords printed), serve.
## HOST and PORT also make SOURCEDESK_BASE_URL (links in the banner, webhooks and exports).
## Cross-checks run on a Celery worker when Redis answers at DEMO_REDIS, in-process otherwise.
DEMO_REDIS ?= redis://127.0.0.1:6379/0
demo: install
	@if $(BIN)/python -c "import redis; redis.Redis.from_url('$(DEMO_REDIS)', socket_connect_timeout=1).ping()" >/dev/null 2>&1; then \
		HOST=$(HOST) PORT=$(PORT) CELERY_BROKER_URL=$(DEMO_REDIS) $(BIN)/python manage.py demo --serve $(HOST):$(PORT); \
	else \
		HOST=$(HOST) PORT=$(PORT) $(BIN)/python manage.py demo --serve $(HOST):$(PORT); \
	fi

## Production-style: gunicorn, a Celery worker and beat (Procfile, honcho) on PostgreSQL and
## Redis. Needs SECRET_KEY; DATABASE_URL, REDIS_URL and ALLOWED_HOSTS have local defaults.
serve: export SOURCEDESK_ENV = production
serve: export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/sourcedesk
serve: export REDIS_URL ?= redis://127.0.0.1:6379/0
serve: export ALLOWED_HOSTS ?= 127.0.0.1,localhost
serve: export SECURE_SSL_REDIRECT ?= 0
serve: install
	@test -n "$$SECRET_KEY" || { echo "Set SECRET_KEY (e.g. export SECRET_KEY=\$$(openssl rand -base64 48))"; exit 1; }
	-createdb -h 127.0.0.1 -U postgres sourcedesk 2>/dev/null
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho start

## A Celery worker with beat (set CELERY_BROKER_URL or REDIS_URL first).
worker: install
	$(BIN)/celery -A config worker --beat --loglevel=INFO --schedule=var/celerybeat-schedule

## Lint, type-check, migration check, then the test suite.
test: install lint pytest

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(BIN)/lint-imports
	$(BIN)/python manage.py makemigrations --check --dry-run

pytest: install
	$(BIN)/pytest

## Benchmarks: print tables and one JSON line each (they skip where ../shared/eval is absent).
bench: install
	$(BIN)/python -m bench

## Refit the cross-check decision (verify/engine/crosscheck/decision.json) on the dev story
## clusters; deterministic, so an unchanged engine rebuilds the same file.
crosscheck-model: install
	$(BIN)/python -m bench.train_crosscheck_decision
	$(BIN)/python -m bench.train_crosscheck_decision --embedding

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
