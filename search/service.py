"""Citizen search: validate, query the engine (or the database when it fails), shape results."""

import html
import logging
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

import elastic_transport
import elasticsearch
import opensearchpy
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from modelsearch.backends import get_search_backend
from modelsearch.query import SearchQuery
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site, get_page_models
from wagtail.search.utils import normalise_query_string

from pages.snippets import Audience, District, Topic
from search import korean
from search.engines import CITIZEN_BACKEND, DATABASE, DEFAULT_BACKEND, ENGINE_BACKENDS
from search.indexing import page_text, searchable_pages
from search.models import SearchSynonym
from search.query import build_query, highlight_terms
from search.querylog import log_query

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 100
MAX_SUGGEST_LENGTH = 50
PAGE_SIZE = 10
# Results beyond this rank are neither listed nor counted in facets.
MAX_HITS = 1000
SUGGESTION_COUNT = 8
SNIPPET_CONTEXT = 60

# What an unreachable, hanging or broken engine raises; the database answers instead.
ENGINE_ERRORS = (
    elastic_transport.TransportError,
    elasticsearch.ApiError,
    opensearchpy.exceptions.OpenSearchException,
)

TAXONOMY_FILTERS = {"topic": Topic, "audience": Audience, "district": District}


class SearchInputError(Exception):
    """A request citizens can fix; `message` is shown to them."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class SearchRequest:
    q: str
    type: str = ""
    section: str = ""
    topic: str = ""
    audience: str = ""
    district: str = ""
    page: int = 1


def clean_query(raw: str | None, max_length: int = MAX_QUERY_LENGTH) -> str:
    """The query without control characters and extra spaces; 400-worthy input raises."""
    text = "".join(ch for ch in (raw or "") if unicodedata.category(ch)[0] != "C" or ch == " ")
    text = " ".join(text.split())
    if not text:
        raise SearchInputError("empty_query", "검색어를 입력해 주세요.")
    if len(text) > max_length:
        raise SearchInputError("query_too_long", f"검색어는 {max_length}자 이하로 입력해 주세요.")
    return text


def parse_page_number(raw: str | None) -> int:
    if raw in (None, ""):
        return 1
    if not raw.isdigit() or int(raw) < 1:
        raise SearchInputError("invalid_page", "page는 1 이상의 정수여야 합니다.")
    return int(raw)


# Engine choice -----------------------------------------------------------------------------


def citizen_backend_name() -> str:
    backends = settings.WAGTAILSEARCH_BACKENDS
    return CITIZEN_BACKEND if CITIZEN_BACKEND in backends else DEFAULT_BACKEND


def backend_label(name: str) -> str:
    """ "database", "elasticsearch" or "opensearch", as the API reports it."""
    path = settings.WAGTAILSEARCH_BACKENDS[name]["BACKEND"]
    return next((kind for kind, module in ENGINE_BACKENDS.items() if module == path), DATABASE)


def _search_with_fallback(run):
    """`run(backend)` on the citizens' engine, or on the database backend if the engine fails."""
    name = citizen_backend_name()
    try:
        return run(get_search_backend(name)), backend_label(name), False
    except ENGINE_ERRORS:
        logger.error("Search engine %r failed; answering from the database", name, exc_info=True)
        return run(get_search_backend(DEFAULT_BACKEND)), DATABASE, True


# Filters and facets ------------------------------------------------------------------------


def _taxonomy_links(term_model):
    """(page model, through model, page column, term column) of every page model tagged with
    `term_model`."""
    for model in get_page_models():
        for m2m in model._meta.local_many_to_many:
            if m2m.related_model is term_model:
                through = m2m.remote_field.through
                yield model, through, m2m.m2m_field_name(), m2m.m2m_reverse_field_name()


def _pages_tagged(term_model, slug: str) -> set[int]:
    ids: set[int] = set()
    for _model, through, page_col, term_col in _taxonomy_links(term_model):
        ids.update(
            through.objects.filter(**{f"{term_col}__slug": slug}).values_list(
                f"{page_col}_id", flat=True
            )
        )
    return ids


