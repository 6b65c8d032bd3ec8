"""The scheduler moves counts from the cache into daily counters in bounded batches, and
deletes days past their retention."""

import datetime
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from analytics import counting
from analytics.flushing import flush
from analytics.models import PageViewDay
from pages.models import SectionKind
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def pushed(counts: dict) -> None:
    """One process's batch: `counts` maps page ids to views today."""
    for page_id, views in counts.items():
        counting.count_view(page_id, views=views)
    counting.push()


def totals() -> dict[int, int]:
    return dict(PageViewDay.objects.values_list("page_id", "views"))


@pytest.fixture
def pages(portal):
    parent = portal.section(SectionKind.FAMILY_INFO)
    return [ArticlePageFactory(parent=parent) for _ in range(5)]


def test_each_run_takes_at_most_its_batches_and_the_rest_wait(pages):
    for page in pages:
        pushed({page.pk: 2})

    first = flush(max_batches=2)

    assert (first.batches, first.views) == (2, 4)
    assert totals() == {pages[0].pk: 2, pages[1].pk: 2}
    second = flush(max_batches=10)
    assert (second.batches, second.views) == (3, 6)
    assert totals() == {page.pk: 2 for page in pages}
    assert flush().batches == 0  # taken batches are gone from the cache


def test_rows_are_written_a_bounded_number_per_transaction(pages):
    pushed({page.pk: 1 for page in pages})

    with CaptureQueriesContext(connection) as queries:
        result = flush(rows_per_transaction=2)

    sql = [query["sql"] for query in queries.captured_queries]
    inserts = [text for text in sql if 'INSERT INTO "analytics_pageviewday"' in text]
    assert result.rows == 5
    assert len(inserts) == 3  # 2 + 2 + 1 rows


def test_counts_add_up_across_processes_and_flushes(pages):
    page = pages[0]
    pushed({page.pk: 3})
    flush()
    pushed({page.pk: 4})
    pushed({page.pk: 1, pages[1].pk: 1})

    flush()

    assert totals() == {page.pk: 8, pages[1].pk: 1}
    assert PageViewDay.objects.get(page=page).day == timezone.localdate()


def test_views_of_a_page_deleted_meanwhile_are_dropped(pages):
    gone = pages[0]
    pushed({gone.pk: 5, pages[1].pk: 1})
    gone.delete()

    flush()

    assert totals() == {pages[1].pk: 1}


def test_the_command_says_what_it_wrote(pages):
    pushed({pages[0].pk: 3, pages[1].pk: 1})
    out = StringIO()

    call_command("flush_page_views", stdout=out)

    assert "조회 수 묶음 1개 (조회 4회)를 2행에 썼습니다." in out.getvalue()


def test_days_past_retention_are_purged(pages, settings):
    settings.ANALYTICS_RETENTION_DAYS = 30
    today = timezone.localdate()
    for days_ago in (0, 30, 31, 400):
        PageViewDay.objects.create(
            page=pages[0], day=today - datetime.timedelta(days=days_ago), views=1
        )
    out = StringIO()

    call_command("purge_page_views", stdout=out)

    kept = sorted((today - day).days for day in PageViewDay.objects.values_list("day", flat=True))
    assert kept == [0, 30]
    assert "30일이 지난 일별 조회 수 2행을 지웠습니다." in out.getvalue()


def test_the_scheduler_runs_flush_and_purge():
    jobs = dict(settings.SCHEDULED_COMMANDS)
    assert jobs["flush_page_views"] == 60
    assert jobs["purge_page_views"] == 24 * 60 * 60
