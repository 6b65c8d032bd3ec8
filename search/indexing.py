"""What a page is found by, and keeping the citizens' search engine in step with the site.

The text comes from each model's own `search_fields`, so a new page type is searchable in
Korean as soon as it declares them.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from modelsearch.backends import get_search_backend
from modelsearch.index import RelatedFields, SearchField, get_indexed_models
from wagtail.models import Page

from content.visibility import searchable_pages
from search import korean
from search.engines import CITIZEN_BACKEND

logger = logging.getLogger(__name__)

# The engine's fields per part of a page (BasePage), weighted apart when citizens search.
KOREAN_FIELDS = frozenset({"korean_title", "korean_summary", "korean_body", "title"})
# A page about a subject names it in its title; counting title terms thrice ranks that page
# above pages that only mention the subject, on every engine (SQLite ignores field boosts).
TITLE_WEIGHT = 3


def _strings(value) -> Iterable[str]:
    if value is None:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    else:
        yield str(value)


# Fields that say what a page is about in a line or two: its summary, and its tags. A page
# that names a subject there is about it; one that names it only in the body mentions it.
SUMMARY_FIELDS = frozenset({"search_description", "intro", "summary", "description", "question"})


def _field_texts(obj, fields, related: bool = True, part: str | None = None) -> Iterable[str]:
    """Texts of `fields`; `part` "summary" or "body" keeps only that part of the page."""
    for field in fields:
        if isinstance(field, RelatedFields):
            if not related or part == "body":
                continue
            related_value = field.get_value(obj)
            if related_value is None:
                continue
            objects = related_value.all() if hasattr(related_value, "all") else [related_value]
            for related_obj in objects:
                yield from _field_texts(related_obj, field.fields)
        elif isinstance(field, SearchField) and field.field_name not in KOREAN_FIELDS:
            if part and (field.field_name in SUMMARY_FIELDS) != (part == "summary"):
                continue
            yield from _strings(field.get_value(obj))


def page_text(page, related: bool = True, part: str | None = None) -> str:
    """The searchable text of a page other than its title, from its `search_fields`;
    `related=False` leaves out related objects (topics …) and the queries they cost;
    `part` ("summary" or "body") only that part."""
    texts = _field_texts(page, page.get_search_fields(), related, part)
    return "\n".join(text for text in texts if text)


@dataclass(frozen=True)
class PageTerms:
    """The Korean terms of a page per field, in reading order, one per occurrence."""

    title: list[str]
    summary: list[str]
    body: list[str]


def page_terms(page) -> PageTerms:
    """The Korean terms of a page's title, summary (intro, tags) and body.

    Indexers read the fields several times per page and the analysis is the costly part,
    so the result is kept on the instance while the page stays the same.
    """
    version = (page.title, page.latest_revision_id, page.last_published_at)
    cached = page.__dict__.get("_korean_terms")
    if cached and cached[0] == version:
        return cached[1]
    terms = PageTerms(
        title=korean.index_terms(page.title),
        summary=korean.index_terms(page_text(page, part="summary")),
        body=korean.index_terms(page_text(page, part="body")),
    )
    page.__dict__["_korean_terms"] = (version, terms)
    return terms


def page_korean_text(page, part: str) -> str:
    """A page's Korean terms as the engines index them: "title" (repeated, so that the
    database backend's BM25 ranks title matches first in the admin and API listings too),
    "summary" or "body"."""
    terms = page_terms(page)
    if part == "title":
        return " ".join(terms.title * TITLE_WEIGHT)
    return " ".join(getattr(terms, part))


# Citizens' engine ------------------------------------------------------------------------


def engine_configured() -> bool:
    return CITIZEN_BACKEND in settings.WAGTAILSEARCH_BACKENDS


def engine_backend(**options):
    """The citizens' engine backend; `options` override its settings (e.g. TIMEOUT)."""
    return get_search_backend(CITIZEN_BACKEND, **options)


def ensure_page_index(backend) -> bool:
    """Create the engine's page index if it is missing and map every page model's fields.

    The index is created behind an alias, as Wagtail's atomic rebuild does, because single
    page writes go only to the alias. Returns whether the index had to be created.
    """
    alias = backend.get_index_for_model(Page)
    created = not alias.exists()
    rebuilder = backend.atomic_rebuilder_class(alias) if created else None
    index = rebuilder.start() if rebuilder else alias
    for model in get_indexed_models():
        if issubclass(model, Page):
            index.add_model(model)
    if rebuilder:
        rebuilder.finish()
    return created


def sync_pages(pages: Iterable[Page], backend=None) -> None:
    """Index each page that is live and public now; remove each that is not.

    Errors from the engine are logged with the page id and never raised: publishing must
    not fail because search is down. `reconcile_search_index` repairs what was missed.
    """
    if not engine_configured():
        return
    backend = backend or engine_backend()
    ids = [page.pk for page in pages]
    visible = set(searchable_pages().filter(pk__in=ids).values_list("pk", flat=True))
    for page_id in ids:
        if page_id in visible:
            _index(backend, page_id)
        else:
            _remove(backend, page_id)


def _index(backend, page_id: int) -> None:
    try:
        page = Page.objects.get(pk=page_id).specific
        backend.add(page)
    except Exception:
        logger.exception("Could not index page %s in the search engine", page_id)


def _remove(backend, page_id: int) -> None:
    try:
        backend.delete(Page(pk=page_id))
    except Exception:
        logger.exception("Could not remove page %s from the search engine", page_id)
