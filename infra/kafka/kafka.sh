#!/usr/bin/env bash
# Runs a real single-node KRaft Apache Kafka broker from the jars on Maven Central.
#
#   bash infra/kafka/kafka.sh up|down|status
#
# `up` fetches the jars once (mvn, into the cache), formats the data dir once, starts the
# broker in the background and waits until it serves; it prints KAFKA_BROKERS=host:port.
# Every command is idempotent. Environment (all optional):
#   KAFKA_CACHE_DIR  jar cache and run dir      (default <repo>/.cache/kafka)
#   KAFKA_DATA_DIR   broker log/data directory  (default $KAFKA_CACHE_DIR/data)
#   KAFKA_RUN_DIR    pid, log, generated config (default $KAFKA_CACHE_DIR/run)
#   KAFKA_PORT, KAFKA_CONTROLLER_PORT           (default 9092, 9093 on 127.0.0.1)
#   KAFKA_HEAP       JVM heap flags             (default -Xms256m -Xmx512m)
#   KAFKA_JVM_OPTS   other JVM flags            (default -XX:+UseG1GC)
#   KAFKA_START_TIMEOUT seconds to wait for up  (default 60)
#   JAVA_HOME        Java 17+ (default: java on PATH)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${here}/../.." && pwd)"

host=127.0.0.1
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
version="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "${here}/pom.xml")"
cache="${KAFKA_CACHE_DIR:-${repo}/.cache/kafka}"
libs="${cache}/${version}/libs"
run_dir="${KAFKA_RUN_DIR:-${cache}/run}"
data_dir="${KAFKA_DATA_DIR:-${cache}/data}"
pid_file="${run_dir}/kafka.pid"
log_file="${run_dir}/kafka.log"
heap="${KAFKA_HEAP:--Xms256m -Xmx512m}"
jvm_opts="${KAFKA_JVM_OPTS:--XX:+UseG1GC}"
start_timeout="${KAFKA_START_TIMEOUT:-60}"
java_bin="${JAVA_HOME:+${JAVA_HOME}/bin/}java"

say() { echo "kafka: $*" >&2; }

port_open() { (exec 3<>"/dev/tcp/${host}/${port}") 2>/dev/null; }

# A pid file can outlive its process and the pid can be reused: trust it only when that
# pid is still our broker.
running_pid() {
  [ -f "${pid_file}" ] || return 1
  local pid
  pid="$(cat "${pid_file}")"
  [ -n "${pid}" ] && kill -0 "${pid}" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/${pid}/cmdline" 2>/dev/null | grep -q 'kafka.Kafka' || return 1
  echo "${pid}"
}

check_java() {
  command -v "${java_bin}" >/dev/null || { say "java not found (Kafka ${version} needs Java 17+)"; exit 1; }
  local major
  major="$("${java_bin}" -XshowSettings:properties -version 2>&1 | sed -n 's/.*java.specification.version = \([0-9]*\).*/\1/p')"
  if [ "${major:-0}" -lt 17 ]; then
    say "Java ${major} found; Kafka ${version} needs Java 17+ (set JAVA_HOME)"
    exit 1
  fi
}

fetch_jars() {
  [ -f "${libs}/.complete" ] && return 0
  command -v mvn >/dev/null || { say "mvn not found: needed once to fetch Kafka ${version} from Maven Central"; exit 1; }
  say "fetching Kafka ${version} jars from Maven Central into ${libs}"
  local tmp="${libs}.tmp.$$"
  rm -rf "${tmp}"
  mkdir -p "${cache}"
  if ! mvn -B -Dstyle.color=never -f "${here}/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="${tmp}" >"${cache}/mvn.log" 2>&1; then
    say "mvn could not fetch the jars; last lines of ${cache}/mvn.log:"
    tail -30 "${cache}/mvn.log" >&2
    rm -rf "${tmp}"
    exit 1
  fi
  # Swap in whole so an interrupted download never looks like a usable cache.
  rm -rf "${libs}"
  mv "${tmp}" "${libs}"
  touch "${libs}/.complete"
}

