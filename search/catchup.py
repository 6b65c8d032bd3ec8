"""Bringing citizens' search up to date with content changes: in the task worker, never in a
request.

Every committed content change asks for a catch-up (`request`): one task is queued unless one
is queued or running already, so a burst of publishes costs one task, and a change made while
it runs is picked up by the same run. The task (`search.tasks.catch_up_search`, body `run`)
reads the change log after the last indexed change, by id; each page changed in what it read is
indexed once, `BATCH` pages at a time. Per batch it writes the engine's documents (bulk API,
when an engine is configured), then the page terms and the progress
(`PageTermState.last_change_id`) in one short transaction: a killed worker resumes at the
batch it was in, and a fan-out change (one page shown by thousands) never holds a lock for long.

The worker holds the task lease `search-catch-up` (infra/tasks.py) while it runs, renewed in
the background and by every batch, whose progress is written only while the lease is still its
own; a lease left by a killed worker runs out after TASK_LEASE_SECONDS and the next change or
search queues a new task. A database whose terms were never built gets them built by the first
task, page ids in order (`build_cursor` keeps its place). Searches read what is indexed
meanwhile.
"""

import logging
import time
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, Q
from django.utils import timezone

from content.models import ContentChange
from content.versioning import ContentVersion
from content.visibility import searchable_pages
from infra.models import Lease
from infra.tasks import acquire, extend_run, leased, release, renew, this_process
from search import termindex
from search.indexing import ensure_engine_index, load_pages, write_documents
from search.models import PageTermState

logger = logging.getLogger(__name__)

# Pages per batch: one short transaction, a second or two of Korean analysis.
BATCH = 200
# Change rows read at once; a page changed several times within them is indexed once.
WINDOW = 10_000
LEASE_KEY = "search-catch-up"
# A queued task that has not started by then is taken for lost (its worker was gone).
QUEUED_STALE_SECONDS = 300

Progress = Callable[[int, int], None]


class LeaseLost(Exception):
    """Another worker took over a run whose lease ran out: this one stops."""


def _state() -> PageTermState:
    """The state row, created on first use as "build everything from page 1"."""
    state, _ = PageTermState.objects.get_or_create(
        pk=1, defaults={"build_cursor": 0, "last_change_id": termindex.newest_change_id()}
    )
    return state


# Asking -------------------------------------------------------------------------------------


def request() -> bool:
    """Queue a catch-up unless one is queued or running; True if this call queued one."""
    _state()
    now = timezone.now()
    running = Lease.objects.filter(key=LEASE_KEY, expires_at__gte=now)
    free = PageTermState.objects.filter(pk=1).filter(
        Q(queued_at__isnull=True) | Q(queued_at__lt=now - timedelta(seconds=QUEUED_STALE_SECONDS))
    )
    # One UPDATE: two requests at once queue one task.
    if not free.filter(~Exists(running)).update(queued_at=now):
        return False
    from search.tasks import catch_up_search

    try:
        catch_up_search.using(backend=settings.BACKGROUND_TASK_BACKEND).enqueue()
    except Exception:
        PageTermState.objects.filter(pk=1, queued_at=now).update(queued_at=None)
        logger.exception("Could not queue the search index catch-up")
        return False
    return True


_checked: dict[str, str] = {}


def request_if_behind(version: ContentVersion) -> None:
    """From a search: queue a catch-up if the index is behind `version` and none is queued or
    running (changes recorded without an event, a worker killed mid-run). Checked once per
    content version per process; never indexes here."""
    if _checked.get("key") == version.key:
        return
    _checked["key"] = version.key
    state = PageTermState.objects.filter(pk=1).values_list("last_change_id", "build_cursor")
    row = state.first()
    if row is None or row[0] < version.change_id or row[1] is not None:
        request()


# Running ------------------------------------------------------------------------------------


def _save_progress(holder: str, **progress) -> None:
    """Within the batch's transaction: record progress and renew the lease, if still ours."""
    if not renew(LEASE_KEY, holder):
        raise LeaseLost
    extend_run()  # a batch done: the job is making progress, not stuck (infra/tasks.py)
    PageTermState.objects.filter(pk=1).update(built_at=timezone.now(), **progress)


def is_behind() -> bool:
    state = _state()
    if state.build_cursor is not None:
        return True
    return ContentChange.objects.filter(id__gt=state.last_change_id).exists()


