# MộtCửa — two set-up commands on a fresh Debian machine with Python 3.11:
#   make run    the platform with demo data on http://127.0.0.1:8000 (SQLite under var/)
#   make test   the whole test suite (PostgreSQL when DATABASE_URL is set, else SQLite)
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# pytest-xdist workers for `make test`: one per core (CI has two); TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= auto

.PHONY: help install install-dev run demo test lint format messages check-messages clean openapi fuzz-api
help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(VENV)/.installed: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q -r requirements.txt
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed  ## create .venv with the project installed (.venv/bin/motcua)

install-dev: $(VENV)/.installed-dev  ## install plus test and lint tools

demo: install  ## migrate the database and load the demo data (idempotent)
	$(BIN)/motcua migrate --noinput
	$(BIN)/motcua signing_init
	$(BIN)/motcua load_demo

run: demo  ## serve the platform with demo data on http://127.0.0.1:8000
	@$(BIN)/motcua demo_logins
	DEBUG=1 $(BIN)/motcua runserver $(HOST):$(PORT)

test: install-dev  ## lint, import contracts, types, then the whole test suite (browser journeys included)
	@tools/system-deps check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	$(BIN)/mypy
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

lint: install-dev  ## ruff lint and format check, import contracts, types
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports --no-cache && $(BIN)/mypy

format: install-dev  ## apply ruff's fixes and formatting
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

messages: install  ## refresh the Vietnamese/English message files and compile them
	cd src/motcua && ../../$(BIN)/motcua makemessages -l en -l vi --no-obsolete --no-location && ../../$(BIN)/motcua compilemessages

openapi: install  ## regenerate docs/openapi.yaml, the committed API contract, from the code
	$(BIN)/motcua spectacular --file docs/openapi.yaml --validate --fail-on-warn

fuzz-api: install-dev  ## schemathesis over the API for longer (FUZZ_EXAMPLES per operation, default 300)
	MOTCUA_FUZZ=1 FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-300} $(BIN)/python -m pytest tests/core/test_api_fuzz.py -p no:randomly -q

clean:  ## remove the virtual environment and local data
	rm -rf $(VENV) var
