"""Engines the search suite runs on: the database backend always, OpenSearch or Elasticsearch
when SEARCH_URL names one (`.ci/opensearch.sh start` runs a node on 127.0.0.1:9250)."""

import os
import uuid

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page

from search.engines import CITIZEN_BACKEND, DATABASE_BACKEND, DEFAULT_BACKEND, engine_settings
from search.indexing import engine_backend

DATABASE_BACKENDS = {DEFAULT_BACKEND: {"BACKEND": DATABASE_BACKEND}}


def engine_url() -> str | None:
    """The engine under test, or a skip (a failure when REQUIRE_SEARCH_ENGINE is set)."""
    url = os.environ.get("SEARCH_URL")
    if url:
        return url
    if os.environ.get("REQUIRE_SEARCH_ENGINE"):
        pytest.fail("REQUIRE_SEARCH_ENGINE is set but SEARCH_URL names no search engine")
    pytest.skip("no search engine configured (set SEARCH_URL, e.g. .ci/opensearch.sh url)")


def engine_backends(url: str, timeout: float = 5.0) -> dict:
    kind = os.environ.get("SEARCH_ENGINE_KIND", "opensearch")
    prefix = f"test_{uuid.uuid4().hex[:8]}_"
    return {**DATABASE_BACKENDS, CITIZEN_BACKEND: engine_settings(kind, url, prefix, timeout)}


def drop_indexes(backend) -> None:
    """Delete the indexes this test created (their names start with its own prefix)."""
    for name in backend.es.indices.get(index=f"{backend.index_prefix}*"):
        backend.es.indices.delete(index=name)


@pytest.fixture(params=["database", pytest.param("engine", marks=pytest.mark.search_engine)])
def search_backends(request):
    """Run the test once on the database backend and once on the real engine."""
    if request.param == "database":
        with override_settings(WAGTAILSEARCH_BACKENDS=DATABASE_BACKENDS):
            yield "database"
        return
    url = engine_url()
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_backends(url)):
        yield "engine"
        drop_indexes(engine_backend())


@pytest.fixture
def engine(db):
    """Only the real engine (for index-consistency tests)."""
    url = engine_url()
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_backends(url)):
        yield engine_backend()
        drop_indexes(engine_backend())


def sync_engine() -> None:
    """Bring the engine (if any) in step with the pages and make them searchable now."""
    from search.indexing import engine_configured

    if engine_configured():
        call_command("reconcile_search_index", verbosity=0)
        engine_backend().get_index_for_model(Page).refresh()
