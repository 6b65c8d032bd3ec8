"""The record of every export or download of personal data, with the reason given for it."""

from django.db import models
from django.utils import timezone


class ExportRecord(models.Model):
    """Who took personal data out of the system, how much, under which filter, and why
    (개인정보의 안전성 확보조치 기준: 다운로드 사유 확인). Append-only, like access logs."""

    occurred_at = models.DateTimeField("일시", default=timezone.now, db_index=True, editable=False)
    subject = models.CharField("업무", max_length=50, help_text="예: counseling, applications")
    actor_id = models.IntegerField("사용자 ID", null=True, editable=False)
    actor_username = models.CharField("사용자", max_length=150, editable=False)
    ip_address = models.GenericIPAddressField("접속지", null=True, editable=False)
    reason = models.TextField("내보낸 사유")
    item_count = models.PositiveIntegerField("건수")
    query = models.CharField("조건", max_length=500, blank=True)

    class Meta:
        verbose_name = "개인정보 내보내기 기록"
        verbose_name_plural = "개인정보 내보내기 기록"
        ordering = ["-occurred_at", "-pk"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_username} {self.subject}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Export records cannot be changed.")
        super().save(*args, **kwargs)


class AccessReview(models.Model):
    """The privacy officer's monthly review of one feature's access log, and what they
    concluded (개인정보의 안전성 확보조치 기준: 접속기록 월 1회 이상 점검)."""

    subject = models.CharField("업무", max_length=50)
    month = models.DateField("점검한 달", help_text="그 달의 1일")
    reviewer_id = models.IntegerField("점검자 ID", null=True, editable=False)
    reviewer_username = models.CharField("점검자", max_length=150, editable=False)
    reviewed_at = models.DateTimeField("점검 일시", default=timezone.now, editable=False)
    entries = models.PositiveIntegerField("점검한 기록 수")
    flagged = models.JSONField("이상 징후", default=list)
    note = models.TextField("점검 의견")

    class Meta:
        verbose_name = "접속기록 점검"
        verbose_name_plural = "접속기록 점검"
        ordering = ["-month", "-reviewed_at"]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.subject} {self.month:%Y-%m} ({self.reviewer_username})"
