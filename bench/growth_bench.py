"""Growth bench: listing 20 on a small site and a large one, cold and warm, in one run.

    .venv/bin/python bench/growth_bench.py                         # 200 and 2,000 pages
    .venv/bin/python bench/growth_bench.py --pages 2000 --large 20000

Serves each size in turn as production does (bench/harness.py) and measures listing 20
(`?type=pages.ArticlePage&fields=*&limit=20`) as bench/api_bench.py does: cold (right after a
publish of a page in it) and warm, interleaved, portal and stock. Prints each size's p50/p95 and
the ratio large / small (target for the portal: ≤ 1.5x). A benchmark: it prints figures.
"""

import argparse
import functools
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.api_bench import Reader, cases, cold_and_warm
from bench.harness import Portal, add_common_arguments, editor, load_average, summary

print = functools.partial(print, flush=True)


def measure(args, pages: int) -> dict:
    """One size in a process of its own (Django is set up once per process, for one database)."""
    command = [sys.executable, __file__, "--measure", str(pages), "--samples", str(args.samples)]
    if args.database:
        command += ["--database", args.database]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout  # noqa: S603
    lines = output.splitlines()
    print("\n".join(line for line in lines if not line.startswith(("{", "default:"))))
    return json.loads(next(line for line in lines if line.startswith("{")))


def measure_here(args, pages: int) -> None:
    with Portal(args, pages) as portal:
        reader = Reader(portal.base)
        listing = next(case for case in cases(reader) if case[0] == "listing 20")
        print(f"{pages} pages: {portal.describe()}; load average before {load_average()}")
        result = cold_and_warm(reader, listing, args.samples, editor(), f"{int(time.time())}")
        print(f"  load average after {load_average()}")
    figures = {key: summary(values) for key, values in result["times"].items()}
    figures["stale"] = result["stale"]["portal cold"] + result["stale"]["portal warm"]
    print(json.dumps(figures))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_common_arguments(parser)
    parser.add_argument("--large", type=int, default=2000, help="pages of the large site")
    parser.add_argument("--samples", type=int, default=200, help="cold and warm reads per size")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        measure_here(args, args.measure)
        return
    small, large = measure(args, args.pages), measure(args, args.large)
    print(f"\nlisting 20, {args.samples} cold and {args.samples} warm reads per size")
    print(f"{'':<12} {args.pages:>10} pages p50/p95 {args.large:>10} pages p50/p95  ratio p50/p95")
    for key in ("portal cold", "portal warm", "stock cold", "stock warm"):
        a, b = small[key], large[key]
        sizes = f"{a['p50']:>14.1f} /{a['p95']:>6.1f} ms {b['p50']:>14.1f} /{b['p95']:>6.1f} ms"
        print(f"{key:<12} {sizes}  {b['p50'] / a['p50']:>5.2f}x /{b['p95'] / a['p95']:>5.2f}x")
    print(
        f"ratio = large / small (target: portal ≤ 1.5x); stale portal reads: {small['stale']} "
        f"small, {large['stale']} large"
    )


if __name__ == "__main__":
    main()
