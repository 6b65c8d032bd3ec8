"""The day-before reminder: confirmed applicants whose program — or, for a program with
sessions, whose own session — takes place tomorrow (Seoul time)."""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from applications.models import Application, Status
from applications.seats import NOTICE_BUILDER
from notifications.outbox import notify_after_commit


class Command(BaseCommand):
    help = "내일 시작하는 프로그램·회차의 확정 신청자에게 하루 전 안내를 보냅니다 (한 번씩만)."

    def handle(self, *args, **options):
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        with transaction.atomic():
            due = list(
                Application.objects.filter(
                    Q(session__isnull=True, program__start_date=tomorrow)
                    | Q(session__date=tomorrow),
                    status=Status.CONFIRMED,
                    reminded_at__isnull=True,
                ).values_list("pk", flat=True)
            )
            Application.objects.filter(pk__in=due).update(reminded_at=timezone.now())
            for pk in due:
                notify_after_commit(NOTICE_BUILDER, pk, "applications/reminder")
        if options["verbosity"]:
            self.stdout.write(f"하루 전 안내 {len(due)}건을 발송 대기열에 넣었습니다.")
