#!/usr/bin/env bash
# Installs what the benches drive and serve with beyond requirements-dev.txt: Debian's wrk
# (the load tool) and redis-server (the shared cache, standing in for the Valkey that
# docker-compose.yml runs in production; the same protocol, started through .ci/redis.sh).
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
wrk --version 2>&1 | sed -n 1p || true
redis-server --version
