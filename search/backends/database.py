"""Wagtail's database search backend, with the portal's citizens' ranking on every database.

On SQLite with FTS5 it is `search.backends.sqlite_fts`: a stray double quote in the admin's
search, in suggestions or in an API listing is just a character, and ranking by relevance
takes one pass over the matches instead of one per match. On PostgreSQL, Wagtail's backend is
used as it is. On both, citizens' searches are ranked by coverage from the page terms
(`search.termindex`, ranked in memory by `search.postings`), the same way the engines rank them.
"""

from django.db import connection
from modelsearch.backends import database


class TermIndexRankingMixin:
    """Citizens' search from the portal's page terms: the same table on SQLite and PostgreSQL."""

    def rank_concepts(
        self, concepts, minimum_covered: int, limit: int, allowed_ids=None, language: str = "ko"
    ):
        from search import termindex

        return termindex.rank(concepts, limit, minimum_covered, allowed_ids, language), None


def SearchBackend(params):
    """Wagtail's database backend for the current database, with the portal's ranking."""
    backend = database.SearchBackend(params)
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        # Imported only here: the SQLite index models exist only on SQLite.
        from .sqlite_fts import PortalSQLiteSearchBackend

        return PortalSQLiteSearchBackend(params)
    portal_class = type(
        f"Portal{type(backend).__name__}", (TermIndexRankingMixin, type(backend)), {}
    )
    return portal_class(params)
