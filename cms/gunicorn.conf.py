"""gunicorn settings, the one file for every way the portal is served: `make run` (run_portal),
docker-compose.yml's web service and bench/load_bench.py.

The application is loaded once in the master (`preload_app`) and the Korean analyser warmed
up there before any worker forks: workers take traffic ready, the first search answers at
once, and the analyser's ~300 MB are shared copy-on-write instead of loaded per worker.

Workers and threads follow the machine (one worker per core, at least two, four threads each)
unless GUNICORN_WORKERS / GUNICORN_THREADS say otherwise. Requests are not logged unless
GUNICORN_ACCESS_LOG names a file ("-" for standard output); errors always are.
"""

import os
import re
import shutil
import tempfile

from gunicorn.http import message

workers = int(os.environ.get("GUNICORN_WORKERS") or max(2, os.cpu_count() or 1))
threads = int(os.environ.get("GUNICORN_THREADS") or 4)
timeout = 60
graceful_timeout = 10
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")

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


# Raw UTF-8 in the request line. gunicorn 27 refuses every byte outside printable ASCII in the
# request target (gunicorn/http/message.py, RFC9112_TARGET_INVALID) with 400, so
# `curl '…/api/v2/search/?q=정보'` failed while browsers, which percent-encode, worked. nginx
# passes such targets through, so a clean 400 here would break curl users in production too.
# We percent-encode those bytes before gunicorn parses the line: the application sees what a
# browser would have sent, and gunicorn's other checks (controls, spaces, method, version)
# still apply unchanged.
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_parse_request_line = message.Request.parse_request_line


def _parse_request_line_percent_encoding_utf8(self, line_bytes: bytes) -> None:
    encoded = _NON_ASCII.sub(lambda byte: b"%%%02X" % byte[0][0], bytes(line_bytes))
    _parse_request_line(self, encoded)


message.Request.parse_request_line = _parse_request_line_percent_encoding_utf8