write_config() {
  mkdir -p "${run_dir}" "${data_dir}"
  sed -e "s|@HOST@|${host}|g" -e "s|@PORT@|${port}|g" \
    -e "s|@CONTROLLER_PORT@|${controller_port}|g" -e "s|@DATA_DIR@|${data_dir}|g" \
    "${here}/server.properties" >"${run_dir}/server.properties"
}

format_storage() {
  [ -f "${data_dir}/meta.properties" ] && return 0
  local cluster_id
  cluster_id="$("${java_bin}" -cp "${libs}/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)"
  say "formatting ${data_dir} (cluster ${cluster_id})"
  "${java_bin}" -cp "${libs}/*" -Dlog4j2.configurationFile="${here}/log4j2.properties" \
    kafka.tools.StorageTool format --standalone -t "${cluster_id}" \
    -c "${run_dir}/server.properties" >>"${log_file}" 2>&1 \
    || { say "storage format failed; see ${log_file}"; tail -20 "${log_file}" >&2; exit 1; }
}

wait_ready() {
  local pid="$1" deadline=$((SECONDS + start_timeout))
  while [ "${SECONDS}" -lt "${deadline}" ]; do
    if ! kill -0 "${pid}" 2>/dev/null; then
      say "broker exited during start-up; last log lines:"
      tail -30 "${log_file}" >&2
      rm -f "${pid_file}"
      exit 1
    fi
    # The port opens before the broker has joined its own quorum; the log line is written
    # once the broker is registered and serving.
    if port_open && grep -q 'Kafka Server started' "${log_file}"; then return 0; fi
    sleep 0.5
  done
  say "broker not ready after ${start_timeout}s; see ${log_file}"
  exit 1
}

up() {
  if pid="$(running_pid)"; then
    say "already running (pid ${pid})"
    echo "KAFKA_BROKERS=${host}:${port}"
    return 0
  fi
  if port_open; then
    say "${host}:${port} already answers but was not started by this script; using it"
    echo "KAFKA_BROKERS=${host}:${port}"
    return 0
  fi
  check_java
  fetch_jars
  write_config
  [ -f "${log_file}" ] && mv -f "${log_file}" "${log_file}.1"
  format_storage
  say "starting Kafka ${version} on ${host}:${port} (log ${log_file})"
  # shellcheck disable=SC2086 # heap and jvm_opts hold several JVM flags each
  nohup "${java_bin}" ${heap} ${jvm_opts} -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="${here}/log4j2.properties" \
    -cp "${libs}/*" kafka.Kafka "${run_dir}/server.properties" \
    >>"${log_file}" 2>&1 </dev/null &
  echo $! >"${pid_file}"
  wait_ready "$!"
  say "ready"
  echo "KAFKA_BROKERS=${host}:${port}"
}

down() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "${pid_file}"
    say "not running"
    return 0
  fi
  say "stopping pid ${pid}"
  kill -TERM "${pid}" 2>/dev/null || true
  # A clean shutdown flushes logs and leaves the quorum; give it time before forcing.
  for _ in $(seq 1 60); do
    kill -0 "${pid}" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "${pid}" 2>/dev/null; then
    say "still alive after 30s; sending SIGKILL"
    kill -KILL "${pid}" 2>/dev/null || true
  fi
  rm -f "${pid_file}"
  say "stopped"
}

status() {
  local pid
  if pid="$(running_pid)" && port_open; then
    say "running (pid ${pid}) on ${host}:${port}"
    echo "KAFKA_BROKERS=${host}:${port}"
    return 0
  fi
  say "not running"
  return 1
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  status) status ;;
  *) echo "usage: $0 up|down|status" >&2; exit 2 ;;
esac
