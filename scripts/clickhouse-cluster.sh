#!/usr/bin/env bash
# A throwaway two-replica ClickHouse cluster for the scale-out tests (test/warehouse/cluster.test.ts):
#   scripts/clickhouse-cluster.sh up     ZooKeeper (Maven Central jars, fetched once) and two
#                                        clickhouse-server replicas of one shard, waits for both
#   scripts/clickhouse-cluster.sh down   stops all three
#   scripts/clickhouse-cluster.sh reset  down, then wipes their data
# Cluster "$CLICKHOUSE_CLUSTER_NAME" (chuxiong by default). Replica r1 answers HTTP on 127.0.0.1:18124,
# r2 on 18125; ZooKeeper listens on 127.0.0.1:12181. Everything lives in $CLUSTER_DIR
# (.clickhouse-cluster/ in the repo root). Each replica is scripts/clickhouse-server.sh with its own
# directory and ports, so the test server on 18123 is untouched.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${CLUSTER_DIR:-$ROOT/.clickhouse-cluster}"
NAME="${CLICKHOUSE_CLUSTER_NAME:-chuxiong}"
ZK_PORT="${ZOOKEEPER_PORT:-12181}"
ZK_DIR="$DIR/zookeeper"
ZK_LIBS="$ZK_DIR/libs"
ZK_PID="$ZK_DIR/zookeeper.pid"
# name http_port tcp_port interserver_port
REPLICAS=("r1 18124 19011 19021" "r2 18125 19012 19022")

die() { echo "clickhouse-cluster.sh: $*" >&2; exit 1; }
source "$ROOT/scripts/java-service.sh"
ZK_MAIN="ZooKeeperServerMain $ZK_DIR/zoo.cfg"

zk_up() {
  if service_pid "$ZK_PID" "$ZK_MAIN" >/dev/null; then return 0; fi
  port_open "$ZK_PORT" && die "127.0.0.1:$ZK_PORT is taken by another process"
  fetch_maven_libs "$ROOT/scripts/zookeeper/pom.xml" "$ZK_LIBS" "ZooKeeper 3.8.6"
  mkdir -p "$ZK_DIR/data"
  cat >"$ZK_DIR/zoo.cfg" <<CFG
tickTime=2000
dataDir=$ZK_DIR/data
clientPort=$ZK_PORT
clientPortAddress=127.0.0.1
admin.enableServer=false
4lw.commands.whitelist=ruok
CFG
  # logback, without a file of its own, logs everything at DEBUG.
  cat >"$ZK_DIR/logback.xml" <<'XML'
<configuration>
  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{36} - %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="out"/></root>
</configuration>
XML
  setsid java -Dlogback.configurationFile="$ZK_DIR/logback.xml" -Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$ZK_LIBS/*" \
    org.apache.zookeeper.server.ZooKeeperServerMain "$ZK_DIR/zoo.cfg" >"$ZK_DIR/zookeeper.log" 2>&1 </dev/null &
  echo $! >"$ZK_PID"
  local waited=0
  until [[ "$(echo ruok | timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$ZK_PORT; cat >&3; cat <&3" 2>/dev/null)" == imok ]]; do
    # kill -0, not service_pid: until the forked shell has exec'd java, its command line is not java's.
    kill -0 "$(cat "$ZK_PID")" 2>/dev/null || { tail -n 30 "$ZK_DIR/zookeeper.log" >&2; die "ZooKeeper exited during start-up"; }
    (( waited++ >= 240 )) && { tail -n 30 "$ZK_DIR/zookeeper.log" >&2; die "ZooKeeper not ready after 60s"; }
    sleep 0.25
  done
}

# Runs scripts/clickhouse-server.sh $1 for every replica, with that replica's directory and ports.
each_replica() {
  local all="" spec name http tcp inter
  for spec in "${REPLICAS[@]}"; do read -r name http tcp inter <<<"$spec"; all+="${all:+,}127.0.0.1:$tcp"; done
  for spec in "${REPLICAS[@]}"; do
    read -r name http tcp inter <<<"$spec"
    CLICKHOUSE_DIR="$DIR/$name" CLICKHOUSE_HTTP_PORT="$http" CLICKHOUSE_TCP_PORT="$tcp" \
      CLICKHOUSE_ZOOKEEPER="127.0.0.1:$ZK_PORT" CLICKHOUSE_CLUSTER_NAME="$NAME" CLICKHOUSE_REPLICA="$name" \
      CLICKHOUSE_CLUSTER_REPLICAS="$all" CLICKHOUSE_INTERSERVER_PORT="$inter" \
      bash "$ROOT/scripts/clickhouse-server.sh" "$1"
  done
}

case "${1:-}" in
  up) zk_up; each_replica start; echo "clickhouse-cluster.sh: cluster $NAME up (ZooKeeper 127.0.0.1:$ZK_PORT)" >&2 ;;
  down) each_replica stop; stop_service "$ZK_PID" "$ZK_MAIN" ;;
  reset) each_replica stop; stop_service "$ZK_PID" "$ZK_MAIN"; rm -rf "$DIR/r1" "$DIR/r2" "$ZK_DIR/data" ;;
  *) die "usage: scripts/clickhouse-cluster.sh up|down|reset" ;;
esac
