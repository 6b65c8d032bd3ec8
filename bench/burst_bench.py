"""Burst benchmark: counseling submissions all at once, and a zip-bomb import beside readers.

    .venv/bin/python bench/burst_bench.py                                    # SQLite
    .venv/bin/python bench/burst_bench.py --database "$(bash .ci/postgres.sh)"   # PostgreSQL

Serves the portal from gunicorn (cms/gunicorn.conf.py, production settings as
bench/load_settings.py has them) on 127.0.0.1 and runs two cases:

1. **Burst**: `--submissions` counseling submissions (default 500) sent at once, each on its
   own connection. Every one must be answered 201 or 429 (JSON), none 5xx, and each 201 stored
   exactly once (the receipt numbers answered are counted in the database afterwards); p50 and
   p99 are printed. The per-IP submission quota (COUNSELING_SUBMIT_RATE, 5/h in production)
   is raised to 1000000/h for the bench: every request comes from this one machine, and the
   quota would otherwise answer 429 to all but five.
2. **Zip bomb**: an editor uploads, over and over for `--seconds`, a ~60 KB workbook that
   expands to 2 million cells (29 MB of sheet XML) and one within the zip limits whose sheet
   runs past the cell budget, while `--readers` clients read the API; one citizen submits a
   counseling question in the middle. Its latency is printed (target: answered within 2 s).

Load average is printed before and after. PostgreSQL: a database named
`portal_burst_bench` is created if missing. A benchmark, not a test: it prints figures.
"""

import argparse
import asyncio
import functools
import io
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

print = functools.partial(print, flush=True)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SUBMIT_RATE = "1000000/h"
ADMIN_USER = "burst-admin"
ADMIN_PASSWORD = "burst-bench-only-password"  # noqa: S105 - a throwaway bench database
SUBMISSION = {
    "category": "parenting",
    "title": "아이가 밤에 잠을 안 자요",
    "question": "다섯 살 아이가 매일 밤 늦게까지 잠들지 않아 걱정입니다.",
    "email": "mom@example.com",
    "consent_personal_data": True,
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def database_url(argument: str) -> str:
    if not argument:
        return f"sqlite:///{RESULTS / 'burst-bench.sqlite3'}"
    return urlunsplit(urlsplit(argument)._replace(path="/portal_burst_bench"))


def ensure_postgres_database(url: str) -> None:
    import psycopg2

    admin = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    connection = psycopg2.connect(admin)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = 'portal_burst_bench'")
        if cursor.fetchone() is None:
            cursor.execute("CREATE DATABASE portal_burst_bench")
    connection.close()


def server_env(url: str, base: str, cache_url: str) -> dict[str, str]:
    return {
        **os.environ,
        **({"CACHE_URL": cache_url} if cache_url else {}),
        "DJANGO_SETTINGS_MODULE": "bench.load_settings",
        "DATABASE_URL": url,
        "SECRET_KEY": "burst-bench-only-" + "x" * 50,
        "COUNSELING_ENCRYPTION_KEY": "GN4VGW9UIc7x3YTqU88vQqm8o--0kc-EDfHLMH5hOEk=",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "SEARCH_BACKEND": "database",
        "COUNSELING_SUBMIT_RATE": SUBMIT_RATE,
        "API_ANONYMOUS_RATE": "100000000/m",
        "LOG_LEVEL": "ERROR",
        "MEDIA_ROOT": str(RESULTS / "burst-media"),
        "WAGTAILAPI_BASE_URL": base,
    }


def django(env: dict[str, str], script: str) -> str:
    """Run `script` after django.setup() with the server's settings; its standard output."""
    result = subprocess.run(  # noqa: S603 - fixed interpreter and arguments
        [sys.executable, "-c", f"import django; django.setup()\n{script}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode:
        raise SystemExit(result.stderr[-3000:])
    return result.stdout


def prepare(env: dict[str, str]) -> None:
    """Migrate, lay out the portal and make the editor who uploads (once)."""
    django(
        env,
        "from django.core.management import call_command\n"
        "call_command('migrate', verbosity=0)\n"
        "call_command('setup_portal', verbosity=0)\n"
        "from django.contrib.auth import get_user_model\n"
        "User = get_user_model()\n"
        f"user = User.objects.filter(username={ADMIN_USER!r}).first() or "
        f"User.objects.create_superuser({ADMIN_USER!r}, 'burst@example.com', "
        f"{ADMIN_PASSWORD!r})\n",
    )


def stored_receipts(env: dict[str, str], receipts: list[str]) -> dict[str, int]:
    """How many cases the database holds for each receipt number."""
    script = (
        "import json\n"
        "from django.db.models import Count\n"
        "from counseling.models import CounselingCase\n"
        f"wanted = {json.dumps(receipts)}\n"
        "rows = CounselingCase.objects.filter(receipt_number__in=wanted)"
        ".values('receipt_number').annotate(n=Count('id'))\n"
        "print(json.dumps({row['receipt_number']: row['n'] for row in rows}))\n"
    )
    return json.loads(django(env, script))


def case_count(env: dict[str, str]) -> int:
    script = "from counseling.models import CounselingCase\nprint(CounselingCase.objects.count())"
    return int(django(env, script))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * share + 0.5) - 1)] if ordered else 0.0


