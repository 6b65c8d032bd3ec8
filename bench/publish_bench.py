"""Publish bench: publishing while citizens read, and a change that fans out to most pages.

    .venv/bin/python bench/publish_bench.py                      # 200 pages, SQLite
    .venv/bin/python bench/publish_bench.py --pages 2000 --database "$(bash .ci/postgres.sh)"

The portal runs as production does (bench/harness.py). A separate client process runs
`--readers` clients reading in a loop (page detail, listing 20, search) and three visibility
checkers (one sequential client each for the API, sync and search); this process publishes as an
editor does (save_revision + publish, content events when it commits).

1. Under load: a quiet phase (readers only) as the baseline, then `--publishes` publishes at one
   a second, each giving a quiet article a unique word in its title. Per publish: its latency
   (against the same publish on the idle server before the readers started) and the seconds from
   the start of the publish until the page detail, sync (a client following its cursor) and
   search (`/api/v2/search/?q=<word>`) show it; not visible within `--visible-within` s counts
   as never.
2. Fan-out: publish the page every seeded page links to (bench/seed.py; about 80 % of the site),
   then `--fan-out-seconds` of reading: search p50/p95/p99 against the quiet phase before it,
   5xx, socket errors and gunicorn worker timeouts (its log's "WORKER TIMEOUT" lines).

A benchmark, not a test: it prints figures and asserts nothing.
"""

import argparse
import asyncio
import functools
import multiprocessing
import queue
import random
import string
import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import (
    VISITORS,
    Portal,
    Visitors,
    add_common_arguments,
    editor,
    fan_out_page,
    load_average,
    publish,
    quiet_pages,
    ratio,
    summary,
)

print = functools.partial(print, flush=True)

WORDS = ["한부모가족", "다문화가족", "조손가족", "맞벌이", "직장맘", "예비부부", "청소년", "돌봄"]
CHANNELS = ("api", "sync", "search")


# The client process: readers and visibility checkers -----------------------------------------


def client_process(base, page_ids, readers, sync_cursor, commands, results) -> None:
    asyncio.run(run_clients(base, page_ids, readers, sync_cursor, commands, results))


