"""The editors' synonyms as the search sees them: each query unit and what else finds it.

Rules come from `SearchSynonym` (two-way groups and one-way rules) and are read once per
content version: saving a rule records a content change, so a search never reads them twice.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from content.versioning import PerVersion
from search import korean

# A way of writing a concept: every term of it must be found (1인 가구 → ("1인", "가구")).
Alternative = tuple[str, ...]


# A phrase's analysis never changes: kept, so rebuilding the rules after a content change
# costs no Korean analysis (Kiwi takes seconds over the whole thesaurus).
@lru_cache(maxsize=8192)
def phrase_key(phrase: str) -> str:
    """A phrase the way queries are matched against rules: its units written as one."""
    return "".join(unit.text for unit in korean.query_units(phrase))


@lru_cache(maxsize=8192)
def usable(phrase: str) -> bool:
    """Whether the analysis keeps nearly every word of `phrase` (a letter per word may go, as
    a particle or ending does): a rule on "혼자 사는" would otherwise become a rule on 사
    (Kiwi reads 혼자 as an adverb, which is not indexed), 안내서 one on 내."""
    words = phrase.split()
    for raw, (word, unread) in zip(words, korean.words_by_space(phrase), strict=False):
        if unread:
            continue  # kept as written (a lone 아이)
        units = [unit for unit in (word.units if word else []) if unit not in korean.STOP_UNITS]
        if sum(len(unit) for unit in units) < len(raw) - 1 or not units:
            return False
    return True


@lru_cache(maxsize=8192)
def phrase_alternatives(phrase: str) -> frozenset[Alternative]:
    """The ways a page may contain `phrase`: its units apart, and written as one word."""
    units = korean.query_units(phrase) if usable(phrase) else []
    if not units:
        return frozenset()
    alternatives = {tuple(unit.text for unit in units)}
    if len(units) > 1:
        alternatives.add(("".join(unit.text for unit in units),))
    for unit in units:
        if unit.parts and len(units) == 1:
            alternatives.add(unit.parts)
    return frozenset(alternatives)


@lru_cache(maxsize=8192)
def unit_count(phrase: str) -> int:
    return len(korean.query_units(phrase))


@dataclass
class Thesaurus:
    """What each phrase key also finds; `longest` is the most units a key spans."""

    expansions: dict[str, set[Alternative]] = field(default_factory=dict)
    longest: int = 1

    def add(self, sources: Iterable[str], targets: Iterable[str]) -> None:
        found: set[Alternative] = set()
        for target in targets:
            found |= phrase_alternatives(target)
        for source in sources:
            key = phrase_key(source) if usable(source) else ""
            if not key:
                continue
            self.expansions.setdefault(key, set()).update(found | phrase_alternatives(source))
            self.longest = max(self.longest, unit_count(source))

    def get(self, key: str) -> set[Alternative]:
        return self.expansions.get(key, set())


def split_terms(text: str) -> list[str]:
    return [term.strip() for term in text.split(",") if term.strip()]


def build_thesaurus(rules: Iterable[tuple[str, str]]) -> Thesaurus:
    """A thesaurus from (terms, targets) rules: no targets is a two-way group."""
    thesaurus = Thesaurus()
    for terms, targets in rules:
        sources = split_terms(terms)
        thesaurus.add(sources, split_terms(targets) if targets.strip() else sources)
    return thesaurus


def _read_thesaurus() -> Thesaurus:
    from search.models import SearchSynonym

    return build_thesaurus(SearchSynonym.objects.values_list("terms", "targets"))


_thesaurus = PerVersion(_read_thesaurus)


def current_thesaurus(version_key: str | None = None) -> Thesaurus:
    """The editors' rules now, built once per content version (no query while it holds)."""
    from content.versioning import current_version

    return _thesaurus.get(version_key or current_version().key)
