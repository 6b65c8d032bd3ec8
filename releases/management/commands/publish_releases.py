"""`manage.py publish_releases`: publish the scheduled releases whose time has come.

The scheduler runs it every 15 seconds (settings.SCHEDULED_COMMANDS); running it twice at
once publishes each release once (releases/publishing.py).
"""

from django.core.management.base import BaseCommand

from releases.publishing import publish_due_releases


class Command(BaseCommand):
    help = "게시 예정 일시가 된 릴리스를 한꺼번에 게시합니다."

    def handle(self, *args, **options) -> None:
        published = publish_due_releases()
        for release in published:
            self.stdout.write(
                f"릴리스 '{release.title}'의 페이지 {release.items.count()}개를 함께 게시했습니다."
            )
        if not published:
            self.stdout.write("게시할 릴리스가 없습니다.")