async def submit(client: httpx.AsyncClient, base: str) -> tuple[int, str, float, dict]:
    started = time.perf_counter()
    try:
        response = await client.post(f"{base}/api/v2/counseling/", json=SUBMISSION)
    except httpx.HTTPError as error:
        return 0, type(error).__name__, time.perf_counter() - started, {}
    seconds = time.perf_counter() - started
    kind = response.headers.get("Content-Type", "")
    try:
        body = response.json()
    except ValueError:
        body = {}
    return response.status_code, kind, seconds, body


async def burst(base: str, count: int) -> list[tuple[int, str, float, dict]]:
    limits = httpx.Limits(max_connections=count, max_keepalive_connections=0)
    async with httpx.AsyncClient(limits=limits, timeout=180) as client:
        return await asyncio.gather(*(submit(client, base) for _ in range(count)))


def run_burst(env: dict[str, str], base: str, count: int) -> None:
    before = case_count(env)
    started = time.perf_counter()
    results = asyncio.run(burst(base, count))
    elapsed = time.perf_counter() - started
    statuses: dict[int, int] = {}
    for status, _, _, _ in results:
        statuses[status] = statuses.get(status, 0) + 1
    not_json = sum(1 for status, kind, _, _ in results if status and kind != "application/json")
    receipts = [body["receipt_number"] for status, _, _, body in results if status == 201]
    stored = stored_receipts(env, receipts)
    twice = sum(1 for n in stored.values() if n > 1)
    missing = len(set(receipts) - set(stored))
    extra = case_count(env) - before - len(receipts)
    latencies = [seconds * 1000 for status, _, seconds, _ in results if status]
    server_errors = sum(n for status, n in statuses.items() if status >= 500 or status == 0)
    print(
        f"burst: {count} submissions at once in {elapsed:.1f} s — statuses {json.dumps(statuses)}"
    )
    print(
        f"  p50 {statistics.median(latencies):.0f} ms, p99 {percentile(latencies, 0.99):.0f} ms, "
        f"max {max(latencies):.0f} ms; 5xx or no answer: {server_errors}; not JSON: {not_json}"
    )
    print(
        f"  stored: {len(receipts)} receipts answered 201, {len(stored)} found, "
        f"{missing} missing, {twice} stored twice, {extra} stored without a 201 answer"
    )
    ok = set(statuses) <= {201, 429} and not not_json and not missing and not twice and not extra
    print(f"  {'OK' if ok else 'FAILED'}: every submission answered 201/429 JSON, stored once")


