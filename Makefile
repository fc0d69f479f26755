# Two commands: `make run` starts the dashboard, `make test` runs the tests. Both set everything up first.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501

N ?= 2
# Setting up holds a lock, so `make run` and `make test` started at once on a fresh clone take turns instead of
# both building .venv at the same time (the second used to find it half made: "No module named pip"). flock is in
# util-linux; where it is missing (macOS) setting up runs unlocked, as before.
SETUP_LOCK := $(if $(shell command -v flock),flock .make/setup.lock,)

.PHONY: run test lint format validate clean screenshots bench-pages serve-many

run: $(VENV)/.runtime
	$(PY) -m inspections validate
	$(PY) -m streamlit run app.py --server.port $(PORT)

test: $(VENV)/.dev
	bash scripts/ensure-chromium.sh
	bash scripts/ensure-haproxy.sh
	bash scripts/ensure-libreoffice.sh
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) -m pytest

# N Streamlit processes behind HAProxy on PORT (default 8501): for a crowd one process cannot serve.
serve-many: $(VENV)/.runtime
	bash scripts/ensure-haproxy.sh
	$(PY) -m inspections validate
	$(PY) -m deploy.cluster --processes $(N) --port $(PORT) $(if $(HOST),--public-host $(HOST))

lint: $(VENV)/.dev
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/lint-imports

format: $(VENV)/.dev
	$(PY) -m ruff format .
	$(PY) -m ruff check --fix .

validate: $(VENV)/.runtime
	$(PY) -m inspections validate

# On demand, not in CI: refresh docs/screenshots/ from the shipped records, and measure how cost grows.
screenshots: $(VENV)/.dev
	bash scripts/ensure-chromium.sh
	$(PY) scripts/screenshots.py

bench-pages: $(VENV)/.dev
	bash scripts/ensure-chromium.sh
	$(PY) bench/bench_pages.py

$(VENV)/bin/python:
	@mkdir -p .make
	$(SETUP_LOCK) sh -c '$(PY) -m pip --version >/dev/null 2>&1 || { $(PYTHON) -m venv $(VENV) && $(PY) -m pip install --quiet --upgrade pip; }'

$(VENV)/.runtime: requirements.txt | $(VENV)/bin/python
	@mkdir -p .make
	$(SETUP_LOCK) $(PY) -m pip install --quiet -r requirements.txt
	touch $@

# The project itself goes in editable (pyproject.toml), so tests, bench/ and scripts/ import inspections, bench and
# testing from any folder.
$(VENV)/.dev: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	@mkdir -p .make
	$(SETUP_LOCK) $(PY) -m pip install --quiet -r requirements-dev.txt
	$(SETUP_LOCK) $(PY) -m pip install --quiet -e . --no-deps
	touch $(VENV)/.runtime $@

clean:
	rm -rf $(VENV) .make .pytest_cache .ruff_cache
