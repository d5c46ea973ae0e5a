#!/usr/bin/env bash
# A private, throw-away PostgreSQL cluster for the test suite (loopback only, trust auth).
#
#   scripts/postgres-test-cluster.sh start   # installs PostgreSQL (Debian) if initdb is missing, starts it,
#                                            # prints LEDGER_POSTGRES_TEST_URL=postgres://...
#   scripts/postgres-test-cluster.sh standby # a hot standby of it (pg_basebackup -R, streaming), read-only,
#                                            # prints LEDGER_POSTGRES_STANDBY_TEST_URL=postgres://...
#   scripts/postgres-test-cluster.sh stop    # stops both and removes their data directories
#
# LEDGER_PG_PORT (default 55432) and LEDGER_PG_DIR (default /tmp/ledger-pg-<port>) choose where;
# the standby listens on LEDGER_PG_PORT + 1 in <dir>/standby.
# As root the server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail
PORT="${LEDGER_PG_PORT:-55432}"
DIR="${LEDGER_PG_DIR:-/tmp/ledger-pg-$PORT}"
STANDBY_PORT=$((PORT + 1))
STANDBY="$DIR/standby"
SERVER_OPTIONS="-c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"

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
    -o "$SERVER_OPTIONS -p $PORT -k $DIR" start >&2 \
    || { cat "$DIR/server.log" >&2; exit 1; }
  echo "LEDGER_POSTGRES_TEST_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
}

# A standby must run with settings at least the primary's (max_connections), hence the same options.
standby() {
  local bin
  bin="$(pg_bin)"
  [ -f "$DIR/data/postmaster.pid" ] || { echo "postgres-test-cluster: no cluster running in $DIR; start it first" >&2; exit 1; }
  [ -f "$STANDBY/data/postmaster.pid" ] && { echo "postgres-test-cluster: a standby is already running in $STANDBY" >&2; exit 1; }
  rm -rf "$STANDBY"
  mkdir -p "$STANDBY"
  [ "$(id -u)" = 0 ] && chown postgres: "$STANDBY"
  as_owner "$bin/pg_basebackup" -h 127.0.0.1 -p "$PORT" -U postgres -D "$STANDBY/data" -R -X stream -c fast >"$STANDBY/basebackup.log" 2>&1 \
    || { cat "$STANDBY/basebackup.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$STANDBY/data" -l "$STANDBY/server.log" -w -t 60 \
    -o "$SERVER_OPTIONS -p $STANDBY_PORT -k $STANDBY -c hot_standby=on" start >&2 \
    || { cat "$STANDBY/server.log" >&2; exit 1; }
  echo "LEDGER_POSTGRES_STANDBY_TEST_URL=postgres://postgres@127.0.0.1:$STANDBY_PORT/postgres"
}

stop() {
  local bin
  bin="$(pg_bin)" || exit 0
  if [ -f "$STANDBY/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$STANDBY/data" -m fast -w stop >&2 || true; fi
  if [ -f "$DIR/data/postmaster.pid" ]; then as_owner "$bin/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true; fi
  rm -rf "$DIR"
}

case "${1:-}" in
  start) start ;;
  standby) standby ;;
  stop) stop ;;
  *) echo "usage: $0 start|standby|stop" >&2; exit 2 ;;
esac
