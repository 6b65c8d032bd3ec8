"""`manage.py run_print_queue`: typeset every report PDF waiting in the `print` queue, then stop.

The scheduler runs it every 15 seconds; `db_worker --backend print --queue-name print`
does the same as a long-running worker. It first takes over builds whose process died
mid-way (their lease ran out), a bounded number of times in a row.
"""

import logging

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend

from report_print.builder import Outcome, build_public_pdf
from report_print.builds import expired_builds

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "대기 중인 가족보고서 인쇄본 PDF 생성 작업을 모두 처리하고 끝냅니다."

    def handle(self, *args, **options) -> None:
        for edition_id in expired_builds():
            logger.warning("발간호 %s의 인쇄본 PDF 생성이 중간에 멈춰 다시 만듭니다", edition_id)
            result = build_public_pdf(edition_id)
            if result.outcome == Outcome.FAILED:
                logger.warning(
                    "발간호 %s의 인쇄본 PDF를 만들지 못했습니다: %s", edition_id, result.reason
                )
        if not isinstance(task_backends["print"], DatabaseBackend):
            # Tasks on this backend run as they are enqueued; there is no queue to work off.
            return
        call_command(
            "db_worker",
            "--backend=print",
            "--queue-name=print",
            "--batch",
            "--no-startup-delay",
            verbosity=0,
            stdout=self.stdout,
            stderr=self.stderr,
        )
