"""Content API bench: the portal against stock Wagtail v2, cold (right after a publish) and warm.

    .venv/bin/python bench/api_bench.py                          # 200 pages, SQLite
    .venv/bin/python bench/api_bench.py --pages 2000 --database "$(bash .ci/postgres.sh)"

Serves the portal as production does (bench/harness.py: gunicorn with 2 workers, task worker,
scheduler, Valkey-protocol cache, quotas on) with stock Wagtail's own PagesAPIViewSet at
/stock/v2/ in the same process, and reads over HTTP with one client, one request at a time:

- cold and warm, interleaved: for each sample, publish a new revision of the page (as an
  editor does), read it (cold), read it again (warm); then the same for stock. Every read is
  checked to show the new revision ("stale" counts those that did not);
- ETags kept: ~100 cached URLs' ETags, an unrelated publish, then a revalidation of each;
- sync: a first full download through /api/v2/sync/ against stock's listings, type by type.

A benchmark, not a test: it prints figures and asserts nothing.
"""

import argparse
import functools
import http.client
import json
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import (
    STOCK_PREFIX,
    Portal,
    Visitors,
    add_common_arguments,
    editor,
    load_average,
    publish,
    quiet_pages,
    ratio,
    summary,
)

print = functools.partial(print, flush=True)

LISTING_20 = "?type=pages.ArticlePage&fields=*&limit=20"
LISTING_100 = "?type=pages.ArticlePage&fields=*&limit=100"


@dataclass
class Answer:
    status_code: int
    headers: http.client.HTTPMessage  # names case-insensitive, as in HTTP
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", errors="replace")

    def json(self):
        return json.loads(self.content)


class Reader:
    """One HTTP client, one request at a time on one kept-alive connection, each request from
    the next visitor address.

    The standard library's client, not httpx: httpx spends about 0.35 ms of its own per request
    on these machines, a third of a warm read, so the ratios would measure the client as much
    as the servers. Both sides are read with the same client."""

    def __init__(self, base: str):
        address = urlsplit(base)
        self.host, self.port = address.hostname, address.port
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=120)
        self.visitors = Visitors()

    def get(self, url: str, headers: dict | None = None) -> tuple[float, Answer]:
        headers = self.visitors(headers)
        started = time.perf_counter()
        try:
            answer = self._get(url, headers)
        except (http.client.HTTPException, OSError):
            # gunicorn closes a connection idle past its keep-alive (2 s): open another.
            self.connection.close()
            started = time.perf_counter()
            answer = self._get(url, headers)
        return (time.perf_counter() - started) * 1000, answer

    def _get(self, url: str, headers: dict) -> Answer:
        self.connection.request("GET", url, headers=headers)
        response = self.connection.getresponse()
        return Answer(response.status, response.headers, response.read())


def cases(reader: Reader) -> list[tuple[str, str, str, int]]:
    """(name, portal URL, stock URL, the page published before each cold read)."""
    detail_page = quiet_pages(1)[0]
    found = []
    for name, query in (("listing 20", LISTING_20), ("listing 100", LISTING_100)):
        items = reader.get(f"/api/v2/pages/{query}")[1].json()["items"]
        # The listing's last item: shown by no other page, so a publish touches only itself.
        found.append((name, f"/api/v2/pages/{query}", f"{STOCK_PREFIX}{query}", items[-1]["id"]))
    detail = f"{detail_page}/?fields=*"
    return [("detail", f"/api/v2/pages/{detail}", f"{STOCK_PREFIX}{detail}", detail_page), *found]


def cold_and_warm(reader: Reader, case, samples: int, user, run: str) -> dict:
    """Latencies (ms) of cold and warm reads, portal and stock, and how many reads were stale."""
    name, portal_url, stock_url, page_id = case
    times = {key: [] for key in ("portal cold", "portal warm", "stock cold", "stock warm")}
    stale = dict.fromkeys(times, 0)
    publishes = []
    for number in range(samples):
        for side, url in (("portal", portal_url), ("stock", stock_url)):
            marker = f"r{run}{side[0]}{number}x"  # "…p1x" is not part of "…p10x"
            publishes.append(publish(page_id, marker, user))
            for temperature in ("cold", "warm"):
                elapsed, response = reader.get(url)
                key = f"{side} {temperature}"
                times[key].append(elapsed)
                if response.status_code != 200 or marker not in response.text:
                    stale[key] += 1
    return {"name": name, "times": times, "stale": stale, "publishes": publishes}


