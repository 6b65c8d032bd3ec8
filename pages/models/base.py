"""The abstract base every portal page builds on, composed of small mixins."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index
from wagtail_headless_preview.models import HeadlessMixin

from content.locales import field_key
from pages import extensions
from pages.forms import PortalPageForm
from pages.licences import INHERIT, PAGE_LICENCE_CHOICES, page_licence
from pages.widgets import SearchableCheckboxes


class SectionKind(models.TextChoices):
    """The six portal sections; each decides which page types may live under it."""

    FAMILY_INFO = "family-info", "가족정보"
    FAMILY_SCHOOL = "family-school", "서울가족학교"
    REPORT = "report", "가족보고서"
    BLOG = "blog", "가족 블로그단"
    COUNSELING = "counseling", "온라인 상담"
    NOTICE = "notice", "알림마당"


class BasePage(HeadlessMixin, Page):
    """Shared behaviour of all portal pages: Korean search fields and an API summary.

    Pages have no templates: `HeadlessMixin` sends visitors of a page URL to the
    frontend and editors' previews to the frontend's preview route. The fields each page
    type shows in the content API (`api_fields`) are declared in api/page_fields.py.
    """

    search_fields = [
        *Page.search_fields,
        index.SearchField("search_description"),
        # Korean morphemes of the page, so 가족 finds "가족을 위한 상담" on every engine;
        # per part, so that citizens' search weighs the title above the summary and body.
        # The engines index these terms as they are ("portal_terms": split on spaces only).
        index.SearchField("korean_title", es_extra={"analyzer": "portal_terms"}),
        index.SearchField("korean_summary", es_extra={"analyzer": "portal_terms"}),
        index.SearchField("korean_body", es_extra={"analyzer": "portal_terms"}),
        # The text of a page in another language, for the engines' own analyzer of each
        # language (a sub-field per language, "portal_<code>": smartcn, folding, stemming);
        # empty for Korean pages, which nori reads from their own fields.
        index.SearchField(
            "native_text",
            es_extra={
                "analyzer": "standard",
                "fields": {
                    field_key(code): {"type": "text", "analyzer": f"portal_{field_key(code)}"}
                    for code, _ in settings.WAGTAIL_CONTENT_LANGUAGES
                    if code != settings.LANGUAGE_CODE
                },
            },
        ),
    ]

    licence = models.CharField(
        "공공누리 유형",
        max_length=10,
        choices=PAGE_LICENCE_CHOICES,
        blank=True,
        default=INHERIT,
        help_text="비워 두면 상위 페이지(섹션)의 유형을 따릅니다. 시민이 쓴 글처럼 시가 "
        "개방할 권리가 없는 저작물은 '공공누리 미적용'을 고르세요.",
    )
    settings_panels = [*Page.settings_panels, FieldPanel("licence")]

    base_form_class = PortalPageForm

    class Meta:
        abstract = True

    @property
    def licence_code(self) -> str:
        """The 공공누리 type that applies: this page's own, or its nearest ancestor's."""
        return page_licence(self)

    def korean_title(self) -> str:
        return extensions.korean_text(self, "title")

    def korean_summary(self) -> str:
        return extensions.korean_text(self, "summary")

    def korean_body(self) -> str:
        return extensions.korean_text(self, "body")

    def native_text(self) -> str:
        return extensions.korean_text(self, "native")


class SectionChildMixin:
    """Limits a page type to the portal section of the matching kind.

    Wagtail's `parent_page_types` works per model, but all six sections share one
    model, so the section's `kind` decides what editors may add beneath it.
    """

    parent_page_types = ["pages.SectionPage"]
    section_kind: SectionKind

    @classmethod
    def can_create_at(cls, parent) -> bool:
        if not super().can_create_at(parent):
            return False
        return getattr(parent.specific_deferred, "kind", None) == cls.section_kind


class TaxonomyMixin(models.Model):
    """Topic, audience and district tags used by listings, filters and search facets."""

    topics = ParentalManyToManyField(
        "pages.Topic", verbose_name="주제", blank=True, related_name="+"
    )
    audiences = ParentalManyToManyField(
        "pages.Audience", verbose_name="대상", blank=True, related_name="+"
    )
    districts = ParentalManyToManyField(
        "pages.District", verbose_name="자치구", blank=True, related_name="+"
    )

    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=SearchableCheckboxes),
                FieldPanel("audiences", widget=SearchableCheckboxes),
                FieldPanel("districts", widget=SearchableCheckboxes),
            ],
            heading=_("분류"),
        )
    ]
    taxonomy_search_fields = [
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("audiences", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("districts", [index.SearchField("name"), index.FilterField("slug")]),
    ]
    # Many-to-many: a renamed term changes the pages tagged with it (content.computed).
    api_field_dependencies = {
        "topics": ("pages.topic",),
        "audiences": ("pages.audience",),
        "districts": ("pages.district",),
    }

    class Meta:
        abstract = True
