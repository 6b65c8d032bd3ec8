"""Citizen search: validate, query the engine (or the database when it fails), shape results."""

import html
import logging
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import elastic_transport
import elasticsearch
import opensearchpy
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from modelsearch.backends import get_search_backend
from modelsearch.query import SearchQuery
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page, Site, get_page_models
from wagtail.search.utils import normalise_query_string

from content.locales import content_languages, default_language, unknown_language_message
from content.pageindex import PublicPageIndex, site_page_index
from content.text import normalise_text
from content.versioning import PerVersion, current_version
from infra.metrics import SEARCH_FALLBACKS
from pages.vocabulary import TAXONOMIES, ContentFilter, InvalidFilter
from search import breaker, catchup, korean, languages, termindex
from search.engines import CITIZEN_BACKEND, DATABASE, DEFAULT_BACKEND, ENGINE_BACKENDS
from search.indexing import page_text, searchable_pages
from search.models import SearchSynonym
from search.query import build_query
from search.querylog import log_query
from search.ranking import MINIMUM_COVERED, Concept, query_concepts, with_alternatives
from search.spelling import LookalikeTitles, Speller
from search.thesaurus import current_thesaurus

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 100
MAX_SUGGEST_LENGTH = 50
PAGE_SIZE = 10
# Results beyond this rank are neither listed nor counted in facets.
MAX_HITS = 1000
SUGGESTION_COUNT = 8
SNIPPET_CONTEXT = 60
# How alike (0–100, over jamo) a title must look to be offered when nothing was found.
TITLE_SUGGESTION_CUTOFF = 70

# What an unreachable, hanging or broken engine raises; the database answers instead.
ENGINE_ERRORS = (
    elastic_transport.TransportError,
    elasticsearch.ApiError,
    opensearchpy.exceptions.OpenSearchException,
)

# The filters citizens' search takes, in the portal's one vocabulary (`pages.vocabulary`).
SEARCH_FILTERS = ("type", "section", *TAXONOMIES)


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
    # The content language searched (`?locale=`); empty: Korean.
    locale: str = ""


def clean_query(raw: str | None, max_length: int = MAX_QUERY_LENGTH) -> str:
    """The query in the portal's one text form (NFC, no control characters, ASCII for
    full-width forms) without extra spaces; 400-worthy input raises."""
    text = " ".join(normalise_text(raw or "").split())
    if not text:
        raise SearchInputError("empty_query", "검색어를 입력해 주세요.")
    if len(text) > max_length:
        raise SearchInputError("query_too_long", f"검색어는 {max_length}자 이하로 입력해 주세요.")
    return text


def parse_locale(raw: str | None) -> str:
    """The content language `?locale=` names (empty when absent); an unknown one raises."""
    if raw is None:
        return ""
    code = raw.strip().lower()
    if code not in content_languages():
        raise SearchInputError(
            "invalid_locale",
            unknown_language_message(raw),
        )
    return code


def parse_page_number(raw: str | None) -> int:
    if not raw:
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
    """`run(backend)` on the citizens' engine, or on the database backend if the engine fails
    or failed a moment ago (the breaker: a hanging engine costs one timeout, not one per
    search)."""
    name = citizen_backend_name()
    if name == DEFAULT_BACKEND:
        return run(get_search_backend(DEFAULT_BACKEND)), DATABASE, False
    key = breaker.engine_key(name)
    if breaker.allows(key):
        try:
            result = run(get_search_backend(name))
        except ENGINE_ERRORS:
            breaker.trip(key)
            logger.error(
                "Search engine %r failed; answering from the database", name, exc_info=True
            )
        else:
            breaker.reset(key)
            return result, backend_label(name), False
    SEARCH_FALLBACKS.inc()
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


def filtered_pages(request: SearchRequest, site: Site, index: PublicPageIndex | None = None):
    """Live public pages narrowed by the request's filters, in the portal's one vocabulary
    (`pages.vocabulary`: the same spellings as listings and feeds), in the language tree of
    `index` (the site's Korean tree by default)."""
    pages = searchable_pages()
    language = index.language if index else default_language()
    for name in SEARCH_FILTERS:
        value = getattr(request, name)
        if not value:
            continue
        try:
            params = {name: value, "locale": language}
            pages = ContentFilter.from_params(params, names={name}).apply(pages)
        except InvalidFilter as error:
            raise SearchInputError(f"invalid_{name}", str(error)) from error
    root = index.root.tree_path if index and index.root else site.root_page.path
    return pages.filter(path__startswith=root)


