"""Subscriptions, and each event's delivery to each subscription with its attempts."""

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils import timezone

from .signing import generate_secret
from .targets import validate_target_url


class WebhookEvent(models.TextChoices):
    PAGE_PUBLISHED = "page.published", "페이지 게시 (page.published)"
    PAGE_UNPUBLISHED = "page.unpublished", "페이지 게시 취소 (page.unpublished)"
    PAGE_DELETED = "page.deleted", "페이지 삭제 (page.deleted)"
    PAGE_PRIVACY_CHANGED = "page.privacy_changed", "공개 범위 변경 (page.privacy_changed)"
    REPORT_PDF_BUILT = "report.pdf_built", "보고서 PDF 생성 (report.pdf_built)"


class EventListField(models.JSONField):
    """A list of `WebhookEvent` values, edited as checkboxes."""

    def formfield(self, form_class=None, choices_form_class=None, **kwargs):
        return forms.MultipleChoiceField(
            choices=WebhookEvent.choices,
            widget=forms.CheckboxSelectMultiple,
            label=self.verbose_name,
            help_text=self.help_text,
        )


class Subscription(models.Model):
    """A partner's or the app's endpoint that hears about the events it chose."""

    url = models.URLField("받는 주소", max_length=500, validators=[validate_target_url])
    events = EventListField("받을 이벤트", default=list)
    secret = models.CharField(
        "서명 비밀키",
        max_length=100,
        default=generate_secret,
        help_text="whsec_로 시작하는 Standard Webhooks 비밀키. 받는 쪽에 안전하게 전달하세요.",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="담당자",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    owner_email = models.EmailField(
        "알림 받을 이메일", blank=True, help_text="비워 두면 담당자의 이메일로 보냅니다."
    )
    is_active = models.BooleanField("사용", default=True)
    consecutive_failures = models.PositiveIntegerField("연속 실패 횟수", default=0, editable=False)
    disabled_at = models.DateTimeField("자동 중지 시각", null=True, blank=True, editable=False)
    created_at = models.DateTimeField("만든 시각", auto_now_add=True)

    class Meta:
        verbose_name = "웹훅 구독"
        verbose_name_plural = "웹훅 구독"
        ordering = ["url"]

    def __str__(self) -> str:
        return self.url

    def wants(self, event_type: str) -> bool:
        return event_type in self.events

    @property
    def notify_email(self) -> str:
        return self.owner_email or (self.owner.email if self.owner else "")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "전송 대기"
    DELIVERED = "delivered", "전송 완료"
    FAILED = "failed", "재시도 포기"


class Delivery(models.Model):
    """One event for one subscription: created once, delivered until it succeeds or gives up.

    `event_id` is the `webhook-id` every attempt carries, so receivers drop repeats.
    """

    subscription = models.ForeignKey(
        Subscription, verbose_name="구독", on_delete=models.CASCADE, related_name="deliveries"
    )
    event_id = models.CharField("이벤트 ID", max_length=64)
    event_type = models.CharField("이벤트", max_length=32, choices=WebhookEvent.choices)
    payload = models.JSONField("본문")
    status = models.CharField(
        "상태", max_length=16, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempt_count = models.PositiveIntegerField("시도 횟수", default=0)
    next_attempt_at = models.DateTimeField("다음 시도", default=timezone.now, db_index=True)
    # While a worker sends, no other may; a worker killed mid-send leaves it to expire.
    lease_until = models.DateTimeField("전송 중 (만료 시각)", null=True, blank=True)
    enqueued_at = models.DateTimeField("작업 등록 시각", null=True, blank=True)
    delivered_at = models.DateTimeField("전송 완료 시각", null=True, blank=True)
    created_at = models.DateTimeField("발생 시각", default=timezone.now)

    class Meta:
        verbose_name = "웹훅 전송"
        verbose_name_plural = "웹훅 전송"
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "event_id"], name="webhooks_one_delivery_per_event"
            )
        ]

    def __str__(self) -> str:
        return f"{self.event_type} {self.event_id} → {self.subscription}"

    @admin.display(description="시도 기록")
    def attempt_log(self) -> str:
        """Each attempt on one line, for the admin's inspect view."""
        return (
            "\n".join(str(attempt) for attempt in self.attempts.all())
            or "아직 시도하지 않았습니다."
        )


class Attempt(models.Model):
    """One HTTP request of a delivery, as the receiver answered it."""

    delivery = models.ForeignKey(
        Delivery, verbose_name="전송", on_delete=models.CASCADE, related_name="attempts"
    )
    started_at = models.DateTimeField("시각", default=timezone.now)
    duration_ms = models.PositiveIntegerField("소요 시간(ms)", default=0)
    response_status = models.PositiveSmallIntegerField("응답 코드", null=True, blank=True)
    error = models.TextField("오류", blank=True)
    succeeded = models.BooleanField("성공", default=False)

    class Meta:
        verbose_name = "전송 시도"
        verbose_name_plural = "전송 시도"
        ordering = ["started_at", "id"]

    def __str__(self) -> str:
        outcome = self.response_status or self.error[:80]
        return f"{self.started_at:%Y-%m-%d %H:%M:%S} {outcome} ({self.duration_ms} ms)"
