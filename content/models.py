"""The content change log: the content version behind ETags, caches, sync and tombstones."""

from django.db import models


class ChangeKind(models.TextChoices):
    PUBLISHED = "published", "게시"
    SAVED = "saved", "게시 없이 저장"
    UNPUBLISHED = "unpublished", "게시 취소"
    DELETED = "deleted", "삭제"
    MOVED = "moved", "이동"
    RESTRICTED = "restricted", "공개 제한"
    UNRESTRICTED = "unrestricted", "공개 제한 해제"
    RELATED = "related", "연결된 콘텐츠 변경"
    MEDIA = "media", "이미지·문서 공개 범위 변경"
    PDF_BUILT = "pdf_built", "인쇄본 PDF 생성"


class ContentChange(models.Model):
    """One change that may alter what the public API returns.

    Rows are append-only; their ids are the sync cursor and the content version used in
    ETags. `page_id` is empty for changes that are not about one page (a renamed topic, a
    new redirect, a restricted collection …), which still invalidate cached responses.
    """

    Kind = ChangeKind

    page_id = models.IntegerField("페이지 ID", null=True, blank=True, db_index=True)
    kind = models.CharField("변경 종류", max_length=20, choices=ChangeKind.choices)
    locale = models.CharField("언어", max_length=16, default="ko")
    # Whether the page was public right after the change; empty for rows written before this
    # was recorded. Sync sends tombstones only for pages some client could have seen.
    visible = models.BooleanField("변경 후 공개", null=True, default=None)
    created_at = models.DateTimeField("변경 시각", auto_now_add=True, db_index=True)

    class Meta:
        db_table = "api_contentchange"
        ordering = ["id"]
        verbose_name = "콘텐츠 변경 기록"
        verbose_name_plural = "콘텐츠 변경 기록"
        # A page's newest change, read for every stored representation (api.representations).
        indexes = [models.Index(fields=["page_id", "id"], name="content_change_page_newest")]

    def __str__(self) -> str:
        return (
            f"{self.get_kind_display()} #{self.page_id or '-'} ({self.created_at:%Y-%m-%d %H:%M})"
        )
