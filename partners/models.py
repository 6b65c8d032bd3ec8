"""Partners of the portal: who may use the API with a key, and whose news the portal shows."""

from django.db import models
from django.utils import timezone
from rest_framework_api_key.models import AbstractAPIKey

from pages.models import SectionKind


class PartnerStatus(models.TextChoices):
    ACTIVE = "active", "활성"
    SUSPENDED = "suspended", "중지"


class Partner(models.Model):
    """An organisation that reads the portal's API with its own keys (e.g. 유스내비)."""

    organisation = models.CharField("기관명", max_length=150, unique=True)
    contact_name = models.CharField("담당자", max_length=100, blank=True)
    contact_email = models.EmailField("담당자 이메일", blank=True)
    status = models.CharField(
        "상태",
        max_length=20,
        choices=PartnerStatus.choices,
        default=PartnerStatus.ACTIVE,
        help_text="중지하면 이 협력기관의 모든 API 키가 거부됩니다.",
    )
    agency = models.ForeignKey(
        "pages.Agency",
        verbose_name="연결된 기관",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partners",
        help_text="포털의 기관 목록에 있는 같은 기관 (선택)",
    )
    note = models.TextField("메모", blank=True)

    class Meta:
        ordering = ["organisation"]
        verbose_name = "협력기관"
        verbose_name_plural = "협력기관"

    def __str__(self) -> str:
        return self.organisation

    @property
    def is_active(self) -> bool:
        return self.status == PartnerStatus.ACTIVE


class PartnerAPIKey(AbstractAPIKey):
    """One API key of a partner: only its hash is stored; the key itself is shown once."""

    partner = models.ForeignKey(
        Partner, verbose_name="협력기관", on_delete=models.CASCADE, related_name="api_keys"
    )
    # The library's fields, with Korean labels for the admin.
    name = models.CharField(
        "이름", max_length=50, help_text="키를 구별하는 이름 (예: 유스내비 운영 서버)"
    )
    created = models.DateTimeField("발급일", auto_now_add=True, db_index=True)
    revoked = models.BooleanField(
        "폐기",
        blank=True,
        default=False,
        help_text="폐기한 키는 다시 쓸 수 없으며 되돌릴 수 없습니다.",
    )
    expiry_date = models.DateTimeField(
        "만료일",
        blank=True,
        null=True,
        help_text="이 시각이 지나면 키를 쓸 수 없습니다. 비우면 만료되지 않습니다.",
    )

    class Meta(AbstractAPIKey.Meta):
        verbose_name = "API 키"
        verbose_name_plural = "API 키"


class APIKeyUsage(models.Model):
    """How many API requests one key made on one day (Seoul time)."""

    api_key = models.ForeignKey(
        PartnerAPIKey, verbose_name="API 키", on_delete=models.CASCADE, related_name="usage"
    )
    day = models.DateField("날짜")
    requests = models.PositiveIntegerField("요청 수", default=0)
    throttled = models.PositiveIntegerField("한도 초과 응답 수", default=0)

    class Meta:
        ordering = ["-day", "api_key"]
        constraints = [
            models.UniqueConstraint(fields=["api_key", "day"], name="partners_usage_key_day")
        ]
        verbose_name = "API 키 사용량"
        verbose_name_plural = "API 키 사용량"

    def __str__(self) -> str:
        return f"{self.api_key} {self.day}: {self.requests}"


class FeedStatus(models.TextChoices):
    NEW = "new", "아직 가져오지 않음"
    OK = "ok", "정상"
    NOT_MODIFIED = "not_modified", "변경 없음"
    HTTP_ERROR = "http_error", "HTTP 오류"
    TIMEOUT = "timeout", "시간 초과"
    UNREACHABLE = "unreachable", "연결 실패"
    MALFORMED = "malformed", "형식 오류"


class PartnerFeed(models.Model):
    """A partner agency's RSS, Atom or JSON Feed, shown as 협력기관 소식 under a section."""

    title = models.CharField("이름", max_length=150)
    url = models.URLField("피드 주소", max_length=500, unique=True)
    agency = models.ForeignKey(
        "pages.Agency", verbose_name="기관", on_delete=models.PROTECT, related_name="feeds"
    )
    section = models.CharField(
        "보여 줄 섹션", max_length=30, choices=SectionKind.choices, default=SectionKind.FAMILY_INFO
    )
    active = models.BooleanField(
        "사용", default=True, help_text="끄면 가져오지도 보여 주지도 않습니다."
    )
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)
    last_checked_at = models.DateTimeField("마지막 확인", null=True, blank=True, editable=False)
    last_success_at = models.DateTimeField("마지막 성공", null=True, blank=True, editable=False)
    last_status = models.CharField(
        "상태", max_length=20, choices=FeedStatus.choices, default=FeedStatus.NEW, editable=False
    )
    last_error = models.TextField("오류 내용", blank=True, editable=False)
    failure_count = models.PositiveIntegerField("연속 실패", default=0, editable=False)

    class Meta:
        ordering = ["title"]
        verbose_name = "협력기관 피드"
        verbose_name_plural = "협력기관 피드"

    def __str__(self) -> str:
        return self.title

    def record_failure(self, status: str, error: str) -> None:
        self.last_checked_at = timezone.now()
        self.last_status = status
        self.last_error = error[:2000]
        self.failure_count += 1
        self.save(update_fields=["last_checked_at", "last_status", "last_error", "failure_count"])


class PartnerItem(models.Model):
    """One news item imported from a partner feed; its HTML is sanitised on the way in."""

    feed = models.ForeignKey(
        PartnerFeed, verbose_name="피드", on_delete=models.CASCADE, related_name="items"
    )
    guid = models.CharField("항목 ID", max_length=500)
    title = models.CharField("제목", max_length=300)
    link = models.URLField("원문 주소", max_length=1000, blank=True)
    summary_html = models.TextField("요약", blank=True)
    published = models.DateTimeField("게시일", null=True, blank=True)
    imported_at = models.DateTimeField("가져온 시각", auto_now_add=True)
    updated_at = models.DateTimeField("갱신 시각", auto_now=True)

    class Meta:
        ordering = ["-published", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["feed", "guid"], name="partners_item_feed_guid")
        ]
        indexes = [models.Index(fields=["-published", "-id"], name="partners_item_recent")]
        verbose_name = "협력기관 소식"
        verbose_name_plural = "협력기관 소식"

    def __str__(self) -> str:
        return self.title
