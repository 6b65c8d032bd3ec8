"""`manage.py flush_page_views`: the counted page views from the shared cache into the daily
counters (every minute from the scheduler; analytics/flushing.py)."""

from django.core.management.base import BaseCommand

from analytics.flushing import flush


class Command(BaseCommand):
    help = "캐시에 모인 페이지 조회 수를 일별 집계 표에 씁니다."

    def handle(self, *args, **options) -> None:
        result = flush()
        if result.busy:
            self.stdout.write("다른 프로세스가 조회 수를 쓰는 중이라 건너뜁니다.")
            return
        self.stdout.write(
            f"조회 수 묶음 {result.batches}개 (조회 {result.views}회)를 {result.rows}행에 썼습니다."
        )
