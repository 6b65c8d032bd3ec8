"""`manage.py build_representations [--clear]`: store every public page's API detail JSON.

Publishing stores the changed page's representation (a task); this fills in the rest after a
deploy, an import or `--clear`. Idempotent: pages whose stored JSON is current are skipped.
"""

from django.core.cache import cache
from django.core.management.base import BaseCommand
from wagtail.models import Site

from api.models import StoredRepresentation
from api.views import build_detail_representations
from content.pageindex import site_page_index
from content.versioning import current_version

BATCH = 200


class Command(BaseCommand):
    help = "공개 페이지의 API 표현을 미리 만들어 저장합니다."

    def add_arguments(self, parser):
        parser.add_argument(
            "--clear",
            action="store_true",
            help="저장된 API 표현과 캐시를 모두 지우고 시작합니다 (벤치마크의 콜드 상태).",
        )
        parser.add_argument(
            "--clear-only", action="store_true", help="지우기만 하고 새로 만들지 않습니다."
        )

    def handle(self, *args, clear: bool, clear_only: bool, **options):
        if clear or clear_only:
            deleted, _ = StoredRepresentation.objects.all().delete()
            cache.clear()
            self.stdout.write(f"저장된 API 표현 {deleted}개와 캐시를 지웠습니다.")
            if clear_only:
                return
        page_ids = sorted(
            {
                page_id
                for site in Site.objects.select_related("root_page")
                for page_id in site_page_index(site, current_version()).ids
            }
        )
        done = 0
        for start in range(0, len(page_ids), BATCH):
            done += build_detail_representations(page_ids[start : start + BATCH])
            self.stdout.write(f"\r{done}/{len(page_ids)}", ending="")
            self.stdout.flush()
        self.stdout.write(f"\n공개 페이지 {done}개의 API 표현이 최신입니다.")
