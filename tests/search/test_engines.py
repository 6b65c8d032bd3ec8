"""Engine choice from the environment and the Korean index settings per cluster."""

import environ
import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.models import Page

from search.backends.elasticsearch import KoreanElasticsearchBackend
from search.backends.korean import korean_index_settings
from search.backends.opensearch import KoreanOpenSearchBackend
from search.engines import DATABASE_BACKEND, search_backends_from_env


def _env(monkeypatch, **values):
    for name in ("SEARCH_BACKEND", "SEARCH_URL", "SEARCH_INDEX_PREFIX", "SEARCH_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return environ.Env()


def test_database_is_the_default(monkeypatch):
    assert search_backends_from_env(_env(monkeypatch)) == {"default": {"BACKEND": DATABASE_BACKEND}}


@pytest.mark.parametrize(
    ("kind", "backend"),
    [
        ("opensearch", "search.backends.opensearch"),
        ("elasticsearch", "search.backends.elasticsearch"),
    ],
)
def test_an_engine_is_added_as_the_citizen_backend(monkeypatch, kind, backend):
    env = _env(monkeypatch, SEARCH_BACKEND=kind, SEARCH_URL="http://127.0.0.1:9250")

    backends = search_backends_from_env(env)

    assert backends["default"]["BACKEND"] == DATABASE_BACKEND
    citizen = backends["citizen"]
    assert citizen["BACKEND"] == backend and citizen["URLS"] == ["http://127.0.0.1:9250"]
    assert citizen["TIMEOUT"] == 1.0 and citizen["OPTIONS"]["max_retries"] == 0
    assert citizen["AUTO_UPDATE"] is False


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"SEARCH_BACKEND": "solr"}, "not one of"),
        ({"SEARCH_BACKEND": "opensearch"}, "needs SEARCH_URL"),
    ],
)
def test_misconfiguration_stops_start_up(monkeypatch, values, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        search_backends_from_env(_env(monkeypatch, **values))


@pytest.mark.parametrize("has_nori", [True, False])
def test_index_settings_keep_wagtails_analyzers_and_add_a_korean_default(has_nori):
    base = KoreanOpenSearchBackend({"URLS": ["http://127.0.0.1:1"]}).base_settings

    settings = korean_index_settings(base, has_nori)

    analysis = settings["settings"]["analysis"]
    assert {"edgengram_analyzer", "ngram_analyzer", "default"} <= analysis["analyzer"].keys()
    tokenizer = analysis["analyzer"]["default"]["tokenizer"]
    assert tokenizer == ("portal_nori" if has_nori else "standard")
    assert ("portal_nori" in analysis.get("tokenizer", {})) is has_nori
    assert "default" not in base["settings"]["analysis"]["analyzer"]


@pytest.mark.parametrize(
    ("backend_class", "argument"),
    [(KoreanOpenSearchBackend, "body"), (KoreanElasticsearchBackend, "document")],
)
def test_both_clients_get_the_korean_index(backend_class, argument):
    backend = backend_class({"URLS": ["http://127.0.0.1:1"], "INDEX_PREFIX": "p_"})

    index = backend.get_index_for_model(Page)

    assert index.name == "p_wagtailcore_page"
    assert index.document_argument == argument