def print_cold_warm(results: list[dict], samples: int) -> None:
    print(
        "\ncold = first read after publishing a new revision; warm = the read after it; "
        f"{samples} samples each, interleaved (publish, cold, warm; publish, cold, warm …)"
    )
    header = (
        f"{'case':<12} {'':<5} {'portal p50':>10} {'p95':>8} {'p99':>8} {'stale':>5} |"
        f" {'stock p50':>9} {'p95':>8} {'p99':>8} | {'p50 ratio':>9} {'p95 ratio':>9}"
    )
    print(header)
    print("-" * len(header))
    for result in results:
        for temperature in ("cold", "warm"):
            ours = summary(result["times"][f"portal {temperature}"])
            stock = summary(result["times"][f"stock {temperature}"])
            stale = result["stale"][f"portal {temperature}"]
            print(
                f"{result['name']:<12} {temperature:<5} {ours['p50']:>8.1f}ms {ours['p95']:>6.1f}ms"
                f" {ours['p99']:>6.1f}ms {stale:>5} | {stock['p50']:>7.1f}ms {stock['p95']:>6.1f}ms"
                f" {stock['p99']:>6.1f}ms | {ratio(stock['p50'], ours['p50']):>9}"
                f" {ratio(stock['p95'], ours['p95']):>9}"
            )
    every = [s for result in results for s in result["publishes"]]
    publishes = summary([s * 1000 for s in every])
    stock_stale = sum(r["stale"]["stock cold"] + r["stale"]["stock warm"] for r in results)
    print(
        "ratio = stock / portal; stale = reads not showing the revision just published "
        f"(stock: {stock_stale})\npublishes (save_revision + publish, between the reads): "
        f"p50 {publishes['p50']:.0f} ms, p95 {publishes['p95']:.0f} ms over {publishes['n']}"
    )


def etags_kept(portal: Portal, reader: Reader, user, run: str) -> None:
    """Of ~100 cached responses, how many keep their ETag across an unrelated publish.
    (`find` answers with a redirect, which carries no ETag: it is left out.)"""
    from wagtail.models import Page

    from pages.models import NoticePage, SectionPage

    notice = NoticePage.objects.live().order_by("-pk").first()
    related = quiet_pages(1, exclude={notice.pk})[0]
    rng = random.Random(19)
    candidates = list(Page.objects.live().filter(depth__gt=2).values_list("pk", flat=True))
    details = rng.sample([pk for pk in candidates if pk not in {notice.pk, related}], 70)
    urls = [f"/api/v2/pages/{pk}/" for pk in details[:60]]
    urls += [f"/api/v2/pages/{pk}/?fields=*" for pk in details[60:]]
    for model in ("pages.ArticlePage", "pages.EducationProgramPage", "pages.BlogPostPage"):
        urls += [f"/api/v2/pages/?type={model}&limit=20", f"/api/v2/pages/?type={model}&fields=*"]
    urls += [f"/api/v2/pages/?limit=20&offset={offset}" for offset in (0, 20, 40)]
    urls += ["/api/v2/navigation/", "/api/v2/images/", "/api/v2/documents/", "/api/v2/redirects/"]
    urls += [f"/api/v2/pages/?type=pages.ArticlePage&limit=20&offset={n}" for n in (20, 40)]
    for section in SectionPage.objects.exclude(pk=notice.get_parent().pk):
        urls.append(f"/api/v2/pages/?child_of={section.pk}&limit=20")
    before, without = {}, []
    for url in urls:
        response = reader.get(url)[1]
        if response.status_code == 200 and response.headers.get("ETag"):
            before[url] = response
        else:
            without.append(f"{url} ({response.status_code})")
    related_url = f"/api/v2/pages/{related}/"
    related_before = reader.get(related_url)[1]
    stock_etags = sum(
        "ETag" in reader.get(url.replace("/api/v2/pages/", STOCK_PREFIX))[1].headers
        for url in urls
        if url.startswith("/api/v2/pages/")
    )

    publish(notice.pk, f"{run}unrelated", user)
    publish(related, f"{run}related", user)
    portal.wait_for_tasks()
    time.sleep(1)
    kept, changed_same_bytes, changed = 0, 0, []
    for url, old in before.items():
        response = reader.get(url, {"If-None-Match": old.headers["ETag"]})[1]
        if response.status_code == 304:
            kept += 1
        elif response.content == old.content:
            changed_same_bytes += 1
        else:
            changed.append(url)
    related_after = reader.get(related_url, {"If-None-Match": related_before.headers["ETag"]})[1]
    print(
        f"\nETags kept across an unrelated publish (notice {notice.pk}): {kept} of {len(before)} "
        f"cached URLs ({100 * kept / max(1, len(before)):.0f} %; target ≥ 95 %); "
        f"{changed_same_bytes} changed ETag with identical bytes; changed bytes: "
        f"{', '.join(changed[:5]) or 'none'}{' …' if len(changed) > 5 else ''}"
    )
    print(
        f"  no ETag or not 200, left out: {', '.join(without) or 'none'}\n"
        f"  a related publish (page "
        f"{related}) {'changed' if related_after.status_code == 200 else 'did NOT change'} "
        f"that page's ETag; stock Wagtail sent an ETag on {stock_etags} of its URLs"
    )


