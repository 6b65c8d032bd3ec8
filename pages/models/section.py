"""Landing pages of the six portal sections."""

from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale
from wagtail.search import index

from .base import BasePage, SectionKind


class SectionPage(BasePage):
    """A portal section (가족정보, 서울가족학교 …); its kind decides which pages it holds."""

    kind = models.CharField("섹션 종류", max_length=20, choices=SectionKind.choices)
    intro = RichTextField("소개", blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("kind"), FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = [
        "pages.ArticlePage",
        "pages.EducationProgramPage",
        "pages.EducationResourcePage",
        "pages.ReportEditionPage",
        "pages.BlogPostPage",
        "pages.CounselingFAQPage",
        "pages.NoticePage",
    ]

    class Meta:
        verbose_name = "섹션"
        verbose_name_plural = "섹션"

    def clean(self):
        super().clean()
        # One section of each kind per language tree (its translations share the kind); a
        # new page takes the default language until Wagtail gives it one on save.
        locale_id = self.locale_id or Locale.get_default().pk
        duplicate = SectionPage.objects.filter(kind=self.kind, locale_id=locale_id).exclude(
            pk=self.pk
        )
        if self.kind and duplicate.exists():
            raise ValidationError({"kind": f"'{self.get_kind_display()}' 섹션은 이미 있습니다."})
