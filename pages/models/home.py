"""The portal's root page."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable

from content.computed import SELF

from .base import BasePage


class HomePage(BasePage):
    """서울시 패밀리 포털's front page: a hero, hand-picked featured content and pinned notices."""

    hero_title = models.CharField("대표 문구", max_length=120)
    hero_text = models.TextField("소개 문구", blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="대표 이미지",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_text"), FieldPanel("hero_image")],
            heading="대표 영역",
        ),
        InlinePanel("featured_items", label="추천 콘텐츠", max_num=8),
    ]
    api_field_dependencies = {
        "featured_items": (SELF,),  # inline rows; their pages are in the reference index
        "pinned_notices": ("pages.noticepage",),  # a query over every notice
    }

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.SectionPage"]
    max_count = 1

    class Meta:
        verbose_name = "포털 홈"
        verbose_name_plural = "포털 홈"

    @property
    def pinned_notices(self):
        """Live notices flagged as pinned, newest first."""
        from .notice import NoticePage

        return NoticePage.objects.live().public().filter(pinned=True).order_by("-date")


class HomeFeaturedItem(Orderable):
    """One hand-picked page shown in the home page's featured area."""

    home = ParentalKey(HomePage, related_name="featured_items", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="페이지", on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = "추천 콘텐츠"
