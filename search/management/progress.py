"""Progress lines for the search commands' long work ("  4,000/20,000 페이지 (20%, 12.3초)")."""

import time
from collections.abc import Callable

# A line at least every this many seconds, and at the end.
EVERY_SECONDS = 2.0


def progress_lines(
    write: Callable[[str], None], unit: str = "페이지"
) -> Callable[[int, int], None]:
    """A `progress(done, total)` callback writing a line now and then through `write`."""
    started = time.monotonic()
    last = [0.0]

    def progress(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < EVERY_SECONDS:
            return
        last[0] = now
        share = f"{done * 100 // total}%, " if total else ""
        write(f"  {done:,}/{total:,} {unit} ({share}{now - started:.1f}초)")

    return progress
