"""Ranking by coverage: pages with every concept of a query first, then those with most.

A query is a list of concepts (what the citizen asks about, each with the synonyms and
spellings that also find it). A page covers a concept when one of its alternatives is in the
page; where it is (title 3, summary or tags 2, body 1) breaks ties, then how often. Precisely, per
concept a page scores its best alternative's (place, count) — an alternative of several
terms scores the lowest of its terms — and pages sort by (concepts covered, sum of places,
sum of log(1 + count) in millionths), then newest first. Every engine ranks this way: OpenSearch and
Elasticsearch in the engine (search/backends/korean.py), the database backend in one SQL query
over the page terms (search/termindex.py).
"""

from dataclasses import dataclass

from search import languages
from search.languages import KOREAN
from search.thesaurus import Alternative, Thesaurus

TITLE, SUMMARY, BODY = 3, 2, 1
# At least one concept must be found ("minimum should match" 1): never an empty result while
# a meaningful word matches; coverage ranks the pages that have more of them first.
MINIMUM_COVERED = 1


@dataclass(frozen=True)
class Concept:
    """One thing a query asks for, as the citizen wrote it, and every way to find it."""

    text: str
    alternatives: tuple[Alternative, ...]
    # The words as typed (for "did you mean").
    words: tuple[str, ...] = ()

    @property
    def terms(self) -> set[str]:
        return {term for alternative in self.alternatives for term in alternative}


def query_concepts(text: str, thesaurus: Thesaurus, language: str = KOREAN) -> list[Concept]:
    """The concepts of `text` in `language`: its units, with neighbours that form a synonym
    phrase merged (혼자 사는 노인 → 혼자 사는 | 노인), each with its synonyms and compound
    spellings. `thesaurus` is that language's."""
    units = languages.query_units(text, language)
    concepts: list[Concept] = []
    position = 0
    while position < len(units):
        for size in range(min(thesaurus.longest, len(units) - position), 0, -1):
            group = units[position : position + size]
            key = "".join(unit.text for unit in group)
            expansions = thesaurus.get(key)
            if expansions or size == 1:
                break
        own = {tuple(unit.text for unit in group)}
        if size > 1:
            own.add((key,))
        for unit in group:
            if unit.parts and size == 1:
                own.add(unit.parts)
        words = tuple(dict.fromkeys(unit.word for unit in group if unit.word))
        text = " ".join(unit.text for unit in group)
        concepts.append(Concept(text, _ordered(own | expansions), words))
        position += size
    return concepts


def _ordered(alternatives: set[Alternative]) -> tuple[Alternative, ...]:
    return tuple(sorted(alternatives, key=lambda alternative: (len(alternative), alternative)))


def with_alternatives(concept: Concept, extra: set[Alternative]) -> Concept:
    return Concept(concept.text, _ordered(set(concept.alternatives) | extra), concept.words)
