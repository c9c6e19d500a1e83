# The README's commands. Each sets up .venv on first use (and again when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
DEMO := demo/demo.workshop

.PHONY: run test lint typecheck pytest screenshots bench package test-package demo clean

$(VENV)/.base: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Workshop App needs Python 3.11 or newer; set PYTHON=python3.11 (or newer).")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.dev: $(VENV)/.base
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

$(DEMO): | $(VENV)/.base
	mkdir -p demo
	$(PY) -m workshop_app demo $(DEMO)

demo: $(DEMO)

run: $(VENV)/.base $(DEMO)
	$(PY) -m workshop_app $(DEMO)

lint: $(VENV)/.dev
	$(PY) -m ruff check workshop_app tests benchmarks
	$(PY) -m ruff format --check workshop_app tests benchmarks

typecheck: $(VENV)/.dev
	$(PY) -m mypy

pytest: $(VENV)/.dev
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m "not slow" -q

test: lint typecheck pytest

# The desktop build (README, "Packaging"): PyInstaller from the `package` extra, into dist/.
$(VENV)/.package: $(VENV)/.base
	$(PY) -m pip install --quiet -e '.[package]'
	touch $@

package: $(VENV)/.package
	$(PY) packaging/build.py

# Builds first only if dist/ is older than the sources; then runs the frozen executable.
test-package: $(VENV)/.dev $(VENV)/.package
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -m slow -q tests/packaging

# Measures what users feel on a very large workshop (benchmarks/); prints a table and writes
# bench-results.json. Never part of make test, never fails on a missed target.
bench: $(VENV)/.dev
	QT_QPA_PLATFORM=offscreen $(PY) -m benchmarks.bench

screenshots: $(VENV)/.dev
	QT_QPA_PLATFORM=offscreen $(PY) -m workshop_app.ui.screenshots screenshots

clean:
	rm -rf $(VENV) build dist screenshots demo .mypy_cache .ruff_cache .pytest_cache
