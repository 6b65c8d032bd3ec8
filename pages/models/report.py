"""The annual family report '희망서울, 행복가족': yearly editions and their chapters."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from content.computed import SELF
from pages.blocks import DataSourceBlock, ReportStreamBlock
from pages.forms import PortalPageForm

from .base import BasePage, SectionChildMixin, SectionKind


class ReportEditionPage(SectionChildMixin, BasePage):
    """One yearly edition of the printed report; its chapters are its child pages."""

    section_kind = SectionKind.REPORT

    year = models.PositiveSmallIntegerField(
        "발간 연도",
        validators=[
            MinValueValidator(2015, message="발간 연도는 2015년 이후여야 합니다."),
            MaxValueValidator(2100, message="발간 연도가 올바르지 않습니다."),
        ],
    )
    edition_number = models.CharField("발간 차수", max_length=20, help_text="예: 제3차")
    publication_date = models.DateField("발간일", null=True, blank=True)
    print_run = models.PositiveIntegerField("발간 부수", default=500, help_text="예: 500부")
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="표지 이미지",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    summary = RichTextField("요약", features=["bold", "italic", "link", "ol", "ul"])
    contributing_agencies = ParentalManyToManyField(
        "pages.Agency", verbose_name="자료 제공 기관", blank=True, related_name="+"
    )
    # The print edition (report_print/): the book the city prints from this edition.
    foreword = RichTextField(
        "발간사",
        features=["bold", "italic", "ol", "ul"],
        blank=True,
        help_text="비우면 요약을 씁니다.",
    )
    page_size = models.CharField(
        "판형",
        max_length=10,
        choices=[("a4", "A4 (210×297mm)"), ("4x6", "4×6배판 (188×257mm)")],
        default="a4",
    )
    print_bleed = models.BooleanField(
        "재단 여백과 재단선",
        default=False,
        help_text="인쇄소용: 사방 3mm 재단 여백(도련)과 재단선(크롭 마크)을 넣습니다.",
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("year"), FieldPanel("edition_number")]),
                FieldRowPanel([FieldPanel("publication_date"), FieldPanel("print_run")]),
            ],
            heading="발간 정보",
        ),
        FieldPanel("cover_image"),
        FieldPanel("summary"),
        FieldPanel("contributing_agencies"),
        MultiFieldPanel(
            [
                FieldPanel("foreword"),
                FieldRowPanel([FieldPanel("page_size"), FieldPanel("print_bleed")]),
            ],
            heading="인쇄본",
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.FilterField("year"),
    ]
    api_field_dependencies = {
        # Many-to-many: a renamed agency changes the editions it contributed to.
        "contributing_agencies": ("pages.agency",),
        # The print build announces the edition itself (PDF_BUILT).
        "print_pdf": (SELF,),
    }

    subpage_types = ["pages.ReportChapterPage"]

    class Meta:
        verbose_name = "가족보고서 발간호"
        verbose_name_plural = "가족보고서 발간호"

    def clean(self):
        super().clean()
        if self.year is None:
            return
        duplicate = ReportEditionPage.objects.filter(year=self.year).exclude(pk=self.pk)
        if duplicate.exists():
            raise ValidationError({"year": f"{self.year}년 보고서는 이미 있습니다."})


def duplicate_chapter_error(parent, chapter_number, exclude_pk=None) -> ValidationError | None:
    """The Korean error for a chapter number already used under the same edition, if any."""
    siblings = ReportChapterPage.objects.child_of(parent).exclude(pk=exclude_pk)
    if siblings.filter(chapter_number=chapter_number).exists():
        return ValidationError(
            {"chapter_number": f"이 발간호에 제{chapter_number}장이 이미 있습니다."}
        )
    return None


class ReportChapterForm(PortalPageForm):
    """Checks chapter numbers of new chapters, whose parent only the form knows."""

    def clean(self):
        cleaned_data = super().clean()
        number = cleaned_data.get("chapter_number")
        if self.instance.pk is None and self.parent_page and number is not None:
            error = duplicate_chapter_error(self.parent_page, number)
            if error:
                self.add_error(None, error)
        return cleaned_data


class ReportChapterPage(BasePage):
    """One chapter of a report edition, with text, statistics tables, chart data and findings."""

    chapter_number = models.PositiveSmallIntegerField(
        "장 번호", validators=[MinValueValidator(1, message="장 번호는 1 이상이어야 합니다.")]
    )
    summary = models.TextField("요약", max_length=600, blank=True)
    body = StreamField(ReportStreamBlock(), verbose_name="본문")
    data_sources = StreamField(
        [("source", DataSourceBlock())], verbose_name="자료 출처", blank=True
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("chapter_number"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("data_sources"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("chapter_number"),
    ]

    parent_page_types = ["pages.ReportEditionPage"]
    subpage_types = []
    base_form_class = ReportChapterForm

    class Meta:
        verbose_name = "가족보고서 장"
        verbose_name_plural = "가족보고서 장"

    def clean(self):
        super().clean()
        if self.pk is None or self.chapter_number is None:
            return
        error = duplicate_chapter_error(self.get_parent(), self.chapter_number, exclude_pk=self.pk)
        if error:
            raise error
