#!/usr/bin/env bash
# Start or stop the OpenSearch node the search suite runs against (127.0.0.1 only).
#
#   .ci/opensearch.sh start    build the classpath from Maven Central, start, wait for health
#   .ci/opensearch.sh stop     stop the node started by `start`
#   .ci/opensearch.sh status   say whether it runs and answers
#   .ci/opensearch.sh url      print the URL to put in SEARCH_URL
#
# Both commands are idempotent. Settings: OPENSEARCH_PORT (default 9250), OPENSEARCH_HEAP
# (default 512m), OPENSEARCH_JAVA_HOME (a JDK 21+; found automatically when unset).
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${OPENSEARCH_PORT:-9250}
HEAP=${OPENSEARCH_HEAP:-512m}
NODE_DIR=.ci/opensearch
RUN_DIR=.run/opensearch-$PORT
PID_FILE=$RUN_DIR/node.pid
LOG_FILE=$RUN_DIR/node.log
CLASSPATH_FILE=$RUN_DIR/classpath.txt
URL="http://127.0.0.1:$PORT"

say() { printf 'opensearch: %s\n' "$*"; }
fail() { say "$*" >&2; exit 1; }

java_major() { "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | sed -n 1p; }

find_java() {
  local candidates=()
  [ -n "${OPENSEARCH_JAVA_HOME:-}" ] && candidates+=("$OPENSEARCH_JAVA_HOME/bin/java")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  for jdk in /usr/lib/jvm/*; do candidates+=("$jdk/bin/java"); done
  command -v java >/dev/null && candidates+=("$(command -v java)")
  for java in "${candidates[@]}"; do
    [ -x "$java" ] || continue
    local major
    major=$(java_major "$java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then echo "$java"; return 0; fi
  done
  fail "no JDK 21+ found (OpenSearch 3 needs one); set OPENSEARCH_JAVA_HOME"
}

running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid
  pid=$(cat "$PID_FILE")
  kill -0 "$pid" 2>/dev/null || return 1
  echo "$pid"
}

healthy() {
  curl -fsS --max-time 3 "$URL/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1
}

build_classpath() {
  if [ -s "$CLASSPATH_FILE" ] && [ "$CLASSPATH_FILE" -nt "$NODE_DIR/pom.xml" ]; then return 0; fi
  say "resolving the pinned artifacts from Maven Central ($NODE_DIR/pom.xml)"
  mvn -B -q -f "$NODE_DIR/pom.xml" dependency:build-classpath \
    -Dmdep.outputFile="$PWD/$CLASSPATH_FILE.tmp"
  mv "$CLASSPATH_FILE.tmp" "$CLASSPATH_FILE"
}

start() {
  mkdir -p "$RUN_DIR"
  if running_pid >/dev/null && healthy; then say "already running at $URL"; return 0; fi
  if ! running_pid >/dev/null && curl -s --max-time 2 "$URL" >/dev/null 2>&1; then
    fail "port $PORT is taken by another process; set OPENSEARCH_PORT"
  fi
  if ! running_pid >/dev/null; then
    build_classpath
    local java
    java=$(find_java)
    say "starting with $java on $URL (log: $LOG_FILE)"
    # The source-file launcher compiles PortalSearchNode.java in memory: no build step.
    nohup "$java" "-Xms$HEAP" "-Xmx$HEAP" -Djava.awt.headless=true \
      -cp "$(cat "$CLASSPATH_FILE")" "$NODE_DIR/PortalSearchNode.java" \
      "$PWD/$RUN_DIR/home" "$PORT" >"$LOG_FILE" 2>&1 &
    echo $! >"$PID_FILE"
  fi
  for _ in $(seq 1 180); do
    if healthy; then say "ready at $URL"; return 0; fi
    if ! running_pid >/dev/null; then
      tail -n 40 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      fail "the node exited before it became healthy (see $LOG_FILE)"
    fi
    sleep 1
  done
  tail -n 40 "$LOG_FILE" >&2 || true
  fail "no healthy cluster at $URL after 180 s"
}

stop() {
  local pid
  if ! pid=$(running_pid); then rm -f "$PID_FILE"; say "not running"; return 0; fi
  kill "$pid"
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || { rm -f "$PID_FILE"; say "stopped"; return 0; }
    sleep 1
  done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$PID_FILE"
  say "killed after 30 s"
}

status() {
  if running_pid >/dev/null && healthy; then say "running at $URL"; return 0; fi
  say "not running"; return 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  url) echo "$URL" ;;
  *) fail "usage: $0 start|stop|status|url" ;;
esac
