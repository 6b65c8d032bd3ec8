"""Reindex bench: a full rebuild of the search index at N pages, the portal's and stock's.

    .venv/bin/python bench/reindex_bench.py --pages 2000

Times, as an operator runs them (`manage.py`, start-up included), the portal's full reindex
(`rebuild_search_terms`, database backend) and stock Wagtail's (`update_index` on the same
default backend), and with SEARCH_BACKEND/SEARCH_URL naming an engine, Wagtail's `update_index
--backend citizen` filling it. Prints seconds, pages/s and the ratio.
A benchmark, not a test: it prints figures.
"""

import argparse
import functools
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.harness import Portal, add_common_arguments, load_average, manage, ratio

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
        engine = os.environ.get("SEARCH_BACKEND", "database")
        engine_seconds = None
        if engine != "database":
            engine_seconds = manage(portal.env, "update_index", "--backend", "citizen")
        print(f"load average after: {load_average()}")
    print(
        f"portal rebuild_search_terms: {portal_seconds:.1f} s ({pages / portal_seconds:.0f} "
        f"pages/s); stock update_index: {stock_seconds:.1f} s; portal "
        f"{ratio(stock_seconds, portal_seconds)} stock's speed"
    )
    print("target: 20,000 pages ≤ 120 s on the database backend, ≤ 180 s on OpenSearch")
    if engine_seconds is None:
        print("engine reindex: skipped (SEARCH_BACKEND is database; set it and SEARCH_URL)")
    else:
        print(f"{engine} update_index --backend citizen: {engine_seconds:.1f} s")


if __name__ == "__main__":
    main()
