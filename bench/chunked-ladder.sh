#!/usr/bin/env bash
# Chunked against unchunked ladders on one worker: seconds from `POST /transforms` (an HLS ladder) to `completed` for
# a 5-minute 720p30 H.264/AAC MP4, on an instance whose one consumer encodes the ladder in chunks of 120 s (the
# default) and on the same instance restarted with chunking off (a chunk length longer than the input). The ratio is
# what chunking costs when no other worker helps; with more workers, chunks run side by side. Alternating which
# mode goes first, medians of ROUNDS rounds.
# Usage: bench/chunked-ladder.sh [rounds, default 3] [seconds of video, default 300]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
ROUNDS=${1:-3}
SECONDS_OF_VIDEO=${2:-300}

build_and_start_stack

INPUT="$WORK/chunked-${SECONDS_OF_VIDEO}s-720p.mp4"
[ -f "$INPUT" ] || ffmpeg -v error -y -f lavfi -i "testsrc2=size=1280x720:rate=30:duration=$SECONDS_OF_VIDEO" \
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$SECONDS_OF_VIDEO" -c:v libx264 -preset veryfast \
  -g 60 -pix_fmt yuv420p -c:a aac -b:a 128k -movflags +faststart -shortest "$INPUT"

# instance <chunk length>: (re)starts the one instance, one consumer, no automatic playback
instance() {
  [ -n "${APP_PID:-}" ] && { kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; }
  start_app $HTTP 1g "$WORK/app-chunked.log" -Dmediawerk.playback.auto=false \
    -Dmediawerk.transforms.concurrency=1 -Dmediawerk.transforms.chunk-length="$1"
}

# ladder: an HLS ladder of the uploaded media; prints seconds from its 201 to completed, and the chunks it had
ladder() {
  python3 - "$MEDIA" "$KEY" "$HTTP" <<'PY'
import json, sys, time, urllib.request
media, key, port = sys.argv[1:]
def call(method, path, body=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                     data=None if body is None else json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + key, "Content-Type": "application/json"})
    with urllib.request.urlopen(request) as answer:
        return json.load(answer)["data"]
task = call("POST", "/transforms", {"media_id": media, "kind": "video", "format": "hls"})
created = time.monotonic()
while True:
    task = call("GET", "/transforms/" + task["id"])
    if task["status"] in ("completed", "failed", "cancelled"):
        break
    time.sleep(0.1)
if task["status"] != "completed":
    sys.exit("the ladder ended " + task["status"] + ": " + json.dumps(task.get("error")))
renditions = len(task["output"]["metadata"]["renditions"])
print(f"{time.monotonic() - created:.3f} {renditions}")
PY
}

instance PT2M
new_project
URL=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{}' \
  "http://127.0.0.1:$HTTP/uploads" | json "['data']['url']")
MEDIA=$(curl -sf -X PUT -H 'Content-Type: video/mp4' --data-binary @"$INPUT" "$URL" | json "['data']['id']")

median() { python3 -c "import statistics,sys; print(f'{statistics.median(float(x) for x in sys.argv[1:]):.3f}')" "$@"; }

CHUNKED=() WHOLE=()
for round in $(seq "$ROUNDS"); do
  if (( round % 2 )); then order="PT2M PT10H"; else order="PT10H PT2M"; fi
  for mode in $order; do
    instance "$mode"
    read -r seconds renditions < <(ladder)
    if [ "$mode" = PT2M ]; then CHUNKED+=("$seconds"); else WHOLE+=("$seconds"); fi
    echo "round $round: chunk length $mode: ${seconds}s for $renditions renditions"
  done
done
C=$(median "${CHUNKED[@]}") U=$(median "${WHOLE[@]}")
echo
echo "medians of $ROUNDS rounds, ${SECONDS_OF_VIDEO} s 720p30, one worker with one consumer:"
echo "  chunked (120 s) ${C} s vs unchunked ${U} s: ratio $(python3 -c "print(f'{$C/$U:.2f}')") (target <= 1.1)"