def _sections(site: Site):
    return site.root_page.get_children().live().public()


def filtered_pages(request: SearchRequest, site: Site):
    """Live public pages narrowed by the request's type, section and taxonomy filters."""
    pages = searchable_pages()
    if request.type:
        try:
            model = apps.get_model(request.type)
        except (LookupError, ValueError):
            model = None
        if model is None or not issubclass(model, Page):
            raise SearchInputError("invalid_type", f"알 수 없는 페이지 유형입니다: {request.type}")
        pages = pages.type(model)
    if request.section:
        section = _sections(site).filter(slug=request.section).first()
        if section is None:
            raise SearchInputError("invalid_section", f"알 수 없는 섹션입니다: {request.section}")
        pages = pages.descendant_of(section)
    for name, term_model in TAXONOMY_FILTERS.items():
        slug = getattr(request, name)
        if slug:
            pages = pages.filter(pk__in=_pages_tagged(term_model, slug))
    return pages.filter(path__startswith=site.root_page.path)


def _facets(ids: list[int], site: Site) -> dict:
    """Counts of the hits per type, section, topic and audience.

    One query reads the hits' types and tree paths; taxonomy counts then ask only the page
    types among the hits, each for its own pages.
    """
    ids_by_type: dict[int, list[int]] = {}
    section_counts: Counter = Counter()
    section_path_length = (site.root_page.depth + 1) * Page.steplen
    rows = Page.objects.filter(pk__in=ids).values_list("pk", "content_type", "path")
    for page_id, content_type_id, path in rows:
        ids_by_type.setdefault(content_type_id, []).append(page_id)
        if len(path) >= section_path_length:
            section_counts[path[:section_path_length]] += 1
    facets = {"type": [], "section": []}
    for content_type_id, page_ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        facets["type"].append(
            {
                "value": f"{model._meta.app_label}.{model.__name__}",
                "label": str(model._meta.verbose_name),
                "count": len(page_ids),
            }
        )
    facets["type"].sort(key=lambda facet: (-facet["count"], facet["label"]))
    facets["section"] = [
        {"value": section.slug, "label": section.title, "count": section_counts[section.path]}
        for section in _sections(site)
        if section_counts[section.path]
    ]
    for name, term_model in (("topic", Topic), ("audience", Audience)):
        facets[name] = _term_facet(term_model, ids_by_type)
    return facets


def _term_facet(term_model, ids_by_type: dict[int, list[int]]) -> list[dict]:
    counts: Counter = Counter()
    labels = {}
    for model, through, page_col, term_col in _taxonomy_links(term_model):
        page_ids = ids_by_type.get(ContentType.objects.get_for_model(model).pk)
        if not page_ids:
            continue
        rows = (
            through.objects.filter(**{f"{page_col}_id__in": page_ids})
            .values_list(f"{term_col}__slug", f"{term_col}__name")
            .annotate(count=Count(page_col))
        )
        for slug, label, count in rows:
            counts[slug] += count
            labels[slug] = label
    return [
        {"value": slug, "label": labels[slug], "count": count}
        for slug, count in counts.most_common()
    ]


# Results ------------------------------------------------------------------------------------


def page_path(page: Page, site: Site) -> str:
    """The site-relative path of `page`, e.g. /가족정보/한부모-지원/."""
    return "/" + page.url_path[len(site.root_page.url_path) :]


def make_snippet(text: str, words: list[str]) -> str:
    """A short HTML excerpt of `text` around the first match, matches wrapped in <mark>."""
    text = " ".join(text.split())
    if not words:
        return html.escape(text[: SNIPPET_CONTEXT * 2])
    pattern = re.compile("|".join(re.escape(word) for word in words), re.IGNORECASE)
    first = pattern.search(text)
    start = max(first.start() - SNIPPET_CONTEXT, 0) if first else 0
    excerpt = text[start : start + SNIPPET_CONTEXT * 3]
    marked, last = [], 0
    for match in pattern.finditer(excerpt):
        marked.append(html.escape(excerpt[last : match.start()]))
        marked.append(f"<mark>{html.escape(match.group())}</mark>")
        last = match.end()
    marked.append(html.escape(excerpt[last:]))
    prefix = "…" if start else ""
    suffix = "…" if start + len(excerpt) < len(text) else ""
    return prefix + "".join(marked) + suffix


