"""The engine follows publishing, deletion and privacy; a dead or hanging engine never blocks
publishing and the search API answers from the database instead."""

import logging
import socket
import threading
import time

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, PageViewRestriction

from pages.models import SectionKind
from search import catchup
from search.engines import CITIZEN_BACKEND, engine_settings
from tests.factories import ArticlePageFactory
from tests.search.conftest import DATABASE_BACKENDS

# Publishing never waits for the engine (the task worker writes to it).
PUBLISH_BUDGET = 1.8


def indexed_ids(backend) -> set[int]:
    index = backend.get_index_for_model(Page)
    index.refresh()
    body = {"query": {"match_all": {}}, "_source": False, "size": 1000}
    hits = backend.es.search(index=index.name, body=body)["hits"]["hits"]
    return {int(hit["_id"]) for hit in hits}


@pytest.fixture
def article(portal):
    return ArticlePageFactory(
        parent=portal.section(SectionKind.FAMILY_INFO),
        title="한부모가족 지원 안내",
        intro="한부모가정을 위한 양육비 지원",
        live=False,
    )


def publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()


# A real engine -----------------------------------------------------------------------------


@pytest.mark.search_engine
def test_publish_indexes_and_unpublish_removes(engine, article, django_capture_on_commit_callbacks):
    call_command("reconcile_search_index", verbosity=0)
    assert article.pk not in indexed_ids(engine)

    publish(article, django_capture_on_commit_callbacks)
    assert article.pk in indexed_ids(engine)

    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert article.pk not in indexed_ids(engine)


@pytest.mark.search_engine
def test_delete_removes_page_and_its_document(engine, article, django_capture_on_commit_callbacks):
    publish(article, django_capture_on_commit_callbacks)
    call_command("reconcile_search_index", verbosity=0)
    assert article.pk in indexed_ids(engine)

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=article.pk).delete()
    assert article.pk not in indexed_ids(engine)


@pytest.mark.search_engine
def test_privacy_change_removes_and_restores_the_subtree(
    engine, article, portal, django_capture_on_commit_callbacks
):
    publish(article, django_capture_on_commit_callbacks)
    call_command("reconcile_search_index", verbosity=0)
    section = portal.section(SectionKind.FAMILY_INFO)

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=section, restriction_type=PageViewRestriction.LOGIN
        )
    assert {article.pk, section.pk}.isdisjoint(indexed_ids(engine))

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert {article.pk, section.pk} <= indexed_ids(engine)


@pytest.mark.search_engine
def test_reconcile_finds_and_repairs_drift(engine, article, portal, capsys):
    call_command("reconcile_search_index", verbosity=0)
    published = ArticlePageFactory(parent=portal.section(SectionKind.FAMILY_INFO), title="공개 글")
    engine.add(article.specific)  # a draft that slipped into the index
    engine.delete(Page.objects.get(pk=portal.home.pk))  # a public page that went missing
    engine.delete(Page.objects.get(pk=published.pk))  # published while the engine was down
    capsys.readouterr()

    call_command("reconcile_search_index", "--dry-run")
    report = capsys.readouterr().out
    assert "누락 2개" in report and "남은 문서 1개" in report  # home and the new page; the draft

    call_command("reconcile_search_index")
    ids = indexed_ids(engine)
    assert {published.pk, portal.home.pk} <= ids
    assert article.pk not in ids
    call_command("reconcile_search_index", "--dry-run")
    assert "누락 0개, 남은 문서 0개, 옛 내용 0개" in capsys.readouterr().out


@pytest.mark.search_engine
def test_reconcile_reindexes_pages_republished_while_the_engine_missed_it(
    engine, article, django_capture_on_commit_callbacks, capsys, settings
):
    publish(article, django_capture_on_commit_callbacks)
    call_command("reconcile_search_index", verbosity=0)
    settings.CONTENT_EVENTS_IMMEDIATE = False  # as in production: subscribers wait for commit
    article.save_revision().publish()  # its on-commit sync never runs: the engine missed it
    capsys.readouterr()

    call_command("reconcile_search_index")

    assert "옛 내용 1개" in capsys.readouterr().out


# A dead or hanging engine --------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SilentServer:
    """A real TCP server on 127.0.0.1 that accepts connections and never answers."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.connections = []
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        for connection in self.connections:
            connection.close()
        self.sock.close()


@pytest.fixture
def silent_server():
    server = SilentServer()
    yield server
    server.close()


def _broken_engine_settings(url: str):
    engine = engine_settings("opensearch", url, "x_", timeout=1.0, index_timeout=1.0)
    backends = {**DATABASE_BACKENDS, CITIZEN_BACKEND: engine}
    return override_settings(WAGTAILSEARCH_BACKENDS=backends)


@pytest.fixture(params=["stopped", "hanging"])
def broken_engine_url(request, silent_server):
    if request.param == "stopped":
        return f"http://127.0.0.1:{_free_port()}"
    return f"http://127.0.0.1:{silent_server.port}"


@pytest.mark.django_db
def test_publishing_never_waits_for_a_broken_engine(
    broken_engine_url, article, caplog, settings, django_capture_on_commit_callbacks
):
    settings.BACKGROUND_TASK_BACKEND = "background"  # the worker indexes, as in production
    catchup.run()
    with _broken_engine_settings(broken_engine_url), caplog.at_level(logging.ERROR):
        started = time.monotonic()
        publish(article, django_capture_on_commit_callbacks)
        elapsed = time.monotonic() - started
        catchup.run()  # the worker: the engine fails, the page terms are written anyway

    article.refresh_from_db()
    assert article.live
    assert elapsed < PUBLISH_BUDGET
    errors = [record for record in caplog.records if record.levelno == logging.ERROR]
    assert any(str(article.pk) in record.getMessage() for record in errors)
    assert not catchup.is_behind()


@pytest.mark.django_db
def test_search_api_falls_back_to_the_database(
    broken_engine_url, article, client, django_capture_on_commit_callbacks
):
    publish(article, django_capture_on_commit_callbacks)
    # The database backend's page terms follow the publish (and Kiwi loads) before the clock
    # starts: what is timed is the cost of the broken engine.
    catchup.run()
    with _broken_engine_settings(broken_engine_url):
        started = time.monotonic()
        response = client.get("/api/v2/search/", {"q": "한부모"})
        suggest = client.get("/api/v2/search/suggest/", {"q": "한부"})
        elapsed = time.monotonic() - started

    body = response.json()
    assert response.status_code == 200
    assert body["fallback"] is True and body["backend"] == "database"
    assert [item["id"] for item in body["items"]] == [article.pk]
    assert [item["id"] for item in suggest.json()["suggestions"]] == [article.pk]
    assert elapsed < 2 * PUBLISH_BUDGET


@pytest.mark.django_db
def test_a_hanging_engine_costs_one_timeout_not_one_per_search(
    silent_server, article, client, django_capture_on_commit_callbacks
):
    publish(article, django_capture_on_commit_callbacks)
    with _broken_engine_settings(f"http://127.0.0.1:{silent_server.port}"):
        first = client.get("/api/v2/search/", {"q": "한부모"}).json()
        asked = len(silent_server.connections)
        later = [client.get("/api/v2/search/", {"q": "한부모"}).json() for _ in range(3)]

    assert first["fallback"] is True and asked >= 1
    assert all(body["fallback"] and body["items"] for body in later)
    assert len(silent_server.connections) == asked  # the breaker kept searches off the engine
