"""gunicorn settings for production (docker-compose.yml's web service; bench/load_bench.py).

The application is loaded once in the master (`preload_app`) and the Korean analyser warmed
up there before any worker forks: workers take traffic ready, the first search answers at
once, and the analyser's ~300 MB are shared copy-on-write instead of loaded per worker.
"""

import os

workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = 60
preload_app = True


def when_ready(server) -> None:
    """Runs in the master after the app is loaded, before the workers are forked."""
    from cms.warmup import warm_up

    warm_up()
