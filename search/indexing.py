"""What a page is found by, and keeping the citizens' search engine in step with the site.

The text comes from each model's own `search_fields`, so a new page type is searchable in
Korean as soon as it declares them.
"""

import logging
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from modelcluster.fields import ParentalManyToManyField
from modelsearch.backends import get_search_backend
from modelsearch.index import RelatedFields, SearchField, get_indexed_models
from wagtail.models import Page

from content.visibility import searchable_pages
from search import languages
from search.engines import CITIZEN_BACKEND

logger = logging.getLogger(__name__)

# The engine's fields per part of a page (BasePage), weighted apart when citizens search.
KOREAN_FIELDS = frozenset({"korean_title", "korean_summary", "korean_body", "native_text", "title"})
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
    """The terms of a page per field, in reading order, one per occurrence, analysed in the
    page's own language (`search.languages`)."""

    title: list[str]
    summary: list[str]
    body: list[str]
    language: str = languages.KOREAN


def _terms_version(page) -> tuple:
    return (page.title, page.latest_revision_id, page.last_published_at, page.locale_id)


def page_terms(page) -> PageTerms:
    """The terms of a page's title, summary (intro, tags) and body, in its language.

    Indexers read the fields several times per page and the analysis is the costly part,
    so the result is kept on the instance while the page stays the same.
    """
    version = _terms_version(page)
    cached = page.__dict__.get("_korean_terms")
    if cached and cached[0] == version:
        return cached[1]
    analyse_pages([page])
    return page.__dict__["_korean_terms"][1]


def analyse_pages(pages: list) -> None:
    """Analyse the terms of many pages in one pass, each page in its own language (kept on
    each, as `page_terms` keeps them)."""
    pending = [
        page
        for page in pages
        if (page.__dict__.get("_korean_terms") or (None,))[0] != _terms_version(page)
    ]
    if not pending:
        return
    codes = languages.locale_languages()
    by_language: dict[str, list] = {}
    for page in pending:
        by_language.setdefault(codes.get(page.locale_id, languages.KOREAN), []).append(page)
    for language, group in by_language.items():
        texts = []
        for page in group:
            texts += [page.title, page_text(page, part="summary"), page_text(page, part="body")]
        terms = languages.index_terms_many(texts, language)
        for number, page in enumerate(group):
            title, summary, body = terms[number * 3 : number * 3 + 3]
            page.__dict__["_korean_terms"] = (
                _terms_version(page),
                PageTerms(title, summary, body, language),
            )


def page_korean_text(page, part: str) -> str:
    """A page's analysed terms as the engines index them: "title" (repeated, so that the
    database backend's BM25 ranks title matches first in the admin and API listings too),
    "summary" or "body"; "native" is the text of a page not in Korean."""
    terms = page_terms(page)
    if part == "title":
        return " ".join(terms.title * TITLE_WEIGHT)
    if part == "native":
        # The engines' own analyzer of the page's language reads its text (a tie-break in
        # citizens' search, search/backends/korean.py); Korean pages have nori on theirs.
        return "" if terms.language == languages.KOREAN else f"{page.title}\n{page_text(page)}"
    return " ".join(getattr(terms, part))


def load_pages(page_ids: Collection[int]) -> list:
    """The searchable pages among `page_ids`, specific, with their related fields (topics …)
    prefetched and their Korean terms analysed: a few queries per page type, not per page."""
    by_type: dict[int, list[int]] = {}
    rows = searchable_pages().filter(pk__in=list(page_ids)).values_list("pk", "content_type_id")
    for page_id, content_type_id in rows:
        by_type.setdefault(content_type_id, []).append(page_id)
    pages = []
    for content_type_id, ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is not None:
            pages.extend(_indexed_objects(model).filter(pk__in=ids))
    analyse_pages(pages)
    return sorted(pages, key=lambda page: page.pk)


def _indexed_objects(model):
    """Wagtail's `get_indexed_objects`, with the tags (ParentalManyToManyField, which Wagtail
    leaves out) prefetched too: otherwise three queries per page."""
    queryset = model.get_indexed_objects()
    for field in model.get_search_fields():
        if isinstance(field, RelatedFields):
            try:
                model_field = model._meta.get_field(field.field_name)
            except FieldDoesNotExist:
                continue
            if isinstance(model_field, ParentalManyToManyField):
                queryset = queryset.prefetch_related(field.field_name)
    return queryset


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


def ensure_engine_index() -> None:
    """`ensure_page_index` on the citizens' engine, if one is configured; errors are logged
    (the documents' writes then fail and are logged too)."""
    if not engine_configured():
        return
    try:
        ensure_page_index(engine_backend())
    except Exception:
        logger.exception("Could not create the search engine's page index")


def sync_pages(pages: Iterable[Page], backend=None) -> None:
    """Index each page that is live and public now; remove each that is not (bulk requests).

    Errors from the engine are logged with the page ids and never raised: indexing goes on
    with the next batch, and `reconcile_search_index` repairs what was missed.
    """
    if not engine_configured():
        return
    ids = [page.pk for page in pages]
    visible = load_pages(ids)
    write_documents(visible, set(ids) - {page.pk for page in visible}, backend)


def write_documents(pages: list, removed_ids: Iterable[int], backend=None) -> None:
    """Index `pages` (specific, searchable, analysed) and remove the documents of
    `removed_ids` through the engine's bulk API, `BULK_CHUNK` documents per request."""
    if not engine_configured():
        return
    if backend is None:
        timeout = settings.WAGTAILSEARCH_BACKENDS[CITIZEN_BACKEND].get("INDEX_TIMEOUT", 30.0)
        backend = engine_backend(TIMEOUT=timeout)
    index = backend.get_index_for_model(Page)
    actions = [_index_action(backend, page) for page in pages]
    actions += [{"_op_type": "delete", "_id": str(page_id)} for page_id in sorted(removed_ids)]
    if not actions:
        return
    try:
        _, errors = backend.bulk(
            backend.es,
            actions,
            index=index.name,
            chunk_size=BULK_CHUNK,
            raise_on_error=False,
            # A write to a missing index must fail, not create one with guessed mappings.
            require_alias=True,
        )
    except Exception:
        ids = [action["_id"] for action in actions]
        logger.exception("Could not write pages %s to the search engine", ids)
        return
    failed = [error for error in errors if _status(error) != 404]  # a delete of no document
    if failed:
        logger.error("The search engine refused %d page(s): %s", len(failed), failed[:5])


BULK_CHUNK = 500


def _index_action(backend, page) -> dict:
    mapping = backend.mapping_class(type(page))
    return {"_id": mapping.get_document_id(page), "_source": mapping.get_document(page)}


def _status(error: dict) -> int | None:
    details: dict[str, Any] = next(iter(error.values()), {})
    return details.get("status")
