"""Content API benchmark: the portal's API against stock Wagtail v2 on the same pages.

    .venv/bin/python bench/api_bench.py                 # 2,000 pages, 200 requests per case
    .venv/bin/python bench/api_bench.py --pages 5000 --requests 500

Seeds a throw-away SQLite database under bench/results/ (kept between runs) with the
portal tree and at least 2,000 pages of every content type, with images, files, links
and taxonomies, then times in-process requests (Django's test client, no network) to
/api/v2/… and to a stock `PagesAPIViewSet` mounted at /stock/v2/ in the same run.
Reports p50/p95 latency (ms), requests/s and queries per request, with the ratio to the
stock baseline. A benchmark, not a test: it prints figures and asserts nothing.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
STOCK_PREFIX = "/stock/v2/pages/"

WORDS = ["한부모가족", "다문화가족", "조손가족", "맞벌이", "직장맘", "예비부부", "청소년", "돌봄"]


def setup_django(database: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ["MEDIA_ROOT"] = str(RESULTS / "api-media")
    import django
    from django.conf import settings

    django.setup()
    settings.MEDIA_ROOT = str(RESULTS / "api-media")
    settings.ROOT_URLCONF = __name__  # this module: the project's URLs plus the stock API


def stock_urlpatterns():
    from django.urls import include, path
    from wagtail.api.v2.router import WagtailAPIRouter
    from wagtail.api.v2.views import PagesAPIViewSet

    stock = WagtailAPIRouter("stockapi")
    stock.register_endpoint("pages", PagesAPIViewSet)
    return [path("stock/v2/", stock.urls), path("", include("cms.urls"))]


def __getattr__(name):  # the URLconf is built lazily, after django.setup()
    if name == "urlpatterns":
        return stock_urlpatterns()
    raise AttributeError(name)


def seed(page_count: int) -> None:
    """Create the portal and `page_count` pages once; later runs reuse them."""
    from django.conf import settings
    from django.core.files.images import ImageFile
    from django.core.management import call_command
    from django.db import transaction
    from PIL import Image as PillowImage
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from pages.models import (
        ArticlePage,
        BlogPostPage,
        EducationProgramPage,
        NoticePage,
        SectionKind,
    )
    from pages.portal_tree import ensure_portal_tree
    from pages.snippets import Agency, Topic

    call_command("migrate", verbosity=0)
    if Page.objects.filter(depth__gte=4).count() >= page_count:
        return
    for backend in settings.WAGTAILSEARCH_BACKENDS.values():
        backend["AUTO_UPDATE"] = False  # seeding is not measured; no search indexing
    started = time.perf_counter()
    rng = random.Random(20161201)
    _, sections = ensure_portal_tree()
    images = []
    for number in range(8):
        path = RESULTS / f"bench-image-{number}.jpg"
        PillowImage.new("RGB", (1600, 1000), (40 * number, 120, 200)).save(path)
        with path.open("rb") as handle:
            images.append(
                get_image_model().objects.create(
                    title=f"사진 {number}", file=ImageFile(handle, name=path.name)
                )
            )
    document_model = get_document_model()
    document = document_model.objects.create(title="안내서", file="documents/guide.pdf")
    topics = [Topic.objects.get_or_create(slug=f"t{n}", name=WORDS[n])[0] for n in range(8)]
    agency = Agency.objects.get_or_create(name="서울시여성가족재단")[0]
    today = time.strftime("%Y-%m-%d")
    first_article = None
    with transaction.atomic():
        for number in range(page_count):
            word = rng.choice(WORDS)
            image = rng.choice(images)
            body = [
                ("heading", {"text": f"{word} 안내", "level": "h2"}),
                (
                    "paragraph",
                    f"<p>{word}을 위한 지원입니다. "
                    + (
                        f'<a linktype="page" id="{first_article.pk}">관련 글</a> '
                        if first_article
                        else ""
                    )
                    + f'<a linktype="document" id="{document.pk}">안내서</a></p>',
                ),
                ("image", {"image": image, "alt_text": word, "caption": ""}),
                ("document", {"document": document, "title": "신청서"}),
            ]
            kind = number % 10
            if kind < 6:
                page = ArticlePage(
                    title=f"{word} 정보 {number}", intro=word, body=body, agency=agency
                )
                parent = sections[SectionKind.FAMILY_INFO]
            elif kind < 8:
                page = NoticePage(title=f"공지 {number}", body=f"<p>{word} 공지</p>", date=today)
                parent = sections[SectionKind.NOTICE]
            elif kind < 9:
                page = EducationProgramPage(
                    title=f"{word} 교육 {number}",
                    intro=word,
                    body=body,
                    start_date=today,
                    end_date=today,
                    application_start=today,
                    application_end=today,
                    capacity=20,
                    venue="서울가족학교",
                )
                parent = sections[SectionKind.FAMILY_SCHOOL]
            else:
                page = BlogPostPage(title=f"{word} 이야기 {number}", body=body, hero_image=image)
                parent = sections[SectionKind.BLOG]
            page.slug = f"bench-{number}"
            parent.add_child(instance=page)
            if hasattr(page, "topics"):
                page.topics.set(rng.sample(topics, 2))
                page.save()
            if first_article is None and isinstance(page, ArticlePage):
                first_article = page
            if number and number % 500 == 0:
                print(f"  seeded {number} pages …", flush=True)
    print(f"seeded {page_count} pages in {time.perf_counter() - started:.0f} s")


def cases():
    """(name, portal request, stock requests, portal headers, before each portal request)."""
    from wagtail.models import Page

    from content.models import ChangeKind, ContentChange
    from pages.models import ArticlePage, HomePage

    article = ArticlePage.objects.live().order_by("-pk").first()
    home = HomePage.objects.first()
    path = article.url_path.removeprefix(home.url_path.rstrip("/"))
    listing = "?type=pages.ArticlePage&fields=*&limit=20"
    listing_100 = "?type=pages.ArticlePage&fields=*&limit=100"
    sections = Page.objects.child_of(home).count()
    detail = f"/api/v2/pages/{article.pk}/?fields=*"

    def change_the_article():
        ContentChange.objects.create(page_id=article.pk, kind=ChangeKind.PUBLISHED)

    return [
        ("detail", detail, [f"{STOCK_PREFIX}{article.pk}/?fields=*"], {}, None),
        # Every request follows a change: no cached representation, index brought up to date.
        (
            "detail, first after a change",
            detail,
            [f"{STOCK_PREFIX}{article.pk}/?fields=*"],
            {},
            change_the_article,
        ),
        (
            "listing (limit 20, fields=*)",
            f"/api/v2/pages/{listing}",
            [f"{STOCK_PREFIX}{listing}"],
            {},
            None,
        ),
        (
            "listing (limit 100, fields=*)",
            f"/api/v2/pages/{listing_100}",
            [f"{STOCK_PREFIX}{listing_100}"],
            {},
            None,
        ),
        (
            "listing 20, first after a change",
            f"/api/v2/pages/{listing}",
            [f"{STOCK_PREFIX}{listing}"],
            {},
            change_the_article,
        ),
        # Stock has no ETags: its answer to the same revalidation is a full 200.
        (
            "304 (If-None-Match)",
            detail,
            [f"{STOCK_PREFIX}{article.pk}/?fields=*"],
            {"etag": True},
            None,
        ),
        (
            "listing, all types",
            "/api/v2/pages/?fields=*&limit=20",
            [f"{STOCK_PREFIX}?fields=*&limit=20"],
            {},
            None,
        ),
        (
            "find (html_path)",
            f"/api/v2/pages/find/?html_path={path}",
            [f"{STOCK_PREFIX}find/?html_path={path}"],
            {},
            None,
        ),
        # Stock has no navigation: the menu takes a listing of sections and one per section.
        (
            "navigation",
            "/api/v2/navigation/",
            [f"{STOCK_PREFIX}?child_of={home.pk}&show_in_menus=true&fields=*"]
            + [f"{STOCK_PREFIX}?descendant_of={home.pk}&show_in_menus=true&limit=20"] * sections,
            {},
            None,
        ),
    ]


def count_queries(client, url: str, headers: dict) -> int:
    from django.db import connection

    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        client.get(url, **headers)
    return count


def timed(client, urls: list[str], headers: dict) -> float:
    begin = time.perf_counter()
    for url in urls:
        response = client.get(url, **headers)
        assert response.status_code in (200, 302, 304), (url, response.status_code)
    return (time.perf_counter() - begin) * 1000


def summary(latencies: list[float], queries: int) -> dict:
    latencies = sorted(latencies)
    return {
        "p50": statistics.median(latencies),
        "p95": latencies[max(0, int(len(latencies) * 0.95) - 1)],
        "rps": 1000 / statistics.mean(latencies),
        "queries": queries,
    }


def measure_pair(client, case, requests: int) -> tuple[dict, dict]:
    """Portal and stock requests interleaved, so both see the same machine load."""
    _, portal_url, stock_urls, options, before = case
    headers = {}
    if options.get("etag"):
        headers = {"HTTP_IF_NONE_MATCH": client.get(portal_url)["ETag"]}
    for url in [portal_url, *stock_urls]:  # warm caches (site root paths, content types)
        client.get(url)
    if before:
        before()
    portal_queries = count_queries(client, portal_url, headers)
    stock_queries = sum(count_queries(client, url, {}) for url in stock_urls)
    portal, stock = [], []
    for _ in range(requests):
        if before:
            before()
        portal.append(timed(client, [portal_url], headers))
        stock.append(timed(client, stock_urls, {}))
    return summary(portal, portal_queries), summary(stock, stock_queries)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--only", default="", help="run only the cases whose name contains this")
    args = parser.parse_args()
    RESULTS.mkdir(parents=True, exist_ok=True)
    setup_django(RESULTS / f"api-bench-{args.pages}.sqlite3")
    seed(args.pages)

    from django.test import Client
    from wagtail.models import Page

    client = Client(HTTP_HOST="localhost")
    print(f"\n{Page.objects.live().count()} live pages, {args.requests} requests per case")
    print(f"load average before: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    header = (
        f"{'case':<34} {'portal p50':>10} {'p95':>8} {'req/s':>8} {'q':>4}"
        f" | {'stock p50':>10} {'p95':>8} {'req/s':>8} {'q':>4} | {'speed-up':>8}"
    )
    print(header)
    print("-" * len(header))
    for case in (case for case in cases() if args.only in case[0]):
        portal, stock = measure_pair(client, case, args.requests)
        print(
            f"{case[0]:<34} {portal['p50']:>8.1f}ms {portal['p95']:>6.1f}ms {portal['rps']:>8.0f}"
            f" {portal['queries']:>4} | {stock['p50']:>8.1f}ms {stock['p95']:>6.1f}ms"
            f" {stock['rps']:>8.0f} {stock['queries']:>4} | {stock['p50'] / portal['p50']:>7.1f}x"
        )
    print(f"load average after: {' '.join(f'{n:.2f}' for n in os.getloadavg())}")
    print(
        "\nq = database queries per request; req/s = 1 / mean latency of one in-process client;"
        "\nspeed-up = stock p50 / portal p50 (portal and stock requests interleaved)"
    )


if __name__ == "__main__":
    main()
