#!/usr/bin/env bash
# Transform overhead and throughput: a 10 s 1080p clip made 720p H.264 (1) by the bare ffmpeg command that
# Mediawerk's worker runs, on the local file, and (2) through Mediawerk, from POST /transforms to "completed"
# (Kafka, the worker reading the input from S3, storing and probing the output), in the same run. Then tasks per
# minute with one and with two worker processes (each running one task at a time).
# Usage: bench/transform-throughput.sh [rounds, default 5] [tasks for the throughput runs, default 8]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
ROUNDS=${1:-5}
TASKS=${2:-8}
WORKER_OPTS=(-Dmediawerk.transforms.concurrency=1 -Dquarkus.log.category.\"io.mediawerk.transform.worker\".level=DEBUG)

build_and_start_stack
start_app $HTTP 1g "$WORK/app.log" "${WORKER_OPTS[@]}"
new_project

CLIP="$WORK/clip-1080p.mp4"
[ -f "$CLIP" ] || ffmpeg -v error -y -f lavfi -i testsrc2=size=1920x1080:rate=25:duration=10 \
  -f lavfi -i sine=frequency=440:sample_rate=48000:duration=10 -c:v libx264 -preset veryfast -pix_fmt yuv420p \
  -c:a aac -b:a 128k "$CLIP"
URL=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{}' \
  "http://127.0.0.1:$HTTP/uploads" | json "['data']['url']")
MEDIA=$(curl -sf -H 'Content-Type: video/mp4' -T "$CLIP" "$URL" | json "['data']['id']")

post_transform() {
  curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d "{\"media_id\":\"$MEDIA\",\"kind\":\"video\",\"height\":720,\"label\":\"bench\"}" \
    "http://127.0.0.1:$HTTP/transforms" | json "['data']['id']"
}
# polling must cost next to nothing, or it takes CPU from the ffmpeg being measured: curl and grep, no python
await_completed() {
  local answer
  while true; do
    answer=$(curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$HTTP/transforms/$1")
    case $answer in
      *'"status":"completed"'*) return 0 ;;
      *'"status":"failed"'*|*'"status":"cancelled"'*) echo "transform $1 ended: $answer" >&2; exit 1 ;;
    esac
    sleep 0.1
  done
}
since() { python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.3f}')" "$1" "$(date +%s.%N)"; }
# where the time of a run through Mediawerk went: waiting for a worker, and the worker's run (claim to recorded)
stages() {
  curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$HTTP/transforms/$1" | python3 -c "
import json, sys
from datetime import datetime
d = json.load(sys.stdin)['data']
t = lambda s: datetime.fromisoformat(s.replace('Z', '+00:00'))
print(f\"{(t(d['started']) - t(d['created'])).total_seconds():.3f} {(t(d['completed']) - t(d['started'])).total_seconds():.3f}\")"
}
through() {
  local start id elapsed
  start=$(date +%s.%N)
  id=$(post_transform)
  await_completed "$id"
  elapsed=$(since "$start")
  read -r queued ran <<< "$(stages "$id")"
  echo "$elapsed (queued $queued s, worker run $ran s)" >&2
  echo "$elapsed"
}
# the worker's own command (logged at DEBUG as JSON), on the local file, into a local folder
bare() {
  python3 - "$WORK/app.log" "$CLIP" "$WORK/bare" <<'PY'
import json, os, re, shutil, subprocess, sys, time
log, clip, out = sys.argv[1:]
command = [json.loads(m.group(1)) for m in re.finditer(r"step 0 runs (\[.*\])", open(log).read())][-1]
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)
# the worker reads over HTTP from S3; here ffmpeg reads the local file, so the HTTP-only input options go
http_only = {"-protocol_whitelist", "-rw_timeout", "-reconnect", "-reconnect_on_network_error", "-reconnect_delay_max"}
kept, skip_value = [], False
for arg in command:
    if skip_value:
        skip_value = False
    elif arg in http_only:
        skip_value = True
    else:
        kept.append(arg)
command = [clip if a == "<input>" else re.sub(r"^.*/out/", out + "/", a) for a in kept]
start = time.monotonic()
subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
print(f"{time.monotonic() - start:.3f}")
PY
}

echo "warm-up: $(through) s through Mediawerk"
BARE_TIMES=() THROUGH_TIMES=()
for round in $(seq "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then
    BARE_TIMES+=("$(bare)"); THROUGH_TIMES+=("$(through)")
  else
    THROUGH_TIMES+=("$(through)"); BARE_TIMES+=("$(bare)")
  fi
  echo "round $round: bare ffmpeg ${BARE_TIMES[-1]} s, through Mediawerk ${THROUGH_TIMES[-1]} s"
done

throughput() { # tasks at once, until all completed; prints tasks per minute
  local start ids=()
  start=$(date +%s.%N)
  for _ in $(seq "$TASKS"); do ids+=("$(post_transform)"); done
  for id in "${ids[@]}"; do await_completed "$id"; done
  python3 -c "import sys; print($TASKS * 60 / float(sys.argv[1]))" "$(since "$start")"
}
ONE=$(throughput)
echo "one worker process: $(printf %.1f "$ONE") tasks/min"
start_app $((HTTP + 1)) 1g "$WORK/app2.log" "${WORKER_OPTS[@]}"
sleep 10 # the second consumer joins the group and the partitions are shared out
TWO=$(throughput)
echo "two worker processes: $(printf %.1f "$TWO") tasks/min"

python3 - "${BARE_TIMES[*]}" "${THROUGH_TIMES[*]}" "$ONE" "$TWO" "$(nproc)" <<'PY'
import statistics, sys
bare = statistics.median(float(t) for t in sys.argv[1].split())
through = statistics.median(float(t) for t in sys.argv[2].split())
print(f"10 s 1080p -> 720p H.264, medians of {len(sys.argv[1].split())} rounds")
print(f"bare ffmpeg:            {bare:6.2f} s")
print(f"through Mediawerk:      {through:6.2f} s (POST to completed)")
print(f"ratio (Mediawerk / bare): {through / bare:.2f}")
print(f"tasks/min: one worker process {float(sys.argv[3]):.1f}, two {float(sys.argv[4]):.1f} ({sys.argv[5]} cores)")
PY
