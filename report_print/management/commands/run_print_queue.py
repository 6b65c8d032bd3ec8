"""`manage.py run_print_queue`: typeset every report PDF waiting in the `print` queue, then stop.

The scheduler runs it every 15 seconds; `db_worker --backend print --queue-name print`
does the same as a long-running worker.
"""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django_tasks import task_backends
from django_tasks_db import DatabaseBackend


class Command(BaseCommand):
    help = "대기 중인 가족보고서 인쇄본 PDF 생성 작업을 모두 처리하고 끝냅니다."

    def handle(self, *args, **options) -> None:
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
