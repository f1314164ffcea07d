#!/usr/bin/env bash
# Starts the local PostgreSQL cluster and prepares a test database for the center server's tests:
# role `kit` (with a password) owning database `kit_test`. Prints the URL to use as
# TEST_DATABASE_URL (or DATABASE_URL). Idempotent: safe to run again.
#
#   export TEST_DATABASE_URL=$(server/scripts/start-test-postgres.sh | tail -n 1)
#   npx vitest run server
#
# Installing PostgreSQL is the machine's / CI's job (Debian: apt-get install -y postgresql).
# Settings: PG_VERSION (default: newest installed), PG_CLUSTER (main), PG_PORT (the cluster's),
# KIT_DB_PASSWORD (kit_test_password). The password only guards a local test database.
set -euo pipefail

log() { printf '%s\n' "$*" >&2; }

if ! command -v pg_lsclusters >/dev/null 2>&1; then
  log "PostgreSQL is not installed (pg_lsclusters not found). Debian/Ubuntu: apt-get install -y postgresql"
  exit 1
fi

PG_VERSION="${PG_VERSION:-$(pg_lsclusters --no-header | awk '{print $1}' | sort -V | tail -n 1)}"
PG_CLUSTER="${PG_CLUSTER:-main}"
DB_NAME=kit_test
DB_USER=kit
DB_PASSWORD="${KIT_DB_PASSWORD:-kit_test_password}"

if [ -z "$PG_VERSION" ]; then
  log "No PostgreSQL cluster exists. Create one with: pg_createcluster <version> main"
  exit 1
fi

# postgres refuses to run as root: run its tools as the postgres user.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"
  elif [ "$(id -un)" = postgres ]; then "$@"
  else sudo -u postgres -- "$@"
  fi
}

status=$(pg_lsclusters --no-header "$PG_VERSION" "$PG_CLUSTER" | awk '{print $4}')
if [ "$status" != "online" ]; then
  log "Starting PostgreSQL $PG_VERSION/$PG_CLUSTER ..."
  # pg_ctlcluster drops to the cluster owner itself when run as root.
  # Its messages go to stderr: stdout carries only the URL.
  if [ "$(id -u)" = 0 ]; then pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2
  else as_postgres pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2
  fi
fi
PG_PORT="${PG_PORT:-$(pg_lsclusters --no-header "$PG_VERSION" "$PG_CLUSTER" | awk '{print $3}')}"

for _ in $(seq 1 30); do
  as_postgres pg_isready -q -p "$PG_PORT" && break
  sleep 0.5
done
as_postgres pg_isready -q -p "$PG_PORT" || { log "PostgreSQL did not become ready on port $PG_PORT"; exit 1; }

psql_admin() { as_postgres psql -p "$PG_PORT" -v ON_ERROR_STOP=1 -q -X "$@"; }

# Role: create, or reset its password so the printed URL always works.
psql_admin -v user="$DB_USER" -v password="$DB_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L', :'user', :'password')
  WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'user', :'password') \gexec
SQL

if [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != 1 ]; then
  psql_admin -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
fi

URL="postgres://$DB_USER:$DB_PASSWORD@127.0.0.1:$PG_PORT/$DB_NAME"
# Check the URL really logs in over TCP with the password (pg_hba scram/md5), as the tests will.
if ! PGPASSWORD="$DB_PASSWORD" psql "postgres://$DB_USER@127.0.0.1:$PG_PORT/$DB_NAME" -X -q -tAc 'SELECT 1' >/dev/null; then
  log "Could not log in as $DB_USER over TCP; check pg_hba.conf allows password logins from 127.0.0.1"
  exit 1
fi
log "PostgreSQL $PG_VERSION/$PG_CLUSTER ready; database $DB_NAME owned by $DB_USER."
echo "$URL"
