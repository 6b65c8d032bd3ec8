#!/usr/bin/env bash
# Installs what bench/load_bench.py drives and serves with beyond requirements-dev.txt:
# Debian's wrk (the load tool) and redis-server (the shared cache, standing in for the
# Valkey that docker-compose.yml runs in production; the same protocol).
set -euo pipefail

packages=()
command -v wrk >/dev/null || packages+=(wrk)
command -v redis-server >/dev/null || packages+=(redis-server)

if [ ${#packages[@]} -gt 0 ]; then
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${packages[@]}"
fi
# Debian starts a redis-server service on 6379; the bench runs its own on 127.0.0.1:18751.
wrk --version 2>&1 | sed -n 1p || true
redis-server --version
