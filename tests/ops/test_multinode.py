"""Several nodes on one PostgreSQL and one Valkey: two web servers, two task workers and two
schedulers, each a separate process, as `docker compose up --scale web=2 --scale worker=2` runs.

A publish through web server A is read through web server B within 5 s, B's cached answers
follow it (new title, new ETag), every background task runs exactly once and the scheduled job
runs once per interval, not once per scheduler. Runs in its own `.ci/run` stage:

    MULTINODE_TEST=1 DATABASE_URL=$(bash .ci/postgres.sh) REDIS_URL=$(bash .ci/redis.sh) \
        .venv/bin/python -m pytest tests/ops/test_multinode.py
"""

import contextlib
import http.cookiejar
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection
from prometheus_client.parser import text_string_to_metric_families
from wagtail.test.utils.form_data import querydict_from_html

from infra.tasks import WORKER_PREFIX, held_keys
from pages.models import SectionKind

from .conftest import production_env
from .helpers import PYTHON, REPO, fetch, run_script, shared_database_url
from .multinode_tasks import RUNS_TABLE, record_run

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.multinode,
    pytest.mark.skipif(
        os.environ.get("MULTINODE_TEST") != "1",
        reason="starts seven processes: run in its own stage with MULTINODE_TEST=1",
    ),
]

ADMIN = ("multinode-admin", "multinode-admin-password-1")
TASKS = 40
VISIBLE_WITHIN = 5.0
READY_WITHIN = 90.0
JOB_RUN_LINE = "System check identified"
JOB_INTERVAL = 3  # seconds
METRICS_TOKEN = "multinode-metrics-token"
# Behind the load balancer every server sees the site's one host name (it is part of the ETag).
PUBLIC_HOST = {"Host": "localhost"}
CREATE_ADMIN = """
import django; django.setup()
from django.contrib.auth import get_user_model
get_user_model().objects.create_superuser({username!r}, "admin@example.com", {password!r})
"""


def random_port() -> int:
    """A port the kernel just handed out on loopback (free unless someone takes it meanwhile)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def isolated_cache_url(redis_url: str) -> str:
    """The Valkey of REDIS_URL, database 7, emptied: no claim or cached page of an earlier run."""
    import redis

    parts = urllib.parse.urlsplit(redis_url)
    url = urllib.parse.urlunsplit(parts._replace(path="/7"))
    redis.Redis.from_url(url).flushdb()
    return url


class Node:
    """One process of the portal, its output in a log file."""

    def __init__(self, name: str, args: list[str], env: dict[str, str], log_dir: Path):
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        with self.log_path.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603 - this interpreter, fixed arguments
                [PYTHON, *args],
                cwd=REPO,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: gunicorn's workers stop with it
            )
        self.started = time.monotonic()
        self.stopped: float | None = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def assert_running(self) -> None:
        assert self.process.poll() is None, f"{self.name} exited:\n{self.log()[-3000:]}"

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.stopped is None:
            self.stopped = time.monotonic()


class WebNode(Node):
    def __init__(self, name: str, env: dict[str, str], log_dir: Path):
        self.port = random_port()
        self.base = f"http://127.0.0.1:{self.port}"
        args = ["-m", "gunicorn", "-c", "cms/gunicorn.conf.py", "cms.wsgi:application"]
        super().__init__(name, [*args, "--bind", f"127.0.0.1:{self.port}"], env, log_dir)

    def wait_until_ready(self, deadline: float) -> None:
        while True:
            self.assert_running()
            with contextlib.suppress(OSError):
                if fetch(f"{self.base}/readyz", timeout=2).status == 200:
                    return
            assert time.monotonic() < deadline, f"{self.name} not ready:\n{self.log()[-3000:]}"
            time.sleep(0.3)


class Editor:
    """An editor's browser: cookies, CSRF token, forms posted as the admin's page does."""

    def __init__(self, base: str):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def request(self, path: str, fields: dict | None = None) -> tuple[int, str]:
        data = urllib.parse.urlencode(fields, doseq=True).encode() if fields is not None else None
        request = urllib.request.Request(  # noqa: S310 - loopback test server
            self.base + path, data=data, headers={"Origin": self.base}
        )
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def csrf_token(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def log_in(self, username: str, password: str) -> None:
        self.request("/admin/login/")
        status, _ = self.request(
            "/admin/login/",
            {"username": username, "password": password, "csrfmiddlewaretoken": self.csrf_token()},
        )
        assert status == 200, status

    def publish(self, page_id: int, title: str) -> None:
        path = f"/admin/pages/{page_id}/edit/"
        status, html = self.request(path)
        assert status == 200, status
        form = querydict_from_html(html, form_id="page-edit-form", exclude_csrf=False)
        form["title"] = title
        form["action-publish"] = "action-publish"
        status, html = self.request(path, form)
        assert status == 200, (status, html[-2000:])


def detail(node: WebNode, page_id: int, **headers: str) -> tuple[str, str]:
    """The page's title and ETag as web server `node` answers them."""
    response = fetch(f"{node.base}/api/v2/pages/{page_id}/", headers={**PUBLIC_HOST, **headers})
    assert response.status == 200, response.body[:300]
    return response.json()["title"], response.headers["ETag"]


