# Two commands for people (make serve, make test) and one for publishing (make build; make rollback undoes it).
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

.PHONY: serve cms build publish rollback test check lint golden lighthouse bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(NODE_STAMP): package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

# newsroom serve: mkdocs serve on 127.0.0.1:8000, with a Vietnamese message when the port is taken.
serve: $(STAMP)
	$(BIN)/newsroom serve $(if $(PORT),--port $(PORT))

# newsroom cms: the editing desk http://127.0.0.1:8000/admin/ (Decap CMS) with its local proxy on 127.0.0.1:8081.
cms: $(STAMP) $(NODE_STAMP)
	$(BIN)/newsroom cms $(if $(PORT),--port $(PORT))

# Publish atomically (newsroom publish): the site is built into its own folder under .site-versions/
# and `site` (a symlink) is switched to it with one rename, only after the build passed; a failed or
# killed build leaves the published site/ as it was. The version before is kept: `make rollback`.
build: $(STAMP)
	$(BIN)/newsroom build

# The same into another served path: make publish DEST=/var/www/chuyendoiso (versions beside it).
publish: $(STAMP)
	$(BIN)/newsroom publish $(if $(DEST),--dest '$(DEST)')

rollback: $(STAMP)
	$(BIN)/newsroom rollback $(if $(DEST),--dest '$(DEST)')

check: $(STAMP)
	$(BIN)/newsroom check

# ruff and mypy --strict over hooks/, scripts/ and tests/. mypy runs once per test folder that has a
# conftest.py: the test folders are not packages (pytest's rootdir-based imports), so every
# conftest.py is a module named `conftest` and two in one run collide ("Duplicate module named
# conftest"). Each run puts its folder's kits on MYPYPATH (content_kit, sitekit, golden_kit...);
# a new test folder with its own conftest.py gets its own run here.
MYPY_TEST_RUNS := tests/unit:tests/unit tests/golden:tests/golden tests/browser:tests \
	'tests/*.py tests/builds tests/bench':tests

lint: $(STAMP)
	$(BIN)/ruff check hooks tests scripts
	$(BIN)/mypy
	$(BIN)/mypy --strict hooks/newsroom_hook.py scripts
	@for run in $(MYPY_TEST_RUNS); do \
		paths=$${run%%:*}; extra=$${run##*:}; \
		echo "MYPYPATH=tests:$$extra mypy --strict $$paths"; \
		MYPYPATH=tests:$$extra $(BIN)/mypy --strict $$paths || exit 1; \
	done

test: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

# Rewrite the golden files (tests/golden/expected/) from a fresh build of tests/fixtures/sites/golden/;
# only on purpose, after an intended output change: review `git diff tests/golden/` before committing.
golden: $(STAMP)
	$(BIN)/python -m pytest -n 0 tests/golden --update-golden

# Lighthouse (mobile) on the home page, an article and the gallery of the freshly built site/.
lighthouse: build $(NODE_STAMP)
	$(BIN)/python scripts/lighthouse.py site

$(BENCH_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $(BENCH_STAMP)

# The build benchmark: this column, Material's blog plugin and Hugo on one synthetic corpus.
# make bench N=10000; RUNS=3 for more runs per tool; BENCH_ARGS='--profile' or '--json out.json'.
bench: $(BENCH_STAMP)
	$(BIN)/python -m scripts.bench --articles $(N) $(if $(RUNS),--runs $(RUNS)) $(BENCH_ARGS)

clean:
	rm -rf site .site-versions .site.staging .site.next .site-next .site-previous .cache
