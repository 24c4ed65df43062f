# humstat: `make run` runs the main job on the bundled data, `make test` runs the tests.
# Both create the virtual environment on first use; nothing else needs installing by hand.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The UI and the main job share the instance configured by ./dagster.yaml.
run ui: export DAGSTER_HOME := $(CURDIR)

.PHONY: run test ui lint sql clean bench-extract bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Reinstall only when the project's dependencies change.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/humstat run

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check pipeline assets schemas benchmarks tests

ui: $(STAMP)
	$(BIN)/dagster dev -h 127.0.0.1 -p 3000 -m assets.definitions

# The DuckDB shell on the read-only snapshot that every run publishes.
sql: $(STAMP)
	$(BIN)/duckdb -readonly data/warehouse/humstat-read.duckdb

# A benchmark, not a test: prints throughput; quantulum3 is installed for the comparison only.
bench-extract: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	$(BIN)/python -m benchmarks.bench extract
	$(BIN)/python -m benchmarks.bench adversarial

# The end-to-end benchmark (10,000 and 100,000 generated documents) and the views over 10
# million figures; the figures go to docs/performance.md by hand, with the machine and date.
bench: $(STAMP)
	$(BIN)/python -m benchmarks.bench_run --documents 10000 100000
	$(BIN)/python -m benchmarks.bench_views --rows 10000000

clean:
	rm -rf .dagster data/warehouse data/reports
