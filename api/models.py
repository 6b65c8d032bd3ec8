"""Pages' finished API JSON, stored so the first read after a publish needs no cache."""

from django.db import models


class StoredRepresentation(models.Model):
    """One page's API JSON in one shape ("detail", "listing:pages.articlepage"), as built at
    content change `built_change` from revision `revision_id`; valid while no later change
    names the page (see `api.representations`)."""

    page_id = models.IntegerField("페이지 ID")
    shape = models.CharField("형태", max_length=100)
    revision_id = models.IntegerField("리비전 ID", null=True)
    built_change = models.BigIntegerField("기준 변경 ID")
    day = models.DateField("기준 날짜")
    # JSON text, not a JSONField: PostgreSQL's jsonb reorders keys, and the bytes served (and
    # their ETag) must be the same whether the representation was just built or read back.
    data = models.TextField("API 표현 (JSON)")
    built_at = models.DateTimeField("만든 시각", auto_now=True)

    class Meta:
        verbose_name = "저장된 API 표현"
        verbose_name_plural = "저장된 API 표현"
        constraints = [
            models.UniqueConstraint(fields=["page_id", "shape"], name="api_repr_page_shape")
        ]

    def __str__(self) -> str:
        return f"{self.shape} #{self.page_id} (r{self.revision_id})"
