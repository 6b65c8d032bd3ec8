from django.core.management.base import BaseCommand

from subscriptions.triggers import notify_program_openings


class Command(BaseCommand):
    help = "신청이 시작된 교육 프로그램을 구독자에게 알립니다 (프로그램·신청 기간마다 한 번)."

    def handle(self, *args, **options):
        made = notify_program_openings()
        self.stdout.write(f"신청 시작 알림 {made}건을 만들었습니다.")
