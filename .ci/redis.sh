#!/usr/bin/env bash
# The shared cache production runs (Valkey in docker-compose.yml), for the tests that need the
# real thing: Debian's redis-server (the same protocol) on 127.0.0.1, printing its CACHE_URL.
#
#   export REDIS_URL=$(bash .ci/redis.sh)      # start (idempotent)
#   bash .ci/redis.sh stop
#
# Installs redis-server only if it is missing; runs its own instance (no persistence) under
# .run/, never Debian's service. Progress goes to stderr, the URL to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${REDIS_PORT:-6390}
RUN_DIR=.run/redis-$PORT
log() { printf 'redis.sh: %s\n' "$*" >&2; }

if [ "${1:-start}" = "stop" ]; then
    if [ -f "$RUN_DIR/redis.pid" ]; then
        kill "$(cat "$RUN_DIR/redis.pid")" 2>/dev/null || true
        rm -f "$RUN_DIR/redis.pid"
    fi
    exit 0
fi

if ! command -v redis-server >/dev/null; then
    log "installing Debian's redis-server"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends redis-server >&2
fi

if ! redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1; then
    mkdir -p "$RUN_DIR"
    redis-server --bind 127.0.0.1 --port "$PORT" --save "" --appendonly no --daemonize yes \
        --pidfile "$PWD/$RUN_DIR/redis.pid" --logfile "$PWD/$RUN_DIR/redis.log" >&2
    for _ in $(seq 50); do
        redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null 2>&1 && break
        sleep 0.1
    done
    redis-cli -h 127.0.0.1 -p "$PORT" ping >/dev/null
    log "started on 127.0.0.1:$PORT"
fi
echo "redis://127.0.0.1:$PORT/0"