def workbook_with_sheet(rows: bytes) -> bytes:
    """A real workbook (openpyxl's own parts) whose first sheet holds `rows`."""
    from openpyxl import Workbook

    saved = io.BytesIO()
    workbook = Workbook()
    workbook.active.append(["구분"])
    workbook.save(saved)
    source = zipfile.ZipFile(saved)
    built = io.BytesIO()
    with zipfile.ZipFile(built, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for info in source.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                sheet = (
                    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
                    b'main"><sheetData>' + rows + b"</sheetData></worksheet>"
                )
                archive.writestr(info.filename, sheet)
            else:
                archive.writestr(info, source.read(info))
    return built.getvalue()


def bombs() -> list[tuple[str, bytes]]:
    """The 115 KB bomb refused from its zip directory, and one within the zip limits (random
    digits compress ~30 times) that is refused while streaming, past the cell budget."""
    digits = random.Random(1)
    same = b"<c><v>1</v></c>" * 2_000_000
    varied = b"".join(b"<c><v>%d</v></c>" % digits.randrange(10) for _ in range(300_000))
    return [
        ("zip bomb (2,000,000 cells)", workbook_with_sheet(b"<row>" + same + b"</row>")),
        ("row of 300,000 cells", workbook_with_sheet(b"<row>" + varied + b"</row>")),
    ]


def admin_client(base: str) -> httpx.Client:
    client = httpx.Client(base_url=base, timeout=120)
    client.get("/admin/login/")
    response = client.post(
        "/admin/login/",
        data={
            "username": ADMIN_USER,
            "password": ADMIN_PASSWORD,
            "csrfmiddlewaretoken": client.cookies["csrftoken"],
        },
        headers={"Referer": f"{base}/admin/login/"},
    )
    if response.status_code != 302:
        raise SystemExit(f"admin login failed: {response.status_code}")
    return client


async def read_api(base: str, until: float, latencies: list[float], statuses: dict) -> None:
    paths = [
        "/api/v2/pages/?limit=20",
        "/api/v2/search/?q=한부모가족",
        "/api/v2/pages/?type=pages.SectionPage",
    ]
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        while time.monotonic() < until:
            started = time.perf_counter()
            try:
                status = (await client.get(random.choice(paths))).status_code
            except httpx.HTTPError:
                status = 0
            latencies.append((time.perf_counter() - started) * 1000)
            statuses[status] = statuses.get(status, 0) + 1


def import_loop(base: str, until: float, log: dict[str, list]) -> None:
    """Upload each bomb in turn until `until`; per file: (status, seconds, message) each time."""
    client = admin_client(base)
    files = bombs()
    token = client.cookies["csrftoken"]
    while time.monotonic() < until:
        for name, content in files:
            started = time.perf_counter()
            response = client.post(
                "/admin/report-tables/import/",
                files={"file": ("기관자료.xlsx", content)},
                data={"csrfmiddlewaretoken": token},
                headers={"X-CSRFToken": token, "Referer": f"{base}/admin/"},
            )
            message = response.json().get("error", {}).get("message", "")
            key = f"{name}, {len(content) // 1024} KB"
            log.setdefault(key, []).append(
                (response.status_code, time.perf_counter() - started, message)
            )


async def bomb_case(base: str, readers: int, seconds: float) -> None:
    until = time.monotonic() + seconds
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    imports: dict[str, list] = {}
    importer = asyncio.create_task(asyncio.to_thread(import_loop, base, until, imports))
    reading = [
        asyncio.create_task(read_api(base, until, latencies, statuses)) for _ in range(readers)
    ]
    await asyncio.sleep(min(2.0, seconds / 3))
    async with httpx.AsyncClient(timeout=120) as client:
        status, _, submission_seconds, body = await submit(client, base)
    await asyncio.gather(importer, *reading)
    print(f"zip bomb beside {readers} readers for {seconds:g} s:")
    for name, runs in imports.items():
        answered = sorted({status for status, _, _ in runs})
        slowest = max(seconds for _, seconds, _ in runs)
        print(f"  import {name}: {len(runs)} uploads, {answered}, slowest {slowest:.2f} s")
        print(f"    {runs[0][2]}")
    print(
        f"  readers: {len(latencies)} requests, statuses {json.dumps(statuses)}, "
        f"p50 {statistics.median(latencies):.0f} ms, p99 {percentile(latencies, 0.99):.0f} ms"
    )
    verdict = "OK" if status == 201 and submission_seconds < 2 else "FAILED"
    print(
        f"  counseling submission during the imports: {status} in {submission_seconds:.2f} s "
        f"(receipt {body.get('receipt_number', '-')}); target < 2 s: {verdict}"
    )


def rss_mb(master_pid: int) -> str:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    sizes = []
    for pid in [master_pid, *children]:
        fields = dict(
            line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
        )
        sizes.append(f"{int(fields['VmRSS'].split()[0]) // 1024}")
    return " / ".join(sizes) + " MB (master / workers)"


def wait_until_ready(process: subprocess.Popen, base: str) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}")
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("gunicorn did not become ready in 180 s")


def load_average() -> str:
    return " ".join(f"{n:.2f}" for n in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default="", help="a postgres:// URL; SQLite if empty")
    parser.add_argument("--cache-url", default="", help="CACHE_URL (default: database cache)")
    parser.add_argument("--submissions", type=int, default=500)
    parser.add_argument("--readers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--workers", default="2", help="GUNICORN_WORKERS")
    parser.add_argument("--threads", default="4", help="GUNICORN_THREADS")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    url = database_url(args.database)
    if url.startswith("postgres"):
        ensure_postgres_database(url)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **server_env(url, base, args.cache_url),
        "GUNICORN_WORKERS": args.workers,
        "GUNICORN_THREADS": args.threads,
    }
    prepare(env)
    command = [
        sys.executable, "-m", "gunicorn", "cms.wsgi:application",
        "--config", "cms/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=env)  # noqa: S603
    try:
        wait_until_ready(server, base)
        print(
            f"database: {url.split(':')[0]}, cache: {args.cache_url or 'database'}, "
            f"gunicorn {args.workers} workers x {args.threads} threads, "
            f"COUNSELING_SUBMIT_RATE={SUBMIT_RATE} (raised for the bench: one client address)"
        )
        print(f"load average before: {load_average()}; server RSS {rss_mb(server.pid)}")
        run_burst(env, base, args.submissions)
        asyncio.run(bomb_case(base, args.readers, args.seconds))
        print(f"load average after: {load_average()}; server RSS {rss_mb(server.pid)}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