async def run_clients(base, page_ids, readers, sync_cursor, commands, results) -> None:
    records: list[tuple[float, str, float, int]] = []  # (time, kind, ms, status; 0 = no answer)
    pending: dict[int, dict] = {}
    stop = asyncio.Event()
    visitors = Visitors()
    limits = httpx.Limits(max_connections=readers, max_keepalive_connections=readers)
    async with (
        httpx.AsyncClient(base_url=base, timeout=120, limits=limits) as client,
        httpx.AsyncClient(base_url=base, timeout=120) as checker,
    ):

        async def get(http, url, kind):
            started = time.perf_counter()
            try:
                response = await http.get(url, headers=visitors())
                status = response.status_code
            except httpx.HTTPError:
                response, status = None, 0
            records.append((time.time(), kind, (time.perf_counter() - started) * 1000, status))
            return response if status == 200 else None

        async def reader(number: int) -> None:
            rng = random.Random(number)
            while not stop.is_set():
                draw = rng.random()
                if draw < 0.5:
                    await get(client, f"/api/v2/pages/{rng.choice(page_ids)}/", "detail")
                elif draw < 0.75:
                    offset = rng.choice([0, 20, 40])
                    url = f"/api/v2/pages/?type=pages.ArticlePage&limit=20&offset={offset}"
                    await get(client, url, "listing 20")
                else:
                    await get(client, f"/api/v2/search/?q={rng.choice(WORDS)}", "search")

        def unseen(channel):
            return [p for p in list(pending.values()) if channel not in p["seen"]]

        def seen(publish, channel) -> None:
            publish["seen"][channel] = time.time() - publish["started"]

        async def check_api() -> None:
            while not stop.is_set():
                for publish in unseen("api"):
                    response = await get(checker, f"/api/v2/pages/{publish['page']}/", "check")
                    if response is not None and publish["word"] in response.json()["title"]:
                        seen(publish, "api")
                await asyncio.sleep(0.2)

        async def check_search() -> None:
            while not stop.is_set():
                for publish in unseen("search"):
                    response = await get(checker, f"/api/v2/search/?q={publish['word']}", "check")
                    items = response.json().get("items", []) if response is not None else []
                    found = {item["id"] for item in items}
                    found |= {also["id"] for item in items for also in item.get("also", [])}
                    if publish["page"] in found:
                        seen(publish, "search")
                await asyncio.sleep(0.2)

        async def check_sync() -> None:
            """An app syncing: follow the cursor to the end, again and again."""
            cursor = sync_cursor
            while not stop.is_set():
                more = True
                while more and not stop.is_set():
                    url = f"/api/v2/sync/?limit=100&since={cursor}"
                    response = await get(checker, url, "check")
                    if response is None:
                        break
                    body = response.json()
                    for item in body["items"]:
                        for publish in unseen("sync"):
                            if item["id"] == publish["page"] and publish["word"] in item["title"]:
                                seen(publish, "sync")
                    cursor, more = body["next_cursor"], body["has_more"]
                await asyncio.sleep(0.2)

        async def listen() -> None:
            deadline = None
            while not stop.is_set():
                if deadline and (time.time() > deadline or not any(map(unseen, CHANNELS))):
                    stop.set()
                    return
                try:
                    message = await asyncio.to_thread(commands.get, True, 0.2)
                except queue.Empty:
                    continue
                if message[0] == "publish":
                    _, number, page, word, started = message
                    pending[number] = {"page": page, "word": word, "started": started, "seen": {}}
                elif message[0] == "stop when visible":
                    deadline = message[1]
                else:
                    stop.set()

        results.put("ready")
        tasks = [reader(number) for number in range(readers)]
        if sync_cursor is not None:
            tasks.append(check_sync())
        await asyncio.gather(*tasks, check_api(), check_search(), listen())
    results.put({"records": records, "visible": {n: p["seen"] for n, p in pending.items()}})


class Clients:
    """The client process, started and stopped from here."""

    def __init__(self, portal: Portal, readers: int, sync_cursor: str | None):
        from wagtail.models import Page

        context = multiprocessing.get_context("spawn")
        self.commands, self.results = context.Queue(), context.Queue()
        page_ids = list(Page.objects.live().filter(depth__gt=2).values_list("pk", flat=True))
        self.process = context.Process(
            target=client_process,
            args=(portal.base, page_ids, readers, sync_cursor, self.commands, self.results),
        )

    def __enter__(self) -> "Clients":
        self.process.start()
        self.results.get(timeout=120)  # "ready": the clients start now
        return self

    def started(self, number: int, page: int, word: str, started: float) -> None:
        self.commands.put(("publish", number, page, word, started))

    def finish(self, stop_when_visible_by: float | None = None) -> dict:
        if stop_when_visible_by is None:
            self.commands.put(("stop",))
        else:
            self.commands.put(("stop when visible", stop_when_visible_by))
        result = self.results.get()
        self.process.join()
        return result

    def __exit__(self, *exc) -> None:
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()


# Figures --------------------------------------------------------------------------------------


def latencies(records, kind: str, start: float, end: float) -> list[float]:
    return [ms for at, k, ms, status in records if k == kind and start <= at < end and status]


def failures(records, start: float, end: float) -> dict:
    window = [status for at, kind, _, status in records if start <= at < end and kind != "check"]
    return {
        "requests": len(window),
        "5xx": sum(status >= 500 for status in window),
        "no answer": window.count(0),
        "429": window.count(429),
    }


