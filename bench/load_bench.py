"""Load benchmark: gunicorn (2 workers, cms/gunicorn.conf.py) driven by an asyncio client.

    .venv/bin/python bench/load_bench.py                      # SQLite
    .venv/bin/python bench/load_bench.py --database "$(bash .ci/postgres.sh)"   # PostgreSQL

Seeds pages the way bench/api_bench.py does (PostgreSQL: into a database named
`portal_load_bench`, created if missing), serves the portal and stock Wagtail v2
(/stock/v2/) from the same gunicorn on 127.0.0.1, and for each case runs `--clients`
concurrent httpx clients for `--seconds`, printing req/s, p50/p99 and error counts.
Loopback only; bounded in time. A benchmark, not a test: it prints figures.
"""

import argparse
import asyncio
import functools
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

print = functools.partial(print, flush=True)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PORT = 18750
BASE = f"http://127.0.0.1:{PORT}"
SUBMISSION = {
    "category": "parenting",
    "title": "아이가 밤에 잠을 안 자요",
    "question": "다섯 살 아이가 매일 밤 늦게까지 잠들지 않아 걱정입니다.",
    "nickname": "행복맘",
    "email": "mom@example.com",
    "consent_personal_data": True,
    "consent_publication": False,
}


def database_url(argument: str, pages: int) -> str:
    if not argument:
        return f"sqlite:///{RESULTS / f'load-bench-{pages}.sqlite3'}"
    parts = urlsplit(argument)
    return urlunsplit(parts._replace(path="/portal_load_bench"))


def ensure_postgres_database(url: str) -> None:
    import psycopg2

    parts = urlsplit(url)
    admin = urlunsplit(parts._replace(path="/postgres"))
    connection = psycopg2.connect(admin)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = 'portal_load_bench'")
        if cursor.fetchone() is None:
            cursor.execute("CREATE DATABASE portal_load_bench")
    connection.close()


def server_env(url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.load_settings",
        "DATABASE_URL": url,
        "SECRET_KEY": "load-bench-only-" + "x" * 50,
        "COUNSELING_ENCRYPTION_KEY": "GN4VGW9UIc7x3YTqU88vQqm8o--0kc-EDfHLMH5hOEk=",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SEARCH_BACKEND": "database",
        "COUNSELING_SUBMIT_RATE": "1000000/h",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_WORKERS": "2",
        "MEDIA_ROOT": str(RESULTS / "api-media"),
        "WAGTAILAPI_BASE_URL": BASE,
    }


def prepare(url: str, pages: int) -> None:
    """Migrate and seed (once) with the API bench's seeding, on the serving database."""
    script = (
        "import sys; sys.path.insert(0, '.'); import django; django.setup(); "
        "from django.core.management import call_command; "
        "call_command('migrate', verbosity=0); "
        f"from bench.api_bench import seed; seed({pages})"
    )
    env = server_env(url)
    subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, check=True)  # noqa: S603


def cases(client: httpx.Client) -> list[tuple[str, str, dict, str, dict]]:
    """(name, portal path, portal options, stock path, stock options)."""
    listing = client.get(f"{BASE}/api/v2/pages/?type=pages.ArticlePage&limit=1").json()
    article = listing["items"][0]["id"]
    detail = f"/api/v2/pages/{article}/?fields=*"
    etag = client.get(BASE + detail).headers["ETag"]
    stock_detail = f"/stock/v2/pages/{article}/?fields=*"
    listing_20 = "?type=pages.ArticlePage&fields=*&limit=20"
    return [
        ("detail", detail, {}, stock_detail, {}),
        (
            "listing (limit 20, fields=*)",
            f"/api/v2/pages/{listing_20}",
            {},
            f"/stock/v2/pages/{listing_20}",
            {},
        ),
        ("304 (stock: 200)", detail, {"headers": {"If-None-Match": etag}}, stock_detail, {}),
        ("search", "/api/v2/search/?q=한부모가족", {}, "/stock/v2/pages/?search=한부모가족", {}),
        ("counseling POST", "/api/v2/counseling/", {"json": SUBMISSION}, "", {}),
    ]