def _facets(
    ids: list[int], site: Site, index: PublicPageIndex, version_key: str, type_counts=None
) -> dict:
    """Counts of the hits per type, section, topic and audience.

    Types and sections come from the public page index (or the engine's aggregation), topics
    and audiences from each page's tags read once per content version: no query per search.
    """
    ids_by_type: dict[int, list[int]] = {}
    section_counts: Counter = Counter()
    section_path_length = (site.root_page.depth + 1) * Page.steplen
    for page_id in ids:
        page = index.by_id[page_id]
        ids_by_type.setdefault(page.content_type_id, []).append(page_id)
        if len(page.tree_path) >= section_path_length:
            section_counts[page.tree_path[:section_path_length]] += 1
    counts = type_counts or {type_id: len(pages) for type_id, pages in ids_by_type.items()}
    facets: dict[str, list[dict[str, Any]]] = {"type": [], "section": []}
    for content_type_id, count in counts.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:  # a page type removed from the code
            continue
        facets["type"].append(
            {
                "value": f"{model._meta.app_label}.{model.__name__}",
                "label": str(model._meta.verbose_name),
                "count": count,
            }
        )
    facets["type"].sort(key=lambda facet: (-facet["count"], facet["label"]))
    sections = index.children_of(index.root) if index.root else []
    facets["section"] = [
        {
            "value": section.path.strip("/").split("/")[-1],
            "label": section.title,
            "count": section_counts[section.tree_path],
        }
        for section in sections
        if section_counts[section.tree_path]
    ]
    for name in ("topic", "audience"):
        facets[name] = _term_facet(name, ids, version_key)
    return facets


def _read_page_terms(term_model) -> tuple[dict[int, list[str]], dict[str, str]]:
    """Each tagged page's slugs of `term_model`, and each slug's label."""
    slugs_by_page: dict[int, list[str]] = {}
    labels: dict[str, str] = {}
    for _model, through, page_col, term_col in _taxonomy_links(term_model):
        rows = through.objects.values_list(
            f"{page_col}_id", f"{term_col}__slug", f"{term_col}__name"
        )
        for page_id, slug, label in rows:
            slugs_by_page.setdefault(page_id, []).append(slug)
            labels[slug] = label
    return slugs_by_page, labels


# Read once per content version: a facet then costs a dictionary look-up per hit.
_page_terms = {
    name: PerVersion(lambda model=TAXONOMIES[name][1]: _read_page_terms(model))
    for name in ("topic", "audience")
}


def _term_facet(name: str, ids: list[int], version_key: str) -> list[dict]:
    slugs_by_page, labels = _page_terms[name].get(version_key)
    counts = Counter(slug for page_id in ids for slug in slugs_by_page.get(page_id, ()))
    return [
        {"value": slug, "label": labels[slug], "count": count}
        for slug, count in sorted(counts.items(), key=lambda item: (-item[1], labels[item[0]]))
    ]


# Results ------------------------------------------------------------------------------------


def _match_pattern(words: list[str], analyser: languages.Analyser | None) -> re.Pattern:
    """Where `words` (terms) occur in text: in languages split into words (vi, en), whole
    words only, a stem running on to the end of its word (famili → families); a folded term
    is looked for in the folded text (see `_matches`)."""
    start = end = ""
    if analyser and analyser.folds:
        start, end = r"\b", (r"\w*\b" if analyser.stems else r"\b")
    return re.compile("|".join(start + re.escape(word) + end for word in words), re.IGNORECASE)


def _matches(pattern: re.Pattern, text: str, analyser: languages.Analyser | None):
    """(start, end) of each match; for a folding language, found in the folded text, which
    has the same positions (ho finds hỗ)."""
    searched = languages.fold(text) if analyser and analyser.folds else text
    return [(match.start(), match.end()) for match in pattern.finditer(searched)]


def make_snippet(text: str, words: list[str], analyser: languages.Analyser | None = None) -> str:
    """A short HTML excerpt of `text` around the first match, matches wrapped in <mark>."""
    text = " ".join(text.split())
    if not words:
        return html.escape(text[: SNIPPET_CONTEXT * 2])
    pattern = _match_pattern(words, analyser)
    found = _matches(pattern, text, analyser)
    start = max(found[0][0] - SNIPPET_CONTEXT, 0) if found else 0
    excerpt = text[start : start + SNIPPET_CONTEXT * 3]
    marked, last = [], 0
    for match_start, match_end in _matches(pattern, excerpt, analyser):
        marked.append(html.escape(excerpt[last:match_start]))
        marked.append(f"<mark>{html.escape(excerpt[match_start:match_end])}</mark>")
        last = match_end
    marked.append(html.escape(excerpt[last:]))
    prefix = "…" if start else ""
    suffix = "…" if start + len(excerpt) < len(text) else ""
    return prefix + "".join(marked) + suffix


