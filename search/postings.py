"""The database backend's ranking, computed in memory over each term's pages.

`search.termindex` keeps the page terms in the database (the store, the same on SQLite and
PostgreSQL); this module keeps, per process, the terms that searches asked for as arrays
(page ids, and each page's best place and count for the term as one number) and ranks by
coverage with whole-array operations: a common word on thousands of pages costs no Python per
page. The arrays follow the page terms as the task worker indexes them (`search.catchup`):
when it has indexed further changes, only the changed pages' terms are re-read.
"""

import math
import threading
from collections.abc import Collection
from dataclasses import dataclass

import numpy as np

from content.models import ContentChange
from content.versioning import ContentVersion
from search.models import PageTerm
from search.ranking import MINIMUM_COVERED, Concept

# A page's best place for a term and how often it is there, as one number that orders like
# the pair: place (3 title … 1 body) × PLACE + count (counts are below 32,768).
PLACE = 100_000
# log(1 + count) in whole millionths: sums of whole numbers are exact in any order, so pages
# with the same counts tie (and fall back to newest first).
MICRO = 1_000_000
# Beyond this many changes at once, or this many page-term pairs held, start afresh.
MAX_CHANGES_TO_APPLY = 500
MAX_POSTINGS = 5_000_000

EMPTY = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))


@dataclass
class TermPostings:
    """The pages of the terms read so far, current at one content version."""

    version: ContentVersion
    # (language, term) → (page ids ascending, place × PLACE + count for each)
    by_term: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]]

    def size(self) -> int:
        return sum(len(ids) for ids, _ in self.by_term.values())

    def of(self, terms: Collection[str], language: str) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """Each of `terms`' arrays in `language`, reading the missing terms in one query."""
        with _lock:
            missing = [(language, term) for term in terms if (language, term) not in self.by_term]
            if missing:
                if self.size() > MAX_POSTINGS:
                    self.by_term = {}
                rows = PageTerm.objects.filter(language=language, term__in=[t for _, t in missing])
                self.by_term.update(_read(rows, missing))
            return {term: self.by_term[(language, term)] for term in terms}

    def updated(self, version: ContentVersion) -> "TermPostings":
        """A copy current at `version`: the changed pages' terms re-read, the rest kept."""
        since = self.version
        rows = list(
            ContentChange.objects.filter(id__gte=since.change_id, id__lte=version.change_id)
            .order_by("id")
            .values_list("id", "created_at", "page_id")[: MAX_CHANGES_TO_APPLY + 2]
        )
        # The change these arrays are current at must still be there, unchanged: a rolled-back
        # and reused id (SQLite) means they may hold what never happened.
        still_there = since.change_id == 0 or (
            rows and (rows[0][0], rows[0][1]) == (since.change_id, since.changed_at)
        )
        changes = [page_id for change_id, _, page_id in rows if change_id > since.change_id]
        if not still_there or len(changes) > MAX_CHANGES_TO_APPLY or not self.by_term:
            return TermPostings(version, {})
        changed = np.array(sorted({page_id for page_id in changes if page_id is not None}))
        if not len(changed):
            return TermPostings(version, dict(self.by_term))
        fresh = _read(
            PageTerm.objects.filter(
                page_id__in=changed.tolist(), term__in={term for _, term in self.by_term}
            ),
            self.by_term,
        )
        by_term = {}
        for term, (ids, scores) in self.by_term.items():
            keep = ~np.isin(ids, changed)
            new_ids, new_scores = fresh[term]
            ids = np.concatenate([ids[keep], new_ids])
            scores = np.concatenate([scores[keep], new_scores])
            order = np.argsort(ids, kind="stable")
            by_term[term] = (ids[order], scores[order])
        return TermPostings(version, by_term)


