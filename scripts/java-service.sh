# Shared by scripts/kafka.sh and scripts/clickhouse-cluster.sh (sourced, not run): a Java service
# from Maven Central jars, started detached, known by its pid file and its command line.
# The sourcing script defines die().

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Prints the pid in $1 if that process is alive and its command line holds $2 (a pid file left by
# a process that died, its pid since reused, names some other program).
service_pid() {
  [[ -f "$1" ]] || return 1
  local pid; pid="$(cat "$1")"
  [[ "$pid" =~ ^[0-9]+$ ]] && tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -q -- "$2" && echo "$pid"
}

# Copies the runtime jars of the pom $1 into $2, once ($3 names them in the message).
fetch_maven_libs() {
  [[ -f "$2/.complete" ]] && return 0
  command -v java >/dev/null || die "java not found: install OpenJDK 17 or newer"
  command -v mvn >/dev/null || die "mvn not found: install Maven"
  echo "fetching $3 jars from Maven Central (once)" >&2
  rm -rf "$2"
  mvn -B -q -f "$1" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$2" >&2
  touch "$2/.complete"
}

# Stops the service of pid file $1 (command line holding $2): TERM, up to 30 s, then KILL.
stop_service() {
  local pid
  pid="$(service_pid "$1" "$2")" || { rm -f "$1"; return 0; }
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$1"
}
