# Two commands for a newcomer: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test install install-dev messages migrate demo serve scheduler lint format check clean

$(BIN)/python:
	@echo "가상 환경을 만듭니다 (.venv)…"
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install --quiet --disable-pip-version-check --upgrade pip==25.3

# Reinstall only when a requirements file changes. `make run` needs requirements.txt alone;
# `make test` / `make lint` add the tools in requirements-dev.txt (which includes it).
$(VENV)/.installed: requirements.txt | $(BIN)/python
	@echo "실행에 필요한 패키지를 설치합니다 (requirements.txt, 처음에는 몇 분 걸립니다)…"
	@$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	@echo "테스트와 린트 도구를 설치합니다 (requirements-dev.txt)…"
	@$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

# The admin's Korean catalogs (locale/), compiled in pure Python by Babel; .mo files are built
# here, never committed, and rebuilt whenever a .po changes.
CATALOGS := $(wildcard locale/*/LC_MESSAGES/*.po)
MESSAGES := $(CATALOGS:.po=.mo)
%.mo: %.po $(VENV)/.installed
	@$(BIN)/pybabel -q compile -i $< -o $@
	@echo "번역 컴파일: $@"

messages: $(MESSAGES)

install: $(VENV)/.installed messages

install-dev: $(VENV)/.installed-dev messages

# Quiet: one line instead of one per migration.
migrate: install
	@$(BIN)/python manage.py migrate --noinput --verbosity 0
	@echo "데이터베이스 준비 완료 (db.sqlite3)"

# Quiet as well: the accounts and their passwords are in the box `make run` ends with.
demo: migrate
	@echo "데모 콘텐츠 불러오는 중…"
	@$(BIN)/python manage.py load_demo_content --verbosity 0

## make run: set up the embedded SQLite database, load Korean demo content and serve
## the admin (/admin/), the API (/api/v2/) and the frontend stub (/frontend/) through gunicorn
## (cms/gunicorn.conf.py), with the scheduler and TASK_WORKERS (default 2) task workers.
# Absolute URLs the API and preview hand out follow the port being served.
run: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
run: export FRONTEND_BASE_URL ?= http://127.0.0.1:$(PORT)/frontend
run: demo
	@$(BIN)/python manage.py run_portal --port $(PORT) --welcome

## make test: the whole suite on the embedded default (SQLite + database search).
# The suite always runs on the test settings, whatever DJANGO_SETTINGS_MODULE the shell has.
# Locally it keeps its test database between runs (.run/test.sqlite3; new migrations are still
# applied to it); `make test-fresh` builds it again from the migrations, as CI does with
# `make test TEST_DB=--create-db`.
TEST_DB ?= --reuse-db
test: install-dev
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=cms.settings.test
	$(BIN)/python -m pytest --ds=cms.settings.test $(TEST_DB)

.PHONY: test-fresh
test-fresh:
	$(MAKE) test TEST_DB="--reuse-db --create-db"

## make search-engine-start / search-engine-stop: a local OpenSearch node with the Korean
## analyzer (nori) on 127.0.0.1:$(OPENSEARCH_PORT), built from Maven Central (needs a JDK 21+).
## make test-search-engine: the search suite on that node and on the database backend.
OPENSEARCH_PORT ?= 9250
.PHONY: search-engine-start search-engine-stop test-search-engine
search-engine-start:
	OPENSEARCH_PORT=$(OPENSEARCH_PORT) .ci/opensearch.sh start

search-engine-stop:
	OPENSEARCH_PORT=$(OPENSEARCH_PORT) .ci/opensearch.sh stop

test-search-engine: install-dev search-engine-start
	SEARCH_URL=http://127.0.0.1:$(OPENSEARCH_PORT) REQUIRE_SEARCH_ENGINE=1 $(BIN)/python -m pytest tests/search

## make bench [PAGES=2000] [LARGE=20000]: the issue-19 benches at that size on SQLite, or on
## PostgreSQL with DATABASE_URL=postgresql://…; figures in bench/results/ (bench/README.md).
PAGES ?= 200
.PHONY: bench
bench: install-dev
	bash bench/run_all.sh $(PAGES) $(LARGE)

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

## make docs: the documentation site (docs/, mkdocs.yml) into .run/site/, strictly: a broken
## link or anchor, or a page missing from the nav, fails it. `.venv/bin/mkdocs serve` previews.
.PHONY: docs
docs: install-dev
	$(BIN)/mkdocs build --strict --quiet

format: install-dev
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) db.sqlite3 media static .pytest_cache .run
	rm -f $(MESSAGES)
