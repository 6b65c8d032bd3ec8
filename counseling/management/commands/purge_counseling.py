"""Destroy counseling personal data and access logs whose retention period has ended."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from counseling.models import AccessAction, AccessLog, CounselingCase
from counseling.services import log_many

PURGE_ACTOR = "system:purge_counseling"


class Command(BaseCommand):
    help = (
        "보존 기간(COUNSELING_RETENTION_DAYS, COUNSELING_ACCESS_LOG_RETENTION_DAYS)이 지난 "
        "상담 신청과 접속기록을 파기합니다."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="파기하지 않고 대상 건수만 보여 줍니다."
        )

    def handle(self, *args, dry_run: bool = False, **options):
        now = timezone.now()
        case_cutoff = now - datetime.timedelta(days=settings.COUNSELING_RETENTION_DAYS)
        log_cutoff = now - datetime.timedelta(days=settings.COUNSELING_ACCESS_LOG_RETENTION_DAYS)
        # A case's retention runs from its last handling: closing, answering or submission.
        expired_cases = CounselingCase.objects.alias(
            retention_start=Coalesce(F("closed_at"), F("answered_at"), F("submitted_at"))
        ).filter(retention_start__lt=case_cutoff)
        expired_logs = AccessLog.objects.filter(occurred_at__lt=log_cutoff)

        if dry_run:
            self.stdout.write(
                f"파기 대상: 상담 신청 {expired_cases.count()}건, "
                f"접속기록 {expired_logs.count()}건 "
                "(--dry-run: 아무것도 지우지 않았습니다)"
            )
            return

        with transaction.atomic():
            if connection.vendor == "sqlite":
                # Freed pages are overwritten with zeros instead of lingering in the file.
                with connection.cursor() as cursor:
                    cursor.execute("PRAGMA secure_delete = ON")
            logs_deleted = AccessLog.objects.purge_before(log_cutoff)
            cases = list(expired_cases.only("pk", "receipt_number"))
            # The destruction itself is recorded (파기 기록), without any personal data.
            log_many(PURGE_ACTOR, cases, AccessAction.PURGE)
            cases_deleted, _ = CounselingCase.objects.filter(
                pk__in=[case.pk for case in cases]
            ).delete()

        self.stdout.write(
            self.style.SUCCESS(
                f"상담 신청 {cases_deleted}건(보존 {settings.COUNSELING_RETENTION_DAYS}일 경과)과 "
                f"접속기록 {logs_deleted}건(보존 {settings.COUNSELING_ACCESS_LOG_RETENTION_DAYS}일 "
                "경과)을 파기했습니다."
            )
        )
