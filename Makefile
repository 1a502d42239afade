# Two commands for people (make serve, make test) and one for publishing (make build).
# Each bootstraps .venv from pyproject.toml on a fresh clone and refreshes it when pyproject.toml changes.
PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# npm packages of the checks on the built site (Nu HTML checker, Lighthouse), from package-lock.json.
# --ignore-scripts: vnu-jar's postinstall would download a Java runtime; the system's java runs it.
NODE_STAMP := node_modules/.installed
BENCH_STAMP := $(VENV)/.bench-installed
N ?= 2000
RUNS ?=

.PHONY: serve build test check lint lighthouse bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(NODE_STAMP): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# Build into a scratch folder and swap it in only on success: a failed build leaves site/ as it was.
build: $(STAMP)
	rm -rf .site-next
	$(BIN)/mkdocs build --strict --site-dir .site-next
	rm -rf .site-previous
	if [ -d site ]; then mv site .site-previous; fi
	mv .site-next site
	rm -rf .site-previous

check: $(STAMP)
	$(BIN)/newsroom check

lint: $(STAMP)
	$(BIN)/ruff check hooks tests scripts/bench
	$(BIN)/mypy

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

# Lighthouse (mobile) on the home page, an article and the gallery of the freshly built site/.
lighthouse: build $(NODE_STAMP)
	$(BIN)/python scripts/lighthouse.py site

$(BENCH_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $(BENCH_STAMP)

# The build benchmark (DESIGN §7): this column, Material's blog plugin and Hugo on one synthetic corpus.
# make bench N=10000; RUNS=3 for more runs per tool; BENCH_ARGS='--profile' or '--json out.json'.
bench: $(BENCH_STAMP)
	$(BIN)/python -m scripts.bench --articles $(N) $(if $(RUNS),--runs $(RUNS)) $(BENCH_ARGS)

clean:
	rm -rf site .site-next .site-previous .cache
