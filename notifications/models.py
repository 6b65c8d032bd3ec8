"""The delivery log: which kind of message went out on which channel, and whether it did.

It holds no personal data — no address, number or text — only the template, the channel,
the feature's own reference (a receipt number) and the outcome, so operators can answer
"did the promotion SMS for P20261203-K7Q3M9 go out?" without seeing who it went to.
"""

from django.db import models
from django.utils import timezone


class Channel(models.TextChoices):
    EMAIL = "email", "이메일"
    SMS = "sms", "문자"


class Delivery(models.Model):
    sent_at = models.DateTimeField("일시", default=timezone.now, db_index=True)
    template = models.CharField("알림 종류", max_length=100)
    channel = models.CharField("수단", max_length=10, choices=Channel.choices)
    reference = models.CharField("참조", max_length=40, blank=True, db_index=True)
    delivered = models.BooleanField("발송 성공")
    error = models.CharField("오류 종류", max_length=100, blank=True)

    class Meta:
        verbose_name = "알림 발송 기록"
        verbose_name_plural = "알림 발송 기록"
        ordering = ["-sent_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.template} {self.channel} {self.reference}"
