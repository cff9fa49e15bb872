#!/usr/bin/env bash
# Delivery throughput with analytics counting on and off: the same small file (a 4 KiB PNG, so the request path
# and not the bytes dominate) fetched by ApacheBench with keep-alive from one instance, alternating counting on
# (MEDIAWERK_DELIVERY_COUNTING=true, the default) and off, ROUNDS times each. Printed: requests/s of each round and
# the ratio of the medians (on / off). Needs ab (apt-get install apache2-utils).
# Usage: bench/delivery-counting.sh [requests per round (20000)] [concurrency (32)] [rounds (3)]
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-20000} CONCURRENCY=${2:-32} ROUNDS=${3:-3}
command -v ab >/dev/null || { echo "ab is missing: apt-get install apache2-utils" >&2; exit 1; }

source bench/lib.sh
build_and_start_stack
start_app $HTTP 1g "$WORK/app-setup.log"
new_project
PNG="$WORK/4k.png"
ffmpeg -loglevel error -y -f lavfi -i "testsrc2=s=64x48:d=1" -frames:v 1 "$PNG"
UPLOAD=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{}' \
  "http://127.0.0.1:$HTTP/uploads" | json "['data']['url']")
MEDIA=$(curl -sf -H 'Content-Type: image/png' --data-binary "@$PNG" "$UPLOAD" | json "['data']['id']")
URL=$(curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$HTTP/media/$MEDIA" | json "['data']['sources'][0]['url']")
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true

round() { # counting, round
  start_app $HTTP 1g "$WORK/app-$1-$2.log" -Dmediawerk.delivery.counting="$1"
  ab -q -k -n 2000 -c "$CONCURRENCY" "$URL" > /dev/null # warm-up
  ab -q -k -n "$REQUESTS" -c "$CONCURRENCY" "$URL" | awk '/Requests per second/ {print $4}'
  kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true
}
ON=() OFF=()
for r in $(seq "$ROUNDS"); do
  ON+=("$(round true "$r")"); OFF+=("$(round false "$r")")
  echo "round $r: counting on ${ON[-1]} req/s, off ${OFF[-1]} req/s"
done
python3 - "${ON[*]}" "${OFF[*]}" <<'PY'
import statistics, sys
on = [float(x) for x in sys.argv[1].split()]
off = [float(x) for x in sys.argv[2].split()]
print(f"median: counting on {statistics.median(on):.0f} req/s, off {statistics.median(off):.0f} req/s, "
      f"ratio {statistics.median(on) / statistics.median(off):.3f}")
PY
# nothing counted is lost: every request of the counting rounds (warm-ups included) is in the analytics
start_app $HTTP 1g "$WORK/app-check.log"
COUNTED=$(curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$HTTP/analytics/media/$MEDIA" \
  | json "['data']['deliveries']['requests']")
echo "counted by analytics: $COUNTED requests (sent with counting on: $(( ROUNDS * (REQUESTS + 2000) )))"
