"""Print edition benchmark: how long Typst takes to typeset a 12-chapter family report.

    .venv/bin/python bench/print_bench.py              # 5 builds per case
    .venv/bin/python bench/print_bench.py --repeat 10

Builds the editions in memory (never saved) from the demo report's chapters
(demo/reports.py: the 2015, 2016 and 2017 chapters make twelve) through the real
`SourceBuilder` and `typeset`, and prints build time (median and best), PDF size and
page count for:

- 12 chapters with tables, charts and findings (the case that matters),
- 4 chapters, the same content (baseline: how time grows with chapters),
- 12 chapters, text only (baseline: what tables and vector charts cost),

with the load average before and after, since the machine may be shared. A benchmark,
not a test: it prints figures and asserts nothing.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def setup_django() -> None:
    """Django on a throw-away SQLite database (bench/results/, kept between runs): page
    objects need content types, though nothing is saved."""
    sys.path.insert(0, str(ROOT))
    results = ROOT / "bench" / "results"
    results.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    os.environ["DATABASE_URL"] = f"sqlite:///{results / 'print-bench.sqlite3'}"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)


def chapters(count: int, *, text_only: bool = False) -> list:
    from demo import reports
    from pages.models import ReportChapterPage
    from tests.report_print.content import demo_chapter_body

    specs = [spec for year in (2015, 2016, 2017) for spec in reports.chapter_specs(year)]
    pages = []
    for number, spec in enumerate(specs[:count], start=1):
        body = demo_chapter_body(spec)
        if text_only:
            body = [block for block in body if block[0] in {"heading", "paragraph"}]
        pages.append(
            ReportChapterPage(
                title=f"제{number}장 {spec['title']}",
                chapter_number=number,
                summary=spec["summary"],
                body=body,
                data_sources=[("source", source) for source in reports.DATA_SOURCES],
            )
        )
    return pages


def edition():
    import datetime

    from pages.models import ReportEditionPage

    return ReportEditionPage(
        title="2017 희망서울, 행복가족",
        year=2017,
        edition_number="제4차",
        publication_date=datetime.date(2017, 12, 18),
        print_run=500,
        summary="<p>1인가구와 조손가족의 증가, 아버지의 육아 참여를 새로 분석했습니다.</p>",
    )


def run_case(label: str, pages: list, repeat: int) -> None:
    from report_print.source import SourceBuilder
    from report_print.typeset import typeset

    seconds, pdf = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        pdf = typeset(SourceBuilder(edition(), pages).build())
        seconds.append(time.perf_counter() - started)
    print(
        f"{label:<34} {statistics.median(seconds):7.2f} s {min(seconds):7.2f} s"
        f" {len(pdf.content) / 1024:9.1f} KiB {pdf.page_count:5d}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    setup_django()
    from report_print.typeset import typeset  # noqa: F401  (warm the import before timing)

    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'case':<34} {'median':>9} {'best':>9} {'size':>13} {'pages':>5}")
    run_case("12 chapters (tables, charts)", chapters(12), args.repeat)
    run_case("4 chapters (tables, charts)", chapters(4), args.repeat)
    run_case("12 chapters, text only", chapters(12, text_only=True), args.repeat)
    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