def _snippet_text(page: Page, words: list[str], analyser: languages.Analyser | None) -> str:
    """The part of the page to quote: the summary, or the body where the summary has no match."""
    pattern = _match_pattern(words, analyser) if words else None
    summary = page.search_description or page_text(page, related=False, part="summary")
    if summary and pattern and _matches(pattern, summary, analyser):
        return summary
    body = page_text(page, related=False, part="body")
    if body and pattern and _matches(pattern, body, analyser):
        return body
    return summary or body or page.title


def _item(
    page: Page,
    path: str,
    words: list[str],
    editions: dict[int, int | None],
    analyser: languages.Analyser | None = None,
) -> dict:
    return {
        "id": page.pk,
        "type": f"{page._meta.app_label}.{type(page).__name__}",
        "title": page.title,
        "path": path,
        "snippet": make_snippet(_snippet_text(page, words, analyser), words, analyser),
        "promoted": False,
        "edition": editions.get(page.pk),
        "also": [],
    }


def _promoted_ids(query_text: str, allowed) -> list[int]:
    picks = (
        SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query_text), page__isnull=False
        )
        .order_by("sort_order")
        .values_list("page_id", flat=True)
    )
    return [page_id for page_id in picks if allowed(page_id)]


def korean_query(text: str) -> SearchQuery | None:
    """The engine-neutral Wagtail query for cleaned `text` (the API listing's `search`):
    Korean analysis and editors' two-way synonyms, every word required.

    None when nothing searchable is left (only punctuation or particles).
    """
    terms = korean.query_terms(text)
    if not terms:
        return None
    return build_query(terms, SearchSynonym.expansions())


# Editions: a report's chapters carry the same titles every year ------------------------------


def _read_edition_years() -> dict[str, int]:
    """Tree path of each report edition → its year."""
    from pages.models import ReportEditionPage

    return dict(ReportEditionPage.objects.exclude(year=None).values_list("path", "year"))


_edition_years = PerVersion(_read_edition_years)


def _edition_of(tree_path: str, years: dict[str, int]) -> int | None:
    for depth_end in range(len(tree_path), 0, -Page.steplen):
        year = years.get(tree_path[:depth_end])
        if year is not None:
            return year
    return None


def _group_editions(ids: list[int], index: PublicPageIndex, years: dict[str, int]):
    """The hits with pages of the same title in other report editions folded into the best
    ranked one: [(id, [other ids])]; and each page's edition year."""
    groups: dict[str, tuple[int, list[int]]] = {}
    order: list[str] = []
    editions: dict[int, int | None] = {}
    for page_id in ids:
        page = index.by_id[page_id]
        edition = _edition_of(page.tree_path, years) if years else None
        editions[page_id] = edition
        key = " ".join(page.title.split()) if edition is not None else f"#{page_id}"
        if key in groups:
            groups[key][1].append(page_id)
        else:
            groups[key] = (page_id, [])
            order.append(key)
    return [groups[key] for key in order], editions


# Did you mean ------------------------------------------------------------------------------

_speller = PerVersion(lambda: Speller(termindex.vocabulary()))


def _correct(text: str, concepts: list[Concept], thesaurus, version_key: str):
    """Concepts no page has, widened by their closest known spelling (한부머 → 한부모), and the
    corrected query to show ("did you mean"), or None when every concept is known."""
    known = termindex.known_terms(term for concept in concepts for term in concept.terms)
    corrected, did_you_mean = [], text
    for concept in concepts:
        if any(set(alternative) <= known for alternative in concept.alternatives):
            corrected.append((concept, concept.text))
            continue
        # The vocabulary is the indexed terms: it moves when the worker indexes, too.
        indexed, build = termindex.indexed_state()
        speller = _speller.get(f"{version_key}:{indexed.key}:{build}")
        typed = [concept.text.replace(" ", ""), *concept.words]
        candidates = [fix for word in typed for fix in speller.corrections(word, limit=1)]
        if not candidates:
            corrected.append((concept, concept.text))
            continue
        fix = candidates[0]
        extra = {(fix,)} | thesaurus.get(fix)
        corrected.append((with_alternatives(concept, extra), fix))
        typo = next((word for word in concept.words if word in did_you_mean), concept.text)
        did_you_mean = did_you_mean.replace(typo, fix, 1)
    return [concept for concept, _ in corrected], (did_you_mean if did_you_mean != text else None)


