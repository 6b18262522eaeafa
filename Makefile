# rabatnet — `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
UV_VERSION := 0.13.8
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
PORT ?= 8000
MANAGE := $(PY) manage.py
export DJANGO_SETTINGS_MODULE ?= config.settings.dev

.DEFAULT_GOAL := help
.PHONY: help install system-libraries run setup test messages-extract test-postgres lint fmt migrations-check check-deploy bench chromium messages clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

$(UV):
	@command -v $(PYTHON) >/dev/null || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: $(UV) uv.lock pyproject.toml
	$(UV) sync --frozen --quiet
	@touch $@

install: $(VENV)/.synced system-libraries ## Create .venv and install the locked dependencies

# WeasyPrint subsets fonts with HarfBuzz; without the library it warns (an error under tests).
system-libraries:
	@/sbin/ldconfig -p | grep -q libharfbuzz-subset.so.0 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libharfbuzz-subset0 >/dev/null; }

messages-extract: install ## Update locale/fr from the code and templates (then translate the new entries)
	$(MANAGE) makemessages -l fr --ignore=.venv --ignore=var --ignore='*/tests/*' --no-obsolete

messages: install ## Compile the translation catalogues
	@command -v msgfmt >/dev/null || { apt-get update -qq && apt-get install -y -qq gettext; }
	$(MANAGE) compilemessages --ignore=.venv -v0

# The demo: settings as in production (DEBUG off, hashed static files, a secret key made once
# in var/secret_key) with demo data allowed and two-factor required of nobody.
setup run: export DJANGO_SETTINGS_MODULE := config.settings.demo

setup: messages ## Database under var/, reference data, statistics, demo accounts and guides, static files
	@mkdir -p var
	$(MANAGE) migrate --no-input -v0
	$(MANAGE) load_reference
	$(MANAGE) load_meetings
	$(MANAGE) load_questionnaires
	$(MANAGE) load_demo
	$(MANAGE) load_demo_guides
	$(MANAGE) create_forums
	$(MANAGE) load_demo_forums
	$(MANAGE) load_demo_cycles
	$(MANAGE) import_dataset all
	$(MANAGE) load_demo_newsletter
	$(MANAGE) load_demo_followup
	$(MANAGE) load_demo_support
	$(MANAGE) load_demo_questionnaires
	$(MANAGE) collectstatic --no-input -v0
	$(MANAGE) clear_cache -v0
	$(MANAGE) prepare_map -v0

run: setup ## Serve on http://127.0.0.1:$(PORT) with the background worker beside it
	@echo "rabatnet: http://127.0.0.1:$(PORT)/en/  (Ctrl-C stops the server and the worker)"
	@echo "Two-factor required of: $${TWO_FACTOR_REQUIRED_ROLES:-nobody} (see README: TWO_FACTOR_REQUIRED_ROLES)"
	@trap 'kill 0' EXIT INT TERM; \
	  $(MANAGE) db_worker --no-reload & \
	  $(VENV)/bin/gunicorn config.wsgi --config config/gunicorn.py --bind 127.0.0.1:$(PORT) ; \
	  wait

chromium: ## Install Debian's chromium for the browser tests, if missing
	@test -x /usr/bin/chromium || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

test: messages chromium ## Run the whole test suite (SQLite; DATABASE_URL for PostgreSQL)
	DJANGO_SETTINGS_MODULE=config.settings.test $(VENV)/bin/pytest -q

lint: install ## ruff check, format check and mypy (django-stubs) on all app code
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy

fmt: install ## Format and fix the code
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

migrations-check: install ## Fail if a model changed without its migration
	@mkdir -p var
	$(MANAGE) makemigrations --check --dry-run

check-deploy: install ## Django's deployment checks with production settings
	DJANGO_SETTINGS_MODULE=config.settings.prod \
	SECRET_KEY=$${SECRET_KEY:-check-deploy-$$(head -c 32 /dev/urandom | base64 | tr -d '/+=')} \
	ALLOWED_HOSTS=$${ALLOWED_HOSTS:-rabatnet.example.org} \
	DATABASE_URL=$${DATABASE_URL:-postgres://rabatnet@localhost/rabatnet} \
	$(MANAGE) check --deploy --fail-level WARNING

bench: setup ## Run the benchmarks in bench/
	@for script in bench/[a-z]*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

clean: ## Remove the virtual environment and var/
	rm -rf $(VENV) var
