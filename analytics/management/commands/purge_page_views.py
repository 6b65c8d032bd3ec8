"""`manage.py purge_page_views`: daily page-view counters older than ANALYTICS_RETENTION_DAYS
are deleted (daily from the scheduler)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from analytics.flushing import purge


class Command(BaseCommand):
    help = "보존 기간(ANALYTICS_RETENTION_DAYS)이 지난 일별 페이지 조회 수를 지웁니다."

    def handle(self, *args, **options) -> None:
        deleted = purge()
        days = settings.ANALYTICS_RETENTION_DAYS
        self.stdout.write(f"{days}일이 지난 일별 조회 수 {deleted}행을 지웠습니다.")
