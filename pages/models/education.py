"""Seoul Family School (서울가족학교): programs and the education materials they use."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from content.computed import SELF, TODAY
from pages.blocks import BaseStreamBlock
from pages.blocks.education import ApplicationQuestionsBlock
from pages.forms import EducationProgramForm

from .base import BasePage, SectionChildMixin, SectionKind, TaxonomyMixin


class ApplicationStatus(models.TextChoices):
    """Where a program's application period stands today."""

    UPCOMING = "upcoming", "모집예정"
    OPEN = "open", "모집중"
    CLOSED = "closed", "마감"


class EducationProgramPage(SectionChildMixin, TaxonomyMixin, BasePage):
    """A Seoul Family School program citizens apply for, with schedule and application period."""

    section_kind = SectionKind.FAMILY_SCHOOL
    base_form_class = EducationProgramForm

    intro = models.TextField("요약", max_length=500)
    body = StreamField(BaseStreamBlock(), verbose_name="프로그램 소개", blank=True)
    start_date = models.DateField("교육 시작일")
    end_date = models.DateField("교육 종료일")
    # How many meetings one participant attends (a 4-week course: 4). Separately recruited
    # dates, each with its own seats, are the `program_sessions` below.
    sessions = models.PositiveSmallIntegerField(
        "교육 횟수",
        default=1,
        help_text="한 신청자가 참여하는 수업 수 (예: 4주 과정이면 4). 날짜별로 따로 모집하면 "
        "아래 '모집 회차'를 추가하세요.",
    )
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
    # Online applications (applications/): seats are the capacity, then a waitlist.
    accepts_applications = models.BooleanField(
        "포털에서 신청 받기", default=False, help_text="끄면 신청 주소나 전화로 안내합니다."
    )
    waitlist_limit = models.PositiveIntegerField(
        "대기 인원 한도", default=20, help_text="정원이 찬 뒤 대기자로 받는 신청 수 (0은 대기 없음)"
    )
    max_participants = models.PositiveSmallIntegerField(
        "신청 1건당 최대 인원",
        default=1,
        validators=[MinValueValidator(1, message="1명 이상이어야 합니다.")],
        help_text="가족이 함께 참여하면 2 이상. 참여 인원만큼 정원에서 빠집니다.",
    )
    asks_children = models.BooleanField("참여 인원을 성인·아동으로 나누어 묻기", default=False)
    priority_district = models.ForeignKey(
        "pages.District",
        verbose_name="우선 모집 자치구",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    priority_days = models.PositiveSmallIntegerField(
        "우선 모집 기간(일)",
        default=0,
        help_text="신청 시작일부터 이 기간에는 우선 모집 자치구 주민만 신청할 수 있습니다.",
    )
    priority_district_only = models.BooleanField(
        "자치구 주민만 신청",
        default=False,
        help_text="켜면 신청 기간 내내 우선 모집 자치구 주민만 신청할 수 있습니다.",
    )
    application_questions = StreamField(
        ApplicationQuestionsBlock(), verbose_name="신청 질문", blank=True
    )

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
        MultiFieldPanel(
            [
                FieldPanel("accepts_applications"),
                FieldRowPanel([FieldPanel("waitlist_limit"), FieldPanel("max_participants")]),
                FieldPanel("asks_children"),
                FieldRowPanel([FieldPanel("priority_district"), FieldPanel("priority_days")]),
                FieldPanel("priority_district_only"),
                FieldPanel("application_questions"),
                InlinePanel(
                    "program_sessions",
                    label="모집 회차",
                    help_text="날짜별로 따로 모집할 때만 추가합니다. 회차마다 정원과 대기가 "
                    "따로이며, 한 사람은 한 프로그램에 한 회차만 신청할 수 있습니다.",
                ),
            ],
            heading="온라인 신청",
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
    api_field_dependencies = {
        "application_status": (TODAY,),
        # The page's own fields (seat counts are not in it: they are live, at `form`).
        "application": (SELF,),
    }

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
        if (self.priority_days or self.priority_district_only) and not self.priority_district_id:
            errors["priority_district"] = "우선 모집 기간이 있으면 자치구를 골라 주세요."
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

    def priority_period_on(self, day: date) -> bool:
        """Whether only residents of the priority district may apply on `day`."""
        if not self.priority_district_id:
            return False
        if self.priority_district_only:
            return True
        return (day - self.application_start).days < self.priority_days


class ProgramSession(Orderable):
    """One separately recruited date of a program (모집 회차): its own seats and waitlist."""

    program = ParentalKey(
        EducationProgramPage, related_name="program_sessions", on_delete=models.CASCADE
    )
    title = models.CharField("회차 이름", max_length=50, help_text="예: 1회차, 토요일 오전반")
    date = models.DateField("교육일", help_text="이 회차가 열리는 날 (하루 전 안내의 기준)")
    time_note = models.CharField("시간", max_length=100, blank=True, help_text="예: 10:00~12:00")
    capacity = models.IntegerField(
        "정원",
        validators=[MinValueValidator(0, message="정원은 0명 이상이어야 합니다.")],
    )

    panels = [
        FieldRowPanel([FieldPanel("title"), FieldPanel("date")]),
        FieldRowPanel([FieldPanel("time_note"), FieldPanel("capacity")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "모집 회차"
        verbose_name_plural = "모집 회차"

    def __str__(self) -> str:
        return self.title


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
