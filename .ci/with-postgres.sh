#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL server on 127.0.0.1 (Debian's postgresql package),
# with TEST_DATABASE_URL pointing at it; the server and its directory are removed afterwards.
set -euo pipefail
bash "$(dirname "$0")/provision.sh" postgres

PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)")
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL is not installed (apt-get install -y postgresql)" >&2
  exit 1
fi
PG_PORT=${PG_PORT:-55432}
PG_DIR=$(mktemp -d /tmp/kith-pg.XXXXXX)
chown postgres:postgres "$PG_DIR"

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }

stop_postgres() {
  as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_postgres EXIT

as_postgres "$PG_BIN/initdb -D $PG_DIR/data -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_postgres "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -o '-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' -w start" >/dev/null
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') running on 127.0.0.1:$PG_PORT"

TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres" "$@"
