"""Wagtail's database search backend, safe for whatever text people type into a search box.

On SQLite with FTS5 it is the quote-safe backend of `search.backends.sqlite_fts`, so a stray
double quote in the admin's search, in suggestions or in an API listing is just a character.
On PostgreSQL, Wagtail's backend is used as it is.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):
    """Wagtail's database backend for the current database, quote-safe on SQLite."""
    backend = database.SearchBackend(params)
    if connection.vendor != "sqlite" or not database.USE_SQLITE_FTS:
        return backend
    # Imported only here: the SQLite index models exist only on SQLite.
    from .sqlite_fts import QuoteSafeSQLiteSearchBackend

    return QuoteSafeSQLiteSearchBackend(params)