@dataclass(frozen=True)
class _Titles:
    """The pages whose titles citizens may be offered, and a finder over those titles."""

    pages: list
    lookalikes: LookalikeTitles


def _read_titles(index: PublicPageIndex) -> _Titles:
    pages = [page for page in index.pages if page.depth > 2]
    return _Titles(pages, LookalikeTitles([page.title for page in pages]))


_titles = PerVersion(_read_titles)


def _title_suggestions(
    text: str, index: PublicPageIndex, version_key: str, limit: int = 5
) -> list[dict]:
    """Titles that look like what was typed, for a search that found nothing."""
    titles = _titles.get(f"{id(index)}:{version_key}", index)
    found = titles.lookalikes.find(text, limit, TITLE_SUGGESTION_CUTOFF)
    return [
        {"id": page.id, "title": page.title, "path": page.path}
        for page in (titles.pages[number] for number in found)
    ]


# Search ------------------------------------------------------------------------------------


def _has_filters(request: SearchRequest) -> bool:
    return any(getattr(request, name) for name in SEARCH_FILTERS)


@dataclass
class _Found:
    """What one search in one language found, best first, before it is shaped."""

    index: PublicPageIndex
    language: str
    concepts: list[Concept]
    did_you_mean: str | None
    promoted: list[int]
    hit_ids: list[int]
    type_counts: dict | None
    label: str
    fallback: bool


def _find(
    text: str,
    request: SearchRequest,
    site: Site,
    index: PublicPageIndex,
    version,
    correct: bool = True,
) -> _Found:
    """The hits of `text` among the public pages of `index` (one site, one language),
    analysed in that language; Korean words no page has are also searched corrected unless
    `correct` is false (a fallback for another language's query: no Korean corrections)."""
    language = index.language
    filtered = (
        set(filtered_pages(request, site, index).values_list("pk", flat=True))
        if _has_filters(request)
        else None
    )

    def allowed(page_id: int) -> bool:
        return page_id in index.by_id and (filtered is None or page_id in filtered)

    thesaurus = current_thesaurus(version.key, language)
    concepts = query_concepts(text, thesaurus, language)
    did_you_mean = None
    if concepts and correct and language == default_language():
        # The speller compares jamo: Korean only.
        concepts, did_you_mean = _correct(text, concepts, thesaurus, version.key)
    promoted = _promoted_ids(text, allowed)

    ranked, type_counts = [], None
    label, fallback = backend_label(citizen_backend_name()), False
    if concepts:

        def run(backend):
            return backend.rank_concepts(concepts, MINIMUM_COVERED, MAX_HITS, filtered, language)

        (ranked, type_counts), label, fallback = _search_with_fallback(run)
    visible = [page_id for page_id in ranked if allowed(page_id)]
    if len(visible) != len(ranked):
        type_counts = None  # the engine still holds pages citizens may no longer see
    hit_ids = promoted + [page_id for page_id in visible if page_id not in promoted]
    return _Found(
        index, language, concepts, did_you_mean, promoted, hit_ids, type_counts, label, fallback
    )


