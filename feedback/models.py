"""One answer to "이 정보가 도움이 되었나요?": which page, yes or no, an optional comment.

Nothing about the person is kept (no IP address, browser or account): the rate limit counts
clients in the cache only, and the comment box tells citizens not to write personal details.
"""

from django.db import models

COMMENT_MAX_LENGTH = 500


class PageFeedback(models.Model):
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="페이지", on_delete=models.CASCADE, related_name="+"
    )
    helpful = models.BooleanField("도움이 됨")
    comment = models.TextField("의견", blank=True, max_length=COMMENT_MAX_LENGTH)
    created_at = models.DateTimeField("받은 시각", auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = "페이지 의견"
        verbose_name_plural = "페이지 의견"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "created_at"])]

    def __str__(self) -> str:
        answer = "도움이 됨" if self.helpful else "도움이 안 됨"
        return f"{self.page.title}: {answer}"
