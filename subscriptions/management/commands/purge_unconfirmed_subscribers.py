from django.core.management.base import BaseCommand

from subscriptions.services import purge_unconfirmed


class Command(BaseCommand):
    help = "확인 링크를 기한 안에 열지 않은 구독 신청과 주소를 지웁니다."

    def handle(self, *args, **options):
        subscribers, subscriptions = purge_unconfirmed()
        self.stdout.write(
            f"확인되지 않은 주소 {subscribers}개와 구독 신청 {subscriptions}건을 지웠습니다."
        )
