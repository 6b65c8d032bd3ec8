"""The database backend's index for citizens' search: the terms of each live public page per
part (title, summary and tags, body), in the page's language (`search.languages`), in one
table on SQLite and PostgreSQL alike.

Requests only read it. The task worker writes it (`search.catchup`): the pages of each batch
of content changes, or of each stretch of page ids during a full build, in one short
transaction per batch.
"""

import logging
from collections import Counter
from collections.abc import Collection, Iterable

from django.db import connection, transaction
from django.db.models import OuterRef, Subquery

from content.models import ContentChange
from content.versioning import ContentVersion
from search import postings
from search.indexing import analyse_pages, page_terms
from search.languages import KOREAN
from search.models import PageTerm, PageTermState
from search.ranking import BODY, MINIMUM_COVERED, SUMMARY, TITLE, Concept

logger = logging.getLogger(__name__)

MAX_TERM_LENGTH = 64
# Rows per INSERT statement (5 parameters each: well under every database's limit).
INSERT_ROWS = 500


def _rows(page) -> list[tuple[int, str, str, int, int]]:
    """(page id, language, term, best part, count) for each term of `page`."""
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
        (page.pk, terms.language, word, part, min(counts[word], 32767))
        for word, part in best.items()
    ]


def _insert(rows: list[tuple[int, str, str, int, int]]) -> None:
    """Plain multi-row INSERTs: building ~100 model instances per page through the ORM cost
    more than analysing the page."""
    quote = connection.ops.quote_name
    table = quote(PageTerm._meta.db_table)
    columns = ", ".join(
        quote(column) for column in ("page_id", "language", "term", "part", "count")
    )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), INSERT_ROWS):
            chunk = rows[start : start + INSERT_ROWS]
            values = ", ".join(["(%s, %s, %s, %s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {values}",  # noqa: S608
                [value for row in chunk for value in row],
            )


def replace_terms(page_ids: Collection[int], pages: list) -> None:
    """Within the caller's transaction: the terms of `page_ids` become those of `pages`
    (the searchable ones among them; the others have none)."""
    ids = sorted(set(page_ids))
    for start in range(0, len(ids), INSERT_ROWS):
        chunk = ids[start : start + INSERT_ROWS]
        _delete(f"page_id IN ({', '.join(['%s'] * len(chunk))})", chunk)
    _insert([row for page in pages for row in _rows(page)])


def replace_range(after_id: int, up_to_id: int | None, pages: list) -> None:
    """Within the caller's transaction: the terms of every page with an id in
    (`after_id`, `up_to_id`] (no upper bound if None) become those of `pages`."""
    if up_to_id is None:
        _delete("page_id > %s", [after_id])
    else:
        _delete("page_id > %s AND page_id <= %s", [after_id, up_to_id])
    _insert([row for page in pages for row in _rows(page)])


def _delete(where: str, params: list) -> None:
    """A plain DELETE: the ORM's would load every row and send a signal for each."""
    quote = connection.ops.quote_name
    table = quote(PageTerm._meta.db_table)
    with connection.cursor() as cursor:
        where = where.replace("page_id", quote("page_id"))
        cursor.execute(f"DELETE FROM {table} WHERE {where}", params)  # noqa: S608


def write_pages(pages: list) -> None:
    """Write the terms of `pages` (specific, searchable) in bulk, marking the terms current
    (for a bulk load that recorded no content change, such as the benchmark's)."""
    analyse_pages(pages)
    with transaction.atomic():
        replace_terms([page.pk for page in pages], pages)
        PageTermState.objects.update_or_create(
            pk=1, defaults={"last_change_id": newest_change_id(), "build_cursor": None}
        )
    postings.forget()


def newest_change_id() -> int:
    return ContentChange.objects.order_by("-id").values_list("id", flat=True).first() or 0


def indexed_state() -> tuple[ContentVersion, tuple]:
    """The content version the terms are current at (the newest change the worker has
    indexed; change 0 while none has been), and the build they belong to (a full build
    rewrites terms without content changes), in one query."""
    changed_at = ContentChange.objects.filter(pk=OuterRef("last_change_id")).values("created_at")
    row = (
        PageTermState.objects.filter(pk=1)
        .annotate(changed_at=Subquery(changed_at[:1]))
        .values_list("last_change_id", "changed_at", "build_cursor", "built_at")
        .first()
    )
    if row is None:
        return ContentVersion(0, None), ()
    change_id, changed_at, build_cursor, built_at = row
    return ContentVersion(change_id, changed_at), (build_cursor, built_at)


def rank(
    concepts: list[Concept],
    limit: int,
    minimum_covered: int = MINIMUM_COVERED,
    allowed_ids: Collection[int] | None = None,
    language: str = KOREAN,
) -> list[int]:
    """Ids of the pages in `language` covering at least `minimum_covered` concepts, best
    first (`search.ranking`), among `allowed_ids` if given: from the terms as they are now.

    Never indexes: pages the worker has not reached yet are found as they were indexed."""
    version, build = indexed_state()
    current = postings.current_postings(version, build)
    return postings.rank(concepts, current, limit, minimum_covered, allowed_ids, language)


def vocabulary(language: str = KOREAN) -> list[str]:
    """Every term indexed in `language` once (for "did you mean")."""
    terms = PageTerm.objects.filter(language=language).values_list("term", flat=True)
    return list(terms.distinct())


def known_terms(terms: Iterable[str], language: str = KOREAN) -> set[str]:
    """Which of `terms` some page in `language` has."""
    rows = PageTerm.objects.filter(language=language, term__in=sorted(set(terms)))
    return set(rows.values_list("term", flat=True).distinct())
