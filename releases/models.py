"""A release: pages an editor groups to go live together at one scheduled moment.

The release never touches its pages before it is published: it only names them, and on
submission pins each page's latest revision (what the reviewer approves is what goes live).
Cancelling is therefore a change to the release alone. See docs/releases.md.
"""

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable


class ReleaseStatus(models.TextChoices):
    DRAFT = "draft", "초안"
    IN_REVIEW = "in_review", "승인 대기"
    SCHEDULED = "scheduled", "예약됨"
    PUBLISHED = "published", "게시됨"
    CANCELLED = "cancelled", "취소됨"
    FAILED = "failed", "게시 실패"


# Statuses in which an editor may still change the release's pages and time.
EDITABLE = (ReleaseStatus.DRAFT, ReleaseStatus.FAILED)
# Statuses in which a release holds its pages: a page belongs to at most one of these.
ACTIVE = (ReleaseStatus.IN_REVIEW, ReleaseStatus.SCHEDULED)


class Release(ClusterableModel):
    """Pages published together in one transaction at `go_live_at` (릴리스: 동시 게시 묶음),
    e.g. a report edition, its chapters, the notice announcing it and the home's featured items."""

    title = models.CharField("릴리스 이름", max_length=255)
    description = models.TextField(
        "설명", blank=True, help_text="검토자에게 알릴 내용 (무엇을, 왜 함께 게시하는지)"
    )
    go_live_at = models.DateTimeField(
        "게시 예정 일시",
        null=True,
        blank=True,
        help_text="이 시각에 릴리스의 모든 페이지가 한꺼번에 게시됩니다.",
    )
    status = models.CharField(
        "상태", max_length=16, choices=ReleaseStatus.choices, default=ReleaseStatus.DRAFT
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="만든 사람",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("만든 일시", auto_now_add=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="승인한 사람",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    published_at = models.DateTimeField("게시한 일시", null=True, blank=True, editable=False)
    failure = models.TextField("게시 실패 사유", blank=True, editable=False)
    # The content changes (content.models.ContentChange ids, first exclusive) its publish
    # recorded: sync never ends a step inside this range, so clients get all of it at once.
    changes_after = models.BigIntegerField(null=True, blank=True, editable=False)
    changes_until = models.BigIntegerField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("go_live_at"),
        InlinePanel("items", heading="페이지", label="페이지", min_num=1),
    ]

    class Meta:
        verbose_name = "릴리스"
        verbose_name_plural = "릴리스"
        ordering = ["-created_at"]
        permissions = [("approve_release", "릴리스 승인·예약·취소")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE


class ReleaseItem(Orderable):
    """One page of a release; `revision` is pinned when the release is submitted for review."""

    release = ParentalKey(Release, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="페이지", on_delete=models.CASCADE, related_name="+"
    )
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name="게시할 판",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [PageChooserPanel("page")]

    class Meta:
        verbose_name = "릴리스 페이지"
        verbose_name_plural = "릴리스 페이지"
        constraints = [
            models.UniqueConstraint(fields=["release", "page"], name="release_page_once"),
        ]

    def __str__(self) -> str:
        return str(self.page)
