"""The database backend's index for citizens' search: the Korean terms of each live public
page per part (title, summary and tags, body), in one table on SQLite and PostgreSQL alike.

It follows the content version: a search first indexes the pages changed since the terms
were last brought up to date (`catch_up`), so it never needs a signal of its own.
"""

import logging
from collections import Counter
from collections.abc import Collection, Iterable

from django.db import transaction

from content.models import ContentChange
from content.versioning import current_version
from content.visibility import searchable_pages
from search import postings
from search.indexing import page_terms
from search.models import PageTerm, PageTermState
from search.ranking import BODY, MINIMUM_COVERED, SUMMARY, TITLE, Concept

logger = logging.getLogger(__name__)

MAX_TERM_LENGTH = 64
BATCH = 200
_current: dict[str, int] = {}


def _rows(page) -> list[PageTerm]:
    terms = page_terms(page)
    best: dict[str, int] = {}
    counts: Counter = Counter()
    for part, words in ((TITLE, terms.title), (SUMMARY, terms.summary), (BODY, terms.body)):
        for word in words:
            if len(word) > MAX_TERM_LENGTH:
                continue
            best[word] = max(best.get(word, 0), part)
            counts[word] += 1
    return [
        PageTerm(page_id=page.pk, term=word, part=part, count=min(counts[word], 32767))
        for word, part in best.items()
    ]


def index_pages(page_ids: Iterable[int]) -> int:
    """Bring the terms of `page_ids` up to date: indexed if searchable, removed if not."""
    ids = list(dict.fromkeys(page_ids))
    indexed = 0
    for start in range(0, len(ids), BATCH):
        chunk = ids[start : start + BATCH]
        visible = searchable_pages().filter(pk__in=chunk).specific()
        rows = []
        for page in visible:
            rows.extend(_rows(page))
            indexed += 1
        with transaction.atomic():
            PageTerm.objects.filter(page_id__in=chunk).delete()
            PageTerm.objects.bulk_create(rows, batch_size=1000)
    return indexed


def write_pages(pages: list) -> None:
    """Write the terms of `pages` (specific, searchable) in bulk, marking the terms current
    (for a bulk load that recorded no content change, such as the benchmark's)."""
    ids = [page.pk for page in pages]
    with transaction.atomic():
        for start in range(0, len(ids), BATCH * 5):
            PageTerm.objects.filter(page_id__in=ids[start : start + BATCH * 5]).delete()
        rows = [row for page in pages for row in _rows(page)]
        PageTerm.objects.bulk_create(rows, batch_size=2000)
        PageTermState.objects.update_or_create(
            pk=1, defaults={"last_change_id": _newest_change_id()}
        )
    _current.clear()
    postings.forget()


def rebuild() -> int:
    """Index every searchable page from scratch; returns how many."""
    newest = _newest_change_id()
    with transaction.atomic():
        PageTerm.objects.all().delete()
        count = index_pages(searchable_pages().values_list("pk", flat=True))
        PageTermState.objects.update_or_create(pk=1, defaults={"last_change_id": newest})
    _current.clear()
    postings.forget()
    return count


def _newest_change_id() -> int:
    return ContentChange.objects.order_by("-id").values_list("id", flat=True).first() or 0


def catch_up(version_key: str | None = None) -> None:
    """Index the pages changed since the terms were last brought up to date.

    `version_key` (the content version) makes a search that finds nothing new cost nothing.
    """
    if version_key is not None and _current.get("key") == version_key:
        return
    state = PageTermState.objects.filter(pk=1).first()
    if state is None:
        rebuild()
    else:
        changes = ContentChange.objects.filter(id__gt=state.last_change_id)
        rows = list(changes.values_list("id", "page_id"))
        if rows:
            ids = {page_id for _, page_id in rows if page_id is not None}
            index_pages(ids)
            PageTermState.objects.filter(pk=1).update(last_change_id=max(i for i, _ in rows))
    if version_key is not None:
        _current["key"] = version_key


def rank(
    concepts: list[Concept],
    limit: int,
    minimum_covered: int = MINIMUM_COVERED,
    allowed_ids: Collection[int] | None = None,
) -> list[int]:
    """Ids of the pages covering at least `minimum_covered` concepts, best first
    (`search.ranking`), among `allowed_ids` if given: from the terms as they are now."""
    version = current_version()
    catch_up(version.key)
    return postings.rank(
        concepts, postings.current_postings(version), limit, minimum_covered, allowed_ids
    )


def vocabulary() -> list[str]:
    """Every indexed term once (for "did you mean")."""
    return list(PageTerm.objects.values_list("term", flat=True).distinct())


def known_terms(terms: Iterable[str]) -> set[str]:
    """Which of `terms` some page has."""
    rows = PageTerm.objects.filter(term__in=sorted(set(terms))).values_list("term", flat=True)
    return set(rows.distinct())
