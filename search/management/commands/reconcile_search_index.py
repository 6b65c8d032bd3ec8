"""Find and repair drift between the live public pages and the citizens' search engine."""

from datetime import UTC, datetime

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from search.indexing import (
    engine_backend,
    engine_configured,
    ensure_page_index,
    searchable_pages,
    sync_pages,
)
from search.service import ENGINE_ERRORS

# The scheduler and operators can wait longer than a publishing editor.
RECONCILE_TIMEOUT = 30
BATCH_SIZE = 500
# Wagtail indexes Page.last_published_at as a filter field; a different value means the
# engine holds an older version of the page.
PUBLISHED_FIELD = "last_published_at_filter"


def _stamp(value) -> str | None:
    if value is None:
        return None
    text = value if isinstance(value, str) else value.isoformat()
    return datetime.fromisoformat(text).astimezone(UTC).isoformat()


class Command(BaseCommand):
    help = "검색 엔진 색인을 사이트의 공개 페이지와 비교해 누락·잔존 문서를 바로잡습니다."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="고치지 않고 차이만 보고합니다.")

    def handle(self, *args, dry_run=False, **options):
        if not engine_configured():
            self.stdout.write("검색 엔진이 설정되지 않았습니다 (database 백엔드는 늘 최신).")
            return
        backend = engine_backend(TIMEOUT=RECONCILE_TIMEOUT)
        index = backend.get_index_for_model(Page)
        try:
            if dry_run and not index.exists():
                raise CommandError(f"색인 {index.name}이(가) 없습니다.")
            if not dry_run and ensure_page_index(backend):
                self.stdout.write(f"색인 {index.name}을(를) 만들었습니다.")
            index.refresh()  # recent writes count too
            indexed = self._indexed_ids(backend, index.name)
        except ENGINE_ERRORS as error:
            raise CommandError(f"검색 엔진에 연결할 수 없습니다: {error}") from error

        expected = {
            page_id: _stamp(published_at)
            for page_id, published_at in searchable_pages().values_list("pk", "last_published_at")
        }
        missing = sorted(expected.keys() - indexed.keys())
        stale = sorted(indexed.keys() - expected.keys())
        outdated = sorted(
            page_id
            for page_id in expected.keys() & indexed.keys()
            if expected[page_id] != indexed[page_id]
        )
        self.stdout.write(
            f"공개 페이지 {len(expected)}개, 색인 문서 {len(indexed)}개: 누락 {len(missing)}개, "
            f"남은 문서 {len(stale)}개, 옛 내용 {len(outdated)}개"
        )
        drift = missing + stale + outdated
        if dry_run or not drift:
            return
        self._repair(backend, drift)
        index.refresh()
        self.stdout.write(self.style.SUCCESS(f"{len(drift)}개 문서를 바로잡았습니다."))

    def _repair(self, backend, ids: list[int]) -> None:
        for start in range(0, len(ids), BATCH_SIZE):
            batch = ids[start : start + BATCH_SIZE]
            sync_pages([Page(pk=page_id) for page_id in batch], backend=backend)
            self.stdout.write(f"  {min(start + BATCH_SIZE, len(ids))}/{len(ids)}")

    def _indexed_ids(self, backend, index_name: str) -> dict[int, str | None]:
        """Each indexed page id with its publication time, read with a scrolling search."""
        client = backend.es
        ids: dict[int, str | None] = {}
        body = {"query": {"match_all": {}}, "_source": [PUBLISHED_FIELD], "size": 1000}
        response = client.search(index=index_name, body=body, scroll="1m")
        scroll_id = response.get("_scroll_id")
        try:
            while response["hits"]["hits"]:
                for hit in response["hits"]["hits"]:
                    ids[int(hit["_id"])] = _stamp(hit.get("_source", {}).get(PUBLISHED_FIELD))
                response = client.scroll(body={"scroll_id": scroll_id, "scroll": "1m"})
                scroll_id = response.get("_scroll_id", scroll_id)
        finally:
            if scroll_id:
                client.clear_scroll(body={"scroll_id": scroll_id})
        return ids
