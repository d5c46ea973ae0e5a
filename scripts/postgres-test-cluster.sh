#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for the test suite (loopback only, trust auth).
#
#   scripts/postgres-test-cluster.sh start   # installs PostgreSQL (Debian) if initdb is missing, starts it,
#                                            # prints LEDGER_POSTGRES_TEST_URL=postgres://...
#   scripts/postgres-test-cluster.sh stop    # stops it and removes its data directory
#
# LEDGER_PG_PORT (default 55432) and LEDGER_PG_DIR (default /tmp/ledger-pg-<port>) choose where.
# As root the server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail
PORT="${LEDGER_PG_PORT:-55432}"
DIR="${LEDGER_PG_DIR:-/tmp/ledger-pg-$PORT}"

pg_bin() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
  if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  return 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_postgres() {
  echo "postgres-test-cluster: initdb not found, installing postgresql from Debian" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y postgresql >&2 || { apt-get update >&2 && apt-get install -y postgresql >&2; }
}

start() {
  local bin
  bin="$(pg_bin)" || { install_postgres; bin="$(pg_bin)"; }
  if [ -f "$DIR/data/postmaster.pid" ]; then
    echo "postgres-test-cluster: a cluster is already running in $DIR; stop it first" >&2
    exit 1
  fi
  rm -rf "$DIR"
  mkdir -p "$DIR"
  [ "$(id -u)" = 0 ] && chown postgres: "$DIR"
  as_owner "$bin/initdb" -D "$DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
    || { cat "$DIR/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >&2 \
    || { cat "$DIR/server.log" >&2; exit 1; }
  echo "LEDGER_POSTGRES_TEST_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
}

stop() {
  local bin
  bin="$(pg_bin)" || exit 0
  if [ -f "$DIR/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true; fi
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
