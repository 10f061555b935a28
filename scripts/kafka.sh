#!/usr/bin/env bash
# A local single-node Apache Kafka 4.1 broker (KRaft, combined broker and controller) from Maven
# Central jars, for development and tests:
#   scripts/kafka.sh up      fetch the jars once, format storage once, start, wait until ready
#   scripts/kafka.sh down    stop it and wait for the process to exit
#   scripts/kafka.sh reset   down, then wipe the broker's data
# Listens on 127.0.0.1:$KAFKA_PORT (19092 by default; controller on the next port). Everything
# lives in $KAFKA_DIR (.kafka/ in the repo root): libs, config, data, log, pid.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${KAFKA_DIR:-$ROOT/.kafka}"
PORT="${KAFKA_PORT:-19092}"
CONTROLLER_PORT=$((PORT + 1))
LIBS="$DIR/libs"
PID_FILE="$DIR/broker.pid"
LOG="$DIR/broker.log"
START_TIMEOUT_S="${KAFKA_START_TIMEOUT_S:-90}"

die() { echo "kafka.sh: $*" >&2; exit 1; }
source "$ROOT/scripts/java-service.sh"
KAFKA_MAIN="kafka.Kafka $DIR/server.properties"
running_pid() { service_pid "$PID_FILE" "$KAFKA_MAIN"; }

write_config() {
  mkdir -p "$DIR/data"
  cat >"$DIR/server.properties" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
controller.listener.names=CONTROLLER
listeners=PLAINTEXT://127.0.0.1:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$PORT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$DIR/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.cleaner.dedupe.buffer.size=16777216
message.max.bytes=2097152
PROPS
  cat >"$DIR/log4j2.properties" <<'PROPS'
status = warn
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.out.ref = out
logger.kafka.name = kafka.server.KafkaRaftServer
logger.kafka.level = INFO
logger.server.name = kafka.server.BrokerServer
logger.server.level = INFO
PROPS
}

up() {
  if pid="$(running_pid)"; then echo "kafka.sh: broker already running (pid $pid) on 127.0.0.1:$PORT" >&2; return 0; fi
  port_open "$PORT" && die "127.0.0.1:$PORT is taken by another process"
  fetch_maven_libs "$ROOT/scripts/kafka/pom.xml" "$LIBS" "Kafka 4.1.1"
  write_config
  local java_opts=(-Xms256m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile="$DIR/log4j2.properties")
  if [[ ! -f "$DIR/data/meta.properties" ]]; then
    # 16 random bytes, base64url without padding: a KRaft cluster id. Passed as --cluster-id=ID:
    # one that starts with "-" (1 in 64) would otherwise read as an option and fail the format.
    local id; id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    java "${java_opts[@]}" -cp "$LIBS/*" kafka.tools.StorageTool format --cluster-id="$id" -c "$DIR/server.properties" >"$DIR/format.log" 2>&1 \
      || { cat "$DIR/format.log" >&2; die "formatting storage failed"; }
  fi
  # Detached, output to a file: a JVM holding the caller's stdout would hang a CI script.
  setsid java "${java_opts[@]}" -cp "$LIBS/*" kafka.Kafka "$DIR/server.properties" >"$LOG" 2>&1 </dev/null &
  echo $! >"$PID_FILE"
  local waited=0
  # The broker opens its port only once it is unfenced (the controller port opens earlier).
  until port_open "$PORT"; do
    # kill -0, not running_pid: until the forked shell has exec'd java, its command line is not java's.
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then tail -n 30 "$LOG" >&2; die "broker exited during start-up"; fi
    (( waited++ >= START_TIMEOUT_S * 4 )) && { tail -n 30 "$LOG" >&2; die "broker not ready after ${START_TIMEOUT_S}s"; }
    sleep 0.25
  done
  echo "kafka.sh: broker ready on 127.0.0.1:$PORT (pid $(cat "$PID_FILE"))" >&2
}

down() {
  local running; running="$(running_pid)" || running=""
  stop_service "$PID_FILE" "$KAFKA_MAIN" # a pid file left by a broker that died goes too
  [[ -z "$running" ]] || echo "kafka.sh: broker stopped" >&2
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  reset) down; rm -rf "$DIR/data" ;;
  *) die "usage: scripts/kafka.sh up|down|reset" ;;
esac
