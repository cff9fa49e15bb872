#!/usr/bin/env bash
# Upload throughput: one large file sent through a Mediawerk upload URL vs. a direct S3 PUT of the same file to the
# same S3 server, in the same run; Mediawerk runs in its own JVM with a small heap and its peak RSS is reported.
# Usage: bench/upload-throughput.sh [size in MiB, default 1024] [heap, default 256m] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
SIZE_MIB=${1:-1024}
HEAP=${2:-256m}
ROUNDS=${3:-3}

build_and_start_stack
# Extra -D settings for Mediawerk (e.g. -Dmediawerk.storage.parts-in-flight=4) come from MEDIAWERK_OPTS
# shellcheck disable=SC2086
start_app $HTTP "$HEAP" "$WORK/app.log" ${MEDIAWERK_OPTS:-}
APP=$APP_PID
new_project

FILE="$WORK/bench.wav"
random_wav "$FILE" "$SIZE_MIB"
BYTES=$(stat -c %s "$FILE")

SIGV4=(--aws-sigv4 "aws:amz:us-east-1:s3" --user "$S3_KEY:$S3_SECRET" -H "x-amz-content-sha256: UNSIGNED-PAYLOAD")
curl -s -o /dev/null "${SIGV4[@]}" -X PUT "http://127.0.0.1:$S3/bench-direct"

direct() {
  curl -sf -o /dev/null -w '%{time_total}' "${SIGV4[@]}" -H 'Expect:' -T "$FILE" \
    "http://127.0.0.1:$S3/bench-direct/bench-$1.wav"
}
through() {
  local url answer
  url=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{"timeout":3600}' \
    "http://127.0.0.1:$HTTP/uploads" | json "['data']['url']")
  answer=$(curl -s -o "$WORK/upload-answer.json" -w '%{http_code} %{time_total}' -H 'Content-Type: audio/wav' \
    -H 'Expect:' -T "$FILE" "$url")
  [ "${answer%% *}" = 201 ] || { echo "upload answered ${answer%% *}: $(cat "$WORK/upload-answer.json")" >&2; exit 1; }
  echo "${answer##* }"
}

# The disk writes back what one run wrote while the next one runs: alternate the order every round and compare
# medians, so neither path always pays for the other.
DIRECT_TIMES=() THROUGH_TIMES=()
for round in $(seq "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then
    DIRECT_TIMES+=("$(direct "$round")"); THROUGH_TIMES+=("$(through)")
  else
    THROUGH_TIMES+=("$(through)"); DIRECT_TIMES+=("$(direct "$round")")
  fi
  echo "round $round: direct ${DIRECT_TIMES[-1]} s, through Mediawerk ${THROUGH_TIMES[-1]} s"
done
RSS_KB=$(awk '/VmHWM/ {print $2}' "/proc/$APP/status")

python3 - "$BYTES" "${DIRECT_TIMES[*]}" "${THROUGH_TIMES[*]}" "$RSS_KB" "$HEAP" <<'PY'
import statistics, sys
size, rss, heap = int(sys.argv[1]), int(sys.argv[4]), sys.argv[5]
direct = statistics.median(float(t) for t in sys.argv[2].split())
through = statistics.median(float(t) for t in sys.argv[3].split())
mib = size / 1024 / 1024
print(f"file: {mib:.0f} MiB, medians of {len(sys.argv[2].split())} rounds")
print(f"direct S3 PUT:        {direct:6.2f} s  {mib / direct:7.1f} MiB/s")
print(f"through Mediawerk:    {through:6.2f} s  {mib / through:7.1f} MiB/s")
print(f"ratio (Mediawerk / direct throughput): {direct / through:.2f}")
print(f"Mediawerk JVM: -Xmx{heap}, peak RSS {rss / 1024:.0f} MiB")
PY
