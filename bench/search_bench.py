"""Search benchmark: index N Korean pages and time citizen queries, per engine.

    .venv/bin/python bench/search_bench.py                       # database backend (SQLite)
    SEARCH_URL=http://127.0.0.1:9250 .venv/bin/python bench/search_bench.py   # + OpenSearch
    .venv/bin/python bench/search_bench.py --wagtail-sqlite   # + Wagtail's own SQLite ranking

Builds a throw-away SQLite database under bench/results/ (removed afterwards), creates the
pages without indexing them, then per engine: indexes all pages in batches (pages/s, Korean
analysis included) and runs the quality-test queries through the search service (p50/p95 in
ms, facets included) next to the same text sent raw to the same backend.
A benchmark, not a test: it prints figures and asserts nothing.
"""

import argparse
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
BATCH = 500

WORDS = [
    "한부모가족",
    "다문화가족",
    "조손가족",
    "맞벌이",
    "직장맘",
    "예비부부",
    "청소년",
    "영유아",
    "아버지",
    "손자녀",
    "육아종합지원센터",
    "가족 상담",
    "양육비",
    "돌봄",
    "주거",
    "교육",
    "건강",
    "결혼이민자",
    "자치구",
    "부부",
]
TEMPLATES = [
    "{a}을 위한 {b} 안내",
    "{a}와 {b} 지원",
    "{a} {b} 프로그램",
    "{a}에게 필요한 {b}",
]
SENTENCES = [
    "{a}을 위한 {b} 서비스를 제공합니다.",
    "{a}가 {b}을 함께 배우는 과정입니다.",
    "자치구별 {a} {b} 정보를 모았습니다.",
    "{a}의 {b} 신청은 주민센터에서 합니다.",
    "{a}에게 {b}을 지원하고 상담을 연결해 드립니다.",
]


def _setup_django(database: Path) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    import django

    django.setup()


def _text(rng: random.Random, templates: list[str], count: int) -> str:
    return " ".join(
        rng.choice(templates).format(a=rng.choice(WORDS), b=rng.choice(WORDS)) for _ in range(count)
    )


def create_pages(count: int) -> None:
    """Add `count` published articles under 가족정보, fast and without indexing them.

    Creating is not what is measured, so rows are written in bulk: page rows with their tree
    paths, then each article row on its own (`save_base(raw=True)` skips Wagtail's per-page
    tree bookkeeping, and raw saves are ignored by the search signal handlers).
    """
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Page

    from pages.models import ArticlePage, SectionKind, SectionPage
    from pages.portal_tree import ensure_portal_tree

    call_command("migrate", verbosity=0)
    ensure_portal_tree()
    section = SectionPage.objects.get(kind=SectionKind.FAMILY_INFO, locale__language_code="ko")
    content_type = ContentType.objects.get_for_model(ArticlePage)
    rng = random.Random(20161201)
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        rows = []
        for number in range(count):
            title = _text(rng, TEMPLATES, 1)
            slug = f"bench-{number}"
            rows.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    path=Page._get_path(section.path, section.depth + 1, number + 1),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{slug}/",
                    locale_id=section.locale_id,
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
        pages = Page.objects.bulk_create(rows, batch_size=1000)
        for page in pages:
            ArticlePage(
                page_ptr_id=page.pk,
                intro=_text(rng, SENTENCES, 2),
                body=[("paragraph", f"<p>{_text(rng, SENTENCES, 6)}</p>")],
            ).save_base(raw=True)
        Page.objects.filter(pk=section.pk).update(numchild=count)
    print(f"created {count} pages in {time.perf_counter() - started:.1f} s", flush=True)


def load_and_analyse() -> tuple[list, float]:
    """Every searchable page, specific, with its Korean terms computed; and pages/s.

    Pages are read as Wagtail's `update_index` reads them (`get_indexed_objects`, which
    prefetches related fields). The analysis is the same for every engine and the costly part
    of indexing, so it is timed once here and each engine's write is timed on its own.
    """
    from django.contrib.contenttypes.models import ContentType

    from search.indexing import page_terms, searchable_pages

    visible = searchable_pages()
    started = time.perf_counter()
    pages = []
    for content_type in set(visible.values_list("content_type", flat=True)):
        model = ContentType.objects.get_for_id(content_type).model_class()
        ids = list(visible.exact_type(model).values_list("pk", flat=True))
        for start in range(0, len(ids), BATCH):
            chunk = model.get_indexed_objects().filter(pk__in=ids[start : start + BATCH])
            for page in chunk:
                page_terms(page)  # kept on the page for every engine's write
                pages.append(page)
    rate = len(pages) / (time.perf_counter() - started)
    print(f"reading and Korean analysis (Kiwi): {rate:.0f} pages/s", flush=True)
    return pages, rate


def index_pages(backend, pages: list) -> float:
    """Write `pages` (already analysed) into `backend` in batches; returns pages per second."""
    from wagtail.models import Page

    from search.indexing import ensure_page_index

    if hasattr(backend, "es"):
        ensure_page_index(backend)
    started = time.perf_counter()
    if not hasattr(backend, "es"):
        from search import termindex

        termindex.write_pages(pages)
    for start in range(0, len(pages), BATCH):
        by_model = {}
        for page in pages[start : start + BATCH]:
            by_model.setdefault(type(page), []).append(page)
        for model, objects in by_model.items():
            backend.add_bulk(model, objects)
    if hasattr(backend, "es"):
        backend.get_index_for_model(Page).refresh()
    return len(pages) / (time.perf_counter() - started)


