"""The one filter vocabulary of the portal: listings, search, sync, feeds and `import_pages`.

- `type`: `app.Model`, the model name or its Korean name (`pages.ArticlePage`, `article`).
- `section`: the section's kind, Korean name or page slug (`family-info`, `가족정보`).
- `topic`, `audience`, `district`: slugs or Korean names, comma-separated; singular/plural
  and districts without `-gu` are accepted (`single-parent`, `한부모`, `jongno`, `종로구`).
- `date_from`, `date_to` (the page's own date), `published_since`: `YYYY-MM-DD`.
- `application_status`: `open`, `upcoming`, `closed`.
- `locale`: a content language code (`ko`).

Every value a person or client can get wrong raises `InvalidFilter` with a Korean message.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Case, Q, QuerySet, When
from django.utils import timezone
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale, Page, get_page_models

from content.locales import unknown_language_message
from content.text import normalise_text
from pages.models import ApplicationStatus, SectionKind, SectionPage
from pages.snippets import Audience, District, Topic

# Filter name → (page field, term model).
TAXONOMIES = {"topic": ("topics", Topic), "audience": ("audiences", Audience)}
TAXONOMIES["district"] = ("districts", District)
DATE_FILTERS = ("date_from", "date_to", "published_since")
FILTER_NAMES = frozenset(
    ["type", "section", *TAXONOMIES, *DATE_FILTERS, "application_status", "locale"]
)


class InvalidFilter(BadRequestError):
    """A filter value that cannot be used; the message is shown to people (Korean)."""


# Single values ------------------------------------------------------------------------------


def resolve_page_type(value: str) -> type[Page]:
    """`pages.ArticlePage`, `ArticlePage`, `article`, `articlepage` or the Korean name."""
    wanted = value.strip().lower()
    for model in get_page_models():
        names = {
            model._meta.label_lower,
            model.__name__.lower(),
            model._meta.model_name,
            model._meta.model_name.removesuffix("page"),
            str(model._meta.verbose_name).lower(),
        }
        if wanted in names:
            return model
    raise InvalidFilter(f"알 수 없는 페이지 유형입니다: '{value}'")


def resolve_section(value: str, sections=None, language: str = "") -> SectionPage:
    """A portal section by its kind (`family-info`), Korean name (`가족정보`) or page slug, in
    `language`'s tree (Korean by default; a section not translated yet is the Korean one)."""
    wanted = value.strip()
    if sections is None:
        language = language or settings.LANGUAGE_CODE
        sections = SectionPage.objects.filter(
            locale__language_code__in=[language, settings.LANGUAGE_CODE]
        ).order_by(Case(When(locale__language_code=language, then=0), default=1))
    candidates = list(sections)
    kinds = {kind.value: kind for kind in SectionKind}
    kinds.update({str(kind.label): kind for kind in SectionKind})
    kind = kinds.get(wanted) or kinds.get(wanted.lower())
    for section in candidates:
        if section.slug == wanted or (kind is not None and section.kind == kind):
            return section
    for section in candidates:
        if section.title == wanted:
            return section
    choices = ", ".join(SectionKind.values)
    raise InvalidFilter(f"알 수 없는 섹션입니다: '{value}'. 가능한 값: {choices}")


def resolve_section_kind(value: str) -> str:
    """A section's kind (`family-info`) from its kind, Korean name or page slug, whether or
    not the section page exists yet (partner feeds name kinds)."""
    wanted = value.strip()
    for kind in SectionKind:
        if wanted in (kind.value, str(kind.label)):
            return kind.value
    return resolve_section(value).kind


def slug_variants(value: str) -> list[str]:
    """The spellings people reach for: singular/plural and a district without `-gu`."""
    value = value.strip().lower()
    variants = [value, value.removesuffix("s"), value + "s", value + "-gu"]
    return list(dict.fromkeys(variant for variant in variants if variant))


