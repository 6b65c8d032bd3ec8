"""Subscriber lists, subscribers on three channels, and the log of what was sent to whom.

A `SubscriberList` is one combination of filters from the portal's vocabulary (topic,
audience, district, section, content type), shared by everyone who picks the same one. A
`Subscriber` is one address: an e-mail address, a browser's push subscription or an app's
device token, kept encrypted (infra/crypto.py) and found by a keyed hash. An `Alert` is
one change worth telling people about; a `Delivery` its message to one subscriber (unique,
so several matching lists still give one message).
"""

import secrets

from django.contrib import admin
from django.db import models
from django.utils import timezone

from infra.crypto import EncryptedTextField


class Channel(models.TextChoices):
    EMAIL = "email", "이메일"
    WEB_PUSH = "webpush", "웹 푸시"
    APP = "app", "앱 푸시"


class Frequency(models.TextChoices):
    IMMEDIATE = "immediate", "바로"
    DAILY = "daily", "하루 한 번 모아서"
    WEEKLY = "weekly", "일주일에 한 번 모아서"


class SubscriberList(models.Model):
    """One combination of filters; `key` is the hash of its canonical criteria."""

    key = models.CharField(max_length=64, unique=True, editable=False)
    criteria = models.JSONField("조건", default=dict)
    title = models.CharField("이름", max_length=300)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "구독 목록"
        verbose_name_plural = "구독 목록"

    def __str__(self) -> str:
        return self.title


def new_manage_key() -> str:
    return secrets.token_urlsafe(16)


class Subscriber(models.Model):
    """One e-mail address, browser push subscription or app installation."""

    channel = models.CharField("채널", max_length=10, choices=Channel.choices)
    # A keyed hash of the normalised address: finds a subscriber without decrypting anyone.
    address_hash = models.CharField(max_length=64, editable=False)
    # The e-mail address, the push subscription (JSON) or the device token (JSON), encrypted.
    address = EncryptedTextField("주소")
    frequency = models.CharField(
        "받는 방식", max_length=10, choices=Frequency.choices, default=Frequency.IMMEDIATE
    )
    # A content language (content/locales.py): messages name the page in it when its
    # translation is public, the Korean page otherwise. Set by the latest subscribe request.
    language = models.CharField("언어", max_length=10, default="ko")
    confirmed_at = models.DateTimeField("확인 시각", null=True, blank=True)
    # Part of every signed manage/unsubscribe link: deleting the subscriber revokes them all.
    manage_key = models.CharField(max_length=32, default=new_manage_key, editable=False)
    last_digest_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    lists: "models.ManyToManyField[SubscriberList, Subscription]" = models.ManyToManyField(
        SubscriberList, through="Subscription", related_name="+"
    )

    class Meta:
        verbose_name = "구독자"
        verbose_name_plural = "구독자"
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "address_hash"], name="subscriber_unique_address"
            )
        ]

    def __str__(self) -> str:
        # Never the address: admin screens and logs show only the channel and number.
        return f"{self.get_channel_display()} 구독자 #{self.pk}"


class Subscription(models.Model):
    """A subscriber on a list; e-mail subscriptions count once their link is confirmed."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    subscriber_list = models.ForeignKey(
        SubscriberList, on_delete=models.CASCADE, related_name="subscriptions"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "구독"
        verbose_name_plural = "구독"
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "subscriber_list"], name="subscription_unique_list"
            )
        ]

    def __str__(self) -> str:
        return f"구독자 #{self.subscriber_id} → 목록 #{self.subscriber_list_id}"


class AlertKind(models.TextChoices):
    FIRST_PUBLISH = "first_publish", "새 콘텐츠"
    MAJOR_CHANGE = "major_change", "중요한 변경"
    PROGRAM_OPEN = "program_open", "프로그램 신청 시작"
    URGENT_NOTICE = "urgent_notice", "긴급 공지"


class Alert(models.Model):
    """One change worth a message: the sent-messages log, with its delivery counts."""

    kind = models.CharField("종류", max_length=20, choices=AlertKind.choices)
    # Makes a trigger idempotent: "first:12", "major:12:345", "open:12:2026-03-02" …
    dedup_key = models.CharField(max_length=100, unique=True, editable=False)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField("제목", max_length=255)
    note = models.TextField("변경 내용", blank=True)
    url = models.URLField("주소", max_length=500)
    list_ids = models.JSONField(default=list)
    created_at = models.DateTimeField("만든 시각", default=timezone.now)
    fanned_out_at = models.DateTimeField("발송 대상 확정", null=True, blank=True)

    class Meta:
        verbose_name = "보낸 알림"
        verbose_name_plural = "보낸 알림"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"[{self.get_kind_display()}] {self.title}"

    @admin.display(description="발송 결과")
    def delivery_summary(self) -> str:
        counts = dict(
            self.deliveries.values_list("status").annotate(n=models.Count("pk")).order_by()
        )
        labels = dict(DeliveryStatus.choices)
        parts = [f"{labels[status]} {count}" for status, count in sorted(counts.items())]
        return " · ".join(parts) or "대상 없음"

    @property
    def bypasses_digest(self) -> bool:
        return self.kind == AlertKind.URGENT_NOTICE


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "보내는 중"
    SENT = "sent", "보냄"
    DIGEST = "digest", "모아 보내기 대기"
    CAPPED = "capped", "하루 한도 초과"
    GONE = "gone", "주소 없음(삭제)"
    FAILED = "failed", "실패"
    CANCELLED = "cancelled", "취소"


class Delivery(models.Model):
    """One alert to one subscriber (unique: several matching lists still send one message)."""

    alert = models.ForeignKey(Alert, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        Subscriber, null=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    status = models.CharField(
        max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "발송"
        verbose_name_plural = "발송"
        constraints = [
            models.UniqueConstraint(fields=["alert", "subscriber"], name="delivery_once")
        ]
        indexes = [models.Index(fields=["subscriber", "status", "sent_at"])]

    def __str__(self) -> str:
        return f"알림 #{self.alert_id} → 구독자 #{self.subscriber_id}: {self.status}"


class ChangeNote(models.Model):
    """An editor's choice for the page's next publish, made when publishing or when submitting
    for moderation (then `revision` is the revision submitted, and the reviewer's publish uses
    it)."""

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    major = models.BooleanField(default=False)
    note = models.TextField(blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"페이지 #{self.page_id}의 다음 게시: {'중요한 변경' if self.major else '일반'}"
