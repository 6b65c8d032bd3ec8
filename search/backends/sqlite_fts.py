"""Wagtail's SQLite FTS5 search backend, safe for any typed text and fast on a large site.

Two fixes to the backend Wagtail uses on SQLite (modelsearch's):

- Quotes: each search term is written into an FTS5 string ("term") without escaping the double
  quotes inside it (wagtail/wagtail#13227), so a query such as `가족"` fails with "unterminated
  string". FTS5 escapes a quote inside a string by doubling it; this backend does so.
- Ranking: results ordered by relevance get their score from a subquery correlated with each
  matching object, and SQLite runs the whole full-text match again for every one of them:
  quadratic in the number of matches (minutes for one query on 20,000 pages). This backend
  scores every match in one pass and orders them in Python.

Only importable on SQLite (its index models exist only there).
"""

from typing import TYPE_CHECKING

from django.db.models import Case, IntegerField, When
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from .database import TermIndexRankingMixin

if TYPE_CHECKING:
    # RankOnceMixin extends modelsearch's SQLite query compilers, whose attributes it uses;
    # modelsearch has no type information, so this is Any.
    from modelsearch.backends.database.sqlite.sqlite import (
        SQLiteSearchQueryCompiler as _QueryCompiler,
    )
else:
    _QueryCompiler = object


def escape_quotes(query):
    """`query` with every double quote in its text doubled, as FTS5 strings want it."""
    if isinstance(query, PlainText):
        text = query.query_string.replace('"', '""')
        return PlainText(text, operator=query.operator, boost=query.boost)
    if isinstance(query, Phrase):
        return Phrase(query.query_string.replace('"', '""'))
    return query


class RankOnceMixin(_QueryCompiler):
    """Quote-safe terms, and relevance ranking in one pass over the full-text matches."""

    def build_search_query_content(self, query, config=None):
        return super().build_search_query_content(escape_quotes(query), config)

    def ranked_pks(self, config) -> list | None:
        """Primary keys of the matching objects in the queryset, best first; None when the
        search is not ordered by relevance (Wagtail's own path is fast then)."""
        query = normalize(self.query)
        if not self.order_by_relevance or isinstance(query, MatchAll | Not):
            return None
        if getattr(self, "_ranked_pks", None) is None:
            self._ranked_pks = self._rank(query, config)
        return self._ranked_pks

    def _rank(self, query, config) -> list:
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        entries = SQLiteFTSIndexEntry.objects.filter(match).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
        )
        scored = entries.annotate(
            score=self._build_rank_expression(self.get_search_vectors(), config)
        ).values_list("index_entry__object_id", "score")
        visible = set(
            self.queryset.filter(pk__in=entries.values("index_entry__object_id")).values_list(
                "pk", flat=True
            )
        )
        to_pk = self.queryset.model._meta.pk.to_python
        best: dict = {}
        for object_id, score in scored:
            pk = to_pk(object_id)
            if pk in visible and (pk not in best or score < best[pk]):
                best[pk] = score
        # BM25 scores are negative, lower is better; ties newest first, as Wagtail orders them.
        return sorted(best, key=lambda pk: (best[pk], _descending(pk)))

    def search(self, config, start, stop, score_field=None):
        ranked = self.ranked_pks(config) if score_field is None else None
        if ranked is None:
            return super().search(config, start, stop, score_field)
        pks = ranked[start:stop]
        if not pks:
            return self.queryset.none()
        position = Case(
            *(When(pk=pk, then=index) for index, pk in enumerate(pks)), output_field=IntegerField()
        )
        return self.queryset.filter(pk__in=pks).order_by(position)


def _descending(pk):
    return -pk if isinstance(pk, int) else pk


class PortalSearchQueryCompiler(RankOnceMixin, SQLiteSearchQueryCompiler):
    pass


class PortalAutocompleteQueryCompiler(RankOnceMixin, SQLiteAutocompleteQueryCompiler):
    pass


class PortalSearchResults(SQLiteSearchResults):
    def _ranked_pks(self) -> list | None:
        return self.query_compiler.ranked_pks(self.query_compiler.get_config(self.backend))

    def pks(self, limit: int) -> list:
        """The ids of the first `limit` results, loading no objects when ranked."""
        ranked = self._ranked_pks()
        if ranked is None:
            return [obj.pk for obj in self[:limit]]
        return ranked[self.start : self.start + limit]

    def _do_count(self):
        ranked = self._ranked_pks()
        if ranked is None or self._score_field is not None:
            return super()._do_count()
        return len(ranked[self.start : self.stop])


class PortalSQLiteSearchBackend(TermIndexRankingMixin, SQLiteSearchBackend):
    query_compiler_class = PortalSearchQueryCompiler
    autocomplete_query_compiler_class = PortalAutocompleteQueryCompiler
    results_class = PortalSearchResults
