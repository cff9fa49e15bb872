#!/usr/bin/env bash
# The read path against its limits on the same machine, side by side, alternating which goes first, medians of
# ROUNDS rounds (wrk, 2 threads, 32 connections, DURATION seconds each):
#   GET /media/{id} with a key            vs  the same instance's /q/health/live
#   GET /files/<source>.wav (4 KiB)       vs  a presigned GET of the same object straight from the S3 server
#     (answered from the instance's memory of small files; and streamed from S3 by a second instance that keeps
#     none, MEDIAWERK_DELIVERY_MEMORY_MIB=0)
# then 1 000 connections on GET /media/{id} for 20 s with a 1 s client timeout (timeouts must be 0; 503s are the
# instance shedding what it cannot take), and the instance's answers right after; then, with SEED_MEDIA media
# seeded by SQL into one project, GET /media?limit=100 on the first page and on a page deep in the list that its
# links lead to (4 connections: a client paging; and the first page at 32). Needs wrk (Debian: apt-get install wrk) and python3-botocore (the presigned URL).
# Usage: [JAVA_OPTIONS=...] bench/read-path.sh [rounds, default 3] [seconds per run, default 10] [media to seed, default 1000000]
set -euo pipefail
cd "$(dirname "$0")/.."

source bench/lib.sh
ROUNDS=${1:-3}
DURATION=${2:-10}
SEED_MEDIA=${3:-1000000}
command -v wrk >/dev/null || { echo "read-path.sh needs wrk: sudo apt-get install -y wrk" >&2; exit 1; }
(( SEED_MEDIA >= 5000 )) || { echo "read-path.sh pages 50 links of 100 in: seed at least 5000 media" >&2; exit 1; }

build_and_start_stack
# JAVA_OPTIONS: more options for the instance, e.g. -Dmediawerk.cache.media-views-for=PT0S to read every
# GET /media/{id} from the database
# shellcheck disable=SC2086
start_app $HTTP 1g "$WORK/app.log" ${JAVA_OPTIONS:-}
# shellcheck disable=SC2086
start_app $((HTTP + 1)) 1g "$WORK/app-streaming.log" -Dmediawerk.delivery.memory-mib=0 ${JAVA_OPTIONS:-}
new_project
PROJECT=$(curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$HTTP/media" | json "['meta']['project_id']")
# the benchmark measures the instance, not the key's rate limit
curl -sf -o /dev/null -X PATCH -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"rate_limit":{"per_second":1000000,"burst":1000000}}' "http://127.0.0.1:$HTTP/projects/$PROJECT"

# a 4 KiB WAV (44 bytes of header, 4 052 of silence)
python3 - "$WORK/4k.wav" <<'PY'
import struct, sys
data = 4096 - 44
with open(sys.argv[1], "wb") as f:
    f.write(b"RIFF" + struct.pack("<I", data + 36) + b"WAVEfmt " + struct.pack("<IHHIIHH", 16, 1, 1, 8000, 16000, 2, 16)
            + b"data" + struct.pack("<I", data) + bytes(data))
PY
UPLOAD=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -d '{}' \
  "http://127.0.0.1:$HTTP/uploads" | json "['data']['url']")
