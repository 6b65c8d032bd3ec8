"""Index every public page again: the database backend's page terms (search.termindex) and,
when an engine is configured, its documents (bulk API)."""

import time

from django.core.management.base import BaseCommand

from search import catchup
from search.management.progress import progress_lines


class Command(BaseCommand):
    help = (
        "모든 공개 페이지의 검색 색인(페이지 낱말, 설정된 검색 엔진의 문서)을 다시 만듭니다. "
        "만드는 동안에도 검색은 기존 색인으로 답합니다."
    )

    def handle(self, *args, **options) -> None:
        started = time.monotonic()
        count = catchup.rebuild(progress_lines(self.stdout.write))
        self.stdout.write(
            self.style.SUCCESS(
                f"페이지 {count:,}개의 검색 색인을 다시 만들었습니다 "
                f"({time.monotonic() - started:.1f}초)."
            )
        )
