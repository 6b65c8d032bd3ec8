#!/usr/bin/env bash
# Make a PostgreSQL server available for the test suite and print its DATABASE_URL.
#
#   export DATABASE_URL=$(bash .ci/postgres.sh)
#
# Idempotent: installs Debian's postgresql only if it is missing, starts (or creates) a cluster
# only if nothing answers on 127.0.0.1, and creates the role and database only if absent.
# The role may create databases, because pytest-django creates `test_<name>` next to it.
# Needs root (or the postgres user) on Debian/Ubuntu. Progress goes to stderr, the URL to stdout.
set -euo pipefail

PG_USER=${PG_USER:-portal}
PG_PASSWORD=${PG_PASSWORD:-portal}
PG_DB=${PG_DB:-portal}
PG_HOST=127.0.0.1

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
as_postgres() { runuser -u postgres -- "$@"; }

if ! command -v pg_lsclusters >/dev/null || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1
then
    log "installing Debian's postgresql"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql >&2
fi

# The first cluster Debian knows about (version, name, port); create one if there is none.
read -r PG_VERSION PG_CLUSTER PG_PORT PG_STATUS < <(pg_lsclusters -h | head -n 1) || true
if [ -z "${PG_VERSION:-}" ]; then
    PG_VERSION=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    PG_CLUSTER=main
    log "creating cluster $PG_VERSION/$PG_CLUSTER"
    pg_createcluster "$PG_VERSION" "$PG_CLUSTER" >&2
    read -r PG_VERSION PG_CLUSTER PG_PORT PG_STATUS < <(pg_lsclusters -h | head -n 1)
fi

if ! pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
    log "starting cluster $PG_VERSION/$PG_CLUSTER on port $PG_PORT"
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2 || true
    for _ in $(seq 1 30); do
        pg_isready -q -h "$PG_HOST" -p "$PG_PORT" && break
        sleep 1
    done
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || { log "PostgreSQL did not start"; exit 1; }
fi

psql_admin() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" "$@"; }

if [ "$(psql_admin -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$PG_USER'")" != 1 ]; then
    log "creating role $PG_USER"
    psql_admin -c "CREATE ROLE \"$PG_USER\" LOGIN CREATEDB PASSWORD '$PG_PASSWORD'"
fi
if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")" != 1 ]; then
    log "creating database $PG_DB"
    psql_admin -c "CREATE DATABASE \"$PG_DB\" OWNER \"$PG_USER\" ENCODING 'UTF8' TEMPLATE template0"
fi

echo "postgres://$PG_USER:$PG_PASSWORD@$PG_HOST:$PG_PORT/$PG_DB"