def _percentiles(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return statistics.median(timings), timings[max(0, round(len(timings) * 0.95) - 1)]


def bench_queries() -> list[str]:
    """The citizens' queries of the quality suite and the older Korean set."""
    from tests.search import corpus, queries_tuning, queries_validation

    queries = [query for query, _key, _why in corpus.QUERIES]
    for half in (queries_tuning.QUERIES, queries_validation.QUERIES):
        queries.extend(query for query, _key, _kind in half)
    return queries


def time_queries(backend, repeat: int) -> tuple[tuple[float, float], tuple[float, float], int]:
    """p50 and p95 in ms over the citizens' queries: of the search service (Korean analysis,
    synonyms, typo check, ranking, visibility, facets, snippets), and, interleaved with it
    query by query, of the typed text handed straight to the same backend (live pages, first
    10) as the baseline; and how many queries were timed."""
    from wagtail.models import Page, Site

    from search.service import SearchRequest, search

    site = Site.objects.get(is_default_site=True)
    queries = bench_queries()
    search(SearchRequest(q=queries[0]), site)  # builds the page index and synonyms once
    ours, stock = [], []
    for _ in range(repeat):
        for query in queries:
            started = time.perf_counter()
            response = search(SearchRequest(q=query), site)
            ours.append((time.perf_counter() - started) * 1000)
            assert not response["fallback"], "the engine failed during the benchmark"
            started = time.perf_counter()
            list(backend.search(query, Page.objects.live())[:10])
            stock.append((time.perf_counter() - started) * 1000)
    return _percentiles(ours), _percentiles(stock), len(ours)


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.1f}/{five:.1f}/{fifteen:.1f} on {os.cpu_count()} CPUs"


def run_engine(
    label: str, backends: dict, pages: list, analysis: float, repeat: int, profile: bool = False
) -> str:
    from django.conf import settings
    from modelsearch.backends import get_search_backend

    from search.service import citizen_backend_name

    settings.WAGTAILSEARCH_BACKENDS = backends
    backend = get_search_backend(citizen_backend_name())
    write = index_pages(backend, pages)
    overall = 1 / (1 / analysis + 1 / write)
    load_before = _load()
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
    (p50, p95), (stock_p50, stock_p95), count = time_queries(backend, repeat)
    if profile:
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    line = (
        f"{label}: indexing {overall:.0f} pages/s with analysis ({write:.0f} pages/s write "
        f"only); query p50 {p50:.1f} ms, p95 {p95:.1f} ms ({count} queries); raw query "
        f"on the same backend p50 {stock_p50:.1f} ms, p95 {stock_p95:.1f} ms "
        f"(service/raw p50 {p50 / stock_p50:.1f}x, p95 {p95 / stock_p95:.1f}x); "
        f"{load_before} before, {_load()} after"
    )
    print(line, flush=True)
    return line


def compare_wagtail_sqlite_ranking(query: str = "가족 상담") -> str:
    """One relevance-ranked query on Wagtail's own SQLite backend and on the portal's, which
    scores all matches in one pass instead of once per match (search/backends/sqlite_fts.py)."""
    from modelsearch.backends import get_search_backend
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend
    from wagtail.models import Page

    timings = {}
    for label, backend in (
        ("wagtail", SQLiteSearchBackend({})),
        ("portal", get_search_backend("default")),
    ):
        started = time.perf_counter()
        list(backend.search(query, Page.objects.live())[:10])
        timings[label] = time.perf_counter() - started
    line = (
        f"ranked query {query!r} on SQLite: Wagtail's backend {timings['wagtail']:.1f} s, "
        f"the portal's {timings['portal'] * 1000:.0f} ms "
        f"({timings['wagtail'] / timings['portal']:.0f}x)"
    )
    print(line, flush=True)
    return line


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the query set")
    parser.add_argument(
        "--profile",
        action="store_true",
        help="print where the search service spends its time (cProfile, top 25 by cumulative)",
    )
    parser.add_argument(
        "--wagtail-sqlite",
        action="store_true",
        help="also time one query on Wagtail's own SQLite backend (minutes on 20,000 pages)",
    )
    args = parser.parse_args()

    RESULTS.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(dir=RESULTS))
    try:
        run(args, workdir / "bench.sqlite3")
    finally:
        shutil.rmtree(workdir)


def run(args, database: Path) -> None:
    _setup_django(database)
    create_pages(args.pages)

    from search.engines import CITIZEN_BACKEND, DATABASE_BACKEND, DEFAULT_BACKEND, engine_settings

    database_backends = {DEFAULT_BACKEND: {"BACKEND": DATABASE_BACKEND}}
    pages, analysis = load_and_analyse()
    lines = [f"reading and Korean analysis: {analysis:.0f} pages/s"]
    lines.append(
        run_engine(
            "database (SQLite)", database_backends, pages, analysis, args.repeat, args.profile
        )
    )
    if args.wagtail_sqlite:
        lines.append(compare_wagtail_sqlite_ranking())
    url = os.environ.get("SEARCH_URL")
    if url:
        kind = os.environ.get("SEARCH_ENGINE_KIND", "opensearch")
        engine = engine_settings(kind, url, f"bench_{os.getpid()}_", timeout=30)
        backends = {**database_backends, CITIZEN_BACKEND: engine}
        lines.append(
            run_engine(f"{kind} ({url})", backends, pages, analysis, args.repeat, args.profile)
        )
        from modelsearch.backends import get_search_backend

        client = get_search_backend(CITIZEN_BACKEND).es
        for name in client.indices.get(index=f"bench_{os.getpid()}_*"):
            client.indices.delete(index=name)
    summary = RESULTS / "search_bench.txt"
    summary.write_text(f"{args.pages} pages\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"figures written to {summary.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
