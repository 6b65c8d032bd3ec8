"""Search indexing happens in the task worker: a search request only reads the index, a
burst of changes queues one task, the worker indexes in batches that survive being killed,
and searches keep answering while a fan-out change is being processed."""

import io
import threading
import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from infra.models import Lease
from infra.tasks import holder_of
from pages.models import SectionKind
from search import catchup
from search.models import PageTerm, PageTermState
from tests.factories import ArticlePageFactory
from tests.search.test_index_consistency import indexed_ids

SEARCH_URL = "/api/v2/search/"
TERMS_TABLE = PageTerm._meta.db_table
TASK_PATH = "search.tasks.catch_up_search"


def found(client, query: str) -> list[int]:
    response = client.get(SEARCH_URL, {"q": query})
    assert response.status_code == 200
    return [item["id"] for item in response.json()["items"]]


def total_found(client, query: str) -> int:
    response = client.get(SEARCH_URL, {"q": query})
    assert response.status_code == 200
    return response.json()["total"]


def publish(page) -> None:
    page.save_revision().publish()


def writes_to_terms(queries: CaptureQueriesContext) -> list[str]:
    return [
        query["sql"]
        for query in queries.captured_queries
        if TERMS_TABLE in query["sql"] and query["sql"].lstrip().upper().startswith(("INS", "DEL"))
    ]


@pytest.fixture
def queued_worker(settings):
    """Tasks go to the database queue and wait there for a worker, as in production."""
    settings.BACKGROUND_TASK_BACKEND = "background"


def run_worker() -> None:
    """Run what is queued as `db_worker` would (its loop closes the test's connection): one
    row at a time, each claimed only while it is still waiting (a task may drop copies)."""
    queued = DBTaskResult.objects.ready().filter(backend_name="background")
    for pk in list(queued.order_by("enqueued_at").values_list("pk", flat=True)):
        result = queued.filter(pk=pk).first()
        if result is None:
            continue
        result.claim("test-worker")
        task = result.task_result
        result.set_successful(result.task.call(*task.args, **task.kwargs))


@pytest.fixture
def family_info(portal):
    return portal.section(SectionKind.FAMILY_INFO)


@pytest.mark.django_db
def test_a_search_request_never_indexes_pending_changes(client, family_info, queued_worker):
    old = ArticlePageFactory(parent=family_info, title="한부모가족 양육비 안내", live=False)
    publish(old)
    run_worker()
    assert found(client, "한부모가족") == [old.pk]

    new = ArticlePageFactory(parent=family_info, title="무지개돌봄 쉼터 안내", live=False)
    publish(new)
    with CaptureQueriesContext(connection) as queries:
        pending = found(client, "무지개돌봄")
        still = found(client, "한부모가족")

    assert writes_to_terms(queries) == []
    assert pending == []  # not indexed yet: the request read what there is
    assert still == [old.pk]

    run_worker()
    assert found(client, "무지개돌봄") == [new.pk]


@pytest.mark.django_db
def test_changes_while_a_catch_up_is_queued_coalesce_into_one_task(
    client, family_info, queued_worker
):
    first = ArticlePageFactory(parent=family_info, title="다문화가족 한국어 교실", live=False)
    second = ArticlePageFactory(parent=family_info, title="조손가족 돌봄 지원", live=False)
    catchup.run()  # the first build

    for page in (first, second, first):
        publish(page)

    assert DBTaskResult.objects.filter(task_path=TASK_PATH, status="READY").count() == 1
    # The task reads the change log by id: `first`, changed twice, is indexed once.
    assert catchup.run() == 2
    assert found(client, "다문화가족") == [first.pk]
    assert found(client, "조손가족") == [second.pk]


