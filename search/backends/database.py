"""Wagtail's database search backend, with two fixes where it runs on SQLite.

On SQLite with FTS5 it is `search.backends.sqlite_fts`: a stray double quote in the admin's
search, in suggestions or in an API listing is just a character, and ranking by relevance
takes one pass over the matches instead of one per match. On PostgreSQL, Wagtail's backend is
used as it is.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):
    """Wagtail's database backend for the current database, with the SQLite fixes there."""
    backend = database.SearchBackend(params)
    if connection.vendor != "sqlite" or not database.USE_SQLITE_FTS:
        return backend
    # Imported only here: the SQLite index models exist only on SQLite.
    from .sqlite_fts import PortalSQLiteSearchBackend

    return PortalSQLiteSearchBackend(params)
