"""What a page is found by, and keeping the citizens' search engine in step with the site.

The text comes from each model's own `search_fields`, so a new page type is searchable in
Korean as soon as it declares them.
"""

import logging
from collections.abc import Iterable

from django.conf import settings
from modelsearch.backends import get_search_backend
from modelsearch.index import RelatedFields, SearchField, get_indexed_models
from wagtail.models import Page

from content.visibility import searchable_pages
from search import korean
from search.engines import CITIZEN_BACKEND

logger = logging.getLogger(__name__)

KOREAN_FIELD = "korean_search_text"
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


def _field_texts(obj, fields, related: bool = True) -> Iterable[str]:
    for field in fields:
        if isinstance(field, RelatedFields):
            if not related:
                continue
            related = field.get_value(obj)
            if related is None:
                continue
            objects = related.all() if hasattr(related, "all") else [related]
            for related_obj in objects:
                yield from _field_texts(related_obj, field.fields)
        elif isinstance(field, SearchField) and field.field_name not in (KOREAN_FIELD, "title"):
            yield from _strings(field.get_value(obj))


def page_text(page, related: bool = True) -> str:
    """The searchable text of a page other than its title, from its `search_fields`;
    `related=False` leaves out related objects (topics …) and the queries they cost."""
    texts = _field_texts(page, page.get_search_fields(), related)
    return "\n".join(text for text in texts if text)


def page_korean_text(page) -> str:
    """The Korean terms of a page's title (weighted) and text, as the engines index them.

    Indexers read a field several times per page (the SQLite backend thrice) and the analysis
    is the costly part, so the result is kept on the instance while the page stays the same.
    """
    version = (page.title, page.latest_revision_id, page.last_published_at)
    cached = page.__dict__.get("_korean_search_text")
    if cached and cached[0] == version:
        return cached[1]
    title_terms = korean.index_terms(page.title)
    text = " ".join(title_terms * TITLE_WEIGHT + korean.index_terms(page_text(page)))
    page.__dict__["_korean_search_text"] = (version, text)
    return text


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
