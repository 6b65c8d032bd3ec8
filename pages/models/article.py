"""Family information articles (가족정보)."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from pages.blocks import BaseStreamBlock, LinkBlock

from .base import BasePage, SectionChildMixin, SectionKind, TaxonomyMixin


class ArticlePage(SectionChildMixin, TaxonomyMixin, BasePage):
    """An article of family information: what a service is, who it is for, whom to ask."""

    section_kind = SectionKind.FAMILY_INFO

    intro = models.TextField("요약", max_length=500)
    body = StreamField(BaseStreamBlock(), verbose_name="본문", blank=True)
    related_links = StreamField([("link", LinkBlock())], verbose_name="관련 링크", blank=True)
    agency = models.ForeignKey(
        "pages.Agency",
        verbose_name="담당 기관",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact = models.CharField(
        "문의처", max_length=200, blank=True, help_text="예: 서울시 가족담당관 02-2133-0000"
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        *TaxonomyMixin.taxonomy_panels,
        FieldPanel("related_links"),
        MultiFieldPanel([FieldPanel("agency"), FieldPanel("contact")], heading="문의"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        *TaxonomyMixin.taxonomy_search_fields,
    ]

    subpage_types = []

    class Meta:
        verbose_name = "가족정보 글"
        verbose_name_plural = "가족정보 글"
