"""What the print edition stores: each edition's built PDF and where its copies go."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models


class EditionPrint(models.Model):
    """The public PDF of one live edition, rebuilt when its live content changes.

    `content_key` fingerprints everything the PDF shows (edition and chapter revisions,
    the data fed to the typesetter, the template and fonts), so the same content is
    never typeset twice.
    """

    edition = models.OneToOneField(
        "pages.ReportEditionPage",
        verbose_name="발간호",
        on_delete=models.CASCADE,
        related_name="print_pdf",
    )
    file = models.FileField("PDF", upload_to="print/")
    size = models.PositiveIntegerField("크기(바이트)")
    page_count = models.PositiveIntegerField("쪽수")
    content_key = models.CharField("내용 지문", max_length=64)
    revisions = models.JSONField("반영한 리비전", default=dict)
    built_at = models.DateTimeField("생성 시각")
    build_seconds = models.FloatField("생성 시간(초)", default=0)

    class Meta:
        verbose_name = "가족보고서 인쇄본 PDF"
        verbose_name_plural = "가족보고서 인쇄본 PDF"

    def __str__(self) -> str:
        return f"{self.edition} PDF ({self.page_count}쪽)"


class RecipientKind(models.TextChoices):
    DEPARTMENT = "department", "본청 부서"
    DISTRICT = "district", "자치구"
    OTHER = "other", "기타 기관"


class DistributionRecipient(models.Model):
    """One place printed copies of an edition go: a city department or a district office."""

    edition = models.ForeignKey(
        "pages.ReportEditionPage",
        verbose_name="발간호",
        on_delete=models.CASCADE,
        related_name="distribution",
    )
    kind = models.CharField("구분", max_length=20, choices=RecipientKind.choices)
    name = models.CharField("받는 곳", max_length=100)
    district = models.ForeignKey(
        "pages.District",
        verbose_name="자치구",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    copies = models.PositiveIntegerField(
        "부수", validators=[MinValueValidator(1, message="부수는 1부 이상이어야 합니다.")]
    )
    address = models.CharField("주소", max_length=200, blank=True)
    contact = models.CharField("담당자·연락처", max_length=100, blank=True)
    sort_order = models.PositiveIntegerField("순서", default=0)

    class Meta:
        ordering = ["sort_order", "id"]
        verbose_name = "배포처"
        verbose_name_plural = "배포처"
        constraints = [
            models.UniqueConstraint(fields=["edition", "name"], name="unique_recipient_per_edition")
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.copies}부"

    def clean(self) -> None:
        if self.kind == RecipientKind.DISTRICT and self.district_id is None:
            raise ValidationError({"district": "자치구 배포처는 자치구를 골라야 합니다."})


class BuildStatus(models.TextChoices):
    RUNNING = "running", "만드는 중"
    BUILT = "built", "완료"
    FAILED = "failed", "실패"


class EditionBuild(models.Model):
    """The latest build of an edition's public PDF: running, built, or failed and why.

    Which process is running the build is its task lease, `print-edition:<id>`
    (report_print/builds.py), so the print worker and `build_print_editions` never typeset one
    edition at the same time, and a build whose process died is taken over.
    """

    edition = models.OneToOneField(
        "pages.ReportEditionPage",
        verbose_name="발간호",
        on_delete=models.CASCADE,
        related_name="print_build",
    )
    status = models.CharField("상태", max_length=10, choices=BuildStatus.choices)
    reason = models.TextField("실패 사유", blank=True)
    # Claims in a row that never finished (their process died): bounded retries.
    attempts = models.PositiveSmallIntegerField("연속 시도 횟수", default=0)
    # Someone asked for the edition while it was being typeset: look again when done.
    rerun = models.BooleanField("다시 확인 요청", default=False)
    started_at = models.DateTimeField("시작 시각")
    finished_at = models.DateTimeField("끝난 시각", null=True, blank=True)

    class Meta:
        verbose_name = "가족보고서 인쇄본 생성 기록"
        verbose_name_plural = "가족보고서 인쇄본 생성 기록"

    def __str__(self) -> str:
        return f"{self.edition} 인쇄본 생성: {self.get_status_display()}"
