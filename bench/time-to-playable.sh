#!/usr/bin/env bash
# Time to playable: seconds from an upload's 201 until its automatic `playback` stream answers — the master
# playlist and the first segment of its first variant both 200 through /files — for a 60 s 1080p30 H.264/AAC MP4
# (the copy path) and, reported beside it, the same picture as VP9/Opus WebM (the encode path). Then the full ladder:
# seconds from the 201 until the playback source is `ready`, against the bare single-pass 4-rung ffmpeg ladder on
# the same local file, side by side, alternating which goes first. Medians of ROUNDS rounds.
# Usage: bench/time-to-playable.sh [rounds, default 5] [seconds of video, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
ROUNDS=${1:-5}
SECONDS_OF_VIDEO=${2:-60}

build_and_start_stack
start_app $HTTP 1g "$WORK/app.log" -Dmediawerk.playback.auto=true \
  -Dquarkus.log.category.\"io.mediawerk.transform.worker\".level=DEBUG
new_project

MP4="$WORK/playable-${SECONDS_OF_VIDEO}s-1080p.mp4"
WEBM="$WORK/playable-${SECONDS_OF_VIDEO}s-1080p.webm"
SOURCE_ARGS=(-f lavfi -i "testsrc2=size=1920x1080:rate=30:duration=$SECONDS_OF_VIDEO"
  -f lavfi -i "sine=frequency=440:sample_rate=48000:duration=$SECONDS_OF_VIDEO")
[ -f "$MP4" ] || ffmpeg -v error -y "${SOURCE_ARGS[@]}" -c:v libx264 -preset veryfast -g 60 -pix_fmt yuv420p \
  -c:a aac -b:a 128k -movflags +faststart -shortest "$MP4"
[ -f "$WEBM" ] || ffmpeg -v error -y "${SOURCE_ARGS[@]}" -c:v libvpx-vp9 -deadline realtime -cpu-used 8 \
  -b:v 4M -g 60 -c:a libopus -b:a 96k -shortest "$WEBM"

# playable <file> <type>: uploads the file, prints "<to playable> <to ladder complete>" in seconds from the 201
playable() {
  local url
  url=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{}' \
    "http://127.0.0.1:$HTTP/uploads" | json "['data']['url']")
  python3 - "$url" "$1" "$2" "$KEY" "$HTTP" <<'PY'
import json, sys, time, urllib.request
url, path, kind, key, port = sys.argv[1:]
with open(path, "rb") as f:
    body = f.read()
answer = urllib.request.urlopen(urllib.request.Request(url, data=body, method="PUT",
                                                       headers={"Content-Type": kind}))
created = time.monotonic()
media = json.load(answer)["data"]["id"]

def get(u, auth=False):
    headers = {"Authorization": "Bearer " + key} if auth else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(u, headers=headers)) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, b""

playable = None
while True:
    status, raw = get(f"http://127.0.0.1:{port}/media/{media}", auth=True)
    view = json.loads(raw)["data"]
    if playable is None and view.get("playback_url"):
        master_url = view["playback_url"]
        status, master = get(master_url)
        variant = next(l for l in master.decode().splitlines() if l and not l.startswith("#"))
        variant_url = urllib.parse.urljoin(master_url, variant)
        status, playlist = get(variant_url)
        segment = next(l for l in playlist.decode().splitlines() if l and not l.startswith("#"))
        status, _ = get(urllib.parse.urljoin(variant_url, segment))
        if status == 200:
            playable = time.monotonic() - created
    stream = next((s for s in view["sources"] if s["label"] == "playback"), None)
    if stream and stream["status"] == "ready":
        print(f"{playable:.3f} {time.monotonic() - created:.3f}")
        break
    if time.monotonic() - created > 900:
        sys.exit("no playback stream after 900 s")
    time.sleep(0.02)
PY
}

# bare: the single-pass 4-rung ladder, as one ffmpeg command on the local file; prints seconds
bare() {
  local out="$WORK/bare-ladder"
  rm -rf "$out"; mkdir -p "$out"
  local start=$EPOCHREALTIME
  ffmpeg -v error -y -i "$MP4" -filter_complex \
    "[0:v]split=4[s0][s1][s2][s3];[s0]scale=1920:1080[v0];[s1]scale=1280:720[v1];[s2]scale=854:480[v2];[s3]scale=640:360[v3]" \
    -map "[v0]" -map 0:a:0 -map "[v1]" -map 0:a:0 -map "[v2]" -map 0:a:0 -map "[v3]" -map 0:a:0 \
    -c:v libx264 -preset veryfast -crf 23 -pix_fmt yuv420p -force_key_frames "expr:gte(t,n_forced*4)" \
    -maxrate:v:0 5000k -bufsize:v:0 10000k -maxrate:v:1 2800k -bufsize:v:1 5600k \
    -maxrate:v:2 1400k -bufsize:v:2 2800k -maxrate:v:3 800k -bufsize:v:3 1600k -c:a aac -b:a 128k -threads 2 \
    -f hls -hls_time 4 -hls_playlist_type vod -hls_segment_filename "$out/v%v/seg_%03d.ts" \
    -var_stream_map "v:0,a:0 v:1,a:1 v:2,a:2 v:3,a:3" "$out/v%v/index.m3u8"
  python3 -c "print(f'{$EPOCHREALTIME - $start:.3f}')"
}

median() { python3 -c "import statistics,sys; print(f'{statistics.median(float(x) for x in sys.argv[1:]):.3f}')" "$@"; }

playable "$MP4" video/mp4 > /dev/null # warm-up
MP4_PLAYABLE=() MP4_LADDER=() WEBM_PLAYABLE=() BARE=()
for round in $(seq "$ROUNDS"); do
  if (( round % 2 )); then
    read -r p l < <(playable "$MP4" video/mp4); b=$(bare)
  else
    b=$(bare); read -r p l < <(playable "$MP4" video/mp4)
  fi
  read -r wp _ < <(playable "$WEBM" video/webm)
  MP4_PLAYABLE+=("$p") MP4_LADDER+=("$l") BARE+=("$b") WEBM_PLAYABLE+=("$wp")
  echo "round $round: mp4 playable ${p}s, ladder ${l}s, bare ladder ${b}s; webm playable ${wp}s"
done
P=$(median "${MP4_PLAYABLE[@]}") L=$(median "${MP4_LADDER[@]}") B=$(median "${BARE[@]}") W=$(median "${WEBM_PLAYABLE[@]}")
echo
echo "medians of $ROUNDS rounds, ${SECONDS_OF_VIDEO} s 1080p30:"
echo "  H.264/AAC MP4: playable ${P} s after the 201 (target <= 1.0)"
echo "  VP9/Opus WebM: playable ${W} s after the 201"
echo "  full ladder ${L} s vs bare single-pass ffmpeg ladder ${B} s: ratio $(python3 -c "print(f'{$L/$B:.2f}')") (target <= 1.15)"