def _read(rows, keys) -> dict[tuple[str, str], tuple[np.ndarray, np.ndarray]]:
    """The arrays of each (language, term) of `keys` from `rows` (others are skipped)."""
    pairs: dict[tuple[str, str], tuple[list[int], list[int]]] = {key: ([], []) for key in keys}
    query = rows.order_by("page_id").values_list("language", "term", "page_id", "part", "count")
    for language, term, page_id, part, count in query.iterator(chunk_size=10_000):
        found = pairs.get((language, term))
        if found is None:
            continue
        ids, scores = found
        ids.append(page_id)
        scores.append(part * PLACE + count)
    return {
        term: (np.array(ids, dtype=np.int64), np.array(scores, dtype=np.int64))
        for term, (ids, scores) in pairs.items()
    }


_current: list[TermPostings] = []
_build: list[tuple] = [()]
# The threaded development server searches from several threads at once.
_lock = threading.RLock()


def current_postings(version: ContentVersion, build: tuple = ()) -> TermPostings:
    """This process's postings, brought up to `version`: the content version the page terms
    are current at (`termindex.indexed_state`), within `build` (a new full build, or one
    under way, rewrites terms without content changes: start afresh)."""
    with _lock:
        postings = _current[0] if _current else None
        if build != _build[0] or (build and build[0] is not None):
            postings = None
            _build[0] = build
        if postings is None or postings.version.change_id > version.change_id:
            postings = TermPostings(version, {})
        elif postings.version != version:
            postings = postings.updated(version)
        _current[:] = [postings]
        return postings


def forget() -> None:
    """Drop this process's postings (after the terms were rewritten wholesale)."""
    with _lock:
        _current.clear()


def rank(
    concepts: list[Concept],
    postings: TermPostings,
    limit: int,
    minimum_covered: int = MINIMUM_COVERED,
    allowed_ids: Collection[int] | None = None,
    language: str = "ko",
) -> list[int]:
    """Ids of the pages in `language` covering at least `minimum_covered` concepts, best first
    (`search.ranking`: coverage, then where, then how often), among `allowed_ids` if given."""
    terms = sorted(set().union(*(concept.terms for concept in concepts))) if concepts else []
    arrays = postings.of(terms, language)
    if not any(len(ids) for ids, _ in arrays.values()):
        return []
    pages = np.unique(np.concatenate([ids for ids, _ in arrays.values()]))
    # Each term's score on every candidate page (0 where the page lacks it).
    dense = {}
    for term, (ids, scores) in arrays.items():
        column = np.zeros(len(pages), dtype=np.int64)
        column[np.searchsorted(pages, ids)] = scores
        dense[term] = column
    covered = np.zeros(len(pages), dtype=np.int64)
    weight = np.zeros(len(pages), dtype=np.int64)
    frequency = np.zeros(len(pages), dtype=np.int64)
    for concept in concepts:
        best = np.maximum.reduce([_alternative(dense, alt) for alt in concept.alternatives])
        found = best >= PLACE
        covered += found
        weight += best // PLACE
        frequency += np.where(found, _log_micro(best % PLACE), 0)
    chosen = covered >= minimum_covered
    if allowed_ids is not None:
        chosen &= np.isin(pages, np.fromiter(allowed_ids, dtype=np.int64))
    pages, covered, weight, frequency = (
        array[chosen] for array in (pages, covered, weight, frequency)
    )
    # Ascending by coverage, weight, frequency, id; read backwards: best (and newest) first.
    order = np.lexsort((pages, frequency, weight, covered))[::-1][:limit]
    return pages[order].tolist()


def _alternative(dense: dict[str, np.ndarray], terms: tuple[str, ...]) -> np.ndarray:
    """A page's score for one way of writing a concept: every term must be there, and the
    worst place and the lowest count of them count."""
    if len(terms) == 1:
        return dense[terms[0]]
    columns = [dense[term] for term in terms]
    places = np.minimum.reduce([column // PLACE for column in columns])
    counts = np.minimum.reduce([column % PLACE for column in columns])
    return places * PLACE + counts


_LOG_MICRO = np.array([math.floor(math.log1p(count) * MICRO) for count in range(32_768)])


def _log_micro(counts: np.ndarray) -> np.ndarray:
    return _LOG_MICRO[counts]
