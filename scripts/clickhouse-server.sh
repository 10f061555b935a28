#!/usr/bin/env bash
# A throwaway ClickHouse server for tests and local runs, kept entirely inside the repo:
#   scripts/clickhouse-server.sh install   apt-get installs clickhouse-server/-client if missing
#   scripts/clickhouse-server.sh start     starts it (idempotent), waits for /ping
#   scripts/clickhouse-server.sh stop      stops it and waits for the process to exit
#   scripts/clickhouse-server.sh kill      SIGKILL, for fault tests
# Ports 18123 (HTTP) and 19000 (TCP) on 127.0.0.1 only, so it never clashes with a system
# service on 8123/9000 nor listens beyond this machine. Data, config, logs and the pid file live
# in $CLICKHOUSE_DIR (.clickhouse/ in the repo root by default).
# With CLICKHOUSE_ZOOKEEPER=host:port the server is one replica of a cluster (scripts/clickhouse-
# cluster.sh starts two): CLICKHOUSE_CLUSTER_NAME, CLICKHOUSE_REPLICA (its {replica} macro),
# CLICKHOUSE_CLUSTER_REPLICAS (every replica's host:tcp_port) and CLICKHOUSE_INTERSERVER_PORT.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${CLICKHOUSE_DIR:-$ROOT/.clickhouse}"
HTTP_PORT="${CLICKHOUSE_HTTP_PORT:-18123}"
TCP_PORT="${CLICKHOUSE_TCP_PORT:-19000}"
START_TIMEOUT_S="${CLICKHOUSE_START_TIMEOUT_S:-60}"
PID_FILE="$DIR/clickhouse-server.pid"
LOG="$DIR/log/clickhouse-server.log"
ERR_LOG="$DIR/log/clickhouse-server.err.log"
STDOUT_LOG="$DIR/log/stdout.log"

die() { echo "clickhouse-server.sh: $*" >&2; exit 1; }

