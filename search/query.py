"""Turn typed text into one engine-neutral Wagtail query, for the API listing's `search`.

Every word must be found (in any of its synonyms); a query of bare nouns written apart may
instead be found written as one (한부모 가정 → 한부모가정). Citizens' search ranks by coverage
instead (search/ranking.py).
"""

from modelsearch.query import And, Or, PlainText, SearchQuery

from search.korean import QueryTerms


def _any_of(unit: str, synonyms: dict[str, set[str]]) -> SearchQuery:
    alternatives = sorted(synonyms.get(unit, set()) | {unit})
    if len(alternatives) == 1:
        return PlainText(unit)
    return Or([PlainText(term) for term in alternatives])


def build_query(terms: QueryTerms, synonyms: dict[str, set[str]]) -> SearchQuery:
    """The Wagtail search query for analysed `terms`, with editors' `synonyms` applied."""
    each_word = [_any_of(unit, synonyms) for unit in terms.units]
    query = each_word[0] if len(each_word) == 1 else And(each_word)
    if terms.joined:
        query = Or([query, _any_of(terms.joined, synonyms)])
    return query
