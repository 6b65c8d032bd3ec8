"""How often each page was read on each day: a count, nothing about who read it.

No IP address, browser, cookie or any per-person identifier is kept, here or on the way here
(analytics/counting.py counts in memory and in the shared cache, keyed by page and day only).
"""

from django.db import models
from django.utils import timezone


class PageViewDay(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="페이지", on_delete=models.CASCADE, related_name="+"
    )
    day = models.DateField("날짜", default=timezone.localdate)
    views = models.PositiveIntegerField("조회 수", default=0)

    class Meta:
        verbose_name = "일별 페이지 조회 수"
        verbose_name_plural = "일별 페이지 조회 수"
        constraints = [
            models.UniqueConstraint(fields=["page", "day"], name="unique_page_views_per_day")
        ]
        # The dashboard sums a window of days across pages.
        indexes = [models.Index(fields=["day", "page"])]

    def __str__(self) -> str:
        return f"{self.day} {self.page_id}: {self.views}"