@pytest.mark.django_db
def test_a_catch_up_left_by_a_killed_worker_is_taken_over_once_its_lease_runs_out(
    client, family_info, queued_worker
):
    catchup.run()  # the first build
    assert holder_of(catchup.LEASE_KEY) is None  # a finished run lets go of its lease
    killed = Lease.objects.create(
        key=catchup.LEASE_KEY,
        holder="killed-worker",
        expires_at=timezone.now() + timedelta(minutes=1),
    )
    page = ArticlePageFactory(parent=family_info, title="입양가족 자조모임", live=False)
    publish(page)

    # Held by a live-looking worker: nothing is queued, and a run leaves the work to it.
    assert not DBTaskResult.objects.filter(task_path=TASK_PATH).exists()
    assert catchup.run() == 0
    assert found(client, "입양가족") == []

    killed.expires_at = timezone.now() - timedelta(seconds=1)  # it stopped renewing
    killed.save()
    assert catchup.request()
    run_worker()
    assert found(client, "입양가족") == [page.pk]
    assert holder_of(catchup.LEASE_KEY) is None


class WorkerKilled(BaseException):
    """Stands for the worker process dying between two batches."""


@pytest.mark.django_db
def test_a_killed_worker_resumes_after_its_last_batch(client, family_info, queued_worker):
    catchup.run()
    pages = [
        ArticlePageFactory(parent=family_info, title=f"가족센터 프로그램 {number}", live=False)
        for number in range(5)
    ]
    for page in pages:
        publish(page)
    before = PageTermState.objects.get().last_change_id

    def die_after_first_batch(done, total):
        raise WorkerKilled

    with pytest.raises(WorkerKilled):
        catchup.run(die_after_first_batch, batch=2)

    progress = PageTermState.objects.get().last_change_id
    assert progress > before  # the first batch is saved
    assert catchup.run(batch=2) == 3  # the rest, not the first two again
    assert sorted(found(client, "가족센터")) == sorted(page.pk for page in pages)


# serialized_rollback: a TransactionTestCase before it (tests/report_print) leaves the database
# flushed, without the root page the migrations create.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_search_keeps_answering_while_a_fan_out_change_is_processed(
    client, family_info, queued_worker
):
    pages = [
        ArticlePageFactory(parent=family_info, title=f"아버지 육아 모임 {number}", live=False)
        for number in range(40)
    ]
    for page in pages:
        publish(page)
    run_worker()
    expected = {page.pk for page in pages}
    assert total_found(client, "아버지") == len(expected)

    # Publishing the section changes every page under it (paths, breadcrumbs): a fan-out.
    publish(family_info.specific)
    start = PageTermState.objects.get().last_change_id
    end = catchup.termindex.newest_change_id()
    assert end - start > len(pages)

    def slow_batches(done, total):
        time.sleep(0.3)  # a batch of a large site takes this long to analyse

    def worker():
        try:
            catchup.run(slow_batches, batch=8)
        finally:
            connection.close()

    thread = threading.Thread(target=worker)
    thread.start()
    answers, during = [], 0
    while thread.is_alive():
        indexed = PageTermState.objects.get().last_change_id
        started = time.monotonic()
        response = client.get(SEARCH_URL, {"q": "아버지"})
        answers.append((response.status_code, time.monotonic() - started))
        body = response.json()
        assert body["total"] == len(expected)  # every page, old terms or new, never none
        assert {item["id"] for item in body["items"]} <= expected
        during += start < indexed < end
    thread.join()

    assert PageTermState.objects.get().last_change_id == end
    assert during >= 2  # searches were answered between the worker's batches
    assert all(status == 200 for status, _ in answers)
    assert max(seconds for _, seconds in answers) < 2


@pytest.mark.django_db
def test_the_catch_up_command_indexes_now_and_says_so(client, family_info, queued_worker):
    page = ArticlePageFactory(parent=family_info, title="예비부부 교육 안내", live=False)
    publish(page)
    output = io.StringIO()

    call_command("catch_up_search_index", stdout=output)

    assert "검색 색인이 최신입니다" in output.getvalue()
    assert found(client, "예비부부") == [page.pk]
    assert not catchup.is_behind()