def detail_requests_counted(node: WebNode) -> float:
    """GET requests to the page-detail route that `node` reports in its /metrics."""
    response = fetch(f"{node.base}/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})
    assert response.status == 200, response.body[:300]
    for family in text_string_to_metric_families(response.body.decode()):
        for sample in family.samples:
            if sample.name == "portal_http_request_duration_seconds_count" and sample.labels == {
                "view": "wagtailapi:pages:detail",
                "method": "GET",
            }:
                return sample.value
    return 0


@pytest.fixture
def runs_table():
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE {RUNS_TABLE} (number integer NOT NULL, pid integer NOT NULL)")
    yield
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {RUNS_TABLE}")


def task_runs() -> list[tuple[int, int]]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT number, pid FROM {RUNS_TABLE}")  # noqa: S608 - constant
        return cursor.fetchall()


def wait_for(condition, seconds: float, interval: float = 0.1):
    """Poll `condition()` until it returns something true or `seconds` pass; its last value."""
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(interval)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_web_servers_two_workers_and_two_schedulers_share_one_database_and_cache(
    portal, redis_url, collected_static, runs_table, tmp_path
):
    # A section page: its edit form is plain fields (an article's body is drawn by the admin's
    # script, which this editor does not run).
    page = portal.section(SectionKind.FAMILY_INFO)
    search = {}
    if os.environ.get("SEARCH_URL"):
        search = {"SEARCH_BACKEND": "opensearch", "SEARCH_INDEX_PREFIX": "multinode_"}
    env = production_env(
        shared_database_url(),
        CACHE_URL=isolated_cache_url(redis_url),
        STATIC_ROOT=str(collected_static),
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        GUNICORN_WORKERS="2",
        GUNICORN_THREADS="2",
        METRICS_TOKEN=METRICS_TOKEN,
        PYTHONUNBUFFERED="1",
        **search,
    )
    # Created by the production settings, so the servers' password hasher can check it.
    run_script(CREATE_ADMIN.format(username=ADMIN[0], password=ADMIN[1]), env)
    scheduler_env = {
        **env,
        "DJANGO_SETTINGS_MODULE": "tests.ops.multinode_settings",
        "MULTINODE_JOB_INTERVAL": str(JOB_INTERVAL),
    }
    worker_args = ["manage.py", "db_worker", "--backend", "background", "--no-startup-delay"]
    worker_args += ["--interval", "0.2", "--no-reload"]

    nodes: list[Node] = []

    def start(node_class, name: str, *args) -> Node:
        """Start a node; listed at once, so `finally` stops whatever started."""
        node = node_class(name, *args, tmp_path)
        nodes.append(node)
        return node

    try:
        web_a = start(WebNode, "web-a", env)
        web_b = start(WebNode, "web-b", env)
        scheduler_args = ["manage.py", "run_scheduler"]
        schedulers = [start(Node, f"scheduler-{n}", scheduler_args, scheduler_env) for n in (1, 2)]
        workers = [start(Node, f"worker-{n}", worker_args, env) for n in (1, 2)]
        deadline = time.monotonic() + READY_WITHIN
        web_a.wait_until_ready(deadline)
        web_b.wait_until_ready(deadline)

        # Caches of both servers are warm with the page as it was.
        old_title, old_etag = detail(web_b, page.pk)
        assert detail(web_b, page.pk) == (old_title, old_etag)
        assert detail(web_a, page.pk) == (old_title, old_etag)

        editor = Editor(web_a.base)
        editor.log_in(*ADMIN)
        published = time.monotonic()
        editor.publish(page.pk, "가족 정보 (2027년 개편)")

        def changed_on_b():
            title, etag = detail(web_b, page.pk)
            return (title, etag) if title != old_title else None

        seen = wait_for(changed_on_b, VISIBLE_WITHIN)
        assert seen, f"B still answers the old title {VISIBLE_WITHIN} s after the publish on A"
        assert time.monotonic() - published < VISIBLE_WITHIN + 2  # the publish request itself
        new_title, new_etag = seen
        assert new_title == "가족 정보 (2027년 개편)"
        assert new_etag != old_etag
        url = f"/api/v2/pages/{page.pk}/"
        stale = fetch(web_b.base + url, headers={**PUBLIC_HOST, "If-None-Match": old_etag})
        assert stale.status == 200  # the old ETag no longer matches on B
        assert detail(web_a, page.pk) == (new_title, new_etag)
        fresh = fetch(web_a.base + url, headers={**PUBLIC_HOST, "If-None-Match": new_etag})
        assert fresh.status == 304  # A and B agree on what is current

        # A's /metrics counts the detail requests A's two gunicorn workers answered, together.
        assert detail_requests_counted(web_a) == 3

        # Every task queued runs once, whichever worker takes it, and both take some.
        for worker in workers:
            worker.assert_running()
        # A worker holds its lease (infra/tasks.py) from the moment it starts taking jobs.
        both_live = wait_for(lambda: len(held_keys(WORKER_PREFIX)) >= len(workers), 30)
        assert both_live, [worker.log() for worker in workers]
        for number in range(TASKS):
            record_run.using(backend="background").enqueue(number)
        wait_for(lambda: len(task_runs()) >= TASKS, 45, interval=0.3)
        time.sleep(1)  # a double run would land now
        runs = task_runs()
        assert sorted(number for number, _ in runs) == list(range(TASKS))
        pids = {pid for _, pid in runs}
        assert len(pids) == 2, f"one worker ran everything: {pids}"

        for scheduler in schedulers:
            scheduler.assert_running()
    finally:
        for node in nodes:
            node.stop()

    # The scheduled job ran once per interval over the schedulers' lifetime, not once per
    # scheduler (two schedulers without a shared claim would run it about twice as often).
    lifetime = max(node.stopped - node.started for node in schedulers)
    runs_of_job = sum(len(re.findall(JOB_RUN_LINE, node.log())) for node in schedulers)
    most = lifetime / JOB_INTERVAL + 2
    assert 3 <= runs_of_job <= most, (runs_of_job, lifetime, schedulers[0].log()[-2000:])
