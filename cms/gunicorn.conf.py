"""gunicorn settings for production (docker-compose.yml's web service; bench/load_bench.py).

The application is loaded once in the master (`preload_app`) and the Korean analyser warmed
up there before any worker forks: workers take traffic ready, the first search answers at
once, and the analyser's ~300 MB are shared copy-on-write instead of loaded per worker.
"""

import os
import shutil
import tempfile

workers = int(os.environ.get("GUNICORN_WORKERS", "3"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = 60
preload_app = True

# Request metrics (cms/metrics.py): every worker records into this server's own directory and
# `/metrics` sums them (prometheus_client's multiprocess mode). Set before the app is loaded;
# a fresh one per server start (removed on exit): a restarted server counts from zero.
_metrics_dir = tempfile.mkdtemp(prefix="portal-metrics-")
os.environ["PROMETHEUS_MULTIPROC_DIR"] = _metrics_dir


def when_ready(server) -> None:
    """Runs in the master after the app is loaded, before the workers are forked."""
    from cms.warmup import warm_up

    warm_up()


def on_exit(server) -> None:
    shutil.rmtree(_metrics_dir, ignore_errors=True)
