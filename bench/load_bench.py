"""Load bench: the portal as production runs it, driven by many concurrent clients.

    bash bench/setup.sh                                        # wrk and redis-server (Debian)
    .venv/bin/python bench/load_bench.py                       # 200 pages, SQLite
    .venv/bin/python bench/load_bench.py --pages 2000 --database "$(bash .ci/postgres.sh)"

Serves the portal and stock Wagtail v2 (/stock/v2/) from one gunicorn (2 workers,
cms/gunicorn.conf.py, production settings, Valkey-protocol cache, quotas at production
defaults, task worker and scheduler running: bench/harness.py) and for each case runs
`--clients` concurrent connections for `--seconds` with wrk (or asyncio httpx clients without
it), each request from its own visitor address, printing req/s, p50/p99, errors (5xx and
socket) and every status. Both search indexes are built (stock's is Wagtail's own
`update_index`); the number of results each search finds is printed.
A benchmark, not a test: it prints figures.
"""

import argparse
import asyncio
import functools
import json
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import (
    STOCK_PREFIX,
    VISITORS,
    Portal,
    Visitors,
    add_common_arguments,
    load_average,
    ratio,
)

print = functools.partial(print, flush=True)

SUBMISSION = {
    "category": "parenting",
    "title": "아이가 밤에 잠을 안 자요",
    "question": "다섯 살 아이가 매일 밤 늦게까지 잠들지 않아 걱정입니다.",
    "nickname": "행복맘",
    "email": "mom@example.com",
    "consent_personal_data": True,
    "consent_publication": False,
}


def cases(portal: Portal, client: httpx.Client) -> list[tuple[str, str, dict, str, dict]]:
    """(name, portal path, portal options, stock path, stock options)."""
    listing = client.get(f"{portal.base}/api/v2/pages/?type=pages.ArticlePage&limit=1").json()
    article = listing["items"][0]["id"]
    detail = f"/api/v2/pages/{article}/?fields=*"
    etag = client.get(portal.base + detail).headers.get("ETag", "")
    stock_detail = f"{STOCK_PREFIX}{article}/?fields=*"
    listing_20 = "?type=pages.ArticlePage&fields=*&limit=20"
    search, stock_search = f"/api/v2/search/?q={QUERY}", f"{STOCK_PREFIX}?search={QUERY}&limit=20"
    found = client.get(portal.base + search).json().get("total")
    stock_found = client.get(portal.base + stock_search).json().get("meta", {}).get("total_count")
    print(f"search {QUERY!r} finds {found} results on the portal, {stock_found} on stock Wagtail")
    return [
        ("detail", detail, {}, stock_detail, {}),
        ("listing 20 (fields=*)", f"/api/v2/pages/{listing_20}", {}, STOCK_PREFIX + listing_20, {}),
        ("304 (stock: 200)", detail, {"headers": {"If-None-Match": etag}}, stock_detail, {}),
        ("search", search, {}, stock_search, {}),
        ("counseling POST", "/api/v2/counseling/", {"json": SUBMISSION}, "", {}),
    ]


QUERY = "한부모가족"


async def drive(base: str, path: str, options: dict, clients: int, seconds: float) -> dict:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    deadline = time.monotonic() + seconds
    method = "POST" if "json" in options else "GET"
    visitors = Visitors()
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:

        async def one_client() -> None:
            while time.monotonic() < deadline:
                started = time.perf_counter()
                headers = visitors(options.get("headers"))
                try:
                    response = await client.request(
                        method, path, json=options.get("json"), headers=headers
                    )
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


# Each request from its own visitor address (bench/harness.py), as nginx would pass it on.
WRK_SCRIPT = """
local threads = {}
local counter = 0
function setup(thread) table.insert(threads, thread) end
function init(args) statuses = {} end
function request()
  counter = counter + 1
  local n = counter % 65536
  wrk.headers["X-Real-IP"] = string.format("10.77.%d.%d", math.floor(n / 256), n % 256)
  return wrk.format()
end
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


def drive_wrk(base: str, path: str, options: dict, clients: int, seconds: float) -> dict:
    """The same case driven by wrk (C, one thread): a load tool that is not the bottleneck."""
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
            "wrk", "-t1", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--timeout", "60s",
            "-s", handle.name, *(arg for header in headers for arg in ("-H", header)),
            base + quote(path, safe="/?=&*,"),
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


def run_case(portal: Portal, args, path: str, options: dict) -> dict:
    if not path:
        return {}
    portal.settle()
    if args.tool == "wrk":
        return drive_wrk(portal.base, path, options, args.clients, args.seconds)
    return asyncio.run(drive(portal.base, path, options, args.clients, args.seconds))


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
    add_common_arguments(parser)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument(
        "--tool",
        choices=["wrk", "httpx"],
        default="wrk" if shutil.which("wrk") else "httpx",
        help="the load tool (bash bench/setup.sh installs wrk)",
    )
    args = parser.parse_args()
    with Portal(args) as portal:
        drive_cases(portal, args)


def drive_cases(portal: Portal, args) -> None:
    first = time.perf_counter()
    visitors = Visitors(offset=VISITORS // 2)
    httpx.get(f"{portal.base}/api/v2/search/?q={QUERY}", headers=visitors(), timeout=60)
    print(f"first search after start: {(time.perf_counter() - first) * 1000:.0f} ms")
    gunicorn = portal.processes[0]
    print("workers:", "; ".join(rss_of_workers(gunicorn.pid)))
    with httpx.Client(event_hooks={"request": [lambda r: r.headers.update(visitors())]}) as client:
        table = cases(portal, client)
    print(f"load_bench: {portal.describe()}; {portal.quotas()}")
    print(
        f"gunicorn 2 workers (cms/gunicorn.conf.py); {args.clients} clients x {args.seconds:g} s "
        f"per case; load tool: {args.tool}"
    )
    print(f"load average before: {load_average()}")
    header = (
        f"{'case':<24} {'portal req/s':>12} {'p50':>8} {'p99':>8} {'err':>4}"
        f" | {'stock req/s':>11} {'p50':>8} {'p99':>8} {'err':>4} | {'ratio':>6}"
    )
    print(header)
    print("-" * len(header))
    for name, path, options, stock_path, stock_options in table:
        portal_figures = run_case(portal, args, path, options)
        stock = run_case(portal, args, stock_path, stock_options)
        stock_text = (
            f"{stock['rps']:>11.0f} {stock['p50']:>6.1f}ms {stock['p99']:>6.1f}ms"
            f" {stock['errors']:>4} | {ratio(portal_figures['rps'], stock['rps']):>6}"
            if stock
            else f"{'-':>11} {'':>8} {'':>8} {'':>4} | {'-':>6}"
        )
        print(
            f"{name:<24} {portal_figures['rps']:>12.0f} {portal_figures['p50']:>6.1f}ms"
            f" {portal_figures['p99']:>6.1f}ms {portal_figures['errors']:>4} | {stock_text}"
            f"   portal {json.dumps(portal_figures['statuses'])}"
            + (f" stock {json.dumps(stock['statuses'])}" if stock else "")
        )
    print("ratio = portal req/s / stock req/s; err = 5xx and socket errors")
    print("target: 304 ≥ 2,000 req/s on 2 workers")
    print(f"worker timeouts (gunicorn log): {portal.worker_timeouts()}")
    print("workers:", "; ".join(rss_of_workers(gunicorn.pid)))
    print(f"load average after: {load_average()}")


if __name__ == "__main__":
    main()