def sync_download(reader: Reader) -> None:
    """A first full download: /api/v2/sync/ batches of 100 against stock's listings by type."""
    rows = []
    for attempt in ("first", "second"):
        started, pages, requests, cursor = time.perf_counter(), 0, 0, None
        while True:
            params = f"?limit=100{f'&since={cursor}' if cursor else ''}"
            response = reader.get(f"/api/v2/sync/{params}")[1]
            requests += 1
            if response.status_code != 200:
                print(f"sync: HTTP {response.status_code} after {pages} pages; skipped")
                return
            body = response.json()
            pages += len(body["items"])
            cursor = body["next_cursor"]
            if not body["has_more"]:
                break
        seconds = time.perf_counter() - started
        rows.append((f"portal sync, {attempt} download", pages, requests, seconds))
    started, pages, requests = time.perf_counter(), 0, 0
    for page_type in live_page_types():
        offset = 0
        while True:
            url = f"{STOCK_PREFIX}?type={page_type}&fields=*&limit=100&offset={offset}"
            response = reader.get(url)[1]
            requests += 1
            if response.status_code != 200:
                print(f"  stock listing of {page_type}: HTTP {response.status_code}, left out")
                break
            items = response.json()["items"]
            offset += len(items)
            if len(items) < 100:
                break
        pages += offset
    rows.append(("stock listings, type by type", pages, requests, time.perf_counter() - started))
    print("\nfull download (one client, batches of 100)")
    stock_seconds = rows[-1][3]
    for name, pages, requests, seconds in rows:
        print(
            f"  {name:<32} {pages:>6} pages in {seconds:6.1f} s = {pages / seconds:7.0f} pages/s"
            f" ({requests} requests; speed {ratio(stock_seconds, seconds)} stock's)"
        )
    print("  target: sync ≥ 1,000 pages/s; 20,000 pages within 30 s")


def live_page_types() -> list[str]:
    """ "app.Model" of every type of live page: stock serves full content (`fields=*`) only in a
    listing filtered by type, so a full download with it walks each type's listing."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    ids = Page.objects.live().filter(depth__gt=1).values_list("content_type", flat=True)
    models = [ContentType.objects.get_for_id(pk).model_class() for pk in set(ids)]
    return sorted(f"{model._meta.app_label}.{model.__name__}" for model in models)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_common_arguments(parser)
    parser.add_argument("--samples", type=int, default=200, help="cold and warm reads per case")
    parser.add_argument(
        "--only",
        default="",
        help="the parts whose name contains this: detail, listing, etags, sync",
    )
    args = parser.parse_args()
    with Portal(args) as portal:
        run(portal, args)


def run(portal: Portal, args) -> None:
    reader = Reader(portal.base)
    user = editor()
    run_id = f"{int(time.time()) % 100000}"
    print(f"api_bench: {portal.describe()}; {portal.quotas()}")
    print(f"load average before: {load_average()}")
    results = [
        cold_and_warm(reader, case, args.samples, user, run_id)
        for case in cases(reader)
        if args.only in case[0]
    ]
    if results:
        print_cold_warm(results, args.samples)
        print("targets: cold detail ≥ 3x, cold listing 20 ≥ 5x, warm ≥ 10x stock")
    if args.only in "etags":
        etags_kept(portal, reader, user, run_id)
    if args.only in "sync":
        sync_download(reader)
    print(f"load average after: {load_average()}")


if __name__ == "__main__":
    main()
