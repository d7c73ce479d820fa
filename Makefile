# Openness CMS: `make run` serves the demo site, `make test` runs every check. `make help` lists the rest.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
MANAGE := $(BIN)/python manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help install migrate site run test pytest lint format messages bench clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN{FS=":.*## "}{printf "  make %-10s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP) ## Create .venv and install the project with its dev tools

migrate: install ## Apply migrations to the database (SQLite at var/db.sqlite3 unless DATABASE_URL is set)
	@mkdir -p var
	$(MANAGE) migrate --noinput

site: migrate ## Build the demo site and the admin account (idempotent: existing content is kept)
	$(MANAGE) bootstrap_site --demo
	$(MANAGE) ensure_admin

run: site ## Set everything up and serve http://127.0.0.1:8000
	$(MANAGE) runserver $(HOST):$(PORT)

lint: install ## Format and lint checks, Django checks, migrations, layers and translations
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/lint-imports
	$(MANAGE) check_translations

pytest: install ## Run the test suite only
	$(BIN)/pytest

test: lint pytest ## Set everything up, run the checks and the whole test suite

format: install ## Reformat and autofix the code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

messages: install ## Update the Russian catalogues from the source (pure Python with Babel: no GNU gettext needed)
	$(MANAGE) update_translations

bench: install ## Run the benchmarks in bench/ (not part of `make test`)
	$(BIN)/python bench/run.py

clean: ## Remove the virtualenv and the local database
	rm -rf $(VENV) var
