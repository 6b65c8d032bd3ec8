"""Bring citizens' search up to date now, in this process: what the task worker does after
each content change (`search.catchup`), for loading scripts, benches and operators."""

import time

from django.core.management.base import BaseCommand

from search import catchup
from search.management.progress import progress_lines


class Command(BaseCommand):
    help = (
        "검색 색인을 지금 최신 콘텐츠에 맞춥니다 (작업자가 변경마다 하는 일). "
        "색인이 없으면 새로 만듭니다."
    )

    def handle(self, *args, verbosity: int = 1, **options) -> None:
        write = self.stdout.write if verbosity > 0 else lambda *_args, **_kwargs: None
        started = time.monotonic()
        count = catchup.run(progress_lines(write))
        if catchup.is_behind():
            # Another worker holds the run: wait for it rather than report a stale index.
            write("다른 작업자가 색인하는 중입니다. 끝나기를 기다립니다…")
            catchup.wait_until_indexed(timeout=3600)
        write(
            self.style.SUCCESS(
                f"검색 색인이 최신입니다 (페이지 {count:,}개 색인, "
                f"{time.monotonic() - started:.1f}초)."
            )
        )
