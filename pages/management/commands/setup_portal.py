"""`manage.py setup_portal`: the portal tree, editorial groups and workflows, idempotently."""

from django.core.management.base import BaseCommand

from pages.editorial import setup_portal


class Command(BaseCommand):
    help = "포털 홈과 섹션, 편집 그룹과 권한, 승인 워크플로를 만듭니다 (반복 실행해도 안전)."

    def handle(self, *args, **options) -> None:
        _, _, log = setup_portal()
        for change in log.changes:
            self.stdout.write(f"  {change}")
        if log.changes:
            self.stdout.write(self.style.SUCCESS("포털 구조, 그룹, 워크플로를 준비했습니다."))
        else:
            self.stdout.write(
                self.style.SUCCESS("포털 구조, 그룹, 워크플로가 이미 준비되어 있습니다.")
            )
