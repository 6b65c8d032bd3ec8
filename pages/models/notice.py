"""Announcements (공지사항) in the 알림마당 section."""

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from content.computed import SELF

from .base import BasePage, SectionChildMixin, SectionKind


class NoticePage(SectionChildMixin, BasePage):
    """An official notice; pinned notices also appear on the home page."""

    section_kind = SectionKind.NOTICE

    date = models.DateField("게시일", default=timezone.localdate)
    pinned = models.BooleanField("상단 고정", default=False)
    urgent = models.BooleanField(
        "긴급 공지",
        default=False,
        help_text="게시하면 이 공지에 맞는 구독자 모두에게 바로 알림을 보냅니다(모아 보내기 제외).",
    )
    body = RichTextField("내용", features=["bold", "italic", "link", "document-link", "ol", "ul"])

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("pinned"),
        FieldPanel("urgent"),
        FieldPanel("body"),
        InlinePanel("attachments", label="첨부파일"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("pinned"),
    ]
    api_field_dependencies = {"attachments": (SELF,)}  # inline rows saved with the page

    subpage_types = []

    class Meta:
        verbose_name = "공지사항"
        verbose_name_plural = "공지사항"


class NoticeAttachment(Orderable):
    """A file attached to a notice (application forms, guidelines …)."""

    notice = ParentalKey(NoticePage, related_name="attachments", on_delete=models.CASCADE)
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="문서", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = "첨부파일"