def search(request: SearchRequest, site: Site, index: PublicPageIndex | None = None) -> dict:
    """The search API's response for `request` (see docs/search.md): in the language it
    asks for (`locale`, Korean by default), or in Korean, saying so, when that language has
    no page the query finds."""
    text = clean_query(request.q)
    version = current_version()
    language = request.locale or default_language()
    index = index or site_page_index(site, version, language)
    # Reads what is indexed; a change the worker has not reached only queues it a task.
    catchup.request_if_behind(version)
    found = _find(text, request, site, index, version)
    meta: dict[str, str] = {"locale": language}
    if not found.hit_ids and language != default_language():
        korean = _find(text, request, site, site_page_index(site, version), version, False)
        if korean.hit_ids:
            found = korean
            meta = {"locale": korean.language, "fallback_from": language}
    index, hit_ids, promoted = found.index, found.hit_ids, found.promoted
    groups, editions = _group_editions(hit_ids, index, _edition_years.get(version.key))

    start = (request.page - 1) * PAGE_SIZE
    shown = groups[start : start + PAGE_SIZE]
    shown_ids = [page_id for first, others in shown for page_id in (first, *others)]
    specific = Page.objects.filter(pk__in=shown_ids).specific().in_bulk()
    words = highlight_words(found.concepts)
    analyser = languages.analyser(found.language)
    items = []
    for first, others in shown:
        if first not in specific:
            continue
        # The path in the page's own language tree (`/vi/…`), from the public page index.
        item = _item(specific[first], index.by_id[first].path, words, editions, analyser)
        item["promoted"] = first in promoted
        item["also"] = [
            {
                "id": other,
                "title": index.by_id[other].title,
                "path": index.by_id[other].path,
                "edition": editions.get(other),
            }
            for other in others
        ]
        items.append(item)
    log_query(text, len(hit_ids))
    did_you_mean = found.did_you_mean
    return {
        "query": text,
        "meta": meta,
        "backend": found.label,
        "fallback": found.fallback,
        "total": len(groups),
        "page": request.page,
        "page_size": PAGE_SIZE,
        "did_you_mean": did_you_mean,
        "suggestions": (
            [] if groups else _title_suggestions(did_you_mean or text, index, version.key)
        ),
        "items": items,
        "facets": _facets(
            hit_ids, site, index, version.key, found.type_counts if not promoted else None
        ),
    }


def highlight_words(concepts: list[Concept]) -> list[str]:
    """The words to mark in a result's snippet, longest first."""
    words = {term for concept in concepts for term in concept.terms}
    return sorted((word for word in words if len(word) > 1), key=len, reverse=True)


def suggest(raw: str | None, site: Site, language: str = "") -> dict:
    """Titles starting with what the citizen has typed so far (한부 → 한부모…), in the
    language tree of `language` (Korean by default; none while that language has no home)."""
    text = clean_query(raw, max_length=MAX_SUGGEST_LENGTH)
    index = site_page_index(site, current_version(), language or default_language())
    if index.root is None:
        return {"suggestions": []}
    if languages.analyser(index.language).folds:
        matches = _folded_title_matches(text, index)
    else:
        pages = searchable_pages().filter(path__startswith=index.root.tree_path, depth__gt=1)

        def run(backend):
            return list(backend.autocomplete(text, pages)[:SUGGESTION_COUNT])

        matches, _, _ = _search_with_fallback(run)
    # Paths in the page's own tree (`/vi/…`), from the public page index.
    matches = [page for page in matches if page.pk in index.by_id]
    return {
        "suggestions": [
            {
                "id": page.pk,
                "title": page.title,
                "label": label,
                "path": index.by_id[page.pk].path,
            }
            for page, label in zip(matches, _suggestion_labels(matches), strict=True)
        ]
    }


def _folded_title_matches(text: str, index: PublicPageIndex) -> list[Page]:
    """Titles of `index` in which each word typed starts a word, matched folded as search
    matches (Vietnamese "phien d" → "Dịch vụ phiên dịch…", English case-insensitive): the
    engines' autocomplete would match the marks as typed. Titles starting with the first word
    come first, then in tree order."""
    typed = _words(text)
    if not typed:
        return []
    found: list[tuple[bool, int]] = []
    for number, page in enumerate(index.pages):
        words = _words(page.title)
        if all(any(word.startswith(part) for word in words) for part in typed):
            found.append((not words[0].startswith(typed[0]), number))
    chosen = [index.pages[number].id for _, number in sorted(found)[:SUGGESTION_COUNT]]
    pages = Page.objects.filter(pk__in=chosen).in_bulk()
    return [pages[page_id] for page_id in chosen if page_id in pages]


def _words(text: str) -> list[str]:
    """Folded words, punctuation left out: "(Tiếng Việt)" is the words "tieng" and "viet"."""
    return re.findall(r"\w+", languages.fold(text))


def _suggestion_labels(pages: list) -> list[str]:
    """What each suggestion shows: its title, and for a title that repeats (one report
    chapter per edition) what tells them apart — the edition's year ("… (2025년판)"), or
    else the parent page's title. Only repeated titles cost a parent look-up."""
    repeated = {title for title, count in Counter(p.title for p in pages).items() if count > 1}
    labels = []
    for page in pages:
        if page.title not in repeated:
            labels.append(page.title)
            continue
        parent = page.get_parent().specific
        year = getattr(parent, "year", None)
        labels.append(f"{page.title} ({year}년판)" if year else f"{page.title} ({parent.title})")
    return labels
