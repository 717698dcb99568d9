# Katalog Inovasi Daerah Kabupaten Balangan: developer tasks (GNU make).
#
# On a fresh machine with only Python 3.11:
#   make site    build the public site from innovations/ into site/
#   make test    install the dev tools (and Debian's chromium) and run every check
# `make help` lists every target; the `## ` comment after a target is its help text.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
.DELETE_ON_ERROR:
MAKEFLAGS += --no-builtin-rules --no-print-directory

PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
BENCH_ARGS ?=
SITE_ARGS ?=

# Installs come from the lock files (exact versions with hashes, `make lock` refreshes them);
# the stamps re-install only when a lock file changes. The project itself is installed
# without dependencies and without build isolation, so nothing unpinned is ever fetched.
SITE_LOCK := requirements/site.lock
DEV_LOCK := requirements/dev.lock
BASE_STAMP := $(VENV)/.installed-base
DEV_STAMP := $(VENV)/.installed-dev
PIP_LOCKED := $(BIN)/python -m pip install --quiet --require-hashes --no-deps
PIP_SELF := $(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
UV_COMPILE := $(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 \
  --universal --quiet --custom-compile-command "make lock"

# Material's end-of-life banner off; no __pycache__ in the working tree; pip quiet, no prompts.
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
export PIP_NO_INPUT := 1

.PHONY: help venv runtime vendor site serve test chromium check lint format types unit golden bench clean \
  distclean lock test-latest

help: ## show this list of targets
	@echo "Katalog Inovasi Daerah Kabupaten Balangan. Usage: make <target>"
	@awk 'BEGIN {FS = ":[^#]*## "} /^[a-zA-Z_-]+:[^#]*## / {printf "  %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(VENV)/bin/python:
	@$(PY) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
	  || { echo "error: $(PY) is older than Python 3.11; run make PY=python3.11 ..." >&2; exit 1; }
	$(PY) -m venv $(VENV) \
	  || { rm -rf $(VENV); echo "error: '$(PY) -m venv' failed; on Debian/Ubuntu: apt-get install python3-venv" >&2; exit 1; }

$(BASE_STAMP): $(SITE_LOCK) pyproject.toml | $(VENV)/bin/python
	$(PIP_LOCKED) -r $(SITE_LOCK)
	$(PIP_SELF)
	@touch $@

$(DEV_STAMP): $(DEV_LOCK) pyproject.toml | $(VENV)/bin/python
	$(PIP_LOCKED) -r $(DEV_LOCK)
	$(PIP_SELF)
	@touch $(BASE_STAMP) $@

lock: $(DEV_STAMP) ## refresh both lock files to the newest allowed versions (review the diff)
	$(UV_COMPILE) --upgrade --extra build -o $(SITE_LOCK)
	$(UV_COMPILE) --upgrade --extra build --extra dev -c $(SITE_LOCK) -o $(DEV_LOCK)

test-latest: ## every check against the newest allowed versions, in a separate .venv-latest
	rm -rf .venv-latest
	$(PY) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade -e ".[dev]"
	$(MAKE) check BIN=.venv-latest/bin DEV_STAMP=

venv: $(DEV_STAMP) ## create/update .venv with the project and the dev tools

runtime: $(BASE_STAMP) ## create/update .venv with the project only (what a fast check needs)

# The admin form's browser code (Decap CMS): the npm tarball at the version and sha512 pinned
# in generator/outputs/vendor.py, unpacked into .venv/share/sepeda/ (never loaded from a CDN).
DECAP_STAMP := $(VENV)/.installed-decap
$(DECAP_STAMP): generator/outputs/vendor.py | $(BASE_STAMP)
	$(BIN)/python -m generator.outputs.vendor
	@touch $@

vendor: $(DECAP_STAMP) ## install the admin form's Decap CMS bundle (pinned, integrity-checked)

site: $(BASE_STAMP) $(DECAP_STAMP) ## build the site into site/ (SITE_ARGS=--buku: with the yearly book, as CI)
	$(BIN)/sepeda build --out site $(SITE_ARGS)

serve: $(BASE_STAMP) ## live preview on http://127.0.0.1:8000 (rebuilds on edits)
	$(BIN)/sepeda serve

# Test-only npm packages (axe-core for the accessibility checks), exact versions from the lock.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

test: $(DEV_STAMP) $(DECAP_STAMP) $(NODE_STAMP) chromium ## set up everything (dev tools, npm test tools, chromium), then run `make check`
	@$(MAKE) check

chromium: ## make sure Debian's chromium is installed (apt-get when root)
	@if [ -x $(CHROMIUM) ]; then \
	  :; \
	elif [ "$$(id -u)" = 0 ]; then \
	  echo "chromium is missing: installing it with apt-get"; \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else \
	  echo "error: $(CHROMIUM) is missing and the browser test needs it." >&2; \
	  echo "       Install it once as root:  sudo apt-get update && sudo apt-get install -y chromium" >&2; \
	  exit 1; \
	fi

check: $(DEV_STAMP) ## every check, in order: ruff, ruff format, mypy, import layers, canonical YAML, pytest
	$(BIN)/ruff check .
	$(BIN)/ruff format --check generator tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/sepeda rapikan --periksa
	$(BIN)/pytest

lint: $(DEV_STAMP) ## ruff lint and format check only
	$(BIN)/ruff check .
	$(BIN)/ruff format --check generator tests bench

format: $(DEV_STAMP) ## apply ruff's formatting and safe lint fixes
	$(BIN)/ruff format generator tests bench
	$(BIN)/ruff check --fix .

types: $(DEV_STAMP) ## mypy (strict, the generator package)
	$(BIN)/mypy

unit: $(DEV_STAMP) ## fast tests only (no browser, no slow mkdocs builds)
	$(BIN)/pytest -m "not browser and not slow"

golden: $(DEV_STAMP) ## regenerate the golden files and docs/dev/skema (review the diff before committing)
	$(BIN)/pytest tests/test_golden.py tests/test_built_pages.py tests/test_pack.py --update-goldens
	$(BIN)/python -c 'from pathlib import Path; from generator.outputs import export; [Path("docs/dev", n).write_text(t, encoding="utf-8") for n, t in export.schemas().items()]' 

bench: $(DEV_STAMP) ## the scale benchmark (BENCH_ARGS="--sizes 200 2000 20000 --out bench/RESULTS.md")
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean: ## remove the built site and caches (keeps .venv)
	rm -rf site build .cache tests/.tmp .pytest_cache .mypy_cache .ruff_cache *.egg-info
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -exec rm -rf {} +

distclean: clean ## clean, and remove .venv too
	rm -rf $(VENV) .venv-latest node_modules
