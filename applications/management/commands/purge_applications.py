"""Destroy applicants' personal data APPLICATIONS_RETENTION_DAYS after their program ended."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models import Count
from django.utils import timezone

from applications.models import AccessAction, Application, log_access

PURGE_ACTOR = "system:purge_applications"


class Command(BaseCommand):
    help = (
        "프로그램 종료 후 보존 기간(APPLICATIONS_RETENTION_DAYS)이 지난 신청자 정보를 파기합니다."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="파기하지 않고 대상 건수만 보여 줍니다."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        cutoff = timezone.localdate() - datetime.timedelta(
            days=settings.APPLICATIONS_RETENTION_DAYS
        )
        expired = Application.objects.filter(program__end_date__lt=cutoff)
        per_program = dict(
            expired.values("program_id").annotate(n=Count("id")).values_list("program_id", "n")
        )
        total = sum(per_program.values())
        if dry_run:
            self.stdout.write(f"파기 대상: 신청 {total}건 (--dry-run: 아무것도 지우지 않았습니다)")
            return
        with transaction.atomic():
            if connection.vendor == "sqlite":
                with connection.cursor() as cursor:
                    cursor.execute("PRAGMA secure_delete = ON")
            for program_id, count in per_program.items():
                # The destruction itself is recorded (파기 기록), with no personal data.
                log_access(PURGE_ACTOR, program_id, AccessAction.PURGE, count=count)
            Application.objects.filter(program_id__in=per_program).delete()
        if options["verbosity"]:
            self.stdout.write(f"신청 {total}건({len(per_program)}개 프로그램)을 파기했습니다.")
