"""Reindex bench: a full rebuild of the search index at N pages, the portal's and stock's.

    .venv/bin/python bench/reindex_bench.py --pages 2000

Times, as an operator runs them (`manage.py`, start-up included), the portal's full reindex
(`rebuild_search_terms`: the page terms, and with SEARCH_BACKEND/SEARCH_URL naming an engine,
its documents through the bulk API as well) and stock Wagtail's (`update_index` on the
default database backend). Prints seconds, pages/s and the ratio.

    SEARCH_BACKEND=opensearch SEARCH_URL="$(bash .ci/opensearch.sh url)" \
        .venv/bin/python bench/reindex_bench.py --pages 20000
A benchmark, not a test: it prints figures.
"""

import argparse
import functools
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import Portal, add_common_arguments, load_average, ratio

print = functools.partial(print, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_common_arguments(parser)
    args = parser.parse_args()
    with Portal(args, serve=False) as portal:
        from search.indexing import searchable_pages

        pages = searchable_pages().count()
        print(f"reindex_bench: {portal.describe()}; {pages} searchable pages")
        print(f"load average before: {load_average()}")
        portal_seconds = portal.reindex()
        stock_seconds = portal.stock_reindex()
        print(f"load average after: {load_average()}")
    engine = os.environ.get("SEARCH_BACKEND", "database")
    what = "page terms" if engine == "database" else f"page terms and {engine} documents"
    print(
        f"portal rebuild_search_terms ({what}): {portal_seconds:.1f} s "
        f"({pages / portal_seconds:.0f} pages/s); stock update_index (database): "
        f"{stock_seconds:.1f} s; portal {ratio(stock_seconds, portal_seconds)} stock's speed"
    )
    print("target: 20,000 pages ≤ 120 s on the database backend, ≤ 180 s on OpenSearch")


if __name__ == "__main__":
    main()