async def drive(path: str, options: dict, clients: int, seconds: float) -> dict:
    if not path:
        return {}
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    deadline = time.monotonic() + seconds
    method = "POST" if "json" in options else "GET"
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=BASE, limits=limits, timeout=30) as client:

        async def one_client() -> None:
            while time.monotonic() < deadline:
                started = time.perf_counter()
                try:
                    response = await client.request(method, path, **options)
                    status = response.status_code
                except httpx.HTTPError:
                    status = 0
                latencies.append((time.perf_counter() - started) * 1000)
                statuses[status] = statuses.get(status, 0) + 1

        began = time.monotonic()
        await asyncio.gather(*(one_client() for _ in range(clients)))
        elapsed = time.monotonic() - began
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p99": latencies[max(0, int(len(latencies) * 0.99) - 1)],
        "errors": sum(count for status, count in statuses.items() if status == 0 or status >= 500),
        "statuses": statuses,
    }


def wait_until_ready(process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}")
        try:
            if httpx.get(f"{BASE}/readyz", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise SystemExit("gunicorn did not become ready in 180 s")


def rss_of_workers(master_pid: int) -> list[str]:
    """RSS and PSS (shared pages split between processes) of each worker, in MB."""
    result = []
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children").read_text().split()
    for pid in children:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()
        fields = {line.split(":")[0]: line.split()[1] for line in rollup if ":" in line}
        result.append(
            f"{pid}: RSS {int(fields['Rss']) // 1024} MB, PSS {int(fields['Pss']) // 1024} MB"
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database", default="", help="a postgres:// URL; SQLite if empty")
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    url = database_url(args.database, args.pages)
    if url.startswith("postgres"):
        ensure_postgres_database(url)
    prepare(url, args.pages)

    command = [
        sys.executable, "-m", "gunicorn", "cms.wsgi:application",
        "--config", "cms/gunicorn.conf.py", "--bind", f"127.0.0.1:{PORT}",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=server_env(url))  # noqa: S603
    try:
        started = time.monotonic()
        wait_until_ready(server)
        print(f"\nready {time.monotonic() - started:.1f} s after start (Kiwi preloaded)")
        first = time.perf_counter()
        httpx.get(f"{BASE}/api/v2/search/", params={"q": "한부모가족"}, timeout=30)
        print(f"first search after start: {(time.perf_counter() - first) * 1000:.0f} ms")
        print("workers:", "; ".join(rss_of_workers(server.pid)))
        with httpx.Client() as client:
            table = cases(client)
        print(
            f"database: {url.split(':')[0]}, {args.clients} clients x {args.seconds:g} s per case"
        )
        print(f"load average before: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
        header = (
            f"{'case':<30} {'portal req/s':>12} {'p50':>8} {'p99':>8} {'err':>4}"
            f" | {'stock req/s':>11} {'p50':>8} {'p99':>8} {'err':>4}"
        )
        print(header)
        print("-" * len(header))
        for name, path, options, stock_path, stock_options in table:
            portal = asyncio.run(drive(path, options, args.clients, args.seconds))
            stock = asyncio.run(drive(stock_path, stock_options, args.clients, args.seconds))
            stock_text = (
                f"{stock['rps']:>11.0f} {stock['p50']:>6.1f}ms {stock['p99']:>6.1f}ms"
                f" {stock['errors']:>4}"
                if stock
                else f"{'-':>11} {'':>8} {'':>8} {'':>4}"
            )
            print(
                f"{name:<30} {portal['rps']:>12.0f} {portal['p50']:>6.1f}ms {portal['p99']:>6.1f}ms"
                f" {portal['errors']:>4} | {stock_text}   {json.dumps(portal['statuses'])}"
            )
        print("workers:", "; ".join(rss_of_workers(server.pid)))
        print(f"load average after: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    finally:
        server.terminate()
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
