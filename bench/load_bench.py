"""Load benchmark: gunicorn (2 workers, cms/gunicorn.conf.py) driven by a load tool.

    bash bench/setup.sh                                       # wrk and redis-server (Debian)
    .venv/bin/python bench/load_bench.py                      # SQLite
    .venv/bin/python bench/load_bench.py --database "$(bash .ci/postgres.sh)"   # PostgreSQL

Seeds pages the way bench/api_bench.py does (PostgreSQL: into a database named
`portal_load_bench`, created if missing), serves the portal and stock Wagtail v2
(/stock/v2/) from the same gunicorn on 127.0.0.1 with production settings and the shared
cache production uses (a redis-server on loopback standing in for docker-compose's Valkey;
`--cache database` for Django's database cache), and for each case runs `--clients`
concurrent connections for `--seconds` with wrk (or asyncio httpx clients without it),
printing req/s, p50/p99 and error counts. Loopback only; bounded in time. A benchmark, not a
test: it prints figures.
"""

import argparse
import asyncio
import contextlib
import functools
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import httpx

print = functools.partial(print, flush=True)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PORT = 18750
CACHE_PORT = 18751
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


def server_env(url: str, cache_url: str = "") -> dict[str, str]:
    return {
        **os.environ,
        **({"CACHE_URL": cache_url} if cache_url else {}),
        "DJANGO_SETTINGS_MODULE": "bench.load_settings",
        "DATABASE_URL": url,
        "SECRET_KEY": "load-bench-only-" + "x" * 50,
        "COUNSELING_ENCRYPTION_KEY": "GN4VGW9UIc7x3YTqU88vQqm8o--0kc-EDfHLMH5hOEk=",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "false",
        "SEARCH_BACKEND": "database",
        "COUNSELING_SUBMIT_RATE": "1000000/h",
        # One client machine sends every request: the per-IP quota would answer 429s.
        "API_ANONYMOUS_RATE": "100000000/m",
        "LOG_LEVEL": "WARNING",
        "GUNICORN_WORKERS": "2",
        "MEDIA_ROOT": str(RESULTS / "api-media"),
        "WAGTAILAPI_BASE_URL": BASE,
    }


def prepare(url: str, pages: int, cache_url: str) -> None:
    """Migrate and seed (once) with the API bench's seeding, on the serving database."""
    script = (
        "import sys; sys.path.insert(0, '.'); import django; django.setup(); "
        "from django.core.management import call_command; "
        "call_command('migrate', verbosity=0); "
        f"from bench.api_bench import seed; seed({pages})"
    )
    env = server_env(url, cache_url)
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


WRK_SCRIPT = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function response(status, headers, body) statuses[status] = (statuses[status] or 0) + 1 end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(total) do
    table.insert(parts, string.format('"%d": %d', status, count))
  end
  io.write("STATUSES {" .. table.concat(parts, ", ") .. "}\\n")
  io.write(string.format("PERCENTILES %f %f\\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
"""


def drive_wrk(path: str, options: dict, clients: int, seconds: float) -> dict:
    """The same case driven by wrk (C, one thread): a load tool that is not the bottleneck."""
    if not path:
        return {}
    script = WRK_SCRIPT
    if "json" in options:
        body = json.dumps(options["json"], ensure_ascii=False)
        script += (
            f'wrk.method = "POST"\nwrk.body = [==[{body}]==]\n'
            'wrk.headers["Content-Type"] = "application/json"\n'
        )
    headers = [f"{name}: {value}" for name, value in options.get("headers", {}).items()]
    with tempfile.NamedTemporaryFile("w", suffix=".lua", encoding="utf-8") as handle:
        handle.write(script)
        handle.flush()
        command = [
            "wrk", "-t1", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--timeout", "30s",
            "-s", handle.name, *(arg for header in headers for arg in ("-H", header)),
            BASE + quote(path, safe="/?=&*,"),
        ]  # fmt: skip
        output = subprocess.run(command, capture_output=True, text=True, check=True).stdout  # noqa: S603
    statuses = {int(k): v for k, v in json.loads(re.search(r"STATUSES (.*)", output)[1]).items()}
    p50, p99 = (float(n) for n in re.search(r"PERCENTILES (\S+) (\S+)", output).groups())
    socket_errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    return {
        "rps": float(re.search(r"Requests/sec:\s+(\S+)", output)[1]),
        "p50": p50,
        "p99": p99,
        "errors": socket_errors + sum(c for status, c in statuses.items() if status >= 500),
        "statuses": statuses,
    }


def start_cache() -> subprocess.Popen:
    """A redis-server on loopback, no persistence: the shared cache production runs (Valkey)."""
    command = [
        "redis-server", "--port", str(CACHE_PORT), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603
    import redis

    client = redis.Redis(host="127.0.0.1", port=CACHE_PORT)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            if client.ping():
                return process
        except redis.ConnectionError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("redis-server did not start")


def run_case(args, path: str, options: dict) -> dict:
    settle()
    if args.tool == "wrk":
        return drive_wrk(path, options, args.clients, args.seconds)
    return asyncio.run(drive(path, options, args.clients, args.seconds))


def settle(timeout: float = 60) -> None:
    """Wait until the server is idle: slow requests of the previous case (stock listings take
    seconds) are still being served after the load tool stops, and would slow this case."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        started = time.perf_counter()
        with contextlib.suppress(httpx.HTTPError):
            httpx.get(f"{BASE}/healthz", timeout=timeout)
        if time.perf_counter() - started < 0.02:
            return
        time.sleep(0.5)


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
    parser.add_argument(
        "--cache",
        choices=["redis", "database"],
        default="redis" if shutil.which("redis-server") else "database",
        help="the shared cache: a loopback redis-server (as production's Valkey) or the database",
    )
    parser.add_argument(
        "--tool",
        choices=["wrk", "httpx"],
        default="wrk" if shutil.which("wrk") else "httpx",
        help="the load tool (bash bench/setup.sh installs wrk)",
    )
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    url = database_url(args.database, args.pages)
    if url.startswith("postgres"):
        ensure_postgres_database(url)
    cache = start_cache() if args.cache == "redis" else None
    cache_url = f"redis://127.0.0.1:{CACHE_PORT}/0" if cache else ""
    try:
        serve_and_drive(args, url, cache_url)
    finally:
        if cache is not None:
            cache.terminate()
            cache.wait()


def serve_and_drive(args, url: str, cache_url: str) -> None:
    prepare(url, args.pages, cache_url)

    command = [
        sys.executable, "-m", "gunicorn", "cms.wsgi:application",
        "--config", "cms/gunicorn.conf.py", "--bind", f"127.0.0.1:{PORT}",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=server_env(url, cache_url))  # noqa: S603
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
            f"database: {url.split(':')[0]}, cache: {args.cache}, {args.clients} clients x "
            f"{args.seconds:g} s per case, load tool: {args.tool}"
        )
        print(f"load average before: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
        header = (
            f"{'case':<30} {'portal req/s':>12} {'p50':>8} {'p99':>8} {'err':>4}"
            f" | {'stock req/s':>11} {'p50':>8} {'p99':>8} {'err':>4}"
        )
        print(header)
        print("-" * len(header))
        for name, path, options, stock_path, stock_options in table:
            portal = run_case(args, path, options)
            stock = run_case(args, stock_path, stock_options)
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
