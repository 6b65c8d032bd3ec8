"""`manage.py pull_partner_feeds`: import new partner news from every active feed."""

from django.core.management.base import BaseCommand

from partners.importing import pull_active_feeds


class Command(BaseCommand):
    help = "사용 중인 협력기관 피드를 모두 가져옵니다 (바뀐 것만 받습니다)."

    def handle(self, *args, **options) -> None:
        results = pull_active_feeds()
        for result in results:
            line = f"{result.feed}: {result.feed.get_last_status_display()}"
            if result.created or result.updated:
                line += f" (새 소식 {result.created}건, 갱신 {result.updated}건)"
            if result.error:
                line += f" - {result.error}"
            self.stdout.write(line)
        failed = sum(1 for result in results if result.error)
        self.stdout.write(f"협력기관 피드 {len(results)}개를 확인했습니다 (실패 {failed}개).")
