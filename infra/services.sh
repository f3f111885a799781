#!/usr/bin/env bash
# `npm run services:up|down|status`: the real PostgreSQL, Redis and Kafka the service-backed
# tests and the services run mode use. PostgreSQL and Redis are started when installed but
# stopped; Kafka runs from Maven Central jars (infra/kafka/kafka.sh). `down` stops only what
# `up` started, so a machine's own database is never stopped by us.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE_DIR="${ROOT}/.cache/services"
mkdir -p "${STATE_DIR}"

PG_HOST="${PGHOST_FOR_TESTS:-127.0.0.1}"
PG_PORT="${PGPORT_FOR_TESTS:-5432}"
REDIS_PORT="${REDIS_PORT_FOR_TESTS:-6379}"

log() { echo "[services] $*" >&2; }

pg_ready() { pg_isready -q -h "${PG_HOST}" -p "${PG_PORT}" 2>/dev/null; }
redis_ready() { redis-cli -h 127.0.0.1 -p "${REDIS_PORT}" ping 2>/dev/null | grep -q PONG; }

wait_for() { # name, check-fn, seconds
  local i
  for ((i = 0; i < $3 * 4; i++)); do "$2" && return 0; sleep 0.25; done
  log "$1 did not become ready within $3 s"; return 1
}

pg_up() {
  if pg_ready; then log "PostgreSQL already running on ${PG_HOST}:${PG_PORT}"; return; fi
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    local version; version="$(ls /etc/postgresql | sort -V | tail -n 1)"
    log "starting PostgreSQL ${version}"
    pg_ctlcluster --skip-systemctl-redirect "${version}" main start
    touch "${STATE_DIR}/postgres.started"
  else
    log "PostgreSQL is not running and not installed here (need pg_ctlcluster); set DATABASE_URL to one you run"
    return 1
  fi
  wait_for PostgreSQL pg_ready 30
}

redis_up() {
  if redis_ready; then log "Redis already running on 127.0.0.1:${REDIS_PORT}"; return; fi
  if command -v redis-server >/dev/null 2>&1; then
    log "starting Redis on 127.0.0.1:${REDIS_PORT}"
    local dir="${STATE_DIR}/redis"; mkdir -p "${dir}"
    redis-server --daemonize yes --bind 127.0.0.1 --port "${REDIS_PORT}" --save "" --appendonly no \
      --dir "${dir}" --logfile "${dir}/redis.log" --pidfile "${dir}/redis.pid"
    touch "${STATE_DIR}/redis.started"
  else
    log "Redis is not running and not installed here; set REDIS_URL to one you run"
    return 1
  fi
  wait_for Redis redis_ready 15
}

pg_user() {
  # Trust auth here; prefer the postgres role, else the current user.
  if psql -h "${PG_HOST}" -p "${PG_PORT}" -U postgres -d test -Atc 'select 1' >/dev/null 2>&1; then echo postgres; else id -un; fi
}

case "${1:-}" in
  up)
    pg_up
    redis_up
    bash "${ROOT}/infra/kafka/kafka.sh" up >&2
    echo "DATABASE_URL=postgres://$(pg_user)@${PG_HOST}:${PG_PORT}/test"
    echo "REDIS_URL=redis://127.0.0.1:${REDIS_PORT}"
    echo "KAFKA_BROKERS=127.0.0.1:9092"
    ;;
  down)
    bash "${ROOT}/infra/kafka/kafka.sh" down >&2 || true
    if [ -f "${STATE_DIR}/redis.started" ]; then
      redis-cli -p "${REDIS_PORT}" shutdown nosave >/dev/null 2>&1 || true
      rm -f "${STATE_DIR}/redis.started"; log "stopped the Redis we started"
    fi
    if [ -f "${STATE_DIR}/postgres.started" ]; then
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -n 1)" main stop || true
      rm -f "${STATE_DIR}/postgres.started"; log "stopped the PostgreSQL we started"
    fi
    ;;
  status)
    rc=0
    if pg_ready; then log "PostgreSQL: up"; else log "PostgreSQL: down"; rc=1; fi
    if redis_ready; then log "Redis: up"; else log "Redis: down"; rc=1; fi
    if bash "${ROOT}/infra/kafka/kafka.sh" status >/dev/null 2>&1; then log "Kafka: up"; else log "Kafka: down"; rc=1; fi
    exit "${rc}"
    ;;
  *)
    echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