def _item(page: Page, site: Site, words: list[str], promoted: bool = False) -> dict:
    text = page.search_description or page_text(page, related=False) or page.title
    return {
        "id": page.pk,
        "type": f"{page._meta.app_label}.{type(page).__name__}",
        "title": page.title,
        "path": page_path(page, site),
        "snippet": make_snippet(text, words),
        "promoted": promoted,
    }


def _promoted_ids(query_text: str, pages) -> list[int]:
    picks = (
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query_text), page__isnull=False
        )
        .order_by("sort_order")
        .values_list("page_id", flat=True)
    )
    visible = set(pages.filter(pk__in=list(picks)).values_list("pk", flat=True))
    return [page_id for page_id in picks if page_id in visible]


def korean_query(text: str) -> SearchQuery | None:
    """The engine-neutral query for cleaned `text`: Korean analysis and editors' synonyms.

    None when nothing searchable is left (only punctuation or particles).
    """
    terms = korean.query_terms(text)
    if not terms:
        return None
    return build_query(terms, SearchSynonym.expansions())


def ranked_ids(results, pages) -> list[int]:
    """Ids of the first MAX_HITS results that are in `pages` now, best first.

    The portal's backends give ids without loading a page (`results.pks`); the check
    against `pages` keeps a stale engine index from ever showing a draft or private page.
    """
    if hasattr(results, "pks"):
        ids = results.pks(MAX_HITS)
    else:
        ids = [page.pk for page in results[:MAX_HITS]]
    visible = set(pages.filter(pk__in=ids).values_list("pk", flat=True))
    return [page_id for page_id in ids if page_id in visible]


def search(request: SearchRequest, site: Site) -> dict:
    """The search API's response for `request` (see the README's "Search")."""
    text = clean_query(request.q)
    pages = filtered_pages(request, site)
    terms = korean.query_terms(text)
    synonyms = SearchSynonym.expansions() if terms else {}
    promoted = _promoted_ids(text, pages)

    hit_ids: list[int] = []
    label, fallback = backend_label(citizen_backend_name()), False
    if terms:
        query = build_query(terms, synonyms)

        def run(backend):
            return ranked_ids(backend.search(query, pages, order_by_relevance=True), pages)

        hit_ids, label, fallback = _search_with_fallback(run)
    hit_ids = promoted + [page_id for page_id in hit_ids if page_id not in promoted]

    start = (request.page - 1) * PAGE_SIZE
    page_ids = hit_ids[start : start + PAGE_SIZE]
    specific = Page.objects.filter(pk__in=page_ids).specific().in_bulk()
    words = highlight_terms(terms, synonyms)
    items = [
        _item(specific[page_id], site, words, promoted=page_id in promoted)
        for page_id in page_ids
        if page_id in specific
    ]
    log_query(text, len(hit_ids))
    return {
        "query": text,
        "backend": label,
        "fallback": fallback,
        "total": len(hit_ids),
        "page": request.page,
        "page_size": PAGE_SIZE,
        "items": items,
        "facets": _facets(hit_ids, site),
    }


def suggest(raw: str | None, site: Site) -> dict:
    """Titles starting with what the citizen has typed so far (한부 → 한부모…)."""
    text = clean_query(raw, max_length=MAX_SUGGEST_LENGTH)
    pages = searchable_pages().filter(path__startswith=site.root_page.path, depth__gt=1)

    def run(backend):
        return list(backend.autocomplete(text, pages)[:SUGGESTION_COUNT])

    matches, _, _ = _search_with_fallback(run)
    return {
        "suggestions": [
            {"id": page.pk, "title": page.title, "path": page_path(page, site)} for page in matches
        ]
    }
