"""Listing filters: the portal's one vocabulary (`pages.vocabulary`) and Korean `?search=`.

`?section=`, `?topic=`, `?audience=`, `?district=`, `?application_status=`, `?date_from=`,
`?date_to=`, `?published_since=` and `?locale=` mean on listings what they mean in search,
sync, feeds and `import_pages`; `?type=` is Wagtail's own (it also picks the fields).
Every bad value answers 400 with a Korean message.
"""

from rest_framework.filters import BaseFilterBackend
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from pages.vocabulary import FILTER_NAMES, ContentFilter, InvalidFilter
from search.engines import DEFAULT_BACKEND
from search.service import SearchInputError, clean_query, korean_query

# Wagtail's pages endpoint reads `type` itself.
FILTER_PARAMETERS = FILTER_NAMES - {"type"}


class PortalFilter(BaseFilterBackend):
    """The portal's own listing filters (the stock ones follow it)."""

    def filter_queryset(self, request, queryset, view):
        return ContentFilter.from_params(request.GET, names=FILTER_PARAMETERS).apply(queryset)


class KoreanSearchFilter(BaseFilterBackend):
    """`?search=`: full-text search with the citizens' Korean analysis and synonyms.

    Stock Wagtail hands the raw text to the backend, so 가족을 would miss pages about 가족.
    Listings search the database backend: it holds every page, so it accepts all the
    listing's filters, which an engine's index does not.
    """

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        if getattr(queryset, "_filtered_by_tag", False):
            raise InvalidFilter("태그 필터와 search는 함께 쓸 수 없습니다.")
        try:
            query = korean_query(clean_query(request.GET["search"]))
        except SearchInputError as error:
            raise InvalidFilter(error.message) from error
        if query is None:
            return queryset.none()
        backend = get_search_backend(DEFAULT_BACKEND)
        order_by_relevance = "order" not in request.GET
        try:
            return backend.search(query, queryset, order_by_relevance=order_by_relevance)
        except FilterFieldError as error:
            raise InvalidFilter(
                f"검색 중에는 '{error.field_name}'(으)로 거를 수 없습니다."
            ) from error
        except OrderByFieldError as error:
            raise InvalidFilter(
                f"검색 중에는 '{error.field_name}'(으)로 정렬할 수 없습니다."
            ) from error
