#!/usr/bin/env bash
# Validate docker-compose.yml with the example environment (no Docker engine needed):
# Debian's docker-compose parses and resolves the file, `config` prints the result.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v docker-compose >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq docker-compose >/dev/null
fi

# The services read `.env`; validate with the documented example when there is none.
if [ ! -e .env ]; then
    cp .env.example .env
    trap 'rm -f .env' EXIT
fi
docker-compose --env-file .env.example -f docker-compose.yml config --quiet
services=$(docker-compose --env-file .env.example -f docker-compose.yml config --services | sort | tr '\n' ' ')
expected="elasticsearch frontend migrate postgres scheduler valkey web worker "
if [ "$services" != "$expected" ]; then
    echo "compose.sh: services are '$services', expected '$expected'" >&2
    exit 1
fi
echo "compose.sh: docker-compose.yml is valid ($services)"
