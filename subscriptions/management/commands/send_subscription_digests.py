from django.core.management.base import BaseCommand

from subscriptions.delivery import send_digests


class Command(BaseCommand):
    help = "하루·일주일 모아 보내기 메일을 보낼 때가 된 구독자에게 보냅니다."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"모아 보내기 메일 {sent}통을 보냈습니다.")
