from itertools import groupby

from django.conf import settings
from django.core.management.base import BaseCommand

from subscriptions.delivery import due_deliveries, enqueue


class Command(BaseCommand):
    help = "때가 된 구독 알림 재시도(작업이 사라졌거나 기다릴 수 없던 것)를 다시 대기열에 넣습니다."

    def handle(self, *args, **options):
        from subscriptions.tasks import deliver_batch

        rows = due_deliveries().order_by("alert_id", "pk").values_list("alert_id", "pk")
        queued = 0
        for alert_id, group in groupby(rows, key=lambda row: row[0]):
            ids = [pk for _, pk in group]
            for start in range(0, len(ids), settings.SUBSCRIPTIONS_BATCH_SIZE):
                enqueue(
                    deliver_batch, alert_id, ids[start : start + settings.SUBSCRIPTIONS_BATCH_SIZE]
                )
            queued += len(ids)
        self.stdout.write(f"구독 알림 {queued}건을 다시 대기열에 넣었습니다.")
