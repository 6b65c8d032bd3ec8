"""Seoul Family School (서울가족학교): programs and the education materials they use."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from api.serializers import (
    ChoiceLabelField,
    DocumentListField,
    PageLinkField,
    RelatedObjectField,
)
from content.computed import SELF, TODAY
from pages.blocks import BaseStreamBlock

from .base import BasePage, SectionChildMixin, SectionKind, TaxonomyMixin


class ApplicationStatus(models.TextChoices):
    """Where a program's application period stands today."""

    UPCOMING = "upcoming", "모집예정"
    OPEN = "open", "모집중"
    CLOSED = "closed", "마감"


class EducationProgramPage(SectionChildMixin, TaxonomyMixin, BasePage):
    """A Seoul Family School program citizens apply for, with schedule and application period."""

    section_kind = SectionKind.FAMILY_SCHOOL

    intro = models.TextField("요약", max_length=500)
    body = StreamField(BaseStreamBlock(), verbose_name="프로그램 소개", blank=True)
    start_date = models.DateField("교육 시작일")
    end_date = models.DateField("교육 종료일")
    sessions = models.PositiveSmallIntegerField("회차", default=1)
    schedule_note = models.CharField(
        "일정 안내", max_length=200, blank=True, help_text="예: 매주 토요일 10:00~12:00"
    )
    is_online = models.BooleanField("온라인 교육", default=False)
    venue = models.CharField("장소", max_length=200, blank=True)
    capacity = models.IntegerField(
        "정원",
        validators=[MinValueValidator(0, message="정원은 0명 이상이어야 합니다.")],
    )
    fee = models.PositiveIntegerField("참가비(원)", default=0, help_text="무료는 0")
    application_start = models.DateField("신청 시작일")
    application_end = models.DateField("신청 마감일")
    organizer = models.ForeignKey(
        "pages.Agency",
        verbose_name="운영 기관",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    application_url = models.URLField("신청 주소", blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        *TaxonomyMixin.taxonomy_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel([FieldPanel("sessions"), FieldPanel("schedule_note")]),
                FieldRowPanel([FieldPanel("is_online"), FieldPanel("venue")]),
            ],
            heading="일정과 장소",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("fee")]),
                FieldRowPanel([FieldPanel("application_start"), FieldPanel("application_end")]),
                FieldPanel("application_url"),
                FieldPanel("organizer"),
            ],
            heading="모집",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.FilterField("application_start"),
        index.FilterField("application_end"),
        *TaxonomyMixin.taxonomy_search_fields,
    ]
    # Open, upcoming or closed as of today: cached answers are kept per day.
    api_field_dependencies = {"application_status": (TODAY,)}
    api_fields = [
        APIField("intro"),
        APIField("body"),
        *TaxonomyMixin.taxonomy_api_fields,
        APIField("start_date"),
        APIField("end_date"),
        APIField("sessions"),
        APIField("schedule_note"),
        APIField("is_online"),
        APIField("venue"),
        APIField("capacity"),
        APIField("fee"),
        APIField("application_start"),
        APIField("application_end"),
        APIField("application_status", serializer=ChoiceLabelField(ApplicationStatus.choices)),
        APIField("application_url"),
        APIField("organizer", serializer=RelatedObjectField()),
    ]

    subpage_types = []

    class Meta:
        verbose_name = "교육 프로그램"
        verbose_name_plural = "교육 프로그램"

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "교육 종료일은 시작일보다 빠를 수 없습니다."
        if (
            self.application_start
            and self.application_end
            and self.application_end < self.application_start
        ):
            errors["application_end"] = "신청 마감일은 신청 시작일보다 빠를 수 없습니다."
        if self.capacity is not None and self.capacity < 0:
            errors["capacity"] = "정원은 0명 이상이어야 합니다."
        if not self.is_online and not self.venue:
            errors["venue"] = "오프라인 교육은 장소를 입력해야 합니다."
        if errors:
            raise ValidationError(errors)

    def application_status_on(self, day: date) -> ApplicationStatus:
        """The application status on a given day (모집예정/모집중/마감)."""
        if day < self.application_start:
            return ApplicationStatus.UPCOMING
        if day <= self.application_end:
            return ApplicationStatus.OPEN
        return ApplicationStatus.CLOSED

    @property
    def application_status(self) -> ApplicationStatus:
        return self.application_status_on(timezone.localdate())


class ResourceType(models.TextChoices):
    DOCUMENT = "document", "문서"
    VIDEO = "video", "영상"
    WORKSHEET = "worksheet", "활동지"


class EducationResourcePage(SectionChildMixin, TaxonomyMixin, BasePage):
    """Shared education material (documents, videos, worksheets), optionally tied to a program."""

    section_kind = SectionKind.FAMILY_SCHOOL

    resource_type = models.CharField("자료 유형", max_length=20, choices=ResourceType.choices)
    age_range = models.CharField(
        "대상 연령", max_length=100, blank=True, help_text="예: 만 3~5세 자녀"
    )
    description = RichTextField("설명", features=["bold", "italic", "link", "ol", "ul"])
    video_url = models.URLField("영상 주소", blank=True)
    program = models.ForeignKey(
        "pages.EducationProgramPage",
        verbose_name="관련 프로그램",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("resource_type"),
        FieldPanel("description"),
        FieldPanel("age_range"),
        *TaxonomyMixin.taxonomy_panels,
        InlinePanel("downloads", label="내려받기 파일"),
        FieldPanel("video_url"),
        FieldPanel("program"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.FilterField("resource_type"),
        *TaxonomyMixin.taxonomy_search_fields,
    ]
    api_field_dependencies = {"downloads": (SELF,)}  # inline rows saved with the page
    api_fields = [
        APIField("resource_type", serializer=ChoiceLabelField(ResourceType.choices)),
        APIField("description"),
        APIField("age_range"),
        *TaxonomyMixin.taxonomy_api_fields,
        APIField("downloads", serializer=DocumentListField()),
        APIField("video_url"),
        APIField("program", serializer=PageLinkField(source="program_id")),
    ]

    subpage_types = []

    class Meta:
        verbose_name = "교육 자료"
        verbose_name_plural = "교육 자료"

    def clean(self):
        super().clean()
        if self.resource_type == ResourceType.VIDEO and not self.video_url:
            raise ValidationError({"video_url": "영상 자료는 영상 주소를 입력해야 합니다."})


class ResourceDownload(Orderable):
    """A file attached to an education resource."""

    resource = ParentalKey(
        EducationResourcePage, related_name="downloads", on_delete=models.CASCADE
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="문서", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField("표시 제목", max_length=150, blank=True)

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "내려받기 파일"
