"""What the HTTP benches share: the database, the production server and how figures are printed.

`Portal(args)` is the portal as docker-compose.yml runs it, on loopback ports picked at random:
gunicorn (2 workers, cms/gunicorn.conf.py, production settings), compose's `manage.py` services
as they are written there (the task worker `db_worker`, the scheduler `run_scheduler`) and a
redis-server as the shared cache (Valkey's protocol, started by .ci/redis.sh). The bench process
itself sets Django up with the same settings and database, so it can publish as an editor does.

Quotas stay at their production defaults. A bench client stands for many visitors behind
compose's nginx: every request carries its own `X-Real-IP` (RATELIMIT_IP_META_KEY, as in
docker-compose.yml) from a pool of 65,536 addresses, so no visitor comes near the per-IP rate;
429s are counted like any other status.
"""

import contextlib
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
VISITORS = 65_536
# Stock Wagtail v2 on the same data (bench/stock_urls.py): every bench's baseline.
STOCK_PREFIX = "/stock/v2/pages/"


def add_common_arguments(parser) -> None:
    parser.add_argument("--pages", type=int, default=200, help="pages seeded (2000, 20000 …)")
    server = os.environ.get("DATABASE_URL", "")
    parser.add_argument(
        "--database",
        default=server if server.startswith("postgres") else "",
        help="a PostgreSQL server's URL (default: DATABASE_URL if it is one; a database per "
        "size is created there); SQLite files under bench/results/ otherwise",
    )


# Figures ------------------------------------------------------------------------------------


def load_average() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg()) + f" ({os.cpu_count()} CPUs)"