@pytest.mark.search_engine
def test_the_worker_writes_engine_documents_in_bulk(
    engine, family_info, queued_worker, monkeypatch
):
    pages = [
        ArticlePageFactory(parent=family_info, title=f"맞벌이 가정 돌봄 {number}", live=False)
        for number in range(12)
    ]
    catchup.run()  # the first build (and the engine's index)
    for page in pages:
        publish(page)
    publish(family_info.specific)  # and a fan-out over all of them
    urls = []
    transport = type(engine.es.transport)
    perform_request = transport.perform_request

    def counted(self, method, url, *args, **kwargs):
        urls.append(url)
        return perform_request(self, method, url, *args, **kwargs)

    monkeypatch.setattr(transport, "perform_request", counted)
    indexed = catchup.run()
    monkeypatch.undo()

    assert indexed > len(pages)
    assert len([url for url in urls if url.endswith("/_bulk")]) == 1  # one request for all
    assert {page.pk for page in pages} <= indexed_ids(engine)


@pytest.mark.django_db
def test_a_search_before_the_first_build_queues_it_and_answers_with_what_exists(
    client, family_info, queued_worker
):
    page = ArticlePageFactory(parent=family_info, title="손자녀 돌봄 수당")  # no event: an import
    # A database whose search index was never built (restored without it).
    for model in (PageTermState, PageTerm, DBTaskResult):
        model.objects.all().delete()

    assert found(client, "손자녀") == []  # nothing indexed yet, and nothing indexed now
    assert found(client, "손자녀") == []
    assert not PageTerm.objects.exists()
    assert DBTaskResult.objects.filter(task_path=TASK_PATH).count() == 1

    run_worker()
    assert found(client, "손자녀") == [page.pk]


ADMIN_INDEX_TASK = "search.tasks.update_admin_index"


@pytest.mark.django_db
def test_a_publish_queues_the_admin_index_update_instead_of_analysing_the_page_inside_it(
    family_info, queued_worker
):
    from wagtail.search.models import IndexEntry

    page = ArticlePageFactory(parent=family_info, title="다문화가족 통번역 지원", live=False)
    run_worker()
    IndexEntry.objects.filter(object_id=str(page.pk)).delete()

    with CaptureQueriesContext(connection) as queries:
        publish(page)

    index_table = IndexEntry._meta.db_table
    assert not [q["sql"] for q in queries.captured_queries if index_table in q["sql"]]
    assert DBTaskResult.objects.filter(task_path=ADMIN_INDEX_TASK, status="READY").exists()
    assert not IndexEntry.objects.filter(object_id=str(page.pk)).exists()

    run_worker()
    assert IndexEntry.objects.filter(object_id=str(page.pk)).exists()


@pytest.mark.django_db
def test_the_two_saves_of_one_publish_update_the_admin_index_once(family_info, queued_worker):
    from wagtail.search.models import IndexEntry

    page = ArticlePageFactory(parent=family_info, title="다문화가족 방문교육", live=True)
    run_worker()
    DBTaskResult.objects.all().delete()
    page.title = "다문화가족 방문교육 안내"
    publish(page)
    queued = DBTaskResult.objects.filter(task_path=ADMIN_INDEX_TASK)
    assert queued.filter(status="READY").count() == 2  # save_revision's save, then publish's

    run_worker()
    assert list(queued.values_list("status", flat=True)) == ["SUCCESSFUL"]
    entry = IndexEntry.objects.get(object_id=str(page.pk))
    assert "안내" in entry.title


@pytest.mark.django_db
def test_an_import_with_auto_update_off_queues_no_admin_index_updates(
    family_info, queued_worker, settings
):
    settings.WAGTAILSEARCH_BACKENDS = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    DBTaskResult.objects.all().delete()
    for number in range(3):
        ArticlePageFactory(parent=family_info, title=f"가져온 글 {number}", live=True)
    assert not DBTaskResult.objects.filter(task_path=ADMIN_INDEX_TASK).exists()
