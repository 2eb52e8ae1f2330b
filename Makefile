# Two commands for a fresh machine: `make run` (set up, start the dashboard) and `make test`
# (set up, run every test). Both are safe to run again.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8050

.PHONY: run test check lint setup setup-test browser postgres bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@ $(VENV)/.installed

setup: $(VENV)/.installed
setup-test: $(VENV)/.installed-test

browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver; \
	fi

# PostgreSQL for the database tests (a throwaway server per test run; nothing is started here)
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq postgresql; \
	fi

run: setup
	$(BIN)/python -m dashboard serve --host $(HOST) --port $(PORT)

test: setup-test browser postgres lint
	$(BIN)/python -m dashboard validate
	$(BIN)/frictionless validate data/datapackage.json
	$(BIN)/python -m pytest -q

# the fast loop while working: lint, unit and in-process HTTP tests (no browser, gunicorn, PostgreSQL or
# process-starting command-line test), spread over the machine's cores
check: setup-test lint
	$(BIN)/python -m pytest -q -n auto -m "not (browser or battery or db or load or process)" tests/unit tests/cli tests/http

lint: setup-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

# benchmarks: synthetic price lists in a temp dir, gunicorn, headless chromium -> bench/results.json
bench: setup-test browser
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) *.egg-info