def print_readers(records, phases: list[tuple[str, float, float]]) -> None:
    header = f"  {'readers':<28} {'detail p50/p95':>16} {'listing 20':>16} {'search':>16}"
    print(header + "   requests, 5xx, no answer, 429")
    baseline = None
    for name, start, end in phases:
        cells, p95s = [], {}
        for kind in ("detail", "listing 20", "search"):
            figures = summary(latencies(records, kind, start, end))
            p95s[kind] = figures["p95"]
            cells.append(f"{figures['p50']:>6.0f} /{figures['p95']:>6.0f} ms")
        counts = failures(records, start, end)
        slower = ""
        if baseline is None:
            baseline = p95s
        else:
            slower = "  p95 vs quiet: " + ", ".join(
                f"{kind} {ratio(p95s[kind], baseline[kind])}" for kind in p95s
            )
        print(
            f"  {name:<28} {'  '.join(cells)}   {counts['requests']}, {counts['5xx']}, "
            f"{counts['no answer']}, {counts['429']}{slower}"
        )


# The two cases --------------------------------------------------------------------------------


def unique_word(rng: random.Random) -> str:
    return "qz" + "".join(rng.choice(string.ascii_lowercase) for _ in range(8))


def sync_cursor(portal: Portal) -> str | None:
    """Where an app that is up to date stands now: the cursor of the newest change (from the
    sync module, checked over HTTP), or else the cursor a full download ends with."""
    visitors = Visitors(offset=VISITORS // 2)
    with httpx.Client(base_url=portal.base, timeout=120) as client:
        try:
            from api.sync import make_cursor
            from content.models import ContentChange

            newest = ContentChange.objects.order_by("-id").values_list("id", flat=True).first()
            cursor = make_cursor(newest or 0)
            url = f"/api/v2/sync/?limit=1&since={cursor}"
            if client.get(url, headers=visitors()).status_code == 200:
                return cursor
        except Exception as error:  # the sync module changed: ask the API instead
            print(f"  (no cursor from api.sync: {error!r}; downloading everything once)")
        cursor, started = "", time.monotonic()
        while True:
            response = client.get(f"/api/v2/sync/?limit=100&since={cursor}", headers=visitors())
            if response.status_code != 200:
                print(f"sync visibility skipped: /api/v2/sync/ answered {response.status_code}")
                return None
            body = response.json()
            cursor = body["next_cursor"]
            if not body["has_more"]:
                print(f"  (full sync download for a cursor: {time.monotonic() - started:.0f} s)")
                return cursor


def under_load(portal: Portal, args, user) -> None:
    rng = random.Random()
    fan_out, _ = fan_out_page()
    targets = quiet_pages(args.publishes + 5, exclude={fan_out.pk})
    if len(targets) < args.publishes + 5:
        needed = args.publishes + 5
        print(f"publish under load skipped: {len(targets)} quiet articles, {needed} needed")
        return
    idle = [publish(page, unique_word(rng), user) * 1000 for page in targets[args.publishes :]]
    portal.wait_for_tasks()
    timeouts = portal.worker_timeouts()
    print(f"\n1. {args.publishes} publishes at one a second while {args.readers} clients read")
    print(f"load average before: {load_average()}")
    cursor = sync_cursor(portal)
    with Clients(portal, args.readers, cursor) as clients:
        quiet_start = time.time()
        time.sleep(args.quiet_seconds)
        publish_start = time.time()
        latency, late = [], 0
        for number, page in enumerate(targets[: args.publishes]):
            due = publish_start + number
            if time.time() < due:
                time.sleep(due - time.time())
            else:
                late += number > 0
            word = unique_word(rng)
            started = time.time()
            clients.started(number, page, word, started)
            latency.append(publish(page, word, user) * 1000)
        last = started
        result = clients.finish(stop_when_visible_by=last + args.visible_within)
    ended = time.time()
    print(f"load average after: {load_average()}")
    under, alone = summary(latency), summary(idle)
    print(
        f"  publish latency: p50 {under['p50']:.0f} ms, p95 {under['p95']:.0f} ms, max "
        f"{under['max']:.0f} ms (idle server, {alone['n']} publishes: p50 {alone['p50']:.0f} ms; "
        f"p50 {ratio(under['p50'], alone['p50'])} of idle); {late} started late (the one "
        "before took over a second); target p95 ≤ 1 s"
    )
    visible = result["visible"]
    for channel in CHANNELS:
        if channel == "sync" and cursor is None:
            print("  visible in sync: skipped (no cursor to start from, see above)")
            continue
        seconds = [
            v[channel] for v in visible.values() if v.get(channel, 1e9) <= args.visible_within
        ]
        figures = summary(seconds)
        never = len(latency) - len(seconds)
        print(
            f"  visible in {channel:<6}: p50 {figures['p50']:.1f} s, p95 {figures['p95']:.1f} s, "
            f"max {figures['max']:.1f} s; never within "
            f"{args.visible_within:g} s: {never} of {len(latency)} (from the start of the publish; "
            "target p95 ≤ 5 s)"
        )
    print_readers(
        result["records"],
        [
            ("quiet (no publishing)", quiet_start, publish_start),
            ("while publishing", publish_start, last + 1),
            ("after the last publish", last + 1, ended),
        ],
    )
    print(f"  gunicorn worker timeouts: {portal.worker_timeouts() - timeouts}")


def fan_out(portal: Portal, args, user) -> None:
    page, showing = fan_out_page()
    waited = portal.wait_for_tasks(timeout=300)
    backlog = portal.pending_tasks()
    print(
        f"\n2. fan-out: publish page {page.pk}, shown by {showing} other pages, then "
        f"{args.fan_out_seconds:g} s of {args.readers} clients reading (task queue: waited "
        f"{waited:.0f} s, {backlog} still pending)"
    )
    print(f"load average before: {load_average()}")
    timeouts = portal.worker_timeouts()
    with Clients(portal, args.readers, None) as clients:
        quiet_start = time.time()
        time.sleep(args.quiet_seconds)
        published_at = time.time()
        latency = publish(page.pk, unique_word(random.Random()), user)
        time.sleep(max(0.0, published_at + args.fan_out_seconds - time.time()))
        pending = portal.pending_tasks()
        result = clients.finish()
    ended = time.time()
    drained = portal.wait_for_tasks(timeout=300)
    print(f"load average after: {load_average()}")
    records = result["records"]
    quiet = summary(latencies(records, "search", quiet_start, published_at))
    after = summary(latencies(records, "search", published_at, ended))
    counts = failures(records, published_at, ended)
    print(
        f"  publish latency {latency * 1000:.0f} ms; tasks pending at the end of the window: "
        f"{pending}, queue empty {drained:.0f} s later"
    )
    print(
        f"  search after the publish: p50 {after['p50']:.0f} ms, p95 {after['p95']:.0f} ms, p99 "
        f"{after['p99']:.0f} ms over {after['n']} (quiet before: p95 {quiet['p95']:.0f} ms; "
        f"{ratio(after['p95'], quiet['p95'])} of quiet); target p95 ≤ 150 ms (database backend)"
    )
    print(
        f"  {counts['requests']} requests: {counts['5xx']} 5xx, {counts['no answer']} without an "
        f"answer, {counts['429']} 429; gunicorn worker timeouts: "
        f"{portal.worker_timeouts() - timeouts} (targets: 0 5xx, 0 timeouts)"
    )
    print_readers(
        records,
        [("quiet (before)", quiet_start, published_at), ("after the fan-out", published_at, ended)],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_common_arguments(parser)
    parser.add_argument("--readers", type=int, default=16)
    parser.add_argument("--publishes", type=int, default=40)
    parser.add_argument("--visible-within", type=float, default=40, help="seconds")
    parser.add_argument("--quiet-seconds", type=float, default=10, help="the baseline phase")
    parser.add_argument("--fan-out-seconds", type=float, default=60)
    parser.add_argument("--only", choices=["load", "fan-out"], default=None)
    args = parser.parse_args()
    with Portal(args) as portal:
        user = editor()
        print(f"publish_bench: {portal.describe()}; {portal.quotas()}")
        if args.only != "fan-out":
            under_load(portal, args, user)
        if args.only != "load":
            fan_out(portal, args, user)


if __name__ == "__main__":
    main()
