# CEC Engage: `make run` serves the app with demo data on SQLite; `make test` runs the whole suite.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
MANAGE := $(BIN)/python manage.py

.PHONY: install run test lint check messages translations-check compose-check vendor clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(INSTALLED): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(INSTALLED)

# A local secret key, made once; production sets SECRET_KEY in its environment instead.
.env: | $(BIN)/python
	$(BIN)/python -c "import secrets; print('SECRET_KEY=' + secrets.token_urlsafe(50))" > .env

install: $(INSTALLED) .env

run: install
	DEBUG=1 $(MANAGE) migrate --noinput
	DEBUG=1 $(MANAGE) seed_demo
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

test: install
	$(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check .

check: install
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) check

# Refresh the French and Spanish catalogues from the code and templates (needs GNU gettext).
messages: install
	$(MANAGE) makemessages --no-obsolete --no-location --ignore=.venv --ignore=static --ignore=staticfiles -l fr -l es
	$(MANAGE) compilemessages --ignore=.venv --ignore=staticfiles

# Fails when a string marked for translation has no French or Spanish translation.
translations-check: install
	$(MANAGE) makemessages --no-obsolete --no-location --ignore=.venv --ignore=static --ignore=staticfiles -l fr -l es
	$(BIN)/python -m pytest -q tests/test_translations.py

# Parses and checks the compose file without a Docker engine; the required secrets get placeholders.
compose-check:
	POSTGRES_PASSWORD=check SECRET_KEY=check ALLOWED_HOSTS=check docker-compose -f docker-compose.yml config --quiet

vendor:
	bin/vendor.sh

# Times the register's pages beside a plain Django admin on PostgreSQL, after generate_load (reused when
# loaded); BENCH_ORGS / BENCH_INTERACTIONS shrink it. Prints a table and writes bench/results.json.
bench: install
	$(BIN)/python -m pip install -q -e '.[dev,bench]'
	@# wrk drives the load run with little CPU of its own (else Python threads, which take a share of the 2 cores)
	@command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null 2>&1 || echo "wrk not installed: the load run uses Python threads"
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/cec_engage_bench} $(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
