"""Load what a first request would otherwise wait for (the Korean analyser) before traffic.

gunicorn (cms/gunicorn.conf.py, also under `make run`) warms up in the master once the apps are
ready, before it forks the workers, so every worker starts ready and shares the analyser's
memory. Never from `AppConfig.ready()`: the warm-up reads the database, which Django forbids
while apps are still initialising. /readyz answers "warming" while a warm-up runs.
"""

import gc
import logging
import threading
import time

logger = logging.getLogger(__name__)

_started = threading.Event()
_done = threading.Event()


def warm_up() -> None:
    """Load the Korean analyser (16-27 s and ~300 MB the first time) by analysing a query,
    then analyse the editors' synonym rules (seconds over the whole thesaurus; kept) and queue
    the page terms' catch-up if they are behind, so no citizen's search waits for any of it."""
    from django.db import DatabaseError, connections

    from content.versioning import current_version
    from search import catchup, korean
    from search.thesaurus import current_thesaurus

    _started.set()
    started = time.monotonic()
    korean.query_terms("서울시 한부모가족 양육 지원")
    try:
        current_thesaurus()
        # A database whose page terms are missing or behind (a first deploy, a restored
        # backup) gets a catch-up queued for the task worker: never inside a search.
        catchup.request_if_behind(current_version())
    except DatabaseError:
        logger.warning(
            "warm-up: synonyms or page terms not read (database unavailable)", exc_info=True
        )
    finally:
        # gunicorn forks after this: no worker may inherit the master's connection.
        connections.close_all()
    # What start-up loaded (modules, the analyser's dictionaries: ~225,000 objects) lives as
    # long as the process. Frozen, a full collection no longer walks it (70-130 ms, a pause
    # in whichever request triggers it), and forked workers keep sharing its memory pages
    # instead of copying them when the collector writes to them.
    gc.freeze()
    _done.set()
    logger.info("warm-up done in %.1f s", time.monotonic() - started)


def is_warming() -> bool:
    """True between the start and the end of a warm-up (never when none was asked for)."""
    return _started.is_set() and not _done.is_set()
