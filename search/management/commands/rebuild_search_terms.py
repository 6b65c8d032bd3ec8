"""Rebuild the database backend's page terms (search.termindex) from every public page."""

import time

from django.core.management.base import BaseCommand

from search import termindex


class Command(BaseCommand):
    help = "데이터베이스 검색 색인(페이지 낱말)을 모든 공개 페이지로 다시 만듭니다."

    def handle(self, *args, **options):
        started = time.monotonic()
        count = termindex.rebuild()
        self.stdout.write(
            self.style.SUCCESS(
                f"페이지 {count}개의 검색 낱말을 다시 만들었습니다 "
                f"({time.monotonic() - started:.1f}초)."
            )
        )