ping_ok() {
  [[ "$(curl -fsS --max-time 2 "http://127.0.0.1:$HTTP_PORT/ping" 2>/dev/null)" == "Ok." ]]
}

# Our server is the clickhouse-server whose command line names our config file: found from the
# pid file, or, if that is missing or stale, by that exact command line (never by a broad name,
# which would match a system service or another checkout's server).
is_ours() {
  local cmd
  cmd="$(tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null)" || return 1
  [[ "${cmd%% *}" == *clickhouse* && "$cmd" == *" --config-file=$DIR/config.xml "* ]]
}

running_pid() {
  local pid=""
  [[ -f "$PID_FILE" ]] && pid="$(cat "$PID_FILE")"
  if [[ "$pid" =~ ^[0-9]+$ ]] && is_ours "$pid"; then echo "$pid"; return 0; fi
  for p in /proc/[0-9]*; do
    pid="${p#/proc/}"
    if is_ours "$pid"; then echo "$pid" >"$PID_FILE"; echo "$pid"; return 0; fi
  done
  return 1
}

log_tail() {
  local f
  for f in "$STDOUT_LOG" "$ERR_LOG"; do
    [[ -s "$f" ]] && { echo "--- last lines of $f" >&2; tail -n 15 "$f" >&2; }
  done
  return 0
}

port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

write_config() {
  mkdir -p "$DIR/data" "$DIR/tmp" "$DIR/user_files" "$DIR/format_schemas" "$DIR/log"
  # Own files, not /etc/clickhouse-server: the packaged config listens on the default ports and
  # writes to /var/lib, /var/log, which a project-local server must not touch.
  cat >"$DIR/config.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <logger>
    <level>information</level>
    <log>$LOG</log>
    <errorlog>$ERR_LOG</errorlog>
    <size>50M</size>
    <count>2</count>
  </logger>
  <http_port>$HTTP_PORT</http_port>
  <tcp_port>$TCP_PORT</tcp_port>
  <listen_host>127.0.0.1</listen_host>
  <path>$DIR/data/</path>
  <tmp_path>$DIR/tmp/</tmp_path>
  <user_files_path>$DIR/user_files/</user_files_path>
  <format_schema_path>$DIR/format_schemas/</format_schema_path>
  <users_config>$DIR/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <max_concurrent_queries>100</max_concurrent_queries>
  <keep_alive_timeout>10</keep_alive_timeout>
  <mlock_executable>false</mlock_executable>
</yandex>
EOF
  rm -rf "$DIR/config.d"
  if [[ -n "${CLICKHOUSE_ZOOKEEPER:-}" ]]; then write_cluster_config; fi
  # The profile holds no LowCardinality switch on purpose: the warehouse driver must cope with a
  # plain 18.16 server, the way it would meet one outside this script. A cluster's replicas need
  # it: 18.16 runs the other servers' share of an ON CLUSTER statement with the profile's
  # settings, not the ones the driver sent with it.
  local cluster_settings=""
  if [[ -n "${CLICKHOUSE_ZOOKEEPER:-}" ]]; then
    cluster_settings="<allow_experimental_low_cardinality_type>1</allow_experimental_low_cardinality_type>"
  fi
  cat >"$DIR/users.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <profiles>
    <default>
      <max_memory_usage>4000000000</max_memory_usage>
      $cluster_settings
    </default>
    <!-- The SQL workbench's user: readonly = 2 reads only and still takes the limits the platform
         sends with each query (and readonly = 1 among them); a modern server adds constraints
         and a quota (docs/deploy.md), which 18.16's profiles cannot express. -->
    <workbench>
      <readonly>2</readonly>
      <max_memory_usage>2000000000</max_memory_usage>
      <max_execution_time>60</max_execution_time>
    </workbench>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
    <analyst>
      <password>analyst-test-password</password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>workbench</profile>
      <quota>default</quota>
    </analyst>
  </users>
  <quotas>
    <default>
      <interval><duration>3600</duration><queries>0</queries><errors>0</errors>
        <result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval>
    </default>
  </quotas>
</yandex>
EOF
}

# One shard, one replica per server listed: replicated tables and ON CLUSTER statements go
# through ZooKeeper; the server merges config.d/*.xml into config.xml.
write_cluster_config() {
  local zk_host="${CLICKHOUSE_ZOOKEEPER%:*}" zk_port="${CLICKHOUSE_ZOOKEEPER##*:}"
  local name="${CLICKHOUSE_CLUSTER_NAME:?CLICKHOUSE_CLUSTER_NAME must be set with CLICKHOUSE_ZOOKEEPER}"
  local replica="${CLICKHOUSE_REPLICA:?CLICKHOUSE_REPLICA must be set with CLICKHOUSE_ZOOKEEPER}"
  local port="${CLICKHOUSE_INTERSERVER_PORT:?CLICKHOUSE_INTERSERVER_PORT must be set with CLICKHOUSE_ZOOKEEPER}"
  local replicas="" r
  for r in ${CLICKHOUSE_CLUSTER_REPLICAS//,/ }; do
    replicas+="        <replica><host>${r%:*}</host><port>${r##*:}</port></replica>"$'\n'
  done
  mkdir -p "$DIR/config.d"
  cat >"$DIR/config.d/cluster.xml" <<EOF
<?xml version="1.0"?>
<yandex>
  <zookeeper>
    <node><host>$zk_host</host><port>$zk_port</port></node>
    <session_timeout_ms>30000</session_timeout_ms>
  </zookeeper>
  <macros>
    <shard>01</shard>
    <replica>$replica</replica>
  </macros>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <interserver_http_port>$port</interserver_http_port>
  <remote_servers>
    <$name>
      <shard>
        <internal_replication>true</internal_replication>
$replicas      </shard>
    </$name>
  </remote_servers>
  <distributed_ddl>
    <path>/clickhouse/task_queue/ddl</path>
  </distributed_ddl>
</yandex>
EOF
}

cmd_install() {
  if command -v clickhouse-server >/dev/null 2>&1; then
    echo "clickhouse-server already installed: $(command -v clickhouse-server)"
    return 0
  fi
  local sudo=""
  [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y clickhouse-server clickhouse-client
}

cmd_start() {
  command -v clickhouse-server >/dev/null 2>&1 || die "clickhouse-server not on PATH; run: $0 install"
  command -v curl >/dev/null 2>&1 || die "curl not on PATH"
  local pid
  if pid="$(running_pid)"; then
    if ping_ok; then echo "clickhouse-server already running (pid $pid) on http://127.0.0.1:$HTTP_PORT"; return 0; fi
  else
    # Checked before launching: 18.16 would only say so in its log, after loading all tables.
    local port
    for port in "$HTTP_PORT" "$TCP_PORT"; do
      port_taken "$port" && die "port $port on 127.0.0.1 is taken by another process; stop it or set CLICKHOUSE_HTTP_PORT / CLICKHOUSE_TCP_PORT"
    done
  fi
  if [[ -z "${pid:-}" ]]; then
    write_config
    rm -f "$PID_FILE"
    # setsid + all three streams redirected: the server must not hold the caller's terminal or
    # stdout pipe, or a CI step waiting for EOF on it never ends. Not --daemon: that forks, and
    # $! would name a parent that has already exited.
    setsid clickhouse-server --config-file="$DIR/config.xml" --pid-file="$PID_FILE" \
      </dev/null >>"$STDOUT_LOG" 2>&1 &
    pid=$!
  fi
  local deadline=$((SECONDS + START_TIMEOUT_S))
  until ping_ok; do
    if ! kill -0 "$pid" 2>/dev/null && ! pid="$(running_pid)"; then
      log_tail
      die "clickhouse-server exited during start-up (logs in $DIR/log)"
    fi
    if ((SECONDS >= deadline)); then
      log_tail
      kill "$pid" 2>/dev/null || true
      die "clickhouse-server did not answer http://127.0.0.1:$HTTP_PORT/ping within ${START_TIMEOUT_S}s"
    fi
    sleep 0.2
  done
  # The server writes its own pid file once listening; keep ours authoritative either way.
  echo "$pid" >"$PID_FILE"
  echo "clickhouse-server $(curl -fsS "http://127.0.0.1:$HTTP_PORT/?query=SELECT%20version()") running (pid $pid) on http://127.0.0.1:$HTTP_PORT"
}

# A crash, for fault tests: SIGKILL, no shutdown at all.
cmd_kill() {
  local pid
  pid="$(running_pid)" || { echo "clickhouse-server not running"; return 0; }
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  rm -f "$PID_FILE"
  echo "clickhouse-server killed (pid $pid)"
}

cmd_stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    echo "clickhouse-server not running"
    return 0
  fi
  kill -TERM "$pid"
  # 18.16 waits for running queries on SIGTERM; give it a while, then force it.
  local deadline=$((SECONDS + 30)) killed=""
  while kill -0 "$pid" 2>/dev/null; do
    if [[ -z "$killed" ]] && ((SECONDS >= deadline)); then
      echo "clickhouse-server (pid $pid) ignored SIGTERM for 30s; sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
      killed=1
    fi
    sleep 0.2
  done
  rm -f "$PID_FILE"
  echo "clickhouse-server stopped (pid $pid)"
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  kill) cmd_kill ;;
  *) die "usage: $0 install|start|stop|kill" ;;
esac
