"""Public answers to common counseling questions (온라인 상담 FAQ)."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from .base import BasePage, SectionChildMixin, SectionKind


class CounselingCategory(models.TextChoices):
    """Counseling categories shared by citizen questions and public FAQs."""

    COUPLE = "couple", "부부"
    PARENTING = "parenting", "자녀양육"
    FAMILY_RELATIONS = "family-relations", "가족관계"
    SINGLE_PARENT = "single-parent", "한부모"
    MULTICULTURAL = "multicultural", "다문화"
    OTHER = "other", "기타"


class CounselingFAQPage(SectionChildMixin, BasePage):
    """An anonymised counseling question and its answer, published as a public FAQ."""

    section_kind = SectionKind.COUNSELING

    category = models.CharField("상담 분야", max_length=20, choices=CounselingCategory.choices)
    question = models.TextField("질문")
    answer = RichTextField("답변", features=["bold", "italic", "link", "ol", "ul"])

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("category"),
        FieldPanel("question"),
        FieldPanel("answer"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("question"),
        index.SearchField("answer"),
        index.FilterField("category"),
    ]

    subpage_types = []

    class Meta:
        verbose_name = "상담 FAQ"
        verbose_name_plural = "상담 FAQ"
