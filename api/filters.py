"""Filters clients need on page listings, each answering 400 with a Korean message on bad input.

`?section=family-info`, `?topic=<slug>`, `?audience=<slug>`, `?district=<slug>`,
`?application_status=open|upcoming|closed`, `?date_from=YYYY-MM-DD` / `?date_to=`
(the page's own `date`, e.g. notices since a day), `?published_since=YYYY-MM-DD`,
and `?search=` with the same Korean analysis as the citizens' search.
Filters on a field the listed type lacks apply to every page type that has it.
"""

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import get_page_models
from wagtail.search.backends import get_search_backend
from wagtail.search.backends.base import FilterFieldError, OrderByFieldError

from pages.models import ApplicationStatus, SectionKind, SectionPage
from pages.snippets import Audience, District, Topic
from search.engines import DEFAULT_BACKEND
from search.service import SearchInputError, clean_query, korean_query

TAXONOMY_FILTERS = {"topic": ("topics", Topic), "audience": ("audiences", Audience)}
TAXONOMY_FILTERS["district"] = ("districts", District)
FILTER_PARAMETERS = frozenset(
    [
        *TAXONOMY_FILTERS,
        "section",
        "application_status",
        "date_from",
        "date_to",
        "published_since",
    ]
)


class InvalidFilter(BadRequestError):
    """A filter value the API cannot use; the message is shown to people (Korean)."""


def parse_date(name: str, value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise InvalidFilter(
            f"'{name}' 값 '{value}'은(는) 날짜가 아닙니다. YYYY-MM-DD 형식으로 입력하세요."
        ) from error


def section_kind(value: str) -> str:
    """The `?section=` value if it names one of the portal's sections, else InvalidFilter."""
    if value not in SectionKind.values:
        choices = ", ".join(SectionKind.values)
        raise InvalidFilter(f"알 수 없는 섹션입니다: '{value}'. 가능한 값: {choices}")
    return value


def has_field(model, name: str) -> bool:
    return any(field.name == name for field in model._meta.get_fields())


def filter_on_field(queryset: QuerySet, field: str, condition: Q) -> QuerySet:
    """Apply a condition on `field`, across every page type that has it if the listing is mixed."""
    if has_field(queryset.model, field):
        return queryset.filter(condition)
    models = [model for model in get_page_models() if has_field(model, field)]
    if not models:
        return queryset.none()
    matching = Q()
    for model in models:
        matching |= Q(pk__in=model.objects.filter(condition).values("pk"))
    return queryset.filter(matching)


class PortalFilter(BaseFilterBackend):
    """The portal's own listing filters (the stock ones follow it)."""

    def filter_queryset(self, request, queryset, view):
        params = request.GET
        if "section" in params:
            queryset = self.by_section(queryset, params["section"])
        for name, (field, model) in TAXONOMY_FILTERS.items():
            if name in params:
                queryset = self.by_term(queryset, name, field, model, params[name])
        if "application_status" in params:
            queryset = self.by_application_status(queryset, params["application_status"])
        if "date_from" in params:
            day = parse_date("date_from", params["date_from"])
            queryset = filter_on_field(queryset, "date", Q(date__gte=day))
        if "date_to" in params:
            day = parse_date("date_to", params["date_to"])
            queryset = filter_on_field(queryset, "date", Q(date__lte=day))
        if "published_since" in params:
            day = parse_date("published_since", params["published_since"])
            since = timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
            queryset = queryset.filter(last_published_at__gte=since)
        return queryset

    def by_section(self, queryset, kind: str):
        section = SectionPage.objects.filter(kind=section_kind(kind)).first()
        if section is None:
            return queryset.none()
        return queryset.filter(path__startswith=section.path, depth__gt=section.depth)

    def by_term(self, queryset, name: str, field: str, model, value: str):
        slugs = [slug for slug in value.split(",") if slug]
        terms = list(model.objects.filter(slug__in=slugs))
        unknown = sorted(set(slugs) - {term.slug for term in terms})
        if unknown or not slugs:
            label = model._meta.verbose_name
            raise InvalidFilter(f"알 수 없는 {label}입니다: {', '.join(unknown) or value!r}")
        return filter_on_field(queryset, field, Q(**{f"{field}__in": terms})).distinct()

    def by_application_status(self, queryset, status: str):
        today = timezone.localdate()
        conditions = {
            ApplicationStatus.OPEN: Q(application_start__lte=today, application_end__gte=today),
            ApplicationStatus.UPCOMING: Q(application_start__gt=today),
            ApplicationStatus.CLOSED: Q(application_end__lt=today),
        }
        if status not in conditions:
            raise InvalidFilter(
                f"알 수 없는 모집 상태입니다: '{status}'. 가능한 값: open, upcoming, closed"
            )
        return filter_on_field(queryset, "application_start", conditions[status])


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
