# riftwatch: `make demo` and `make test` work on a fresh clone with only Python 3.11.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.riftwatch-installed

.PHONY: demo test lint eval bench install clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/riftwatch demo

test: $(STAMP)
	$(BIN)/ruff check riftwatch agents tests
	$(BIN)/python -m pytest

eval: $(STAMP)
	$(BIN)/python -m riftwatch.evaluate --check eval/floors.json
	$(BIN)/python -m riftwatch.evaluate --check eval/floors-news.json
	$(BIN)/python -m riftwatch.evaluate --check eval/floors-news2.json
	$(BIN)/python -m riftwatch.evaluate --check eval/floors-news3.json
	$(BIN)/python -m riftwatch.evaluate --check eval/floors-news4.json
	$(BIN)/python -m riftwatch.evaluate --check eval/floors-news5.json
	$(BIN)/python -m riftwatch.evaluate --check eval/floors-news6.json
	$(BIN)/python -m riftwatch.evaluate --check eval/floors-blind2.json
	$(BIN)/python -m riftwatch.evaluate --check eval/floors-news7.json
	$(BIN)/python -m riftwatch.evaluate --check eval/floors-news8.json
	$(BIN)/python -m riftwatch.timelines --mode both --check
	$(BIN)/python -m riftwatch.timelines --dir eval/timelines-news --mode gold --check
	$(BIN)/python -m riftwatch.timelines --dir eval/timelines-news --mode coder

lint: $(STAMP)
	$(BIN)/ruff check riftwatch agents tests

bench: $(STAMP)
	$(BIN)/python -m riftwatch.bench

clean:
	rm -rf $(VENV) build *.egg-info var
