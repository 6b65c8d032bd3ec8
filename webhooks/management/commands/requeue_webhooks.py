"""`manage.py requeue_webhooks`: queue due deliveries whose task was lost (run by the scheduler)."""

from django.core.management.base import BaseCommand

from webhooks.delivery import due_deliveries, enqueue


class Command(BaseCommand):
    help = "보낼 때가 됐는데 작업 큐에 없는 웹훅 전송(중단된 작업자 등)을 다시 등록합니다."

    def handle(self, *args, **options) -> None:
        deliveries = list(due_deliveries())
        for delivery in deliveries:
            enqueue(delivery)
        self.stdout.write(f"웹훅 전송 {len(deliveries)}건을 다시 등록했습니다.")
