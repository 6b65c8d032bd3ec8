"""Which search engine serves citizens, chosen from the environment.

    SEARCH_BACKEND       database (default) | elasticsearch | opensearch
    SEARCH_URL           the engine's URL, e.g. http://127.0.0.1:9250 (required for an engine)
    SEARCH_INDEX_PREFIX  prefix of the engine's index names (default "portal_")
    SEARCH_TIMEOUT       seconds one engine request may take (default 1.0)
    SEARCH_INDEX_TIMEOUT seconds one bulk write of the task worker may take (default 30)

Wagtail's database backend is always the "default" backend: it serves the admin's search
(drafts included) and is the citizens' fallback. An engine, when configured, is a second
backend, "citizen", holding only live public pages; the task worker keeps it in step
(`search.catchup`).

This module is imported by the settings, so it must not import Django models.
"""

from django.core.exceptions import ImproperlyConfigured

DATABASE = "database"
ENGINE_BACKENDS = {
    "elasticsearch": "search.backends.elasticsearch",
    "opensearch": "search.backends.opensearch",
}
# Wagtail's database backend, made safe for any typed text (search/backends/database.py).
DATABASE_BACKEND = "search.backends.database"
CITIZEN_BACKEND = "citizen"
DEFAULT_BACKEND = "default"


def search_backends_from_env(env) -> dict:
    """The WAGTAILSEARCH_BACKENDS setting for the engine named in the environment."""
    kind = env("SEARCH_BACKEND", default=DATABASE).strip().lower()
    backends = {DEFAULT_BACKEND: {"BACKEND": DATABASE_BACKEND}}
    if kind == DATABASE:
        return backends
    if kind not in ENGINE_BACKENDS:
        choices = ", ".join([DATABASE, *ENGINE_BACKENDS])
        raise ImproperlyConfigured(f"SEARCH_BACKEND={kind!r} is not one of: {choices}")
    url = env("SEARCH_URL", default="")
    if not url:
        raise ImproperlyConfigured(f"SEARCH_BACKEND={kind} needs SEARCH_URL (the engine's URL)")
    backends[CITIZEN_BACKEND] = engine_settings(
        kind,
        url,
        index_prefix=env("SEARCH_INDEX_PREFIX", default="portal_"),
        timeout=env.float("SEARCH_TIMEOUT", default=1.0),
        index_timeout=env.float("SEARCH_INDEX_TIMEOUT", default=30.0),
    )
    return backends


def engine_settings(
    kind: str, url: str, index_prefix: str, timeout: float, index_timeout: float = 30.0
) -> dict:
    """The backend settings of an Elasticsearch or OpenSearch engine at `url`."""
    return {
        "BACKEND": ENGINE_BACKENDS[kind],
        "URLS": [url],
        "INDEX_PREFIX": index_prefix,
        "TIMEOUT": timeout,
        # The task worker's bulk writes (search.indexing.write_documents) may take longer.
        "INDEX_TIMEOUT": index_timeout,
        # Searches wait on the engine: one bounded attempt, never a retry on top.
        "OPTIONS": {"max_retries": 0, "retry_on_timeout": False},
        # Wagtail would index every saved page, drafts too; the task worker indexes only
        # live public pages instead (search.catchup).
        "AUTO_UPDATE": False,
        "ATOMIC_REBUILD": True,
    }
