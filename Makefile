# Two entry points: `make demo` (set up and run the demo) and `make test` (set up and run all tests).
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test serve system-deps

demo: $(VENV)/.installed
	$(BIN)/svidok demo

test: $(VENV)/.installed-test system-deps
	$(BIN)/pytest

system-deps:
	bash scripts/install-system-deps.sh

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@
