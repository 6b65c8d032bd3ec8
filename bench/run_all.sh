#!/usr/bin/env bash
# The issue-19 benches at one size, on SQLite or PostgreSQL, with everything they print kept.
#
#   bash bench/run_all.sh [PAGES] [LARGE]       # PAGES default 200; LARGE adds the growth bench
#   DATABASE_URL=postgresql://user:pw@127.0.0.1:5432/x bash bench/run_all.sh 2000 20000
#   QUICK=1 bash bench/run_all.sh               # smoke run: few samples, short phases
#
# Writes bench/results/summary-<sqlite|postgresql>-<PAGES>.txt. A bench that fails is reported
# in the summary and the others still run.
set -uo pipefail
cd "$(dirname "$0")/.."
PAGES=${1:-200}
LARGE=${2:-}
PY=.venv/bin/python
db=sqlite
case "${DATABASE_URL:-}" in postgres*) db=postgresql ;; esac
mkdir -p bench/results
summary=bench/results/summary-$db-$PAGES.txt

samples=200 seconds=10 publishes=40 visible=40 quiet=10 fan_out=60
note=""
if [ -n "${QUICK:-}" ]; then
    samples=20 seconds=3 publishes=10 visible=15 quiet=5 fan_out=15
    note=" — QUICK smoke run: too few samples and too short to hold against the targets"
fi

bash bench/setup.sh >/dev/null || { echo "bench/setup.sh failed (wrk, redis-server)"; exit 1; }

run() {
    echo
    echo "== $* =="
    local started=$SECONDS
    "$PY" "$@" || echo "!! FAILED (exit $?): $*"
    echo "(took $((SECONDS - started)) s)"
}

{
    echo "# issue-19 benches: $PAGES pages, $db, $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD)$note"
    echo "# $(nproc) CPUs, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    run bench/api_bench.py --pages "$PAGES" --samples "$samples"
    run bench/load_bench.py --pages "$PAGES" --seconds "$seconds"
    run bench/publish_bench.py --pages "$PAGES" --publishes "$publishes" \
        --visible-within "$visible" --quiet-seconds "$quiet" --fan-out-seconds "$fan_out"
    run bench/reindex_bench.py --pages "$PAGES"
    if [ -n "$LARGE" ]; then
        run bench/growth_bench.py --pages "$PAGES" --large "$LARGE" --samples "$samples"
    else
        echo
        echo "== growth (listing 20 at a larger size): skipped, no LARGE size given =="
    fi
    echo
    echo "# load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | grep --line-buffered -v -e '^default: ' -e '^  seeded ' | tee "$summary"
echo "summary: $summary"