def percentile(values: list[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 200 samples is the 190th smallest)."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))  # ceil
    return ordered[int(rank) - 1]


def summary(values: list[float]) -> dict:
    if not values:
        return dict.fromkeys(["p50", "p95", "p99", "max"], float("nan")) | {"n": 0}
    return {
        "n": len(values),
        "p50": statistics.median(values),
        "p95": percentile(values, 0.95),
        "p99": percentile(values, 0.99),
        "max": max(values),
    }


def ratio(baseline: float, value: float) -> str:
    if not value or baseline != baseline or value != value:
        return "-"
    return f"{baseline / value:.1f}x"


def visitor_ip(number: int) -> str:
    number %= VISITORS
    return f"10.77.{number // 256}.{number % 256}"


class Visitors:
    """Headers of the next simulated visitor (see the module docstring)."""

    def __init__(self, offset: int = 0):
        self.count = offset

    def __call__(self, headers: dict | None = None) -> dict:
        self.count += 1
        return {"X-Real-IP": visitor_ip(self.count), **(headers or {})}


# Database ------------------------------------------------------------------------------------


def database_url(argument: str, pages: int) -> str:
    """SQLite: one file per size under bench/results/; PostgreSQL: one database per size."""
    if not argument:
        return f"sqlite:///{RESULTS / f'bench-{pages}.sqlite3'}"
    parts = urlsplit(argument)
    return urlunsplit(parts._replace(path=f"/portal_bench_{pages}"))


def database_label(url: str) -> str:
    return "PostgreSQL" if url.startswith("postgres") else "SQLite"


def ensure_postgres_database(url: str) -> None:
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    connection = psycopg2.connect(urlunsplit(parts._replace(path="/postgres")))
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


# The portal as production runs it -------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def portal_env(url: str, cache_url: str, base: str) -> dict[str, str]:
    """Production settings (bench.load_settings adds stock Wagtail v2 at /stock/v2/)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.load_settings",
        "DATABASE_URL": url,
        "CACHE_URL": cache_url,
        "SECRET_KEY": "bench-only-" + "x" * 50,
        "COUNSELING_ENCRYPTION_KEY": "GN4VGW9UIc7x3YTqU88vQqm8o--0kc-EDfHLMH5hOEk=",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SEARCH_BACKEND": os.environ.get("SEARCH_BACKEND", "database"),
        "RATELIMIT_IP_META_KEY": "HTTP_X_REAL_IP",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_WORKERS": "2",
        "MEDIA_ROOT": str(RESULTS / "media"),
        "WAGTAILAPI_BASE_URL": base,
        "WAGTAILADMIN_BASE_URL": base,
        "PYTHONPATH": str(ROOT),
    }


def manage(env: dict, *arguments: str) -> float:
    """Run `manage.py …` as an operator would (its start-up included); the seconds it took.
    Its output is kept in bench/results/manage.log, its last line printed."""
    started = time.perf_counter()
    command = [sys.executable, "manage.py", *arguments]
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)  # noqa: S603
    seconds = time.perf_counter() - started
    with (RESULTS / "manage.log").open("a", encoding="utf-8") as log:
        log.write(f"$ manage.py {' '.join(arguments)}\n{result.stdout}{result.stderr}\n")
    if result.returncode:
        raise SystemExit(f"manage.py {' '.join(arguments)} failed (bench/results/manage.log)")
    last = (result.stdout.strip().splitlines() or [""])[-1]
    print(f"  manage.py {' '.join(arguments)}: {last}")
    return seconds


def compose_workers() -> list[list[str]]:
    """The `manage.py` services of docker-compose.yml (the scheduler, the task worker), as
    production runs them: the bench follows whatever queues and backends they are given."""
    import yaml

    services = yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    commands = []
    for service in services["services"].values():
        command = service.get("command")
        if isinstance(command, list) and command[:2] == ["python", "manage.py"]:
            commands.append([sys.executable, *command[1:]])
    return commands


class Portal:
    """gunicorn + task worker + scheduler + redis-server, with Django set up in this process."""

    def __init__(self, args, pages: int | None = None, *, serve: bool = True):
        self.pages = pages or args.pages
        self.url = database_url(args.database, self.pages)
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.redis_port = free_port()
        self.serve = serve
        self.processes: list[subprocess.Popen] = []
        self.log = RESULTS / f"portal-{self.port}.log"  # gunicorn, task worker, scheduler

    def __enter__(self) -> "Portal":
        RESULTS.mkdir(parents=True, exist_ok=True)
        if self.url.startswith("postgres"):
            ensure_postgres_database(self.url)
        self.cache_url = self._redis("start")
        self.env = portal_env(self.url, self.cache_url, self.base)
        try:
            self._setup_django()
            self._prepare()
            if self.serve:
                self._start()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc) -> None:
        for process in reversed(self.processes):
            process.terminate()
        for process in reversed(self.processes):
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._redis("stop")

    def _redis(self, action: str) -> str:
        environment = {**os.environ, "REDIS_PORT": str(self.redis_port)}
        result = subprocess.run(  # noqa: S603
            ["bash", ".ci/redis.sh", action],  # noqa: S607
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.strip()

    def _setup_django(self) -> None:
        os.environ.update(self.env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()

    def _prepare(self) -> None:
        """Migrate; seed once (bench/seed.py) and build both search indexes once seeded; store
        the pages' JSON as an operator does after an import."""
        from django.core.management import call_command
        from wagtail.search.models import IndexEntry

        from bench.seed import seed

        call_command("migrate", verbosity=0)
        seeded = seed(self.pages)
        if seeded or not IndexEntry.objects.exists():
            # Seeding indexes nothing (and a run may have stopped before the index was built):
            # stock Wagtail's search and the portal's both need their index.
            print(f"portal search index (rebuild_search_terms): {self.reindex():.1f} s")
            print(f"stock Wagtail search index (update_index): {self.stock_reindex():.1f} s")
        # What an operator runs after an import or a deploy (docs/performance.md): every public
        # page's stored JSON, current ones skipped. Publishes during a bench build their own.
        seconds = manage(self.env, "build_representations")
        print(
            f"stored JSON (build_representations, as after an import or a deploy): {seconds:.1f} s"
        )

    def reindex(self) -> float:
        return manage(self.env, "rebuild_search_terms")

    def stock_reindex(self) -> float:
        return manage(self.env, "update_index", "--backend", "default")

    def _start(self) -> None:
        log = self.log.open("w", encoding="utf-8")
        gunicorn = [
            sys.executable, "-m", "gunicorn", "cms.wsgi:application",
            "--config", "cms/gunicorn.conf.py", "--bind", f"127.0.0.1:{self.port}",
        ]  # fmt: skip
        for command in (gunicorn, *compose_workers()):
            self.processes.append(
                subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=log)  # noqa: S603
            )
        started = time.monotonic()
        # This process publishes as an editor's request does in a gunicorn worker, which the
        # master warmed up before forking (cms/gunicorn.conf.py): warm up the same way.
        from cms.warmup import warm_up

        warm_up()
        self._wait_until_ready()
        print(f"portal ready {time.monotonic() - started:.1f} s after start; {self.describe()}")
        waited = self.wait_for_tasks()
        print(f"task queue empty after {waited:.1f} s")

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            for process in self.processes:
                if process.poll() is not None:
                    raise SystemExit(f"{process.args[2]} exited with {process.returncode}")
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(f"{self.base}/readyz", timeout=5).status_code == 200:
                    return
            time.sleep(0.5)
        raise SystemExit(f"gunicorn was not ready in 300 s (see {self.log})")

    def describe(self) -> str:
        from wagtail.models import Page

        live = Page.objects.live().filter(depth__gt=2).count()
        cache = "Valkey protocol (redis-server)"
        return f"database {database_label(self.url)}, {live} live pages, cache {cache}"

    def pending_tasks(self) -> int:
        """Tasks due or running on any queue of any backend (a retry due later is not pending)."""
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.ready().count() + DBTaskResult.objects.running().count()

    def wait_for_tasks(self, timeout: float = 600) -> float:
        started = time.monotonic()
        while time.monotonic() - started < timeout and self.pending_tasks():
            time.sleep(0.5)
        return time.monotonic() - started

    def worker_timeouts(self) -> int:
        """gunicorn's "WORKER TIMEOUT" lines so far (a worker killed after 60 s)."""
        return self.log.read_text(encoding="utf-8", errors="replace").count("WORKER TIMEOUT")

    def settle(self, timeout: float = 60) -> None:
        """Wait until the server is idle: slow requests of the previous case (stock listings
        take seconds each) go on being served after a load tool stops, one per thread, and
        the task worker may still have work queued by them. A quick /healthz only shows that
        one thread is free, so this waits for the task queue, then until gunicorn, the task
        worker and the scheduler together have used under a tenth of a core for half a
        second."""
        deadline = time.monotonic() + timeout
        self.wait_for_tasks(timeout)
        while time.monotonic() < deadline:
            before = self._cpu_seconds()
            time.sleep(0.5)
            if self._cpu_seconds() - before < 0.05:
                return
        print(f"  (the server was still busy after {timeout:.0f} s; going on)")

    def _cpu_seconds(self) -> float:
        """CPU seconds (user and system) used so far by the served processes (gunicorn's
        master and workers, the task worker, the scheduler)."""
        pids = []
        for process in self.processes:
            pid = process.pid
            with contextlib.suppress(FileNotFoundError):
                pids += [str(pid), *Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        ticks = 0
        for pid in pids:
            with contextlib.suppress(FileNotFoundError):
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def quotas(self) -> str:
        from django.conf import settings

        return (
            f"quotas at production defaults: anonymous {settings.API_ANONYMOUS_RATE} per IP, "
            f"API key {settings.API_KEY_RATE}, counseling {settings.COUNSELING_SUBMIT_RATE} per "
            f"IP; each request from one of {VISITORS:,} visitor addresses (X-Real-IP)"
        )


# Publishing as an editor does ----------------------------------------------------------------


def editor():
    from django.contrib.auth import get_user_model

    user, created = get_user_model().objects.get_or_create(
        username="bench-editor", defaults={"is_superuser": True, "is_staff": True}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def fresh_title(title: str, marker: str) -> str:
    """The page's seeded title with `marker` instead of the last bench run's."""
    return f"{title.split(' ~')[0]} ~ {marker}"


def publish(page_id: int, marker: str, user) -> float:
    """Save a revision whose title ends with `marker` and publish it, as the admin's edit view
    does (one
    transaction per request, ATOMIC_REQUESTS; content events run when it commits, before the
    editor's response). Returns the seconds the editor waited."""
    from django.db import transaction
    from wagtail.models import Page

    started = time.perf_counter()
    with transaction.atomic():
        page = Page.objects.get(pk=page_id).specific
        page.title = fresh_title(page.title, marker)
        revision = page.save_revision(user=user, log_action=True)
        revision.publish(user=user)
    return time.perf_counter() - started


def fan_out_page():
    """The page every seeded page links to in its body (bench/seed.py), and how many do."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    page = Page.objects.get(slug="bench-0")
    page_type = ContentType.objects.get_for_model(Page)
    showing = (
        ReferenceIndex.objects.filter(to_content_type=page_type, to_object_id=str(page.pk))
        .values("object_id")
        .distinct()
        .count()
    )
    return page, showing


def quiet_pages(count: int, exclude: set[int] = frozenset()) -> list[int]:
    """Article pages no other page shows (publishing one touches only itself), newest first."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page, ReferenceIndex

    from pages.models import ArticlePage

    page_type = ContentType.objects.get_for_model(Page)
    shown = set(
        ReferenceIndex.objects.filter(to_content_type=page_type).values_list(
            "to_object_id", flat=True
        )
    )
    ids = ArticlePage.objects.live().order_by("-pk").values_list("pk", flat=True)
    return [pk for pk in ids if str(pk) not in shown and pk not in exclude][:count]