def run(progress: Progress | None = None, batch: int = BATCH) -> int:
    """Bring the page terms and the engine's documents up to date with every committed
    change, in batches; returns how many pages were (re)indexed. The task's body, and the
    commands'. Returns at once if another worker is running it."""
    _state()
    # This task has started: it no longer waits in the queue. If another worker holds the
    # lease, that worker looks for changes again when it lets go, so nothing is missed.
    PageTermState.objects.filter(pk=1).update(queued_at=None)
    current = _Run(this_process(), batch, progress)
    try:
        while True:
            with leased(LEASE_KEY, holder=current.holder) as held:
                if not held:
                    break
                while current.step():
                    pass
            # A change committed while this run held the lease queued no task: look again.
            if not is_behind():
                break
    except LeaseLost:
        logger.warning("Search catch-up stopped: another worker took over its lease")
    return current.indexed


class _Run:
    """One worker's pass: which pages it indexed after which change (so a page changed twice
    is indexed once), and its progress report."""

    def __init__(self, holder: str, batch: int, progress: Progress | None):
        self.holder = holder
        self.batch = batch
        self.progress = progress
        self.indexed = 0
        # page id → the newest change id read before the page was indexed
        self.covered: dict[int, int] = {}
        self.total: int | None = None

    def step(self) -> bool:
        """Index one batch; False when there was nothing left."""
        state = PageTermState.objects.get(pk=1)
        if state.build_cursor is not None:
            return self._build_step(state.build_cursor)
        return self._change_step(state.last_change_id)

    def _report(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(done, total)

    def _change_step(self, last_change_id: int) -> bool:
        rows = list(
            ContentChange.objects.filter(id__gt=last_change_id)
            .order_by("id")
            .values_list("id", "page_id")[:WINDOW]
        )
        if not rows:
            return False
        newest_read = rows[-1][0]
        first_seen: dict[int, int] = {}
        for change_id, page_id in rows:
            if page_id is not None and self.covered.get(page_id, 0) < change_id:
                first_seen.setdefault(page_id, change_id)
        # Pages in order of their first pending change: once a batch is written, every change
        # before the next page's first one is indexed.
        order = list(first_seen)
        chunk = order[: self.batch]
        up_to = first_seen[order[self.batch]] - 1 if len(order) > self.batch else newest_read
        if self.total is None:
            self.total = len(order)
        self._write(chunk, last_change_id=up_to)
        for page_id in chunk:
            self.covered[page_id] = newest_read
        self._report(self.indexed, max(self.total, self.indexed))
        return True

    def _build_step(self, after_id: int) -> bool:
        if self.total is None:
            self.total = searchable_pages().filter(pk__gt=after_id).count()
            ensure_engine_index()
        ids = list(
            searchable_pages()
            .filter(pk__gt=after_id)
            .order_by("pk")
            .values_list("pk", flat=True)[: self.batch]
        )
        last = len(ids) < self.batch
        pages = load_pages(ids)
        write_documents(pages, ())
        with transaction.atomic():
            termindex.replace_range(after_id, None if last else ids[-1], pages)
            _save_progress(self.holder, build_cursor=None if last else ids[-1])
        self.indexed += len(pages)
        self._report(self.indexed, max(self.total, self.indexed))
        return True

    def _write(self, page_ids: list[int], last_change_id: int) -> None:
        pages = load_pages(page_ids)
        removed = set(page_ids) - {page.pk for page in pages}
        # The engine first: a worker killed before the terms' commit redoes both.
        write_documents(pages, removed)
        with transaction.atomic():
            termindex.replace_terms(page_ids, pages)
            _save_progress(self.holder, last_change_id=last_change_id)
        self.indexed += len(page_ids)


def rebuild(progress: Progress | None = None, batch: int = BATCH) -> int:
    """Index every searchable page again (the terms, and the engine's documents if one is
    configured), then catch up; searches keep reading the old terms of pages not yet
    reached. Waits for a run another worker holds to end first."""
    _state()
    while not acquire(LEASE_KEY, holder := this_process()):
        time.sleep(0.5)
    PageTermState.objects.filter(pk=1).update(
        build_cursor=0, last_change_id=termindex.newest_change_id()
    )
    release(LEASE_KEY, holder)
    return run(progress, batch)


def wait_until_indexed(timeout: float = 60.0, poll: float = 0.2) -> bool:
    """Wait until every change committed before the call is indexed (benches, tests);
    False if `timeout` seconds passed first."""
    target = termindex.newest_change_id()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = PageTermState.objects.filter(pk=1).first()
        if state and state.build_cursor is None and state.last_change_id >= target:
            return True
        time.sleep(poll)
    return False
