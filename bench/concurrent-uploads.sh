#!/usr/bin/env bash
# Concurrent uploads at a small heap: N uploads of one ~20 MiB WAV started at once through Mediawerk upload URLs,
# beside the same N files PUT at once straight to the same S3 server (the limit), alternating which goes first,
# ROUNDS times for each N (medians). Reports for each N the answers (201 / 503 / other), throughputs, the 503s
# retried until stored, and the JVM's peak RSS after that N; the instance's log is checked for OutOfMemoryError.
# The heap is committed and touched at start (-Xms = -Xmx, AlwaysPreTouch), so RSS growth is what N adds.
# Usage: bench/concurrent-uploads.sh [heap, default 256m] [counts, default "1 10 100"] [MiB per file, default 20]
#        [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
HEAP=${1:-256m}
SIZES=${2:-"1 10 100"}
FILE_MIB=${3:-20}
ROUNDS=${4:-3}

build_and_start_stack
# shellcheck disable=SC2086
start_app $HTTP "$HEAP" "$WORK/app.log" -Xms"$HEAP" -XX:+AlwaysPreTouch -XX:+ExitOnOutOfMemoryError ${MEDIAWERK_OPTS:-}
APP=$APP_PID
new_project

FILE="$WORK/concurrent.wav"
random_wav "$FILE" "$FILE_MIB"
BYTES=$(stat -c %s "$FILE")
SIGV4=(--aws-sigv4 "aws:amz:us-east-1:s3" --user "$S3_KEY:$S3_SECRET" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD")
curl -s -o /dev/null "${SIGV4[@]}" -X PUT "http://127.0.0.1:$S3/bench-direct"

upload_url() {
  curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{"timeout":3600}' \
    "http://127.0.0.1:$HTTP/uploads" | json "['data']['url']"
}

# direct <n>: n PUTs at once to S3; prints the seconds until the last ended
direct() {
  local start=$EPOCHREALTIME
  for i in $(seq "$1"); do
    curl -s -o /dev/null "${SIGV4[@]}" -T "$FILE" "http://127.0.0.1:$S3/bench-direct/c-$i.wav" &
  done
  wait
  python3 -c "print(f'{$EPOCHREALTIME - $start:.2f}')"
}

# through <n>: n uploads at once through Mediawerk (curl -T, as a user would: it sends Expect: 100-continue);
# prints "<seconds> <201s> <503s> <others> <503s with Retry-After>", and keeps the URLs of the 503s for a retry
through() {
  local n=$1 dir="$WORK/through-$1"
  rm -rf "$dir"; mkdir -p "$dir"
  for i in $(seq "$n"); do upload_url > "$dir/$i.url"; done
  local start=$EPOCHREALTIME
  for i in $(seq "$n"); do
    curl -s -D "$dir/$i.headers" -o "$dir/$i.json" -w '%{http_code}' -H 'Content-Type: audio/wav' -T "$FILE" \
      "$(cat "$dir/$i.url")" > "$dir/$i.code" &
  done
  wait
  local seconds
  seconds=$(python3 -c "print(f'{$EPOCHREALTIME - $start:.2f}')")
  local ok=0 busy=0 other=0 retry_after=0
  for i in $(seq "$n"); do
    case "$(cat "$dir/$i.code")" in
      201) ok=$((ok + 1)) ;;
      503) busy=$((busy + 1)); grep -qi '^retry-after:' "$dir/$i.headers" && retry_after=$((retry_after + 1)) ;;
      *) other=$((other + 1)) ;;
    esac
  done
  echo "$seconds $ok $busy $other $retry_after"
}

# retry_refused <n>: sends every 503 of the last `through n` again, one at a time, until it is stored
retry_refused() {
  local dir="$WORK/through-$1" retried=0
  for i in $(seq "$1"); do
    [ "$(cat "$dir/$i.code")" = 503 ] || continue
    for _ in $(seq 10); do
      code=$(curl -s -o "$dir/$i.json" -w '%{http_code}' -H 'Content-Type: audio/wav' -T "$FILE" "$(cat "$dir/$i.url")")
      [ "$code" = 201 ] && break
      sleep 2
    done
    [ "$code" = 201 ] || { echo "a refused upload still answered $code on retry: $(cat "$dir/$i.json")" >&2; exit 1; }
    retried=$((retried + 1))
  done
  echo "$retried"
}

echo "file: $((BYTES / 1024 / 1024)) MiB, Mediawerk at -Xmx$HEAP, $ROUNDS rounds per count"
: "$(through 1)" # warm-up (in a subshell: its wait must not wait for the servers)
RSS_START=$(awk '/VmHWM/ {print $2}' "/proc/$APP/status")
RESULTS=()
round=0
for n in $SIZES; do
  for r in $(seq "$ROUNDS"); do
    round=$((round + 1))
    if [ $((round % 2)) = 1 ]; then
      d=$(direct "$n"); t=$(through "$n")
    else
      t=$(through "$n"); d=$(direct "$n")
    fi
    retried=$(retry_refused "$n")
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$APP/status" 2>/dev/null || echo 0)
    RESULTS+=("$n $d $t $retried $rss")
    echo "N=$n round $r: direct ${d} s; through Mediawerk: ${t} (s 201 503 other retry-after); 503s stored on retry: $retried; peak RSS so far $((rss / 1024)) MiB"
  done
done

OOM=$(grep -c OutOfMemoryError "$WORK/app.log" || true)
kill -0 "$APP" 2>/dev/null && ALIVE=yes || ALIVE=no
python3 - "$BYTES" "$HEAP" "$OOM" "$ALIVE" "$RSS_START" "${RESULTS[@]}" <<'PY'
import statistics, sys
from collections import defaultdict
size, heap, oom, alive, rss_start = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
mib = size / 1024 / 1024
rows = defaultdict(list)
for row in sys.argv[6:]:
    n, d, t, ok, busy, other, ra, retried, rss = row.split()
    rows[int(n)].append((float(d), float(t), int(ok), int(busy), int(other), int(ra), int(retried), int(rss)))
print()
print(f"peak RSS after start and one warm-up upload: {rss_start // 1024} MiB")
print("| N | direct S3, MiB/s (median) | through Mediawerk, MiB/s stored (median) | ratio | 201 / 503 (with Retry-After) / other, all rounds | 503s stored on retry | peak RSS after N |")
print("|---|---|---|---|---|---|---|")
for n, runs in rows.items():
    direct = statistics.median(n * mib / r[0] for r in runs)
    through = statistics.median(r[2] * mib / r[1] for r in runs)
    ok, busy, other, ra, retried = (sum(r[i] for r in runs) for i in (2, 3, 4, 5, 6))
    print(f"| {n} | {direct:.1f} | {through:.1f} | {through / direct:.2f} | {ok} / {busy} ({ra}) / {other} | {retried} | {max(r[7] for r in runs) // 1024} MiB |")
print(f"\n-Xmx{heap}; OutOfMemoryError lines in the log: {oom}; instance alive at the end: {alive}")
PY
