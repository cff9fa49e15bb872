#!/usr/bin/env bash
# Shared by the benchmarks: builds Mediawerk, starts the local stack (PostgreSQL, Kafka, S3) in its own JVM, starts
# Mediawerk instances against it, and makes a project. Source it; it sets WORK, PG, KAFKA, CONTROLLER, S3, HTTP.

WORK=target/bench
PG=25432 KAFKA=29092 CONTROLLER=29093 S3=29000 HTTP=28080
S3_KEY=mediawerk-local S3_SECRET=mediawerk-local-secret
PIDS=()
ADMIN="mwk_$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40)"

wait_for() { # url, seconds
  for _ in $(seq "$2"); do curl -sf -o /dev/null "$1" && return 0; sleep 1; done
  echo "timed out waiting for $1" >&2; return 1
}

json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

stop_all() { kill "${PIDS[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }

build_and_start_stack() {
  mkdir -p "$WORK"
  # a previous run's servers may still be letting go of their ports
  for port in $PG $KAFKA $CONTROLLER $S3 $HTTP $((HTTP + 1)); do
    for _ in $(seq 30); do ss -ltn | grep -q "127.0.0.1:$port " || break; sleep 1; done
  done
  echo "building..."
  ./mvnw -q -B package -DskipTests
  ./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$WORK/classpath.txt" -Dmdep.includeScope=runtime
  rm -rf "$WORK/stack"
  java -Xmx1g -cp "target/classes:$(cat "$WORK/classpath.txt")" io.mediawerk.localstack.LocalStackMain \
    "$WORK/stack" $PG $KAFKA $CONTROLLER $S3 > "$WORK/stack.log" 2>&1 &
  PIDS+=($!)
  trap stop_all EXIT
  for _ in $(seq 120); do grep -q "local stack ready" "$WORK/stack.log" && break; sleep 1; done
  grep -q "local stack ready" "$WORK/stack.log" || { echo "the local stack did not start:"; cat "$WORK/stack.log"; exit 1; }
}

# start_app <http port> <heap> <log file> [extra -D settings...]: a Mediawerk instance on the stack; sets APP_PID
start_app() {
  local port=$1 heap=$2 log=$3
  shift 3
  java -Xmx"$heap" "$@" -Dquarkus.profile=dev -Dquarkus.http.port="$port" \
    -Dmediawerk.public-base-url="http://127.0.0.1:$port" -Dmediawerk.local-stack.enabled=false \
    -Dmediawerk.local-stack.postgres-port=$PG -Dmediawerk.local-stack.kafka-port=$KAFKA \
    -Dmediawerk.local-stack.s3-port=$S3 -Dmediawerk.admin-key="$ADMIN" \
    -Daws.requestChecksumCalculation=when_required -Daws.responseChecksumValidation=when_required \
    -jar target/quarkus-app/quarkus-run.jar > "$log" 2>&1 &
  APP_PID=$!
  PIDS+=("$APP_PID")
  wait_for "http://127.0.0.1:$port/q/health/ready" 120
}

# new_project: a project on the first instance; sets KEY
new_project() {
  local project
  project=$(curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
    -d '{"name":"bench"}' "http://127.0.0.1:$HTTP/projects" | json "['data']['id']")
  KEY=$(curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' -d '{}' \
    "http://127.0.0.1:$HTTP/projects/$project/keys" | json "['data']['key']")
}

# random_wav <file> <MiB>: a stereo 16-bit WAV of random samples (valid media that does not compress)
random_wav() {
  python3 - "$1" "$2" <<'PY'
import os, struct, sys
path, mib = sys.argv[1], int(sys.argv[2])
data = mib * 1024 * 1024 - 44
with open(path, "wb") as f:
    f.write(b"RIFF" + struct.pack("<I", data + 36) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 2, 48000,
            192000, 4, 16) + b"data" + struct.pack("<I", data))
    block = os.urandom(8 * 1024 * 1024)
    left = data
    while left > 0:
        n = min(left, len(block)); f.write(block[:n]); left -= n
PY
}

# psql_query <sql>: one value from the stack's PostgreSQL (Debian's postgresql-client)
psql_query() { psql -X -q -t -A -h 127.0.0.1 -p $PG -U postgres -d postgres -c "$1"; }

# psql_file <file> [psql options...]: runs an SQL script on the stack's PostgreSQL, stopping at its first error
psql_file() { local file=$1; shift; psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $PG -U postgres -d postgres "$@" -f "$file"; }