def resolve_terms(name: str, value: str) -> list:
    """Terms of taxonomy `name` for a comma-separated list of slugs or Korean names."""
    _, model = TAXONOMIES[name]
    wanted = [part.strip() for part in value.split(",") if part.strip()]
    if not wanted:
        raise InvalidFilter(f"{model._meta.verbose_name} 값이 비었습니다.")
    terms, unknown = [], []
    for part in wanted:
        term = (
            model.objects.filter(slug__in=slug_variants(part)).order_by("slug").first()
            or model.objects.filter(name=part).first()
        )
        if term is None:
            unknown.append(part)
        else:
            terms.append(term)
    if unknown:
        raise InvalidFilter(f"알 수 없는 {model._meta.verbose_name}입니다: {', '.join(unknown)}")
    return terms


def parse_date(name: str, value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value.strip())
    except ValueError as error:
        raise InvalidFilter(
            f"'{name}' 값 '{value}'은(는) 날짜가 아닙니다. YYYY-MM-DD 형식으로 입력하세요."
        ) from error


def resolve_locale(value: str) -> Locale:
    locale = Locale.objects.filter(language_code=value.strip()).first()
    if locale is None:
        raise InvalidFilter(unknown_language_message(value))
    return locale


def application_condition(status: str) -> Q:
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
    return conditions[status]


# A whole filter -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ContentFilter:
    """A parsed set of filters; `apply` narrows any page queryset by them."""

    page_type: type[Page] | None = None
    section: SectionPage | None = None
    terms: dict[str, list] = field(default_factory=dict)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    published_since: datetime.date | None = None
    application_status: str = ""
    locale: Locale | None = None

    @classmethod
    def from_params(cls, params: Mapping[str, str], names=FILTER_NAMES) -> "ContentFilter":
        """Parse the filters among `params` (only `names`; others are the caller's)."""
        # Spellings as editors wrote them: NFC, no control characters (PostgreSQL refuses NUL
        # in any query), ASCII letters for full-width ones.
        params = {name: normalise_text(params[name]) for name in names if name in params}

        def given(name: str) -> bool:
            # Present but empty is a mistake worth a message, not "no filter".
            return name in names and name in params

        dates = {name: parse_date(name, params[name]) for name in DATE_FILTERS if given(name)}
        if given("application_status"):
            application_condition(params["application_status"])
        return cls(
            page_type=resolve_page_type(params["type"]) if given("type") else None,
            section=(
                resolve_section(params["section"], language=params.get("locale", "").strip())
                if given("section")
                else None
            ),
            terms={name: resolve_terms(name, params[name]) for name in TAXONOMIES if given(name)},
            application_status=params["application_status"] if given("application_status") else "",
            locale=resolve_locale(params["locale"]) if given("locale") else None,
            **dates,
        )

    def apply(self, queryset: QuerySet) -> QuerySet:
        if self.page_type is not None and not issubclass(queryset.model, self.page_type):
            queryset = queryset.type(self.page_type)
        if self.section is not None:
            queryset = queryset.filter(
                path__startswith=self.section.path, depth__gt=self.section.depth
            )
        for name, terms in self.terms.items():
            page_field, _ = TAXONOMIES[name]
            queryset = on_field(queryset, page_field, Q(**{f"{page_field}__in": terms}))
            queryset = queryset.distinct()
        if self.application_status:
            condition = application_condition(self.application_status)
            queryset = on_field(queryset, "application_start", condition)
        if self.date_from:
            queryset = on_field(queryset, "date", Q(date__gte=self.date_from))
        if self.date_to:
            queryset = on_field(queryset, "date", Q(date__lte=self.date_to))
        if self.published_since:
            since = datetime.datetime.combine(self.published_since, datetime.time.min)
            queryset = queryset.filter(last_published_at__gte=timezone.make_aware(since))
        if self.locale is not None:
            queryset = queryset.filter(locale=self.locale)
        return queryset


def has_field(model, name: str) -> bool:
    return any(model_field.name == name for model_field in model._meta.get_fields())


def on_field(queryset: QuerySet, field_name: str, condition: Q) -> QuerySet:
    """Apply a condition on `field_name`, across every page type that has it if the queryset
    mixes types; none match if no type has it."""
    if has_field(queryset.model, field_name):
        return queryset.filter(condition)
    models = [model for model in get_page_models() if has_field(model, field_name)]
    if not models:
        return queryset.none()
    matching = Q()
    for model in models:
        matching |= Q(pk__in=model.objects.filter(condition).values("pk"))
    return queryset.filter(matching)
