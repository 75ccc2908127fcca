# Every target sets up .venv itself, so a fresh clone needs only Python 3.11 and make.
# constraints.txt pins the versions the snapshots and tests were made with, so a
# fresh machine renders exactly what the baselines show.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: demo test quick check bench sim clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e .
	touch $@

$(STAMP_TEST): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[test]'
	touch $@ $(STAMP_RUN)

demo: $(STAMP_RUN)
	$(BIN)/billtui --demo $(ARGS)

sim: $(STAMP_RUN)
	$(BIN)/billtui-sim $(ARGS)

# Everything CI runs: the import layers, the types, then every test.
test: check
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The inner loop: the checks and the tests without the soak and the slowest property tests.
quick: check
	$(BIN)/python -m pytest -m "not slow" $(PYTEST_ARGS)

# The dependency rule (pyproject.toml [tool.importlinter]) and the type checker.
check: $(STAMP_TEST)
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP_TEST)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
