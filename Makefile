# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test install migrate demo serve scheduler lint format check clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip==25.3

# Reinstall only when requirements.txt changes.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(BIN)/python manage.py migrate --noinput

demo: migrate
	$(BIN)/python manage.py load_demo_content

## make run: set up the embedded SQLite database, load Korean demo content and serve
## the admin (/admin/), the API (/api/v2/) and the frontend stub (/frontend/).
# Absolute URLs the API and preview hand out follow the port being served.
run: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
run: export FRONTEND_BASE_URL ?= http://127.0.0.1:$(PORT)/frontend
run: demo
	@echo "관리자: http://127.0.0.1:$(PORT)/admin/   API: http://127.0.0.1:$(PORT)/api/v2/pages/   프런트엔드: http://127.0.0.1:$(PORT)/frontend/"
	$(BIN)/python manage.py run_portal --port $(PORT)

## make test: the whole suite on the embedded default (SQLite + database search).
# The suite always runs on the test settings, whatever DJANGO_SETTINGS_MODULE the shell has.
test: install
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=cms.settings.test
	$(BIN)/python -m pytest --ds=cms.settings.test

## make search-engine-start / search-engine-stop: a local OpenSearch node with the Korean
## analyzer (nori) on 127.0.0.1:$(OPENSEARCH_PORT), built from Maven Central (needs a JDK 21+).
## make test-search-engine: the search suite on that node and on the database backend.
OPENSEARCH_PORT ?= 9250
.PHONY: search-engine-start search-engine-stop test-search-engine
search-engine-start:
	OPENSEARCH_PORT=$(OPENSEARCH_PORT) .ci/opensearch.sh start

search-engine-stop:
	OPENSEARCH_PORT=$(OPENSEARCH_PORT) .ci/opensearch.sh stop

test-search-engine: install search-engine-start
	SEARCH_URL=http://127.0.0.1:$(OPENSEARCH_PORT) REQUIRE_SEARCH_ENGINE=1 $(BIN)/python -m pytest tests/search

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 media static .pytest_cache
