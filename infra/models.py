from django.db import models


class Lease(models.Model):
    """A named piece of work held by one process until `expires_at`, renewed while it lives.

    A process killed mid-work stops renewing; once the lease has run out the work is free for
    another (infra/tasks.py). Task workers hold `task-worker:<id>` for as long as they run.
    """

    key = models.CharField("이름", max_length=200, primary_key=True)
    holder = models.CharField("보유자", max_length=200)
    expires_at = models.DateTimeField("만료 시각", db_index=True)

    class Meta:
        verbose_name = "작업 점유"
        verbose_name_plural = "작업 점유"

    def __str__(self) -> str:
        return f"{self.key} ({self.holder})"
