#!/usr/bin/env bash
# Runs before `npm test`: makes sure what the tests use is there, the real parts they run against.
#   Postgres on 127.0.0.1:5432 (trust for the postgres user), Redis on 127.0.0.1:6379, the mosquitto binary with its
#   dynamic-security plugin (tests start their own broker on a free port), redis-server and Postgres's initdb and pg_ctl
#   (the chaos suite starts its own), and Chromium for the console's tests.
# As root on Debian or Ubuntu, a missing part is installed or started. Elsewhere the script stops at the first missing
# part with one line naming it and the command that brings it. It never lets a test be skipped for want of a part.
set -euo pipefail

PG_HOST=127.0.0.1 PG_PORT=5432 REDIS_PORT=6379
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
MULTIARCH=$(gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu)
DYNSEC_PLUGIN=/usr/lib/$MULTIARCH/mosquitto_dynamic_security.so

say() { echo "test services: $*" >&2; }
missing() { # what, the command that brings it
  say "$1 is missing; run: $2"
  exit 1
}
can_install() { [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; }

apt_updated=false
apt_install() { # packages...
  if ! $apt_updated; then
    apt-get update -qq
    apt_updated=true
  fi
  say "installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

wait_for() { # what, probe command...
  local what=$1
  shift
  for _ in $(seq 1 60); do
    "$@" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  missing "$what (started, but it does not answer)" "check its log"
}

ensure_postgres() {
  pg_ready() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; }
  if ! command -v pg_isready >/dev/null; then
    can_install || missing "PostgreSQL" "sudo apt-get install -y postgresql"
    apt_install postgresql
  fi
  if ! pg_ready; then
    if can_install && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
      local version
      version=$(ls /etc/postgresql | sort -V | tail -n 1)
      say "starting PostgreSQL $version"
      pg_ctlcluster --skip-systemctl-redirect "$version" main start
      wait_for "PostgreSQL on $PG_HOST:$PG_PORT" pg_ready
    else
      missing "PostgreSQL on $PG_HOST:$PG_PORT" "sudo pg_ctlcluster \$(ls /etc/postgresql) main start"
    fi
  fi
  psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -w -tAc 'SELECT 1' >/dev/null 2>&1 ||
    missing "trust access for the postgres user on $PG_HOST:$PG_PORT" \
      "add 'host all postgres 127.0.0.1/32 trust' to pg_hba.conf and reload, or set TEST_POSTGRES_URL"
}

ensure_redis() {
  redis_ready() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping; }
  command -v redis-cli >/dev/null && redis_ready >/dev/null 2>&1 && return 0
  if ! command -v redis-server >/dev/null; then
    can_install || missing "Redis on 127.0.0.1:$REDIS_PORT" "sudo apt-get install -y redis-server (macOS: brew install redis)"
    apt_install redis-server
  fi
  say "starting Redis on 127.0.0.1:$REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no >/dev/null
  wait_for "Redis on 127.0.0.1:$REDIS_PORT" redis_ready
}

ensure_mosquitto() {
  command -v mosquitto >/dev/null && [ -e "$DYNSEC_PLUGIN" ] && return 0
  can_install || missing "mosquitto with its dynamic-security plugin" "sudo apt-get install -y mosquitto"
  apt_install mosquitto
}

# The chaos suite starts a Postgres cluster and a redis-server of its own, so that it may restart them.
ensure_private_servers() {
  if ! command -v redis-server >/dev/null; then
    can_install || missing "redis-server (the chaos suite starts its own)" "sudo apt-get install -y redis-server"
    apt_install redis-server
  fi
  [ -n "${POSTGRES_BIN:-}" ] && [ -x "$POSTGRES_BIN/initdb" ] && return 0
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && return 0
  command -v initdb >/dev/null ||
    missing "initdb and pg_ctl (the chaos suite starts its own Postgres)" "set POSTGRES_BIN to the folder that has them"
}

ensure_chromium() {
  [ -x "$CHROMIUM" ] && return 0
  can_install || missing "Chromium at $CHROMIUM" "sudo apt-get install -y chromium (or set CHROMIUM_PATH)"
  apt_install chromium
}

ensure_postgres
ensure_redis
ensure_mosquitto
ensure_private_servers
ensure_chromium
