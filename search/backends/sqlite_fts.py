"""Wagtail's SQLite FTS5 search backend with double quotes in search text escaped.

Wagtail writes each search term into an FTS5 string ("term") without escaping the double
quotes inside it (wagtail/wagtail#13227), so a query such as `가족"` fails with "unterminated
string". FTS5 escapes a quote inside a string by doubling it; these compilers do so before
Wagtail builds the MATCH expression. Only importable on SQLite (its models exist only there).
"""

from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Phrase, PlainText


def escape_quotes(query):
    """`query` with every double quote in its text doubled, as FTS5 strings want it."""
    if isinstance(query, PlainText):
        text = query.query_string.replace('"', '""')
        return PlainText(text, operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(query.query_string.replace('"', '""'))
    return query


class QuoteSafeSearchQueryCompiler(SQLiteSearchQueryCompiler):
    def build_search_query_content(self, query, config=None):
        return super().build_search_query_content(escape_quotes(query), config)


class QuoteSafeAutocompleteQueryCompiler(SQLiteAutocompleteQueryCompiler):
    def build_search_query_content(self, query, config=None):
        return super().build_search_query_content(escape_quotes(query), config)


class QuoteSafeSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = QuoteSafeSearchQueryCompiler
    autocomplete_query_compiler_class = QuoteSafeAutocompleteQueryCompiler