MEDIA=$(curl -sf -X PUT -H 'Content-Type: audio/wav' --data-binary @"$WORK/4k.wav" "$UPLOAD" | json "['data']['id']")
for _ in $(seq 60); do
  STATUS=$(curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$HTTP/media/$MEDIA" | json "['data']['status']")
  [ "$STATUS" = ready ] && break; sleep 1
done
FILE_URL=$(curl -sf -H "Authorization: Bearer $KEY" "http://127.0.0.1:$HTTP/media/$MEDIA" | json "['data']['sources'][0]['url']")
FILE_PATH=/${FILE_URL#http*://*/}
STORAGE_KEY=$(psql_query "select storage_key from sources where media_id = '$MEDIA' limit 1")
S3_URL=$(python3 - "$STORAGE_KEY" <<PY
import sys, botocore.session
client = botocore.session.get_session().create_client("s3", endpoint_url="http://127.0.0.1:$S3", region_name="us-east-1",
    aws_access_key_id="$S3_KEY", aws_secret_access_key="$S3_SECRET",
    config=botocore.config.Config(s3={"addressing_style": "path"}, signature_version="s3v4"))
print(client.generate_presigned_url("get_object", Params={"Bucket": "mediawerk", "Key": sys.argv[1]}, ExpiresIn=3600))
PY
)
[ "$(curl -s -o /dev/null -w '%{http_code}' "$S3_URL")" = 200 ] || { echo "the presigned S3 URL does not answer 200" >&2; exit 1; }

LUA="$WORK/auth.lua"
printf 'wrk.headers["Authorization"] = "Bearer %s"\n' "$KEY" > "$LUA"

# run <label> <wrk args...>: prints "<requests/s> <p99 ms>"
run() {
  local out
  out=$(wrk -t2 -c"${CONNECTIONS:-32}" -d"${DURATION}s" --latency "$@")
  python3 - "$out" <<'PY'
import re, sys
out = sys.argv[1]
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
p99 = re.search(r"99%\s+([\d.]+)(us|ms|s)", out)
ms = float(p99.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[p99.group(2)]
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
if bad:
    sys.exit(f"non-2xx answers during the run: {bad.group(1)}")
print(f"{rps:.0f} {ms:.2f}")
PY
}
median() { python3 -c "import statistics,sys; print(f'{statistics.median(float(x) for x in sys.argv[1:]):.2f}')" "$@"; }

# warm-up (the JIT needs a while: shorter, and the first round is far below the next)
wrk -t2 -c32 -d20s -s "$LUA" "http://127.0.0.1:$HTTP/media/$MEDIA" > /dev/null
wrk -t2 -c32 -d15s "http://127.0.0.1:$HTTP$FILE_PATH" > /dev/null
wrk -t2 -c32 -d15s "http://127.0.0.1:$((HTTP + 1))$FILE_PATH" > /dev/null
wrk -t2 -c32 -d5s "http://127.0.0.1:$HTTP/q/health/live" > /dev/null
HEALTH=() GET=() GET_P99=() FILES=() STREAMED=() S3=()
for round in $(seq "$ROUNDS"); do
  if (( round % 2 )); then
    read -r g gp < <(run -s "$LUA" "http://127.0.0.1:$HTTP/media/$MEDIA"); read -r h _ < <(run "http://127.0.0.1:$HTTP/q/health/live")
    read -r f _ < <(run "http://127.0.0.1:$HTTP$FILE_PATH"); read -r s _ < <(run "$S3_URL")
    read -r fs _ < <(run "http://127.0.0.1:$((HTTP + 1))$FILE_PATH")
  else
    read -r fs _ < <(run "http://127.0.0.1:$((HTTP + 1))$FILE_PATH")
    read -r h _ < <(run "http://127.0.0.1:$HTTP/q/health/live"); read -r g gp < <(run -s "$LUA" "http://127.0.0.1:$HTTP/media/$MEDIA")
    read -r s _ < <(run "$S3_URL"); read -r f _ < <(run "http://127.0.0.1:$HTTP$FILE_PATH")
  fi
  HEALTH+=("$h") GET+=("$g") GET_P99+=("$gp") FILES+=("$f") STREAMED+=("$fs") S3+=("$s")
  echo "round $round: GET /media/{id} $g req/s (p99 $gp ms), /q/health/live $h req/s; /files $f req/s (streamed $fs), S3 presigned $s req/s"
done
G=$(median "${GET[@]}") H=$(median "${HEALTH[@]}") GP=$(median "${GET_P99[@]}") F=$(median "${FILES[@]}") FS=$(median "${STREAMED[@]}") S=$(median "${S3[@]}")

echo "1 000 connections for 20 s, 1 s client timeout..."
FLOOD=$(wrk -t2 -c1000 -d20s --timeout 1s --latency -s "$LUA" "http://127.0.0.1:$HTTP/media/$MEDIA" || true)
FLOOD_SUMMARY=$(python3 - "$FLOOD" <<'PY'
import re, sys
out = sys.argv[1]
total = int(re.search(r"(\d+) requests in", out).group(1))
errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
timeouts = int(errors.group(4)) if errors else 0
connect = int(errors.group(1)) if errors else 0
non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
shed = int(non2xx.group(1)) if non2xx else 0
print(f"{total} answers, {total - shed} of them 200 and {shed} 503; {timeouts} timeouts, {connect} connect errors")
PY
)
AFTER=$(for _ in $(seq 20); do curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $KEY" \
  "http://127.0.0.1:$HTTP/media/$MEDIA"; done | sort | uniq -c | tr '\n' ' ')

echo "seeding $SEED_MEDIA media..."
psql_file bench/seed-media.sql -v project="$PROJECT" -v count="$SEED_MEDIA" > /dev/null
FIRST_PAGE="http://127.0.0.1:$HTTP/media?limit=100"
DEEP=$(python3 - "$KEY" "$FIRST_PAGE" <<'PY'
import json, sys, urllib.request
key, url = sys.argv[1:]
for _ in range(50):  # 50 pages in, by the links
    body = json.load(urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": "Bearer " + key})))
    url = body["links"]["next"]
print(url)
PY
)
# a client paging: 4 connections (at 32 the p99 is the queue of a saturated instance)
wrk -t2 -c4 -d10s -s "$LUA" "$FIRST_PAGE" > /dev/null
read -r L1 L1P < <(CONNECTIONS=4 run -s "$LUA" "$FIRST_PAGE")
read -r L2 L2P < <(CONNECTIONS=4 run -s "$LUA" "$DEEP")
read -r L1B L1BP < <(run -s "$LUA" "$FIRST_PAGE")

echo
echo "medians of $ROUNDS rounds of ${DURATION} s, 32 connections:"
echo "  GET /media/{id}: $G req/s, p99 $GP ms; /q/health/live $H req/s: ratio $(python3 -c "print(f'{$G/$H:.2f}')") (target >= 0.4, p99 <= 25 ms)"
echo "  /files 4 KiB: $F req/s; presigned S3 GET $S req/s: ratio $(python3 -c "print(f'{$F/$S:.2f}')") (target >= 0.8)"
echo "  /files 4 KiB streamed from S3 (an instance keeping no file in memory): $FS req/s: ratio $(python3 -c "print(f'{$FS/$S:.2f}')")"
echo "  1 000 connections, 20 s: $FLOOD_SUMMARY (target: 0 timeouts); right after: $AFTER"
echo "  $SEED_MEDIA media, GET /media?limit=100, 4 connections: first page $L1 req/s, p99 $L1P ms; 50 pages in $L2 req/s, p99 $L2P ms (target p99 <= 50 ms); first page at 32 connections $L1B req/s, p99 $L1BP ms"
