"""The editors' synonyms as the search sees them: each query unit and what else finds it, per
language (a rule belongs to one language and is analysed by its analyser, `search.languages`).

Rules come from `SearchSynonym` (two-way groups and one-way rules) and are read once per
content version: saving a rule records a content change, so a search never reads them twice.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from content.versioning import PerVersion
from search import korean, languages
from search.languages import KOREAN

# A way of writing a concept: every term of it must be found (1인 가구 → ("1인", "가구")).
Alternative = tuple[str, ...]


# A phrase's analysis never changes: kept, so rebuilding the rules after a content change
# costs no Korean analysis (Kiwi takes seconds over the whole thesaurus).
@lru_cache(maxsize=8192)
def phrase_key(phrase: str, language: str = KOREAN) -> str:
    """A phrase the way queries are matched against rules: its units written as one."""
    return "".join(unit.text for unit in languages.query_units(phrase, language))


@lru_cache(maxsize=8192)
def usable(phrase: str, language: str = KOREAN) -> bool:
    """Whether the analysis keeps nearly every word of `phrase` (a letter per word may go, as
    a particle or ending does): a rule on "혼자 사는" would otherwise become a rule on 사
    (Kiwi reads 혼자 as an adverb, which is not indexed), 안내서 one on 내. Other languages'
    analysers keep every word that is not question phrasing."""
    if language != KOREAN:
        return bool(languages.query_units(phrase, language))
    words = phrase.split()
    for raw, (word, unread) in zip(words, korean.words_by_space(phrase), strict=False):
        if unread:
            continue  # kept as written (a lone 아이)
        units = [unit for unit in (word.units if word else []) if unit not in korean.STOP_UNITS]
        if sum(len(unit) for unit in units) < len(raw) - 1 or not units:
            return False
    return True


@lru_cache(maxsize=8192)
def phrase_alternatives(phrase: str, language: str = KOREAN) -> frozenset[Alternative]:
    """The ways a page may contain `phrase`: its units apart, and written as one word."""
    units = languages.query_units(phrase, language) if usable(phrase, language) else []
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
def unit_count(phrase: str, language: str = KOREAN) -> int:
    return len(languages.query_units(phrase, language))


@dataclass
class Thesaurus:
    """What each phrase key also finds in one language; `longest` is the most units a key
    spans."""

    expansions: dict[str, set[Alternative]] = field(default_factory=dict)
    longest: int = 1
    language: str = KOREAN

    def add(self, sources: Iterable[str], targets: Iterable[str]) -> None:
        language = self.language
        found: set[Alternative] = set()
        for target in targets:
            found |= phrase_alternatives(target, language)
        for source in sources:
            key = phrase_key(source, language) if usable(source, language) else ""
            if not key:
                continue
            self.expansions.setdefault(key, set()).update(
                found | phrase_alternatives(source, language)
            )
            self.longest = max(self.longest, unit_count(source, language))

    def get(self, key: str) -> set[Alternative]:
        return self.expansions.get(key, set())


def split_terms(text: str) -> list[str]:
    return [term.strip() for term in text.split(",") if term.strip()]


def build_thesaurus(rules: Iterable[tuple[str, str]], language: str = KOREAN) -> Thesaurus:
    """A thesaurus of `language` from (terms, targets) rules: no targets is a two-way group."""
    thesaurus = Thesaurus(language=language)
    for terms, targets in rules:
        sources = split_terms(terms)
        thesaurus.add(sources, split_terms(targets) if targets.strip() else sources)
    return thesaurus


def _read_thesauri() -> dict[str, Thesaurus]:
    """Each language's thesaurus from its rules (`SearchSynonym.language`)."""
    from search.models import SearchSynonym

    rules: dict[str, list[tuple[str, str]]] = {}
    for language, terms, targets in SearchSynonym.objects.values_list(
        "language", "terms", "targets"
    ):
        rules.setdefault(language, []).append((terms, targets))
    return {language: build_thesaurus(found, language) for language, found in rules.items()}


_thesauri = PerVersion(_read_thesauri)


def current_thesaurus(version_key: str | None = None, language: str = KOREAN) -> Thesaurus:
    """The editors' rules for `language` now, built once per content version (no query
    while it holds)."""
    from content.versioning import current_version

    thesauri = _thesauri.get(version_key or current_version().key)
    return thesauri.get(language) or Thesaurus(language=language)
